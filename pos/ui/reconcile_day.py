"""The reconcile window's first tab, "The day": counts per status, money expected against
recorded (per pickup point and per method), till sessions and two charts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos.domain import reconcile as r
from pos.services.reconcile import Overview
from pos.ui.formatting import local_time, money
from pos.ui.reconcile_charts import BarChart
from pos.ui.reconcile_tables import RowsModel, make_table
from pos.ui.reconcile_tills import TillsBox
from pos.ui.rounds_box import RoundsBox
from pos.ui.widgets import named

COUNT_NAMES = {
    r.COLLECTED: "countCollected",
    r.PARTLY: "countPartlyCollected",
    r.NOT_COLLECTED: "countNotCollected",
    r.NO_SHOW: "countNoShow",
    r.CANCELLED: "countCancelled",
}


class DayTab(QWidget):
    """Shows one :class:`Overview`; small tables, filled on the GUI thread."""

    def __init__(
        self, status_names: dict[str, str], currency: str, locale: str, timezone: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.currency, self.hub_locale, self.timezone = currency, locale, timezone
        self.sync_summary = QLabel()
        named(self.sync_summary, "syncSummary", self.tr("Open Food Network sync"))
        self.sync_summary.setWordWrap(True)
        counts_box = QGroupBox(self.tr("Orders"))
        grid = QGridLayout(counts_box)
        grid.addWidget(self.sync_summary, 2, 0, 1, len(r.STATUSES))
        self.count_labels: dict[str, QLabel] = {}
        for col, status in enumerate(r.STATUSES):
            value = QLabel("0")
            named(value, COUNT_NAMES[status], status_names[status])
            font = value.font()
            font.setPointSize(font.pointSize() + 8)
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(value, 0, col)
            grid.addWidget(QLabel(status_names[status]), 1, col)
            self.count_labels[status] = value

        self.money_model = RowsModel(
            [
                self.tr("Pickup point"), self.tr("Owed on orders"), self.tr("Walk-in sales"),
                self.tr("Expected"), self.tr("Recorded"), self.tr("Difference"),
                self.tr("Left owing"), self.tr("Credit owed"),
            ],
            numeric={1, 2, 3, 4, 5, 6, 7},
        )  # fmt: skip
        self.money_table = make_table(
            self.money_model, "moneyTable", self.tr("Money"), stretch=0, names={0}
        )
        self.money_table.hug = True  # as tall as its rows: the page scrolls, not the table
        self.money_note = QLabel()
        named(self.money_note, "moneyNote", self.tr("Money explanation"))
        self.money_note.setWordWrap(True)
        self.method_model = RowsModel(
            [self.tr("Method"), self.tr("Payments"), self.tr("Amount")], numeric={1, 2}
        )
        self.method_table = make_table(
            self.method_model, "methodTable", self.tr("Money by method"), stretch=0, names={0}
        )
        # as wide as its columns (FittedTable.sizeHint): the pickup points get the rest
        self.method_table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        money_box = QGroupBox(self.tr("Money: expected against recorded"))
        money_layout = QHBoxLayout(money_box)
        left = QVBoxLayout()
        left.addWidget(self.money_table)
        left.addWidget(self.money_note)
        money_layout.addLayout(left, 1)
        money_layout.addWidget(self.method_table)

        inner = QWidget()
        self._layout = QVBoxLayout(inner)
        self._layout.addWidget(counts_box)
        self._layout.addWidget(money_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # the parts below the fold, one per turn of the event loop (build_more): the whole
        # tab in one turn held the GUI thread for ~60 ms at each opening
        self._rest = [self._build_sessions, self._build_tills, self._build_rounds_and_charts]

    @property
    def rest_built(self) -> bool:
        return not self._rest

    def build_more(self) -> None:
        """The next part below the fold (till sessions, per point and per till, delivery
        rounds and the charts), in the layout's order."""
        if self._rest:
            self._rest.pop(0)()

    def _build_sessions(self) -> None:
        self.sessions_model = RowsModel(
            [
                self.tr("Till"), self.tr("Volunteer"), self.tr("Pickup point"), self.tr("Opened"),
                self.tr("Closed"), self.tr("Float"), self.tr("Cash taken"),
                self.tr("Cash in/out"), self.tr("Expected cash"), self.tr("Counted"),
                self.tr("Difference"), self.tr("Note"),
            ],
            numeric={5, 6, 7, 8, 9, 10},
        )  # fmt: skip
        self.sessions_table = make_table(
            self.sessions_model, "sessionsTable", self.tr("Till sessions"), stretch=11,
            whole={0, 3, 4}, names={1, 2},
        )  # fmt: skip
        self.sessions_table.hug = True
        self.sessions_note = QLabel()
        named(self.sessions_note, "sessionsNote", self.tr("Till sessions still open"))
        self.sessions_note.setStyleSheet("QLabel { color: #b45309; font-weight: bold; }")
        sessions_box = QGroupBox(self.tr("Till sessions"))
        sessions_layout = QVBoxLayout(sessions_box)
        sessions_layout.addWidget(self.sessions_table)
        sessions_layout.addWidget(self.sessions_note)
        self._layout.addWidget(sessions_box)

    def _build_tills(self) -> None:
        self.tills_box = TillsBox(self.timezone)  # the day per pickup point and per till
        self._layout.addWidget(self.tills_box)

    def _build_rounds_and_charts(self) -> None:
        self.rounds_box = RoundsBox()  # delivery rounds, beside the pickup points
        self._layout.addWidget(self.rounds_box)
        self.half_hour_chart = BarChart(self.tr("Collections per half hour"), [self.tr("Orders")])
        named(self.half_hour_chart, "halfHourChart", self.tr("Collections per half hour"))
        self.points_chart = BarChart(
            self.tr("Collected and remaining per pickup point"),
            [self.tr("Collected"), self.tr("Remaining")],
        )
        named(self.points_chart, "pointsChart", self.tr("Collected and remaining per point"))
        charts = QHBoxLayout()
        charts.addWidget(self.half_hour_chart)
        charts.addWidget(self.points_chart)
        self._layout.addLayout(charts)

    def _m(self, minor: int | None) -> str:
        return "—" if minor is None else money(minor, self.currency, self.hub_locale)

    def show_view(self, view: Overview, sync: dict[str, int], all_points: bool) -> None:
        """The figures of ``view``; ``sync`` the orders per sync status (counted off the GUI
        thread); ``all_points`` when the scope is every pickup point."""
        while not self.rest_built:
            self.build_more()
        for status, label in self.count_labels.items():
            label.setText(str(view.total.counts.get(status, 0)))
        self.sync_summary.setText(
            self.tr(
                "Open Food Network: %1 pushed and verified, %2 waiting to push, %3 needing "
                "staff action, %4 in conflict."
            )
            .replace("%1", str(sync[r.SYNC_DONE] + sync[r.SYNC_STAFF_DONE]))
            .replace("%2", str(sync[r.SYNC_WAITING]))
            .replace("%3", str(sync[r.SYNC_STAFF]))
            .replace("%4", str(sync[r.SYNC_CONFLICT]))
        )
        all_name = self.tr("All pickup points")
        groups = [*view.points, view.total]
        self.money_model.set_rows(
            [
                (
                    all_name if g is view.total and all_points else g.name,
                    self._m(g.money.expected_orders),
                    self._m(g.money.expected_walk_ins),
                    self._m(g.money.expected),
                    self._m(g.money.recorded),
                    self._m(g.money.difference),
                    self._m(g.money.left_owing),
                    self._m(g.money.credit_owed),
                )
                for g in groups
            ],
            keys=[g.pickup_point_id for g in groups],
            tints=["#f8d0d0" if g.money.difference < 0 else None for g in groups],
        )
        m = view.total.money
        self.money_note.setText(
            self.tr(
                "Recorded %1 against %2 expected. Customers still owe %3; the hub owes %4 back. "
                "Walk-in sales: %5."
            )
            .replace("%1", self._m(m.recorded))
            .replace("%2", self._m(m.expected))
            .replace("%3", self._m(m.left_owing))
            .replace("%4", self._m(m.credit_owed))
            .replace("%5", str(m.walk_in_count))
        )
        self.method_model.set_rows(
            [(x.label, str(x.count), self._m(x.amount)) for x in m.by_method]
            + [(self.tr("Total"), str(sum(x.count for x in m.by_method)), self._m(m.recorded))],
            keys=[x.method for x in m.by_method] + [None],
        )
        self._show_sessions(view)
        self.tills_box.show_view(
            view.points, view.total, view.sessions, view.tills, self._m, all_name
        )
        self.rounds_box.set_rounds(view.rounds, self._m)
        self.half_hour_chart.set_bars([(label, (n,)) for label, n in view.half_hours])
        shown = view.points or (view.total,)
        self.points_chart.set_bars(
            [
                (p.name, (p.counts.get(r.COLLECTED, 0) + p.counts.get(r.PARTLY, 0), p.remaining))
                for p in shown
            ]
        )

    def _show_sessions(self, view: Overview) -> None:
        self.sessions_model.set_rows(
            [
                (
                    f"{s.till_id} #{s.number}",
                    s.volunteer,
                    s.pickup_point_name,
                    local_time(s.opened_at, self.timezone),
                    local_time(s.closed_at, self.timezone) if s.closed_at else self.tr("open"),
                    self._m(s.float_amount),
                    self._m(s.cash_payments),
                    self._m(s.cash_movements),
                    self._m(s.expected_cash),
                    self._m(s.counted_cash),
                    self._m(s.difference),
                    s.close_note,
                )
                for s in view.sessions
            ],
            keys=[s.id for s in view.sessions],
            tints=["#f8d0d0" if s.difference else None for s in view.sessions],
        )
        still_open = [f"{s.till_id} #{s.number}" for s in view.sessions if s.closed_at is None]
        self.sessions_note.setText(
            self.tr("Still open, cash not counted: %1.").replace("%1", ", ".join(still_open))
            if still_open
            else ""
        )
        self.sessions_note.setVisible(bool(still_open))
