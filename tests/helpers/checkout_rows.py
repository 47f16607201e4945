"""Local events written row by row, as the contracts define them (test helper).

One place for the rows that the printing, reconcile and sync tests write by hand: till
sessions, collections, walk-in sales and payments. The money columns are computed here by the
contract's formulas, not by the code under test, so tests can check that code against them.
(The reconcile tests' ``Till`` and the sync tests' ``tills`` build on these.)
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pos.domain.settings import TILL_LABEL
from pos.store import Store
from pos.store.db import utcnow

OPENED_AT = "2026-11-28T09:00:00.000000Z"


# primitives ----------------------------------------------------------------------------
def till_uid(store: Store, till_id: str) -> str:
    """The till_uid a row of the till labelled ``till_id`` carries: this database's own till
    when the label is its label (``""``: the trigger fills it in), else a stable uid of that
    label, as a row merged from another till's journal would carry."""
    if till_id == store.settings.get(TILL_LABEL):
        return ""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"foodhub-test-till:{till_id}"))


def receipt_no(store: Store, till_id: str) -> str:
    """The till's next receipt number: till + sequence, e.g. ``T1-000042``."""
    seq = store.scalar(
        "SELECT MAX(CAST(substr(receipt_no, length(till_id) + 2) AS INTEGER)) FROM checkouts"
        " WHERE till_id = ?",
        (till_id,),
    )
    return f"{till_id}-{(seq or 0) + 1:06d}"


def line_amount(item: Any) -> int:
    """A line item's full value: weighed items by their final weight, rounded half up."""
    if item["final_weight"] and item["unit_value"]:
        exact = Decimal(item["unit_price"]) * Decimal(item["final_weight"])
        exact /= Decimal(item["unit_value"])
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return int(item["unit_price"] * item["quantity"])


def add_payment(
    store: Store,
    checkout_id: str,
    method: str,
    amount: int,
    tendered: int,
    created_at: str,
    change: int | None = None,
) -> str:
    """One payment row (inside the caller's transaction); change defaults to tendered - amount."""
    payment_id = str(uuid.uuid4())
    change = tendered - amount if change is None else change
    store.db.conn.execute(
        "INSERT INTO payments(id, checkout_id, method, amount, tendered, change, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (payment_id, checkout_id, method, amount, tendered, change, created_at),
    )
    return payment_id


# till sessions --------------------------------------------------------------------------
def open_session(
    store: Store,
    *,
    till_id: str = "T1",
    volunteer: str = "Łucja Nowak",
    float_amount: int = 5000,
    pickup_point_id: int | None = 61,
    opened_at: str = OPENED_AT,
) -> str:
    session_id = str(uuid.uuid4())
    number = (
        store.scalar("SELECT MAX(number) FROM till_sessions WHERE till_id = ?", (till_id,)) or 0
    ) + 1
    with store.transaction():
        store.db.conn.execute(
            "INSERT INTO till_sessions(id, till_id, number, pickup_point_id, volunteer, opened_at,"
            " float_amount, till_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                till_id,
                number,
                pickup_point_id,
                volunteer,
                opened_at,
                float_amount,
                till_uid(store, till_id),
            ),
        )
    return session_id


def expected_cash(store: Store, session_id: str) -> int:
    """Float + cash payments + cash movements of the session (the contract's formula)."""
    float_amount = store.scalar(
        "SELECT float_amount FROM till_sessions WHERE id = ?", (session_id,)
    )
    cash = store.scalar(
        "SELECT COALESCE(SUM(p.amount), 0) FROM payments p JOIN checkouts c"
        " ON c.id = p.checkout_id WHERE c.session_id = ? AND p.method = 'cash'",
        (session_id,),
    )
    moves = store.scalar(
        "SELECT COALESCE(SUM(amount), 0) FROM cash_movements WHERE session_id = ?", (session_id,)
    )
    return int(float_amount + cash + moves)


def close_session(
    store: Store,
    session_id: str,
    counted: int,
    *,
    closed_by: str = "Hélène",
    closed_at: str = "2026-11-28T13:05:00.000000Z",
    note: str = "",
) -> None:
    expected = expected_cash(store, session_id)
    with store.transaction():
        store.db.conn.execute(
            "UPDATE till_sessions SET closed_at = ?, closed_by = ?, expected_cash = ?,"
            " counted_cash = ?, difference = ?, close_note = ? WHERE id = ?",
            (closed_at, closed_by, expected, counted, counted - expected, note, session_id),
        )


# checkouts ------------------------------------------------------------------------------
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
                "amount": 0 if gone else line_amount(item),
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
            " amount_due, amount_paid, change_given, left_owing, till_uid, merged)"
            " VALUES (?, ?, 'collection', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
            (
                checkout_id,
                receipt_no(store, till_id),
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
                till_uid(store, till_id),
                int(bool(till_uid(store, till_id))),
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
            add_payment(store, checkout_id, method, paid, tendered, created_at, change)
    return checkout_id


def walk_in(
    store: Store,
    *,
    session_id: str | None,
    items: Sequence[tuple[str, str, int, int]],
    payments: Sequence[tuple[str, int, int]] | None = None,
    method: str = "cash",
    tendered: int | None = None,
    till_id: str = "T1",
    volunteer: str = "Søren",
    pickup_point_id: int | None = 61,
    created_at: str | None = None,
    currency: str = "GBP",
) -> str:
    """A walk-in sale of ``items`` = [(product, variant, quantity, unit_price)], paid by
    ``payments`` = [(method, amount applied, tendered)], or in full by ``method``.
    (Written inside the caller's transaction when there is one.)"""
    total = sum(q * p for _, _, q, p in items)
    if payments is None:
        payments = [(method, total, total if tendered is None else tendered)]
    paid = sum(amount for _, amount, _ in payments)
    when = created_at or utcnow()
    checkout_id = str(uuid.uuid4())
    with store.transaction():
        store.db.conn.execute(
            "INSERT INTO checkouts(id, receipt_no, kind, session_id, till_id, volunteer,"
            " pickup_point_id, created_at, currency, goods_total, amount_due, amount_paid,"
            " change_given, left_owing, credit_amount, till_uid, merged)"
            " VALUES (?, ?, 'walk_in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                checkout_id,
                receipt_no(store, till_id),
                session_id,
                till_id,
                volunteer,
                pickup_point_id,
                when,
                currency,
                total,
                total,
                paid,
                sum(t - a for _, a, t in payments),
                max(0, total - paid),
                max(0, paid - total),
                till_uid(store, till_id),
                int(bool(till_uid(store, till_id))),
            ),
        )
        for name, variant, quantity, price in items:
            store.db.conn.execute(
                "INSERT INTO checkout_lines(checkout_id, product_name, variant_name,"
                " quantity_ordered, quantity, unit_price, amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (checkout_id, name, variant, quantity, quantity, price, quantity * price),
            )
        for pay_method, amount, paid_in in payments:
            add_payment(store, checkout_id, pay_method, amount, paid_in, when)
    return checkout_id


def order_with_items(store: Store, minimum: int = 3) -> int:
    """The first complete order with at least ``minimum`` line items."""
    return int(
        store.scalar(
            "SELECT o.id FROM orders o WHERE o.state = 'complete' AND"
            " (SELECT COUNT(*) FROM line_items li WHERE li.order_id = o.id) >= ?"
            " ORDER BY o.id LIMIT 1",
            (minimum,),
        )
    )


def now() -> str:
    return utcnow()
