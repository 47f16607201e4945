"""Opening the store: pragmas, the single-writer lock, migrations, and clear errors."""

from __future__ import annotations

import functools
import json
import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from pos import files, keys
from pos.domain.settings import TILL_UID
from pos.errors import KnownError
from pos.store import cipher, schema
from pos.store.driver import sqlite3, uri
from pos.store.lock import FileLock, LockHeld, holder_role
from pos.store.settings import Settings

log = logging.getLogger(__name__)


class StoreError(KnownError):
    """The database cannot be used; the message (a code, pos.messages) says why and what to do."""


class DatabaseDamaged(StoreError):
    """The file is damaged (or not a database at all): a backup may bring it back."""

    def __init__(self, code: str, /, *, path: Path, **params: Any) -> None:
        super().__init__(code, path=path, **params)
        self.path = path


class KeyMissing(StoreError):
    """The file is encrypted and this computer's keyring does not have its key."""

    def __init__(self, code: str, /, *, path: Path, **params: Any) -> None:
        super().__init__(code, path=path, **params)
        self.path = path


#: ``PRAGMA application_id`` of our files ("FHPS"): a database of another program is refused.
APPLICATION_ID = 0x46485053


def new_id() -> str:
    """A random id (UUID4) for a row every device will know by the same name."""
    import uuid  # here: its import (with ``platform``) is not needed for the window's first paint

    return str(uuid.uuid4())


