"""Database keys: kept in the OS keyring, never beside the file; a recovery code for staff.

A hub database is encrypted with a random 256-bit key. The keyring entry is named by the
database's salt (the 16 bytes SQLCipher leaves readable at the start of the file), which the
database shares with its backups, so a file moved or renamed on this computer still opens.

The recovery code is the key itself, written for people: 52 base-32 letters and digits plus
a 4-character check, in groups of four. Typed on another computer it reopens the database
and its backups there; that is why it is shown once, to hub staff, and printable.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets

from pos.errors import KnownError

log = logging.getLogger(__name__)
SERVICE = "foodhub-pos-database"
KEY_BYTES = 32
_CHECK = 4


# keyring loads when a key is first needed: a demo hub or a plain one starts without it


def keyring_usable() -> bool:
    """Whether this computer has a keyring to keep keys in (headless Linux often has none)."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def load(salt: bytes) -> bytes | None:
    """The key of the database with this salt, or None when this computer does not have it."""
    if not keyring_usable():
        return None
    import keyring
    import keyring.errors

    try:
        value = keyring.get_password(SERVICE, salt.hex())
    except keyring.errors.KeyringError as exc:
        log.warning("keyring refused to read a database key (%s)", type(exc).__name__)
        return None
    if not value:
        return None
    try:
        key = bytes.fromhex(value)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def save(salt: bytes, key: bytes) -> None:
    """Keep the key for this salt; raises :class:`KnownError` when the keyring refuses."""
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, salt.hex(), key.hex())
    except keyring.errors.KeyringError as exc:
        raise KnownError("vault.keyring_refused") from exc


def _check(key: bytes) -> str:
    return base64.b32encode(hashlib.sha256(b"foodhub-recovery" + key).digest())[:_CHECK].decode()


def recovery_code(key: bytes) -> str:
    """``ABCD-EFGH-…``: the key and a check, in groups of four."""
    text = base64.b32encode(key).decode().rstrip("=") + _check(key)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def key_from_code(code: str) -> bytes:
    """The key a recovery code holds, or :class:`KnownError` saying it was mistyped."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    text = text.replace("0", "O").replace("1", "I").replace("8", "B")  # letters misread
    body, check = text[:-_CHECK], text[-_CHECK:]
    try:
        key = base64.b32decode(body + "=" * (-len(body) % 8))
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES or _check(key) != check:
        raise KnownError("vault.code_wrong")
    return key
