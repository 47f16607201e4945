"""Local checkouts written per contracts.md, as the checkout service does (test helper)."""

from __future__ import annotations

import json
import uuid

from pos.store import Store
from pos.store.db import utcnow
from pos.store.orders import OrderRepository
from pos.store.reversal import next_receipt_no, reverse_collection


def collect(
    store: Store,
    number: str,
    *,
    pay: dict[str, int] | None = None,
    pay_due: str | None = None,
    missing: int = 0,
    till_id: str = "T1",
) -> str:
    """Collect order ``number``: ``missing`` first lines not handed over; ``pay`` by method,
    or ``pay_due="cash"`` to pay exactly what is due. Returns the checkout id."""
    order = OrderRepository(store).by_number(number)
    assert order is not None, number
    lines = []
    for i, li in enumerate(order.line_items):
        gone = i < missing
        lines.append((li, 0 if gone else li.quantity, 0 if gone else li.amount,
                      "missing" if gone else "ok"))  # fmt: skip
    goods = sum(a for _, _, a, _ in lines)
    fees = order.adjustment_total
    due = goods + fees - order.payment_total
    payments = dict(pay or {})
    if pay_due:
        payments = {pay_due: due} if due > 0 else {}
    paid = sum(payments.values())
    left, credit = max(0, due - paid), max(0, paid - due)
    cid, now = str(uuid.uuid4()), utcnow()
    receipt = next_receipt_no(store, till_id)
    conn = store.db.conn
    with store.transaction():
        conn.execute(
            "INSERT INTO checkouts(id, receipt_no, kind, order_id, till_id, volunteer,"
            " pickup_point_id, created_at, currency, goods_total, fees_total, credit_amount,"
            " amount_due, amount_paid, left_owing) VALUES (?, ?, 'collection', ?, ?, 'Vol', ?,"
            " ?, ?, ?, ?, ?, ?, ?, ?)",
            (cid, receipt, order.id, till_id, order.pickup_point_id, now, order.currency, goods,
             fees, credit, due, paid, left),
        )  # fmt: skip
        for li, qty, amount, status in lines:
            conn.execute(
                "INSERT INTO checkout_lines(checkout_id, line_item_id, variant_id, producer_id,"
                " product_name, variant_name, quantity_ordered, quantity, unit_price, amount,"
                " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cid, li.id, li.variant_id, li.producer_id, li.product_name, li.variant_name,
                 li.quantity, qty, li.unit_price, amount, status),
            )  # fmt: skip
        pay_rows = []
        for method, amount in payments.items():
            pid = str(uuid.uuid4())
            pay_rows.append({"id": pid, "method": method, "amount": amount})
            conn.execute(
                "INSERT INTO payments(id, checkout_id, method, amount, tendered, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (pid, cid, method, amount, amount, now),
            )
        desired = {
            "collected": True, "checkout_id": cid, "receipt_no": receipt, "collected_at": now,
            "currency": order.currency, "order_total_at_till": goods + fees,
            "payments": pay_rows, "paid_at_till": paid, "left_owing": left,
            "credit_amount": credit,
            "lines_changed": [
                {"line_item_id": li.id, "status": st, "quantity": q,
                 "quantity_ordered": li.quantity, "final_weight": None, "amount": a}
                for li, q, a, st in lines if st != "ok"
            ],
        }  # fmt: skip
        _upsert_outbox(store, order.id, desired, now)
        store.audit("checkout.collect", entity="checkout", entity_id=cid, actor="Vol")
    return cid


def reverse(store: Store, number: str) -> None:
    order = OrderRepository(store).by_number(number)
    assert order is not None
    now = utcnow()
    with store.transaction():
        reverse_collection(store, order.id, "Vol", "test reversal")
        desired = {"collected": False, "checkout_id": None, "payments": [], "paid_at_till": 0,
                   "left_owing": 0, "credit_amount": 0, "lines_changed": [],
                   "currency": order.currency}  # fmt: skip
        _upsert_outbox(store, order.id, desired, now)


def walk_in(store: Store, amount: int, method: str = "cash", till_id: str = "T1") -> str:
    cid, now = str(uuid.uuid4()), utcnow()
    conn = store.db.conn
    with store.transaction():
        conn.execute(
            "INSERT INTO checkouts(id, receipt_no, kind, till_id, volunteer, created_at,"
            " currency, goods_total, amount_due, amount_paid) VALUES (?, ?, 'walk_in', ?, 'Vol',"
            " ?, 'GBP', ?, ?, ?)",
            (cid, next_receipt_no(store, till_id), till_id, now, amount, amount, amount),
        )
        conn.execute(
            "INSERT INTO checkout_lines(checkout_id, product_name, quantity, unit_price, amount)"
            " VALUES (?, 'Apple juice', 1, ?, ?)",
            (cid, amount, amount),
        )
        conn.execute(
            "INSERT INTO payments(id, checkout_id, method, amount, tendered, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), cid, method, amount, amount, now),
        )
    return cid


def _upsert_outbox(store: Store, order_id: int, desired: dict[str, object], now: str) -> None:
    store.db.conn.execute(
        "INSERT INTO outbox(order_id, desired, status, changed_at) VALUES (?, ?, 'pending', ?)"
        " ON CONFLICT(order_id) DO UPDATE SET desired = excluded.desired, status = 'pending',"
        " changed_at = excluded.changed_at, next_attempt_at = NULL",
        (order_id, json.dumps(desired), now),
    )


def outbox_status(store: Store) -> dict[str, str]:
    rows = store.query("SELECT o.number, x.status FROM outbox x JOIN orders o ON o.id = x.order_id")
    return {r[0]: r[1] for r in rows}
