"""Push against the simulator: read-compare-act-verify, staff actions, every fault."""

from __future__ import annotations

import pytest

from pos.domain.settings import ORDER_NOTES
from pos.services.conflicts import ConflictService
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.outbox import Outbox
from sync.errors import KeyRejected
from sync.push import Pusher, push
from tests.helpers.sync_tills import checkout_service, collect, outbox_status, reverse, walk_in
from tests.ofn_sim.fixtures import declare_paid_at_pickup
from tests.ofn_sim.server import OFNSimulator


def _cash_order(sim: OFNSimulator, i: int = 0) -> str:
    return sim.numbers(payment_state="balance_due")[i]


def _paid_order(sim: OFNSimulator, i: int = 0) -> str:
    return sim.numbers(payment_state="paid")[i]


def _actions(store: Store) -> list[tuple[str, str | None, int | None, str | None]]:
    return [(a.kind, a.order_number, a.amount, a.method) for a in Outbox(store).staff_actions()]


def test_cash_paid_at_till_is_captured_then_shipped_once(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    declare_paid_at_pickup(pulled_store)
    number = _cash_order(ofn_sim)
    collect(pulled_store, number, pay_due="cash")
    report = push(ofn_client, pulled_store)
    assert report.done == 1 and report.captured == [number] and report.shipped == [number]
    assert ofn_sim.captures[number] == 1 and ofn_sim.ships[number] == 1
    remote = ofn_sim.order(number)
    assert remote["payment_state"] == "paid" and remote["shipment_state"] == "shipped"
    assert outbox_status(pulled_store) == {number: "done"}
    assert _actions(pulled_store) == []
    # running again changes nothing and calls nothing
    before = sum(ofn_sim.hits.values())
    again = push(ofn_client, pulled_store)
    assert again.due == 0 and sum(ofn_sim.hits.values()) == before
    assert not ofn_sim.redundant


def test_paid_online_order_is_only_shipped(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    number = _paid_order(ofn_sim)
    collect(pulled_store, number)
    push(ofn_client, pulled_store)
    assert ofn_sim.captures[number] == 0 and ofn_sim.ships[number] == 1
    assert outbox_status(pulled_store) == {number: "done"}


def test_unpaid_handover_goes_to_staff_and_is_not_shipped(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    number = _cash_order(ofn_sim)
    collect(pulled_store, number)
    report = push(ofn_client, pulled_store)
    assert report.needs_staff == 1
    order = OrderRepository(pulled_store).by_number(number)
    assert order is not None
    assert ("unpaid_handover", number, order.total, None) in _actions(pulled_store)
    assert ofn_sim.captures[number] == 0 and ofn_sim.ships[number] == 0
    assert all(a.admin_url.endswith(f"/admin/orders/{number}/edit")
               for a in Outbox(pulled_store).staff_actions())  # fmt: skip
    assert outbox_status(pulled_store) == {number: "needs_staff"}


def test_other_method_or_amount_is_entered_by_staff(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    declare_paid_at_pickup(pulled_store)
    card, split = _cash_order(ofn_sim, 0), _cash_order(ofn_sim, 1)
    collect(pulled_store, card, pay_due="card")
    due = OrderRepository(pulled_store).by_number(split).total  # type: ignore[union-attr]
    collect(pulled_store, split, pay={"cash": 1000, "card": due - 1000})
    push(ofn_client, pulled_store)
    actions = _actions(pulled_store)
    total_card = OrderRepository(pulled_store).by_number(card).total  # type: ignore[union-attr]
    assert ("enter_payment", card, total_card, "card") in actions
    assert ("enter_payment", split, 1000, "cash") in actions
    assert ("enter_payment", split, due - 1000, "card") in actions
    assert not ofn_sim.captures and not ofn_sim.ships
    # the second run does not duplicate the staff list
    Outbox(pulled_store).retry_failed_now()
    pulled_store.db.conn.execute("UPDATE outbox SET status = 'pending'")
    push(ofn_client, pulled_store)
    assert sorted(_actions(pulled_store)) == sorted(actions)


def test_missing_items_become_a_credit_and_the_order_ships(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    number = _paid_order(ofn_sim)
    order = OrderRepository(pulled_store).by_number(number)
    assert order is not None
    collect(pulled_store, number, missing=1)
    push(ofn_client, pulled_store)
    assert ("credit", number, order.line_items[0].amount, None) in _actions(pulled_store)
    assert ofn_sim.ships[number] == 1


def test_walk_in_sales_are_listed_once_each(pulled_store, ofn_client) -> None:  # type: ignore[no-untyped-def]
    a, b = walk_in(pulled_store, 450, "cash"), walk_in(pulled_store, 900, "card")
    assert push(ofn_client, pulled_store).walk_ins == 2
    assert push(ofn_client, pulled_store).walk_ins == 0
    rows = Outbox(pulled_store).staff_actions()
    assert sorted((r.checkout_id, r.amount, r.method) for r in rows) == sorted(
        [(a, 450, "cash"), (b, 900, "card")]
    )
    # undone after staff were told: they hear of the refund, once
    checkout_service(pulled_store).reverse(b, "wrong item")
    assert push(ofn_client, pulled_store).walk_ins == 1
    assert push(ofn_client, pulled_store).walk_ins == 0
    undo = [r for r in Outbox(pulled_store).staff_actions() if r.amount == -900]
    assert len(undo) == 1 and "was undone" in undo[0].reason


@pytest.mark.parametrize("fault", ["500", "504", "422", "reset_before", "reset_after"])
@pytest.mark.parametrize("step", ["/capture", "/ship"])
def test_every_fault_on_capture_and_ship_settles_exactly_once(
    pulled_store, ofn_sim, ofn_client, fault: str, step: str
) -> None:  # type: ignore[no-untyped-def]
    declare_paid_at_pickup(pulled_store)
    number = _cash_order(ofn_sim)
    collect(pulled_store, number, pay_due="cash")
    ofn_sim.fail(fault, method="PUT", path=step, times=2)
    for _ in range(3):
        Outbox(pulled_store).retry_failed_now()
        push(ofn_client, pulled_store)
        if outbox_status(pulled_store)[number] == "done":
            break
    assert outbox_status(pulled_store) == {number: "done"}
    assert ofn_sim.captures[number] == 1 and ofn_sim.ships[number] == 1
    assert not ofn_sim.redundant, ofn_sim.redundant
    assert _actions(pulled_store) == []


@pytest.mark.parametrize("fault", ["500", "504", "422", "reset_before", "reset_after"])
def test_faults_on_the_read_are_retried(pulled_store, ofn_sim, ofn_client, fault: str) -> None:  # type: ignore[no-untyped-def]
    declare_paid_at_pickup(pulled_store)
    number = _cash_order(ofn_sim)
    collect(pulled_store, number, pay_due="cash")
    ofn_sim.fail(fault, method="GET", path=f"/orders/{number}", times=2)
    push(ofn_client, pulled_store)
    assert outbox_status(pulled_store) == {number: "done"}
    assert ofn_sim.captures[number] == 1 and ofn_sim.ships[number] == 1


def test_ship_that_ships_nothing_is_not_taken_for_done(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    number = _paid_order(ofn_sim)
    ofn_sim.edit(number, shipment_state="pending")  # OFN bug #5119: paid but not ready
    collect(pulled_store, number)
    push(ofn_client, pulled_store)
    assert ofn_sim.ships[number] == 0
    assert outbox_status(pulled_store) == {number: "needs_staff"}
    assert [a[0] for a in _actions(pulled_store)] == ["error"]


def test_revoked_key_stops_the_push_and_keeps_the_outbox(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    collect(pulled_store, _cash_order(ofn_sim), pay_due="cash")
    ofn_sim.revoke_key()
    with pytest.raises(KeyRejected, match="rejected the API key"):
        push(ofn_client, pulled_store)
    assert list(outbox_status(pulled_store).values()) == ["pending"]
    assert ofn_client.t._key not in str(pulled_store.query("SELECT * FROM sync_runs"))


def test_capture_refused_goes_to_staff(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    declare_paid_at_pickup(pulled_store)
    number = _cash_order(ofn_sim)
    collect(pulled_store, number, pay_due="cash")
    ofn_sim.fail("refuse", method="PUT", path="/capture")
    push(ofn_client, pulled_store)
    actions = Outbox(pulled_store).staff_actions()
    assert [a.kind for a in actions] == ["enter_payment"]
    assert "mark it shipped" in actions[0].reason
    assert (
        ofn_sim.captures[number] == 0 and ofn_sim.hits["PUT /api/v0/orders/{number}/capture"] == 1
    )


def test_no_pending_payment_left_goes_to_staff(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    declare_paid_at_pickup(pulled_store)
    number = _cash_order(ofn_sim)
    collect(pulled_store, number, pay_due="cash")
    data = ofn_sim.order(number)
    data["payments"][0]["state"] = "failed"
    ofn_sim.edit(number, payments=data["payments"])
    push(ofn_client, pulled_store)
    assert [a[0] for a in _actions(pulled_store)] == ["enter_payment"]
    assert ofn_sim.hits["PUT /api/v0/orders/{number}/capture"] == 0


def test_edited_in_ofn_before_push_is_a_conflict_then_resolved(
    pulled_store, ofn_sim, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    declare_paid_at_pickup(pulled_store)
    keep, accept = _cash_order(ofn_sim, 0), _cash_order(ofn_sim, 1)
    for number in (keep, accept):
        collect(pulled_store, number, pay_due="cash")
        ofn_sim.edit(number, total="12.34")
    report = push(ofn_client, pulled_store)
    assert sorted(n for n, _ in report.conflicts) == sorted([keep, accept])
    assert not ofn_sim.captures and not ofn_sim.ships
    ids = {n: OrderRepository(pulled_store).by_number(n).id for n in (keep, accept)}  # type: ignore[union-attr]
    conflicts = ConflictService(pulled_store, till_id="T1")
    conflicts.resolve(ids[keep], keep_local=True, actor="Sam")
    conflicts.resolve(ids[accept], keep_local=False, actor="Sam")
    # accept: the collection is reversed, the OFN copy applied
    assert OrderRepository(pulled_store).by_number(accept).total == 1234  # type: ignore[union-attr]
    kinds = pulled_store.query(
        "SELECT kind, amount_paid FROM checkouts WHERE order_id = ? ORDER BY created_at",
        (ids[accept],),
    )
    assert [k[0] for k in kinds] == ["collection", "reversal"]
    assert kinds[0][1] == -kinds[1][1]
    # keep: pushed despite the change; the amount no longer matches so staff enter it
    push(ofn_client, pulled_store)
    status = outbox_status(pulled_store)
    assert status[accept] == "done" and status[keep] == "needs_staff"
    assert [a[0] for a in _actions(pulled_store) if a[1] == keep] == ["enter_payment"]
    audit = pulled_store.query("SELECT actor FROM audit_log WHERE action='sync.conflict.resolved'")
    assert [r[0] for r in audit] == ["Sam", "Sam"]


def test_reversal_after_push_asks_staff_to_correct_ofn(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    number = _paid_order(ofn_sim)
    collect(pulled_store, number)
    push(ofn_client, pulled_store)
    reverse(pulled_store, number)
    push(ofn_client, pulled_store)
    assert [a[0] for a in _actions(pulled_store)] == ["error"]
    assert ofn_sim.ships[number] == 1


def test_a_collection_made_during_a_push_is_not_lost(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    number = _paid_order(ofn_sim)
    collect(pulled_store, number)
    item = Outbox(pulled_store).due()[0]
    pulled_store.db.conn.execute("UPDATE outbox SET changed_at = 'later'")
    assert not Outbox(pulled_store).record(item, "done")
    assert outbox_status(pulled_store) == {number: "pending"}


def test_order_note_only_when_enabled(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    a, b = _paid_order(ofn_sim, 0), _paid_order(ofn_sim, 1)
    collect(pulled_store, a)
    push(ofn_client, pulled_store)
    assert ofn_sim.notes == {}
    pulled_store.settings.set(ORDER_NOTES, True)
    collect(pulled_store, b)
    Pusher(ofn_client, pulled_store).run()
    assert list(ofn_sim.notes) == [b] and "T1-" in ofn_sim.notes[b]


def test_order_gone_from_ofn_goes_to_staff_and_others_still_push(
    pulled_store, ofn_sim, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    gone, fine = _paid_order(ofn_sim, 0), _paid_order(ofn_sim, 1)
    collect(pulled_store, gone)
    collect(pulled_store, fine)
    with ofn_sim.lock:
        del ofn_sim.orders[gone]
    push(ofn_client, pulled_store)
    assert outbox_status(pulled_store) == {gone: "needs_staff", fine: "done"}
    assert [a[:2] for a in _actions(pulled_store)] == [("error", gone)]


def test_unreadable_order_is_retried_later_and_others_still_push(
    pulled_store, ofn_sim, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    bad, fine = _paid_order(ofn_sim, 0), _paid_order(ofn_sim, 1)
    collect(pulled_store, bad)
    collect(pulled_store, fine)
    original = ofn_sim.order(bad)
    ofn_sim.set_raw(bad, b"{not json")
    report = push(ofn_client, pulled_store)
    assert [n for n, _ in report.failed] == [bad]
    assert outbox_status(pulled_store) == {bad: "failed", fine: "done"}
    ofn_sim.set_raw(bad, original)
    Outbox(pulled_store).retry_failed_now()
    push(ofn_client, pulled_store)
    assert outbox_status(pulled_store)[bad] == "done" and ofn_sim.ships[bad] == 1


def test_undo_after_a_capture_asks_staff_to_refund_in_ofn(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    declare_paid_at_pickup(pulled_store)
    number = _cash_order(ofn_sim)
    collect(pulled_store, number, pay_due="cash")
    push(ofn_client, pulled_store)
    assert ofn_sim.captures[number] == 1
    reverse(pulled_store, number)
    push(ofn_client, pulled_store)
    kinds = sorted(a[0] for a in _actions(pulled_store))
    assert kinds == ["credit", "error"]
    total = OrderRepository(pulled_store).by_number(number).total  # type: ignore[union-attr]
    assert ("credit", number, total, None) in _actions(pulled_store)
    assert ofn_sim.captures[number] == 1 and ofn_sim.ships[number] == 1


def _local(store: Store, number: str) -> tuple[object, ...]:
    order = OrderRepository(store).by_number(number)
    assert order is not None
    return (order.state, order.payment_state, order.shipment_state, order.total,
            order.payment_total, order.outstanding, order.ready_to_capture,
            tuple((p.amount, p.method, p.state) for p in order.payments),
            tuple((li.id, li.quantity) for li in order.line_items))  # fmt: skip


def test_orders_push_changed_are_refreshed_from_what_it_read_not_fetched_again(
    pulled_store, ofn_sim, ofn_client, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from sync.parse import parse_order
    from sync.pull import pull

    declare_paid_at_pickup(pulled_store)
    cash, online, third = _cash_order(ofn_sim), _paid_order(ofn_sim), _paid_order(ofn_sim, 1)
    collect(pulled_store, cash, pay_due="cash")
    collect(pulled_store, online)
    report = push(ofn_client, pulled_store)
    assert report.captured == [cash] and sorted(report.shipped) == sorted([cash, online])
    assert report.refreshed == 2
    for number in (cash, online):  # the local copy is what a fetch would give now
        fetched = parse_order(ofn_sim.order(number), currency="GBP")
        local = _local(pulled_store, number)
        assert local[1:3] == ("paid", "shipped")
        assert local == (fetched.state, fetched.payment_state, fetched.shipment_state,
                         fetched.total, fetched.payment_total, fetched.outstanding,
                         fetched.ready_to_capture,
                         tuple((p.amount, p.method, p.state) for p in fetched.payments),
                         tuple((li.id, li.quantity) for li in fetched.line_items))  # fmt: skip
    details = "GET /api/v0/orders/{number}"
    before = ofn_sim.hits[details]
    again = pull(ofn_client, pulled_store, hub_id=ofn_sim.hub_id, order_cycle_id=987)
    assert again.incremental and again.from_push == 2 and again.fetched == 0
    assert ofn_sim.hits[details] == before
    # staff edit one of them in OFN afterwards: the next pull fetches that one
    ofn_sim.edit(online, special_instructions="leave by the door")
    collect(pulled_store, third)
    push(ofn_client, pulled_store)
    later = pull(ofn_client, pulled_store, hub_id=ofn_sim.hub_id, order_cycle_id=987)
    assert later.fetched == 1 and later.from_push == 2  # the edited one; cash and third not
    order = OrderRepository(pulled_store).by_number(online)
    assert order is not None and order.special_instructions == "leave by the door"
