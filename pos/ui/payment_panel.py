"""The payment panel: method, amount tendered, change, split payments, paying less or more.

Keyboard first: the amount field has focus when something is owed; Enter confirms,
F11 takes exact cash, Ctrl+1..9 pick a method, Ctrl+Enter adds a part payment.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.checkout import CASH, Settlement, Tender, settle
from pos.domain.money import Money, MoneyError
from pos.services.checkout import PaymentMethod
from pos.ui.formatting import money
from pos.ui.widgets import named


@dataclass(frozen=True)
class PanelNames:
    """Object names: the main window's panel keeps the public ones (interfaces.md)."""

    panel: str = "paymentPanel"
    amount: str = "amountTendered"
    confirm: str = "confirmPaymentButton"
    prefix: str = ""


WALK_IN_NAMES = PanelNames("walkInPaymentPanel", "walkInTendered", "walkInConfirmButton", "walkIn")


def method_label(widget: QWidget, method: PaymentMethod) -> str:
    """The hub's own label, or ours translated when the hub kept the default one."""
    defaults = {
        "cash": ("Cash", QCoreApplication.translate("PaymentPanel", "Cash")),
        "card": ("Card (terminal)", QCoreApplication.translate("PaymentPanel", "Card (terminal)")),
        "local": ("Local currency", QCoreApplication.translate("PaymentPanel", "Local currency")),
        "cheque": ("Cheque", QCoreApplication.translate("PaymentPanel", "Cheque")),
        "voucher": ("Voucher", QCoreApplication.translate("PaymentPanel", "Voucher")),
    }
    english, translated = defaults.get(method.code, ("", ""))
    return translated if method.label == english else method.label


def plain_amount(minor: int, currency: str) -> str:
    """Minor units as the plain decimal a person would type ("12.50")."""
    return f"{Money(minor, currency).decimal:f}"


def amount_error(widget: QWidget, text: str, currency: str) -> tuple[int | None, str]:
    """Parse an amount typed by a person: (minor units, "") or (None, a translated reason)."""
    if not text.strip():
        return None, ""
    try:
        return Money.parse_input(text, currency).minor, ""
    except MoneyError as exc:
        reason = str(exc)
        if reason.startswith("negative"):
            return None, QCoreApplication.translate("PaymentPanel", "Amounts cannot be negative.")
        if reason.startswith("too many decimals"):
            return None, QCoreApplication.translate(
                "PaymentPanel", "Too many decimals for this currency."
            )
        if reason.startswith("amount too large"):
            return None, QCoreApplication.translate("PaymentPanel", "That amount is too large.")
        return None, QCoreApplication.translate(
            "PaymentPanel", "Type an amount with digits only, e.g. 12.50."
        )


