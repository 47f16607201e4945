"""One writer per database file: an OS-level lock on ``<db>.lock``.

The lock is released by the OS when the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO


class LockHeld(Exception):
    """Another process (or another window of this one) has the database open."""

    def __init__(self, path: str, holder: str = "") -> None:
        super().__init__(path)
        self.holder = holder  # "<pid> <role>" as the holder wrote it, when readable


class FileLock:
    """``<db>.lock`` (one writer), or ``<db>.<name>.lock`` for one job (``name="sync"``).

    The holder writes "<pid> <role>" in it, so a refusal can say who holds it (a till window,
    or a scheduled sync).
    """

    def __init__(self, db_path: Path, *, name: str = "", role: str = "app") -> None:
        suffix = f".{name}.lock" if name else ".lock"
        self.path = db_path.with_name(db_path.name + suffix)
        self.role = role
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        fh = open(self.path, "a+", encoding="utf-8")
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            fh.close()
            raise LockHeld(str(self.path), _holder(self.path)) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()} {self.role}\n")
        fh.flush()
        self._fh = fh

    def __del__(self) -> None:
        # A store dropped without close() (e.g. a window destroyed unclosed) frees the lock.
        self.release()

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()[:100]
    except OSError:
        return ""


def holder_role(exc: LockHeld) -> tuple[str, str]:
    """(pid, role) of a lock's holder; role "app" when the file does not say."""
    pid, _, role = exc.holder.partition(" ")
    return pid, role or "app"
