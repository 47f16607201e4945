"""Reconciliation queries: who collected, what money came in, what OFN still needs.

The rules for each figure:

* An order's status comes from its *live* collection (``kind='collection'`` and not
  reversed): collected, or partly collected when a line is ``short`` or ``missing``.
  Without one it is cancelled (OFN state ``canceled``), a no-show (a ``no_shows`` row) or
  not yet collected. A later collection wins over a no-show mark.
* Money expected = SUM(amount_due) of collections and walk-in sales; money recorded =
  SUM(payments.amount). Both are summed over *every* checkout row, reversals included,
  so a reversal nets out exactly as the contract says. Expected minus recorded is always
  left owing minus credit owed back, which the screen shows as the explanation.
* Orders are counted at their own pickup point; money is counted where it was taken
  (the checkout's pickup point, which is the till's), so each drawer balances.
* Walk-in sales and till sessions belong to no order cycle: they count from the cycle's
  ``opens_at`` on (all of them when the cycle has no opening time).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pos import messages
from pos.domain import journal
from pos.domain import reconcile as r
from pos.domain.timezones import zone as tz_zone
from pos.errors import KnownError
from pos.store.db import Store, utcnow
from pos.store.journal import JournalRepository

_ORDERS = """
SELECT o.id, o.number, o.customer_name, o.pickup_point_id, COALESCE(p.name, '') AS point_name,
       o.state, o.total, o.payment_total,
       c.id AS checkout_id, c.created_at, c.receipt_no, c.volunteer, c.till_id,
       c.goods_total + c.fees_total AS total_at_till, c.amount_due, c.amount_paid,
       c.left_owing, c.credit_amount,
       (SELECT COUNT(*) FROM checkout_lines cl
         WHERE cl.checkout_id = c.id AND cl.status IN ('short', 'missing')) AS short_lines,
       n.order_id AS no_show, n.reason AS no_show_reason,
       ob.status AS outbox_status, ob.last_error,
       COALESCE(sa.n_all, 0) AS actions_all, COALESCE(sa.n_open, 0) AS actions_open
FROM orders o
LEFT JOIN pickup_points p ON p.id = o.pickup_point_id
LEFT JOIN checkouts c
       ON c.order_id = o.id AND c.kind = 'collection' AND c.reversed_at IS NULL
      -- a double hand-over (two tills, docs/journal.md) shows once: this till's, else the first
      AND NOT EXISTS (SELECT 1 FROM checkouts c2 WHERE c2.order_id = c.order_id
                      AND c2.kind = 'collection' AND c2.reversed_at IS NULL
                      AND (c2.merged, c2.created_at, c2.id) < (c.merged, c.created_at, c.id))
LEFT JOIN no_shows n ON n.order_id = o.id
LEFT JOIN outbox ob ON ob.order_id = o.id
LEFT JOIN (SELECT order_id, COUNT(*) AS n_all, SUM(done_at IS NULL) AS n_open
             FROM staff_actions WHERE order_id IS NOT NULL GROUP BY order_id) sa
       ON sa.order_id = o.id
WHERE (:cycle IS NULL OR o.order_cycle_id = :cycle)
  AND (:point IS NULL OR o.pickup_point_id = :point)
ORDER BY o.customer_sort_name COLLATE NOCASE, o.number
"""

# Every checkout row with the order, pickup point and time it counts under. A reversal
# counts where and when the event it reverses counted.
_SCOPED_CHECKOUTS = """
WITH scoped AS (
  SELECT c.id, c.kind, c.session_id, c.amount_due, c.amount_paid, c.left_owing,
         c.credit_amount, c.reversed_at,
         COALESCE(orig.kind, c.kind) AS base_kind,
         COALESCE(c.order_id, orig.order_id) AS order_id,
         COALESCE(c.pickup_point_id, orig.pickup_point_id, o.pickup_point_id) AS point_id,
         COALESCE(orig.created_at, c.created_at) AS counted_at,
         o.order_cycle_id AS cycle_id
  FROM checkouts c
  LEFT JOIN checkouts orig ON orig.id = c.reverses_id
  LEFT JOIN orders o ON o.id = COALESCE(c.order_id, orig.order_id)
)
SELECT * FROM scoped
WHERE (:point IS NULL OR point_id = :point)
  AND (:cycle IS NULL
       OR (order_id IS NOT NULL AND cycle_id = :cycle)
       OR (order_id IS NULL AND (:since IS NULL OR counted_at >= :since)))
