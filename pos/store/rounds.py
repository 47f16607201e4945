"""Delivery rounds in the store: ship addresses, rounds, their stops and outcomes.

Ship addresses are read from the OFN copy of each order (``orders.raw_json``, under the keys
OFN sends: ``ship_address`` with ``address1``, ``address2``, ``city``, ``zipcode``,
``phone``) through :meth:`RoundRepository.ship_addresses` only, so a change in how that copy
is kept touches one function.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from pos.domain.reconcile import MethodTotal, RoundLine
from pos.domain.rounds import HANDED_OVER, NOT_HOME, PENDING, REFUSED, Address
from pos.store.db import Store


@dataclass(frozen=True, slots=True)
class RoundRow:
    id: str
    pickup_point_id: int
    method_name: str
    driver: str
    order_cycle_id: int | None
    opened_at: str
    opened_by: str
    float_amount: int
    closed_at: str | None
    expected_cash: int | None
    counted_cash: int | None
    difference: int | None


@dataclass(frozen=True, slots=True)
class StopRow:
    id: str
    round_id: str
    order_id: int
    number: str
    customer_name: str
    position: int
    outcome: str
    next_step: str
    checkout_id: str | None
    note: str
    recorded_at: str | None
    amount_paid: int  # by the stop's checkout


class RoundRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # addresses -----------------------------------------------------------------
    def ship_addresses(self, order_ids: Sequence[int]) -> dict[int, Address]:
        """The ship address (and its phone) OFN sent with each order; empty when none."""
        found: dict[int, Address] = {}
        ids = list(order_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                "SELECT id,"
                " json_extract(raw_json, '$.ship_address.address1') AS a1,"
                " json_extract(raw_json, '$.ship_address.address2') AS a2,"
                " json_extract(raw_json, '$.ship_address.city') AS city,"
                " json_extract(raw_json, '$.ship_address.zipcode') AS zip,"
                " json_extract(raw_json, '$.ship_address.phone') AS phone"
                f" FROM orders WHERE id IN ({marks}) AND json_valid(raw_json)",
                chunk,
            ):
                found[r["id"]] = Address(
                    _text(r["a1"]), _text(r["a2"]), _text(r["city"]), _text(r["zip"]),
                    _text(r["phone"]),
                )  # fmt: skip
        return found

    def customer_ids(self, order_ids: Sequence[int]) -> dict[int, int | None]:
        """OFN customer of each order: a saved stop order names customers, not orders."""
        found: dict[int, int | None] = {}
        ids = list(order_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT id, customer_id FROM orders WHERE id IN ({marks})", chunk
            ):
                found[r["id"]] = r["customer_id"]
        return found

    def settled_orders(self, order_ids: Sequence[int]) -> set[int]:
        """Orders whose latest stop needs no more delivering: refused, or not home with the
        customer picking the bags up instead (a second attempt stays on the next sheet)."""
        found: set[int] = set()
        ids = list(order_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                "SELECT s.order_id, s.outcome, s.next_step FROM round_stops s"
                f" WHERE s.order_id IN ({marks}) AND s.recorded_at IS NOT NULL"
                " ORDER BY s.recorded_at",
                chunk,
            ):
                if r["outcome"] == REFUSED or r["next_step"] == "pickup_later":
                    found.add(r["order_id"])
                else:
                    found.discard(r["order_id"])
        return found

    # rounds --------------------------------------------------------------------
    def insert_round(self, row: RoundRow, stops: Sequence[tuple[str, int, int]]) -> None:
        """A new round and its pending stops ``(stop id, order id, position)``."""
        self.conn.execute(
            "INSERT INTO delivery_rounds(id, pickup_point_id, driver, order_cycle_id, opened_at,"
            " opened_by, float_amount) VALUES (?,?,?,?,?,?,?)",
            (row.id, row.pickup_point_id, row.driver, row.order_cycle_id, row.opened_at,
             row.opened_by, row.float_amount),
        )  # fmt: skip
        self.conn.executemany(
            "INSERT INTO round_stops(id, round_id, order_id, position) VALUES (?,?,?,?)",
            [(sid, row.id, oid, pos) for sid, oid, pos in stops],
        )

    def add_stop(self, round_id: str, stop_id: str, order_id: int) -> None:
        """A stop of another round (or none) recorded here after the volunteer confirmed."""
        position = self.store.scalar(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM round_stops WHERE round_id = ?",
            (round_id,),
        )
        self.conn.execute(
            "INSERT INTO round_stops(id, round_id, order_id, position) VALUES (?,?,?,?)",
            (stop_id, round_id, order_id, position),
        )

    def set_outcome(
        self,
        round_id: str,
        order_id: int,
        *,
        event_id: str,
        outcome: str,
        next_step: str,
        checkout_id: str | None,
        note: str,
        at: str,
        by: str,
    ) -> None:
        self.conn.execute(
            "UPDATE round_stops SET id = ?, outcome = ?, next_step = ?, checkout_id = ?,"
            " note = ?, recorded_at = ?, recorded_by = ? WHERE round_id = ? AND order_id = ?",
            (event_id, outcome, next_step, checkout_id, note, at, by, round_id, order_id),
        )

    def close_round(
        self, round_id: str, *, at: str, by: str, expected: int, counted: int, note: str
    ) -> bool:
        cur = self.conn.execute(
            "UPDATE delivery_rounds SET closed_at = ?, closed_by = ?, expected_cash = ?,"
            " counted_cash = ?, difference = ?, close_note = ? WHERE id = ? AND closed_at IS NULL",
            (at, by, expected, counted, counted - expected, note, round_id),
        )
        return cur.rowcount == 1

    def get_round(self, round_id: str) -> RoundRow | None:
        rows = self._rounds("r.id = ?", (round_id,))
        return rows[0] if rows else None

    def rounds(self, cycle_id: int | None, *, open_only: bool = False) -> list[RoundRow]:
        where, params = "1", []
        if cycle_id is not None:
            where, params = "r.order_cycle_id = ?", [cycle_id]
        if open_only:
            where += " AND r.closed_at IS NULL"
        return self._rounds(where, tuple(params))

    def open_round_for(self, method_id: int, driver: str, cycle_id: int | None) -> str | None:
        value = self.store.scalar(
            "SELECT id FROM delivery_rounds WHERE pickup_point_id = ? AND driver = ?"
            " AND order_cycle_id IS ? AND closed_at IS NULL",
            (method_id, driver, cycle_id),
        )
        return None if value is None else str(value)

    def _rounds(self, where: str, params: tuple[object, ...]) -> list[RoundRow]:
        rows = self.conn.execute(
            "SELECT r.*, COALESCE(p.name, '') AS method_name FROM delivery_rounds r"
            f" LEFT JOIN pickup_points p ON p.id = r.pickup_point_id WHERE {where}"
            " ORDER BY r.opened_at, r.driver, r.id",
            params,
        )
        return [
            RoundRow(
                r["id"],
                r["pickup_point_id"],
                r["method_name"],
                r["driver"],
                r["order_cycle_id"],
                r["opened_at"],
                r["opened_by"],
                r["float_amount"],
                r["closed_at"],
                r["expected_cash"],
                r["counted_cash"],
                r["difference"],
            )
            for r in rows
        ]

    # stops ---------------------------------------------------------------------
    def stops(self, round_id: str) -> list[StopRow]:
        return self._stops("s.round_id = ?", (round_id,))

    def stops_of_order(self, order_id: int) -> list[StopRow]:
        """Every round this order is a stop of (a not-home stop may be tried again)."""
        return self._stops("s.order_id = ?", (order_id,))

    def _stops(self, where: str, params: tuple[object, ...]) -> list[StopRow]:
        rows = self.conn.execute(
            "SELECT s.*, o.number, o.customer_name, COALESCE(c.amount_paid, 0) AS paid"
            " FROM round_stops s JOIN orders o ON o.id = s.order_id"
            " LEFT JOIN checkouts c ON c.id = s.checkout_id AND c.reversed_at IS NULL"
            f" WHERE {where} ORDER BY s.round_id, s.position",
            params,
        )
        return [_stop(r) for r in rows]

    def cash_taken(self, round_id: str, cash: str = "cash") -> int:
        """Cash applied to the round's delivered stops (change already given back)."""
        return int(
            self.store.scalar(
                "SELECT COALESCE(SUM(p.amount), 0) FROM payments p"
                " JOIN round_stops s ON s.checkout_id = p.checkout_id"
                " JOIN checkouts c ON c.id = p.checkout_id AND c.reversed_at IS NULL"
                " WHERE s.round_id = ? AND p.method = ?",
                (round_id, cash),
            )
        )

    def money_by_method(self, round_id: str) -> dict[str, tuple[int, int]]:
        """Method -> (payments, amount) taken on the round's doorsteps."""
        rows = self.conn.execute(
            "SELECT p.method, COUNT(*) AS n, SUM(p.amount) AS amount FROM payments p"
            " JOIN round_stops s ON s.checkout_id = p.checkout_id"
            " JOIN checkouts c ON c.id = p.checkout_id AND c.reversed_at IS NULL"
            " WHERE s.round_id = ? GROUP BY p.method ORDER BY p.method",
            (round_id,),
        )
        return {r["method"]: (int(r["n"]), int(r["amount"])) for r in rows}

    def outcome_counts(self, round_id: str) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT outcome, COUNT(*) AS n FROM round_stops WHERE round_id = ? GROUP BY outcome",
            (round_id,),
        )
        return {r["outcome"]: int(r["n"]) for r in rows}


