"""The hub staff's reconciliation window, behind the staff PIN.

Four tabs: the day's figures (counts, money against expected by method, till counts,
charts), the orders with their collection and sync status (and no-shows), the OFN to-do
list (open the order's admin page, mark done, resolve conflicts) and the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain import reconcile as r
from pos.domain.money import format_money
from pos.errors import KnownError
from pos.services.context import Services
from pos.services.reconcile import Overview
from pos.ui import tasks
from pos.ui.audit_view import AuditView
from pos.ui.formatting import local_time, money
from pos.ui.i18n import current_language
from pos.ui.reconcile_charts import BarChart
from pos.ui.reconcile_tables import KEY_ROLE, RowsModel, make_table, selected_keys
from pos.ui.widgets import fit_to_screen, named

COUNT_NAMES = {
    r.COLLECTED: "countCollected",
    r.PARTLY: "countPartlyCollected",
    r.NOT_COLLECTED: "countNotCollected",
    r.NO_SHOW: "countNoShow",
    r.CANCELLED: "countCancelled",
}
TINTS = {
    r.SYNC_STAFF: "#fde8c8",
    r.SYNC_CONFLICT: "#f8d0d0",
    r.SYNC_WAITING: "#eeeeee",
}


# the PIN gate -------------------------------------------------------------------
class StaffPinDialog(QDialog):
    """Asks who is reconciling, and the hub-staff PIN when one is set."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffPinDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Hub staff"))
        self.services = services
        self.roles = services.roles
        self.role = "volunteer"
        self.name = QLineEdit()
        named(self.name, "staffName", self.tr("Your name"))
        self.pin = QLineEdit()
        named(self.pin, "staffPin", self.tr("Hub-staff PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        named(self.message, "staffPinMessage", self.tr("PIN message"))
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Hub-staff PIN"), self.pin)
        if not self.roles.pin_configured:
            self.pin.setEnabled(False)
            self.message.setText(
                self.tr("No hub-staff PIN is set: anyone at this till can reconcile.")
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Open reconciliation"))
        named(self.ok_button, "staffPinOk", self.tr("Open reconciliation"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def check(self) -> None:
        if not self.name.text().strip():
            self.message.setText(self.tr("Enter your name: the audit log records who did what."))
            self.name.setFocus()
            return
        try:  # a wrong PIN is audited by the roles service
            self.role = self.roles.require("reconcile.open", self.pin.text().strip() or None)
        except KnownError:
            self.message.setText(self.tr("That PIN is not right."))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.accept()


def open_reconcile(
    parent: QWidget, services: Services, opened: Callable[[ReconcileWindow], object]
) -> StaffPinDialog:
    """The main window's menu action: PIN first, then the reconcile window (handed to
    ``opened``, which keeps one at a time)."""
    dialog = StaffPinDialog(services, parent)

    def accepted() -> None:
        window = ReconcileWindow(services, dialog.name.text().strip(), parent)
        opened(window)
        window.show()

    dialog.accepted.connect(accepted)
    fit_to_screen(dialog)
    dialog.open()
    return dialog


# background work ----------------------------------------------------------------
@dataclass(frozen=True)
class _Names:
    """What the order list shows for a status and a sync status (translated on the GUI
    thread, handed to the worker)."""

    currency: str
    locale: str
    timezone: str
    status: dict[str, str]
    sync: dict[str, str]


@dataclass(frozen=True)
class _Loaded:
    view: Overview
    order_rows: list[tuple[str, ...]]  # one per ``view.orders``, formatted for the list


def _order_rows(orders: tuple[r.OrderLine, ...], names: _Names) -> list[tuple[str, ...]]:
    """The order list's text (Babel takes ~0.2 ms an amount: 20,000 orders held the GUI ~1 s)."""
    amounts: dict[int, str] = {}

    def m(minor: int) -> str:
        text = amounts.get(minor)
        if text is None:
            text = amounts[minor] = format_money(minor, names.currency, names.locale)
        return text

    rows: list[tuple[str, ...]] = []
    for o in orders:
        at_till = o.collected_at is not None
        rows.append(
            (
                o.number,
                o.customer_name,
                o.pickup_point_name,
                names.status[o.status],
                local_time(o.collected_at, names.timezone) if at_till else "",
                o.receipt_no,
                m(o.order_total),
                m(o.amount_due) if at_till else "",
                m(o.amount_paid) if at_till else "",
                m(o.left_owing) if o.left_owing else "",
                m(o.credit_amount) if o.credit_amount else "",
                names.sync.get(o.sync_status, o.sync_status),
                o.no_show_reason or o.sync_error,
            )
        )
    return rows


def _overview(
    services: Services, cycle_id: int | None, point_id: int | None, names: _Names
) -> _Loaded:
    """On a pool thread: the figures, read through a connection of its own, and the order
    list's rows already formatted."""
    reader = services.store.reader()
    try:
        view = services.reconcile_on(reader).overview(cycle_id, point_id, current_language())
    finally:
        reader.close()
    return _Loaded(view, _order_rows(view.orders, names))


def _export(services: Services, path: str, point_id: int | None, cycle_id: int | None) -> str:
    """On a pool thread: the end-of-day PDF or CSV, read through a connection of its own."""
    reader = services.store.reader()
    try:
        svc = services.reconcile_on(reader)
        if path.lower().endswith(".pdf"):
            return str(svc.export_pdf(path, point_id, cycle_id))
        return str(svc.export_csv(path, point_id, cycle_id))
    finally:
        reader.close()


# the window ----------------------------------------------------------------------
class ReconcileWindow(QDialog):
    """Figures load on a worker thread (``refreshing`` until ``refreshed`` fires)."""

    exported = Signal(str)
    refreshed = Signal()

    def __init__(self, services: Services, staff_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reconcileWindow")
        self.setWindowTitle(self.tr("Reconcile the day"))
        self.resize(1200, 800)
        self.services = services
        self.staff_name = staff_name
        self.service = services.reconcile
        hub = self.service.hub()
        self.currency, self.hub_locale, self.timezone = hub.currency, hub.locale, hub.timezone
        self.labels = self.service.method_labels(current_language())
        self.view: Overview | None = None
        self._refresh_job: tasks.Job[_Loaded] | None = None
        self._order_rows: list[tuple[str, ...]] = []

        self.status_names = {
            r.COLLECTED: self.tr("Collected"),
            r.PARTLY: self.tr("Partly collected"),
            r.NOT_COLLECTED: self.tr("Not collected"),
            r.NO_SHOW: self.tr("No-show"),
            r.CANCELLED: self.tr("Cancelled"),
        }
        self.sync_names = {
            r.SYNC_DONE: self.tr("Pushed and verified"),
            r.SYNC_WAITING: self.tr("Waiting to push"),
            r.SYNC_STAFF: self.tr("Needs staff action"),
            r.SYNC_STAFF_DONE: self.tr("Staff action done"),
            r.SYNC_CONFLICT: self.tr("Conflict with OFN"),
            r.SYNC_NONE: "",
        }
        self.kind_names = {
            "enter_payment": self.tr("Enter the payment"),
            "unpaid_handover": self.tr("Handed over unpaid"),
            "credit": self.tr("Refund or credit"),
            "walk_in": self.tr("Record the walk-in sale"),
            "conflict": self.tr("Conflict"),
            "error": self.tr("Error"),
            "pending_payment": self.tr("Void the OFN payment"),
            "late_email": self.tr("Customer emailed late"),
        }

        # top bar
        self.cycle = QComboBox()
        named(self.cycle, "reconcileCycle", self.tr("Order cycle"))
        current = self.service.current_cycle()
        for cycle in self.service.order_cycles():
            self.cycle.addItem(cycle.name, cycle.id)
        if current is not None:
            self.cycle.setCurrentIndex(max(0, self.cycle.findData(current.id)))
        self.point = QComboBox()
        named(self.point, "reconcilePoint", self.tr("Pickup point"))
        self.point.addItem(self.tr("All pickup points"), None)
        for p in self.service.pickup_points():
            self.point.addItem(p.name, p.id)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        named(self.refresh_button, "reconcileRefresh", self.tr("Refresh"))
        self.pdf_button = QPushButton(self.tr("Report PDF…"))
        named(self.pdf_button, "reconcileExportPdf", self.tr("Save the end-of-day report as PDF"))
        self.csv_button = QPushButton(self.tr("Report CSV…"))
        named(self.csv_button, "reconcileExportCsv", self.tr("Save the end-of-day report as CSV"))
        self.message = QLabel()
        named(self.message, "reconcileMessage", self.tr("Message"))
        self.message.setWordWrap(True)
        who = QLabel(self.tr("Reconciling as %1").replace("%1", staff_name))
        named(who, "reconcileStaff", self.tr("Reconciling as"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Order cycle")))
        bar.addWidget(self.cycle, 2)
        bar.addWidget(QLabel(self.tr("Pickup point")))
        bar.addWidget(self.point, 2)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(who)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.csv_button)

        self.tabs = QTabWidget()
        named(self.tabs, "reconcileTabs", self.tr("Reconciliation"))
        self.tabs.addTab(self._build_summary(), self.tr("The day"))
        self.tabs.addTab(self._build_orders(), self.tr("Orders"))
        self.tabs.addTab(self._build_actions(), self.tr("To do in OFN"))
        self.audit_view = AuditView(self.service)
        self.tabs.addTab(self.audit_view, self.tr("Audit log"))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self.cycle.currentIndexChanged.connect(self.refresh)
        self.point.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(lambda: self._choose_export("pdf"))
        self.csv_button.clicked.connect(lambda: self._choose_export("csv"))
        self.refresh()

    # construction ---------------------------------------------------------------
    def _build_summary(self) -> QWidget:
        page = QWidget()
        self.sync_summary = QLabel()
        named(self.sync_summary, "syncSummary", self.tr("Open Food Network sync"))
        self.sync_summary.setWordWrap(True)
        counts_box = QGroupBox(self.tr("Orders"))
        grid = QGridLayout(counts_box)
        grid.addWidget(self.sync_summary, 2, 0, 1, len(r.STATUSES))
        self.count_labels: dict[str, QLabel] = {}
        for col, status in enumerate(r.STATUSES):
            value = QLabel("0")
            named(value, COUNT_NAMES[status], self.status_names[status])
            font = value.font()
            font.setPointSize(font.pointSize() + 8)
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(value, 0, col)
            grid.addWidget(QLabel(self.status_names[status]), 1, col)
            self.count_labels[status] = value

        self.money_model = RowsModel(
            [
                self.tr("Pickup point"), self.tr("Owed on orders"), self.tr("Walk-in sales"),
                self.tr("Expected"), self.tr("Recorded"), self.tr("Difference"),
                self.tr("Left owing"), self.tr("Credit owed"),
            ],
            numeric={1, 2, 3, 4, 5, 6, 7},
        )  # fmt: skip
        self.money_table = make_table(self.money_model, "moneyTable", self.tr("Money"), stretch=0)
        self.money_note = QLabel()
        named(self.money_note, "moneyNote", self.tr("Money explanation"))
        self.money_note.setWordWrap(True)
        self.method_model = RowsModel(
            [self.tr("Method"), self.tr("Payments"), self.tr("Amount")], numeric={1, 2}
        )
        self.method_table = make_table(
            self.method_model, "methodTable", self.tr("Money by method"), stretch=0
        )
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
            self.sessions_model, "sessionsTable", self.tr("Till sessions"), stretch=11
        )
        self.half_hour_chart = BarChart(self.tr("Collections per half hour"), [self.tr("Orders")])
        named(self.half_hour_chart, "halfHourChart", self.tr("Collections per half hour"))
        self.points_chart = BarChart(
            self.tr("Collected and remaining per pickup point"),
            [self.tr("Collected"), self.tr("Remaining")],
        )
        named(self.points_chart, "pointsChart", self.tr("Collected and remaining per point"))

        money_box = QGroupBox(self.tr("Money: expected against recorded"))
        money_layout = QHBoxLayout(money_box)
        left = QVBoxLayout()
        left.addWidget(self.money_table)
        left.addWidget(self.money_note)
        money_layout.addLayout(left, 3)
        money_layout.addWidget(self.method_table, 1)
        self.sessions_note = QLabel()
        named(self.sessions_note, "sessionsNote", self.tr("Till sessions still open"))
        self.sessions_note.setStyleSheet("QLabel { color: #b45309; font-weight: bold; }")
        sessions_box = QGroupBox(self.tr("Till sessions"))
        sessions_layout = QVBoxLayout(sessions_box)
        sessions_layout.addWidget(self.sessions_table)
        sessions_layout.addWidget(self.sessions_note)
        charts = QHBoxLayout()
        charts.addWidget(self.half_hour_chart)
        charts.addWidget(self.points_chart)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(counts_box)
        layout.addWidget(money_box)
        layout.addWidget(sessions_box)
        layout.addLayout(charts)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        return page

    def _build_orders(self) -> QWidget:
        page = QWidget()
        self.status_filter = QComboBox()
        named(self.status_filter, "ordersStatusFilter", self.tr("Show orders"))
        self.status_filter.addItem(self.tr("All orders"), None)
        for status in r.STATUSES:
            self.status_filter.addItem(self.status_names[status], status)
        self.status_filter.addItem(self.tr("Needing staff action or in conflict"), "attention")
        self.status_filter.addItem(self.tr("Left owing (not or partly paid)"), "owing")
        self.status_filter.addItem(self.tr("Credit owed back (paid too much)"), "credit")
        self.orders_model = RowsModel(
            [
                self.tr("Order"), self.tr("Customer"), self.tr("Pickup point"), self.tr("Status"),
                self.tr("Collected"), self.tr("Receipt"), self.tr("Order total"),
                self.tr("Owed at till"), self.tr("Paid at till"), self.tr("Left owing"),
                self.tr("Credit owed"), self.tr("OFN sync"), self.tr("Note"),
            ],
            numeric={6, 7, 8, 9, 10},
        )  # fmt: skip
        self.orders_table = make_table(
            self.orders_model, "ordersTable", self.tr("Orders"), multi=True, stretch=1
        )
        self.no_show_reason = QLineEdit()
        named(self.no_show_reason, "noShowReason", self.tr("No-show reason"))
        self.no_show_reason.setPlaceholderText(self.tr("Reason, e.g. did not come"))
        self.no_show_button = QPushButton(self.tr("Mark selected as no-show"))
        named(self.no_show_button, "noShowButton", self.tr("Mark selected as no-show"))
        self.clear_no_show_button = QPushButton(self.tr("Clear no-show"))
        named(self.clear_no_show_button, "clearNoShowButton", self.tr("Clear no-show"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.status_filter)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.no_show_reason, 1)
        bottom.addWidget(self.no_show_button)
        bottom.addWidget(self.clear_no_show_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.orders_table)
        layout.addLayout(bottom)
        self.status_filter.currentIndexChanged.connect(self._fill_orders)
        self.no_show_button.clicked.connect(self.mark_no_show)
        self.clear_no_show_button.clicked.connect(self.clear_no_show)
        return page

    def _build_actions(self) -> QWidget:
        page = QWidget()
        self.show_done = QCheckBox(self.tr("Show actions already done"))
        named(self.show_done, "showDoneActions", self.tr("Show actions already done"))
        self.actions_model = RowsModel(
            [
                self.tr("Order"), self.tr("Customer"), self.tr("What to do"), self.tr("Why"),
                self.tr("Amount"), self.tr("Method"), self.tr("Since"), self.tr("Done"),
            ],
            numeric={4},
        )  # fmt: skip
        self.actions_table = make_table(
            self.actions_model, "actionsTable", self.tr("To do in OFN"), stretch=3
        )
        self.open_ofn_button = QPushButton(self.tr("Open in OFN"))
        named(self.open_ofn_button, "openOfnButton", self.tr("Open the order's page in OFN"))
        self.mark_done_button = QPushButton(self.tr("Mark done"))
        named(self.mark_done_button, "markDoneButton", self.tr("Mark the action done"))
        self.keep_local_button = QPushButton(self.tr("Keep the till's collection"))
        named(self.keep_local_button, "keepLocalButton", self.tr("Keep the till's collection"))
        self.accept_ofn_button = QPushButton(self.tr("Accept OFN's state"))
        named(self.accept_ofn_button, "acceptOfnButton", self.tr("Accept OFN's state"))
        hint = QLabel(
            self.tr(
                "OFN's API cannot record most payments taken at the till: open the order in "
                "OFN, enter what is listed, then mark it done here."
            )
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_done)
        buttons.addStretch(1)
        for b in (self.open_ofn_button, self.mark_done_button, self.keep_local_button,
                  self.accept_ofn_button):  # fmt: skip
            buttons.addWidget(b)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.actions_table)
        layout.addLayout(buttons)
        self.show_done.toggled.connect(self._fill_actions)
        self.actions_table.selectionModel().selectionChanged.connect(self._action_buttons)
        self.open_ofn_button.clicked.connect(self.open_in_ofn)
        self.mark_done_button.clicked.connect(self.mark_done)
        self.keep_local_button.clicked.connect(lambda: self.resolve(keep_local=True))
        self.accept_ofn_button.clicked.connect(lambda: self.resolve(keep_local=False))
        return page

    # data -------------------------------------------------------------------------
    @property
    def point_id(self) -> int | None:
        value = self.point.currentData()
        return None if value is None else int(value)

    @property
    def cycle_id(self) -> int | None:
        value = self.cycle.currentData()
        return None if value is None else int(value)

    def _m(self, minor: int | None) -> str:
        return "—" if minor is None else money(minor, self.currency, self.hub_locale)

    @property
    def refreshing(self) -> bool:
        return self._refresh_job is not None

    def refresh(self) -> None:
        """Reload the figures off the GUI thread; only the latest choice's answer is shown."""
        if self._refresh_job is not None:
            self._refresh_job.cancel()
        services, cycle_id, point_id = self.services, self.cycle_id, self.point_id
        names = _Names(self.currency, self.hub_locale, self.timezone,
                       dict(self.status_names), dict(self.sync_names))  # fmt: skip
        self._refresh_job = tasks.run(
            lambda: _overview(services, cycle_id, point_id, names),
            on_result=self._show_overview,
            on_error=self._refresh_failed,
            owner=self,
            what="reconcile refresh",
        )

    def _refresh_failed(self, exc: BaseException) -> None:
        self._refresh_job = None
        self.show_message(tasks.describe(exc))

    def done(self, result: int) -> None:
        """Closing drops a refresh still running (nothing waits for it)."""
        if self._refresh_job is not None:
            self._refresh_job.cancel()
            self._refresh_job = None
        super().done(result)

    def _show_overview(self, loaded: _Loaded) -> None:
        self._refresh_job = None
        self.view = view = loaded.view
        self._order_rows = loaded.order_rows
        for status, label in self.count_labels.items():
            label.setText(str(view.total.counts.get(status, 0)))
        sync = r.sync_counts(view.orders)
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
                    all_name if g is view.total and self.point_id is None else g.name,
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
        self.half_hour_chart.set_bars([(label, (n,)) for label, n in view.half_hours])
        shown = view.points or (view.total,)
        self.points_chart.set_bars(
            [
                (p.name, (p.counts.get(r.COLLECTED, 0) + p.counts.get(r.PARTLY, 0), p.remaining))
                for p in shown
            ]
        )
        self._fill_orders()
        self._fill_actions()
        open_n = len(view.open_actions)
        self.tabs.setTabText(
            2, self.tr("To do in OFN (%1)").replace("%1", str(open_n))
            if open_n else self.tr("To do in OFN")
        )  # fmt: skip
        self.refreshed.emit()

    def _fill_orders(self) -> None:
        if self.view is None:
            return
        wanted = self.status_filter.currentData()
        chosen = [
            i for i, o in enumerate(self.view.orders)
            if wanted is None or o.status == wanted
            or (wanted == "attention" and o.sync_status in (r.SYNC_STAFF, r.SYNC_CONFLICT))
            or (wanted == "owing" and o.left_owing > 0)
            or (wanted == "credit" and o.credit_amount > 0)
        ]  # fmt: skip
        orders = [self.view.orders[i] for i in chosen]
        rows = [self._order_rows[i] for i in chosen]
        self.orders_model.set_rows(
            rows,
            keys=[o.order_id for o in orders],
            tints=[TINTS.get(o.sync_status) for o in orders],
        )

    def _fill_actions(self) -> None:
        if self.view is None:
            return
        actions = [a for a in self.view.actions if a.is_open or self.show_done.isChecked()]
        self.actions_model.set_rows(
            [
                (
                    a.order_number,
                    a.customer_name,
                    self.kind_names.get(a.kind, a.kind),
                    a.reason,
                    "" if a.amount is None else self._m(a.amount),
                    self.labels.get(a.method or "", a.method or ""),
                    local_time(a.created_at, self.timezone),
                    ""
                    if a.is_open
                    else self.tr("%1 by %2")
                    .replace("%1", local_time(a.done_at, self.timezone))
                    .replace("%2", a.done_by or ""),
                )
                for a in actions
            ],
            keys=[a.id for a in actions],
            tints=[
                TINTS[r.SYNC_CONFLICT]
                if a.kind in ("conflict", "pending_payment") and a.is_open
                else None
                for a in actions
            ],
        )
        self._action_buttons()

    def _selected_actions(self) -> list[r.StaffActionLine]:
        if self.view is None:
            return []
        keys = set(selected_keys(self.actions_table))
        return [a for a in self.view.actions if a.id in keys]

    def _action_buttons(self) -> None:
        chosen = self._selected_actions()
        one = chosen[0] if len(chosen) == 1 else None
        self.open_ofn_button.setEnabled(bool(one and one.admin_url))
        self.mark_done_button.setEnabled(bool(one and one.is_open))
        can_resolve = bool(
            one and one.kind == "conflict" and one.is_open and one.order_id is not None
            and self.service.can_resolve_conflicts
        )  # fmt: skip
        self.keep_local_button.setEnabled(can_resolve)
        self.accept_ofn_button.setEnabled(can_resolve)

    # actions ------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def select_action(self, action_id: str) -> bool:
        model = self.actions_model
        for row in range(model.rowCount()):
            if model.index(row, 0).data(KEY_ROLE) == action_id:
                self.actions_table.selectRow(row)
                return True
        return False

    def select_orders(self, order_ids: list[int]) -> None:
        table: QTableView = self.orders_table
        table.clearSelection()
        model = self.orders_model
        wanted = set(order_ids)
        from PySide6.QtCore import QItemSelectionModel

        for row in range(model.rowCount()):
            if model.index(row, 0).data(KEY_ROLE) in wanted:
                table.selectionModel().select(
                    model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def open_in_ofn(self) -> None:
        chosen = self._selected_actions()
        if len(chosen) == 1 and chosen[0].admin_url:
            QDesktopServices.openUrl(QUrl(chosen[0].admin_url))

    def mark_done(self) -> None:
        chosen = self._selected_actions()
        if len(chosen) != 1:
            return
        action = chosen[0]
        try:
            self.service.mark_action_done(action.id, self.staff_name)
        except KnownError as exc:
            self.show_message(exc.message)
            return
        self.show_message(
            self.tr("Marked done: %1.").replace("%1", action.order_number or action.kind)
        )
        self.refresh()
        self.audit_view.reload_choices()

    def resolve(self, *, keep_local: bool) -> None:
        chosen = self._selected_actions()
        if len(chosen) != 1 or chosen[0].order_id is None:
            return
        action = chosen[0]
        order_id = int(action.order_id or 0)
        try:
            self.service.resolve_conflict(order_id, keep_local=keep_local, actor=self.staff_name)
        except KnownError as exc:
            self.show_message(exc.message)
            return
        text = (
            self.tr("Kept the till's collection of %1; it is flagged for staff.")
            if keep_local
            else self.tr("Accepted OFN's state for %1; the till's collection was reversed.")
        )
        self.show_message(text.replace("%1", action.order_number))
        self.refresh()
        self.audit_view.reload_choices()

    def _selected_order_ids(self) -> list[int]:
        return [int(k) for k in selected_keys(self.orders_table)]

    def mark_no_show(self) -> None:
        ids = self._selected_order_ids()
        reason = self.no_show_reason.text().strip()
        if not ids:
            self.show_message(self.tr("Select the orders that were not collected first."))
            return
        if not reason:
            self.show_message(self.tr("Give a reason for the no-show (e.g. “did not come”)."))
            self.no_show_reason.setFocus()
            return
        done, refused = 0, []
        for oid in ids:
            try:
                self.service.mark_no_show(oid, reason, self.staff_name)
                done += 1
            except KnownError as exc:
                refused.append(exc.message)
        text = self.tr("%n order(s) marked as no-show.", "", done)
        if refused:
            text += " " + " ".join(refused)
        self.show_message(text)
        self.refresh()
        self.audit_view.reload_choices()

    def clear_no_show(self) -> None:
        cleared = 0
        for oid in self._selected_order_ids():
            try:
                cleared += self.service.clear_no_show(oid, self.staff_name)
            except KnownError as exc:
                self.show_message(exc.message)
                return
        self.show_message(self.tr("%n no-show mark(s) cleared.", "", cleared))
        self.refresh()
        self.audit_view.reload_choices()

    # exports --------------------------------------------------------------------------
    def _choose_export(self, kind: str) -> None:
        name = "end-of-day." + kind
        filters = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("CSV files (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), name, filters)
        if path:
            if not path.lower().endswith("." + kind):
                path += "." + kind
            self.export(path)

    def export(self, path: str | Path) -> None:
        """Write the report on a worker thread; ``exported`` fires with the path."""
        services, target = self.services, str(path)
        point_id, cycle_id = self.point_id, self.cycle_id
        self.show_message(self.tr("Writing %1…").replace("%1", target))
        tasks.run(
            lambda: _export(services, target, point_id, cycle_id),
            on_result=self._exported,
            on_error=lambda exc: self.show_message(tasks.describe(exc)),
            owner=self,
            what="report export",
        )

    def _exported(self, path: str) -> None:
        self.show_message(self.tr("Saved %1").replace("%1", path))
        self.exported.emit(path)
