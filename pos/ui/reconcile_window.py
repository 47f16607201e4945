"""The hub staff's reconciliation window, behind the staff PIN.

Four tabs, one module each: the day's figures (:mod:`pos.ui.reconcile_day`), the orders
with their collection and sync status and no-shows (:mod:`pos.ui.reconcile_orders`), the
OFN to-do list (:mod:`pos.ui.reconcile_actions`) and the audit log
(:mod:`pos.ui.audit_view`). This module holds the PIN gate, the top bar, the exports and
the refresh, which reads and formats everything in a worker process
(:mod:`pos.ui.reconcile_rows`) so the GUI thread only hands packed rows to the tables,
whatever the number of orders.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain import reconcile as r
from pos.services import processes
from pos.services.context import Services
from pos.services.reconcile import Overview
from pos.ui import tasks
from pos.ui.audit_view import AuditView
from pos.ui.i18n import current_language
from pos.ui.reconcile_actions import ActionsTab
from pos.ui.reconcile_day import DayTab
from pos.ui.reconcile_orders import OrdersTab
from pos.ui.reconcile_rows import ActionNames, Loaded, Names, Request, load, warm
from pos.ui.staff_gate import PinCooldown, check_pin
from pos.ui.widgets import NextTurn, fit_to_screen, named, staff_screen


# the PIN gate -------------------------------------------------------------------
class StaffPinDialog(QDialog):
    """Asks who is reconciling, and the hub-staff PIN when one is set."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffPinDialog")
        staff_screen(self)
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
        self.cooldown = PinCooldown(self, self.message, [self.pin, self.ok_button])

    def check(self) -> None:
        if not self.name.text().strip():
            self.message.setText(self.tr("Enter your name: the audit log records who did what."))
            self.name.setFocus()
            return
        role = check_pin(self.roles, "reconcile.open", self.pin, self.message, self.cooldown)
        if role is not None:
            self.role = role
            self.accept()


def open_reconcile(
    parent: QWidget, services: Services, opened: Callable[[ReconcileWindow], object]
) -> StaffPinDialog:
    """The main window's menu action: PIN first, then the reconcile window (handed to
    ``opened``, which keeps one at a time)."""
    dialog = StaffPinDialog(services, parent)
    with contextlib.suppress(RuntimeError):  # the pool is shutting down: the app is closing
        processes.pool(processes.QUICK).submit(warm)  # it starts while the PIN is typed

    def accepted() -> None:
        window = ReconcileWindow(services, dialog.name.text().strip(), parent)
        opened(window)
        fit_to_screen(window)
        window.show()

    dialog.accepted.connect(accepted)
    fit_to_screen(dialog)
    dialog.open()
    return dialog


# background work ----------------------------------------------------------------
def _export(services: Services, path: str, point_id: int | None, cycle_id: int | None) -> str:
    """On a pool thread: the end-of-day CSV, read through a connection of its own. The PDF
    is made in a PDF worker process and only waited for here: laying it out on a thread
    would hold this interpreter's lock and stall the typing in the till."""
    if path.lower().endswith(".pdf"):
        from pos.services import processes
        from pos.services.reconcile import write_report_pdf

        store = services.store
        job = processes.pool().submit(
            write_report_pdf, store.path, store.key, services.till_id, path, point_id, cycle_id
        )
        return job.result()
    reader = services.store.reader()
    try:
        return str(services.reconcile_on(reader).export_csv(path, point_id, cycle_id))
    finally:
        reader.close()


