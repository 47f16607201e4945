"""Files only their owner can read, written without clobbering and without following links.

Customer names and money live in everything the app writes (database, WAL, log, crash
traces, backups, PDFs, CSVs), so each is created 0600 in folders created 0700 whatever the
umask. ``restrict_umask()`` at start covers what libraries create on their own (SQLite's
``-wal``/``-shm``, reportlab, a ``file://`` receipt printer); the helpers here set the mode
on the file itself as well, so code run without ``main()`` (tests, scripts) gets it too.

Windows has no such modes (``os.chmod`` only toggles read-only): there the app's folders
are in the user's own profile (``%LOCALAPPDATA%``, from platformdirs), whose access list
admits only that user and administrators, and the modes below are skipped.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pos.errors import KnownError

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = os.name == "posix"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def restrict_umask() -> int:
    """New files and folders private to this user from now on; returns the old umask."""
    return os.umask(0o077)


def private_dir(path: str | Path, *, parents: bool = True) -> Path:
    """Create ``path`` (and missing parents) as 0700; an existing folder is left as it is.

    A folder the user chose (``--out DIR``) keeps its mode: only what we create is ours.
    ``parents=False`` creates only ``path`` itself and raises ``FileNotFoundError`` when its
    parent is missing (a folder beside the database must not put back a vanished one).
    """
    folder = Path(path)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    if not parents and len(missing) > 1:
        raise FileNotFoundError(2, "No such folder", str(folder.parent))
    for item in reversed(missing):
        try:
            item.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        if POSIX:
            os.chmod(item, DIR_MODE)  # mkdir's mode is filtered by the umask
    return folder


def make_private(path: str | Path) -> None:
    """Tighten an existing file we own to 0600 (a database made by an older version)."""
    if POSIX:
        try:
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, FILE_MODE)
        except OSError:
            pass


def create_exclusive(path: str | Path) -> int:
    """A new file opened for writing, 0600; raises ``FileExistsError`` if anything is there.

    ``O_EXCL`` also refuses a planted symlink (even a dangling one) instead of following it.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, FILE_MODE)
    if POSIX and hasattr(os, "fchmod"):  # the umask filtered os.open's mode
        os.fchmod(fd, FILE_MODE)
    return fd


def refuse_existing(path: str | Path, force: bool) -> None:
    """The ``--out`` rule: an existing file is replaced only when the user said ``--force``."""
    target = Path(path)
    if not force and (target.exists() or target.is_symlink()):
        raise KnownError("file.exists_force", path=target)


def _temporary_beside(target: Path) -> tuple[Path, int]:
    """A new private file with a random name beside ``target``, and its open descriptor."""
    for _ in range(20):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return tmp, create_exclusive(tmp)
        except FileExistsError:
            continue
    raise KnownError("file.too_many_temporary", path=target)  # pragma: no cover


def write_atomic(path: str | Path, write: Callable[[IO[bytes]], object]) -> Path:
    """Write ``path`` through a private temporary file beside it, then rename it into place.

    The temporary file has a random name and is created exclusively (never an existing file
    or a symlink someone planted); a reader never sees half a file and a failure leaves none.
    Renaming over ``path`` replaces a symlink there rather than writing through it.
    """
    target = Path(path)
    tmp, fd = _temporary_beside(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


@contextmanager
def replace_atomic(path: str | Path) -> Iterator[Path]:
    """:func:`write_atomic` for a writer that needs a path (SQLite's backup API).

    Yields the private temporary file beside ``path`` (created empty, exclusively); when the
    block ends without an error the file is flushed to disk and renamed over ``path``, and
    on an error it is removed.
    """
    target = Path(path)
    tmp, fd = _temporary_beside(target)
    os.close(fd)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDWR | _NOFOLLOW | _BINARY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: str | Path, data: bytes) -> Path:
    """:func:`write_atomic` for data already in memory."""
    return write_atomic(path, lambda fh: fh.write(data))
