"""Conflict resolution as a service, the OFN copy's own table, and its migration."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pos.domain.outbox import DesiredState
from pos.services.conflicts import ConflictService, NoOpenConflict
from pos.store import Store
from pos.store.conflicts import ConflictCopies
from pos.store.ingest import Ingest, order_to_json
from pos.store.orders import OrderRepository
from pos.store.outbox import Outbox
from pos.store.schema import LATEST
from sync.parse import parse_order
from sync.pull import pull
from sync.push import push
from tests.helpers.sync_tills import checkout_service, collect, outbox_status
from tests.ofn_sim.fixtures import declare_paid_at_pickup
from tests.ofn_sim.server import OFNSimulator


def _id(store: Store, number: str) -> int:
    order = OrderRepository(store).by_number(number)
    assert order is not None
    return order.id


def _checkouts(store: Store, order_id: int) -> list[dict[str, object]]:
    rows = store.query(
        "SELECT * FROM checkouts WHERE order_id = ? ORDER BY created_at, rowid", (order_id,)
    )
    return [dict(r) for r in rows]


def _payments(store: Store, checkout_id: object) -> list[tuple[object, ...]]:
    rows = store.query(
        "SELECT method, amount, tendered, change, reference FROM payments WHERE checkout_id = ?"
        " ORDER BY rowid",
        (checkout_id,),
    )
    return [tuple(r) for r in rows]


def test_accepting_ofns_version_reverses_by_the_undo_rule_and_receipt_sequence(
    pulled_store, ofn_sim, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    declare_paid_at_pickup(pulled_store)
    undone, accepted = ofn_sim.numbers(payment_state="balance_due")[:2]
    collect(pulled_store, undone, pay_due="cash")
    collect(pulled_store, accepted, pay_due="cash")
    # undo at the till and accepting OFN's version make the same kind of event
    live = _checkouts(pulled_store, _id(pulled_store, undone))[0]
    checkout_service(pulled_store).reverse(str(live["id"]), "wrong bag")
    ofn_sim.edit(accepted, total="12.34")
    report = push(ofn_client, pulled_store)
    assert [n for n, _ in report.conflicts] == [accepted]
    order_id = _id(pulled_store, accepted)
    copy = ConflictCopies(pulled_store).get(order_id)
    assert copy is not None and copy.is_open and copy.remote.total == 1234
    assert "changed in OFN" in copy.reason

    ConflictService(pulled_store, till_id="T1").resolve(order_id, keep_local=False, actor="Sam")

    by_undo = _checkouts(pulled_store, _id(pulled_store, undone))
    by_accept = _checkouts(pulled_store, order_id)
    receipts = [c["receipt_no"] for c in by_undo + by_accept]
    assert sorted(receipts) == ["T1-000001", "T1-000002", "T1-000003", "T1-000004"]
    for original, reversal in (by_undo, by_accept):
        assert reversal["kind"] == "reversal" and reversal["reverses_id"] == original["id"]
        assert original["reversed_at"] is not None
        for name in ("goods_total", "fees_total", "amount_due", "amount_paid", "change_given",
                     "left_owing", "credit_amount"):  # fmt: skip
            assert reversal[name] == -original[name], name  # type: ignore[operator]
        assert _payments(pulled_store, reversal["id"]) == [
            (m, -a, -t, -c, r) for m, a, t, c, r in _payments(pulled_store, original["id"])
        ]
        assert reversal["session_id"] == original["session_id"]  # the till's open session
    assert by_accept[1]["volunteer"] == "Sam" and by_accept[1]["till_id"] == "T1"
    # the OFN copy replaced the local order; nothing is left to push
    assert OrderRepository(pulled_store).by_number(accepted).total == 1234  # type: ignore[union-attr]
    item = Outbox(pulled_store).get(order_id)
    assert item is not None and item.status == "done"
    assert item.desired == DesiredState.remote_accepted("GBP", str(by_accept[1]["id"]))
    copy = ConflictCopies(pulled_store).get(order_id)
    assert copy is not None and not copy.is_open and copy.kept_local is False
    assert copy.resolved_by == "Sam"
    assert [a.kind for a in Outbox(pulled_store).staff_actions() if a.order_id == order_id] == []
    with pytest.raises(NoOpenConflict):
        ConflictService(pulled_store, till_id="T1").resolve(order_id, keep_local=True, actor="Sam")
    push(ofn_client, pulled_store)
    assert ofn_sim.captures[accepted] == 0 and ofn_sim.ships[accepted] == 0


def test_keeping_the_tills_version_queues_it_flagged_and_the_latest_copy_is_kept(
    pulled_store, ofn_sim, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    number = ofn_sim.numbers(payment_state="paid")[0]
    collect(pulled_store, number)
    order_id = _id(pulled_store, number)
    before = Outbox(pulled_store).get(order_id)
    ofn_sim.edit(number, total="20.00")
    push(ofn_client, pulled_store)
    ofn_sim.edit(number, total="21.00")  # changed again before staff looked: the pull sees it
    pull(ofn_client, pulled_store, hub_id=ofn_sim.hub_id, order_cycle_id=987)
    copy = ConflictCopies(pulled_store).get(order_id)
    assert copy is not None and copy.remote.total == 2100 and copy.is_open
    evidence = pulled_store.query(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'sync.conflict' AND entity_id = ?",
        (str(order_id),),
    )[0][0]
    assert evidence == 2  # each change stays in the audit log as evidence
    ConflictService(pulled_store, till_id="T1").resolve(order_id, keep_local=True, actor="Ana")
    item = Outbox(pulled_store).get(order_id)
    assert before is not None and before.desired is not None and item is not None
    assert item.status == "pending" and item.desired == before.desired.kept_local()
    assert OrderRepository(pulled_store).by_number(number).total != 2100  # type: ignore[union-attr]
    copy = ConflictCopies(pulled_store).get(order_id)
    assert copy is not None and copy.kept_local is True and copy.resolved_by == "Ana"
    push(ofn_client, pulled_store)
    assert ofn_sim.ships[number] == 1 and outbox_status(pulled_store)[number] == "done"


def test_existing_databases_move_the_copies_out_of_the_audit_log(tmp_path: Path) -> None:
    sim = OFNSimulator(orders=12, seed=4)
    numbers = sim.numbers(state="complete")[:3]
    orders = [parse_order(sim.order(n), currency="GBP") for n in numbers]
    db = tmp_path / "old.sqlite"
    with Store.open(db, schema_version=3) as store:
        open_one, decided, gone = orders

        def conflict(order, total: int) -> None:  # type: ignore[no-untyped-def]
            text = order_to_json(replace(order, total=total))
            details = {"reason": f"now {total}", "remote": text}
            store.audit("sync.conflict", entity="order", entity_id=str(order.id), actor="sync",
                        role="system", details=details)  # fmt: skip

        with store.transaction():
            Ingest(store)._placeholders(orders)
            OrderRepository(store).save_orders(orders)
            conflict(open_one, 1000)
            conflict(decided, 2000)
            conflict(open_one, 1111)  # the latest copy of an order wins
            store.audit("sync.conflict.resolved", entity="order", entity_id=str(decided.id),
                        actor="Sam", role="staff", details={"keep_local": True})  # fmt: skip
            unknown = {"reason": "no such order", "remote": "{}"}
            store.audit("sync.conflict", entity="order", entity_id="999999", actor="sync",
                        role="system", details=unknown)  # fmt: skip
        audit_before = store.query("SELECT * FROM audit_log ORDER BY id")
    with Store.open(db) as store:
        assert store.version == LATEST
        copies = ConflictCopies(store)
        first = copies.get(open_one.id)
        assert first is not None and first.is_open and first.remote.total == 1111
        assert first.reason == "now 1111" and first.remote.line_items == open_one.line_items
        second = copies.get(decided.id)
        assert second is not None and second.kept_local is True and second.resolved_by == "Sam"
        assert copies.get(gone.id) is None
        assert store.scalar("SELECT COUNT(*) FROM conflict_copies") == 2
        assert [tuple(r) for r in store.query("SELECT * FROM audit_log ORDER BY id")] == [
            tuple(r) for r in audit_before
        ]  # the evidence is left as it was
