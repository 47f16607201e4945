"""A database in a folder whose name SQLite's URIs give a meaning to (``#``, ``?``, ``%``, a
space) opens like any other, plain and encrypted, and a recovery code unlocks it."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from pos import keys
from pos.domain.settings import TILL_LABEL
from pos.services import vault
from pos.store import Store, backup, cipher
from pos.store.driver import HAS_CIPHER
from tests.helpers.keyring_file import FileKeyring, file_keyring

__all__ = ["file_keyring"]

FOLDER = "hub #1 ?50% off"


def test_a_plain_database_in_such_a_folder_opens_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / FOLDER / "hub.sqlite"
    with Store.open(path) as store:  # makes the folder
        store.settings.set(TILL_LABEL, "T9")
        made = backup.make_backup(store)
    assert backup.check(made)
    with Store.open(path) as again, again.reader() as reader:
        assert again.settings.get(TILL_LABEL) == reader.settings.get(TILL_LABEL) == "T9"
    assert [p.name for p in tmp_path.iterdir()] == [FOLDER]  # nothing made beside it


@pytest.mark.skipif(not HAS_CIPHER, reason="needs SQLCipher (sqlcipher3)")
def test_an_encrypted_one_opens_and_its_recovery_code_unlocks_it_elsewhere(
    file_keyring: FileKeyring, tmp_path: Path
) -> None:
    path = tmp_path / FOLDER / "hub.sqlite"
    with Store.open(path) as store:
        store.settings.set(TILL_LABEL, "T9")
        code = vault.encrypt(store)
    assert cipher.is_encrypted(path)
    with Store.open(path) as store:  # this computer's keyring has the key
        assert store.encrypted and store.settings.get(TILL_LABEL) == "T9"
    key = keys.key_from_code(code)
    assert cipher.opens(path, key)
    assert not cipher.opens(path, keys.new_key())
    keyring.set_keyring(FileKeyring(tmp_path / "other-computer.json"))  # restored by the fixture
    vault.unlock(path, code)  # another computer, given the recovery code
    with Store.open(path) as store:
        assert store.encrypted and store.settings.get(TILL_LABEL) == "T9"
    assert sorted(p.name for p in tmp_path.iterdir()) == [FOLDER, "other-computer.json"]
