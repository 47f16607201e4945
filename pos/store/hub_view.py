"""The hub's view of the day per till: what each till (by ``till_uid``) took and when its
journal was last read here.

A staff copy of the app that merges every till's journal holds every till's checkouts and
sessions, so the figures here are the whole hub's; a till that merges nothing sees itself
(and any till whose events reached it). The scope (order cycle, pickup point) is the one
of :mod:`pos.store.reconcile`: money counts where it was taken, walk-in sales from the
cycle's opening on. Till sessions per till come from ``ReconcileQueries.sessions``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pos.domain import reconcile as r
from pos.store.db import Store
from pos.store.reconcile import _SCOPED_CHECKOUTS


@dataclass(frozen=True, slots=True)
class TillTotals:
    """One till's checkouts in the scope (sessions are added by the service)."""

    till_uid: str
    collections: int
    walk_ins: int
    expected: int
    point_ids: tuple[int, ...]
    by_method: tuple[r.MethodTotal, ...]


@dataclass(frozen=True, slots=True)
class TillSeen:
    """A till as this copy knows it: its latest label and when its journal was read."""

    till_uid: str
    label: str
    reported_at: str | None
    last_event_at: str | None


class HubViewQueries:
    def __init__(self, store: Store) -> None:
        self.store = store

    def till_totals(self, params: Mapping[str, Any], labels: Mapping[str, str]) -> list[TillTotals]:
        """Per till: live collections and walk-ins, money expected and taken by method.

        ``params`` are ``ReconcileQueries._params`` (cycle, point, since)."""
        rows = self.store.query(
            "SELECT c.till_uid AS uid,"
            " COUNT(CASE WHEN s.kind = 'collection' AND s.reversed_at IS NULL THEN 1 END) AS col,"
            " COUNT(CASE WHEN s.kind = 'walk_in' AND s.reversed_at IS NULL THEN 1 END) AS walk,"
            " COALESCE(SUM(s.amount_due), 0) AS expected,"
            " GROUP_CONCAT(DISTINCT s.point_id) AS points"
            f" FROM ({_SCOPED_CHECKOUTS}) s JOIN checkouts c ON c.id = s.id"
            " GROUP BY c.till_uid ORDER BY c.till_uid",
            dict(params),
        )
        methods: dict[str, list[r.MethodTotal]] = {}
        for row in self.store.query(
            "SELECT c.till_uid AS uid, p.method, COUNT(*) AS n, SUM(p.amount) AS amount"
            f" FROM payments p JOIN ({_SCOPED_CHECKOUTS}) s ON s.id = p.checkout_id"
            " JOIN checkouts c ON c.id = s.id"
            " GROUP BY c.till_uid, p.method ORDER BY p.method = 'cash' DESC, p.method",
            dict(params),
        ):
            methods.setdefault(row["uid"], []).append(
                r.MethodTotal(
                    row["method"],
                    labels.get(row["method"], row["method"]),
                    row["n"],
                    row["amount"],
                )
            )
        return [
            TillTotals(
                till_uid=row["uid"],
                collections=row["col"],
                walk_ins=row["walk"],
                expected=row["expected"],
                point_ids=tuple(int(p) for p in (row["points"] or "").split(",") if p),
                by_method=tuple(methods.get(row["uid"], ())),
            )
            for row in rows
        ]

    def tills_seen(self) -> dict[str, TillSeen]:
        """Every till this copy knows, with its latest label: from its own rows, and from
        the journal (``journal_tills``, which also says when each till last reported)."""
        seen: dict[str, TillSeen] = {}
        for row in self.store.query(
            "SELECT till_uid, till_id, MAX(at) AS at FROM ("
            " SELECT till_uid, till_id, created_at AS at FROM checkouts"
            " UNION ALL SELECT till_uid, till_id, opened_at AS at FROM till_sessions"
            ") GROUP BY till_uid"
        ):
            seen[row["till_uid"]] = TillSeen(row["till_uid"], row["till_id"], None, None)
        if self.store.scalar(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journal_tills'"
        ):
            for row in self.store.query(
                "SELECT till_uid, label, last_event_at, last_seen_at FROM journal_tills"
            ):
                known = seen.get(row["till_uid"])
                seen[row["till_uid"]] = TillSeen(
                    row["till_uid"],
                    row["label"] or (known.label if known else ""),
                    row["last_seen_at"],
                    row["last_event_at"],
                )
        return seen
