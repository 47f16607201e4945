"""Retention: once a cycle is settled and past the hub's retention days, its orders lose
every personal field; reconciliation figures stay the same; nothing personal is left in the
database file's bytes (nor its WAL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos.domain import settings as s
from pos.domain.text import fold
from pos.services.demo import DEMO_CYCLE_ID
from pos.services.privacy import PrivacyService
from pos.services.reconcile import ReconcileService
from pos.store import Store
from tests.helpers.reconcile.real_day import build_real_day


def _later(days: float):  # type: ignore[no-untyped-def]
    at = datetime.now(UTC) + timedelta(days=days)
    return lambda: at


def _settle(store: Store) -> None:
    """What the next syncs and hub staff do: everything pushed, every action done, the
    till sessions closed."""
    with store.transaction():
        store.db.conn.execute("UPDATE outbox SET status = 'done'")
        store.db.conn.execute(
            "UPDATE staff_actions SET done_at = '2026-12-01T10:00:00Z', done_by = 'Staff'"
        )
        store.db.conn.execute(
            "UPDATE till_sessions SET closed_at = '2026-12-01T10:00:00Z' WHERE closed_at IS NULL"
        )


def _figures(store: Store):  # type: ignore[no-untyped-def]
    """Reconciliation as staff see it, without the names (which the purge removes)."""
    view = ReconcileService(store).overview(DEMO_CYCLE_ID)
    orders = sorted(
        (replace(o, customer_name="", no_show_reason="") for o in view.orders),
        key=lambda o: o.order_id,
    )  # listed by name before, and notes go too
    return view.total, view.points, view.sessions, orders


def _bytes(path: Path) -> bytes:
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def _traces(row, *, words: bool = True) -> list[bytes]:  # type: ignore[no-untyped-def]
    """The name, email and phone; ``words``: also each folded word of the name as the
    search index holds it (only when nobody else may share it)."""
    name, phone, email = row["customer_name"], row["phone"], row["email"]
    traces = [name.encode(), email.encode(), phone.encode()]
    if words:
        traces += [fold(part).encode() for part in name.split() if len(part) > 3]
    return [t for t in traces if t]


@pytest.fixture
def day(demo_db: Path):  # type: ignore[no-untyped-def]
    with Store.open(demo_db) as store:
        build_real_day(store)
        store.settings.set(s.ORDER_CYCLE_ID, DEMO_CYCLE_ID + 1)  # the hub has moved on
    return demo_db


def test_purge_keeps_the_figures_and_leaves_no_personal_field(day: Path) -> None:
    with Store.open(day) as store:
        collected = store.query(
            "SELECT o.customer_name, o.phone, o.email, o.customer_id FROM orders o"
            " JOIN checkouts k ON k.order_id = o.id WHERE o.phone != '' AND o.email != ''"
            " ORDER BY length(o.customer_name) DESC LIMIT 3"
        )
        assert collected
        # an OFN copy kept for a conflict holds the person too (table and audit trail)
        from pos.store.orders import OrderRepository
        from pos.store.outbox import Outbox

        conflicted = store.query(
            "SELECT o.number, o.customer_name, o.phone, o.email FROM orders o"
            " JOIN checkouts k ON k.order_id = o.id WHERE o.phone != '' AND o.email != ''"
            " ORDER BY o.id LIMIT 1"
        )[0]
        remote = OrderRepository(store).by_number(conflicted["number"])
        assert remote is not None
        with store.transaction():
            Outbox(store).record_conflict(remote, "changed in OFN", "https://ofn/admin")
        collected = [*collected, conflicted]
        _settle(store)
        before = _figures(store)
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = _bytes(day)
    assert all(t in data for t in _traces(collected[0]))  # the scan can see them
    with Store.open(day) as store:
        total = store.scalar("SELECT COUNT(*) FROM orders")
        report = PrivacyService(store, clock=_later(60)).purge()
        assert report.cycles == [DEMO_CYCLE_ID] and report.orders == total
        assert report.customers > 0
        assert _figures(store) == before  # reconciliation unchanged
        assert (
            store.scalar(
                "SELECT COUNT(*) FROM orders WHERE customer_name != '' OR email != ''"
                " OR phone != '' OR special_instructions != '' OR customer_code IS NOT NULL"
                " OR purged_at IS NULL"
            )
            == 0
        )
        assert store.scalar("SELECT COUNT(*) FROM customers") == 0
        assert (
            store.scalar(
                "SELECT COUNT(*) FROM order_search WHERE name != '' OR email != '' OR phone != ''"
            )
            == 0
        )
        assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.purge'") == 1
        data = _bytes(day)  # open: the WAL too
        for row in collected:
            for trace in _traces(row):
                assert trace not in data, trace
        assert PrivacyService(store, clock=_later(60)).purge().orders == 0  # done once
    data = _bytes(day)
    for row in collected:
        for trace in _traces(row):
            assert trace not in data, trace


def test_nothing_is_purged_too_early_or_while_events_wait(day: Path) -> None:
    with Store.open(day) as store:
        store.settings.set(s.KEEP_CUSTOMER_DAYS, 28)
        assert PrivacyService(store, clock=_later(60)).purge().orders == 0  # not pushed yet
        _settle(store)
        assert PrivacyService(store, clock=_later(20)).purge().orders == 0  # within 28 days
        store.settings.set(s.ORDER_CYCLE_ID, DEMO_CYCLE_ID)
        assert PrivacyService(store, clock=_later(60)).purge().orders == 0  # the live cycle
        store.settings.set(s.ORDER_CYCLE_ID, DEMO_CYCLE_ID + 1)
        store.settings.set(s.KEEP_CUSTOMER_DAYS, 7)
        assert PrivacyService(store, clock=_later(10)).purge().orders > 0


def test_erase_and_export_one_customer(day: Path, tmp_path: Path) -> None:
    import json

    with Store.open(day) as store:
        row = store.query(
            "SELECT id, customer_id, customer_name, phone, email FROM orders"
            " WHERE customer_id IS NOT NULL AND phone != '' LIMIT 1"
        )[0]
        before = _figures(store)
        service = PrivacyService(store)
        out = service.export_customer(row["id"], tmp_path / "c.json", actor="Sam", role="staff")
        assert out.stat().st_mode & 0o777 == 0o600
        held = json.loads(out.read_text("utf-8"))
        assert held["orders"][0]["customer_name"] == row["customer_name"]
        assert held["customers"][0]["id"] == row["customer_id"]
        assert service.erase_customer(row["id"], actor="Sam", role="staff") >= 1
        assert _figures(store) == before
        assert (
            store.scalar(
                "SELECT COUNT(*) FROM orders WHERE customer_id = ? OR email = ?",
                (row["customer_id"], row["email"]),
            )
            == 0
        )
        assert (
            store.scalar("SELECT COUNT(*) FROM customers WHERE id = ?", (row["customer_id"],)) == 0
        )
        actions = [r[0] for r in store.query(
            "SELECT action FROM audit_log WHERE action LIKE 'privacy.%' ORDER BY id"
        )]  # fmt: skip
        assert actions == ["privacy.export", "privacy.erase"]
        data = _bytes(day)
        for trace in _traces(row, words=False):  # others may share a first name
            assert trace not in data, trace


def test_no_name_survives_in_index_pages_or_the_search_index(tmp_path: Path) -> None:
    """Enough orders for multi-level indexes: B-tree interior pages keep old keys (name
    keys, codes) and FTS5 keeps deleted words in old segments unless rebuilt or merged."""
    from pos.services.demo import write_demo

    db = write_demo(tmp_path / "big.sqlite", orders=1500)
    with Store.open(db) as store:
        names = {w for (n,) in store.query("SELECT customer_name FROM orders") for w in n.split()}
        codes = [c for (c,) in store.query("SELECT code FROM customers WHERE code != ''")]
        store.settings.set(s.ORDER_CYCLE_ID, DEMO_CYCLE_ID + 1)
        assert PrivacyService(store, clock=_later(60)).purge().orders == 1500
    data = _bytes(db)
    words = {fold(w).encode() for w in names if len(fold(w)) > 4}
    assert words and [w for w in words if w in data] == []
    assert codes and [c for c in codes if c.encode() in data] == []
