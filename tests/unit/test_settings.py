"""Every setting declared once, read and written only through the typed accessor; the till's
stable unique id."""

from __future__ import annotations

import re
import sqlite3
import uuid
from pathlib import Path

import pytest

from pos import config
from pos.domain import settings as s
from pos.services.context import Services
from pos.store import Store, schema
from receipts.receipt import layout_receipt

ROOT = Path(__file__).resolve().parents[2]


def test_each_setting_is_declared_once_with_a_scope() -> None:
    declared = [v for v in vars(s).values() if isinstance(v, s.Setting)]
    assert len({id(v) for v in declared}) == len(s.ALL)  # every one is in the table
    assert all(s.ALL[v.key] is v for v in declared)
    assert {v.scope for v in declared} == {s.DEVICE, s.HUB}
    assert all(v.doc for v in declared)


def test_a_fresh_database_reads_every_default(store: Store) -> None:
    in_db = [v for v in s.ALL.values() if v.where == s.DATABASE]
    fresh = {v.key for v in in_db if not store.settings.is_set(v)}
    assert fresh  # the demo sets a few (demo, hub, cycle); the rest are defaults
    for key in fresh:
        setting = s.ALL[key]
        assert store.settings.get(setting) == setting.default


def test_device_settings_before_any_database_live_in_the_config_file(store: Store) -> None:
    assert config.get(s.TEXT_SIZE) == "normal"
    config.put(s.TEXT_SIZE, "large")
    config.put(s.DB_PATH, "/srv/till.sqlite")
    assert config.load() == {"text_size": "large", "db_path": "/srv/till.sqlite"}
    assert config.get(s.TEXT_SIZE) == "large"
    with pytest.raises(KeyError):  # each setting lives in one place only
        store.settings.get(s.TEXT_SIZE)
    with pytest.raises(KeyError):
        config.get(s.TILL_LABEL)


def test_unreadable_stored_values_read_as_the_default(store: Store) -> None:
    bad = {
        s.SYNC_INTERVAL_MINUTES: '"soon"',
        s.HUB_ID: "true",
        s.OFN_PAYMENT_METHODS: "[1, 2]",
        s.PAYMENT_METHODS: '{"cash": "Cash"}',
        s.TILL_LABEL: "[]",
    }
    with store.transaction() as db:
        for setting, raw in bad.items():
            db.conn.execute(
                "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (setting.key, raw)
            )
    for setting in bad:
        assert store.settings.get(setting) == setting.default, setting.key


def test_only_the_settings_module_touches_the_settings_table() -> None:
    """SQL on ``settings`` lives in pos/store/settings.py (and the migrations)."""
    allowed = {ROOT / "pos/store/settings.py", ROOT / "pos/store/schema.py"}
    pattern = re.compile(r"(FROM|INTO|UPDATE)\s+settings\b", re.IGNORECASE)
    found = [
        str(path.relative_to(ROOT))
        for folder in ("pos", "sync", "receipts")
        for path in (ROOT / folder).rglob("*.py")
        if path not in allowed and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


# till identity -----------------------------------------------------------------------------
def test_each_database_gets_its_own_till_uid_once(tmp_path: Path) -> None:
    uids = []
    for name in ("a.db", "b.db"):
        with Store.open(tmp_path / name) as store:
            uids.append(store.settings.get(s.TILL_UID))
            assert store.settings.get(s.TILL_LABEL) == "T1"  # both laptops called T1
        with Store.open(tmp_path / name) as again:
            assert again.settings.get(s.TILL_UID) == uids[-1]  # generated once
    assert uids[0] != uids[1]
    assert all(uuid.UUID(u).version == 4 for u in uids)


def test_the_store_answers_this_tills_uid_and_follows_a_new_one(tmp_path: Path) -> None:
    """``Store.till_uid`` (read once) is the saved ``TILL_UID``; a copied database given an id of
    its own answers the new one at once, and its rows from then on carry it."""
    with Store.open(tmp_path / "till.db") as store:
        assert store.till_uid == store.settings.get(s.TILL_UID)
        copied = str(uuid.uuid4())
        store.settings.set(s.TILL_UID, copied)
        assert store.till_uid == copied
        store.settings.set(s.TILL_LABEL, "T2")  # another setting keeps it
        assert store.till_uid == copied
        with store.reader() as reader:
            assert reader.till_uid == copied


def test_till_sessions_and_checkouts_carry_the_till_uid(demo_db: Path) -> None:
    services = Services.open(demo_db)
    try:
        store = services.store
        uid = store.settings.get(s.TILL_UID)
        session = services.till.open("Ana", 1000)
        order_id = int(store.scalar("SELECT id FROM orders WHERE payment_state = 'paid' LIMIT 1"))
        checkout = services.checkout.collect(services.checkout.start(order_id)).checkout
        assert store.scalar("SELECT till_uid FROM till_sessions WHERE id = ?", (session.id,)) == uid
        assert store.scalar("SELECT till_uid FROM checkouts WHERE id = ?", (checkout.id,)) == uid
        settings = services.printing.settings()
        data = services.printing.receipt_data(checkout.id, settings)
        text = layout_receipt(data, 48).as_text()
        assert "T1" in text and uid not in text  # the label is printed, never the uid
        # a row another till wrote keeps that till's uid
        with store.transaction() as db:
            db.conn.execute(
                "INSERT INTO till_sessions(id, till_id, till_uid, number, volunteer, opened_at,"
                " float_amount, closed_at) VALUES ('x', 'T1', 'other-till', 999, 'Bo',"
                " '2026-12-01T09:00:00Z', 0, '2026-12-01T17:00:00Z')"
            )
        assert store.scalar("SELECT till_uid FROM till_sessions WHERE id = 'x'") == "other-till"
    finally:
        services.close()


def test_migration_gives_existing_rows_the_till_uid(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    before = schema.MIGRATIONS.index(schema.V4_TILL_UID)
    conn = sqlite3.connect(path)
    for number, script in enumerate(schema.MIGRATIONS[:before], start=1):
        conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO till_sessions(id, till_id, number, volunteer, opened_at, float_amount)"
        " VALUES ('s1', 'T1', 1, 'Ana', '2026-11-26T09:00:00Z', 1000)"
    )
    conn.execute(
        "INSERT INTO checkouts(id, receipt_no, kind, session_id, till_id, volunteer, created_at,"
        " currency) VALUES ('c1', 'T1-000001', 'walk_in', 's1', 'T1', 'Ana',"
        " '2026-11-26T09:05:00Z', 'GBP')"
    )
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.version == schema.LATEST
        uid = store.settings.get(s.TILL_UID)
        assert uuid.UUID(uid).version == 4
        assert store.scalar("SELECT till_uid FROM till_sessions WHERE id = 's1'") == uid
        assert store.scalar("SELECT till_uid FROM checkouts WHERE id = 'c1'") == uid
