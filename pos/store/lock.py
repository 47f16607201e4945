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

    def __init__(self, path: str, holder: str = "") -> None:
        super().__init__(path)
        self.holder = holder  # "<pid> <role>" as the holder wrote it, when readable


class FileLock:
    """``<db>.lock`` (one writer), or ``<db>.<name>.lock`` for one job (``name="sync"``).

    The holder writes "<pid> <role>" in it, so a refusal can say who holds it (a till window,
    or a scheduled sync). Where the OS keeps others from reading a locked file (Windows), the
    holder is unknown and the refusal says so less precisely.
    """

    def __init__(self, db_path: Path, *, name: str = "", role: str = "app") -> None:
        suffix = f".{name}.lock" if name else ".lock"
        self.path = db_path.with_name(db_path.name + suffix)
        self.role = role
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
            raise LockHeld(str(self.path), _holder(self.path)) from exc
        try:
            with open(self.path, "w", encoding="utf-8") as fh:
                fh.write(f"{os.getpid()} {self.role}\n")
        except OSError:
            pass  # Windows refuses writes to the locked byte: the holder stays unknown

    def __del__(self) -> None:
        # A store dropped without close() (e.g. a window destroyed unclosed) frees the lock.
        self.release()

    def release(self) -> None:
        lock = getattr(self, "_lock", None)
        if lock is not None and lock.is_locked:
            lock.release(force=True)


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()[:100]
    except OSError:
        return ""


def holder_role(exc: LockHeld) -> tuple[str, str]:
    """(pid, role) of a lock's holder; role "app" when the file does not say."""
    pid, _, role = exc.holder.partition(" ")
    return pid, role or "app"
