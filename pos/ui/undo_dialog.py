"""Undo a checkout of this till session: pick it, say why; staff PIN when one is set."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.errors import KnownError
from pos.services.checkout import CheckoutResult, CheckoutService
from pos.services.roles import PinRequired
from pos.ui.formatting import local_time, money
from pos.ui.till_dialogs import PinDialog
from pos.ui.widgets import fit_to_screen

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class UndoDialog(QDialog):
    undone = Signal(object)  # CheckoutResult

    def __init__(
        self,
        checkout: CheckoutService,
        locale: str,
        timezone: str,
        parent: QWidget | None = None,
        *,
        preselect: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.checkout = checkout
        self.pin: str | None = None
        self.outcome: CheckoutResult | None = None
        self.setObjectName("undoDialog")
        self.setWindowTitle(self.tr("Undo a checkout"))
        self.resize(620, 520)
        self.list = QListWidget()
        self.list.setObjectName("undoList")
        self.list.setAccessibleName(self.tr("Checkouts of this session"))
        for c in checkout.reversible():
            what = self.tr("walk-in sale") if c.kind == "walk_in" else self.tr("order collected")
            text = (
                f"{c.receipt_no} · {local_time(c.created_at, timezone, '%H:%M')} · {what} · "
                f"{money(c.amount_paid, c.currency, locale)}"
            )
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, c.id)
            self.list.addItem(item)
            if c.id == preselect:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.reason = QLineEdit()
        self.reason.setObjectName("undoReason")
        self.reason.setAccessibleName(self.tr("Reason for undoing"))
        self.reason.setPlaceholderText(self.tr("Why? (required)"))
        self.reason.setMinimumHeight(44)
        self.error = QLabel()
        self.error.setObjectName("undoError")
        self.error.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")
        self.error.setWordWrap(True)
        confirm = QPushButton(self.tr("Undo this checkout"))
        confirm.setObjectName("undoConfirmButton")
        confirm.setAccessibleName(self.tr("Undo this checkout"))
        confirm.setMinimumHeight(52)
        confirm.clicked.connect(self.confirm)
        self.reason.returnPressed.connect(self.confirm)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setMinimumHeight(52)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(cancel)
        row.addWidget(confirm)
        layout = QVBoxLayout(self)
        explain = self.tr(
            "The undo is recorded as a new event; money paid is refunded by the same method."
        )
        layout.addWidget(QLabel(explain))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addLayout(row)

    def confirm(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.error.setText(self.tr("Pick the checkout to undo."))
            return
        if not self.reason.text().strip():
            self.error.setText(self.tr("Say why this checkout is undone."))
            self.reason.setFocus()
            return
        try:
            self.outcome = self.checkout.reverse(
                str(item.data(ID_ROLE)), self.reason.text(), pin=self.pin
            )
        except PinRequired:
            dialog = PinDialog(self.tr("Undoing a checkout needs the hub-staff PIN."), self)

            def retry() -> None:
                self.pin = dialog.value()
                self.confirm()

            dialog.accepted.connect(retry)
            self.pin_dialog = dialog
            fit_to_screen(dialog)
            dialog.open()
            return
        except KnownError as exc:
            self.pin = None
            self.error.setText(exc.message)
            return
        self.undone.emit(self.outcome)
        self.accept()
