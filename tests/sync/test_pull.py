"""Pull against the simulator: pagination, details, customers, producers, incremental,
cancellations and conflicts."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.outbox import Outbox
from sync.pull import pull
from tests.helpers.sync_tills import collect, outbox_status
from tests.ofn_sim.fixtures import make_client
from tests.ofn_sim.server import OFNSimulator


def _pull(store: Store, sim: OFNSimulator, client, **kw):  # type: ignore[no-untyped-def]
    return pull(client, store, hub_id=sim.hub_id, order_cycle_id=987, **kw)


def test_full_pull_matches_ofn_exactly(pulled_store: Store, ofn_sim: OFNSimulator) -> None:
    repo = OrderRepository(pulled_store)
    assert repo.count() == 60  # the two carts are not pulled
    for i, original in enumerate(ofn_sim.snap.orders):
        got = repo.by_number(original.number)
        assert got is not None
        phone = "" if i % 10 == 9 else original.phone  # the simulator sends "a" for these
        assert replace(got, raw_json="") == replace(original, raw_json="", phone=phone)
        assert json.loads(got.raw_json)["number"] == original.number
    hub = repo.hub()
    assert hub is not None and hub.name == ofn_sim.snap.hub.name and not hub.is_demo
    assert {p.name for p in repo.producers()} == {p.name for p in ofn_sim.snap.producers}
    customer = ofn_sim.snap.customers[5]
    assert repo.customer(customer.id) == customer  # code and tags from v1
    # the customer code is denormalised for scanning
    order = ofn_sim.snap.orders[5]
    assert pulled_store.scalar("SELECT customer_code FROM orders WHERE id = ?", (order.id,)) == (
        customer.code
    )
    # phone "a" (no bill address) is no phone
    assert repo.by_number(ofn_sim.snap.orders[9].number).phone == ""  # type: ignore[union-attr]


def test_pages_of_at_most_100_and_four_in_flight(hub_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with OFNSimulator(orders=230) as sim:
        sim.latency = 0.01
        client = make_client(sim)
        with Store.open(hub_db) as store:
            report = _pull(store, sim, client)
        assert report.inserted == 230 and report.listed == 230
        assert sim.hits["GET /api/v0/orders"] == 3  # 100 + 100 + 30
        assert sim.hits["GET /api/v0/orders/{number}"] == 230
        assert sim.hits["GET /api/v1/customers"] == 3  # links.next followed to the end
        assert 2 <= sim.max_in_flight <= 4
        assert sim.connections <= 6  # keep-alive: a few connections, not one per request


def test_incremental_pull_uses_the_date_watermark(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    numbers = ofn_sim.numbers(state="complete")
    ofn_sim.edit(numbers[0], special_instructions="Please ring the bell")
    ofn_sim.cancel(numbers[1])
    before = ofn_sim.hits["GET /api/v0/orders/{number}"]
    report = _pull(pulled_store, ofn_sim, ofn_client)
    assert report.incremental and report.listed == 2 and report.updated == 2
    assert report.cancelled == 1
    assert ofn_sim.hits["GET /api/v0/orders/{number}"] - before == 2
    repo = OrderRepository(pulled_store)
    assert repo.by_number(numbers[0]).special_instructions == "Please ring the bell"  # type: ignore[union-attr]
    assert repo.by_number(numbers[1]).state == "canceled"  # type: ignore[union-attr]
    row = pulled_store.query("SELECT watermark FROM sync_runs WHERE kind='pull' ORDER BY id")
    assert row[-1][0] is not None and row[-1][0] >= row[0][0]


def test_cancelled_after_collection_is_a_conflict_and_nothing_is_overwritten(
    pulled_store, ofn_sim, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    number = ofn_sim.numbers(payment_state="balance_due")[0]
    collect(pulled_store, number, pay_due="cash")
    before = OrderRepository(pulled_store).by_number(number)
    desired = pulled_store.scalar("SELECT desired FROM outbox")
    ofn_sim.cancel(number)
    report = _pull(pulled_store, ofn_sim, ofn_client)
    assert [n for n, _ in report.conflicts] == [number]
    assert OrderRepository(pulled_store).by_number(number) == before
    assert pulled_store.scalar("SELECT desired FROM outbox") == desired
    assert outbox_status(pulled_store) == {number: "conflict"}
    actions = Outbox(pulled_store).staff_actions()
    assert [(a.kind, a.order_number) for a in actions] == [("conflict", number)]
    assert actions[0].admin_url == f"{ofn_sim.url}/admin/orders/{number}/edit"
    assert "cancelled" in actions[0].reason
    # pulling again does not list it twice
    ofn_sim.edit(number, special_instructions="x")
    _pull(pulled_store, ofn_sim, ofn_client)
    assert len(Outbox(pulled_store).staff_actions()) == 1


def test_edit_of_an_order_without_local_events_is_applied(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    number = ofn_sim.numbers(payment_state="paid")[0]
    data = ofn_sim.order(number)
    data["line_items"][0]["quantity"] += 1
    ofn_sim.edit(number, line_items=data["line_items"], total="99.5")
    report = _pull(pulled_store, ofn_sim, ofn_client)
    assert report.conflicts == []
    order = OrderRepository(pulled_store).by_number(number)
    assert order is not None and order.total == 9950
    assert order.line_items[0].quantity == data["line_items"][0]["quantity"]


def test_bad_order_is_skipped_and_reported_the_rest_saved(hub_db, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    bad = ofn_sim.numbers()[3]
    data = ofn_sim.order(bad)
    data["total"] = "forty-two"
    ofn_sim.set_raw(bad, data)
    with Store.open(hub_db) as store:
        report = _pull(store, ofn_sim, ofn_client)
        assert report.inserted == 59
        assert [n for n, _ in report.skipped] == [bad]
        assert "total" in report.skipped[0][1]
        assert OrderRepository(store).by_number(bad) is None


def test_transient_order_failure_keeps_the_old_watermark(hub_db, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    number = ofn_sim.numbers()[0]
    ofn_sim.fail("422", path=f"/orders/{number}", times=3)
    with Store.open(hub_db) as store:
        report = _pull(store, ofn_sim, ofn_client)
        assert [n for n, _ in report.skipped] == [number]
        report2 = _pull(store, ofn_sim, ofn_client)
        assert not report2.incremental and report2.inserted == 1


@pytest.mark.parametrize("fault", ["500", "504", "422", "reset_before", "reset_after"])
def test_pull_survives_each_fault(hub_db, ofn_sim, ofn_client, fault: str) -> None:  # type: ignore[no-untyped-def]
    ofn_sim.fail(fault, path="/api/v0/orders", times=2)
    ofn_sim.fail(fault, path="/api/v1/customers", times=1)
    with Store.open(hub_db) as store:
        report = _pull(store, ofn_sim, ofn_client)
        assert report.inserted == 60 and report.skipped == []


def test_staff_edits_after_a_needs_staff_push_are_applied(pulled_store, ofn_sim, ofn_client):  # type: ignore[no-untyped-def]
    from sync.push import push

    number = ofn_sim.numbers(payment_state="paid")[0]
    collect(pulled_store, number, missing=1)  # a credit for staff to settle in OFN
    push(ofn_client, pulled_store)
    assert outbox_status(pulled_store) == {number: "needs_staff"}
    ofn_sim.edit(number, total="1.0")  # staff adjusted the order as asked
    report = _pull(pulled_store, ofn_sim, ofn_client)
    assert report.conflicts == []
    assert OrderRepository(pulled_store).by_number(number).total == 100  # type: ignore[union-attr]


def test_progress_counts_every_fetched_order_also_the_malformed_ones(
    tmp_path, ofn_sim: OFNSimulator, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    """The CLI prints every tenth step; a skipped order must not make a step vanish."""
    broken = ofn_sim.numbers()[:7:3]  # three malformed orders among the first seven
    for number in broken:
        data = ofn_sim.order(number)
        data["total"] = "forty-two"
        ofn_sim.set_raw(number, data)
    seen: list[tuple[int, int]] = []
    with Store.open(tmp_path / "hub.sqlite") as store:
        report = _pull(store, ofn_sim, ofn_client,
                       progress=lambda what, done, total: seen.append((done, total)))  # fmt: skip
    assert sorted(n for n, _ in report.skipped) == sorted(broken)
    assert [done for done, _ in seen] == list(range(1, 61))
    assert {total for _, total in seen} == {60}
