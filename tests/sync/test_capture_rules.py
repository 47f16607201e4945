"""Issue 11 points 2 and 3: capture only what was paid at pickup; say what OFN will do.

The simulator captures as OFN does (``pending_payments.first`` by state, whatever the method,
so an authorised card is charged); the tests check what the simulator recorded (payments
captured, orders shipped) and what the till stored (staff actions, outbox, settings).
"""

from __future__ import annotations

import pytest

from pos.domain.settings import OFN_MARK_SHIPPED
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.outbox import Outbox
from pos.store.push_review import collections_waiting_since, seen_payment_methods
from sync.connection import Settings
from sync.push import push
from sync.rules import LATE_SHIP, PushRules
from sync.run import EMAILS_DELAYED, run_sync
from tests.helpers.sync_tills import collect, collected_days_ago, outbox_status
from tests.ofn_sim.fixtures import declare_paid_at_pickup
from tests.ofn_sim.server import OFNSimulator

CARD = "Card (Stripe)"


def _cash_order(sim: OFNSimulator, i: int = 0) -> str:
    return sim.numbers(payment_state="balance_due")[i]


def _total(store: Store, number: str) -> int:
    order = OrderRepository(store).by_number(number)
    assert order is not None
    return order.total


def _pull(store: Store, client, sim: OFNSimulator) -> None:  # type: ignore[no-untyped-def]
    from sync.pull import pull

    pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)


def _actions(store: Store, number: str) -> list[tuple[str, int | None, str | None]]:
    return [
        (a.kind, a.amount, a.method)
        for a in Outbox(store).staff_actions()
        if a.order_number == number
    ]


