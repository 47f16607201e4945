"""Checkouts, their lines and payments, the outbox desired state, and queued print jobs.

Callers wrap the writes in ``store.transaction()`` so the event, its audit row and its
sync intent land together (docs/design.md rule 1).
"""

from __future__ import annotations

from decimal import Decimal

from pos.domain import journal
from pos.domain.checkout import (
    Checkout,
    CheckoutLine,
    CollectionInfo,
    Payment,
    WalkInProduct,
    receipt_number,
)
from pos.domain.outbox import DesiredState
from pos.store.db import Store, utcnow
from pos.store.driver import sqlite3


class DuplicateCollection(Exception):
    """The order already has a live collection (the partial unique index said no)."""


class CheckoutRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # writing ------------------------------------------------------------------
    def next_receipt_no(self, till_id: str) -> str:
        """The next receipt number of this till under the label ``till_id`` (call inside the
        writing transaction). Another till's rows (merged from its journal) may carry the
        same label: numbers are unique per (till_uid, receipt_no)."""
        prefix = f"{till_id}-"
        # Six-digit zero-padded numbers sort as text, so the unique index on (till_uid,
        # receipt_no) finds the last one without a scan ("." follows "-": the end of the range).
        last = self.store.scalar(
            "SELECT receipt_no FROM checkouts WHERE till_uid = ? AND receipt_no >= ?"
            " AND receipt_no < ? ORDER BY receipt_no DESC LIMIT 1",
            (self.store.till_uid, prefix, f"{till_id}."),
        )
        seq = int(str(last)[len(prefix) :]) if last else 0
        return receipt_number(till_id, seq + 1)

    def insert(self, c: Checkout, *, merged_from: str | None = None) -> None:
        """Write a checkout with its lines and payments (inside the caller's transaction).

        A local checkout is recorded in the journal in the same transaction; one merged from
        another till's journal (``merged_from``: its till_uid) is written as that till's row.
        """
        try:
            self.conn.execute(
                "INSERT INTO checkouts(id, receipt_no, kind, order_id, reverses_id, reversed_at,"
                " session_id, till_id, volunteer, pickup_point_id, created_at, currency,"
                " goods_total, fees_total, credit_amount, amount_due, amount_paid,"
                " change_given, left_owing, note, till_uid, merged)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    c.id, c.receipt_no, c.kind, c.order_id, c.reverses_id, c.reversed_at,
                    c.session_id, c.till_id, c.volunteer, c.pickup_point_id, c.created_at,
                    c.currency, c.goods_total, c.fees_total, c.credit_amount, c.amount_due,
                    c.amount_paid, c.change_given, c.left_owing, c.note,
                    merged_from or "", 1 if merged_from else 0,
                ),
            )  # fmt: skip
        except sqlite3.IntegrityError as exc:
            if "checkouts.order_id" in str(exc):
                raise DuplicateCollection(str(exc)) from exc
            raise
        self.conn.executemany(
            "INSERT INTO checkout_lines(checkout_id, line_item_id, variant_id, producer_id,"
            " product_name, variant_name, quantity_ordered, quantity, final_weight, unit_price,"
            " amount, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    c.id, li.line_item_id, li.variant_id, li.producer_id, li.product_name,
                    li.variant_name, li.quantity_ordered, li.quantity,
                    None if li.final_weight is None else str(li.final_weight), li.unit_price,
                    li.amount, li.status,
                )
                for li in c.lines
            ],
        )  # fmt: skip
        self.conn.executemany(
            "INSERT INTO payments(id, checkout_id, method, amount, tendered, change, reference,"
            " created_at) VALUES (?,?,?,?,?,?,?,?)",
            [
                (p.id, c.id, p.method, p.amount, p.tendered, p.change, p.reference,
                 p.created_at or c.created_at)
                for p in c.payments
            ],
        )  # fmt: skip
        if merged_from is None:
            from pos.store.journal import JournalRepository

            number = None
            if c.order_id is not None:
                number = self.store.scalar("SELECT number FROM orders WHERE id = ?", (c.order_id,))
            JournalRepository(self.store).record(
                journal.REVERSAL if c.kind == "reversal" else journal.CHECKOUT,
                journal.checkout_event(c, number),
                at=c.created_at,
            )

    def mark_reversed(self, checkout_id: str, at: str) -> bool:
        cur = self.conn.execute(
            "UPDATE checkouts SET reversed_at = ? WHERE id = ? AND reversed_at IS NULL",
            (at, checkout_id),
        )
        return cur.rowcount == 1

    def upsert_outbox(self, order_id: int, desired: DesiredState) -> None:
        """Record what the till now believes about the order, for sync to push."""
        self.conn.execute(
            "INSERT INTO outbox(order_id, desired, status, attempts, changed_at)"
            " VALUES (?, ?, 'pending', 0, ?) ON CONFLICT(order_id) DO UPDATE SET"
            " desired = excluded.desired, status = 'pending', attempts = 0,"
            " next_attempt_at = NULL, last_error = '', changed_at = excluded.changed_at",
            (order_id, desired.to_json(), utcnow()),
        )

    def queue_print(self, kind: str, ref: str, *, is_copy: bool = False) -> str:
        """Queue a print job after the checkout committed; the print worker wakes at once."""
        from pos.store.print_jobs import PrintJobs

        return PrintJobs(self.store).enqueue(kind, ref, is_copy=is_copy)

    # reading ------------------------------------------------------------------
    def is_other_till(self, checkout_id: str) -> bool:
        """The checkout was made on another till (merged from its journal)."""
        uid = self.store.scalar("SELECT till_uid FROM checkouts WHERE id = ?", (checkout_id,))
        return uid is not None and uid != self.store.till_uid

    def exists(self, checkout_id: str) -> bool:
        return self.store.scalar("SELECT 1 FROM checkouts WHERE id = ?", (checkout_id,)) == 1

    def get(self, checkout_id: str) -> Checkout | None:
        row = self.conn.execute("SELECT * FROM checkouts WHERE id = ?", (checkout_id,)).fetchone()
        return None if row is None else self._checkout(row)

    def live_collection_id(self, order_id: int) -> str | None:
        """The order's live collection: this till's own first, else the first another till
        made (merged from its journal; two of them are a double hand-over for staff)."""
        value = self.store.scalar(
            "SELECT id FROM checkouts WHERE order_id = ? AND kind = 'collection'"
            " AND reversed_at IS NULL ORDER BY merged, created_at, id LIMIT 1",
            (order_id,),
        )
        return None if value is None else str(value)

    def collection_info(self, order_id: int) -> CollectionInfo | None:
        """Who collected the order (this till or another one, merged from its journal)."""
        row = self.conn.execute(
            "SELECT c.id, c.receipt_no, c.created_at, c.till_id, c.volunteer, c.till_uid,"
            " COALESCE(p.name, '') AS pickup FROM checkouts c"
            " LEFT JOIN pickup_points p ON p.id = c.pickup_point_id"
            " WHERE c.order_id = ? AND c.kind = 'collection' AND c.reversed_at IS NULL"
            " ORDER BY c.merged, c.created_at, c.id LIMIT 1",
            (order_id,),
        ).fetchone()
        if row is None:
            return None
        return CollectionInfo(
            row["id"], row["receipt_no"], row["created_at"], row["till_id"], row["volunteer"],
            row["pickup"], other_till=row["till_uid"] != self.store.till_uid,
        )  # fmt: skip

    def recent(self, *, session_id: str | None, till_id: str, limit: int = 50) -> list[Checkout]:
        """Latest checkouts of a session (or of this till without a session), newest first.

        Only this till's rows (``till_id``, the label, is kept for the callers; another till
        may share it)."""
        if session_id is None:
            rows = self.conn.execute(
                "SELECT * FROM checkouts WHERE till_uid = ? AND session_id IS NULL"
                " ORDER BY created_at DESC LIMIT ?",
                (self.store.till_uid, limit),
            )
        else:
            rows = self.conn.execute(
                "SELECT * FROM checkouts WHERE till_uid = ? AND (session_id = ? OR ("
                " session_id IS NULL AND created_at >= (SELECT opened_at FROM till_sessions"
                " WHERE id = ?))) ORDER BY created_at DESC LIMIT ?",
                (self.store.till_uid, session_id, session_id, limit),
            )
        return [self._checkout(r, details=False) for r in rows.fetchall()]

    def _checkout(self, row: sqlite3.Row, *, details: bool = True) -> Checkout:
        lines: tuple[CheckoutLine, ...] = ()
        payments: tuple[Payment, ...] = ()
        if details:
            lines = tuple(
                CheckoutLine(
                    product_name=r["product_name"],
                    variant_name=r["variant_name"],
                    quantity_ordered=r["quantity_ordered"],
                    quantity=r["quantity"],
                    unit_price=r["unit_price"],
                    amount=r["amount"],
                    status=r["status"],
                    line_item_id=r["line_item_id"],
                    variant_id=r["variant_id"],
                    producer_id=r["producer_id"],
                    final_weight=None if r["final_weight"] is None else Decimal(r["final_weight"]),
                )
                for r in self.conn.execute(
                    "SELECT * FROM checkout_lines WHERE checkout_id = ? ORDER BY id", (row["id"],)
                )
            )
            payments = tuple(
                Payment(
                    r["id"],
                    r["method"],
                    r["amount"],
                    r["tendered"],
                    r["change"],
                    r["reference"],
                    r["created_at"],
                )
                for r in self.conn.execute(
                    "SELECT * FROM payments WHERE checkout_id = ? ORDER BY created_at, rowid",
                    (row["id"],),
                )
            )
        return Checkout(
            id=row["id"], receipt_no=row["receipt_no"], kind=row["kind"],
            till_id=row["till_id"], volunteer=row["volunteer"], created_at=row["created_at"],
            currency=row["currency"], order_id=row["order_id"], reverses_id=row["reverses_id"],
            reversed_at=row["reversed_at"], session_id=row["session_id"],
            pickup_point_id=row["pickup_point_id"], goods_total=row["goods_total"],
            fees_total=row["fees_total"], credit_amount=row["credit_amount"],
            amount_due=row["amount_due"], amount_paid=row["amount_paid"],
            change_given=row["change_given"], left_owing=row["left_owing"], note=row["note"],
            lines=lines, payments=payments,
        )  # fmt: skip

    def walk_in_products(self, order_cycle_id: int | None) -> list[WalkInProduct]:
        """Distinct variants the order cycle sold (from its line items), by product name."""
        where, params = "", []
        if order_cycle_id is not None:
            where, params = "WHERE o.order_cycle_id = ?", [order_cycle_id]
        rows = self.conn.execute(
            "SELECT li.variant_id, li.producer_id, li.product_name, li.variant_name,"
            " MAX(li.unit_price) AS price FROM line_items li JOIN orders o ON o.id = li.order_id"
            f" {where} GROUP BY li.variant_id, li.producer_id, li.product_name, li.variant_name"
            " ORDER BY li.product_name, li.variant_name",
            params,
        )
        return [
            WalkInProduct(
                r["variant_id"], r["producer_id"], r["product_name"], r["variant_name"], r["price"]
            )
            for r in rows
        ]

    # status bar -----------------------------------------------------------------
    def pending_sync_count(self) -> int:
        """Orders whose desired state is not yet pushed to OFN."""
        return int(self.store.scalar("SELECT COUNT(*) FROM outbox WHERE status = 'pending'"))
