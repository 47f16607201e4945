"""Printing in the main window: the Printing menu, the print worker and the status label.

``install_printing(window, shell, status, panel)`` is all the main window calls: its menu
bar, the :class:`~pos.ui.shell.Shell` it implements (services, open order, pickup point,
message line), the ``printerStatusLabel`` and the order panel (for the receipts button).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QLabel, QMainWindow, QMenu, QPushButton, QWidget

from pos.domain.models import Order
from pos.errors import KnownError
from pos.services.printing import JobOutcome, QueueState
from pos.ui import tasks
from pos.ui.order_panel import OrderPanel
from pos.ui.printer_queue import PrintQueueDialog
from pos.ui.printer_settings import PrinterSettingsDialog
from pos.ui.printer_worker import PrintWorker
from pos.ui.shell import Shell
from pos.ui.widgets import fit_to_screen

PROBLEM_STYLE = "QLabel { background: #b91c1c; color: white; padding: 2px 8px; }"


class PrintingUi(QObject):
    def __init__(
        self, window: QMainWindow, shell: Shell, status: QLabel, panel: OrderPanel,
        *, poll: float = 0.25,
    ) -> None:  # fmt: skip
        super().__init__(window)
        self.window = window
        self.shell = shell
        self.status_label = status
        services = shell.services
        self.service = services.printing
        self.worker = PrintWorker(
            services.printing_on(services.store.reader()), poll=poll, parent=self
        )
        self.worker.state_changed.connect(self.show_state)
        self.worker.job_finished.connect(self._job_finished)
        self.dialog: PrinterSettingsDialog | None = None
        self._build_menu(window)
        self._add_panel_button(panel)
        self.show_state(self.service.state())
        app = QCoreApplication.instance()
        if app is not None:  # also stop when the app quits without closing the window
            app.aboutToQuit.connect(self.stop)
        self.worker.start()

    # menu ---------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menu(self, window: QMainWindow) -> None:
        menu = window.menuBar().addMenu(self.tr("&Printing"))
        menu.setObjectName("printingMenu")
        self.reprint_action = self._action(
            menu, self.tr("&Reprint receipt of this order"), "reprintReceiptAction", self.reprint
        )
        self.labels_action = self._action(
            menu, self.tr("Print bag &labels for this order"), "printLabelsAction", self.labels
        )
        self.pickup_labels_action = self._action(
            menu,
            self.tr("Print bag labels for the whole pickup point"),
            "printPickupLabelsAction",
            self.pickup_labels,
        )
        self.z_report_action = self._action(
            menu, self.tr("Print the till's &Z report"), "printZReportAction", self.z_report
        )
        menu.addSeparator()
        self.queue_action = self._action(
            menu, self.tr("Receipts and print &queue…"), "printQueueAction", self.open_queue
        )
        self.retry_action = self._action(
            menu, self.tr("Retry printing &now"), "retryPrintingAction", self.retry
        )
        self.settings_action = self._action(
            menu, self.tr("Printer &settings…"), "printerSettingsAction", self.open_settings
        )

    def _add_panel_button(self, panel: OrderPanel) -> None:
        """A "Receipts of this order" button under the order panel's collected banner.

        It shows whenever the banner does (the order has a receipt), without the order panel
        having to know about printing.
        """
        banner = panel.collected
        layout = panel.layout()
        self.panel_button = QPushButton(self.tr("Receipts of this order… (reprint)"))
        self.panel_button.setObjectName("orderReceiptsButton")
        self.panel_button.setAccessibleName(self.tr("Receipts of this order"))
        self.panel_button.clicked.connect(self.open_queue)
        self.panel_button.hide()
        if not isinstance(layout, QBoxLayout):
            return
        layout.insertWidget(layout.indexOf(banner) + 1, self.panel_button)
        banner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.panel_button.setVisible(event.type() == QEvent.Type.Show)
        return False

    # actions ------------------------------------------------------------------------
    def _queue(self, make: Callable[[], object], done: str) -> bool:
        try:
            make()
        except KnownError as exc:
            self.shell.show_message(tasks.describe(exc))
            return False
        self.shell.show_message(done)
        self.worker.wake()
        return True

    def _order(self) -> Order | None:
        order = self.shell.current_order()
        if order is None:
            self.shell.show_message(self.tr("Open an order first."))
        return order

    def reprint(self) -> bool:
        order = self._order()
        if order is None:
            return False
        return self._queue(
            lambda: self.service.reprint_last_for_order(order.id),
            self.tr("Receipt of %1 sent to the printer (marked COPY).").replace("%1", order.number),
        )

    def labels(self) -> bool:
        order = self._order()
        if order is None:
            return False
        return self._queue(
            lambda: self.service.enqueue_labels(order.number),
            self.tr("Bag labels of %1 sent to the printer.").replace("%1", order.number),
        )

    def pickup_labels(self) -> bool:
        count: list[int] = []
        ok = self._queue(
            lambda: count.append(
                self.service.enqueue_labels_for_pickup(self.shell.pickup_point_id)
            ),
            "",
        )
        if ok:
            self.shell.show_message(
                self.tr("Bag labels for %n order(s) sent to the printer.", "", count[0])
            )
        return ok

    def z_report(self) -> bool:
        return self._queue(
            self.service.enqueue_z_report, self.tr("The till report was sent to the printer.")
        )

    def retry(self) -> None:
        try:
            for job in self.service.jobs.listing("failed"):
                self.service.jobs.retry(job.id)
        except KnownError as exc:
            self.shell.show_message(tasks.describe(exc), "error")
        self.worker.wake()

    def open_queue(self) -> PrintQueueDialog:
        order = self.shell.current_order()
        dialog = PrintQueueDialog(
            self.service,
            order_id=None if order is None else order.id,
            wake=self.worker.wake,
            parent=self.window,
        )
        self.queue_dialog = dialog
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    def open_settings(self) -> QWidget:
        """Printer settings, behind the hub-staff PIN when one is set."""
        return self.shell.gate.open("printer.settings", self._show_settings)

    def _show_settings(self, role: str = "") -> PrinterSettingsDialog:
        dialog = PrinterSettingsDialog(
            self.service.store, override_uri=self.service.override_uri, parent=self.window
        )
        dialog.saved.connect(self.worker.wake)
        self.dialog = dialog
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    # status -------------------------------------------------------------------------
    def _job_finished(self, outcome: JobOutcome) -> None:
        if outcome.fault == "render" and outcome.error:
            failure = outcome.failure
            self.shell.show_message(tasks.describe(failure) if failure else outcome.error)

    def status_text(self, state: QueueState) -> str:
        waiting = self.tr(" · %n job(s) waiting", "", state.waiting) if state.waiting else ""
        if not state.configured:
            return self.tr("No printer set up") + waiting
        if state.fault:
            text = {
                "paper_out": self.tr("Printer out of paper"),
                "cover_open": self.tr("Printer cover open"),
                "offline": self.tr("Printer off line"),
                "unreachable": self.tr("Printer not reachable"),
                "config": self.tr("Printer setting is wrong"),
                "interrupted": self.tr("Printer connection broke"),
            }.get(state.fault, self.tr("Printer error"))
            return text + waiting
        if state.waiting:
            return self.tr("Printing…") + waiting
        if state.failed:
            return self.tr("Printer ready · %n job(s) could not be printed", "", state.failed)
        return self.tr("Printer ready")

    def show_state(self, state: QueueState) -> None:
        label = self.status_label
        label.setText(self.status_text(state))
        label.setToolTip(state.problem)
        label.setStyleSheet(PROBLEM_STYLE if state.fault else "")
        label.setProperty("fault", state.fault)

    def stop(self) -> None:
        self.worker.stop()


def install_printing(
    window: QMainWindow, shell: Shell, status: QLabel, panel: OrderPanel, *, poll: float = 0.25
) -> PrintingUi:
    return PrintingUi(window, shell, status, panel, poll=poll)
