"""Personal data in the store: which order cycles may be purged, removing names, emails,
phones and notes while keeping every figure, erasing one customer, and what the till holds
about one customer (for a right-of-access export).

The connection runs with ``secure_delete`` (pos/store/db.py), so rewritten rows are zeroed
on disk; :meth:`PrivacyRepository.compact` also merges the search index (FTS5 keeps deleted
words in old segments until then) and empties the WAL, so nothing erased stays in the files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from pos.store.db import Store, utcnow

# What an anonymised order keeps of its JSON: delivery details and names go.
_JSON_PERSONAL = ("'$.ship_address'", "'$.bill_address'", "'$.phone'", "'$.email'",
                  "'$.special_instructions'", "'$.full_name'", "'$.full_name_for_sorting'",
                  "'$.customer_id'")  # fmt: skip


def _scrub(json_text: str) -> str:
    """SQL: an order as ``order_to_json`` wrote it, without the person."""
    return (
        f"json_set({json_text}, '$.customer_name', '', '$.customer_sort_name', '',"
        " '$.email', '', '$.phone', '', '$.special_instructions', '', '$.raw_json', '{}',"
        " '$.customer_code', NULL, '$.customer_id', NULL)"
    )


PERSONAL_INDEXES = ("orders_name_key", "orders_pickup", "orders_code", "customers_code")


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


class PrivacyRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # retention ----------------------------------------------------------------
    def purgeable_cycles(self, cutoff: str, keep: Sequence[int]) -> list[int]:
        """Cycles whose last activity is before ``cutoff`` (UTC ISO), with orders still to
        anonymise, and nothing left to push or resolve. ``keep``: cycles never purged."""
        open_cycles = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT DISTINCT order_cycle_id FROM orders"
                " WHERE purged_at IS NULL AND order_cycle_id IS NOT NULL"
            )  # the partial index orders_unpurged: fully purged cycles cost nothing
            if int(r[0]) not in keep
        ]
        return [
            c for c in open_cycles if self._ended(c) < cutoff and self.settled(c)
        ]  # fmt: skip

    def latest_cycle(self) -> int | None:
        row = self.conn.execute("SELECT MAX(order_cycle_id) FROM orders").fetchone()
        return None if row[0] is None else int(row[0])

    def _ended(self, cycle: int) -> str:
        """The cycle's last activity: its close, its last order, its last checkout."""
        row = self.conn.execute(
            """
            SELECT MAX(COALESCE((SELECT closes_at FROM order_cycles WHERE id = :c), ''),
                       COALESCE((SELECT MAX(completed_at) FROM orders
                                 WHERE order_cycle_id = :c), ''),
                       COALESCE((SELECT MAX(k.created_at) FROM checkouts k
                                 JOIN orders o ON o.id = k.order_id
                                 WHERE o.order_cycle_id = :c), ''))
            """,
            {"c": cycle},
        ).fetchone()
        return str(row[0] or "")

    def settled(self, cycle: int) -> bool:
        """Every local event of the cycle is in OFN or resolved by staff."""
        row = self.conn.execute(
            """
            SELECT EXISTS (SELECT 1 FROM outbox x JOIN orders o ON o.id = x.order_id
                           WHERE o.order_cycle_id = ? AND x.status != 'done')
                OR EXISTS (SELECT 1 FROM staff_actions a JOIN orders o ON o.id = a.order_id
                           WHERE o.order_cycle_id = ? AND a.done_at IS NULL)
                OR EXISTS (SELECT 1 FROM checkouts k JOIN orders o ON o.id = k.order_id
                           JOIN till_sessions s ON s.id = k.session_id
                           WHERE o.order_cycle_id = ? AND s.closed_at IS NULL)
            """,
            (cycle, cycle, cycle),
        ).fetchone()
        return not row[0]

    def cycle_orders(self, cycle: int) -> list[int]:
        rows = self.conn.execute(
            "SELECT id FROM orders WHERE order_cycle_id = ? AND purged_at IS NULL", (cycle,)
        ).fetchall()
        return [int(r[0]) for r in rows]

    def anonymise(self, order_ids: Sequence[int]) -> int:
        """Remove every personal field of these orders (call inside a transaction)."""
        now = utcnow()
        json_paths = ", ".join(_JSON_PERSONAL)
        done = 0
        for chunk in _chunks(list(order_ids)):
            marks = ",".join("?" * len(chunk))
            ids = list(chunk)
            done += self.conn.execute(
                "UPDATE orders SET customer_name = '', customer_sort_name = '', name_key = '',"
                " email = '', phone = '', special_instructions = '', customer_code = NULL,"
                " customer_id = NULL, raw_json = json_remove(CASE WHEN json_valid(raw_json)"
                f" THEN raw_json ELSE '{{}}' END, {json_paths}),"
                f" purged_at = COALESCE(purged_at, ?) WHERE id IN ({marks})",
                [now, *ids],
            ).rowcount
            self.conn.execute(
                "UPDATE order_search SET code = '', name = '', email = '', phone = ''"
                f" WHERE rowid IN ({marks})",
                ids,
            )
            self.conn.execute(f"UPDATE no_shows SET reason = '' WHERE order_id IN ({marks})", ids)
            self.conn.execute(
                f"UPDATE checkouts SET note = '' WHERE order_id IN ({marks}) OR reverses_id IN"
                f" (SELECT id FROM checkouts WHERE order_id IN ({marks}))",
                ids + ids,
            )
            # the OFN copies kept for conflicts (table and audit trail) hold the person too
            self.conn.execute(
                f"UPDATE conflict_copies SET remote = printf('%s', {_scrub('remote')})"
                f" WHERE order_id IN ({marks}) AND json_valid(remote)",
                ids,
            )
            trail = _scrub("json_extract(details, '$.remote')")
            self.conn.execute(
                f"UPDATE audit_log SET details = json_set(details, '$.remote', printf('%s',"
                f" {trail}))"
                " WHERE entity = 'order' AND action = 'sync.conflict'"
                f" AND entity_id IN ({marks}) AND json_valid(details)"
                " AND json_type(details, '$.remote') = 'text'"
                " AND json_valid(json_extract(details, '$.remote'))",
                [str(i) for i in ids],
            )
            # printed jobs are history; their payload may carry a name
            self.conn.execute(
                "DELETE FROM print_jobs WHERE status IN ('done', 'cancelled', 'failed') AND"
                f" (ref IN (SELECT number FROM orders WHERE id IN ({marks}))"
                f" OR ref IN (SELECT id FROM checkouts WHERE order_id IN ({marks})))",
                ids + ids,
            )
        return done

    def delete_unused_customers(self, limit: int = -1) -> int:
        """Customers no kept order refers to any more (at most ``limit``; -1: all)."""
        return int(
            self.conn.execute(
                "DELETE FROM customers WHERE id IN (SELECT c.id FROM customers c"
                " WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)"
                " LIMIT ?)",
                (limit,),
            ).rowcount
        )

    def compact(self, *, max_steps: int = 10_000) -> None:
        """Merge the search index into one segment (FTS5 keeps deleted words in older
        segments until then), rebuild the indexes on names and codes, and empty the WAL.

        In small steps, each its own transaction, so a till writing meanwhile waits a few
        milliseconds, never the whole merge. A step that changes fewer than two rows did no
        work (FTS5's documented test), which ends the loop.
        """
        for _ in range(max_steps):
            before = self.conn.total_changes
            with self.store.transaction():
                self.conn.execute(
                    "INSERT INTO order_search(order_search, rank) VALUES ('merge', -64)"
                )
            if self.conn.total_changes - before < 2:
                break
        # A B-tree's interior pages keep copies of keys as dividers after the rows are gone:
        # rebuild the indexes whose keys are names or codes (their old pages are zeroed).
        for index in PERSONAL_INDEXES:
            with self.store.transaction():
                self.conn.execute(f"REINDEX {index}")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # one customer -------------------------------------------------------------
    def orders_of(self, order_id: int) -> list[int]:
        """The orders of the customer of this order: same OFN customer, or same email."""
        row = self.conn.execute(
            "SELECT customer_id, email FROM orders WHERE id = ?", (order_id,)
        ).fetchone()
        if row is None:
            return []
        customer, email = row[0], str(row[1] or "")
        rows = self.conn.execute(
            "SELECT id FROM orders WHERE id = ? OR (? IS NOT NULL AND customer_id = ?)"
            " OR (? != '' AND email = ? COLLATE NOCASE) ORDER BY id",
            (order_id, customer, customer, email, email),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def order_numbers(self, order_ids: Sequence[int]) -> list[str]:
        """The OFN numbers of these orders, in id order (for the audit row of an erasure)."""
        marks = ",".join("?" * len(order_ids)) or "NULL"
        rows = self.conn.execute(
            f"SELECT number FROM orders WHERE id IN ({marks}) ORDER BY id", list(order_ids)
        ).fetchall()
        return [str(r[0]) for r in rows]

    def customer_ids(self, order_ids: Sequence[int]) -> list[int]:
        marks = ",".join("?" * len(order_ids)) or "NULL"
        rows = self.conn.execute(
            f"SELECT DISTINCT customer_id FROM orders WHERE id IN ({marks})"
            " AND customer_id IS NOT NULL",
            list(order_ids),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def delete_customers(self, ids: Sequence[int]) -> None:
        marks = ",".join("?" * len(ids)) or "NULL"
        self.conn.execute(f"DELETE FROM customers WHERE id IN ({marks})", list(ids))

    def holdings(self, order_ids: Sequence[int]) -> dict[str, Any]:
        """Everything the store holds on these orders and their customer, as plain data."""
        marks = ",".join("?" * len(order_ids)) or "NULL"
        ids = list(order_ids)

        def rows(sql: str, params: Sequence[Any] = ids) -> list[dict[str, Any]]:
            return [dict(r) for r in self.conn.execute(sql, list(params)).fetchall()]

        orders = rows(f"SELECT * FROM orders WHERE id IN ({marks}) ORDER BY id")
        for o in orders:
            try:
                o["raw_json"] = json.loads(o["raw_json"] or "{}")
            except ValueError:
                pass
        customer_ids = self.customer_ids(ids)
        cmarks = ",".join("?" * len(customer_ids)) or "NULL"
        checkouts = rows(
            f"SELECT * FROM checkouts WHERE order_id IN ({marks}) OR reverses_id IN"
            f" (SELECT id FROM checkouts WHERE order_id IN ({marks})) ORDER BY created_at",
            ids + ids,
        )
        kmarks = ",".join("?" * len(checkouts)) or "NULL"
        kids = [k["id"] for k in checkouts]
        return {
            "customers": rows(f"SELECT * FROM customers WHERE id IN ({cmarks})", customer_ids),
            "orders": orders,
            "line_items": rows(
                f"SELECT * FROM line_items WHERE order_id IN ({marks}) ORDER BY order_id, position"
            ),
            "order_payments": rows(f"SELECT * FROM order_payments WHERE order_id IN ({marks})"),
            "checkouts": checkouts,
            "checkout_lines": rows(
                f"SELECT * FROM checkout_lines WHERE checkout_id IN ({kmarks})", kids
            ),
            "payments": rows(f"SELECT * FROM payments WHERE checkout_id IN ({kmarks})", kids),
            "no_shows": rows(f"SELECT * FROM no_shows WHERE order_id IN ({marks})"),
            "outbox": rows(f"SELECT * FROM outbox WHERE order_id IN ({marks})"),
            "staff_actions": rows(f"SELECT * FROM staff_actions WHERE order_id IN ({marks})"),
            "audit_log": rows(
                "SELECT * FROM audit_log WHERE (entity = 'order' AND entity_id IN"
                f" (SELECT CAST(id AS TEXT) FROM orders WHERE id IN ({marks})))"
                f" OR (entity = 'checkout' AND entity_id IN ({kmarks}))"
                f" OR (entity = 'customer' AND entity_id IN ({cmarks})) ORDER BY id",
                [*ids, *kids, *[str(c) for c in customer_ids]],
            ),
        }

    # deleted in OFN -----------------------------------------------------------
    def forget_missing_orders(
        self, cycle: int, listed: set[str], pickup_point_id: int | None = None
    ) -> list[str]:
        """Orders of ``cycle`` that OFN no longer lists, with no local event: deleted."""
        rows = self.conn.execute(
            "SELECT id, number FROM orders o WHERE order_cycle_id = ?"
            " AND (? IS NULL OR pickup_point_id = ?)"
            " AND NOT EXISTS (SELECT 1 FROM checkouts k WHERE k.order_id = o.id)"
            " AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = o.id)"
            " AND NOT EXISTS (SELECT 1 FROM no_shows n WHERE n.order_id = o.id)"
            " AND NOT EXISTS (SELECT 1 FROM staff_actions a WHERE a.order_id = o.id)",
            (cycle, pickup_point_id, pickup_point_id),
        ).fetchall()
        gone = [(int(r[0]), str(r[1])) for r in rows if str(r[1]) not in listed]
        if gone:
            ids = [(oid,) for oid, _ in gone]
            self.conn.executemany("DELETE FROM order_search WHERE rowid = ?", ids)
            self.conn.executemany("DELETE FROM orders WHERE id = ?", ids)
        return [n for _, n in gone]

    def forget_missing_customers(self, listed: set[int]) -> int:
        """Customers OFN no longer lists and no kept order refers to: deleted."""
        rows = self.conn.execute(
            "SELECT id FROM customers WHERE id NOT IN"
            " (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL)"
        ).fetchall()
        gone = [(int(r[0]),) for r in rows if int(r[0]) not in listed]
        self.conn.executemany("DELETE FROM customers WHERE id = ?", gone)
        return len(gone)
