"""Hub staff, for one customer: export what this till holds about them (right of access)
and erase their details now (right to erasure). Behind the hub-staff PIN; both audited by
:class:`PrivacyService`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.services.context import Services
from pos.services.privacy import PrivacyService
from pos.ui import tasks
from pos.ui.shell import Shell
from pos.ui.widgets import big, error_label, fit_to_screen, named, staff_screen

T = TypeVar("T")


class CustomerDataDialog(QDialog):
    def __init__(
        self,
        services: Services,
        order_id: int,
        parent: QWidget | None = None,
        *,
        role: str = "staff",
        actor: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerDataDialog")
        staff_screen(self)  # behind the staff PIN, at the laptop: normal buttons
        self.setWindowTitle(self.tr("Customer data"))
        self.setMinimumWidth(520)
        self.services = services
        self.service = services.privacy
        self.order_id = order_id
        self.role = role
        self.actor = actor
        self.file_dialog: QFileDialog | None = None
        self.erased = False
        order = services.orders.order(order_id)
        count = len(self.service.customer_orders(order_id))
        who = (order.customer_name if order else "") or self.tr("(no name)")
        summary = QLabel(
            self.tr("%1 · order %2 · %n order(s) on this till", "", count)
            .replace("%1", who)
            .replace("%2", order.number if order else str(order_id))
        )
        summary.setWordWrap(True)
        named(summary, "customerDataSummary", self.tr("Customer"))
        self.export_button = big(QPushButton(self.tr("Export what this till holds…")))
        named(self.export_button, "exportCustomerButton",
              self.tr("Export what this till holds about this customer"))  # fmt: skip
        self.export_button.clicked.connect(self.choose_file)
        self.confirm = QCheckBox(self.tr("Erase for good: this cannot be undone"))
        named(self.confirm, "confirmEraseCheck", self.tr("Confirm the erasure"))
        self.erase_button = big(QPushButton(self.tr("Erase this customer's details now")))
        named(self.erase_button, "eraseCustomerButton",
              self.tr("Erase this customer's details now"))  # fmt: skip
        self.erase_button.setEnabled(False)
        self.confirm.toggled.connect(self.erase_button.setEnabled)
        self.erase_button.clicked.connect(self.erase)
        note = QLabel(
            self.tr(
                "Erasing removes the name, email, phone and notes from every order of this"
                " customer on this till and deletes the customer; amounts stay for the"
                " books. Erase them in OFN too."
            )
        )
        note.setWordWrap(True)
        self.outcome = error_label("customerDataResult")
        close = big(QPushButton(self.tr("Close")))
        named(close, "closeCustomerDataButton", self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.export_button)
        layout.addWidget(note)
        layout.addWidget(self.confirm)
        layout.addWidget(self.erase_button)
        layout.addWidget(self.outcome)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Export customer data"))
        dialog.setObjectName("customerExportFile")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDefaultSuffix("json")
        dialog.setNameFilter(self.tr("JSON files (*.json)"))
        dialog.selectFile(f"customer-data-{self.order_id}.json")
        dialog.fileSelected.connect(self.export_to)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _off_the_gui(
        self, work: Callable[[PrivacyService], T], done: Callable[[T], None], doing: str
    ) -> None:
        """``work`` on a worker thread with a connection of its own (erasing rebuilds the
        name indexes: ~0.4 s at 20,000 orders), the buttons off meanwhile."""
        store, services = self.services.store, self.services

        def job() -> T:
            reader = store.reader()
            try:
                return work(services.privacy_on(reader))
            finally:
                reader.close()

        def failed(exc: BaseException) -> None:
            self._busy(False)
            self.outcome.setText(tasks.describe(exc))

        def finished(value: T) -> None:
            self._busy(False)
            done(value)

        self._busy(True)
        self.outcome.setText(doing)
        tasks.run(job, on_result=finished, on_error=failed, owner=self, what="customer data")

    def _busy(self, busy: bool) -> None:
        open_ = not busy and not self.erased  # once erased there is nothing left to do
        self.export_button.setEnabled(open_)
        self.confirm.setEnabled(open_)
        self.erase_button.setEnabled(open_ and self.confirm.isChecked())

    def export_to(self, path: str) -> None:
        order_id, actor, role = self.order_id, self.actor, self.role
        self._off_the_gui(
            lambda service: service.export_customer(order_id, Path(path), actor=actor, role=role),
            lambda written: self.outcome.setText(
                self.tr("Written: %1").replace("%1", str(written))
            ),
            self.tr("Exporting…"),
        )

    def erase(self) -> None:
        if not self.confirm.isChecked():
            return
        order_id, actor, role = self.order_id, self.actor, self.role
        self._off_the_gui(
            lambda service: service.erase_customer(order_id, actor=actor, role=role),
            self._erased,
            self.tr("Erasing…"),
        )

    def _erased(self, count: int) -> None:
        self.erased = True
        self.confirm.setChecked(False)
        self._busy(False)
        self.outcome.setText(self.tr("Erased from %n order(s) on this till.", "", count))


def open_customer_data(window: QWidget, shell: Shell, order_id: int) -> QWidget:
    """The order panel's "Customer data" button: the staff PIN (when set), then the dialog."""
    services = shell.services

    def show(role: str) -> CustomerDataDialog:
        dialog = CustomerDataDialog(
            services, order_id, window, role=role, actor=services.checkout.volunteer()
        )
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    return shell.gate.open("privacy.customer", show)
