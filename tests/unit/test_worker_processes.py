"""The PDF worker pool never outlives the app (pos/services/processes.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ABRUPT_END = """
import os
from pos.services import processes
for job in processes.warm_up():
    job.result(timeout=60)
print("warm", flush=True)
os._exit(0)  # as a crash or a kill would: no pool shutdown, no atexit
"""


def test_workers_end_when_the_app_process_ends_abruptly() -> None:
    # The launcher reads the app's output to its end: that end comes only once every worker,
    # which inherited the pipe, has gone. Orphaned workers would make this wait for ever.
    done = subprocess.run(
        [sys.executable, "-c", ABRUPT_END],
        cwd=ROOT, capture_output=True, text=True, timeout=90, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "warm"
