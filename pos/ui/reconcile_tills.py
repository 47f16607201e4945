"""The day per pickup point and per till, on the reconcile screen's first tab.

Per pickup point: orders, collected, no-shows, walk-in sales, till sessions and the money
taken by method. Per till (by its unique id; its label shown): where it worked, its
collections and walk-ins, its sessions (open ones named), the money it took by method, and
when this copy last read its journal, so hub staff see which tills have reported and since
when. A staff copy that merges every till's journal shows the whole hub here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from pos.domain import reconcile as r
from pos.ui.formatting import local_time
from pos.ui.reconcile_tables import RowsModel, make_table
from pos.ui.widgets import named

Money = Callable[[int | None], str]


def _taken(methods: tuple[r.MethodTotal, ...], money: Money) -> str:
    return ", ".join(f"{m.label} {money(m.amount)}" for m in methods) or "—"


class TillsBox(QGroupBox):
    """``show_view`` fills both tables from an overview (small: a row per point or till)."""

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone
        self.setTitle(self.tr("Per pickup point and per till"))
        self.setObjectName("tillsBox")
        self.points_model = RowsModel(
            [
                self.tr("Pickup point"), self.tr("Orders"), self.tr("Collected", "count of orders"),
                self.tr("No-shows"), self.tr("Walk-in sales"), self.tr("Till sessions"),
                self.tr("Taken by method"), self.tr("Recorded"),
            ],
            numeric={1, 2, 3, 4, 5, 7},
        )  # fmt: skip
        self.points_table = make_table(
            self.points_model, "pointsBreakdownTable", self.tr("Per pickup point"), stretch=6,
            wrap={6}, names={0},
        )  # fmt: skip
        self.tills_model = RowsModel(
            [
                self.tr("Till"), self.tr("Pickup point"), self.tr("Collections"),
                self.tr("Walk-in sales"), self.tr("Till sessions"), self.tr("Taken by method"),
                self.tr("Recorded"), self.tr("Last reported"),
            ],
            numeric={2, 3, 6},
        )  # fmt: skip
        self.tills_table = make_table(
            self.tills_model, "tillsTable", self.tr("Per till"), stretch=5, whole={4, 7},
            names={0, 1}, wrap={5},
        )  # fmt: skip
        for table in (self.points_table, self.tills_table):
            table.hug = True  # as tall as its rows: no empty band in the scrolling page
        self.reported = QLabel()
        named(self.reported, "tillsReported", self.tr("Tills that have reported"))
        self.reported.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Per pickup point")))
        layout.addWidget(self.points_table)
        layout.addWidget(QLabel(self.tr("Per till")))
        layout.addWidget(self.tills_table)
        layout.addWidget(self.reported)

    def show_view(
        self,
        points: tuple[r.PointSummary, ...],
        total: r.PointSummary,
        sessions: tuple[r.TillSessionLine, ...],
        tills: tuple[r.TillLine, ...],
        money: Money,
        total_name: str,
    ) -> None:
        per_point = Counter(s.pickup_point_id for s in sessions)
        groups = [*points, total] if points else [total]
        self.points_model.set_rows(
            [
                (
                    total_name if g is total and points else g.name,
                    str(g.total_orders),
                    str(g.counts.get(r.COLLECTED, 0) + g.counts.get(r.PARTLY, 0)),
                    str(g.counts.get(r.NO_SHOW, 0)),
                    str(g.money.walk_in_count),
                    str(len(sessions) if g is total else per_point.get(g.pickup_point_id, 0)),
                    _taken(g.money.by_method, money),
                    money(g.money.recorded),
                )
                for g in groups
            ],
            keys=[g.pickup_point_id for g in groups],
        )
        self.tills_model.set_rows(
            [self._till_row(t, money) for t in tills],
            keys=[t.till_uid for t in tills],
            tints=["#fef3c7" if t.open_sessions else None for t in tills],
        )
        self.reported.setText(self._reported_text(tills))

    def _till_row(self, t: r.TillLine, money: Money) -> tuple[str, ...]:
        sessions = str(t.sessions)
        if t.open_sessions:
            sessions = self.tr("%1 (%n open)", "", t.open_sessions).replace("%1", sessions)
        return (
            self.tr("%1 (this till)").replace("%1", t.label) if t.is_this_till else t.label,
            ", ".join(t.pickup_points) or "—",
            str(t.collections),
            str(t.walk_ins),
            sessions,
            _taken(t.by_method, money),
            money(t.recorded),
            self._when(t),
        )

    def _when(self, t: r.TillLine) -> str:
        if t.is_this_till:
            return self.tr("this till")
        if t.reported_at is None:
            return self.tr("not through the journal")
        return local_time(t.reported_at, self.timezone)

    def _reported_text(self, tills: tuple[r.TillLine, ...]) -> str:
        others = [t for t in tills if not t.is_this_till and t.reported_at]
        if not others:
            return self.tr(
                "No other till has reported through the shared journal folder: these figures "
                "are this till's (and what reached it through Open Food Network)."
            )
        return self.tr("Tills read from the shared journal folder: %1.").replace(
            "%1",
            ", ".join(
                self.tr("%1 (last event %2, read %3)")
                .replace("%1", t.label)
                .replace("%2", local_time(t.last_event_at, self.timezone) or "—")
                .replace("%3", local_time(t.reported_at, self.timezone))
                for t in others
            ),
        )
