"""Till sessions, cash movements and the sums a close and a Z report need."""

from __future__ import annotations

import json

from pos.domain.till import CashMovement, MethodTotal, TillSession
from pos.store.db import Store
from pos.store.driver import sqlite3

# The journal (and the checkout modules beneath it) is imported by the writes that record
# in it: reading the till's state, which the window's first paint shows, does not load it.


class SessionAlreadyOpen(Exception):
    """The till already has an open session (the partial unique index said no)."""


def _session(row: sqlite3.Row) -> TillSession:
    return TillSession(
        id=row["id"], till_id=row["till_id"], number=row["number"], volunteer=row["volunteer"],
        opened_at=row["opened_at"], float_amount=row["float_amount"],
        pickup_point_id=row["pickup_point_id"], closed_at=row["closed_at"],
        closed_by=row["closed_by"], expected_cash=row["expected_cash"],
        counted_cash=row["counted_cash"], difference=row["difference"],
        close_note=row["close_note"],
    )  # fmt: skip


class TillRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # sessions -----------------------------------------------------------------
    def current(self, till_id: str = "") -> TillSession | None:
        """This till's open session (``till_id``, the label, is not needed: kept for callers)."""
        row = self.conn.execute(
            "SELECT * FROM till_sessions WHERE till_uid = ? AND closed_at IS NULL",
            (self.store.till_uid,),
        ).fetchone()
        return None if row is None else _session(row)

    def get(self, session_id: str) -> TillSession | None:
        row = self.conn.execute(
            "SELECT * FROM till_sessions WHERE id = ?", (session_id,)
        ).fetchone()
        return None if row is None else _session(row)

    def latest(self, till_id: str = "") -> TillSession | None:
        """This till's latest session."""
        row = self.conn.execute(
            "SELECT * FROM till_sessions WHERE till_uid = ? ORDER BY number DESC LIMIT 1",
            (self.store.till_uid,),
        ).fetchone()
        return None if row is None else _session(row)

    def insert(self, s: TillSession) -> None:
        """Write a new open session of this till (inside the caller's transaction), recorded
        in the journal."""
        try:
            self.conn.execute(
                "INSERT INTO till_sessions(id, till_id, number, pickup_point_id, volunteer,"
                " opened_at, float_amount, till_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (s.id, s.till_id, s.number, s.pickup_point_id, s.volunteer, s.opened_at,
                 s.float_amount, self.store.till_uid),
            )  # fmt: skip
        except sqlite3.IntegrityError as exc:
            raise SessionAlreadyOpen(str(exc)) from exc
        from pos.domain import journal
        from pos.store.journal import JournalRepository

        JournalRepository(self.store).record(
            journal.TILL_OPEN,
            {"id": s.id, "till_label": s.till_id, "number": s.number,
             "pickup_point_id": s.pickup_point_id, "volunteer": s.volunteer,
             "opened_at": s.opened_at, "float": s.float_amount},
            at=s.opened_at,
        )  # fmt: skip

    def next_number(self, till_id: str = "") -> int:
        """This till's next session number (per till_uid)."""
        value = self.store.scalar(
            "SELECT MAX(number) FROM till_sessions WHERE till_uid = ?", (self.store.till_uid,)
        )
        return int(value or 0) + 1

    def close(
        self,
        session_id: str,
        *,
        closed_at: str,
        closed_by: str,
        expected: int,
        counted: int,
        denominations: dict[int, int] | None,
        note: str,
    ) -> bool:
        counts = (
            None if denominations is None
            else {str(k): v for k, v in sorted(denominations.items())}
        )  # fmt: skip
        cur = self.conn.execute(
            "UPDATE till_sessions SET closed_at = ?, closed_by = ?, expected_cash = ?,"
            " counted_cash = ?, difference = ?, denominations = ?, close_note = ?"
            " WHERE id = ? AND closed_at IS NULL AND till_uid = ?",
            (
                closed_at, closed_by, expected, counted, counted - expected,
                None if counts is None else json.dumps(counts), note, session_id,
                self.store.till_uid,
            ),
        )  # fmt: skip
        if cur.rowcount != 1:
            return False
        from pos.domain import journal
        from pos.store.journal import JournalRepository

        JournalRepository(self.store).record(
            journal.TILL_CLOSE,
            {"session_id": session_id, "closed_at": closed_at, "closed_by": closed_by,
             "expected": expected, "counted": counted, "denominations": counts, "note": note},
            at=closed_at,
        )  # fmt: skip
        return True

    # cash ---------------------------------------------------------------------
    def add_movement(self, m: CashMovement) -> None:
        self.conn.execute(
            "INSERT INTO cash_movements(id, session_id, amount, reason, created_at, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (m.id, m.session_id, m.amount, m.reason, m.created_at, m.created_by),
        )
        from pos.domain import journal
        from pos.store.journal import JournalRepository

        JournalRepository(self.store).record(
            journal.CASH_MOVE,
            {"id": m.id, "session_id": m.session_id, "amount": m.amount, "reason": m.reason,
             "created_at": m.created_at, "created_by": m.created_by},
            at=m.created_at,
        )  # fmt: skip

    def movements(self, session_id: str) -> list[CashMovement]:
        rows = self.conn.execute(
            "SELECT * FROM cash_movements WHERE session_id = ? ORDER BY created_at", (session_id,)
        )
        return [
            CashMovement(
                r["id"], r["session_id"], r["amount"], r["reason"], r["created_at"], r["created_by"]
            )
            for r in rows
        ]

    def expected_cash(self, session_id: str) -> int:
        """Float + cash applied in the session (net of change and refunds) + cash moves."""
        value = self.store.scalar(
            "SELECT s.float_amount"
            " + COALESCE((SELECT SUM(p.amount) FROM payments p JOIN checkouts c"
            "   ON c.id = p.checkout_id WHERE c.session_id = s.id AND p.method = 'cash'), 0)"
            " + COALESCE((SELECT SUM(m.amount) FROM cash_movements m"
            "   WHERE m.session_id = s.id), 0)"
            " FROM till_sessions s WHERE s.id = ?",
            (session_id,),
        )
        return int(value or 0)

    def totals_by_method(self, session_id: str) -> list[MethodTotal]:
        rows = self.conn.execute(
            "SELECT p.method, SUM(p.amount) AS amount, COUNT(*) AS n FROM payments p"
            " JOIN checkouts c ON c.id = p.checkout_id WHERE c.session_id = ?"
            " GROUP BY p.method ORDER BY p.method",
            (session_id,),
        )
        return [MethodTotal(r["method"], r["amount"], r["n"]) for r in rows]

    def pickup_point_name(self, session_id: str) -> str:
        """The name of the pickup point the session served ("" when none)."""
        row = self.conn.execute(
            "SELECT p.name FROM till_sessions s JOIN pickup_points p ON p.id = s.pickup_point_id"
            " WHERE s.id = ?",
            (session_id,),
        ).fetchone()
        return str(row[0]) if row else ""

    def checkout_sums(self, session_id: str) -> dict[str, int]:
        """Counts by kind and money sums over the session's checkouts."""
        row = self.conn.execute(
            "SELECT"
            " COALESCE(SUM(kind = 'collection'), 0) AS collections,"
            " COALESCE(SUM(kind = 'walk_in'), 0) AS walk_ins,"
            " COALESCE(SUM(kind = 'reversal'), 0) AS reversals,"
            " COALESCE(SUM(goods_total), 0) AS goods_total,"
            " COALESCE(SUM(fees_total), 0) AS fees_total,"
            " COALESCE(SUM(left_owing), 0) AS left_owing,"
            " COALESCE(SUM(credit_amount), 0) AS credit_amount,"
            " COALESCE(SUM(amount_paid), 0) AS amount_paid"
            " FROM checkouts WHERE session_id = ?",
            (session_id,),
        ).fetchone()
        return {k: int(row[k]) for k in row.keys()}
