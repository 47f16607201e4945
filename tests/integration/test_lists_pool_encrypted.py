"""Issue 17 point 1: the PDF workers make lists from an encrypted hub (SQLCipher).

The key is in this process's keyring (a real file-backed backend); the worker processes
inherit the test run's failing keyring backend, so they can only open the file with the key
the app hands them, never by asking a keyring themselves.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from pos.services import processes, vault
from pos.services.lists import ListRequest, ListsService
from pos.store import Store
from tests.helpers.keyring_file import FileKeyring, file_keyring

__all__ = ["file_keyring"]

NOW = datetime(2026, 11, 26, 9, 14, 3, tzinfo=UTC)

pytestmark = pytest.mark.skipif(not vault.HAS_CIPHER, reason="SQLCipher is not installed")


def test_lists_are_made_in_the_pool_from_an_encrypted_hub(
    file_keyring: FileKeyring, demo_db: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(demo_db) as conn:
        live = conn.execute(
            "SELECT count(*) FROM orders WHERE state <> 'canceled' AND order_cycle_id = 987"
        ).fetchone()[0]
    conn.close()
    with Store.open(demo_db) as store:
        assert vault.secure(store, is_demo=False) is not None and store.encrypted
    with pytest.raises(sqlite3.DatabaseError):  # the file really is encrypted
        sqlite3.connect(demo_db).execute("SELECT 1 FROM orders").fetchone()
    store = Store.open(demo_db, lock=False)
    try:
        written = ListsService(store).generate(
            ListRequest(kinds=("pack-customer", "labels")),
            tmp_path / "out",
            now=NOW,
            executor=processes.pool(),
        )
    finally:
        processes.shutdown()
        store.close()
    assert [p.name for p in written] == [
        "oc987-pack-customer.pdf",
        "oc987-labels-a4.pdf",
        "oc987-labels-4x6.pdf",
    ]
    text = " ".join(page.extract_text() for page in PdfReader(written[0]).pages)
    assert live > 10 and len(set(__import__("re").findall(r"R\d{9}", text))) == live
