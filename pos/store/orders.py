"""Reading and writing the downloaded orders (the OFN snapshot)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from pos.domain.models import (
    Customer,
    Hub,
    LineItem,
    Order,
    OrderCycle,
    OrderPayment,
    OrderSummary,
    PickupPoint,
    Producer,
    Snapshot,
)
from pos.domain.text import fold
from pos.store.db import Store, utcnow

SUMMARY_SELECT = """
SELECT o.id, o.number, o.customer_name, o.customer_sort_name, o.customer_code,
       o.pickup_point_id, COALESCE(p.name, '') AS pickup_point_name, o.state,
       o.payment_state, o.total, o.outstanding, o.currency,
       (SELECT COUNT(*) FROM line_items li WHERE li.order_id = o.id) AS item_count,
       (SELECT c.created_at FROM checkouts c
         WHERE c.order_id = o.id AND c.kind = 'collection' AND c.reversed_at IS NULL)
         AS collected_at,
       (SELECT CASE WHEN c.till_uid = me.uid THEN '' ELSE c.till_id END FROM checkouts c
         WHERE c.order_id = o.id AND c.kind = 'collection' AND c.reversed_at IS NULL
         ORDER BY c.till_uid <> me.uid LIMIT 1) AS collected_on
FROM orders o
CROSS JOIN (SELECT ? AS uid) me  -- this till (Store.till_uid): another till's hand-over says which
LEFT JOIN pickup_points p ON p.id = o.pickup_point_id
"""


def _summary(row: sqlite3.Row) -> OrderSummary:
    """A SUMMARY_SELECT row, by position: its columns are OrderSummary's fields in order (the
    order list reads 500 of them per refresh; by name took ~12 µs a row)."""
    v = tuple(row)
    return OrderSummary(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                        v[11], v[12], v[13], v[14] or "")  # fmt: skip


def line_item(r: sqlite3.Row) -> LineItem:
    """A ``line_items`` row as the domain record."""
    return LineItem(
        id=r["id"],
        producer_id=r["producer_id"],
        product_name=r["product_name"],
        variant_name=r["variant_name"],
        quantity=r["quantity"],
        unit_price=r["unit_price"],
        variant_id=r["variant_id"],
        variant_unit=r["variant_unit"],
        unit_value=None if r["unit_value"] is None else Decimal(r["unit_value"]),
        final_weight=None if r["final_weight"] is None else Decimal(r["final_weight"]),
        chilled=bool(r["chilled"]),
        sku=r["sku"],
    )


def search_text(order: Order, code: str | None, product_names: Iterable[str]) -> dict[str, str]:
    """The folded text the search index holds for one order."""
    digits = "".join(ch for ch in order.phone if ch.isdigit())
    return {
        "number": fold(order.number),
        "code": fold(code or ""),
        "name": fold(order.customer_name),
        "email": fold(order.email),
        "phone": f"{order.phone} {digits}".strip() if digits else "",
        "products": fold(" ".join(sorted(set(product_names)))),
    }


class OrderRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # writing ------------------------------------------------------------------
    def save_snapshot(self, snap: Snapshot) -> None:
        """Write a whole snapshot in one transaction (hub, reference data, orders)."""
        with self.store.transaction():
            self.save_hub(snap.hub)
            self.conn.executemany(
                "INSERT INTO order_cycles(id, name, opens_at, closes_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name=excluded.name, opens_at=excluded.opens_at,"
                " closes_at=excluded.closes_at",
                [(c.id, c.name, c.opens_at, c.closes_at) for c in snap.order_cycles],
            )
            self.save_pickup_points(snap.pickup_points)
            self.save_producers(snap.producers)
            self.save_customers(snap.customers)
            self.save_orders(snap.orders)

    def save_hub(self, hub: Hub) -> None:
        self.conn.execute(
            "INSERT INTO hub(id, name, currency, locale, timezone, ofn_url, is_demo)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name=excluded.name,"
            " currency=excluded.currency, locale=excluded.locale, timezone=excluded.timezone,"
            " ofn_url=excluded.ofn_url, is_demo=excluded.is_demo",
            (hub.id, hub.name, hub.currency, hub.locale, hub.timezone, hub.ofn_url, hub.is_demo),
        )

    def save_pickup_points(self, points: Sequence[PickupPoint]) -> None:
        self.conn.executemany(
            "INSERT INTO pickup_points(id, name, description, is_delivery) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name=excluded.name, description=excluded.description,"
            " is_delivery=excluded.is_delivery",
            [(p.id, p.name, p.description, int(p.is_delivery)) for p in points],
        )

    def save_producers(self, producers: Sequence[Producer]) -> None:
        self.conn.executemany(
            "INSERT INTO producers(id, name) VALUES (?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name=excluded.name",
            [(p.id, p.name) for p in producers],
        )

    def save_customers(self, customers: Sequence[Customer]) -> None:
        self.conn.executemany(
            "INSERT INTO customers(id, code, first_name, last_name, email, phone, tags)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET code=excluded.code,"
            " first_name=excluded.first_name, last_name=excluded.last_name,"
            " email=excluded.email, phone=excluded.phone, tags=excluded.tags",
            [
                (c.id, c.code, c.first_name, c.last_name, c.email, c.phone, json.dumps(c.tags))
                for c in customers
            ],
        )

    def save_orders(self, orders: Sequence[Order]) -> None:
        """Insert or replace orders with their line items, payments and search text.

        Call inside a transaction. Local events reference orders by id, so an order is
        updated in place, never deleted and re-inserted.
        """
        if not orders:
            return
        codes = dict(
            self.conn.execute("SELECT id, code FROM customers WHERE code IS NOT NULL").fetchall()
        )
        now = utcnow()
        order_rows = []
        item_rows = []
        payment_rows = []
        search_rows = []
        for o in orders:
            code = codes.get(o.customer_id) if o.customer_id is not None else None
            order_rows.append(
                (
                    o.id, o.number, o.hub_id, o.order_cycle_id, o.pickup_point_id,
                    o.customer_id, code, o.customer_name, o.customer_sort_name,
                    fold(o.customer_sort_name or o.customer_name), o.email, o.phone, o.state,
                    o.payment_state, o.shipment_state, o.item_total, o.adjustment_total,
                    o.payment_total, o.total, o.outstanding, o.currency,
                    o.special_instructions, o.completed_at, int(o.ready_to_capture),
                    o.raw_json or "{}", now,
                )
            )  # fmt: skip
            for pos_, li in enumerate(o.line_items):
                item_rows.append(
                    (
                        li.id, o.id, pos_, li.producer_id, li.variant_id, li.product_name,
                        li.variant_name, li.sku, li.quantity, li.unit_price, li.variant_unit,
                        None if li.unit_value is None else str(li.unit_value),
                        None if li.final_weight is None else str(li.final_weight),
                        int(li.chilled),
                    )
                )  # fmt: skip
            for pos_, p in enumerate(o.payments):
                payment_rows.append((o.id, pos_, p.amount, p.method, p.state))
            text = search_text(o, code, (li.product_name for li in o.line_items))
            search_rows.append((o.id, *text.values()))
        ids = [(o.id,) for o in orders]
        c = self.conn
        c.executemany(
            "INSERT INTO orders(id, number, hub_id, order_cycle_id, pickup_point_id, customer_id,"
            " customer_code, customer_name, customer_sort_name, name_key, email, phone, state,"
            " payment_state, shipment_state, item_total, adjustment_total, payment_total, total,"
            " outstanding, currency, special_instructions, completed_at, ready_to_capture,"
            " raw_json, fetched_at) VALUES (" + ",".join("?" * 26) + ")"
            " ON CONFLICT(id) DO UPDATE SET number=excluded.number, hub_id=excluded.hub_id,"
            " order_cycle_id=excluded.order_cycle_id, pickup_point_id=excluded.pickup_point_id,"
            " customer_id=excluded.customer_id, customer_code=excluded.customer_code,"
            " customer_name=excluded.customer_name,"
            " customer_sort_name=excluded.customer_sort_name, name_key=excluded.name_key,"
            " email=excluded.email, phone=excluded.phone, state=excluded.state,"
            " payment_state=excluded.payment_state, shipment_state=excluded.shipment_state,"
            " item_total=excluded.item_total, adjustment_total=excluded.adjustment_total,"
            " payment_total=excluded.payment_total, total=excluded.total,"
            " outstanding=excluded.outstanding, currency=excluded.currency,"
            " special_instructions=excluded.special_instructions,"
            " completed_at=excluded.completed_at, ready_to_capture=excluded.ready_to_capture,"
            " raw_json=excluded.raw_json, fetched_at=excluded.fetched_at",
            order_rows,
        )
        # Line items of an updated order: replace those not referenced by local events.
        c.executemany(
            "DELETE FROM line_items WHERE order_id = ? AND NOT EXISTS"
            " (SELECT 1 FROM checkout_lines cl WHERE cl.line_item_id = line_items.id)",
            ids,
        )
        c.executemany(
            "INSERT INTO line_items(id, order_id, position, producer_id, variant_id,"
            " product_name, variant_name, sku, quantity, unit_price, variant_unit, unit_value,"
            " final_weight, chilled) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET position=excluded.position,"
            " producer_id=excluded.producer_id, variant_id=excluded.variant_id,"
            " product_name=excluded.product_name, variant_name=excluded.variant_name,"
            " sku=excluded.sku, quantity=excluded.quantity, unit_price=excluded.unit_price,"
            " variant_unit=excluded.variant_unit, unit_value=excluded.unit_value,"
            " final_weight=excluded.final_weight, chilled=excluded.chilled",
            item_rows,
        )
        c.executemany("DELETE FROM order_payments WHERE order_id = ?", ids)
        c.executemany(
            "INSERT INTO order_payments(order_id, position, amount, method, state)"
            " VALUES (?, ?, ?, ?, ?)",
            payment_rows,
        )
        c.executemany("DELETE FROM order_search WHERE rowid = ?", ids)
        c.executemany(
            "INSERT INTO order_search(rowid, number, code, name, email, phone, products)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            search_rows,
        )

    # reading ------------------------------------------------------------------
    def hub(self) -> Hub | None:
        row = self.conn.execute("SELECT * FROM hub ORDER BY id LIMIT 1").fetchone()
        if row is None:
            return None
        return Hub(
            id=row["id"], name=row["name"], currency=row["currency"], locale=row["locale"],
            timezone=row["timezone"], ofn_url=row["ofn_url"], is_demo=bool(row["is_demo"]),
        )  # fmt: skip

    def pickup_points(self) -> list[PickupPoint]:
        """Every shipping method the orders use: pickup points first, then deliveries."""
        rows = self.conn.execute(
            "SELECT id, name, description, is_delivery FROM pickup_points"
            " ORDER BY is_delivery, name"
        )
        return [
            PickupPoint(r["id"], r["name"], r["description"], bool(r["is_delivery"])) for r in rows
        ]

    def producers(self) -> list[Producer]:
        rows = self.conn.execute("SELECT id, name FROM producers ORDER BY name")
        return [Producer(r["id"], r["name"]) for r in rows]

    def order_cycles(self) -> list[OrderCycle]:
        rows = self.conn.execute("SELECT * FROM order_cycles ORDER BY id")
        return [OrderCycle(r["id"], r["name"], r["opens_at"], r["closes_at"]) for r in rows]

    def customer(self, customer_id: int) -> Customer | None:
        r = self.conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone()
        if r is None:
            return None
        return Customer(
            r["id"], r["code"], r["first_name"], r["last_name"], r["email"], r["phone"],
            tuple(json.loads(r["tags"])),
        )  # fmt: skip

    def count(self) -> int:
        return int(self.store.scalar("SELECT COUNT(*) FROM orders"))

    def ids(self) -> list[int]:
        return [int(r[0]) for r in self.conn.execute("SELECT id FROM orders ORDER BY id")]

    def raw(self, order_id: int) -> dict[str, Any]:
        """The order as OFN sent it (its stored JSON); {} for an order not stored."""
        text = self.store.scalar("SELECT raw_json FROM orders WHERE id = ?", (order_id,))
        return dict(json.loads(text)) if text else {}

    def move_to(self, order_id: int, pickup_point_id: int, raw: dict[str, Any]) -> None:
        """Put an order on another shipping method, with OFN's copy saying so (the demo)."""
        self.conn.execute(
            "UPDATE orders SET pickup_point_id = ?, raw_json = ? WHERE id = ?",
            (pickup_point_id, json.dumps(raw, ensure_ascii=False), order_id),
        )

    def summaries(
        self, *, pickup_point_id: int | None = None, limit: int = 500, offset: int = 0
    ) -> list[OrderSummary]:
        """Orders sorted by customer (last name first), optionally for one pickup point."""
        where, params = "", []
        if pickup_point_id is not None:
            where, params = "WHERE o.pickup_point_id = ?", [pickup_point_id]
        rows = self.conn.execute(
            f"{SUMMARY_SELECT} {where} ORDER BY o.name_key, o.number LIMIT ? OFFSET ?",
            [self.store.till_uid, *params, limit, offset],
        )
        return [_summary(r) for r in rows]

    def summaries_by_ids(self, ids: Sequence[int]) -> list[OrderSummary]:
        """Summaries in the order of ``ids``."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"{SUMMARY_SELECT} WHERE o.id IN ({marks})", [self.store.till_uid, *ids]
        )
        by_id = {r["id"]: _summary(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def get(self, order_id: int) -> Order | None:
        row = self.conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
        return None if row is None else self._order(row)

    def by_number(self, number: str) -> Order | None:
        row = self.conn.execute("SELECT * FROM orders WHERE number = ?", (number,)).fetchone()
        return None if row is None else self._order(row)

    def _order(self, row: sqlite3.Row) -> Order:
        items = tuple(
            line_item(r)
            for r in self.conn.execute(
                "SELECT * FROM line_items WHERE order_id = ? ORDER BY position", (row["id"],)
            )
        )
        payments = tuple(
            OrderPayment(r["amount"], r["method"], r["state"])
            for r in self.conn.execute(
                "SELECT * FROM order_payments WHERE order_id = ? ORDER BY position", (row["id"],)
            )
        )
        return Order(
            id=row["id"], number=row["number"], hub_id=row["hub_id"],
            order_cycle_id=row["order_cycle_id"], pickup_point_id=row["pickup_point_id"],
            customer_id=row["customer_id"], customer_name=row["customer_name"],
            customer_sort_name=row["customer_sort_name"], email=row["email"],
            phone=row["phone"], state=row["state"], payment_state=row["payment_state"],
            shipment_state=row["shipment_state"], item_total=row["item_total"],
            adjustment_total=row["adjustment_total"], payment_total=row["payment_total"],
            total=row["total"], currency=row["currency"], completed_at=row["completed_at"],
            special_instructions=row["special_instructions"],
            ready_to_capture=bool(row["ready_to_capture"]), line_items=items,
            payments=payments, raw_json=row["raw_json"],
        )  # fmt: skip
