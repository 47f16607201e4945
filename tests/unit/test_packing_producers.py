"""The lists dialog's producers: those with a line in a live order of the cycle (EXISTS form),
checked against plain Python over the stored rows."""

from __future__ import annotations

from pos.store import Store
from pos.store.packing import PackingQueries


def expected(store: Store, cycle_id: int, point_id: int | None) -> list[tuple[int, str]]:
    orders = {
        r["id"]
        for r in store.query("SELECT id, state, order_cycle_id, pickup_point_id FROM orders")
        if r["order_cycle_id"] == cycle_id
        and r["state"] != "canceled"
        and (point_id is None or r["pickup_point_id"] == point_id)
    }
    ids = {r["producer_id"] for r in store.query("SELECT order_id, producer_id FROM line_items")
           if r["order_id"] in orders and r["producer_id"] is not None}  # fmt: skip
    names = {r["id"]: r["name"] for r in store.query("SELECT id, name FROM producers")}
    return sorted(((i, names[i]) for i in ids), key=lambda p: (p[1], p[0]))


def test_producers_of_the_cycle_at_each_point(store: Store) -> None:
    queries = PackingQueries(store)
    cycle = queries.cycle()
    assert cycle is not None
    points = [None, *(r["id"] for r in store.query("SELECT id FROM pickup_points"))]
    for point in points:
        got = [(p.id, p.name) for p in queries.producers(cycle.id, point)]
        assert got == expected(store, cycle.id, point)
    assert queries.producers(cycle.id, None)  # the demo cycle has producers


def test_a_producer_only_in_cancelled_orders_is_not_listed(store: Store) -> None:
    queries = PackingQueries(store)
    cycle = queries.cycle()
    assert cycle is not None
    before = {p.id for p in queries.producers(cycle.id)}
    producer = min(before)
    live = [r["id"] for r in store.query(
        "SELECT DISTINCT o.id FROM orders o JOIN line_items li ON li.order_id = o.id"
        " WHERE li.producer_id = ? AND o.order_cycle_id = ? AND o.state <> 'canceled'",
        (producer, cycle.id),
    )]  # fmt: skip
    with store.db.conn:
        store.db.conn.executemany(
            "UPDATE orders SET state = 'canceled' WHERE id = ?", [(i,) for i in live]
        )
    after = {p.id for p in queries.producers(cycle.id)}
    assert producer not in after
    assert after == {p for p, _ in expected(store, cycle.id, None)}