"""


class ReconcileQueries:
    """Read-only figures for one order cycle and one pickup point (``None``: all)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # scope --------------------------------------------------------------------
    def _params(self, cycle_id: int | None, point_id: int | None) -> dict[str, Any]:
        since = None
        if cycle_id is not None:
            since = self.store.scalar("SELECT opens_at FROM order_cycles WHERE id = ?", (cycle_id,))
        return {"cycle": cycle_id, "point": point_id, "since": since}

    # orders -------------------------------------------------------------------
    def orders(self, cycle_id: int | None, point_id: int | None = None) -> list[r.OrderLine]:
        rows = self.store.query(_ORDERS, self._params(cycle_id, point_id))
        return [_order_line(row) for row in rows]

    def counts(self, orders: list[r.OrderLine]) -> dict[str, int]:
        found = Counter(o.status for o in orders)
        return {status: found.get(status, 0) for status in r.STATUSES}

    # money --------------------------------------------------------------------
    def money(
        self, cycle_id: int | None, labels: Mapping[str, str], point_id: int | None = None
    ) -> r.MoneySummary:
        """Money for the scope; ``labels`` names each method code for the reader."""
        params = self._params(cycle_id, point_id)
        totals = self.store.query(
            "SELECT"
            " COALESCE(SUM(CASE WHEN base_kind = 'collection' THEN amount_due END), 0) AS orders,"
            " COALESCE(SUM(CASE WHEN base_kind = 'walk_in' THEN amount_due END), 0) AS walk_ins,"
            " COALESCE(SUM(left_owing), 0) AS left_owing,"
            " COALESCE(SUM(credit_amount), 0) AS credit,"
            " COUNT(CASE WHEN kind = 'walk_in' AND reversed_at IS NULL THEN 1 END) AS walk_in_n"
            f" FROM ({_SCOPED_CHECKOUTS})",
            params,
        )[0]
        by_method = tuple(
            r.MethodTotal(
                row["method"], labels.get(row["method"], row["method"]), row["n"], row["amount"]
            )
            for row in self.store.query(
                "SELECT p.method, COUNT(*) AS n, SUM(p.amount) AS amount"
                f" FROM payments p JOIN ({_SCOPED_CHECKOUTS}) s ON s.id = p.checkout_id"
                " GROUP BY p.method ORDER BY p.method = 'cash' DESC, p.method",
                params,
            )
        )
        return r.MoneySummary(
            expected_orders=totals["orders"],
            expected_walk_ins=totals["walk_ins"],
            recorded=sum(m.amount for m in by_method),
            left_owing=totals["left_owing"],
            credit_owed=totals["credit"],
            walk_in_count=totals["walk_in_n"],
            by_method=by_method,
        )

    # till sessions ------------------------------------------------------------
    def sessions(
        self, cycle_id: int | None, point_id: int | None = None
    ) -> list[r.TillSessionLine]:
        params = self._params(cycle_id, point_id)
        rows = self.store.query(
            """
            SELECT s.*, COALESCE(p.name, '') AS point_name,
              (SELECT COALESCE(SUM(pay.amount), 0) FROM payments pay
                 JOIN checkouts c ON c.id = pay.checkout_id
                WHERE c.session_id = s.id AND pay.method = 'cash') AS cash_payments,
              (SELECT COALESCE(SUM(m.amount), 0) FROM cash_movements m
                WHERE m.session_id = s.id) AS movements
            FROM till_sessions s LEFT JOIN pickup_points p ON p.id = s.pickup_point_id
            WHERE (:point IS NULL OR s.pickup_point_id = :point)
              AND (:since IS NULL OR s.opened_at >= :since OR s.closed_at IS NULL
                   OR s.closed_at >= :since)
            ORDER BY s.opened_at, s.till_id, s.number
            """,
            params,
        )
        result = []
        for row in rows:
            expected = row["float_amount"] + row["cash_payments"] + row["movements"]
            counted = row["counted_cash"]
            result.append(
                r.TillSessionLine(
                    id=row["id"],
                    till_id=row["till_id"],
                    number=row["number"],
                    volunteer=row["volunteer"],
                    pickup_point_id=row["pickup_point_id"],
                    pickup_point_name=row["point_name"],
                    opened_at=row["opened_at"],
                    closed_at=row["closed_at"],
                    float_amount=row["float_amount"],
                    cash_payments=row["cash_payments"],
                    cash_movements=row["movements"],
                    expected_cash=expected,
                    counted_cash=counted,
                    difference=None if counted is None else counted - expected,
                    close_note=row["close_note"] or "",
                    till_uid=row["till_uid"],
                )
            )
        return result

    # the OFN to-do list -------------------------------------------------------
    def staff_actions(
        self, cycle_id: int | None, point_id: int | None = None, *, open_only: bool = False
    ) -> list[r.StaffActionLine]:
        params = self._params(cycle_id, point_id)
        params["open_only"] = 1 if open_only else 0
        rows = self.store.query(
            """
            SELECT a.*, COALESCE(o.number, c.receipt_no, '') AS order_number,
                   COALESCE(o.customer_name, '') AS customer_name,
                   COALESCE(o.pickup_point_id, c.pickup_point_id) AS point_id,
                   o.order_cycle_id AS cycle_id
            FROM staff_actions a
            LEFT JOIN orders o ON o.id = a.order_id
            LEFT JOIN checkouts c ON c.id = a.checkout_id
            WHERE (:open_only = 0 OR a.done_at IS NULL)
              AND (:point IS NULL OR COALESCE(o.pickup_point_id, c.pickup_point_id) = :point)
              AND (:cycle IS NULL
                   OR (a.order_id IS NOT NULL AND o.order_cycle_id = :cycle)
                   OR (a.order_id IS NULL AND (:since IS NULL OR a.created_at >= :since)))
            ORDER BY a.done_at IS NOT NULL, a.created_at, a.id
            """,
            params,
        )
        return [
            r.StaffActionLine(
                id=row["id"],
                order_id=row["order_id"],
                order_number=row["order_number"],
                customer_name=row["customer_name"],
                checkout_id=row["checkout_id"],
                kind=row["kind"],
                reason=row["reason"],
                amount=row["amount"],
                method=row["method"],
                admin_url=row["admin_url"],
                created_at=row["created_at"],
                done_at=row["done_at"],
                done_by=row["done_by"],
                pickup_point_id=row["point_id"],
                code=row["reason_code"],
                params=messages.stored_params(row["reason_params"]),
            )
            for row in rows
        ]

    # charts -------------------------------------------------------------------
    def half_hours(self, orders: list[r.OrderLine], timezone: str) -> list[tuple[str, int]]:
        """Collections per half hour of the hub's local time, from first to last."""
        zone = tz_zone(timezone)
        slots: Counter[datetime] = Counter()
        for order in orders:
            if not order.collected_at:
                continue
            when = datetime.fromisoformat(order.collected_at.replace("Z", "+00:00"))
            local = when.astimezone(zone)
            slots[
                local.replace(minute=30 if local.minute >= 30 else 0, second=0, microsecond=0)
            ] += 1
        if not slots:
            return []
        first, last = min(slots), max(slots)
        result = []
        slot = first
        from datetime import timedelta

        while slot <= last:
            result.append((slot.strftime("%H:%M"), slots.get(slot, 0)))
            slot = (slot.astimezone(UTC) + timedelta(minutes=30)).astimezone(zone)
        return result

    # writes -------------------------------------------------------------------
    def mark_no_show(
        self, order_id: int, reason: str, *, actor: str, till_id: str = "", role: str = "staff"
    ) -> None:
        """Record that the order was not collected today (audited). Collecting later still works."""
        row = self._order_row(order_id)
        if self._live_collection(order_id):
            raise KnownError("reconcile.no_show_collected", number=row["number"])
        if row["state"] == "canceled":
            raise KnownError("reconcile.no_show_cancelled", number=row["number"])
        with self.store.transaction():
            before = self.store.query("SELECT reason FROM no_shows WHERE order_id = ?", (order_id,))
            marked_at = utcnow()
            self.store.db.conn.execute(
                "INSERT INTO no_shows(order_id, marked_at, marked_by, reason) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(order_id) DO UPDATE SET marked_at = excluded.marked_at,"
                " marked_by = excluded.marked_by, reason = excluded.reason",
                (order_id, marked_at, actor, reason.strip()),
            )
            JournalRepository(self.store).record(  # the reason stays here (privacy purge)
                journal.NO_SHOW,
                {"order_id": order_id, "order_number": row["number"], "marked_at": marked_at,
                 "marked_by": actor},
                at=marked_at,
            )  # fmt: skip
            details: dict[str, Any] = {"number": row["number"], "reason": reason.strip()}
            if before:
                details["previous_reason"] = before[0]["reason"]
            self.store.audit(
                "reconcile.no_show",
                entity="order",
                entity_id=str(order_id),
                actor=actor,
                role=role,
                till_id=till_id,
                details=details,
            )

    def clear_no_show(
        self, order_id: int, *, actor: str, till_id: str = "", role: str = "staff"
    ) -> bool:
        row = self._order_row(order_id)
        with self.store.transaction():
            found = self.store.query(
                "SELECT reason, marked_at FROM no_shows WHERE order_id = ?", (order_id,)
            )
            if not found:
                return False
            self.store.db.conn.execute("DELETE FROM no_shows WHERE order_id = ?", (order_id,))
            JournalRepository(self.store).record(
                journal.NO_SHOW,
                {"order_id": order_id, "order_number": row["number"], "cleared": True,
                 "marked_at": found[0]["marked_at"], "cleared_by": actor},
            )  # fmt: skip
            self.store.audit(
                "reconcile.no_show_cleared",
                entity="order",
                entity_id=str(order_id),
                actor=actor,
                role=role,
                till_id=till_id,
                details={"number": row["number"], "reason": found[0]["reason"]},
            )
        return True

    def mark_action_done(
        self, action_id: str, *, actor: str, till_id: str = "", role: str = "staff"
    ) -> bool:
        """Staff entered this in OFN: close it (audited). False when it was already done."""
        with self.store.transaction():
            rows = self.store.query("SELECT * FROM staff_actions WHERE id = ?", (action_id,))
            if not rows:
                raise KnownError("reconcile.action_missing")
            action = rows[0]
            if action["done_at"] is not None:
                return False
            now = utcnow()
            self.store.db.conn.execute(
                "UPDATE staff_actions SET done_at = ?, done_by = ? WHERE id = ?",
                (now, actor, action_id),
            )
            JournalRepository(self.store).record(
                journal.STAFF_DONE,
                {"action_id": action_id, "kind": action["kind"], "order_id": action["order_id"],
                 "done_at": now, "done_by": actor},
                at=now,
            )  # fmt: skip
            self.store.audit(
                "staff_action.done",  # the same name as pos.store.outbox uses
                entity="staff_action",
                entity_id=action_id,
                actor=actor,
                role=role,
                till_id=till_id,
                details={
                    "kind": action["kind"],
                    "order_id": action["order_id"],
                    "amount": action["amount"],
                    "method": action["method"],
                    "reason": action["reason"],
                },
            )
        return True

    # helpers ------------------------------------------------------------------
    def _order_row(self, order_id: int) -> sqlite3.Row:
        rows = self.store.query("SELECT id, number, state FROM orders WHERE id = ?", (order_id,))
        if not rows:
            raise KnownError("reconcile.order_missing", order=order_id)
        return rows[0]

    def _live_collection(self, order_id: int) -> bool:
        return bool(
            self.store.scalar(
                "SELECT 1 FROM checkouts WHERE order_id = ? AND kind = 'collection'"
                " AND reversed_at IS NULL",
                (order_id,),
            )
        )