class PaymentPanel(QFrame):
    """Collects tenders for an amount due and shows what they settle to."""

    confirmed = Signal()
    exact_cash = Signal()
    changed = Signal()

    def __init__(
        self,
        currency: str,
        locale: str,
        methods: list[PaymentMethod],
        parent: QWidget | None = None,
        *,
        names: PanelNames | None = None,
    ) -> None:
        super().__init__(parent)
        names = names or PanelNames()
        self.currency = currency
        self.hub_locale = locale
        self.methods = [PaymentMethod(m.code, method_label(self, m)) for m in methods]
        methods = self.methods
        self.due = 0
        self.parts: list[Tender] = []
        named(self, names.panel, self.tr("Payment"))
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.due_label = QLabel()
        named(self.due_label, names.prefix + "amountDueLabel", self.tr("Amount due"))
        big = self.due_label.font()
        big.setPointSize(big.pointSize() + 8)
        big.setBold(True)
        self.due_label.setFont(big)
        self.due_label.setWordWrap(True)  # never wider than a 1366 px screen leaves

        self.method_group = QButtonGroup(self)
        self.method_group.setExclusive(True)
        method_row = QHBoxLayout()
        for i, method in enumerate(methods):
            button = QPushButton(method.label)
            named(button, f"{names.prefix}method_{method.code}", method.label)
            button.setCheckable(True)
            button.setMinimumHeight(44)
            self.method_group.addButton(button, i)
            method_row.addWidget(button)
            if i < 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(button.click)
        if self.method_group.buttons():
            self.method_group.buttons()[0].setChecked(True)
        self.method_group.idClicked.connect(self._method_clicked)

        self.amount = QLineEdit()
        named(self.amount, names.amount, self.tr("Amount tendered"))
        self.amount.setPlaceholderText(self.tr("Amount handed over"))
        self.amount.setMinimumHeight(52)
        font = self.amount.font()
        font.setPointSize(font.pointSize() + 8)
        self.amount.setFont(font)
        self.amount.textChanged.connect(self._update)
        self.amount.returnPressed.connect(self.confirmed.emit)

        self.exact_button = QPushButton(self.tr("Exact cash (F11)"))
        named(self.exact_button, names.prefix + "exactCashButton", self.tr("Exact cash"))
        self.exact_button.setMinimumHeight(52)
        self.exact_button.clicked.connect(self.exact_cash.emit)
        exact_key = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        exact_key.setContext(Qt.ShortcutContext.WindowShortcut)
        exact_key.activated.connect(self._exact_key)

        self.add_button = QPushButton(self.tr("Split (Ctrl+Enter)"))
        named(self.add_button, names.prefix + "addPaymentButton", self.tr("Add part payment"))
        self.add_button.setMinimumHeight(52)
        self.add_button.clicked.connect(self.add_part)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            add_key = QShortcut(QKeySequence(key), self)
            add_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            add_key.activated.connect(self.add_part)

        self.parts_label = QLabel()
        named(self.parts_label, names.prefix + "paymentParts", self.tr("Payments so far"))
        self.parts_label.setWordWrap(True)
        self.result_label = QLabel()
        named(self.result_label, names.prefix + "changeLabel", self.tr("Change or balance"))
        result_font = self.result_label.font()
        result_font.setPointSize(result_font.pointSize() + 6)
        result_font.setBold(True)
        self.result_label.setFont(result_font)
        self.result_label.setWordWrap(True)
        self.error_label = QLabel()
        named(self.error_label, names.prefix + "paymentError", self.tr("Payment problem"))
        self.error_label.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")
        self.error_label.setWordWrap(True)

        self.keep_credit = QCheckBox(self.tr("Customer leaves the change as credit"))
        named(self.keep_credit, names.prefix + "keepChangeAsCredit", self.tr("Keep change"))
        self.keep_credit.toggled.connect(self._update)
        self.refund_cash = QCheckBox(self.tr("Give the credit back in cash now"))
        named(self.refund_cash, names.prefix + "refundInCash", self.tr("Refund in cash"))
        self.refund_cash.toggled.connect(self._update)
        self.reason = QLineEdit()
        named(self.reason, names.prefix + "owingReason", self.tr("Why is money left owing"))
        self.reason.setPlaceholderText(self.tr("Why is part left owing? (required)"))
        self.reason.setMinimumHeight(44)
        self.reason.returnPressed.connect(self.confirmed.emit)

        self.confirm_button = QPushButton(self.tr("Take payment and hand over (F12)"))
        named(self.confirm_button, names.confirm, self.tr("Confirm payment"))
        self.confirm_button.setMinimumHeight(60)
        self.confirm_button.setStyleSheet(
            "QPushButton { background: #166534; color: white; font-weight: bold; }"
        )
        self.confirm_button.clicked.connect(self.confirmed.emit)

        head = QHBoxLayout()
        head.addWidget(self.due_label, 1)
        head.addWidget(self.result_label, 0, Qt.AlignmentFlag.AlignRight)
        entry = QHBoxLayout()
        entry.addWidget(self.amount, 2)
        entry.addWidget(self.exact_button, 1)
        entry.addWidget(self.add_button, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addLayout(method_row)
        layout.addLayout(entry)
        layout.addWidget(self.parts_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.keep_credit)
        layout.addWidget(self.refund_cash)
        layout.addWidget(self.reason)
        layout.addWidget(self.confirm_button)
        self.set_due(0)

    # state --------------------------------------------------------------------
    def _money(self, minor: int) -> str:
        return money(minor, self.currency, self.hub_locale)

    @property
    def method(self) -> str:
        checked = self.method_group.checkedId()
        return self.methods[checked].code if checked >= 0 else CASH

    def select_method(self, code: str) -> None:
        for i, method in enumerate(self.methods):
            if method.code == code:
                self.method_group.button(i).setChecked(True)
        self._update()

    def set_due(self, amount_due: int) -> None:
        """Start over for a new amount due (negative: the hub owes the customer)."""
        self.due = amount_due
        self.parts = []
        self.amount.blockSignals(True)
        self.amount.clear()
        self.amount.blockSignals(False)
        self.keep_credit.setChecked(False)
        self.refund_cash.setChecked(False)
        self.reason.clear()
        self.show_error("")
        self.select_method(CASH)
        if amount_due >= 0:
            self.due_label.setText(self.tr("To pay: %1").replace("%1", self._money(amount_due)))
        else:
            self.due_label.setText(
                self.tr("Credit due to the customer: %1").replace("%1", self._money(-amount_due))
            )
        self._update()

    def _method_clicked(self) -> None:
        self._update()
        self.amount.setFocus()

    def _exact_key(self) -> None:
        if self.isVisible() and self.isEnabled():
            self.exact_cash.emit()

    def current_tender(self) -> tuple[Tender | None, str]:
        value, error = amount_error(self, self.amount.text(), self.currency)
        if value is None:
            return None, error
        return Tender(self.method, value), ""

    def add_part(self) -> None:
        tender, error = self.current_tender()
        if tender is None:
            self.show_error(error or self.tr("Type the amount of this part first."))
            self.amount.setFocus()
            return
        self.parts.append(tender)
        self.amount.clear()
        self.amount.setFocus()
        self._update()

    def tenders(self) -> list[Tender] | None:
        """The parts plus what is typed now; None (and an inline message) if it is bad."""
        tender, error = self.current_tender()
        if error:
            self.show_error(error)
            self.amount.setFocus()
            self.amount.selectAll()
            return None
        return [*self.parts, *([tender] if tender else [])]

    def settlement(self) -> Settlement | None:
        tenders = self.tenders()
        if tenders is None:
            return None
        return settle(
            self.due, tenders, keep_change_as_credit=self.keep_credit.isChecked(),
            refund_credit_in_cash=self.refund_cash.isChecked(),
        )  # fmt: skip

    def label_of(self, code: str) -> str:
        return next((m.label for m in self.methods if m.code == code), code)

    def _update(self) -> None:
        tender, error = self.current_tender()
        self.error_label.setText(error)
        self.parts_label.setText(
            " + ".join(f"{self.label_of(t.method)} {self._money(t.amount)}" for t in self.parts)
        )
        self.parts_label.setVisible(bool(self.parts))
        self.error_label.setVisible(bool(error))
        tenders = [*self.parts, *([tender] if tender else [])]
        s = settle(
            self.due, tenders, keep_change_as_credit=self.keep_credit.isChecked(),
            refund_credit_in_cash=self.refund_cash.isChecked(),
        )  # fmt: skip
        self.keep_credit.setVisible(self.due >= 0 and s.tendered > self.due)
        self.refund_cash.setVisible(self.due < 0)
        entered = bool(tenders)
        self.reason.setVisible((entered and s.left_owing > 0) or bool(self.reason.text()))
        if self.due < 0:
            text = (
                self.tr("Give back %1 in cash").replace("%1", self._money(s.change_given))
                if s.change_given
                else self.tr("Credit noted for the customer: %1").replace(
                    "%1", self._money(s.credit_amount)
                )
            )
        elif not entered:
            text = ""
        elif s.change_given:
            text = self.tr("Change to give: %1").replace("%1", self._money(s.change_given))
        elif s.left_owing:
            text = self.tr("Still owed: %1").replace("%1", self._money(s.left_owing))
        elif s.credit_amount:
            text = self.tr("Credit noted: %1").replace("%1", self._money(s.credit_amount))
        else:
            text = self.tr("Exact amount")
        self.result_label.setText(text)
        self.changed.emit()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def note(self) -> str:
        return self.reason.text().strip()
