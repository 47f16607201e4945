"""Pytest fixtures: a running simulator, a client for it, and a pulled hub database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ofn_sim.server import OFNSimulator


@pytest.fixture
def ofn_sim() -> Iterator[OFNSimulator]:
    """A fresh simulated OFN instance (60 demo orders) on 127.0.0.1."""
    sim = OFNSimulator(orders=60).start()
    try:
        yield sim
    finally:
        sim.stop()


def make_client(sim: OFNSimulator, key: str | None = None):  # type: ignore[no-untyped-def]
    from sync.client import OFNClient
    from sync.transport import RetryPolicy, Transport

    policy = RetryPolicy(base_delay=0.005, max_delay=0.02, read_timeout=10)
    return OFNClient(Transport(sim.url, sim.key if key is None else key, policy=policy))


@pytest.fixture
def ofn_client(ofn_sim: OFNSimulator):  # type: ignore[no-untyped-def]
    client = make_client(ofn_sim)
    yield client
    client.t.close()


@pytest.fixture
def hub_db(tmp_path: Path) -> Path:
    return tmp_path / "hub.sqlite"


@pytest.fixture
def pulled_store(hub_db: Path, ofn_sim: OFNSimulator, ofn_client):  # type: ignore[no-untyped-def]
    """A new hub database after one full pull from the simulator."""
    from pos.store import Store
    from sync.pull import pull

    store = Store.open(hub_db)
    pull(ofn_client, store, hub_id=ofn_sim.hub_id, order_cycle_id=987)
    yield store
    store.close()


def declare_paid_at_pickup(store, methods: dict[str, str] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Hub staff declare in Sync settings which OFN methods are paid at the pickup point
    (default: the demo hub's "Cash on pickup", taken as cash at the till)."""
    from sync.rules import PushRules

    rules = PushRules.load(store)
    at_pickup = {"Cash on pickup": "cash"} if methods is None else methods
    PushRules(at_pickup, rules.mark_shipped).save(store)
