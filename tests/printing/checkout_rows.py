"""Checkouts for printing tests, written as rows the way contracts.md describes them.

Used until the checkout service (issue 3) is merged; the printing code only reads these
tables, so rows written by hand exercise exactly what it will see.
"""

from __future__ import annotations

import uuid
from typing import Any

from pos.store import Store
from pos.store.db import utcnow


def open_session(
    store: Store,
    *,
    till_id: str = "T1",
    volunteer: str = "Łucja Nowak",
    float_amount: int = 5000,
    pickup_point_id: int | None = 61,
) -> str:
    session_id = str(uuid.uuid4())
    number = (
        store.scalar("SELECT MAX(number) FROM till_sessions WHERE till_id = ?", (till_id,)) or 0
    ) + 1
    with store.transaction():
        store.db.conn.execute(
            "INSERT INTO till_sessions(id, till_id, number, pickup_point_id, volunteer, opened_at,"
            " float_amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                till_id,
                number,
                pickup_point_id,
                volunteer,
                "2026-11-28T09:00:00.000000Z",
                float_amount,
            ),
        )
    return session_id


def _receipt_no(store: Store, till_id: str) -> str:
    count = store.scalar("SELECT COUNT(*) FROM checkouts WHERE till_id = ?", (till_id,)) or 0
    return f"{till_id}-{count + 1:06d}"


def collect(
    store: Store,
    order_id: int,
    *,
    session_id: str | None,
    missing: int = 0,
    method: str = "cash",
    tendered: int | None = None,
    created_at: str = "2026-11-28T10:14:03.000000Z",
    till_id: str = "T1",
    volunteer: str = "Łucja Nowak",
) -> str:
    """A collection of ``order_id``: the first ``missing`` lines missing, the rest handed over;
    what is due is paid by ``method`` (``tendered`` rounded up to it when None)."""
    order = store.query("SELECT * FROM orders WHERE id = ?", (order_id,))[0]
    items = store.query(
        "SELECT * FROM line_items WHERE order_id = ? ORDER BY position", (order_id,)
    )
    lines: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        gone = index < missing
        amount = item["unit_price"] * item["quantity"]
        if item["final_weight"] and item["unit_value"]:
            from decimal import Decimal

            exact = (
                Decimal(item["unit_price"])
                * Decimal(item["final_weight"])
                / Decimal(item["unit_value"])
            )
            amount = int(exact.to_integral_value(rounding="ROUND_HALF_UP"))
        lines.append(
            {
                "line_item_id": item["id"],
                "variant_id": item["variant_id"],
                "producer_id": item["producer_id"],
                "product_name": item["product_name"],
                "variant_name": item["variant_name"],
                "quantity_ordered": item["quantity"],
                "quantity": 0 if gone else item["quantity"],
                "final_weight": item["final_weight"],
                "unit_price": item["unit_price"],
                "amount": 0 if gone else amount,
                "status": "missing" if gone else ("weighed" if item["final_weight"] else "ok"),
            }
        )
    goods = sum(line["amount"] for line in lines)
    fees = order["adjustment_total"]
    due = goods + fees - order["payment_total"]
    paid = max(0, due)
    tendered = paid if tendered is None else max(tendered, paid)
    change = max(0, tendered - paid) if method == "cash" else 0
    checkout_id = str(uuid.uuid4())
    with store.transaction():
        store.db.conn.execute(
            "INSERT INTO checkouts(id, receipt_no, kind, order_id, session_id, till_id, volunteer,"
            " pickup_point_id, created_at, currency, goods_total, fees_total, credit_amount,"
            " amount_due, amount_paid, change_given, left_owing)"
            " VALUES (?, ?, 'collection', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (
                checkout_id,
                _receipt_no(store, till_id),
                order_id,
                session_id,
                till_id,
                volunteer,
                order["pickup_point_id"],
                created_at,
                order["currency"],
                goods,
                fees,
                max(0, -due),
                due,
                paid,
                change,
            ),
        )
        for line in lines:
            store.db.conn.execute(
                "INSERT INTO checkout_lines(checkout_id, line_item_id, variant_id, producer_id,"
                " product_name, variant_name, quantity_ordered, quantity, final_weight, unit_price,"
                " amount, status) VALUES (:c, :line_item_id, :variant_id, :producer_id,"
                " :product_name, :variant_name, :quantity_ordered, :quantity, :final_weight,"
                " :unit_price, :amount, :status)",
                {"c": checkout_id, **line},
            )
        if paid:
            store.db.conn.execute(
                "INSERT INTO payments(id, checkout_id, method, amount, tendered, change,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), checkout_id, method, paid, tendered, change, created_at),
            )
    return checkout_id


def walk_in(
    store: Store,
    *,
    session_id: str | None,
    items: list[tuple[str, str, int, int]],
    method: str = "cash",
    tendered: int | None = None,
    till_id: str = "T1",
    created_at: str = "2026-11-28T11:02:00.000000Z",
) -> str:
    """A walk-in sale of ``items`` = [(product, variant, quantity, unit_price)]."""
    total = sum(q * p for _, _, q, p in items)
    tendered = total if tendered is None else tendered
    checkout_id = str(uuid.uuid4())
    with store.transaction():
        store.db.conn.execute(
            "INSERT INTO checkouts(id, receipt_no, kind, session_id, till_id, volunteer,"
            " pickup_point_id, created_at, currency, goods_total, amount_due, amount_paid,"
            " change_given) VALUES (?, ?, 'walk_in', ?, ?, 'Søren', 61, ?, 'GBP', ?, ?, ?, ?)",
            (
                checkout_id,
                _receipt_no(store, till_id),
                session_id,
                till_id,
                created_at,
                total,
                total,
                total,
                tendered - total,
            ),
        )
        for name, variant, quantity, price in items:
            store.db.conn.execute(
                "INSERT INTO checkout_lines(checkout_id, product_name, variant_name,"
                " quantity_ordered, quantity, unit_price, amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (checkout_id, name, variant, quantity, quantity, price, quantity * price),
            )
        store.db.conn.execute(
            "INSERT INTO payments(id, checkout_id, method, amount, tendered, change, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), checkout_id, method, total, tendered, tendered - total, created_at),
        )
    return checkout_id


def close_session(store: Store, session_id: str, counted: int) -> None:
    from pos.store.till import TillRepository

    expected = TillRepository(store).expected_cash(session_id)
    with store.transaction():
        store.db.conn.execute(
            "UPDATE till_sessions SET closed_at = ?, closed_by = ?, expected_cash = ?,"
            " counted_cash = ?, difference = ? WHERE id = ?",
            (
                "2026-11-28T13:05:00.000000Z",
                "Hélène",
                expected,
                counted,
                counted - expected,
                session_id,
            ),
        )


def now() -> str:
    return utcnow()
