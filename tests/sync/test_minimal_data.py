"""Minimal data: what the till keeps of OFN's order JSON after a pull, and what the
migration leaves of databases written before the rule (checked in the file's bytes)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from pos.domain.privacy import DELIVERY_KEYS, ORDER_KEYS
from pos.store import Store, schema
from pos.store.ingest import Ingest
from sync.parse import parse_order
from sync.pull import pull
from tests.ofn_sim.fixtures import make_client
from tests.ofn_sim.server import OFNSimulator


def _address(i: int, kind: str) -> dict[str, object]:
    return {
        "id": 800 + i, "firstname": f"First{kind}{i}", "lastname": f"Last{kind}{i}",
        "address1": f"House{i:03d} {kind}bramble Lane", "address2": f"Flat {kind}{i}",
        "city": f"{kind}ton", "zipcode": f"ZZ{i} {kind}9", "phone": f"+44 7700 9{i:05d}",
        "state_id": 3, "state_name": "ENG", "country_id": 7, "country_name": "United Kingdom",
    }  # fmt: skip


def _dress(sim: OFNSimulator) -> tuple[list[str], list[str]]:
    """Full billing and ship addresses and notes on every order; a third are deliveries."""
    numbers = sim.numbers()
    for i, number in enumerate(numbers):
        sim.edit(number, bill_address=_address(i, "Bill"), ship_address=_address(i, "Ship"),
                 special_instructions=f"Key under the mat {i}")  # fmt: skip
    deliveries = numbers[::3]
    sim.make_delivery(deliveries)
    return [n for n in numbers if n not in deliveries], deliveries


def _file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    for suffix in ("-wal", "-journal"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            data += extra.read_bytes()
    return data


def test_pull_keeps_no_billing_address_and_deliveries_keep_the_run(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    with OFNSimulator(orders=30) as sim:
        pickups, deliveries = _dress(sim)
        client = make_client(sim)
        with Store.open(db) as store:
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            raw = {
                r[0]: json.loads(r[1]) for r in store.query("SELECT number, raw_json FROM orders")
            }
            notes = dict(store.query("SELECT number, special_instructions FROM orders"))
        client.t.close()
    for number in pickups:
        kept = raw[number]
        assert set(kept) <= ORDER_KEYS, number
        assert "bill_address" not in kept and "ship_address" not in kept
        assert notes[number].startswith("Key under the mat")  # the column the till shows
    for number in deliveries:
        kept = raw[number]
        assert set(kept) <= ORDER_KEYS | DELIVERY_KEYS
        assert kept["ship_address"]["address1"].endswith("Shipbramble Lane")
        assert "id" not in kept["ship_address"] and "bill_address" not in kept
        assert kept["special_instructions"].startswith("Key under the mat")
        assert kept["phone"]
    data = _file_bytes(db)
    assert b"Billbramble" not in data and b"Billton" not in data and b"FirstBill" not in data
    i = 1  # the second order is a pickup order: its ship address is nowhere either
    assert sim.numbers()[i] in pickups
    assert f"House{i:03d} Shipbramble".encode() not in data


def test_migration_minimises_databases_written_before_the_rule(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    before = schema.MIGRATIONS.index(schema.V6_CUSTOMER_PRIVACY)
    with OFNSimulator(orders=12) as sim:
        pickups, deliveries = _dress(sim)
        full = [sim.order(n) for n in sim.numbers()]
    with Store.open(db, schema_version=before) as store:
        orders = [
            replace(parse_order(d, currency="GBP"), raw_json=json.dumps(d)) for d in full
        ]  # as versions before the rule kept it: everything OFN sent
        ingest = Ingest(store)  # the writing part only: the old schema has no purged_at
        with store.transaction():
            ingest._placeholders(orders)
            ingest.repo.save_orders(orders)
        store.db.conn.execute("UPDATE orders SET raw_json = 'not json' WHERE number = ?",
                              (pickups[-1],))  # fmt: skip
        store.db.conn.commit()
    assert b"Billbramble" in _file_bytes(db)
    with Store.open(db) as store:
        assert store.version == schema.LATEST
        raw = {r[0]: r[1] for r in store.query("SELECT number, raw_json FROM orders")}
    assert raw[pickups[-1]] == "{}"
    for number in pickups[:-1]:
        kept = json.loads(raw[number])
        assert set(kept) <= ORDER_KEYS and kept["number"] == number
        assert kept["line_items"] and kept["shipping_method"]["require_ship_address"] is False
        assert kept["ready_to_capture"] in (True, False)  # booleans stay booleans
    for number in deliveries:
        kept = json.loads(raw[number])
        assert set(kept) <= ORDER_KEYS | DELIVERY_KEYS
        assert set(kept["ship_address"]) == {"firstname", "lastname", "address1", "address2",
                                             "city", "zipcode", "phone", "state_name",
                                             "country_name"}  # fmt: skip
        assert kept["special_instructions"].startswith("Key under the mat")
    data = _file_bytes(db)
    assert b"Billbramble" not in data and b"FirstBill" not in data
    assert pickups[0].encode() in data  # the orders are still there


def test_deleted_in_ofn_goes_on_a_full_pull_and_purged_orders_stay_anonymous(
    pulled_store: Store, ofn_sim: OFNSimulator, ofn_client
) -> None:  # type: ignore[no-untyped-def]
    from pos.store.privacy import PrivacyRepository
    from tests.helpers.sync_tills import collect

    numbers = ofn_sim.numbers(state="complete")
    gone, kept_by_event, purged = numbers[0], numbers[1], numbers[2]
    gone_row = pulled_store.query("SELECT id, customer_id FROM orders WHERE number = ?", (gone,))
    collect(pulled_store, kept_by_event)  # a local event: never dropped silently
    with ofn_sim.lock:
        del ofn_sim.orders[gone]
        del ofn_sim.orders[kept_by_event]
        ofn_sim.customers = [c for c in ofn_sim.customers if c["id"] != gone_row[0][1]]
    report = pull(ofn_client, pulled_store, hub_id=ofn_sim.hub_id, order_cycle_id=987)
    assert report.incremental and not report.deleted  # an incremental list cannot tell
    with pulled_store.transaction():
        oid = pulled_store.scalar("SELECT id FROM orders WHERE number = ?", (purged,))
        PrivacyRepository(pulled_store).anonymise([oid])
    ofn_sim.edit(purged, special_instructions="Back door please")
    report = pull(ofn_client, pulled_store, hub_id=ofn_sim.hub_id, order_cycle_id=987, full=True)
    assert report.deleted == [gone]
    assert not pulled_store.query("SELECT 1 FROM orders WHERE number = ?", (gone,))
    assert not pulled_store.query("SELECT 1 FROM order_search WHERE rowid = ?", (gone_row[0][0],))
    assert pulled_store.query("SELECT 1 FROM orders WHERE number = ?", (kept_by_event,))
    customer = gone_row[0][1]
    still_used = pulled_store.scalar(
        "SELECT COUNT(*) FROM orders WHERE customer_id = ?", (customer,)
    )
    assert bool(pulled_store.query("SELECT 1 FROM customers WHERE id = ?", (customer,))) == bool(
        still_used
    )
    row = pulled_store.query(
        "SELECT customer_name, email, phone, special_instructions, purged_at FROM orders"
        " WHERE number = ?",
        (purged,),
    )[0]
    assert tuple(row)[:4] == ("", "", "", "") and row[4]  # refreshed, still anonymous
    assert report.customers_deleted >= (0 if still_used else 1)
