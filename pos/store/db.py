"""Opening the store: pragmas, the single-writer lock, migrations, and clear errors."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import sqlite_utils

from pos.errors import KnownError
from pos.store import schema
from pos.store.lock import FileLock, LockHeld, holder_role
from pos.store.settings import Settings

log = logging.getLogger(__name__)


class StoreError(KnownError):
    """The database cannot be used; the message says why and what to do."""


def utcnow() -> str:
    """Now in UTC as stored: ``2026-11-26T09:14:03.123456Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=10.0, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def read_schema_version(path: Path) -> int:
    """The schema version of an existing file, or raise :class:`StoreError`."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a Food Hub POS database (it is not SQLite).") from exc


class Store:
    """One open database: a sqlite-utils ``Database`` plus the lock that makes us its writer.

    ``Store.open()`` is the only way in. Worker threads call :meth:`reader` for a separate
    connection on the same file; WAL lets them read while the till writes.
    """

    def __init__(self, path: Path, db: sqlite_utils.Database, lock: FileLock | None) -> None:
        self.path = path
        self.db = db
        self._lock = lock
        self._file = _identity(path)  # which file the connection writes to

    # opening ------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        lock: bool = True,
        create: bool = True,
        schema_version: int | None = None,
        role: str = "app",
    ) -> Store:
        """Open (creating if allowed) and migrate to ``schema_version`` (default: latest)."""
        path = Path(path).expanduser().resolve()
        folder = path.parent
        if not folder.exists():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"Cannot create the folder {folder}: {exc.strerror}.") from exc
        version = 0
        if path.exists():
            if path.is_dir():
                raise StoreError(f"{path} is a folder, not a database file.")
            version = read_schema_version(path)
            if version > schema.LATEST:
                raise StoreError(
                    f"{path} was written by a newer version of Food Hub POS "
                    f"(schema {version}, this version knows up to {schema.LATEST}). "
                    "Install the newer version; the file has not been changed."
                )
        elif not create:
            raise StoreError(f"There is no database at {path}.")
        file_lock: FileLock | None = None
        # A reader (lock=False: reports, lists) still takes the lock while it migrates.
        migrating = version < (schema.LATEST if schema_version is None else schema_version)
        if lock or migrating:
            file_lock = FileLock(path, role=role)
            try:
                file_lock.acquire()
            except LockHeld as exc:
                pid, holder = holder_role(exc)
                if holder == "sync":
                    raise StoreError(
                        f"{path} is being updated by a sync job (process {pid}); try again in"
                        " a minute."
                    ) from exc
                raise StoreError(
                    f"{path} is already open in another Food Hub POS window. "
                    "Close that one first: only one till may write to a database."
                ) from exc
            except OSError as exc:
                raise StoreError(
                    f"Cannot write in {folder} ({exc.strerror}). Choose a folder you can write to."
                ) from exc
        try:
            conn = _connect(path)
            db = sqlite_utils.Database(conn)
            store = cls(path, db, file_lock)
            store._configure()
            store.migrate(schema_version)
            if not lock and file_lock is not None:
                file_lock.release()
                store._lock = None
        except sqlite3.DatabaseError as exc:
            if file_lock:
                file_lock.release()
            raise StoreError(_explain(exc, path)) from exc
        except BaseException:
            if file_lock:
                file_lock.release()
            raise
        return store

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("journal_mode is %s, not WAL", mode)
        conn.execute("PRAGMA synchronous = FULL")

    def reader(self) -> Store:
        """A second connection to the same file for another thread (no lock, no migration)."""
        if not self.path.exists():  # sqlite would create a new, empty file in its place
            raise StoreError(f"{self.path} is no longer there (was its folder or drive removed?).")
        try:
            conn = _connect(self.path)
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            raise StoreError(_explain(exc, self.path)) from exc
        return Store(self.path, sqlite_utils.Database(conn), None)

    def close(self) -> None:
        try:
            self.db.conn.close()
        finally:
            if self._lock:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # schema -------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.db.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, target: int | None = None) -> None:
        """Apply the missing migrations, each in its own transaction."""
        target = schema.LATEST if target is None else target
        current = self.version
        for number in range(current + 1, target + 1):
            script = schema.MIGRATIONS[number - 1]
            log.info("migrating %s to schema %d", self.path, number)
            conn = self.db.conn
            conn.execute("BEGIN")
            try:
                for statement in _split_sql(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    # helpers ------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One atomic unit of work; nested calls become savepoints.

        The outermost one is ``BEGIN IMMEDIATE``: it takes the write lock at once, waiting
        (busy_timeout) while another connection (the sync worker) writes. A deferred one
        that read first could not upgrade after that writer committed (SQLITE_BUSY).
        """
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic() as db:
                    yield db
                return
            if self._file is not None and _identity(self.path) != self._file:
                # the file was deleted or replaced: writes would go to a file lost at exit
                raise StoreError(
                    f"{self.path} is no longer there (was its folder or drive removed?)."
                    " Put it back and restart Food Hub POS; nothing was saved."
                )
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise StoreError(_explain(exc, self.path)) from exc

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return list(self.db.conn.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        row = self.db.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @cached_property
    def settings(self) -> Settings:
        """Every setting, typed (declared in :mod:`pos.domain.settings`)."""
        return Settings(self)

    def audit(
        self,
        action: str,
        *,
        entity: str = "",
        entity_id: str = "",
        actor: str = "",
        role: str = "volunteer",
        till_id: str = "",
        details: dict[str, Any] | None = None,
    ) -> None:
        """Append to the audit log (inside the caller's transaction when there is one)."""
        self.db.conn.execute(
            "INSERT INTO audit_log(at, till_id, actor, role, action, entity, entity_id, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                utcnow(),
                till_id,
                actor,
                role,
                action,
                entity,
                str(entity_id),
                json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
            ),
        )


def _split_sql(script: str) -> Iterator[str]:
    """Statements of a migration script (sqlite3.complete_statement knows about triggers)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if statement and statement != ";":
                yield statement
            buffer = ""
    if buffer.strip():
        yield buffer


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _explain(exc: sqlite3.Error, path: Path) -> str:
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return f"The disk holding {path} is full. Free some space; nothing was saved."
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"Cannot write to {path}. Check the folder's permissions or choose another."
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return f"{path} is not a Food Hub POS database, or it is damaged."
    if "locked" in text or "busy" in text:
        return f"{path} is busy in another program. Close it and try again."
    return f"The database {path} could not be used: {exc}."
