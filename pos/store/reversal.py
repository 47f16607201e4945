"""Reversing a collection when staff accept OFN's copy of a conflicted order.

A reversal is a new checkout event (``kind='reversal'``): negated money, payments refunded by the
same methods, and ``reversed_at`` on the original. Nothing is deleted.
"""

from __future__ import annotations

import uuid

from pos.store.db import Store, utcnow


def next_receipt_no(store: Store, till_id: str) -> str:
    conn = store.db.conn
    seq = conn.execute(
        "SELECT MAX(CAST(substr(receipt_no, length(till_id) + 2) AS INTEGER)) FROM checkouts"
        " WHERE till_id = ?",
        (till_id,),
    ).fetchone()[0]
    return f"{till_id}-{(seq or 0) + 1:06d}"


def reverse_collection(store: Store, order_id: int, actor: str, note: str) -> str | None:
    """Reverse the live collection of ``order_id``; the reversal's id (None if there is none).

    Call inside the caller's transaction.
    """
    conn = store.db.conn
    orig = conn.execute(
        "SELECT * FROM checkouts WHERE order_id = ? AND kind = 'collection'"
        " AND reversed_at IS NULL",
        (order_id,),
    ).fetchone()
    if orig is None:
        return None
    now = utcnow()
    till_id = orig["till_id"]
    session = conn.execute(
        "SELECT id FROM till_sessions WHERE till_id = ? AND closed_at IS NULL", (till_id,)
    ).fetchone()
    new_id = str(uuid.uuid4())
    conn.execute("UPDATE checkouts SET reversed_at = ? WHERE id = ?", (now, orig["id"]))
    conn.execute(
        "INSERT INTO checkouts(id, receipt_no, kind, order_id, reverses_id, session_id, till_id,"
        " volunteer, pickup_point_id, created_at, currency, goods_total, fees_total,"
        " credit_amount, amount_due, amount_paid, change_given, left_owing, note)"
        " VALUES (?, ?, 'reversal', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        (new_id, next_receipt_no(store, till_id), order_id, orig["id"],
         session["id"] if session else None, till_id, actor, orig["pickup_point_id"], now,
         orig["currency"], -orig["goods_total"], -orig["fees_total"], -orig["credit_amount"],
         -orig["amount_due"], -orig["amount_paid"], -orig["left_owing"], note),
    )  # fmt: skip
    conn.execute(
        "INSERT INTO checkout_lines(checkout_id, line_item_id, variant_id, producer_id,"
        " product_name, variant_name, quantity_ordered, quantity, final_weight, unit_price,"
        " amount, status) SELECT ?, line_item_id, variant_id, producer_id, product_name,"
        " variant_name, quantity_ordered, -quantity, final_weight, unit_price, -amount, status"
        " FROM checkout_lines WHERE checkout_id = ?",
        (new_id, orig["id"]),
    )
    for p in conn.execute("SELECT * FROM payments WHERE checkout_id = ?", (orig["id"],)).fetchall():
        conn.execute(
            "INSERT INTO payments(id, checkout_id, method, amount, tendered, change, reference,"
            " created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
            (str(uuid.uuid4()), new_id, p["method"], -p["amount"], -p["amount"],
             f"refund of {p['id']}", now),
        )  # fmt: skip
    store.audit(
        "checkout.reverse", entity="checkout", entity_id=new_id, actor=actor, role="staff",
        till_id=till_id, details={"reverses": orig["id"], "order_id": order_id, "note": note},
    )  # fmt: skip
    return new_id