def round_lines(
    store: Store, cycle_id: int | None, point_id: int | None, labels: dict[str, str]
) -> list[RoundLine]:
    """Every round of the cycle (of one delivery method when ``point_id``), for reconciling;
    ``labels`` names the payment methods for the reader."""
    repo = RoundRepository(store)
    lines = []
    for r in repo.rounds(cycle_id):
        if point_id is not None and r.pickup_point_id != point_id:
            continue
        counts = repo.outcome_counts(r.id)
        name = f"{r.method_name} · {r.driver}" if r.driver else r.method_name
        lines.append(
            RoundLine(
                name=name,
                pickup_point_id=r.pickup_point_id,
                driver=r.driver,
                stops=sum(counts.values()),
                delivered=sum(counts.get(o, 0) for o in HANDED_OVER),
                not_delivered=counts.get(PENDING, 0),
                failed=sum(counts.get(o, 0) for o in (NOT_HOME, REFUSED)),
                by_method=tuple(
                    MethodTotal(method, labels.get(method, method), count, amount)
                    for method, (count, amount) in sorted(repo.money_by_method(r.id).items())
                ),
                float_amount=r.float_amount,
                expected_cash=r.float_amount + repo.cash_taken(r.id),
                counted_cash=r.counted_cash,
                closed_at=r.closed_at,
            )
        )
    return lines


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _stop(r: sqlite3.Row) -> StopRow:
    return StopRow(
        id=r["id"], round_id=r["round_id"], order_id=r["order_id"], number=r["number"],
        customer_name=r["customer_name"], position=r["position"],
        outcome=r["outcome"] or PENDING, next_step=r["next_step"],
        checkout_id=r["checkout_id"], note=r["note"], recorded_at=r["recorded_at"],
        amount_paid=int(r["paid"]),
    )  # fmt: skip