# the window ----------------------------------------------------------------------
class ReconcileWindow(QDialog):
    """Figures load in a worker process (``refreshing`` until ``refreshed`` fires)."""

    exported = Signal(str)
    refreshed = Signal()

    def __init__(self, services: Services, staff_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reconcileWindow")
        staff_screen(self)  # normal buttons, not the till's touch targets
        self.setWindowTitle(self.tr("Reconcile the day"))
        self.resize(1366, 800)  # fit_to_screen bounds it: the whole width of a small laptop
        self.services = services
        self.staff_name = staff_name
        self.service = services.reconcile
        hub = self.service.hub()
        self.currency, self.hub_locale, self.timezone = hub.currency, hub.locale, hub.timezone
        self.labels = self.service.method_labels(current_language())
        self.view: Overview | None = None
        self._refresh_job: tasks.Job[Loaded] | None = None
        self._loaded: Loaded | None = None

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
        # The bar fits 1280 px in French: long cycle and pickup point names shorten in their
        # boxes (the list shows them whole), and who reconciles goes on the message line.
        for box in (self.cycle, self.point):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(14)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Order cycle")))
        bar.addWidget(self.cycle, 2)
        bar.addWidget(QLabel(self.tr("Pickup point")))
        bar.addWidget(self.point, 2)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.csv_button)
        status = QHBoxLayout()
        status.addWidget(who)
        status.addWidget(self.message, 1)

        self.tabs = QTabWidget()
        named(self.tabs, "reconcileTabs", self.tr("Reconciliation"))
        # Every tab is built one per turn of the event loop once the window shows (or when
        # first used): the day first (what shows; its lower parts a turn each), then
        # the to-do list (the refresh needs its words), the orders and the audit log.
        # Everything at once held the GUI thread for ~100 ms at each opening; the day's tab
        # with the window, ~40 ms at 100,000 orders.
        self._later: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {}
        for key, title in (("day", self.tr("The day")), ("orders", self.tr("Orders")),
                           ("todo", self.tr("To do in OFN")),
                           ("audit", self.tr("Audit log"))):  # fmt: skip
            page = self._pages[key] = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(page, title)
        self._first_refresh = True  # made by the second turn of the builder
        # one step per turn, the previous step's repaint handled first (NextTurn)
        self._builder = NextTurn(self._build_later, self)
        self._builder.start()
        self._lister = NextTurn(self._show_lists, self)  # an answer's lists, after its figures

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(status)
        layout.addWidget(self.tabs, 1)

        self.cycle.currentIndexChanged.connect(self.refresh)
        self.point.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(lambda: self._choose_export("pdf"))
        self.csv_button.clicked.connect(lambda: self._choose_export("csv"))

    # data -------------------------------------------------------------------------
    @property
    def point_id(self) -> int | None:
        value = self.point.currentData()
        return None if value is None else int(value)

    @property
    def cycle_id(self) -> int | None:
        value = self.cycle.currentData()
        return None if value is None else int(value)

    @property
    def refreshing(self) -> bool:
        """Figures or the audit log still loading."""
        audit = self._later.get("audit")
        if isinstance(audit, AuditView):
            return (
                self._first_refresh
                or self._refresh_job is not None
                or self._lister.isActive()
                or audit.loading
            )
        return (
            self._first_refresh
            or self._refresh_job is not None
            or self._builder.isActive()
            or self._lister.isActive()
        )

    # tabs built after the window shows ------------------------------------------------
    @property
    def day(self) -> DayTab:
        return cast(DayTab, self._tab("day"))

    @property
    def orders(self) -> OrdersTab:
        return cast(OrdersTab, self._tab("orders"))

    @property
    def todo(self) -> ActionsTab:
        return cast(ActionsTab, self._tab("todo"))

    @property
    def audit_view(self) -> AuditView:
        return cast(AuditView, self._tab("audit"))

    def _tab(self, key: str) -> QWidget:
        tab = self._later.get(key)
        if tab is None:
            if key == "day":
                tab = DayTab(self.status_names, self.currency, self.hub_locale, self.timezone)
            elif key == "orders":
                orders = tab = OrdersTab(self.service, self.staff_name, self.status_names)
                self._connect_tab(orders)
                if self._loaded is not None:
                    orders.show_lists(self._loaded.orders)
            elif key == "todo":
                todo = tab = ActionsTab(self.service, self.staff_name)
                self._connect_tab(todo)
                if self._loaded is not None:
                    todo.show_lists(self._loaded.view.actions, self._loaded.actions)
            else:
                tab = AuditView(self.services)
            self._later[key] = tab
            layout = self._pages[key].layout()
            assert layout is not None
            layout.addWidget(tab)
        return tab

    def _build_later(self) -> None:
        """One tab per turn of the event loop, so no single turn is long."""
        if "day" not in self._later:
            self._tab("day")
        elif not self.day.rest_built:
            self.day.build_more()
        elif self._first_refresh:
            self.refresh()  # builds the to-do tab for its words
        else:
            for key in ("orders", "audit"):
                if key not in self._later:
                    self._tab(key)
                    break
        if len(self._later) < len(self._pages) or self._first_refresh or not self.day.rest_built:
            self._builder.start()  # the next step, after the event loop has run

    def _connect_tab(self, tab: OrdersTab | ActionsTab) -> None:
        tab.message.connect(self.show_message)
        tab.changed.connect(self._changed)

    def refresh(self) -> None:
        """Reload the figures in a worker process (:mod:`pos.ui.reconcile_rows`); only the
        latest choice's answer is shown."""
        self._first_refresh = False
        if self._refresh_job is not None:
            self._refresh_job.cancel()
        language = current_language()
        names = Names(self.currency, self.hub_locale, self.timezone,
                      dict(self.status_names), dict(self.sync_names), language)  # fmt: skip
        action_names = ActionNames(
            self.currency, self.hub_locale, self.timezone, dict(self.todo.kind_names),
            dict(self.labels), self.todo.done_by, language,
        )  # fmt: skip
        store = self.services.store
        request = Request(str(store.path), store.key, self.services.till_id, self.cycle_id,
                          self.point_id, language, names, action_names)  # fmt: skip
        self._refresh_job = tasks.run_in_process(
            load,
            request,
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
        self._builder.stop()
        self._lister.stop()
        self._first_refresh = False
        if self._refresh_job is not None:
            self._refresh_job.cancel()
            self._refresh_job = None
        audit = self._later.get("audit")
        if isinstance(audit, AuditView):
            audit.stop()
        super().done(result)

    def _show_overview(self, loaded: Loaded) -> None:
        """The day's figures now; the lists (orders, to-do) a turn later, so the two and
        their repaints are never one long turn (~45 ms at 100,000 orders)."""
        self._refresh_job = None
        self._loaded = loaded
        self.view = view = loaded.view
        self.day.show_view(view, loaded.sync, all_points=self.point_id is None)
        open_n = len(loaded.actions[False].rows)
        self.tabs.setTabText(
            2, self.tr("To do in OFN (%1)").replace("%1", str(open_n))
            if open_n else self.tr("To do in OFN")
        )  # fmt: skip
        self._lister.start()

    def _show_lists(self) -> None:
        loaded = self._loaded
        if loaded is None:
            return
        orders = self._later.get("orders")
        if isinstance(orders, OrdersTab):  # else it shows them when built
            orders.show_lists(loaded.orders)
        self.todo.show_lists(loaded.view.actions, loaded.actions)
        self.refreshed.emit()

    def _changed(self) -> None:
        """A tab changed something: reload the figures and the audit log's choices."""
        self.refresh()
        audit = self._later.get("audit")
        if isinstance(audit, AuditView):
            audit.reload_choices()

    # for the tabs, tests and automation -----------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def select_action(self, action_id: str) -> bool:
        return self.todo.select_action(action_id)

    def select_orders(self, order_ids: list[int]) -> None:
        self.orders.select_orders(order_ids)

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