def test_the_simulator_charges_an_authorised_card_as_ofn_does(ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    """OFN's capture takes an authorised card before "cash on pickup": the danger is real."""
    number = _cash_order(ofn_sim)
    total = ofn_sim.order(number)["total"]
    ofn_sim.authorise_card(number, keep_others=True)  # cash on pickup first, card second
    assert ofn_sim.order(number)["ready_to_capture"] is True
    ofn_client.capture(number)
    assert ofn_sim.captured_payments == [(number, CARD, total)]
    assert ofn_sim.order(number)["payment_state"] == "paid"


def test_an_authorised_card_is_never_captured_after_the_till_took_card(
    pulled_store, ofn_sim, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    """The shopper's card was authorised online; at pickup the volunteer took card again."""
    declare_paid_at_pickup(pulled_store)
    number = _cash_order(ofn_sim)
    ofn_sim.authorise_card(number)
    _pull(pulled_store, ofn_client, ofn_sim)
    collect(pulled_store, number, pay_due="card")
    total = _total(pulled_store, number)
    report = push(ofn_client, pulled_store)
    assert report.captured == [] and ofn_sim.captured_payments == []
    assert ofn_sim.hits["PUT /api/v0/orders/{number}/capture"] == 0
    assert ofn_sim.ships[number] == 0
    assert sorted(_actions(pulled_store, number)) == [
        ("enter_payment", total, "card"),
        ("pending_payment", total, None),
    ]
    pending = next(a for a in Outbox(pulled_store).staff_actions() if a.kind == "pending_payment")
    assert CARD in pending.reason and "charge the customer again" in pending.reason
    assert outbox_status(pulled_store) == {number: "needs_staff"}


@pytest.mark.parametrize("card_state", ["pending", "requires_authorization"])
def test_cash_on_pickup_is_not_captured_when_an_authorised_card_comes_first(
    pulled_store, ofn_sim, ofn_client, card_state: str
) -> None:  # type: ignore[no-untyped-def]
    """The till took cash for "cash on pickup", but OFN would capture the card first (or fail
    on a card awaiting the customer's authorisation): no capture."""
    declare_paid_at_pickup(pulled_store)
    number = _cash_order(ofn_sim)
    ofn_sim.authorise_card(number, keep_others=True, state=card_state)
    _pull(pulled_store, ofn_client, ofn_sim)
    collect(pulled_store, number, pay_due="cash")
    total = _total(pulled_store, number)
    push(ofn_client, pulled_store)
    assert ofn_sim.captured_payments == [] and ofn_sim.ships[number] == 0
    assert sorted(_actions(pulled_store, number)) == [
        ("enter_payment", total, "cash"),
        ("pending_payment", total, None),
    ]


def test_undeclared_or_unknown_methods_are_never_captured(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    cash, renamed = _cash_order(ofn_sim, 0), _cash_order(ofn_sim, 1)
    data = ofn_sim.order(renamed)
    data["payments"][0]["payment_method"] = "Pay at the hall"  # a name staff never saw
    ofn_sim.edit(renamed, payments=data["payments"])
    _pull(pulled_store, ofn_client, ofn_sim)
    collect(pulled_store, cash, pay_due="cash")
    collect(pulled_store, renamed, pay_due="cash")
    push(ofn_client, pulled_store)  # nothing declared yet
    assert ofn_sim.captured_payments == [] and not ofn_sim.ships
    assert sorted(k for k, _, _ in _actions(pulled_store, cash)) == [
        "enter_payment",
        "pending_payment",
    ]
    # declared afterwards: "Cash on pickup" only; the unknown name still is not taken
    declare_paid_at_pickup(pulled_store)
    pulled_store.db.conn.execute("UPDATE outbox SET status = 'pending'")
    push(ofn_client, pulled_store)
    assert [c[:2] for c in ofn_sim.captured_payments] == [(cash, "Cash on pickup")]
    assert ofn_sim.ships[cash] == 1 and ofn_sim.ships[renamed] == 0
    assert outbox_status(pulled_store) == {cash: "done", renamed: "needs_staff"}
    kinds = sorted(k for k, _, _ in _actions(pulled_store, renamed))
    assert kinds == ["enter_payment", "pending_payment"]


def test_a_declared_method_is_captured_only_for_its_till_method_and_amount(
    pulled_store, ofn_sim, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    """A hub whose OFN method "Card at the hall" is a card reader at the pickup point."""
    numbers = [_cash_order(ofn_sim, i) for i in range(3)]
    for number in numbers:
        data = ofn_sim.order(number)
        data["payments"][0]["payment_method"] = "Card at the hall"
        ofn_sim.edit(number, payments=data["payments"])
    _pull(pulled_store, ofn_client, ofn_sim)
    declare_paid_at_pickup(pulled_store, {"Card at the hall": "card"})
    right, wrong_method, split = numbers
    collect(pulled_store, right, pay_due="card")
    collect(pulled_store, wrong_method, pay_due="cash")
    due = _total(pulled_store, split)
    collect(pulled_store, split, pay={"card": due - 500, "cash": 500})
    push(ofn_client, pulled_store)
    assert [c[:2] for c in ofn_sim.captured_payments] == [(right, "Card at the hall")]
    assert ofn_sim.ships[right] == 1
    assert _actions(pulled_store, wrong_method) == [
        ("enter_payment", _total(pulled_store, wrong_method), "cash")
    ]
    assert sorted(_actions(pulled_store, split)) == [
        ("enter_payment", 500, "cash"),
        ("enter_payment", due - 500, "card"),
    ]


def test_methods_seen_on_the_hubs_orders_after_a_pull(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    ofn_sim.authorise_card(_cash_order(ofn_sim), keep_others=True)
    _pull(pulled_store, ofn_client, ofn_sim)
    seen = {m.name: (m.orders, m.pending) for m in seen_payment_methods(pulled_store)}
    expected: dict[str, list[int]] = {}
    for number in ofn_sim.numbers():  # every completed or cancelled order pulled
        for p in ofn_sim.order(number)["payments"]:
            row = expected.setdefault(p["payment_method"], [0, 0])
            row[0] += 1
            row[1] += p["state"] in ("pending", "checkout")
    assert seen == {name: (n, pending) for name, (n, pending) in expected.items()}
    assert CARD in seen and "Cash on pickup" in seen


def test_rules_are_stored_in_the_hub_database(pulled_store) -> None:  # type: ignore[no-untyped-def]
    assert PushRules.load(pulled_store) == PushRules({}, True)  # nothing captured by default
    PushRules({" Cash on pickup ": "cash"}, False).save(pulled_store, actor="Sam")
    assert PushRules.load(pulled_store) == PushRules({"Cash on pickup": "cash"}, False)
    assert pulled_store.settings.get(OFN_MARK_SHIPPED) is False
    audit = pulled_store.query("SELECT actor FROM audit_log WHERE action = 'settings.sync_rules'")
    assert [r[0] for r in audit] == ["Sam"]


def test_not_marking_shipped_captures_but_never_ships(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    PushRules({"Cash on pickup": "cash"}, mark_shipped=False).save(pulled_store)
    paid_online = ofn_sim.numbers(payment_state="paid")[0]
    cash = _cash_order(ofn_sim)
    collect(pulled_store, paid_online)
    collect(pulled_store, cash, pay_due="cash")
    push(ofn_client, pulled_store)
    assert [c[0] for c in ofn_sim.captured_payments] == [cash]
    assert not ofn_sim.ships and ofn_sim.hits["PUT /api/v0/orders/{number}/ship"] == 0
    assert outbox_status(pulled_store) == {paid_online: "done", cash: "done"}
    assert Outbox(pulled_store).staff_actions() == []


def test_a_ship_long_after_the_collection_is_flagged_for_staff(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    late, recent = ofn_sim.numbers(payment_state="paid")[:2]
    collect(pulled_store, late)
    collect(pulled_store, recent)
    collected_days_ago(pulled_store, late, 3)
    collected_days_ago(pulled_store, recent, 0.5)
    assert collections_waiting_since(pulled_store, LATE_SHIP) == 1  # Sync settings warn of it
    report = push(ofn_client, pulled_store)
    assert collections_waiting_since(pulled_store, LATE_SHIP) == 0
    assert ofn_sim.ships[late] == 1 and ofn_sim.ships[recent] == 1
    assert report.shipped_late == [late]
    actions = Outbox(pulled_store).staff_actions()
    assert [(a.kind, a.order_number) for a in actions] == [("late_email", late)]
    assert "3 day(s)" in actions[0].reason and "emailed the customer" in actions[0].reason
    # the order itself is settled: only the flag is open
    assert outbox_status(pulled_store) == {late: "done", recent: "done"}


def test_stuck_job_queue_says_emails_are_delayed(pulled_store, ofn_sim) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(ofn_sim.url, ofn_sim.hub_id, 987, None)
    result = run_sync(pulled_store, settings, ofn_sim.key)
    assert result.jobs_alive is True and EMAILS_DELAYED not in result.lines()
    ofn_sim.jobs_alive = False
    result = run_sync(pulled_store, settings, ofn_sim.key)
    assert result.jobs_alive is False and EMAILS_DELAYED in result.lines()
