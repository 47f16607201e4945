"""The shared journal's tables: events recorded, written, merged; tills seen; files held.

Local events are recorded by :meth:`JournalRepository.record` inside the transaction that
makes them (the checkout, the till session, the no-show...), so a crash never loses one;
the journal service writes their files after the commit. Remote events are kept here once
verified and applied by :meth:`JournalRepository.apply`: each becomes rows of its own till
(``till_uid``, ``checkouts.merged = 1``) and never changes a row of this till. Rules and
reasons: docs/journal.md.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from pos import messages
from pos.domain import journal as j
from pos.domain import settings as s
from pos.store.checkouts import CheckoutRepository
from pos.store.db import Store, utcnow
from pos.store.driver import sqlite3

_DOUBLE_HANDOVER_IDS = uuid.UUID("5b0c1e53-6a57-4d0e-9d56-1f0a8c7e2b11")


class Waiting(Exception):
    """An event that needs a row this database does not have yet (``code``: why)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class Applied:
    """What applying a remote event changed that the service must follow up."""

    order_id: int | None = None  # the order whose outbox follows (a collection, a reversal)
    conflict: bool = False  # a double hand-over was found


def held_name(till_uid: str, seq: int) -> str:
    return f"{till_uid}/{j.file_name(seq)}"


class JournalRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # local events -----------------------------------------------------------------
    def record(self, kind: str, event: dict[str, Any], *, at: str | None = None) -> int:
        """Record a local event (call inside the transaction that makes it); its seq."""
        seq = int(
            self.store.scalar(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM journal_events WHERE till_uid = ?",
                (self.store.till_uid,),
            )
        )
        self.conn.execute(
            "INSERT INTO journal_events(till_uid, seq, kind, at, body) VALUES (?, ?, ?, ?, ?)",
            (self.store.till_uid, seq, kind, at or utcnow(), _dump(event)),
        )
        return seq

    def unwritten(self, limit: int = 500) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT seq, kind, at, body FROM journal_events WHERE till_uid = ?"
            " AND written_at IS NULL ORDER BY seq LIMIT ?",
            (self.store.till_uid, limit),
        ).fetchall()

    def unwritten_count(self) -> int:
        return int(
            self.store.scalar(
                "SELECT COUNT(*) FROM journal_events WHERE till_uid = ? AND written_at IS NULL",
                (self.store.till_uid,),
            )
        )

    def mark_written(self, seqs: list[int], at: str) -> None:
        if not seqs:
            return
        with self.store.transaction():
            self.conn.executemany(
                "UPDATE journal_events SET written_at = ? WHERE till_uid = ? AND seq = ?",
                [(at, self.store.till_uid, seq) for seq in seqs],
            )

    def renumber_unwritten(self, first: int, new_first: int) -> None:
        """Move the unwritten events numbered from ``first`` to start at ``new_first`` (their
        numbers were taken by files this database no longer knows: a restored backup)."""
        shift = new_first - first
        with self.store.transaction():
            for sign in (-1, 1):  # through negative numbers: no clash while rows move
                self.conn.execute(
                    "UPDATE journal_events SET seq = ? * (CASE WHEN seq < 0 THEN -seq"
                    " ELSE seq + ? END) WHERE till_uid = ? AND written_at IS NULL"
                    " AND (seq >= ? OR seq < 0)",
                    (sign, shift if sign < 0 else 0, self.store.till_uid, first),
                )

    def unwrite_all(self) -> int:
        """Every local event is to be written again (a new passphrase signs them anew)."""
        with self.store.transaction():
            cur = self.conn.execute(
                "UPDATE journal_events SET written_at = NULL WHERE till_uid = ?"
                " AND written_at IS NOT NULL",
                (self.store.till_uid,),
            )
        return cur.rowcount

    def last_written_at(self) -> str | None:
        value = self.store.scalar(
            "SELECT MAX(written_at) FROM journal_events WHERE till_uid = ?", (self.store.till_uid,)
        )
        return None if value is None else str(value)

    def last_merged_at(self) -> str | None:
        value = self.store.scalar("SELECT MAX(merged_at) FROM journal_events")
        return None if value is None else str(value)

    # remote events ----------------------------------------------------------------
    def known_seqs(self, till_uid: str) -> set[int]:
        """Events of that till this database has (merged or waiting)."""
        rows = self.conn.execute("SELECT seq FROM journal_events WHERE till_uid = ?", (till_uid,))
        return {int(r[0]) for r in rows}

    def keep(self, event: j.JournalEvent) -> bool:
        """Keep a verified remote event until it is applied; False if it was already here."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO journal_events(till_uid, seq, kind, at, body)"
            " VALUES (?, ?, ?, ?, ?)",
            (event.till, event.seq, event.kind, event.at, _dump(event.event)),
        )
        if cur.rowcount:
            self.conn.execute(
                "INSERT INTO journal_tills(till_uid, label, last_seq, last_event_at,"
                " last_seen_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(till_uid) DO UPDATE SET"
                " label = CASE WHEN excluded.last_seq >= last_seq THEN excluded.label"
                " ELSE label END,"
                " last_event_at = CASE WHEN excluded.last_seq >= last_seq"
                " THEN excluded.last_event_at ELSE last_event_at END,"
                " last_seq = MAX(last_seq, excluded.last_seq),"
                " last_seen_at = excluded.last_seen_at",
                (event.till, event.label, event.seq, event.at, utcnow()),
            )
        return bool(cur.rowcount)

    def recover(self, event: j.JournalEvent, at: str) -> None:
        """Keep one of this till's own events found in the folder but not in the database
        (a backup was restored): its file is written, and it is applied like a merge."""
        self.conn.execute(
            "INSERT OR IGNORE INTO journal_events(till_uid, seq, kind, at, body, written_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (event.till, event.seq, event.kind, event.at, _dump(event.event), at),
        )

    def waiting(self) -> list[j.JournalEvent]:
        """Remote events kept but not applied yet, each till's in sequence order."""
        rows = self.conn.execute(
            "SELECT e.till_uid, e.seq, e.kind, e.at, e.body, COALESCE(t.label, '') AS label"
            " FROM journal_events e LEFT JOIN journal_tills t ON t.till_uid = e.till_uid"
            " WHERE e.merged_at IS NULL AND e.till_uid != ? ORDER BY e.till_uid, e.seq",
            (self.store.till_uid,),
        ).fetchall()
        return [
            j.JournalEvent(r["till_uid"], r["label"], r["seq"], r["kind"], r["at"],
                           json.loads(r["body"]))
            for r in rows
        ]  # fmt: skip

    def mark_merged(self, till_uid: str, seq: int, at: str) -> None:
        self.conn.execute(
            "UPDATE journal_events SET merged_at = ? WHERE till_uid = ? AND seq = ?",
            (at, till_uid, seq),
        )

    def last_seen(self, till_uid: str) -> str | None:
        """When this till's folder was last read here (UTC, as stored), if ever."""
        row = self.conn.execute(
            "SELECT last_seen_at FROM journal_tills WHERE till_uid = ?", (till_uid,)
        ).fetchone()
        return None if row is None else row[0]

    def seen(self, till_uid: str, at: str) -> None:
        self.conn.execute(
            "UPDATE journal_tills SET last_seen_at = ? WHERE till_uid = ?", (at, till_uid)
        )

    def tills(self) -> list[j.TillSeen]:
        mine = self.conn.execute(
            "SELECT MAX(seq), MAX(at) FROM journal_events WHERE till_uid = ?",
            (self.store.till_uid,),
        ).fetchone()
        result = [
            j.TillSeen(
                self.store.till_uid, self.store.settings.get(s.TILL_LABEL), int(mine[0] or 0),
                mine[1], self.last_written_at(), this_till=True,
            )
        ]  # fmt: skip
        rows = self.conn.execute(
            "SELECT * FROM journal_tills WHERE till_uid != ? ORDER BY label, till_uid",
            (self.store.till_uid,),
        )
        result += [
            j.TillSeen(r["till_uid"], r["label"], r["last_seq"], r["last_event_at"],
                       r["last_seen_at"])
            for r in rows
        ]  # fmt: skip
        return result

    # held files and events ----------------------------------------------------------
    def hold(self, name: str, till_uid: str | None, seq: int | None, code: str) -> bool:
        """Keep a file or event aside (the reason updated); True the first time."""
        cur = self.conn.execute(
            "INSERT INTO journal_held(name, till_uid, seq, reason_code, first_seen_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
            " reason_code = excluded.reason_code,"
            " reported = CASE WHEN reason_code = excluded.reason_code THEN reported ELSE 0 END"
            " RETURNING first_seen_at = ?",
            (name, till_uid, seq, code, now := utcnow(), now),
        )
        row = cur.fetchone()
        return bool(row and row[0])

    def release(self, name: str) -> None:
        self.conn.execute("DELETE FROM journal_held WHERE name = ?", (name,))

    def held(self) -> list[j.HeldFile]:
        rows = self.conn.execute("SELECT * FROM journal_held ORDER BY first_seen_at, name")
        return [
            j.HeldFile(r["name"], r["till_uid"], r["seq"], r["reason_code"], r["first_seen_at"],
                       bool(r["reported"]))
            for r in rows
        ]  # fmt: skip

    def take_unreported(self) -> list[j.HeldFile]:
        with self.store.transaction():
            rows = [h for h in self.held() if not h.reported]
            self.conn.execute("UPDATE journal_held SET reported = 1 WHERE reported = 0")
        return rows

    # applying a remote event (inside the caller's transaction) ---------------------------
    def apply(self, ev: j.JournalEvent) -> Applied:
        """Make the event rows of its till here; raise :class:`Waiting` when a row it needs
        (its order, session, the checkout it reverses) is not here yet, KeyError/TypeError/
        ValueError on a body that does not fit its kind."""
        e = ev.event
        if ev.kind in (j.CHECKOUT, j.REVERSAL):
            return self._apply_checkout(ev)
        if ev.kind == j.TILL_OPEN:
            self._need("pickup_points", e.get("pickup_point_id"), "journal.waiting_for_pull")
            self.conn.execute(
                "INSERT OR IGNORE INTO till_sessions(id, till_id, number, pickup_point_id,"
                " volunteer, opened_at, float_amount, till_uid) VALUES (?,?,?,?,?,?,?,?)",
                (str(e["id"]), str(e["till_label"]), int(e["number"]), e.get("pickup_point_id"),
                 str(e["volunteer"]), str(e["opened_at"]), int(e["float"]), ev.till),
            )  # fmt: skip
        elif ev.kind == j.CASH_MOVE:
            self._need_session(ev, str(e["session_id"]))
            self.conn.execute(
                "INSERT OR IGNORE INTO cash_movements(id, session_id, amount, reason, created_at,"
                " created_by) VALUES (?, ?, ?, ?, ?, ?)",
                (str(e["id"]), str(e["session_id"]), int(e["amount"]), str(e["reason"]),
                 str(e["created_at"]), str(e["created_by"])),
            )  # fmt: skip
        elif ev.kind == j.TILL_CLOSE:
            self._need_session(ev, str(e["session_id"]))
            counts = e.get("denominations")
            self.conn.execute(
                "UPDATE till_sessions SET closed_at = ?, closed_by = ?, expected_cash = ?,"
                " counted_cash = ?, difference = ?, denominations = ?, close_note = ?"
                " WHERE id = ? AND till_uid = ? AND closed_at IS NULL",
                (str(e["closed_at"]), str(e["closed_by"]), int(e["expected"]),
                 int(e["counted"]), int(e["counted"]) - int(e["expected"]),
                 None if counts is None else json.dumps(counts, sort_keys=True),
                 str(e.get("note") or ""), str(e["session_id"]), ev.till),
            )  # fmt: skip
        elif ev.kind == j.NO_SHOW:
            order_id = int(e["order_id"])
            self._need("orders", order_id, "journal.order_missing")
            if e.get("cleared"):
                self.conn.execute(
                    "DELETE FROM no_shows WHERE order_id = ? AND marked_at = ?",
                    (order_id, str(e["marked_at"])),
                )
            else:
                self.conn.execute(
                    "INSERT OR IGNORE INTO no_shows(order_id, marked_at, marked_by, reason)"
                    " VALUES (?, ?, ?, '')",
                    (order_id, str(e["marked_at"]), str(e["marked_by"])),
                )
        elif ev.kind == j.STAFF_DONE:
            if e.get("action_id"):
                self.conn.execute(
                    "UPDATE staff_actions SET done_at = ?, done_by = ? WHERE id = ?"
                    " AND done_at IS NULL",
                    (str(e["done_at"]), str(e["done_by"]), str(e["action_id"])),
                )
        else:  # pragma: no cover - read() refuses unknown kinds
            raise ValueError(ev.kind)
        return Applied()

    def _apply_checkout(self, ev: j.JournalEvent) -> Applied:
        c = j.checkout_of(ev.event)
        repo = CheckoutRepository(self.store)
        if repo.exists(c.id):
            return Applied()
        self._need("orders", c.order_id, "journal.order_missing")
        for line in c.lines:
            self._need("line_items", line.line_item_id, "journal.order_missing")
            self._need("producers", line.producer_id, "journal.waiting_for_pull")
        self._need("pickup_points", c.pickup_point_id, "journal.waiting_for_pull")
        if c.session_id is not None:
            self._need_session(ev, c.session_id)
        self._need("checkouts", c.reverses_id, "journal.waiting_for_event")
        repo.insert(c, merged_from=ev.till)
        if c.reverses_id is not None:
            repo.mark_reversed(c.reverses_id, c.created_at)
            original = repo.get(c.reverses_id)
            order_id = original.order_id if original else None
            if order_id is not None:
                self._settle_double_handover(order_id)
            return Applied(order_id=order_id)
        if c.kind != "collection" or c.order_id is None:
            return Applied()
        return Applied(order_id=c.order_id, conflict=self._double_handover(c.order_id, c.id, ev))

    def _double_handover(self, order_id: int, checkout_id: str, ev: j.JournalEvent) -> bool:
        """Another till's live collection of the same order: both kept, staff decide.

        The action is the same whatever order the two events arrive in (an id from the pair,
        and: this till's own hand-over is ``local``, the merged one ``remote``; between two
        merged ones, as on the staff copy, the earlier is ``local``)."""
        columns = "id, receipt_no, till_id, merged, created_at"
        other = self.conn.execute(
            f"SELECT {columns} FROM checkouts WHERE order_id = ? AND kind = 'collection'"
            " AND reversed_at IS NULL AND till_uid != ? AND id != ?"
            " ORDER BY merged, created_at, id LIMIT 1",
            (order_id, ev.till, checkout_id),
        ).fetchone()
        if other is None:
            return False
        this = self.conn.execute(
            f"SELECT {columns} FROM checkouts WHERE id = ?", (checkout_id,)
        ).fetchone()
        first, second = sorted((other, this), key=lambda r: (r["merged"], r["created_at"], r["id"]))
        number = self.store.scalar("SELECT number FROM orders WHERE id = ?", (order_id,))
        params = {"local": first["receipt_no"], "remote": second["receipt_no"],
                  "till": second["till_id"], "number": number}  # fmt: skip
        # the id from the two checkouts alone, so that it is the same on every till and the
        # staff copy (which is "local" differs per device): a staff decision (staff_done,
        # by action id) must close it everywhere
        pair = "|".join(sorted((first["id"], second["id"])))
        action_id = str(uuid.uuid5(_DOUBLE_HANDOVER_IDS, f"{order_id}|{pair}"))
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO staff_actions(id, order_id, checkout_id, kind, reason,"
            " created_at, reason_code, reason_params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (action_id, order_id, second["id"], j.DOUBLE_HANDOVER,
             messages.word("journal.double_handover", params, messages.SOURCE), utcnow(),
             "journal.double_handover", json.dumps(params, ensure_ascii=False)),
        )  # fmt: skip
        return bool(cur.rowcount)

    def _settle_double_handover(self, order_id: int) -> None:
        """One of the two hand-overs was undone: the conflict is settled by that undo."""
        live = self.store.scalar(
            "SELECT COUNT(*) FROM checkouts WHERE order_id = ? AND kind = 'collection'"
            " AND reversed_at IS NULL",
            (order_id,),
        )
        if int(live) <= 1:
            self.conn.execute(
                "UPDATE staff_actions SET done_at = ?, done_by = 'journal: undone'"
                " WHERE order_id = ? AND kind = ? AND done_at IS NULL",
                (utcnow(), order_id, j.DOUBLE_HANDOVER),
            )

    def _need(self, table: str, row_id: Any, code: str) -> None:
        if row_id is None:
            return
        if self.store.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)) is None:
            raise Waiting(code)

    def _need_session(self, ev: j.JournalEvent, session_id: str) -> None:
        self._need("till_sessions", session_id, "journal.waiting_for_event")


def _dump(event: dict[str, Any]) -> str:
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
