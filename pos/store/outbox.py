"""The sync side of the store: outbox, staff actions, sync runs and conflicts.

The checkout service writes ``outbox`` rows (the desired state per order, a
:class:`pos.domain.outbox.DesiredState`, docs/design.md rule 3); the pusher reads them and
records each outcome here with its staff actions and audit row. A result is only recorded if
the desired state did not change meanwhile (compare-and-set on ``changed_at``), so a
collection made during a push is never lost. A conflict's OFN copy goes to
:mod:`pos.store.conflicts`.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from pos import messages
from pos.domain.journal import DOUBLE_HANDOVER
from pos.domain.models import Order
from pos.domain.outbox import DesiredState, UnreadableDesiredState
from pos.store.conflicts import ConflictCopies
from pos.store.db import Store, utcnow
from pos.store.ingest import order_to_json

OPEN_STATUSES = ("pending", "failed")


def _kept(error: BaseException | dict[str, Any] | str) -> str:
    """``outbox.last_error``: a code and its parameters (``messages.stored``), worded where
    shown; text without a code (rows from before codes) as it is, cut to 500 characters."""
    return messages.stored(error[:500] if isinstance(error, str) else error)


SYNC_ACTOR = "sync"
SUPERSEDED = "sync: superseded"  # done_by of an action a later push no longer asks for

# A staff action's id is named by what it says (uuid5 of its content), not drawn at random:
# two tills, or a till and the hub office's copy, that list the same walk-in or the same
# payment to enter after a journal merge hold it under one id, and one "done" (the journal's
# staff_done event) closes it on every device, even one that lists it after the decision
# arrived. Otherwise each device kept its own copy open and staff could enter a sale twice.
_ACTION_IDS = uuid.UUID("5b0f2f0e-8c55-4c86-9a57-4e0d5f6f1a2b")


def action_id(action: StaffAction, order_id: int | None, nth: int = 0) -> str:
    """The id every device gives this action (``nth``: the same action asked for again in
    one push, counted from 0, so two identical lines stay two actions)."""
    key = json.dumps(
        [order_id, action.checkout_id, action.kind, action.amount, action.method,
         action.code or action.reason, action.params, nth],
        sort_keys=True, ensure_ascii=False, default=str,
    )  # fmt: skip
    return str(uuid.uuid5(_ACTION_IDS, key))


@dataclass(frozen=True, slots=True)
class OutboxItem:
    order_id: int
    number: str
    desired: DesiredState | None  # None: the stored row is unreadable (see ``problem``)
    status: str
    attempts: int
    changed_at: str
    local_total: int  # the order total as the till downloaded it
    local_payment_total: int
    local_state: str
    currency: str
    problem: UnreadableDesiredState | None = None  # why ``desired`` could not be read


@dataclass(frozen=True, slots=True)
class StaffAction:
    kind: str  # enter_payment | unpaid_handover | credit | walk_in | conflict | error
    # | pending_payment (void a payment OFN holds) | late_email (information only)
    reason: str
    amount: int | None = None
    method: str | None = None
    admin_url: str = ""
    order_id: int | None = None
    checkout_id: str | None = None
    code: str = ""  # what to say (pos.messages.STAFF), worded in the reader's language
    params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def coded(
        cls,
        kind: str,
        code: str,
        *,
        locale: str | None = None,
        amount: int | None = None,
        method: str | None = None,
        admin_url: str = "",
        order_id: int | None = None,
        checkout_id: str | None = None,
        **params: Any,
    ) -> StaffAction:
        """An action stored as ``code`` + ``params``; ``reason`` keeps its English."""
        reason = messages.word_staff(code, params, "", messages.SOURCE, locale=locale)
        return cls(
            kind, reason, amount, method, admin_url, order_id, checkout_id, code, dict(params)
        )


@dataclass(frozen=True, slots=True)
class StaffActionRow:
    id: str
    order_id: int | None
    order_number: str | None
    checkout_id: str | None
    kind: str
    reason: str
    amount: int | None
    method: str | None
    admin_url: str
    created_at: str
    done_at: str | None
    done_by: str | None
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def worded(self, language: str, *, locale: str | None = None) -> str:
        """What to do, in ``language``; a row from before codes as stored."""
        return messages.word_staff(self.code, self.params, self.reason, language, locale=locale)


@dataclass
class SyncStatus:
    """What the status bar and the CLI summary show."""

    outbox: dict[str, int] = field(default_factory=dict)
    open_staff_actions: int = 0
    last_ok_pull: str | None = None
    last_ok_push: str | None = None
    walk_ins_unlisted: int = 0

    @property
    def waiting(self) -> int:
        return sum(self.outbox.get(s, 0) for s in OPEN_STATUSES)

    @property
    def needs_staff(self) -> int:
        return self.outbox.get("needs_staff", 0) + self.outbox.get("conflict", 0)


class Outbox:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn: sqlite3.Connection = store.db.conn

    # reading ------------------------------------------------------------------
    def due(self, *, now: str | None = None, limit: int = 100_000) -> list[OutboxItem]:
        """Rows to push: pending, or failed and past their next attempt time."""
        now = now or utcnow()
        rows = self.conn.execute(
            "SELECT x.*, o.number, o.total, o.payment_total, o.state, o.currency FROM outbox x"
            " JOIN orders o ON o.id = x.order_id"
            " WHERE x.status = 'pending'"
            "    OR (x.status = 'failed' AND (x.next_attempt_at IS NULL OR x.next_attempt_at <= ?))"
            " ORDER BY x.changed_at, x.order_id LIMIT ?",
            (now, limit),
        ).fetchall()
        return [self._item(r) for r in rows]

    def get(self, order_id: int) -> OutboxItem | None:
        r = self.conn.execute(
            "SELECT x.*, o.number, o.total, o.payment_total, o.state, o.currency FROM outbox x"
            " JOIN orders o ON o.id = x.order_id WHERE x.order_id = ?",
            (order_id,),
        ).fetchone()
        return None if r is None else self._item(r)

    @staticmethod
    def _item(r: sqlite3.Row) -> OutboxItem:
        desired: DesiredState | None = None
        problem = None
        try:
            desired = DesiredState.from_json(r["desired"], r["currency"])
        except UnreadableDesiredState as exc:
            problem = exc
        return OutboxItem(
            order_id=r["order_id"], number=r["number"], desired=desired, status=r["status"],
            attempts=r["attempts"], changed_at=r["changed_at"], local_total=r["total"],
            local_payment_total=r["payment_total"], local_state=r["state"],
            currency=r["currency"], problem=problem,
        )  # fmt: skip

    def replace_desired(self, order_id: int, desired: DesiredState, *, status: str) -> None:
        """A new desired state decided by staff (inside the caller's transaction)."""
        self.conn.execute(
            "UPDATE outbox SET desired = ?, status = ?, changed_at = ?, last_error = '',"
            " next_attempt_at = NULL WHERE order_id = ?",
            (desired.to_json(), status, utcnow(), order_id),
        )

    def close_conflict_actions(self, order_id: int, actor: str) -> None:
        """The conflict's staff action is done: staff decided (inside the caller's
        transaction)."""
        self.conn.execute(
            "UPDATE staff_actions SET done_at = ?, done_by = ? WHERE order_id = ?"
            " AND kind = 'conflict' AND done_at IS NULL",
            (utcnow(), actor, order_id),
        )

    def note_capture_attempt(self, order_id: int, checkout_id: str, amount: int) -> None:
        """Written before ``PUT capture``: OFN may hold this payment from now on."""
        with self.store.transaction():
            self.store.audit(
                "sync.capture.attempt", entity="order", entity_id=str(order_id),
                actor=SYNC_ACTOR, role="system",
                details={"checkout_id": checkout_id, "amount": amount},
            )  # fmt: skip

    def captured_by_sync(self, order_id: int) -> int:
        """What sync may have captured in OFN for this order: once per collection tried."""
        rows = self.conn.execute(
            "SELECT details FROM audit_log WHERE entity = 'order' AND entity_id = ?"
            " AND action = 'sync.capture.attempt' ORDER BY id",
            (str(order_id),),
        ).fetchall()
        by_checkout: dict[str, int] = {}
        for r in rows:
            data = json.loads(r[0])
            amount = data.get("amount")
            if isinstance(amount, int):
                by_checkout[str(data.get("checkout_id"))] = amount
        return sum(by_checkout.values())

    def unpushed_order_ids(self) -> set[int]:
        """Orders whose local events are not pushed yet (pull must not overwrite them).

        ``needs_staff`` rows are pushed as far as the API allows; staff then edit the order
        in OFN as asked, and those edits are applied here like any other.
        """
        rows = self.conn.execute(
            "SELECT order_id FROM outbox WHERE status IN ('pending', 'failed', 'conflict')"
        )
        return {r[0] for r in rows}

    def status(self) -> SyncStatus:
        result = SyncStatus()
        for r in self.conn.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status"):
            result.outbox[r[0]] = r[1]
        result.open_staff_actions = int(
            self.conn.execute("SELECT COUNT(*) FROM staff_actions WHERE done_at IS NULL")
            .fetchone()[0]
        )  # fmt: skip
        result.walk_ins_unlisted = len(self.walk_ins_to_list()) + len(
            self.walk_in_reversals_to_list()
        )
        for kind in ("pull", "push"):
            at = self.conn.execute(
                "SELECT MAX(finished_at) FROM sync_runs WHERE kind = ? AND ok = 1", (kind,)
            ).fetchone()[0]
            setattr(result, f"last_ok_{kind}", at)
        return result

    # recording outcomes -------------------------------------------------------
    def record(
        self,
        item: OutboxItem,
        status: str,
        *,
        actions: Sequence[StaffAction] = (),
        error: BaseException | str = "",
        details: dict[str, Any] | None = None,
    ) -> bool:
        """Record the outcome of pushing ``item``; False if its desired state changed meanwhile.

        Open staff actions that sync made earlier for the order are superseded by ``actions``
        (an identical open one is kept, so re-runs never duplicate the staff list).
        """
        now = utcnow()
        with self.store.transaction():
            cur = self.conn.execute(
                "UPDATE outbox SET status = ?, last_error = ?, pushed_at = ?,"
                " attempts = attempts + 1, next_attempt_at = NULL"
                " WHERE order_id = ? AND changed_at = ?",
                (status, _kept(error), now, item.order_id, item.changed_at),
            )
            if cur.rowcount == 0:
                return False
            self._replace_actions(item.order_id, actions, now)
            self.store.audit(
                f"sync.push.{status}",
                entity="order",
                entity_id=str(item.order_id),
                actor=SYNC_ACTOR,
                role="system",
                details={"number": item.number, **(details or {}),
                         "staff_actions": [a.kind for a in actions]},
            )  # fmt: skip
        return True

    def record_failure(
        self, item: OutboxItem, error: BaseException | str, *, retry_in: float = 60.0
    ) -> bool:
        """A transient failure: keep the row due for a later run (``failed`` + backoff).

        A KnownError is kept as its code and parameters (worded where shown, in the reader's
        language); the audit log keeps the English."""
        delay = min(retry_in * (2 ** min(item.attempts, 6)), 3600.0)
        at = (datetime.now(UTC) + timedelta(seconds=delay)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        with self.store.transaction():
            cur = self.conn.execute(
                "UPDATE outbox SET status = 'failed', last_error = ?, attempts = attempts + 1,"
                " next_attempt_at = ? WHERE order_id = ? AND changed_at = ?",
                (_kept(error), at, item.order_id, item.changed_at),
            )
            if cur.rowcount:
                self.store.audit(
                    "sync.push.failed", entity="order", entity_id=str(item.order_id),
                    actor=SYNC_ACTOR, role="system",
                    details={"number": item.number, "error": str(error)[:500]},
                )  # fmt: skip
            return cur.rowcount > 0

    def retry_failed_now(self) -> None:
        """A person asked to sync now: failed rows are due at once."""
        with self.store.transaction():
            self.conn.execute("UPDATE outbox SET next_attempt_at = NULL WHERE status = 'failed'")

    def _replace_actions(self, order_id: int, actions: Sequence[StaffAction], now: str) -> None:
        # Push replaces only the actions push makes: a walk-in listing and a double hand-over
        # found by the journal merge (both receipts kept; staff decide) are not OFN's to settle.
        open_rows = self.conn.execute(
            "SELECT id, kind, amount, method, reason FROM staff_actions"
            " WHERE order_id = ? AND done_at IS NULL AND kind NOT IN ('walk_in', ?)",
            (order_id, DOUBLE_HANDOVER),
        ).fetchall()
        keep: set[str] = set()
        new: list[tuple[StaffAction, int]] = []
        seen: dict[str, int] = {}
        for action in actions:
            key = action_id(action, order_id)
            nth = seen[key] = seen.get(key, -1) + 1
            same = next(
                (
                    r for r in open_rows
                    if r["id"] not in keep and (r["kind"], r["amount"], r["method"], r["reason"])
                    == (action.kind, action.amount, action.method, action.reason)
                ),
                None,
            )  # fmt: skip
            if same is not None:
                keep.add(same["id"])
            else:
                new.append((action, nth))
        for r in open_rows:
            if r["id"] not in keep:
                self.conn.execute(
                    "UPDATE staff_actions SET done_at = ?, done_by = ? WHERE id = ?",
                    (now, SUPERSEDED, r["id"]),
                )
        for action, nth in new:
            self._insert_action(action, now, order_id=order_id, nth=nth)

    def _insert_action(
        self, a: StaffAction, now: str, *, order_id: int | None = None, nth: int = 0
    ) -> str:
        """List ``a`` under its content id: already listed (here, or merged as done from
        another device's decision) it stays as it is; superseded earlier, it is open again."""
        order_id = order_id if order_id is not None else a.order_id
        action_id_ = action_id(a, order_id, nth)
        row = self.conn.execute(
            "SELECT done_by FROM staff_actions WHERE id = ?", (action_id_,)
        ).fetchone()
        if row is not None:
            if row["done_by"] == SUPERSEDED:
                self.conn.execute(
                    "UPDATE staff_actions SET done_at = NULL, done_by = NULL, created_at = ?"
                    " WHERE id = ?",
                    (now, action_id_),
                )
            return action_id_
        done = self._decided_elsewhere(action_id_)
        self.conn.execute(
            "INSERT INTO staff_actions(id, order_id, checkout_id, kind, reason, amount, method,"
            " admin_url, created_at, reason_code, reason_params, done_at, done_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (action_id_, order_id, a.checkout_id, a.kind, a.reason, a.amount, a.method,
             a.admin_url, now, a.code, json.dumps(a.params, ensure_ascii=False),
             done[0] if done else None, done[1] if done else None),
        )  # fmt: skip
        return action_id_

    def _decided_elsewhere(self, action_id_: str) -> tuple[str, str] | None:
        """(done_at, done_by) of a staff decision on this action that the journal brought
        from another device before this one listed the action."""
        row = self.conn.execute(
            "SELECT json_extract(body, '$.done_at'), json_extract(body, '$.done_by')"
            " FROM journal_events WHERE kind = 'staff_done'"  # as the index says (schema V10)
            " AND json_extract(body, '$.action_id') = ? ORDER BY at LIMIT 1",
            (action_id_,),
        ).fetchone()
        return (str(row[0]), str(row[1])) if row is not None else None

    # walk-in sales ------------------------------------------------------------
    def walk_ins_to_list(self) -> list[sqlite3.Row]:
        """Live walk-in sales that have no staff action yet."""
        return self.conn.execute(
            "SELECT c.* FROM checkouts c WHERE c.kind = 'walk_in' AND c.reversed_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM staff_actions s WHERE s.checkout_id = c.id)"
            " ORDER BY c.created_at"
        ).fetchall()

    def walk_in_reversals_to_list(self) -> list[sqlite3.Row]:
        """Undos of walk-in sales that staff were already told about (so must hear of again)."""
        return self.conn.execute(
            "SELECT r.*, w.receipt_no AS original_receipt FROM checkouts r"
            " JOIN checkouts w ON w.id = r.reverses_id"
            " WHERE r.kind = 'reversal' AND w.kind = 'walk_in'"
            " AND EXISTS (SELECT 1 FROM staff_actions s WHERE s.checkout_id = w.id)"
            " AND NOT EXISTS (SELECT 1 FROM staff_actions s WHERE s.checkout_id = r.id)"
            " ORDER BY r.created_at"
        ).fetchall()

    def walk_in_details(self, checkout_id: str) -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
        lines = self.conn.execute(
            "SELECT * FROM checkout_lines WHERE checkout_id = ? ORDER BY id", (checkout_id,)
        ).fetchall()
        pays = self.conn.execute(
            "SELECT method, SUM(amount) AS amount FROM payments WHERE checkout_id = ?"
            " GROUP BY method ORDER BY method",
            (checkout_id,),
        ).fetchall()
        return lines, pays

    def add_walk_in_action(self, action: StaffAction) -> bool:
        """One staff action per walk-in sale, created once (checked in the same transaction)."""
        with self.store.transaction():
            exists = self.conn.execute(
                "SELECT 1 FROM staff_actions WHERE checkout_id = ?", (action.checkout_id,)
            ).fetchone()
            if exists:
                return False
            self._insert_action(action, utcnow())
            self.store.audit(
                "sync.walk_in.listed", entity="checkout", entity_id=action.checkout_id or "",
                actor=SYNC_ACTOR, role="system", details={"amount": action.amount},
            )  # fmt: skip
        return True

    # staff list ---------------------------------------------------------------
    def staff_actions(self, *, open_only: bool = True) -> list[StaffActionRow]:
        where = "WHERE s.done_at IS NULL" if open_only else ""
        rows = self.conn.execute(
            "SELECT s.*, o.number FROM staff_actions s LEFT JOIN orders o ON o.id = s.order_id"
            f" {where} ORDER BY s.created_at, s.id"
        ).fetchall()
        return [
            StaffActionRow(
                r["id"], r["order_id"], r["number"], r["checkout_id"], r["kind"], r["reason"],
                r["amount"], r["method"], r["admin_url"], r["created_at"], r["done_at"],
                r["done_by"], r["reason_code"], messages.stored_params(r["reason_params"]),
            )
            for r in rows
        ]  # fmt: skip

    # conflicts ----------------------------------------------------------------
    def record_conflict(self, remote: Order, reason: str | StaffAction, admin_url: str) -> bool:
        """OFN changed an order the till has unpushed events for: park it for staff.

        The OFN copy goes to ``conflict_copies`` (what accepting OFN's version applies) and,
        as evidence, to the audit log (``sync.conflict``); the local order row and the
        outbox desired state are left exactly as they are. Returns False when the same
        conflict was already recorded.
        """
        now = utcnow()
        order_id = remote.id
        action = (
            reason
            if isinstance(reason, StaffAction)
            else StaffAction("conflict", reason, admin_url=admin_url, order_id=order_id)
        )
        reason = action.reason  # the English, for the copy and the audit log
        with self.store.transaction():
            row = self.conn.execute(
                "SELECT status FROM outbox WHERE order_id = ?", (order_id,)
            ).fetchone()
            new_copy = ConflictCopies(self.store).save(remote, reason)
            if row is not None and row["status"] == "conflict" and not new_copy:
                return False
            if row is not None:
                said = {"code": action.code, "params": action.params} if action.code else reason
                self.conn.execute(
                    "UPDATE outbox SET status = 'conflict', last_error = ? WHERE order_id = ?",
                    (_kept(said), order_id),
                )
            self._replace_actions(
                order_id,
                [replace(action, admin_url=admin_url, order_id=order_id)],
                now,
            )
            self.store.audit(
                "sync.conflict", entity="order", entity_id=str(order_id), actor=SYNC_ACTOR,
                role="system", details={"reason": reason, "remote": order_to_json(remote)},
            )  # fmt: skip
        return True


class SyncRuns:
    """One row per pull or push; a pull's watermark is scoped to (server, hub, order cycle)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def start(self, kind: str, scope: dict[str, Any]) -> int:
        with self.store.transaction():
            cur = self.store.db.conn.execute(
                "INSERT INTO sync_runs(kind, started_at, summary) VALUES (?, ?, ?)",
                (kind, utcnow(), json.dumps({"scope": scope})),
            )
            return int(cur.lastrowid or 0)

    def finish(
        self, run_id: int, *, ok: bool, summary: dict[str, Any], watermark: str | None = None
    ) -> None:
        conn = self.store.db.conn
        with self.store.transaction():
            row = conn.execute("SELECT summary FROM sync_runs WHERE id = ?", (run_id,)).fetchone()
            data = json.loads(row[0]) if row else {}
            data.update(summary)
            conn.execute(
                "UPDATE sync_runs SET finished_at = ?, ok = ?, summary = ?, watermark = ?"
                " WHERE id = ?",
                (utcnow(), int(ok), json.dumps(data, ensure_ascii=False, default=str),
                 watermark, run_id),
            )  # fmt: skip

    def watermark(self, scope: dict[str, Any]) -> str | None:
        """The watermark of the last successful pull with the same scope."""
        rows = self.store.db.conn.execute(
            "SELECT summary, watermark FROM sync_runs WHERE kind = 'pull' AND ok = 1"
            " AND watermark IS NOT NULL ORDER BY id DESC LIMIT 50"
        ).fetchall()
        for r in rows:
            try:
                if json.loads(r[0]).get("scope") == scope:
                    return str(r[1])
            except ValueError:
                continue
        return None

    def last(self, kind: str) -> dict[str, Any] | None:
        row = self.store.db.conn.execute(
            "SELECT * FROM sync_runs WHERE kind = ? ORDER BY id DESC LIMIT 1", (kind,)
        ).fetchone()
        return None if row is None else dict(row)