def _sync_status(row: sqlite3.Row) -> str:
    status = row["outbox_status"]
    open_actions, all_actions = row["actions_open"], row["actions_all"]
    if status == "conflict":
        return r.SYNC_CONFLICT
    if open_actions:
        return r.SYNC_STAFF
    if status == "needs_staff":
        return r.SYNC_STAFF_DONE if all_actions else r.SYNC_STAFF
    if status == "done":
        return r.SYNC_STAFF_DONE if all_actions else r.SYNC_DONE
    if status in ("pending", "failed"):
        return r.SYNC_WAITING
    return r.SYNC_NONE


def _order_line(row: sqlite3.Row) -> r.OrderLine:
    if row["checkout_id"] is not None:
        status = r.PARTLY if row["short_lines"] else r.COLLECTED
    elif row["state"] == "canceled":
        status = r.CANCELLED
    elif row["no_show"] is not None:
        status = r.NO_SHOW
    else:
        status = r.NOT_COLLECTED
    collected = row["checkout_id"] is not None
    return r.OrderLine(
        order_id=row["id"],
        number=row["number"],
        customer_name=row["customer_name"],
        pickup_point_id=row["pickup_point_id"],
        pickup_point_name=row["point_name"],
        status=status,
        order_total=row["total"],
        paid_online=row["payment_total"],
        collected_at=row["created_at"] if collected else None,
        receipt_no=row["receipt_no"] or "",
        volunteer=row["volunteer"] or "",
        till_id=row["till_id"] or "",
        total_at_till=row["total_at_till"] or 0,
        amount_due=row["amount_due"] or 0,
        amount_paid=row["amount_paid"] or 0,
        left_owing=row["left_owing"] or 0,
        credit_amount=row["credit_amount"] or 0,
        short_lines=row["short_lines"] or 0,
        no_show_reason=row["no_show_reason"] or "",
        sync_status=_sync_status(row),
        sync_error=row["last_error"] or "",
    )
