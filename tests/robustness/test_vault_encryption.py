"""Issue 15 point 4: the hub database encrypted at rest, key in the keyring, recovery code.

The keyring is a real backend (a file, tests/helpers/keyring_file.py); two keyring files
are two computers. Every check reads the real file: plain ``sqlite3`` must fail on it and a
customer's name must not appear in its bytes.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from pos import keys
from pos.domain import settings as s
from pos.services import vault
from pos.store import Store, backup
from pos.store.db import KeyMissing
from tests.helpers.cli import ROOT
from tests.helpers.keyring_file import FileKeyring, file_keyring, keyring_env

__all__ = ["file_keyring"]


def customer(db: Path) -> tuple[str, str]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT customer_name, phone FROM orders WHERE phone != '' LIMIT 1"
        ).fetchone()
    conn.close()
    return str(row[0]), str(row[1])


def everything_on_disk(db: Path) -> bytes:
    """The database, its WAL and every backup, as an attacker with the laptop reads them."""
    found = [db, db.with_name(db.name + "-wal"), *backup.backups_of(db)]
    return b"".join(p.read_bytes() for p in found if p.exists())


def counts(store: Store) -> dict[str, int]:
    return {
        t: store.scalar(f"SELECT count(*) FROM {t}")
        for t in ("orders", "line_items", "customers", "settings")
    }


def test_a_real_hub_is_encrypted_in_place_and_plain_sqlite_cannot_read_it(
    file_keyring: FileKeyring, demo_db: Path
) -> None:
    name, phone = customer(demo_db)
    assert name.encode() in demo_db.read_bytes()  # the check below can fail
    with Store.open(demo_db) as store:
        plain_backup = backup.make_backup(store)  # from before a keyring was there
        assert name.encode() in plain_backup.read_bytes()
        before = counts(store)
        notice = vault.secure(store, is_demo=False)
        assert notice is not None and notice.kind == "encrypted"
        assert store.encrypted and counts(store) == before
        store.settings.set(s.RECEIPT_FOOTER, "written encrypted")  # goes through the WAL
        on_disk = everything_on_disk(demo_db)
        assert name.encode() not in on_disk and phone.encode() not in on_disk
        assert not plain_backup.exists()
    # the plain driver cannot read it
    with pytest.raises(sqlite3.DatabaseError):
        with sqlite3.connect(demo_db) as conn:
            conn.execute("SELECT count(*) FROM orders").fetchone()
    conn.close()
    assert name.encode() not in everything_on_disk(demo_db)
    # the backup made first is encrypted like it and opens with the same key
    first = backup.backups_of(demo_db)
    assert first and backup.check(first[-1])
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(first[-1]).execute("SELECT 1 FROM orders").fetchone()
    # this computer reopens it: the key is in the keyring, not beside the file
    with Store.open(demo_db) as store:
        assert store.encrypted and counts(store) == {**before, "settings": before["settings"] + 1}
    beside = b"".join(p.read_bytes() for p in demo_db.parent.iterdir() if p.is_file())
    key_hex = next(iter(file_keyring._read().values()))
    assert key_hex.encode() not in beside and bytes.fromhex(key_hex) not in beside


def test_the_recovery_code_opens_it_on_another_computer(
    file_keyring: FileKeyring, demo_db: Path, tmp_path: Path
) -> None:
    with Store.open(demo_db) as store:
        notice = vault.secure(store, is_demo=False)
        assert notice is not None
        code = notice.recovery_code
        before = counts(store)
    moved = tmp_path / "other-computer" / "hub.sqlite"
    moved.parent.mkdir()
    shutil.copyfile(demo_db, moved)
    other = FileKeyring(tmp_path / "other-keyring.json")
    keyring.set_keyring(other)
    with pytest.raises(KeyMissing, match="recovery code"):
        Store.open(moved)
    # a mistyped code is caught by its check; a code of another hub does not open it
    wrong = code[:-2] + ("AA" if not code.endswith("AA") else "BB")
    with pytest.raises(vault.KnownError, match="not right"):
        vault.unlock(moved, wrong)
    with pytest.raises(vault.KnownError, match="does not open"):
        vault.unlock(moved, keys.recovery_code(keys.new_key()))
    vault.unlock(moved, code.lower().replace("-", " "))  # as people type it
    with Store.open(moved) as store:
        assert counts(store) == before


def test_the_unlock_command_reads_the_code_in_a_real_process(
    file_keyring: FileKeyring, demo_db: Path, tmp_path: Path
) -> None:
    encrypted = subprocess.run(
        [sys.executable, "main.py", "encrypt", "--db", str(demo_db)], cwd=ROOT,
        env=keyring_env(file_keyring.path), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert encrypted.returncode == 0, encrypted.stderr
    code = encrypted.stdout.strip().splitlines()[-1].strip()
    keys.key_from_code(code)  # what was printed is a well-formed code
    other = tmp_path / "other-keyring.json"
    report = [sys.executable, "main.py", "report", "--db", str(demo_db)]
    refused = subprocess.run(
        [*report, "--out", str(tmp_path / "a.csv")], cwd=ROOT, env=keyring_env(other),
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert refused.returncode == 1 and "recovery code" in refused.stderr
    assert "Traceback" not in refused.stderr
    env = keyring_env(other) | {"HUB_CODE": code}
    unlocked = subprocess.run(
        [sys.executable, "main.py", "unlock", "--db", str(demo_db), "--recovery-code-env",
         "HUB_CODE"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert unlocked.returncode == 0, unlocked.stderr
    opened = subprocess.run(
        [*report, "--out", str(tmp_path / "b.csv")], cwd=ROOT, env=keyring_env(other),
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert opened.returncode == 0, opened.stderr


def test_without_a_keyring_the_hub_stays_plain_and_staff_are_told_once(demo_db: Path) -> None:
    assert not keys.keyring_usable()  # the tests' default: no keyring, as on headless Linux
    with Store.open(demo_db) as store:
        first = vault.secure(store, is_demo=False)
        assert first is not None and first.kind == "no_keyring" and not store.encrypted
        vault.told_no_keyring(store)
        assert vault.secure(store, is_demo=False) is None
    assert demo_db.read_bytes().startswith(b"SQLite format 3\x00")


def test_the_demo_hub_and_a_hub_that_turned_it_off_stay_plain(
    file_keyring: FileKeyring, demo_db: Path
) -> None:
    with Store.open(demo_db) as store:
        assert vault.secure(store, is_demo=True) is None
        store.settings.set(s.ENCRYPT_DATABASE, False)
        assert vault.secure(store, is_demo=False) is None
        assert not store.encrypted
    assert demo_db.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_worker_reader_and_a_new_store_use_the_key(
    file_keyring: FileKeyring, demo_db: Path
) -> None:
    with Store.open(demo_db) as store:
        vault.secure(store, is_demo=False)
        reader = store.reader()
        try:
            assert reader.scalar("SELECT count(*) FROM orders") == store.scalar(
                "SELECT count(*) FROM orders"
            )
        finally:
            reader.close()
