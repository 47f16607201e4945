"""The store: pragmas, migrations, the single-writer lock and clear errors on bad files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pos.domain.payment_methods import Method, PaymentMethods
from pos.domain.settings import DEVICE, PAYMENT_METHODS, TILL_LABEL, Setting
from pos.store import Store, StoreError, schema
from pos.store.orders import OrderRepository


def test_new_database_is_wal_full_sync_with_foreign_keys(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.sqlite") as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.version == schema.LATEST


def test_upgrade_keeps_data_of_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Store.open(path, schema_version=1) as old:
        assert old.version == 1
        assert "checkouts" not in old.db.table_names()
        old.db.conn.executescript(
            """
            INSERT INTO hub VALUES (7, 'Old Hub', 'EUR', 'fr_FR', 'Europe/Paris', '', 0);
            INSERT INTO pickup_points VALUES (3, 'Salle des fêtes', '');
            INSERT INTO orders (id, number, hub_id, pickup_point_id, customer_name,
                customer_sort_name, name_key, state, item_total, adjustment_total,
                payment_total, total, outstanding, currency, fetched_at)
              VALUES (1, 'R000000001', 7, 3, 'Zoë Étang', 'Étang, Zoë', 'etang, zoe',
                'complete', 1000, 100, 0, 1100, 1100, 'EUR', '2026-11-01T00:00:00Z');
            INSERT INTO line_items (id, order_id, position, product_name, quantity, unit_price)
              VALUES (10, 1, 0, 'Œufs', 2, 500);
            INSERT INTO order_search(rowid, number, code, name, email, phone, products)
              VALUES (1, 'r000000001', '', 'zoe etang', '', '', 'oeufs');
            """
        )
        old.db.conn.commit()
    with Store.open(path) as store:
        assert store.version == schema.LATEST
        order = OrderRepository(store).get(1)
        assert order is not None
        assert order.customer_name == "Zoë Étang"
        assert [li.product_name for li in order.line_items] == ["Œufs"]
        # the new tables work against the old rows
        store.db.conn.execute(
            "INSERT INTO checkouts (id, receipt_no, kind, order_id, till_id, volunteer,"
            " created_at, currency) VALUES ('u1', 'T1-000001', 'collection', 1, 'T1', 'Ann',"
            " '2026-11-26T10:00:00Z', 'EUR')"
        )


def test_database_from_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    with Store.open(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list: eggs, kale\n" * 100)
    with pytest.raises(StoreError, match="not a Food Hub POS database"):
        Store.open(path)
    assert path.read_text().startswith("shopping list")


def test_unwritable_folder_gets_a_clear_message(tmp_path: Path) -> None:
    # root ignores permission bits, so use a folder nobody may create files in: /proc
    if os.geteuid() == 0:
        folder = Path("/proc")
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
    with pytest.raises(StoreError, match="Cannot write"):
        Store.open(folder / "hub.sqlite")


def test_folder_that_cannot_be_created_gets_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Cannot create the folder"):
        Store.open(blocker / "sub" / "hub.sqlite")


def test_second_open_of_the_same_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hub.sqlite"
    with Store.open(path):
        with pytest.raises(StoreError, match="already open"):
            Store.open(path)
    # released on close: a later open works
    with Store.open(path) as again:
        assert again.version == schema.LATEST


def test_lock_holds_against_another_process_and_dies_with_it(tmp_path: Path) -> None:
    path = tmp_path / "hub.sqlite"
    with Store.open(path):
        pass
    code = (
        "import sys, time; from pos.store import Store; s = Store.open(sys.argv[1]);"
        " print('open', flush=True); time.sleep(60)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="already open"):
            Store.open(path)
    finally:
        child.kill()
        child.wait()
        if child.stdout:
            child.stdout.close()
    with Store.open(path) as store:  # the OS released the lock with the process
        assert store.version == schema.LATEST


def test_transaction_rolls_back_everything_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.audit("test.action", entity="order", entity_id="1")
            store.db.conn.execute("UPDATE orders SET customer_name = 'X'")
            raise RuntimeError("power cut")
    assert store.scalar("SELECT COUNT(*) FROM audit_log") == 0
    assert store.scalar("SELECT COUNT(*) FROM orders WHERE customer_name = 'X'") == 0


def test_settings_round_trip_json(store: Store) -> None:
    assert store.settings.get(PAYMENT_METHODS) == PaymentMethods.defaults()  # never saved
    assert not store.settings.is_set(PAYMENT_METHODS)
    methods = PaymentMethods.of(
        [Method("local", "Léman"), Method("card", "Card (terminal)", False)]
    )
    store.settings.set(PAYMENT_METHODS, methods)
    assert store.settings.get(PAYMENT_METHODS) == methods
    stored = store.scalar("SELECT value FROM settings WHERE key = ?", (PAYMENT_METHODS.key,))
    assert json.loads(stored) == [  # the JSON older versions wrote and read
        {"code": "cash", "label": "Cash"},
        {"code": "local", "label": "Léman"},
        {"code": "card", "label": "Card (terminal)", "enabled": False},
    ]
    with pytest.raises(KeyError):  # only declared settings pass
        store.settings.get(Setting("missing", 42, DEVICE, "", int))


def test_reader_connection_sees_committed_writes(store: Store) -> None:
    reader = store.reader()
    try:
        store.settings.set(TILL_LABEL, "T9")
        assert reader.settings.get(TILL_LABEL) == "T9"
    finally:
        reader.close()


def test_a_reader_never_migrates_a_database_another_process_holds(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Store.open(path, schema_version=1):
        pass
    holder = Store.open(path, schema_version=1)  # an older app still has it open
    try:
        with pytest.raises(StoreError, match="already open"):
            Store.open(path, lock=False)
        assert holder.version == 1
    finally:
        holder.close()
    with Store.open(path, lock=False) as reader:  # nobody holds it: migrated, lock released
        assert reader.version == schema.LATEST
        with Store.open(path) as writer:
            assert writer.version == schema.LATEST
