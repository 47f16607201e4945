"""Running the app's commands as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def sync_cli(db: Path, *args: str, key: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python main.py sync --db DB ARGS``; ``key`` is handed over as OFN_TEST_KEY."""
    env = dict(os.environ)
    if key is not None:
        env["OFN_TEST_KEY"] = key
    return subprocess.run(
        [sys.executable, "main.py", "sync", "--db", str(db), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