def utcnow() -> str:
    """Now in UTC as stored: ``2026-11-26T09:14:03.123456Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _connect(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    # mode=rw: a file deleted meanwhile (its folder removed) is an error, never a new empty
    # database made in its place (which would also put back a folder being removed)
    conn = sqlite3.connect(uri(path, "rw"), uri=True, timeout=10.0, check_same_thread=False)
    try:
        cipher.apply_key(conn, key, cipher.salt_of(path))
    except BaseException:
        conn.close()
        raise
    conn.row_factory = sqlite3.Row
    return conn


def read_schema_version(path: Path, key: bytes | None = None) -> int:
    """The schema version of an existing file, or raise :class:`StoreError`."""
    return _inspect(path, key)[0]


def _inspect(path: Path, key: bytes | None) -> tuple[int, int, set[str]]:
    """(schema version, application id, table names) read without changing the file."""
    try:
        conn = sqlite3.connect(uri(path, "ro"), uri=True)
        try:
            cipher.apply_key(conn, key, cipher.salt_of(path))
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            tables = {
                str(row[0])
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%'"
                )
            }
            return version, app_id, tables
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged("store.unreadable", path=path) from exc


@functools.cache
def _tables_at(version: int) -> frozenset[str]:
    """The tables our migrations create up to ``version`` (built in memory, not guessed)."""
    conn = sqlite3.connect(":memory:")
    try:
        for script in schema.MIGRATIONS[:version]:
            for statement in _split_sql(script):
                conn.execute(statement)
        return frozenset(
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        )
    finally:
        conn.close()


def _check_ours(path: Path, version: int, app_id: int, tables: set[str]) -> None:
    """Refuse a database another program made: we would migrate (change) it otherwise."""
    not_ours = StoreError("store.other_program", path=path)
    if app_id == APPLICATION_ID:
        return
    if app_id != 0:
        raise not_ours
    if version == 0:
        if tables:
            raise not_ours
        return
    if not _tables_at(min(version, schema.LATEST)) <= tables:  # newer: refused as newer, below
        raise not_ours


def key_for(path: Path) -> bytes | None:
    """The key an existing file needs: None when plain; from the keyring when encrypted."""
    if not cipher.is_encrypted(path):
        return None
    key = keys.load(cipher.salt_of(path))
    if key is None:
        raise KeyMissing("store.key_missing", path=path)
    return key


class Database:
    """A connection and the two helpers the store used from sqlite-utils' ``Database``
    (same behaviour, recursive triggers on included). Importing sqlite-utils cost ~0.12 s of
    every start (click, dateutil, pluggy; then a scan of every installed package for its
    plugins, which a till does not want running inside it) for these three attributes."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute("PRAGMA recursive_triggers = on")

    def table_names(self) -> list[str]:
        return [
            r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]

    @contextmanager
    def atomic(self, begin: str = "BEGIN") -> Iterator[Database]:
        """A transaction opened with ``begin``; nested in one, a savepoint."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"sp_{secrets.token_hex(8)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it already
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute(begin)
        try:
            yield self
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

    def close(self) -> None:
        self.conn.close()


class Store:
    """One open database: a :class:`Database` plus the lock that makes us its writer.

    ``Store.open()`` is the only way in. Worker threads call :meth:`reader` for a separate
    connection on the same file; WAL lets them read while the till writes.
    """

    def __init__(
        self,
        path: Path,
        db: Database,
        lock: FileLock | None,
        key: bytes | None = None,
    ) -> None:
        self.path = path
        self.db = db
        self._lock = lock
        self.key = key  # None: a plain database
        self._file = _identity(path)  # which file the connection writes to

    @property
    def encrypted(self) -> bool:
        return self.key is not None

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
        key: bytes | None = None,
    ) -> Store:
        """Open (creating if allowed) and migrate to ``schema_version`` (default: latest).

        ``key``: an encrypted file's key when the caller already holds it (a worker process
        handed it by the app, which has no keyring of its own to ask); else the keyring's.
        """
        path = Path(path).expanduser().resolve()
        folder = path.parent
        if not folder.exists():
            try:
                files.private_dir(folder)
            except OSError as exc:
                raise StoreError(
                    "file.cannot_create_folder", path=folder, reason=exc.strerror
                ) from exc
        version = 0
        given, key = key, None
        if path.exists():
            if path.is_dir():
                raise StoreError("store.is_folder", path=path)
            for item in (path, _wal(path), _shm(path)):
                files.make_private(item)  # made by an older version under a loose umask
            key = given if given is not None and cipher.is_encrypted(path) else key_for(path)
            version, app_id, tables = _inspect(path, key)
            _check_ours(path, version, app_id, tables)
            if version > schema.LATEST:
                raise StoreError("store.newer", path=path, version=version, latest=schema.LATEST)
        elif not create:
            raise StoreError("store.no_database", path=path)
        else:
            _create_private(path)
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
                    raise StoreError("store.sync_updating", path=path, pid=pid) from exc
                raise StoreError("store.open_elsewhere", path=path) from exc
            except OSError as exc:
                raise StoreError(
                    "store.folder_read_only", path=folder, reason=exc.strerror
                ) from exc
        try:
            conn = _connect(path, key)
            db = Database(conn)
            store = cls(path, db, file_lock, key)
            store._configure()
            store.migrate(schema_version)
            if lock and store.scalar("PRAGMA application_id") != APPLICATION_ID:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # ours from now on
            if not lock and file_lock is not None:
                file_lock.release()
                store._lock = None
        except sqlite3.DatabaseError as exc:
            if file_lock:
                file_lock.release()
            error = _explain(exc, path)
            if _damaged(exc):
                raise DatabaseDamaged(error.code, **error.params) from exc
            raise error from exc
        except BaseException:
            if file_lock:
                file_lock.release()
            raise
        return store

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA foreign_keys = ON")
        # Deleted or rewritten rows are zeroed on disk: erased customer data does not linger
        # in free pages (the purge and erasure rely on it).
        conn.execute("PRAGMA secure_delete = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("journal_mode is %s, not WAL", mode)
        conn.execute("PRAGMA synchronous = FULL")

    def reader(self) -> Store:
        """A second connection to the same file for another thread (no lock, no migration)."""
        return Store.open_reader(self.path, self.key)

    @classmethod
    def open_reader(cls, path: Path, key: bytes | None) -> Store:
        """A reader's connection to ``path`` with the key the app already holds (no lock, no
        migration, no keyring): a worker thread's, or a worker process's that was handed
        the path and key with its job."""
        if not path.exists():  # sqlite would create a new, empty file in its place
            raise StoreError("store.gone", path=path)
        try:
            conn = _connect(path, key)
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            if not path.exists():  # removed after the check above
                raise StoreError("store.gone", path=path) from exc
            raise _explain(exc, path) from exc
        return cls(path, Database(conn), None, key)

    def encrypt(self, key: bytes) -> None:
        """Encrypt this (plain) database in place; its key goes to the keyring first.

        The plain file stays untouched until an encrypted copy, written beside it with
        ``sqlcipher_export`` and read back (integrity and row counts), replaces it in one
        rename; the encrypted copy is also kept as the first backup before that rename.
        A failure at any step leaves the plain database as it was. Only the writer may.
        """
        from pos.store import backup

        if self.encrypted:
            return
        if self._lock is None:
            raise StoreError("store.encrypt_not_writer", path=self.path)
        salt = cipher.new_salt()
        # the encrypted copy is written to a private temporary file beside the database and
        # renamed over it when the block ends (removed instead on any error)
        with files.replace_atomic(self.path) as tmp:
            conn = self.db.conn
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            counts = _row_counts(conn)
            cipher.export(conn, tmp, key, salt)
            check = _connect(tmp, key)
            try:
                if check.execute("PRAGMA quick_check").fetchone()[0] != "ok" or (
                    _row_counts(check) != counts
                ):
                    raise StoreError("store.encrypt_mismatch", path=self.path)
            finally:
                check.close()
            keys.save(salt, key)  # before the plain file goes: never an unopenable database
            backup.keep_copy(tmp, self.path)
            conn.close()
            if self._lock is not None:
                self._lock.release_identity()
        for leftover in (_wal(self.path), _shm(self.path)):
            leftover.unlink(missing_ok=True)  # the plain file's; the new one starts without
        self.key = key
        self.db = Database(_connect(self.path, key))
        self._file = _identity(self.path)
        if self._lock is not None:
            self._lock.acquire_identity()
        self._configure()
        for old in backup.backups_of(self.path):  # made while it was plain: they would leak it
            if not cipher.is_encrypted(old):
                old.unlink(missing_ok=True)
        log.info("encrypted %s", self.path)

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
        """Apply the missing migrations, each in its own transaction.

        Foreign keys are off while a script runs (SQLite's way to rebuild a table that others
        reference: V9 rebuilds ``checkouts`` and ``till_sessions``) and checked before it
        commits: a script that leaves a dangling reference is rolled back.
        """
        target = schema.LATEST if target is None else target
        current = self.version
        conn = self.db.conn
        if current >= target:
            return
        conn.execute("PRAGMA foreign_keys = OFF")  # no effect inside a transaction: before it
        try:
            for number in range(current + 1, target + 1):
                script = schema.MIGRATIONS[number - 1]
                log.info("migrating %s to schema %d", self.path, number)
                conn.execute("BEGIN")
                try:
                    for statement in _split_sql(script):
                        conn.execute(statement)
                    dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
                    if dangling:
                        raise sqlite3.IntegrityError(
                            f"schema {number} leaves {len(dangling)} dangling references"
                            f" (first in {dangling[0][0]})"
                        )
                    conn.execute(f"PRAGMA user_version = {number}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
        finally:
            conn.execute("PRAGMA foreign_keys = ON")

    # helpers ------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic unit of work; nested calls become savepoints.

        The outermost one is ``BEGIN IMMEDIATE``: it takes the write lock at once, waiting
        (busy_timeout) while another connection (the sync worker) writes. A deferred one
        that read first could not upgrade after that writer committed (SQLITE_BUSY).
        """
        try:
            if (
                not self.db.conn.in_transaction
                and self._file is not None
                and _identity(self.path) != self._file
            ):
                # the file was deleted or replaced: writes would go to a file lost at exit
                raise StoreError("store.gone_unsaved", path=self.path)
            with self.db.atomic("BEGIN IMMEDIATE") as db:
                yield db
        except sqlite3.OperationalError as exc:
            raise _explain(exc, self.path) from exc

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return list(self.db.conn.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        row = self.db.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @cached_property
    def settings(self) -> Settings:
        """Every setting, typed (declared in :mod:`pos.domain.settings`)."""
        return Settings(self)

    @cached_property
    def till_uid(self) -> str:
        """This till: the random id generated once per database (``TILL_UID``, never shown).

        Its own sessions, checkouts and journal events carry it; rows merged from another
        till's journal carry that till's. The label (``TILL_LABEL``, "T1") may be shared by
        two laptops, so it is never the key. Read once per connection; saving ``TILL_UID``
        (a copied database made a till of its own) reads it again."""
        return self.settings.get(TILL_UID)

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


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {n: int(conn.execute(f'SELECT count(*) FROM main."{n}"').fetchone()[0]) for n in names}


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _shm(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def _create_private(path: Path) -> None:
    """Create the empty file 0600 (SQLite gives its -wal and -shm the same mode).

    Exclusive and without following links: a symlink planted where the database will be
    is refused, not written through.
    """
    try:
        os.close(files.create_exclusive(path))
    except FileExistsError:
        if path.is_symlink():
            raise StoreError("store.is_link", path=path) from None
    except OSError as exc:
        raise StoreError("store.folder_read_only", path=path.parent, reason=exc.strerror) from exc


def _damaged(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "file is encrypted" in text


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _explain(exc: sqlite3.Error, path: Path) -> StoreError:
    """What an SQLite error means to a person, as a coded error to raise."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError("store.disk_full", path=path)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError("store.read_only", path=path)
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StoreError("store.damaged", path=path)
    if "locked" in text or "busy" in text:
        return StoreError("store.busy", path=path)
    return StoreError("store.unusable", path=path, detail=str(exc))
