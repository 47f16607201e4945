"""Reading an order cycle for the packing lists: orders, their lines, names and payments.

Three queries for a whole cycle (orders, line items, payments) instead of one per order,
so a 2,000-order cycle loads in well under a second. Cancelled orders are left out, as
OFN's packing reports do.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pos.domain.models import LineItem, OrderCycle, Producer
from pos.domain.settings import ORDER_CYCLE_ID
from pos.store.db import Store
from pos.store.orders import line_item

_LIVE = "o.order_cycle_id = ? AND o.state <> 'canceled'"


@dataclass(frozen=True, slots=True)
class PackingOrder:
    """One order as the lists need it (customer names split, pickup point named)."""

    id: int
    number: str
    customer_code: str
    first_name: str
    last_name: str
    sort_name: str  # "Last, First" as OFN gives it
    phone: str
    pickup_point_id: int | None
    pickup_point_name: str
    pickup_point_note: str  # the pickup point's description: day, times, where
    total: int
    outstanding: int
    currency: str
    special_instructions: str
    payment_methods: tuple[str, ...]  # as OFN lists them, void payments left out
    collected: bool  # a live collection exists at a till
    line_items: tuple[LineItem, ...]


def _split_name(sort_name: str, full_name: str) -> tuple[str, str]:
    """First and last name from OFN's "Last, First" when the customer row is missing."""
    if "," in sort_name:
        last, first = sort_name.split(",", 1)
        return first.strip(), last.strip()
    parts = full_name.rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else ("", full_name)


class PackingQueries:
    def __init__(self, store: Store) -> None:
        self.conn = store.db.conn
        self.store = store

    def cycle(self, cycle_id: int | None = None) -> OrderCycle | None:
        """The given cycle, else the one in settings, else the latest cycle with orders."""
        if cycle_id is None:
            cycle_id = self.store.settings.get(ORDER_CYCLE_ID)
        row = None
        if cycle_id is not None:
            row = self.conn.execute(
                "SELECT * FROM order_cycles WHERE id = ?", (cycle_id,)
            ).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT oc.* FROM order_cycles oc WHERE EXISTS"
                " (SELECT 1 FROM orders o WHERE o.order_cycle_id = oc.id)"
                " ORDER BY oc.closes_at DESC, oc.id DESC LIMIT 1"
            ).fetchone()
        if row is None:
            return None
        return OrderCycle(row["id"], row["name"], row["opens_at"], row["closes_at"])

    def producers(self, cycle_id: int, pickup_point_id: int | None = None) -> list[Producer]:
        """Producers with at least one line in the cycle (optionally at one pickup point)."""
        where, params = self._where(cycle_id, pickup_point_id, None)
        # EXISTS stops at a producer's first line in the cycle (the producer index): the
        # DISTINCT join read every line of the cycle, 46 ms at 20,000 orders, 221 at 100,000.
        rows = self.conn.execute(
            "SELECT p.id, p.name FROM producers p WHERE EXISTS (SELECT 1 FROM line_items li"
            f" JOIN orders o ON o.id = li.order_id WHERE li.producer_id = p.id AND {where})"
            " ORDER BY p.name, p.id",
            params,
        )
        return [Producer(r["id"], r["name"]) for r in rows]

    def producer(self, producer_id: int) -> Producer | None:
        row = self.conn.execute(
            "SELECT id, name FROM producers WHERE id = ?", (producer_id,)
        ).fetchone()
        return None if row is None else Producer(row["id"], row["name"])

    def orders(
        self,
        cycle_id: int,
        *,
        pickup_point_id: int | None = None,
        producer_id: int | None = None,
    ) -> list[PackingOrder]:
        """Live orders of the cycle with all their lines, sorted by customer then number.

        ``producer_id`` keeps the orders that hold at least one of that producer's lines
        (all the order's lines are still returned).
        """
        where, params = self._where(cycle_id, pickup_point_id, producer_id)
        items: dict[int, list[LineItem]] = defaultdict(list)
        for r in self.conn.execute(
            f"SELECT li.* FROM line_items li JOIN orders o ON o.id = li.order_id WHERE {where}"
            " ORDER BY li.order_id, li.position",
            params,
        ):
            items[r["order_id"]].append(line_item(r))
        methods: dict[int, list[str]] = defaultdict(list)
        for r in self.conn.execute(
            "SELECT op.order_id, op.method FROM order_payments op"
            f" JOIN orders o ON o.id = op.order_id WHERE {where} AND op.state <> 'void'"
            " ORDER BY op.order_id, op.position",
            params,
        ):
            methods[r["order_id"]].append(r["method"])
        rows = self.conn.execute(
            "SELECT o.*, c.first_name AS c_first, c.last_name AS c_last,"
            " COALESCE(p.name, '') AS pickup_point_name,"
            " COALESCE(p.description, '') AS pickup_point_note,"
            " EXISTS (SELECT 1 FROM checkouts k WHERE k.order_id = o.id"
            "   AND k.kind = 'collection' AND k.reversed_at IS NULL) AS collected"
            " FROM orders o LEFT JOIN customers c ON c.id = o.customer_id"
            " LEFT JOIN pickup_points p ON p.id = o.pickup_point_id"
            f" WHERE {where} ORDER BY o.name_key, o.number",
            params,
        )
        return [self._order(r, items, methods) for r in rows]

    @staticmethod
    def _where(
        cycle_id: int, pickup_point_id: int | None, producer_id: int | None
    ) -> tuple[str, list[Any]]:
        where, params = _LIVE, [cycle_id]
        if pickup_point_id is not None:
            where += " AND o.pickup_point_id = ?"
            params.append(pickup_point_id)
        if producer_id is not None:
            where += (
                " AND EXISTS (SELECT 1 FROM line_items x WHERE x.order_id = o.id"
                " AND x.producer_id = ?)"
            )
            params.append(producer_id)
        return where, params

    @staticmethod
    def _order(
        r: sqlite3.Row, items: dict[int, list[LineItem]], methods: dict[int, list[str]]
    ) -> PackingOrder:
        if r["c_first"] is not None or r["c_last"] is not None:
            first, last = r["c_first"] or "", r["c_last"] or ""
        else:
            first, last = _split_name(r["customer_sort_name"], r["customer_name"])
        return PackingOrder(
            id=r["id"],
            number=r["number"],
            customer_code=r["customer_code"] or "",
            first_name=first,
            last_name=last,
            sort_name=r["customer_sort_name"],
            phone=r["phone"],
            pickup_point_id=r["pickup_point_id"],
            pickup_point_name=r["pickup_point_name"],
            pickup_point_note=r["pickup_point_note"],
            total=r["total"],
            outstanding=r["outstanding"],
            currency=r["currency"],
            special_instructions=r["special_instructions"],
            payment_methods=tuple(methods.get(r["id"], ())),
            collected=bool(r["collected"]),
            line_items=tuple(items.get(r["id"], ())),
        )
