"""Waiting for background work in GUI tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def settle(qtbot: Any, reconcile_window: Any, timeout: int = 30_000) -> None:
    """Wait until the reconcile window shows the figures of its latest refresh."""
    qtbot.waitUntil(lambda: not reconcile_window.refreshing, timeout=timeout)


def gate_file(db: str | Path) -> Path:
    """The file :func:`load_when_gate_opens` waits for, beside the database."""
    return Path(f"{db}.gate")


def load_when_gate_opens(request: Any) -> Any:
    """In a worker process: the reconcile window's real load, once the test has created
    :func:`gate_file` (a slow database, seen from another process)."""
    import time

    from pos.ui.reconcile_rows import load

    deadline = time.monotonic() + 20
    while not gate_file(request.db).exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return load(request)
