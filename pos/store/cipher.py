"""SQLCipher at the file level: is a file encrypted, its salt, keyed connections, export.

Keys are raw 256-bit keys given with the file's salt (``x'<key><salt>'``): no password
derivation on each connection (a worker's reader opens in microseconds), and a backup
written with the same salt opens with the same keyring entry.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from pos.store.driver import HAS_CIPHER, sqlite3, uri

PLAIN_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16


def header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(SALT_BYTES)
    except OSError:
        return b""


def is_encrypted(path: Path) -> bool:
    """True when the file looks like SQLCipher's: whole pages that do not start as SQLite's.

    Anything else that is not plain SQLite (a text file, a truncated copy) is not a
    database at all, and is reported as such rather than as a missing key.
    """
    head = header(path)
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return len(head) == SALT_BYTES and head != PLAIN_HEADER and size % 512 == 0


def salt_of(path: Path) -> bytes:
    return header(path)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def key_pragma(key: bytes, salt: bytes) -> str:
    return f"\"x'{key.hex()}{salt.hex()}'\""


def apply_key(conn: sqlite3.Connection, key: bytes | None, salt: bytes) -> None:
    """Key a fresh connection (before its first read); nothing for a plain database."""
    if key is None:
        return
    if not HAS_CIPHER:
        raise sqlite3.DatabaseError("file is encrypted and SQLCipher is not installed")
    conn.execute(f"PRAGMA key = {key_pragma(key, salt)}")


def attach_keyed(conn: sqlite3.Connection, path: Path, alias: str, key: bytes | None,
                 salt: bytes) -> None:  # fmt: skip
    """ATTACH ``path`` encrypted with key+salt, or plain (``KEY ''``) when key is None."""
    keyed = key_pragma(key, salt) if key is not None else "''"
    conn.execute(f"ATTACH DATABASE ? AS {alias} KEY {keyed}", (str(path),))


def export(conn: sqlite3.Connection, target: Path, key: bytes | None, salt: bytes) -> None:
    """Copy the whole database of ``conn`` into ``target`` (encrypted or plain) with SQLCipher.

    ``sqlcipher_export`` copies schema and rows but not the header fields: the schema
    version and application id are copied after it.
    """
    version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
    app_id = int(conn.execute("PRAGMA main.application_id").fetchone()[0])
    attach_keyed(conn, target, "target", key, salt)
    try:
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {version}")
        conn.execute(f"PRAGMA target.application_id = {app_id}")
    finally:
        conn.execute("DETACH DATABASE target")


def opens(path: Path, key: bytes) -> bool:
    """Whether ``key`` opens the encrypted file at ``path`` (a recovery code's test)."""
    conn = sqlite3.connect(uri(path, "ro"), uri=True)
    try:
        apply_key(conn, key, salt_of(path))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
