"""One writer per database file: an OS-level lock on ``<db>.lock``.

On Linux and macOS it is ``flock`` on a descriptor kept open (:class:`_Flock`, a few lines);
on Windows ``filelock``'s ``msvcrt.locking`` (hand-written ``msvcrt`` code is easy to get
wrong: it locks a byte range from the current file position). ``filelock`` itself is not
used on POSIX because its import costs ~20 ms of every cold start on the 2-core machine
(docs/design.md, "Cold start"), for the same ``flock`` call. The OS drops the lock when the
process dies, so a crash never leaves a stale lock; a second ``FileLock`` on the same file
is refused even in the same process (a second window on one database: ``flock`` locks
belong to an open file, not to the process).

The lock beside the file stops a second writer that names the file by the same path (also
through a symlink or a different spelling: the folder is the same). A hard link is another
name in perhaps another folder, so the writer also locks the file's identity (device and
inode, which every name of it shares) in a folder private to this user: a second process
reaching the same file by any name is refused. The database is 0600, so any other writer
is this user too and finds the same folder.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Protocol

import platformdirs

from pos import APP_ID


class _Busy(Exception):
    """Someone else holds the lock."""


class _OsLock(Protocol):
    @property
    def is_locked(self) -> bool: ...

    def acquire(self) -> None: ...  # at once, or _Busy (OSError: cannot create the file)

    def release(self) -> None: ...


class _Flock:
    """``flock(LOCK_EX | LOCK_NB)`` on ``path`` (created 0600), held while the descriptor is
    open; released from any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        import fcntl

        while self._fd is None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise _Busy(str(self.path)) from None
            except BaseException:
                os.close(fd)
                raise
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
            else:  # removed or replaced between open and lock: lock the file there now
                os.close(fd)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the descriptor drops the flock


class _WindowsLock:
    """``filelock`` (``msvcrt.locking``) on Windows."""

    def __init__(self, path: Path) -> None:
        import filelock

        self._filelock = filelock
        # thread_local=False: a store opened on one thread may be closed on another.
        self._lock = filelock.FileLock(path, timeout=0, mode=0o600, thread_local=False)

    @property
    def is_locked(self) -> bool:
        return bool(self._lock.is_locked)

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except self._filelock.Timeout as exc:
            raise _Busy(str(self._lock.lock_file)) from exc

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)


def _os_lock(path: Path) -> _OsLock:
    return _WindowsLock(path) if sys.platform == "win32" else _Flock(path)


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
        self._lock = _os_lock(self.path)
        self._db = db_path
        self._identity: _OsLock | None = None
        self._by_identity = not name  # a job lock ("sync") is about the name, not the writer

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        """Take the lock now, or raise :class:`LockHeld` (``OSError``: a read-only folder)."""
        try:
            self._lock.acquire()
        except _Busy as exc:
            # (Windows: filelock also times out when the file cannot be created: say so.)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)  # OSError: read-only folder
            os.close(fd)
            raise LockHeld(str(self.path), _holder(self.path)) from exc
        _write_holder(self.path, self.role)
        if self._by_identity:
            try:
                self._acquire_identity()
            except BaseException:
                self._lock.release()
                raise

    def release_identity(self) -> None:
        """Let go of the file's identity only (the file is about to be replaced)."""
        if self._identity is not None:
            self._identity.release()
            self._identity = None

    def acquire_identity(self) -> None:
        """Lock the identity of the file now at the path (after it was replaced)."""
        self.release_identity()
        self._acquire_identity()

    def _acquire_identity(self) -> None:
        try:
            info = os.stat(self._db)
        except FileNotFoundError:
            return  # nothing to write to yet; Store.open creates the file before locking
        path = identity_lock_folder() / f"{info.st_dev}-{info.st_ino}.lock"
        lock = _os_lock(path)
        try:
            lock.acquire()
        except _Busy as exc:
            raise LockHeld(str(path), _holder(path)) from exc
        self._identity = lock
        _write_holder(path, self.role)

    def __del__(self) -> None:
        # A store dropped without close() (e.g. a window destroyed unclosed) frees the lock.
        self.release()

    def release(self) -> None:
        if getattr(self, "_identity", None) is not None:
            self.release_identity()
        lock = getattr(self, "_lock", None)
        if lock is not None:
            lock.release()


def identity_lock_folder() -> Path:
    """``locks/`` in the user's runtime folder (``$XDG_RUNTIME_DIR``, macOS and Windows: the
    user's temporary items), 0700 and refused if someone else's; the temporary folder when
    there is no runtime folder to create.

    Not under the app's data folder: that moves with ``FOODHUB_POS_DATA_DIR``, and two
    processes with different settings must still meet on the same file.
    """
    if sys.platform.startswith("linux"):  # platformdirs would warn and guess without it
        xdg = os.environ.get("XDG_RUNTIME_DIR")
        runtime = Path(xdg) / APP_ID if xdg else None
    else:
        runtime = Path(platformdirs.user_runtime_dir(APP_ID, appauthor=False))
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    candidates = [Path(tempfile.gettempdir()) / f"{APP_ID}-locks-{user}"]
    if runtime is not None:
        candidates.insert(0, runtime / "locks")
    for folder in candidates:
        try:
            os.makedirs(folder.parent, mode=0o700, exist_ok=True)
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError:
            continue
        info = os.lstat(folder)
        if not stat.S_ISDIR(info.st_mode) or (
            hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022)
        ):  # planted by someone else: a lock there could be taken or removed by them
            raise PermissionError(13, "not a private folder", str(folder))
        return folder
    raise PermissionError(13, "no folder for locks", str(candidates[-1]))


def _write_holder(path: Path, role: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {role}\n")
    except OSError:
        pass  # Windows refuses writes to the locked byte: the holder stays unknown


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()[:100]
    except OSError:
        return ""


def holder_role(exc: LockHeld) -> tuple[str, str]:
    """(pid, role) of a lock's holder; role "app" when the file does not say."""
    pid, _, role = exc.holder.partition(" ")
    return pid, role or "app"
