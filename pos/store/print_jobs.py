"""The print queue (table ``print_jobs``) and the reads that printed documents need.

Job life: ``queued`` -> ``printing`` (claimed by the one print worker) -> ``done``; a
printer fault puts it back to ``queued`` with ``last_error``; a job that cannot be rendered
becomes ``failed`` (a person looks at it; ``retry`` queues it again). Claiming is one
``UPDATE ... WHERE status = 'queued'``, so a job is never claimed twice.

A job found in ``printing`` when the app starts was being sent when the app died: the
printer may or may not have printed it. :meth:`PrintJobs.recover_interrupted` queues it
again *marked as a copy*, so the customer is never left without a receipt and a second
paper, if any, says "COPY" instead of passing for a second sale.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from pos.store.db import Store, utcnow
from pos.store.till import TillRepository

KINDS = ("receipt", "label", "z_report", "test", "delivery_note")
INTERRUPTED = "The app stopped while this job was printing; printing it again as a copy."


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: str
    kind: str
    ref: str
    payload: dict[str, Any]
    status: str
    is_copy: bool
    attempts: int
    last_error: str
    created_at: str
    printed_at: str | None


def _job(row: sqlite3.Row) -> PrintJob:
    try:
        payload = json.loads(row["payload"] or "{}")
    except ValueError:
        payload = {}
    return PrintJob(
        id=row["id"],
        kind=row["kind"],
        ref=row["ref"],
        payload=payload if isinstance(payload, dict) else {},
        status=row["status"],
        is_copy=bool(row["is_copy"]),
        attempts=row["attempts"],
        last_error=row["last_error"],
        created_at=row["created_at"],
        printed_at=row["printed_at"],
    )


def _dict(row: sqlite3.Row | None) -> dict[str, Any] | None:
    return None if row is None else {key: row[key] for key in row.keys()}


class PrintJobs:
    """Repository over ``print_jobs`` plus read-only queries for receipts, labels, reports.

    ``PrintJobs.listeners`` are called (with the job id) after a job is committed, in this
    process: the print worker subscribes so a new receipt prints at once instead of at the
    next poll. Rows inserted by other means are still found by the worker's polling.
    """

    listeners: ClassVar[list[Callable[[str], None]]] = []

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # queue --------------------------------------------------------------------------
    def enqueue(
        self,
        kind: str,
        ref: str = "",
        payload: dict[str, Any] | None = None,
        *,
        is_copy: bool = False,
        actor: str = "",
        till_id: str = "",
    ) -> str:
        """Queue a job (and audit it) in one transaction; returns its id."""
        if kind not in KINDS:
            raise ValueError(f"unknown print job kind {kind!r}")
        job_id = str(uuid.uuid4())
        with self.store.transaction():
            self.conn.execute(
                "INSERT INTO print_jobs(id, kind, ref, payload, status, is_copy, created_at)"
                " VALUES (?, ?, ?, ?, 'queued', ?, ?)",
                (
                    job_id,
                    kind,
                    ref,
                    json.dumps(payload or {}, ensure_ascii=False, sort_keys=True),
                    int(is_copy),
                    utcnow(),
                ),
            )
            self.store.audit(
                "print.reprint" if is_copy else "print.queue",
                entity="print_job",
                entity_id=job_id,
                actor=actor,
                till_id=till_id,
                details={"kind": kind, "ref": ref},
            )
        if not self.conn.in_transaction:  # committed: tell the worker
            for listener in list(self.listeners):
                listener(job_id)
        return job_id

    def has_queued(self) -> bool:
        return self.store.scalar("SELECT 1 FROM print_jobs WHERE status = 'queued' LIMIT 1") == 1

    def claim_next(self) -> PrintJob | None:
        """Take the oldest queued job for printing, or None. Atomic: never claimed twice."""
        with self.store.transaction():
            row = self.conn.execute(
                "UPDATE print_jobs SET status = 'printing', attempts = attempts + 1"
                " WHERE id = (SELECT id FROM print_jobs WHERE status = 'queued'"
                "             ORDER BY created_at, rowid LIMIT 1)"
                "   AND status = 'queued' RETURNING *"
            ).fetchone()
        return None if row is None else _job(row)

    def _set(self, job_id: str, sql: str, params: tuple[Any, ...]) -> None:
        with self.store.transaction():
            self.conn.execute(f"UPDATE print_jobs SET {sql} WHERE id = ?", (*params, job_id))

    def mark_done(self, job_id: str) -> None:
        self._set(job_id, "status = 'done', printed_at = ?, last_error = ''", (utcnow(),))

    def release(self, job_id: str, error: str) -> None:
        """Back to the queue after a printer fault (nothing was sent)."""
        self._set(job_id, "status = 'queued', last_error = ?", (error,))

    def requeue_as_copy(self, job_id: str, error: str) -> None:
        """Back to the queue marked as a copy: part of it may already be on paper."""
        self._set(job_id, "status = 'queued', is_copy = 1, last_error = ?", (error,))

    def mark_failed(self, job_id: str, error: str) -> None:
        """The job itself is broken (cannot be rendered): a person must look at it."""
        self._set(job_id, "status = 'failed', last_error = ?", (error,))

    def cancel(self, job_id: str, actor: str = "") -> bool:
        with self.store.transaction():
            done = self.conn.execute(
                "UPDATE print_jobs SET status = 'cancelled' WHERE id = ?"
                " AND status IN ('queued', 'failed')",
                (job_id,),
            ).rowcount
            if done:
                self.store.audit("print.cancel", entity="print_job", entity_id=job_id, actor=actor)
        return bool(done)

    def retry(self, job_id: str) -> bool:
        with self.store.transaction():
            done = self.conn.execute(
                "UPDATE print_jobs SET status = 'queued' WHERE id = ? AND status = 'failed'",
                (job_id,),
            ).rowcount
        return bool(done)

    def recover_interrupted(self) -> int:
        """Jobs left in ``printing`` by a previous run: queue them again as copies."""
        with self.store.transaction():
            count = self.conn.execute(
                "UPDATE print_jobs SET status = 'queued', is_copy = 1, last_error = ?"
                " WHERE status = 'printing'",
                (INTERRUPTED,),
            ).rowcount
            if count:
                self.store.audit("print.recover", entity="print_job", details={"jobs": count})
        return int(count)

    def get(self, job_id: str) -> PrintJob | None:
        row = self.conn.execute("SELECT * FROM print_jobs WHERE id = ?", (job_id,)).fetchone()
        return None if row is None else _job(row)

    def listing(self, status: str | None = None, limit: int = 100) -> list[PrintJob]:
        if status:
            rows = self.conn.execute(
                "SELECT * FROM print_jobs WHERE status = ? ORDER BY created_at, rowid LIMIT ?",
                (status, limit),
            )
        else:
            rows = self.conn.execute(
                "SELECT * FROM print_jobs ORDER BY created_at DESC, rowid DESC LIMIT ?", (limit,)
            )
        return [_job(row) for row in rows]

    def described(self, limit: int = 100) -> list[tuple[PrintJob, str]]:
        """Recent jobs, newest first, each with what it prints (receipt no, order, session)."""
        rows = self.conn.execute(
            "SELECT j.*, CASE j.kind"
            "  WHEN 'receipt' THEN (SELECT receipt_no FROM checkouts WHERE id = j.ref)"
            "  WHEN 'z_report' THEN (SELECT till_id || ' #' || number FROM till_sessions"
            "                        WHERE id = j.ref)"
            "  ELSE j.ref END AS what"
            " FROM print_jobs j ORDER BY j.created_at DESC, j.rowid DESC LIMIT ?",
            (limit,),
        )
        return [(_job(row), str(row["what"] or "")) for row in rows]

    def counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT status, COUNT(*) FROM print_jobs GROUP BY status")
        return {status: count for status, count in rows}

    # reads for printed documents -----------------------------------------------------
    def hub(self) -> dict[str, Any] | None:
        return _dict(self.conn.execute("SELECT * FROM hub ORDER BY id LIMIT 1").fetchone())

    def checkout(self, checkout_id: str) -> dict[str, Any] | None:
        """A checkout with its lines, payments, order, pickup point, session and hub."""
        row = _dict(
            self.conn.execute(
                "SELECT c.*, r.receipt_no AS reverses_receipt_no,"
                " COALESCE(p.name, '') AS pickup_point_name"
                " FROM checkouts c"
                " LEFT JOIN checkouts r ON r.id = c.reverses_id"
                " LEFT JOIN orders o ON o.id = c.order_id"
                " LEFT JOIN pickup_points p"
                "   ON p.id = COALESCE(c.pickup_point_id, o.pickup_point_id)"
                " WHERE c.id = ?",
                (checkout_id,),
            ).fetchone()
        )
        if row is None:
            return None
        row["lines"] = [
            _dict(line)
            for line in self.conn.execute(
                "SELECT cl.*, li.variant_unit, li.unit_value FROM checkout_lines cl"
                " LEFT JOIN line_items li ON li.id = cl.line_item_id"
                " WHERE cl.checkout_id = ? ORDER BY COALESCE(li.position, 0), cl.id",
                (checkout_id,),
            )
        ]
        row["payments"] = [
            _dict(payment)
            for payment in self.conn.execute(
                "SELECT * FROM payments WHERE checkout_id = ? ORDER BY created_at, rowid",
                (checkout_id,),
            )
        ]
        order_id = row["order_id"]
        if order_id is None and row["reverses_id"]:  # a reversal: show the original's order
            order_id = self.store.scalar(
                "SELECT order_id FROM checkouts WHERE id = ?", (row["reverses_id"],)
            )
        row["order"] = _dict(
            self.conn.execute(
                "SELECT id, number, customer_name, customer_code, total, payment_total,"
                " adjustment_total, currency FROM orders WHERE id = ?",
                (order_id,),
            ).fetchone()
        )
        row["session"] = _dict(
            self.conn.execute(
                "SELECT * FROM till_sessions WHERE id = ?", (row["session_id"],)
            ).fetchone()
        )
        row["hub"] = self.hub()
        return row

    def checkouts_for_order(self, order_id: int) -> list[dict[str, Any]]:
        """Every receipt of an order, newest first (for reprints)."""
        return [
            d
            for d in (
                _dict(row)
                for row in self.conn.execute(
                    "SELECT id, receipt_no, kind, created_at, reversed_at FROM checkouts"
                    " WHERE order_id = ? OR reverses_id IN"
                    " (SELECT id FROM checkouts WHERE order_id = ?)"
                    " ORDER BY created_at DESC, rowid DESC",
                    (order_id, order_id),
                )
            )
            if d is not None
        ]

    def recent_checkouts(
        self, order_id: int | None = None, limit: int = 200
    ) -> list[dict[str, Any]]:
        """Receipts newest first (of one order when ``order_id``), for the reprint list."""
        sql = (
            "SELECT c.id, c.receipt_no, c.kind, c.created_at, c.currency, c.reversed_at,"
            " c.goods_total + c.fees_total AS total, COALESCE(o.number, '') AS order_number,"
            " COALESCE(o.customer_name, '') AS customer_name"
            " FROM checkouts c LEFT JOIN orders o ON o.id = COALESCE(c.order_id,"
            "   (SELECT r.order_id FROM checkouts r WHERE r.id = c.reverses_id))"
        )
        params: tuple[Any, ...] = (limit,)
        if order_id is not None:
            sql += " WHERE o.id = ?"
            params = (order_id, limit)
        sql += " ORDER BY c.created_at DESC, c.rowid DESC LIMIT ?"
        return [d for d in (_dict(row) for row in self.conn.execute(sql, params)) if d]

    def checkout_exists(self, checkout_id: str) -> bool:
        return self.store.scalar("SELECT 1 FROM checkouts WHERE id = ?", (checkout_id,)) is not None

    def last_printed_at(self) -> str | None:
        """When the last job printed (UTC ISO), None if none has."""
        value = self.store.scalar("SELECT MAX(printed_at) FROM print_jobs WHERE status = 'done'")
        return None if value is None else str(value)

    def hub_locale(self) -> str | None:
        value = self.store.scalar("SELECT locale FROM hub ORDER BY id LIMIT 1")
        return None if value is None else str(value)

    def open_session_id(self, till_id: str = "") -> str | None:
        """This till's open session (by till_uid: another till may share the label)."""
        session = TillRepository(self.store).current()
        return None if session is None else session.id

    def last_session_id(self, till_id: str = "") -> str | None:
        """This till's latest session."""
        session = TillRepository(self.store).latest()
        return None if session is None else session.id

    def order_for_labels(self, order_number: str) -> dict[str, Any] | None:
        row = _dict(
            self.conn.execute(
                "SELECT o.id, o.number, o.customer_name, o.customer_code,"
                " COALESCE(p.name, '') AS pickup_point_name,"
                " EXISTS(SELECT 1 FROM line_items li WHERE li.order_id = o.id AND li.chilled)"
                "   AS has_chilled,"
                " EXISTS(SELECT 1 FROM line_items li WHERE li.order_id = o.id"
                "        AND NOT li.chilled) AS has_ambient"
                " FROM orders o LEFT JOIN pickup_points p ON p.id = o.pickup_point_id"
                " WHERE o.number = ?",
                (order_number,),
            ).fetchone()
        )
        if row is not None:
            row["hub"] = self.hub()
        return row

    def order_numbers_for_pickup(self, pickup_point_id: int | None) -> list[str]:
        """Orders to label at a pickup point (all when None), by customer, cancelled left out."""
        sql = "SELECT number FROM orders WHERE state != 'canceled'"
        params: tuple[Any, ...] = ()
        if pickup_point_id is not None:
            sql += " AND pickup_point_id = ?"
            params = (pickup_point_id,)
        sql += " ORDER BY name_key, number"
        return [row[0] for row in self.conn.execute(sql, params)]
