"""The simulator behaves as the real OFN does where OFN's code surprises (unsorted pages,
timeouts as 422, 401 for "no access"), and pull copes.

Orders edited while a till pulls, pickup points filtered on the server, deliveries, closed
cycles' producers, v0 timeouts and access removed after the key worked.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pos.store import Store
from pos.store.orders import OrderRepository
from sync.pull import pull
from tests.ofn_sim.fixtures import make_client, ofn_sim
from tests.ofn_sim.server import OFNSimulator

__all__ = ["ofn_sim"]


def _pull(store: Store, sim: OFNSimulator, client, **kw):  # type: ignore[no-untyped-def]
    return pull(client, store, hub_id=sim.hub_id, order_cycle_id=987, **kw)


def _edit_first_page(sim: OFNSimulator, count: int = 7):  # type: ignore[no-untyped-def]
    """After page 1 is served, staff edit ``count`` orders of that page (they move to the end)."""
    by_id = sorted(sim.numbers(), key=lambda n: sim.orders[n]["id"])
    edited: list[str] = []

    def after(page: int) -> None:
        if page == 1 and not edited:
            for number in by_id[10 : 10 + count]:
                sim.edit(number, special_instructions="Leave by the door")
                edited.append(number)

    sim.after_page = after
    return edited


def test_unsorted_pages_shift_when_orders_are_edited_as_in_real_ofn(tmp_path: Path) -> None:
    """The simulator reproduces the bug: without q[s] an edit during the pull hides orders."""
    with OFNSimulator(orders=250) as sim:
        client = make_client(sim)
        _edit_first_page(sim)
        got: set[str] = set()
        for page in (1, 2, 3):
            result = client.order_page(sim.hub_id, 987, page, sort=None)
            got |= {o["number"] for o in result.orders}
        missing = set(sim.numbers(state="complete")) - got
        assert len(missing) == 7  # pages 2 and 3 shifted: seven orders never listed
        client.t.close()


def test_orders_edited_between_page_requests_are_all_pulled(tmp_path: Path) -> None:
    with OFNSimulator(orders=250) as sim:
        client = make_client(sim)
        edited = _edit_first_page(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            report = _pull(store, sim, client)
            repo = OrderRepository(store)
            assert len(edited) == 7
            for number in sim.numbers():
                assert repo.by_number(number) is not None, number
            for number in edited:  # and the edit itself arrived
                assert repo.by_number(number).special_instructions == "Leave by the door"  # type: ignore[union-attr]
        assert not report.skipped and report.listed == 250
        assert sim.hits["GET /api/v0/orders"] == 3  # one pass: no page read twice
        client.t.close()


def test_a_short_listing_is_listed_again_when_the_server_ignores_the_sort(tmp_path: Path) -> None:
    """Counted against pagination.results: fewer orders than announced means list again."""
    with OFNSimulator(orders=250) as sim:
        sim.ignore_sort = True
        client = make_client(sim)
        _edit_first_page(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            report = _pull(store, sim, client)
            repo = OrderRepository(store)
            assert all(repo.by_number(n) is not None for n in sim.numbers())
        assert not report.skipped
        assert sim.hits["GET /api/v0/orders"] == 6  # a second pass over the three pages
        assert sim.hits["GET /api/v0/orders/{number}"] == 250  # each detail fetched once
        client.t.close()


def test_a_listing_still_short_after_two_passes_is_reported_and_asked_again(
    tmp_path: Path,
) -> None:
    with OFNSimulator(orders=250) as sim:
        sim.ignore_sort = True
        client = make_client(sim)
        by_id = sorted(sim.numbers(), key=lambda n: sim.orders[n]["id"])
        round_ = iter(range(1000))

        def after(page: int) -> None:  # staff keep editing page 1 on every pass
            if page == 1:
                k = next(round_)
                for number in by_id[10 * k : 10 * k + 5]:
                    sim.edit(number, special_instructions=f"edit {k}")

        sim.after_page = after
        with Store.open(tmp_path / "hub.sqlite") as store:
            first = _pull(store, sim, client)
            assert any(what == "order list" and "announced 250" in why
                       for what, why in first.skipped)  # fmt: skip
            sim.after_page = None
            second = _pull(store, sim, client)  # the watermark did not move: all asked again
            assert not second.incremental
            repo = OrderRepository(store)
            assert all(repo.by_number(n) is not None for n in sim.numbers())
        client.t.close()


def test_delivery_methods_are_kept_apart_from_pickup_points(tmp_path: Path) -> None:
    from pos.services.hub_settings import HubSettingsService
    from pos.services.sync_service import SyncService

    with OFNSimulator(orders=30) as sim:
        delivered = sim.numbers()[:4]
        sim.make_delivery(delivered)
        client = make_client(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            _pull(store, sim, client)
            repo = OrderRepository(store)
            methods = {p.id: p for p in repo.pickup_points()}
            assert methods[70].is_delivery and methods[70].name == "Home delivery, Riverton"
            assert not any(p.is_delivery for i, p in methods.items() if i != 70)
            assert [p.id for p in repo.pickup_points()][-1] == 70  # deliveries after pickups
            # a till can stand at a pickup point, never at a delivery
            assert 70 not in {i for i, _ in HubSettingsService(store).pickup_points()}
            assert 70 not in {p.id for p in SyncService(store).pickup_points()}
            # the delivery orders are still the hub's orders, under their delivery method
            for number in delivered:
                assert repo.by_number(number).pickup_point_id == 70  # type: ignore[union-attr]
        client.t.close()


def test_the_tills_pickup_point_is_filtered_on_the_server(tmp_path: Path) -> None:
    with OFNSimulator(orders=60) as sim:
        point = sim.snap.pickup_points[0].id
        here = {o.number for o in sim.snap.orders if o.pickup_point_id == point}
        assert 0 < len(here) < 60
        client = make_client(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            report = _pull(store, sim, client, pickup_point_id=point)
            assert OrderRepository(store).count() == len(here)
        assert report.listed == len(here)
        assert sim.hits["GET /api/v0/orders/{number}"] == len(here)  # no detail of elsewhere
        client.t.close()


def test_an_order_moved_to_another_pickup_point_leaves_this_tills_list(tmp_path: Path) -> None:
    with OFNSimulator(orders=60) as sim:
        here, there = sim.snap.pickup_points[0], sim.snap.pickup_points[1]
        mine = [o.number for o in sim.snap.orders if o.pickup_point_id == here.id]
        client = make_client(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            _pull(store, sim, client, pickup_point_id=here.id)
            moved = mine[2]
            method = dict(sim.order(moved)["shipping_method"], id=there.id, name=there.name)
            sim.edit(moved, shipping_method=method)  # the customer chose another point
            before = sim.hits["GET /api/v0/orders/{number}"]
            report = _pull(store, sim, client, pickup_point_id=here.id)
            assert report.incremental
            order = OrderRepository(store).by_number(moved)
            assert order is not None and order.pickup_point_id == there.id
            assert sim.hits["GET /api/v0/orders/{number}"] - before == 1  # only that order
        client.t.close()


def test_producers_of_a_closed_cycle_are_named_from_the_orders(tmp_path: Path) -> None:
    with OFNSimulator(orders=40) as sim:
        gone = {p.id: p.name for p in sim.snap.producers[:2]}
        sim.closed_producers = set(gone)  # /shops/{hub} no longer lists them
        client = make_client(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            _pull(store, sim, client)
            names = {p.id: p.name for p in OrderRepository(store).producers()}
        for producer_id, name in gone.items():
            assert names[producer_id] == name
        client.t.close()


def test_earlier_cycles_are_refreshed_and_a_late_cancellation_arrives(tmp_path: Path) -> None:
    with OFNSimulator(orders=30) as sim:
        client = make_client(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            _pull(store, sim, client)  # cycle 987, as the till's current cycle
            victim = sim.numbers(state="complete")[3]
            sim.cancel(victim)  # cancelled in OFN after the hub moved on
            sim.clock_offset = timedelta(minutes=10)  # past the watermark's safety margin
            report = pull(client, store, hub_id=sim.hub_id, order_cycle_id=988)
            order = OrderRepository(store).by_number(victim)
            assert order is not None and order.is_cancelled
            assert report.earlier_cycles == [987] and report.cancelled == 1
            # incremental: the earlier cycle's own watermark, so only what changed is fetched
            details = sim.hits["GET /api/v0/orders/{number}"]
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=988)
            assert sim.hits["GET /api/v0/orders/{number}"] == details
        client.t.close()


def test_test_connection_says_key_rejected_or_no_access(ofn_sim: OFNSimulator) -> None:
    from sync.connection import KEY_REJECTED, NO_ACCESS, OK, check_connection

    assert check_connection(ofn_sim.url, ofn_sim.key, ofn_sim.hub_id).state == OK
    assert check_connection(ofn_sim.url, "f" * 48, ofn_sim.hub_id).state == KEY_REJECTED
    ofn_sim.managed.clear()  # the key still works, but no longer for this hub
    check = check_connection(ofn_sim.url, ofn_sim.key, ofn_sim.hub_id)
    assert check.state == NO_ACCESS and str(ofn_sim.hub_id) in check.message


def test_a_sync_refused_after_working_before_says_no_access(tmp_path: Path) -> None:
    import pytest

    from sync.connection import Settings
    from sync.errors import NoAccess
    from sync.run import run_sync

    with OFNSimulator(orders=10) as sim:
        settings = Settings(sim.url, sim.hub_id, 987, None)
        with Store.open(tmp_path / "hub.sqlite") as store:
            key = sim.key
            run_sync(store, settings, key)
            sim.revoke_key()
            with pytest.raises(NoAccess, match="worked at the last sync"):
                run_sync(store, settings, key)


def test_chilled_follows_the_shipping_category_when_sent_else_the_tag() -> None:
    from sync.parse import parse_order

    sim = OFNSimulator(orders=6)
    data = sim.order(sim.numbers()[0])
    items = data["line_items"]
    items[0]["variant"]["tag_list"] = ["Chilled"]  # the hub's tag, any case
    items[0]["variant"].pop("shipping_category", None)
    if len(items) > 1:
        items[1]["variant"]["tag_list"] = []
        items[1]["variant"]["shipping_category"] = {"temperature_controlled": True}
    order = parse_order(data, currency="GBP")
    assert order.line_items[0].chilled
    if len(items) > 1:
        assert order.line_items[1].chilled
    items[0]["variant"]["shipping_category"] = {"temperature_controlled": False}
    assert not parse_order(data, currency="GBP").line_items[0].chilled  # the category wins


def test_completed_at_may_be_an_empty_string() -> None:
    from sync.parse import parse_order

    sim = OFNSimulator(orders=6)
    data = sim.order(sim.numbers()[0])
    data["completed_at_utc_iso8601"] = ""
    assert parse_order(data, currency="GBP").completed_at is None


def test_a_delivery_chosen_as_the_tills_point_does_not_filter_the_pull(tmp_path: Path) -> None:
    from sync.connection import Settings
    from sync.run import run_sync

    with OFNSimulator(orders=20) as sim:
        sim.make_delivery(sim.numbers()[:3])
        with Store.open(tmp_path / "hub.sqlite") as store:
            run_sync(store, Settings(sim.url, sim.hub_id, 987, None), sim.key)
            again = run_sync(store, Settings(sim.url, sim.hub_id, 987, 70), sim.key, full=True)
            assert again.pull is not None and again.pull.listed == 20  # the whole hub
