"""Malformed server data that hypothesis found: an order re-numbered onto another's number."""

from __future__ import annotations

import copy
from pathlib import Path

from pos.store import Store
from pos.store.orders import OrderRepository
from sync.pull import pull
from tests.ofn_sim.fixtures import make_client
from tests.ofn_sim.server import OFNSimulator


def test_an_order_whose_id_changed_under_a_taken_number_is_skipped(tmp_path: Path) -> None:
    with OFNSimulator(orders=6) as sim, Store.open(tmp_path / "hub.sqlite") as store:
        client = make_client(sim)
        try:
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            repo = OrderRepository(store)
            number = sim.numbers()[0]
            before = repo.by_number(number)
            changed = copy.deepcopy(sim.order(number))
            changed["id"] = 0  # same number, another id: not something OFN sends
            sim.set_raw(number, changed)
            report = pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            assert any(n == number and "another order" in why for n, why in report.skipped)
            assert repo.by_number(number) == before and repo.count() == 6
        finally:
            client.t.close()
