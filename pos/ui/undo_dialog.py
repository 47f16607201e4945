"""Undo a checkout of this till session: pick it, say why; staff PIN when one is set.

The list names each checkout as a volunteer remembers it (customer, time, amount); the
result names the checkout undone and says what to give back, by which method.
"""

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

from pos.domain.checkout import CASH, Checkout
from pos.errors import KnownError
from pos.services.checkout import CheckoutResult, CheckoutService, UndoNeedsReason
from pos.services.roles import PinRequired
from pos.ui import tasks
from pos.ui.formatting import local_time, money
from pos.ui.i18n import current_language
from pos.ui.staff_gate import PinDialog
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
        self.outcome_text = ""  # the whole sentence, for the message line
        self.outcome_headline = ""  # "Give back £4.50 in cash", shown large
        self.outcome_detail = ""  # "Undone: Ana Silva, 10:32, £12.50 (T1-000003)."
        self.hub_locale = locale
        self.timezone = timezone
        self.names: dict[str, str] = {}
        self.setObjectName("undoDialog")
        self.setWindowTitle(self.tr("Undo a checkout"))
        self.resize(680, 500)
        self.list = QListWidget()
        self.list.setObjectName("undoList")
        self.list.setAccessibleName(self.tr("Checkouts of this session"))
        big_font = self.list.font()
        big_font.setPointSize(big_font.pointSize() + 3)
        self.list.setFont(big_font)
        for candidate in checkout.undo_candidates():
            c = candidate.checkout
            who = candidate.customer_name or (
                self.tr("Walk-in sale") if c.kind == "walk_in" else self.tr("(no name)")
            )
            self.names[c.id] = who
            text = (
                f"{local_time(c.created_at, timezone, '%H:%M')}  ·  {who}  ·  "
                f"{money(c.amount_paid, c.currency, locale)}  ·  {c.receipt_no}"
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
        except UndoNeedsReason as exc:
            self.error.setText(tasks.describe(exc))
            self.reason.setFocus()
            return
        except KnownError as exc:
            self.pin = None
            self.error.setText(tasks.describe(exc))
            return
        original = self.checkout.repo.get(str(item.data(ID_ROLE)))
        self.outcome_detail, self.outcome_headline = self.describe(self.outcome.checkout, original)
        self.outcome_text = f"{self.outcome_detail} {self.outcome_headline}"
        self.undone.emit(self.outcome)
        self.accept()

    def describe(self, reversal: Checkout, original: Checkout | None) -> tuple[str, str]:
        """("Undone: Ana Silva, 10:32, £12.50 (T1-000003).", "Give back £4.50 in cash.")"""
        who = self.names.get(original.id, "") if original else ""
        when = local_time(original.created_at, self.timezone, "%H:%M") if original else ""
        m = lambda minor: money(minor, reversal.currency, self.hub_locale)  # noqa: E731
        head = (
            self.tr("Undone: %1, %2, %3 (%4).")
            .replace("%1", who)
            .replace("%2", when)
            .replace("%3", m(-reversal.amount_paid))
            .replace("%4", original.receipt_no if original else reversal.receipt_no)
        )
        labels = self.checkout.method_labels(current_language())
        backs = []
        for p in reversal.payments:
            if p.amount >= 0:
                continue  # a refund given at the checkout is taken back by hub staff
            if p.method == CASH:
                backs.append(self.tr("%1 in cash").replace("%1", m(-p.amount)))
            else:
                label = labels.get(p.method, p.method)
                backs.append(self.tr("%1 by %2").replace("%1", m(-p.amount)).replace("%2", label))
        if backs:
            return head, self.tr("Give back %1.").replace("%1", self.tr(" and ").join(backs))
        return head, self.tr("Nothing to give back.")
