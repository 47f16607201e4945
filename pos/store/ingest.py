"""Writing a pull into the store without overwriting what the till has not pushed yet.

An order with local events not yet in OFN (an outbox row not ``done``) is never overwritten
by a changed OFN copy: that is a conflict for staff (docs/design.md rule 5). Everything one pull
batch writes is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from pos.domain.models import Customer, Hub, LineItem, Order, OrderPayment, PickupPoint, Producer
from pos.domain.text import fold
from pos.messages import money, said
from pos.store.db import Store, utcnow
from pos.store.orders import OrderRepository

Fingerprint = tuple[object, ...]


def fingerprint(o: Order) -> Fingerprint:
    """What, if OFN changes it, makes an unpushed local collection a conflict.

    Payment and shipment states are left out: the pusher reads them fresh before acting.
    """
    items = tuple(
        sorted((li.id, li.quantity, li.unit_price, str(li.final_weight)) for li in o.line_items)
    )
    return (o.state, o.total, o.item_total, o.adjustment_total, items)


def order_to_json(o: Order) -> str:
    def default(value: object) -> str:
        if isinstance(value, Decimal):
            return str(value)
        raise TypeError(type(value).__name__)

    return json.dumps(asdict(o), default=default, ensure_ascii=False, sort_keys=True)


def order_from_json(text: str) -> Order:
    data: dict[str, Any] = json.loads(text)
    items = []
    for li in data.pop("line_items"):
        for key in ("unit_value", "final_weight"):
            if li[key] is not None:
                li[key] = Decimal(li[key])
        items.append(LineItem(**li))
    payments = [OrderPayment(**p) for p in data.pop("payments")]
    return Order(**data, line_items=tuple(items), payments=tuple(payments))


@dataclass
class IngestResult:
    inserted: int = 0
    updated: int = 0
    cancelled: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (number, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (number, reason)


class Ingest:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn
        self.repo = OrderRepository(store)

    def save_reference(
        self,
        hub: Hub | None,
        producers: Sequence[Producer] = (),
        customers: Sequence[Customer] = (),
        pickup_points: Sequence[PickupPoint] = (),
    ) -> None:
        with self.store.transaction():
            if hub is not None:
                self.repo.save_hub(hub)
            self.repo.save_producers(producers)
            self.repo.save_pickup_points(pickup_points)
            if customers:
                self.repo.save_customers(customers)
                self._refresh_codes([c.id for c in customers])

    def _refresh_codes(self, customer_ids: Sequence[int]) -> None:
        """Keep the denormalised customer code (order list, scan index) in step."""
        for chunk in _chunks(customer_ids, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT o.id, c.code FROM orders o JOIN customers c ON c.id = o.customer_id"
                f" WHERE o.customer_id IN ({marks})"
                " AND COALESCE(o.customer_code, '') != COALESCE(c.code, '')",
                list(chunk),
            ).fetchall()
            self.conn.executemany(
                "UPDATE orders SET customer_code = ? WHERE id = ?", [(r[1], r[0]) for r in rows]
            )
            self.conn.executemany(
                "UPDATE order_search SET code = ? WHERE rowid = ?",
                [(fold(r[1] or ""), r[0]) for r in rows],
            )

    def local_fingerprints(self, ids: Sequence[int]) -> dict[int, Fingerprint]:
        result: dict[int, Fingerprint] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            heads = self.conn.execute(
                f"SELECT id, state, total, item_total, adjustment_total FROM orders"
                f" WHERE id IN ({marks})",
                list(chunk),
            ).fetchall()
            items: dict[int, list[tuple[object, ...]]] = {r[0]: [] for r in heads}
            for li in self.conn.execute(
                f"SELECT order_id, id, quantity, unit_price, final_weight FROM line_items"
                f" WHERE order_id IN ({marks})",
                list(chunk),
            ):
                fw = None if li[4] is None else Decimal(li[4])
                items[li[0]].append((li[1], li[2], li[3], str(fw)))
            for r in heads:
                result[r[0]] = (r[1], r[2], r[3], r[4], tuple(sorted(items[r[0]])))
        return result

    def save_orders(
        self,
        orders: Sequence[Order],
        *,
        admin_url: Callable[[str], str],
        describe: Callable[[Order, Fingerprint], str] | None = None,
    ) -> IngestResult:
        """Insert new orders, apply OFN's changes, and park conflicts, in one transaction."""
        from pos.store.outbox import Outbox

        result = IngestResult()
        if not orders:
            return result
        outbox = Outbox(self.store)
        with self.store.transaction():
            unpushed = outbox.unpushed_order_ids()
            local = self.local_fingerprints([o.id for o in orders])
            to_save: list[Order] = []
            owners = self._number_owners(orders)
            line_owners = self._line_owners(orders)
            for o in orders:
                before = local.get(o.id)
                if owners.setdefault(o.number, o.id) != o.id:  # malformed: never overwrite
                    result.skipped.append((o.number, said("sync.skip.number_taken")))
                    continue
                foreign = [li.id for li in o.line_items if line_owners.get(li.id, o.id) != o.id]
                if foreign:  # never overwrite another order's line (line ids are unique)
                    result.skipped.append((o.number, said("sync.skip.line_taken", line=foreign[0])))
                    continue
                for li in o.line_items:
                    line_owners[li.id] = o.id
                if before is None:
                    result.inserted += 1
                    to_save.append(o)
                    continue
                if o.id in unpushed and before != fingerprint(o):
                    reason = describe(o, before) if describe else _describe(o, before)
                    outbox.record_conflict(o, reason, admin_url(o.number))
                    result.conflicts.append((o.number, reason))
                    continue
                if before[0] != "canceled" and o.state == "canceled":
                    result.cancelled += 1
                result.updated += 1
                to_save.append(o)
            self._placeholders(to_save)
            self.repo.save_orders(to_save)
            self._keep_purged_anonymous(to_save)
        return result

    def _keep_purged_anonymous(self, orders: Sequence[Order]) -> None:
        """Orders whose personal data was purged or erased stay without it after a pull (and
        the customer rows the placeholders made for them go again)."""
        from pos.store.privacy import PrivacyRepository

        ids = [o.id for o in orders]
        purged: list[int] = []
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            purged += [int(r[0]) for r in self.conn.execute(
                f"SELECT id FROM orders WHERE id IN ({marks}) AND purged_at IS NOT NULL",
                list(chunk),
            )]  # fmt: skip
        if purged:
            PrivacyRepository(self.store).anonymise(purged)
            gone = {o.id for o in orders if o.id in set(purged)}
            customers = {(o.customer_id,) for o in orders if o.id in gone and o.customer_id}
            self.conn.executemany(
                "DELETE FROM customers WHERE id = ? AND NOT EXISTS"
                " (SELECT 1 FROM orders WHERE customer_id = customers.id)",
                customers,
            )

    def refresh_pushed(self, orders: Sequence[tuple[Order, str | None]]) -> None:
        """Write orders as push left them in OFN (inside the caller's transaction); with the
        fingerprint of OFN's last concise answer, the next pull can skip their details."""
        if not orders:
            return
        self._placeholders(o for o, _ in orders)
        self.repo.save_orders([o for o, _ in orders])
        self._keep_purged_anonymous([o for o, _ in orders])
        now = utcnow()
        week_ago = (datetime.now(UTC) - timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        self.conn.execute("DELETE FROM pushed_listings WHERE at < ?", (week_ago,))
        self.conn.executemany(
            "DELETE FROM pushed_listings WHERE order_id = ?",
            [(o.id,) for o, digest in orders if digest is None],
        )
        self.conn.executemany(
            "INSERT INTO pushed_listings(order_id, digest, at) VALUES (?, ?, ?)"
            " ON CONFLICT(order_id) DO UPDATE SET digest = excluded.digest, at = excluded.at",
            [(o.id, digest, now) for o, digest in orders if digest is not None],
        )

    def pushed_listings(self) -> dict[str, str]:
        """Order number -> fingerprint of the concise order push last saw (see above). A
        fingerprint stays until a pull fetches the order (OFN listed it otherwise) or a week
        passes: while OFN lists the order exactly so, the local copy is what push wrote."""
        rows = self.conn.execute(
            "SELECT o.number, p.digest FROM pushed_listings p JOIN orders o ON o.id = p.order_id"
        )
        return {str(r[0]): str(r[1]) for r in rows}

    def forget_pushed(self, numbers: Iterable[str]) -> None:
        """A pull fetched these orders again: their fingerprints have served."""
        chunk = list(numbers)
        with self.store.transaction():
            for i in range(0, len(chunk), 500):
                part = chunk[i : i + 500]
                marks = ",".join("?" * len(part))
                self.conn.execute(
                    f"DELETE FROM pushed_listings WHERE order_id IN"
                    f" (SELECT id FROM orders WHERE number IN ({marks}))",
                    part,
                )

    def _number_owners(self, orders: Sequence[Order]) -> dict[str, int]:
        """Which local order id holds each of these numbers (numbers are unique)."""
        numbers = list({o.number for o in orders})
        owners: dict[str, int] = {}
        for start in range(0, len(numbers), 500):
            chunk = numbers[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for number, oid in self.conn.execute(
                f"SELECT number, id FROM orders WHERE number IN ({marks})", chunk
            ):
                owners[str(number)] = int(oid)
        return owners

    def _line_owners(self, orders: Sequence[Order]) -> dict[int, int]:
        """Which local order holds each of these line item ids."""
        ids = list({li.id for o in orders for li in o.line_items})
        owners: dict[int, int] = {}
        for chunk in _chunks(ids, 500):
            marks = ", ".join("?" * len(chunk))
            for lid, oid in self.conn.execute(
                f"SELECT id, order_id FROM line_items WHERE id IN ({marks})", list(chunk)
            ):
                owners[int(lid)] = int(oid)
        return owners

    def _placeholders(self, orders: Iterable[Order]) -> None:
        """Rows the foreign keys need when OFN did not describe them (names filled later)."""
        orders = list(orders)
        self.conn.executemany(
            "INSERT OR IGNORE INTO hub(id, name, currency, locale, timezone) VALUES (?, ?, ?,"
            " 'en_GB', 'Europe/London')",
            {(o.hub_id, f"Hub {o.hub_id}", o.currency) for o in orders},
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO order_cycles(id, name) VALUES (?, ?)",
            {(o.order_cycle_id, f"Order cycle {o.order_cycle_id}") for o in orders
             if o.order_cycle_id is not None},
        )  # fmt: skip
        self.conn.executemany(
            "INSERT OR IGNORE INTO pickup_points(id, name) VALUES (?, ?)",
            {(o.pickup_point_id, f"Shipping method {o.pickup_point_id}") for o in orders
             if o.pickup_point_id is not None},
        )  # fmt: skip
        self.conn.executemany(
            "INSERT OR IGNORE INTO producers(id, name) VALUES (?, ?)",
            {(li.producer_id, f"Producer {li.producer_id}") for o in orders
             for li in o.line_items if li.producer_id is not None},
        )  # fmt: skip
        rows = []
        for o in orders:
            if o.customer_id is None:
                continue
            first, _, last = o.customer_name.partition(" ")
            rows.append((o.customer_id, first, last, o.email, o.phone))
        self.conn.executemany(
            "INSERT OR IGNORE INTO customers(id, code, first_name, last_name, email, phone)"
            " VALUES (?, NULL, ?, ?, ?, ?)",
            rows,
        )

    def earlier_open_cycles(self, hub_id: int, current: int) -> list[int]:
        """Other order cycles of the hub with orders still to hand over (not shipped or
        cancelled): a sync keeps them fresh, so an order cancelled in OFN after the hub moved
        on to a new cycle is not handed over as if it were live."""
        rows = self.conn.execute(
            "SELECT DISTINCT order_cycle_id FROM orders WHERE hub_id = ?"
            " AND order_cycle_id IS NOT NULL AND order_cycle_id != ? AND state != 'canceled'"
            " AND COALESCE(shipment_state, '') != 'shipped' ORDER BY order_cycle_id DESC",
            (hub_id, current),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def has_order(self, number: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM orders WHERE number = ?", (number,)).fetchone()
        return row is not None

    def unnamed_producers(self) -> list[int]:
        """Producers known only by id (a placeholder name): /shops/{hub} did not list them."""
        rows = self.conn.execute(
            "SELECT id FROM producers WHERE name = 'Producer ' || id ORDER BY id"
        ).fetchall()
        return [int(r[0]) for r in rows]

    def hub_currency(self) -> str | None:
        row = self.conn.execute("SELECT currency FROM hub ORDER BY id LIMIT 1").fetchone()
        return None if row is None else str(row[0])

    def hub_id(self) -> int | None:
        row = self.conn.execute("SELECT id FROM hub ORDER BY id LIMIT 1").fetchone()
        return None if row is None else int(row[0])


def _describe(o: Order, before: Fingerprint) -> str:
    """Why a pulled order is a conflict: English that keeps its code (``messages.Said``)."""
    if o.state == "canceled" and before[0] != "canceled":
        return said("sync.conflict.cancelled", number=o.number)
    if before[1] != o.total:
        return said(
            "sync.conflict.total",
            number=o.number,
            before=money(int(str(before[1])), o.currency),
            after=money(o.total, o.currency),
        )
    return said("sync.conflict.changed", number=o.number)


def _chunks(seq: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]
