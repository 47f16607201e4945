"""A till writing its local events row by row, as the contracts define them.

Reconcile tests build their stores with this helper (sessions, walk-ins, receipt numbers and
payments come from tests/helpers/checkout_rows.py); it computes every money column by the
contract's formulas, not by the code under test. Tests then recompute the expected figures
from the raw rows independently.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from pos.store import Store
from pos.store.db import utcnow
from tests.helpers import checkout_rows as rows


@dataclass
class Till:
    store: Store
    till_id: str = "T1"
    volunteer: str = "Ana"
    pickup_point_id: int | None = 61
    session_id: str | None = None
    clock: list[str] = field(default_factory=list)

    # till sessions ------------------------------------------------------------
    def open_session(self, float_amount: int = 5000, at: str | None = None) -> str:
        with self.store.transaction():
            sid = rows.open_session(
                self.store,
                till_id=self.till_id,
                volunteer=self.volunteer,
                float_amount=float_amount,
                pickup_point_id=self.pickup_point_id,
                opened_at=at or utcnow(),
            )
            self.store.audit(
                "till.open",
                entity="till_session",
                entity_id=sid,
                actor=self.volunteer,
                till_id=self.till_id,
                details={"float": float_amount},
            )
        self.session_id = sid
        return sid

    def cash_movement(self, amount: int, reason: str) -> None:
        assert self.session_id
        with self.store.transaction():
            self.store.db.conn.execute(
                "INSERT INTO cash_movements VALUES (?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), self.session_id, amount, reason, utcnow(), self.volunteer),
            )

    def close_session(self, counted: int, note: str = "") -> None:
        assert self.session_id
        rows.close_session(
            self.store,
            self.session_id,
            counted,
            closed_by=self.volunteer,
            closed_at=utcnow(),
            note=note,
        )
        self.session_id = None

    # checkouts ----------------------------------------------------------------
    def _receipt_no(self) -> str:
        return rows.receipt_no(self.store, self.till_id)

    def collect(
        self,
        order_id: int,
        *,
        missing: dict[int, int] | None = None,
        payments: list[tuple[str, int, int]] | None = None,
        at: str | None = None,
        note: str = "",
    ) -> str:
        """Collect an order. ``missing``: line_item_id -> quantity not handed over.
        ``payments``: (method, amount applied, tendered)."""
        missing = missing or {}
        order = self.store.query("SELECT * FROM orders WHERE id = ?", (order_id,))[0]
        items = self.store.query(
            "SELECT * FROM line_items WHERE order_id = ? ORDER BY position", (order_id,)
        )
        lines = []
        for li in items:
            gone = missing.get(li["id"], 0)
            qty = li["quantity"] - gone
            full = rows.line_amount(li)
            amount = full * qty // li["quantity"] if li["quantity"] else 0
            status = "ok" if gone == 0 else ("missing" if qty == 0 else "short")
            lines.append((li, qty, amount, status))
        goods = sum(x[2] for x in lines)
        fees = order["adjustment_total"]
        amount_due = goods + fees - order["payment_total"]
        payments = payments or []
        paid = sum(p[1] for p in payments)
        cid = str(uuid.uuid4())
        when = at or utcnow()
        with self.store.transaction():
            self.store.db.conn.execute(
                "INSERT INTO checkouts(id, receipt_no, kind, order_id, session_id, till_id,"
                " volunteer, pickup_point_id, created_at, currency, goods_total, fees_total,"
                " credit_amount, amount_due, amount_paid, change_given, left_owing, note)"
                " VALUES (?, ?, 'collection', ?, ?, ?, ?, ?, ?, 'GBP', ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    cid,
                    self._receipt_no(),
                    order_id,
                    self.session_id,
                    self.till_id,
                    self.volunteer,
                    self.pickup_point_id,
                    when,
                    goods,
                    fees,
                    max(0, paid - amount_due),
                    amount_due,
                    paid,
                    sum(p[2] - p[1] for p in payments),
                    max(0, amount_due - paid),
                    note,
                ),
            )
            for li, qty, amount, status in lines:
                self.store.db.conn.execute(
                    "INSERT INTO checkout_lines(checkout_id, line_item_id, variant_id,"
                    " producer_id, product_name, variant_name, quantity_ordered, quantity,"
                    " unit_price, amount, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        cid,
                        li["id"],
                        li["variant_id"],
                        li["producer_id"],
                        li["product_name"],
                        li["variant_name"],
                        li["quantity"],
                        qty,
                        li["unit_price"],
                        amount,
                        status,
                    ),
                )
            pay_rows = self._payments(cid, payments, when)
            self.store.audit(
                "checkout.collect",
                entity="order",
                entity_id=str(order_id),
                actor=self.volunteer,
                till_id=self.till_id,
                details={"receipt_no": cid, "paid": paid},
            )
            self._outbox(order_id, cid, goods + fees, pay_rows, amount_due, paid, when)
        return cid

    def walk_in(
        self,
        items: list[tuple[str, int, int]],
        payments: list[tuple[str, int, int]],
        at: str | None = None,
    ) -> str:
        """``items``: (product name, quantity, unit price)."""
        with self.store.transaction():
            cid = rows.walk_in(
                self.store,
                session_id=self.session_id,
                items=[(name, "", qty, price) for name, qty, price in items],
                payments=payments,
                till_id=self.till_id,
                volunteer=self.volunteer,
                pickup_point_id=self.pickup_point_id,
                created_at=at or utcnow(),
            )
            self.store.audit(
                "checkout.walk_in",
                entity="checkout",
                entity_id=cid,
                actor=self.volunteer,
                till_id=self.till_id,
            )
        return cid

    def reverse(self, checkout_id: str, note: str = "mistake") -> str:
        orig = self.store.query("SELECT * FROM checkouts WHERE id = ?", (checkout_id,))[0]
        rid = str(uuid.uuid4())
        now = utcnow()
        with self.store.transaction():
            self.store.db.conn.execute(
                "INSERT INTO checkouts(id, receipt_no, kind, order_id, reverses_id, session_id,"
                " till_id, volunteer, pickup_point_id, created_at, currency, goods_total,"
                " fees_total, credit_amount, amount_due, amount_paid, change_given, left_owing,"
                " note) VALUES (?, ?, 'reversal', ?, ?, ?, ?, ?, ?, ?, 'GBP', ?, ?, ?, ?, ?, ?,"
                " ?, ?)",
                (
                    rid,
                    self._receipt_no(),
                    orig["order_id"],
                    checkout_id,
                    self.session_id,
                    self.till_id,
                    self.volunteer,
                    orig["pickup_point_id"],
                    now,
                    -orig["goods_total"],
                    -orig["fees_total"],
                    -orig["credit_amount"],
                    -orig["amount_due"],
                    -orig["amount_paid"],
                    -orig["change_given"],
                    -orig["left_owing"],
                    note,
                ),
            )
            for p in self.store.query(
                "SELECT * FROM payments WHERE checkout_id = ?", (checkout_id,)
            ):
                self.store.db.conn.execute(
                    "INSERT INTO payments(id, checkout_id, method, amount, tendered, change,"
                    " created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
                    (str(uuid.uuid4()), rid, p["method"], -p["amount"], -p["amount"], now),
                )
            self.store.db.conn.execute(
                "UPDATE checkouts SET reversed_at = ? WHERE id = ?", (now, checkout_id)
            )
            self.store.audit(
                "checkout.reverse",
                entity="checkout",
                entity_id=checkout_id,
                actor=self.volunteer,
                till_id=self.till_id,
            )
            if orig["order_id"] is not None:
                self._outbox(orig["order_id"], None, 0, [], 0, 0, now, collected=False)
        return rid

    def _payments(
        self, cid: str, payments: list[tuple[str, int, int]], when: str
    ) -> list[dict[str, Any]]:
        return [
            {"id": rows.add_payment(self.store, cid, method, amount, tendered, when),
             "method": method, "amount": amount}
            for method, amount, tendered in payments
        ]  # fmt: skip

    def _outbox(
        self,
        order_id: int,
        cid: str | None,
        total: int,
        pays: list[dict[str, Any]],
        due: int,
        paid: int,
        when: str,
        *,
        collected: bool = True,
    ) -> None:
        desired = {
            "collected": collected,
            "checkout_id": cid,
            "collected_at": when,
            "currency": "GBP",
            "order_total_at_till": total,
            "payments": pays,
            "paid_at_till": paid,
            "left_owing": max(0, due - paid),
            "credit_amount": max(0, paid - due),
            "lines_changed": [],
        }
        self.store.db.conn.execute(
            "INSERT INTO outbox(order_id, desired, status, changed_at) VALUES (?, ?, 'pending', ?)"
            " ON CONFLICT(order_id) DO UPDATE SET desired = excluded.desired,"
            " status = 'pending', changed_at = excluded.changed_at",
            (order_id, json.dumps(desired), when),
        )


def set_outbox_status(store: Store, order_id: int, status: str, error: str = "") -> None:
    with store.transaction():
        store.db.conn.execute(
            "UPDATE outbox SET status = ?, last_error = ?, pushed_at = ? WHERE order_id = ?",
            (status, error, utcnow(), order_id),
        )


def add_staff_action(
    store: Store,
    *,
    order_id: int | None,
    kind: str,
    reason: str,
    amount: int | None = None,
    method: str | None = None,
    checkout_id: str | None = None,
) -> str:
    aid = str(uuid.uuid4())
    number = (
        store.scalar("SELECT number FROM orders WHERE id = ?", (order_id,)) if order_id else None
    )
    url = f"https://openfoodnetwork.org.uk/admin/orders/{number}/edit" if number else ""
    with store.transaction():
        store.db.conn.execute(
            "INSERT INTO staff_actions(id, order_id, checkout_id, kind, reason, amount, method,"
            " admin_url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, order_id, checkout_id, kind, reason, amount, method, url, utcnow()),
        )
    return aid
