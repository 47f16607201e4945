"""The OFN copy of each conflicted order, kept until staff decide (table ``conflict_copies``).

Sync writes the copy when OFN changed an order the till has unpushed events for; accepting
OFN's version applies it to the local order. The audit log records the same event as
evidence but is never read back for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.models import Order
from pos.store.db import Store, utcnow
from pos.store.ingest import order_from_json, order_to_json


@dataclass(frozen=True, slots=True)
class ConflictCopy:
    order_id: int
    detected_at: str
    reason: str
    remote: Order  # the order as OFN had it when the conflict was found
    resolved_at: str | None
    resolved_by: str | None
    kept_local: bool | None  # None while open

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class ConflictCopies:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    def save(self, remote: Order, reason: str) -> bool:
        """Keep OFN's copy as the open conflict of its order (inside the caller's
        transaction); False when the same copy is already the open one."""
        text = order_to_json(remote)
        row = self.conn.execute(
            "SELECT remote FROM conflict_copies WHERE order_id = ? AND resolved_at IS NULL",
            (remote.id,),
        ).fetchone()
        if row is not None and row["remote"] == text:
            return False
        self.conn.execute(
            "INSERT INTO conflict_copies(order_id, detected_at, reason, remote)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(order_id) DO UPDATE SET"
            " detected_at = excluded.detected_at, reason = excluded.reason,"
            " remote = excluded.remote, resolved_at = NULL, resolved_by = NULL,"
            " kept_local = NULL",
            (remote.id, utcnow(), reason[:500], text),
        )
        return True

    def get(self, order_id: int) -> ConflictCopy | None:
        row = self.conn.execute(
            "SELECT * FROM conflict_copies WHERE order_id = ?", (order_id,)
        ).fetchone()
        if row is None:
            return None
        kept = row["kept_local"]
        return ConflictCopy(
            order_id=row["order_id"], detected_at=row["detected_at"], reason=row["reason"],
            remote=order_from_json(row["remote"]), resolved_at=row["resolved_at"],
            resolved_by=row["resolved_by"], kept_local=None if kept is None else bool(kept),
        )  # fmt: skip

    def mark_resolved(self, order_id: int, *, actor: str, kept_local: bool) -> None:
        """Staff decided (inside the caller's transaction)."""
        self.conn.execute(
            "UPDATE conflict_copies SET resolved_at = ?, resolved_by = ?, kept_local = ?"
            " WHERE order_id = ? AND resolved_at IS NULL",
            (utcnow(), actor, int(kept_local), order_id),
        )
