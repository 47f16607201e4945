"""Backups of a hub database with SQLite's online backup API, rotated, encrypted like it.

A backup is a complete database file in ``<db folder>/<db name>-backups/`` named by its UTC
time, written through a private temporary file and renamed into place, so a crash never
leaves half a backup under a backup's name. An encrypted database's backups use the same
key and salt: the keyring entry (or the recovery code) opens them too, and they are as
unreadable without it. The online API copies a consistent snapshot while the till goes on
writing (it restarts the copy if a write lands mid-way).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

from pos import files
from pos.domain import settings as s
from pos.errors import KnownError
from pos.store import cipher
from pos.store.db import DatabaseDamaged, Store, StoreError, key_for
from pos.store.driver import sqlite3, uri
from pos.store.lock import FileLock, LockHeld

log = logging.getLogger(__name__)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<at>\d{8}T\d{6}\d{6}Z)\.sqlite$")


def folder_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-backups")


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backups_of(db_path: Path, folder: Path | None = None) -> list[Path]:
    """This database's backups in ``folder``, newest first."""
    where = folder or folder_for(db_path)
    if not where.is_dir():
        return []
    found = []
    for item in where.iterdir():
        match = _NAME.match(item.name)
        if match and match["stem"] == db_path.stem and item.is_file() and not item.is_symlink():
            found.append((match["at"], item))
    return [item for _, item in sorted(found, reverse=True)]


def keep_setting(store: Store) -> int:
    return max(1, store.settings.get(s.BACKUP_KEEP))


def _folder(db_path: Path, folder: Path | None) -> Path:
    """Where a backup goes: ``folder`` (one the user named, created with its parents), else
    ``<db name>-backups`` beside the database, created only while the database is there.

    A backup never puts back the database's own folder: when it vanished (a USB stick
    pulled out), the till says so (``store.gone``) and a backup must not make an empty
    folder in its place.
    """
    if folder is not None:
        return files.private_dir(folder)
    if not db_path.exists():
        raise StoreError("store.gone", path=db_path)
    try:
        return files.private_dir(folder_for(db_path), parents=False)
    except FileNotFoundError as exc:  # the database's folder went meanwhile
        raise StoreError("store.gone", path=db_path) from exc


def make_backup(store: Store, folder: Path | None = None, *, keep: int | None = None) -> Path:
    """Write a backup of ``store`` now; keep the newest ``keep`` (default: the setting).

    Runs on whatever connection ``store`` is: a worker passes its own reader. SQLite's backup
    API writes to a path: ``files.replace_atomic`` gives it a private temporary file beside
    the backup's name and renames it into place once the copy passed SQLite's check.
    """
    where = _folder(store.path, folder)
    target = where / f"{store.path.stem}-{_stamp()}.sqlite"
    try:
        with files.replace_atomic(target) as tmp:
            dest = sqlite3.connect(str(tmp))
            try:
                cipher.apply_key(dest, store.key, cipher.salt_of(store.path))
                store.db.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                # a database damaged on disk gives a damaged copy: never rotate good ones out
                if dest.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise DatabaseDamaged("backup.source_damaged", path=store.path)
            finally:
                dest.close()
    except sqlite3.Error as exc:
        raise StoreError("backup.failed", path=store.path, detail=str(exc)) from exc
    except OSError as exc:
        raise StoreError("backup.cannot_write", path=where, reason=exc.strerror) from exc
    rotate(store.path, where, keep if keep is not None else keep_setting(store))
    log.info("backup of %s written to %s", store.path, target)
    return target


def keep_copy(prepared: Path, db_path: Path) -> Path:
    """Keep a copy of a database file just written (the encrypted one) as its first backup."""
    target = _folder(db_path, None) / f"{db_path.stem}-{_stamp()}.sqlite"
    with open(prepared, "rb") as src:
        return files.write_atomic(target, lambda out: shutil.copyfileobj(src, out))


def rotate(db_path: Path, folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns those deleted."""
    old = backups_of(db_path, folder)[max(1, keep) :]
    for item in old:
        item.unlink(missing_ok=True)
    return old


def check(backup: Path, db_path: Path | None = None) -> bool:
    """Whether the backup opens (with the keyring's key) and passes SQLite's quick check."""
    try:
        key = key_for(backup)
        conn = sqlite3.connect(uri(backup, "ro"), uri=True)
        try:
            cipher.apply_key(conn, key, cipher.salt_of(backup))
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except (sqlite3.Error, StoreError, OSError):
        return False


def latest_good(db_path: Path, folder: Path | None = None) -> Path | None:
    for item in backups_of(db_path, folder):
        if check(item):
            return item
    return None


def restore(db_path: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place of ``db_path``; the file it replaces is kept aside, returned.

    Refused while a till or a sync has the database open. The backup is checked first, and
    copied through a private temporary file renamed into place.
    """
    db_path = db_path.expanduser().resolve()
    if not backup.is_file():
        raise KnownError("backup.missing", path=backup)
    if not check(backup):
        raise KnownError("backup.unusable", path=backup)
    files.private_dir(db_path.parent)
    lock = FileLock(db_path, role="restore")
    try:
        lock.acquire()
    except LockHeld as exc:
        raise KnownError("backup.restore_while_open", path=db_path) from exc
    try:
        aside = None
        if db_path.exists():
            aside = db_path.with_name(f"{db_path.name}.replaced-{_stamp()}")
            os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):
            extra = db_path.with_name(db_path.name + suffix)
            if extra.exists():
                if aside is not None:
                    os.replace(extra, aside.with_name(aside.name + suffix))
                else:
                    extra.unlink()
        with open(backup, "rb") as src:  # a private temporary file beside it, renamed
            files.write_atomic(db_path, lambda out: shutil.copyfileobj(src, out))
    finally:
        lock.release()
    log.info("restored %s from %s (previous file kept as %s)", db_path, backup, aside)
    return aside


__all__ = [
    "DatabaseDamaged",
    "backups_of",
    "check",
    "folder_for",
    "keep_copy",
    "latest_good",
    "make_backup",
    "restore",
    "rotate",
]
