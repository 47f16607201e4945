"""Encryption at rest and backups, as the app and the command line use them.

Policy, in one place: a real hub's database is encrypted when this computer has a keyring
to keep the key (and the hub setting ``ENCRYPT_DATABASE`` is not off); the demo hub stays
plain. Where there is no keyring (headless Linux), the database stays plain and staff are
told once. Backups are taken at start, at till close and after each sync.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from pos import keys, messages
from pos.domain import settings as s
from pos.errors import KnownError
from pos.store import Store, backup, cipher
from pos.store.driver import HAS_CIPHER

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class VaultNotice:
    """What staff must see once: the recovery code, or that the database stays plain."""

    kind: str  # "encrypted" | "no_keyring"
    recovery_code: str = ""


def secure(store: Store, *, is_demo: bool) -> VaultNotice | None:
    """Encrypt a real hub's plain database where a keyring exists; None when nothing to say."""
    if store.encrypted or is_demo or not HAS_CIPHER:
        return None
    if not store.settings.get(s.ENCRYPT_DATABASE):
        return None
    if not keys.keyring_usable():
        if store.settings.get(s.ENCRYPTION_UNAVAILABLE_TOLD):
            return None
        log.warning("no keyring on this computer: %s stays unencrypted", store.path)
        return VaultNotice("no_keyring")
    key = keys.new_key()
    store.encrypt(key)
    return VaultNotice("encrypted", keys.recovery_code(key))


def pending_recovery_code(store: Store) -> str | None:
    """The recovery code while hub staff have not yet confirmed they keep it, else None.

    "Shown once" means until staff press "I have kept it": a volunteer who happens to open
    the till first (or a crash) does not lose it; the key is in this computer's keyring.
    """
    if store.key is None or store.settings.get(s.RECOVERY_CODE_KEPT):
        return None
    return keys.recovery_code(store.key)


def recovery_code_kept(store: Store, actor: str = "") -> None:
    with store.transaction():
        store.settings.set(s.RECOVERY_CODE_KEPT, True)
        store.audit("vault.recovery_code_kept", actor=actor, role="staff")


def told_no_keyring(store: Store) -> None:
    """Staff have seen that the database stays plain here: not again."""
    store.settings.set(s.ENCRYPTION_UNAVAILABLE_TOLD, True)


def encrypt(store: Store) -> str:
    """Encrypt now (the ``encrypt`` command); returns the recovery code to show once."""
    if store.encrypted:
        raise KnownError("vault.already_encrypted", path=store.path)
    if not HAS_CIPHER:
        raise KnownError("vault.no_sqlcipher")
    if not keys.keyring_usable():
        raise KnownError("vault.no_keyring_to_encrypt")
    key = keys.new_key()
    store.encrypt(key)
    store.settings.set(s.RECOVERY_CODE_KEPT, True)  # the command prints it: whoever ran it keeps it
    return keys.recovery_code(key)


def unlock(db_path: Path, code: str) -> None:
    """Put the key a recovery code holds in this computer's keyring (another machine)."""
    path = Path(db_path).expanduser()
    if not path.is_file():
        raise KnownError("store.no_database", path=path)
    if not cipher.is_encrypted(path):
        raise KnownError("vault.not_encrypted", path=path)
    key = keys.key_from_code(code)
    if not cipher.opens(path, key):
        raise KnownError("vault.code_other_hub", path=path)
    if not keys.keyring_usable():
        raise KnownError("vault.no_keyring")
    keys.save(cipher.salt_of(path), key)


def backup_now(store: Store, reason: str) -> Path | None:
    """A rotated backup; a failure is logged, never in the volunteer's way."""
    try:
        made = backup.make_backup(store)
    except KnownError as exc:
        log.error("backup (%s) failed: %s", reason, messages.for_log(exc))
        return None
    log.info("backup (%s): %s", reason, made.name)
    return made


def backup_own_connection(store: Store, reason: str) -> Path | None:
    """:func:`backup_now` on a connection of its own: for a worker thread (the window's)."""
    reader = store.reader()
    try:
        return backup_now(reader, reason)
    finally:
        reader.close()
