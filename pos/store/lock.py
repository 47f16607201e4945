"""One writer per database file: an OS-level lock on ``<db>.lock``, through ``filelock``.

``filelock`` takes ``flock`` on Linux and macOS and ``msvcrt.locking`` on Windows, and
releases both correctly (hand-written ``msvcrt`` code is easy to get wrong: it locks a byte
range from the current file position). The OS drops the lock when the process dies, so a
crash never leaves a stale lock; a second ``FileLock`` on the same file is refused even in
the same process (a second window on one database).
"""

from __future__ import annotations

import os
from pathlib import Path

import filelock


class LockHeld(Exception):
    """Another process (or another window of this one) has the database open."""


class FileLock:
    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        # thread_local=False: a store opened on one thread may be closed on another.
        self._lock = filelock.FileLock(self.path, timeout=0, thread_local=False)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        """Take the lock now, or raise :class:`LockHeld` (``OSError``: a read-only folder)."""
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout as exc:
            # filelock also times out when the lock file cannot be created at all: say so.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)  # OSError: read-only folder
            os.close(fd)
            raise LockHeld(str(self.path)) from exc

    def __del__(self) -> None:
        # A store dropped without close() (e.g. a window destroyed unclosed) frees the lock.
        self.release()

    def release(self) -> None:
        lock = getattr(self, "_lock", None)
        if lock is not None and lock.is_locked:
            lock.release(force=True)
