"""The payment panel: method, amount tendered, change, split payments, paying less or more.

Keyboard first: the amount field has focus when something is owed; Enter confirms,
F11 takes exact cash, Ctrl+1..9 pick a method (a non-cash method fills in what is due, so
one more Enter confirms), Ctrl+Enter adds a part payment. Leaving money owing is its own
step (Ctrl+O) with its own confirmation; it never happens because a field was left empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.checkout import (
    CASH,
    Settlement,
    Tender,
    implausible_tender,
    quick_cash_amounts,
    settle,
)
from pos.domain.money import Money, MoneyError
from pos.domain.text import looks_like_a_code
from pos.domain.till import denominations
from pos.services.checkout import PaymentMethod
from pos.ui import tasks
from pos.ui.formatting import money
from pos.ui.text_size import scaled
from pos.ui.widgets import named


@dataclass(frozen=True)
class PanelNames:
    """Object names: the main window's panel keeps the public ones (docs/interfaces.md)."""

    panel: str = "paymentPanel"
    amount: str = "amountTendered"
    confirm: str = "confirmPaymentButton"
    prefix: str = ""


WALK_IN_NAMES = PanelNames("walkInPaymentPanel", "walkInTendered", "walkInConfirmButton", "walkIn")


def plain_amount(minor: int, currency: str) -> str:
    """Minor units as the plain decimal a person would type ("12.50")."""
    return f"{Money(minor, currency).decimal:f}"


def amount_error(widget: QWidget, text: str, currency: str) -> tuple[int | None, str]:
    """Parse an amount typed by a person: (minor units, "") or (None, a translated reason)."""
    if not text.strip():
        return None, ""
    try:
        return Money.parse_input(text, currency).minor, ""
    except MoneyError as exc:  # negative, too many decimals, too large, not digits
        return None, tasks.describe(exc)


# One primary colour for "the thing to do / the thing chosen"; amber for money left owing.
PRIMARY = "#166534"
WARN_BG, WARN_FG, WARN_BORDER = "#fef3c7", "#78350f", "#d97706"
METHOD_STYLE = (
    f"QPushButton:checked {{ background: {PRIMARY}; color: white;"  # not bold: labels fit
    f" border: 2px solid #052e16; }}"
)
CONFIRM_STYLE = (
    f"QPushButton {{ background: {PRIMARY}; color: white; font-weight: bold; }}"
    " QPushButton:disabled { background: #9ca3af; }"
)


SECONDARY_STYLE = "QPushButton { font-size: 11pt; }"


def flexible(button: QPushButton, minimum: int = 64) -> QPushButton:
    """A button that may shrink below its text when the window is narrow (1280 px)."""
    button.setMinimumWidth(minimum)
    return button


def keep_space(widget: QWidget, keep: bool = True) -> None:
    """Hidden, the widget still holds its place: nothing below it jumps when it appears."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(keep)
    widget.setSizePolicy(policy)


class LeaveOwingDialog(QDialog):
    """The deliberate step of leaving money owing: the amount, and why (required)."""

    def __init__(self, panel: PaymentPanel, left_owing: int, prefix: str = "") -> None:
        super().__init__(panel)
        self.setObjectName(prefix + "leaveOwingDialog")
        self.setWindowTitle(self.tr("Leave money owing"))
        amount = panel._money(left_owing)
        head = QLabel(self.tr("%1 will be left owing.").replace("%1", amount))
        named(head, prefix + "owingAmount", self.tr("Amount left owing"))
        head.setWordWrap(True)
        head.setStyleSheet(
            scaled(
                f"QLabel {{ background: {WARN_BG}; color: {WARN_FG}; border: 2px solid"
                f" {WARN_BORDER}; padding: 8px; font-size: 16pt; font-weight: bold; }}"
            )
        )
        paid = panel.paid_so_far()
        info = QLabel(
            self.tr("Paid now: %1 of %2.").replace("%1", panel._money(paid))
            .replace("%2", panel._money(panel.due))
        )  # fmt: skip
        self.reason = QLineEdit(panel.owing_note)
        named(self.reason, prefix + "owingReason", self.tr("Why is money left owing"))
        self.reason.setPlaceholderText(self.tr("Why? e.g. will pay by bank transfer (required)"))
        self.reason.setMinimumHeight(44)
        self.error = QLabel()
        self.error.setObjectName(prefix + "owingError")
        self.error.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")
        self.confirm = QPushButton(self.tr("Leave %1 owing").replace("%1", amount))
        named(self.confirm, prefix + "confirmOwingButton", self.tr("Leave money owing"))
        self.confirm.setMinimumHeight(52)
        self.confirm.setStyleSheet(
            f"QPushButton {{ background: {WARN_BORDER}; color: white; font-weight: bold; }}"
        )
        self.confirm.setAutoDefault(False)
        self.confirm.clicked.connect(self.submit)
        back = QPushButton(self.tr("Back to payment"))
        named(back, prefix + "owingBackButton", self.tr("Back to payment"))
        back.setMinimumHeight(52)
        back.setAutoDefault(False)
        back.clicked.connect(self.reject)
        self.reason.returnPressed.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addWidget(self.confirm, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(info)
        layout.addWidget(QLabel(self.tr("Why is it left owing?")))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.reason.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # only the reason field's Enter or the button confirm
        super().keyPressEvent(event)

    def submit(self) -> None:
        text = self.reason.text().strip()
        if not text or looks_like_a_code(text):  # a bag scanned here is not a reason
            self.error.setText(self.tr("Say why, e.g. “will pay by bank transfer”."))
            self.reason.selectAll()
            self.reason.setFocus()
            return
        self.accept()


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
        self.names = names
        self.currency = currency
        self.hub_locale = locale
        self.methods = list(methods)  # labelled for the reader by the checkout service
        methods = self.methods
        self.due = 0
        self.parts: list[Tender] = []
        self.owing_note = ""  # set by the leave-owing step, never by typing in the panel
        self._auto_fill = ""  # the amount a non-cash method filled in
        self._confirmed_big = ""  # an implausible amount the volunteer confirmed
        self.owing_dialog: LeaveOwingDialog | None = None
        named(self, names.panel, self.tr("Payment"))
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.due_label = QLabel()
        named(self.due_label, names.prefix + "amountDueLabel", self.tr("Amount due"))
        big = self.due_label.font()
        big.setPointSize(big.pointSize() + 10)
        big.setBold(True)
        self.due_label.setFont(big)
        self.due_label.setWordWrap(True)  # never widens the window (French, credit)

        self.method_group = QButtonGroup(self)
        self.method_group.setExclusive(True)
        method_row = QHBoxLayout()
        for i, method in enumerate(methods):
            button = QPushButton(method.label)
            named(button, f"{names.prefix}method_{method.code}", method.label)
            button.setCheckable(True)
            button.setMinimumHeight(44)
            button.setStyleSheet(METHOD_STYLE)
            flexible(button)
            if i < 9:
                button.setToolTip(f"Ctrl+{i + 1}")
            self.method_group.addButton(button, i)
            method_row.addWidget(button)
            if i < 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(button.click)
        if self.method_group.buttons():
            self.method_group.buttons()[0].setChecked(True)
        self.method_group.idClicked.connect(self._method_clicked)

        self.field_label = QLabel()
        named(self.field_label, names.prefix + "amountFieldLabel", self.tr("What to type"))
        self.amount = QLineEdit()
        named(self.amount, names.amount, self.tr("Amount tendered"))
        self.field_label.setBuddy(self.amount)
        self.amount.setMinimumHeight(52)
        font = self.amount.font()
        font.setPointSize(font.pointSize() + 8)
        self.amount.setFont(font)
        self.amount.textChanged.connect(self._update)
        self.amount.returnPressed.connect(self.confirmed.emit)

        self.quick_buttons: list[QPushButton] = []
        for i in range(3):
            quick = QPushButton()
            named(quick, f"{names.prefix}quickCash{i + 1}", self.tr("Quick cash amount"))
            quick.setMinimumHeight(52)
            flexible(quick)
            quick.clicked.connect(lambda _=False, b=quick: self._quick_cash(b))
            keep_space(quick)
            self.quick_buttons.append(quick)

        self.exact_button = QPushButton(self.tr("Exact (F11)"))
        named(self.exact_button, names.prefix + "exactCashButton", self.tr("Exact cash"))
        self.exact_button.setMinimumHeight(52)  # never cut: its key is the fastest way to pay
        self.exact_button.clicked.connect(self.exact_cash.emit)
        keep_space(self.exact_button)
        exact_key = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        exact_key.setContext(Qt.ShortcutContext.WindowShortcut)
        exact_key.activated.connect(self._exact_key)

        self.add_button = QPushButton(self.tr("Split (Ctrl+Enter)"))
        named(self.add_button, names.prefix + "addPaymentButton", self.tr("Add part payment"))
        self.add_button.setMinimumHeight(52)
        self.add_button.setStyleSheet(scaled(SECONDARY_STYLE))
        flexible(self.add_button)
        self.add_button.clicked.connect(self.add_part)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            add_key = QShortcut(QKeySequence(key), self)
            add_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            add_key.activated.connect(self.add_part)

        self.owing_button = QPushButton(self.tr("Leave owing… (Ctrl+O)"))
        named(self.owing_button, names.prefix + "leaveOwingButton", self.tr("Leave money owing"))
        self.owing_button.setMinimumHeight(52)
        self.owing_button.setStyleSheet(scaled(SECONDARY_STYLE))
        flexible(self.owing_button)
        self.owing_button.clicked.connect(self.leave_owing)
        owing_key = QShortcut(QKeySequence("Ctrl+O"), self)
        owing_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        owing_key.activated.connect(self.leave_owing)

        self.parts_label = QLabel()
        named(self.parts_label, names.prefix + "paymentParts", self.tr("Payments so far"))
        self.parts_label.setWordWrap(True)
        self.result_label = QLabel()
        named(self.result_label, names.prefix + "changeLabel", self.tr("Change or balance"))
        result_font = self.result_label.font()
        result_font.setPointSize(result_font.pointSize() + 8)
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

        self.confirm_button = QPushButton(self.tr("Take payment and hand over (F12)"))
        named(self.confirm_button, names.confirm, self.tr("Confirm payment"))
        self.confirm_button.setMinimumHeight(56)
        flexible(self.confirm_button, 160)
        self.confirm_button.setStyleSheet(CONFIRM_STYLE)
        self.confirm_button.clicked.connect(self.confirmed.emit)

        head = QHBoxLayout()
        head.addWidget(self.due_label, 1)
        head.addWidget(self.result_label, 0, Qt.AlignmentFlag.AlignRight)
        entry = QHBoxLayout()
        self.amount.setMinimumWidth(150)
        entry.addWidget(self.amount, 2)
        for quick in self.quick_buttons:
            entry.addWidget(quick, 1)
        entry.addWidget(self.exact_button, 1)
        # one line for what changes (parts so far, a problem, the change/credit choices)
        info = QHBoxLayout()
        info.addWidget(self.parts_label, 1)
        info.addWidget(self.error_label, 2)
        info.addWidget(self.keep_credit)
        info.addWidget(self.refund_cash)
        for widget in (self.parts_label, self.error_label, self.keep_credit, self.refund_cash):
            keep_space(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.owing_button)
        actions.addWidget(self.confirm_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addLayout(method_row)
        layout.addWidget(self.field_label)
        layout.addLayout(entry)
        layout.addLayout(info)
        layout.addLayout(actions)
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
        self.owing_note = ""
        self._auto_fill = ""
        self._confirmed_big = ""
        self.amount.blockSignals(True)
        self.amount.clear()
        self.amount.blockSignals(False)
        self.keep_credit.setChecked(False)
        self.refund_cash.setChecked(False)
        self.show_error("")
        self.select_method(CASH)
        if amount_due >= 0:
            self.due_label.setText(self.tr("To pay: %1").replace("%1", self._money(amount_due)))
        else:
            self.due_label.setText(
                self.tr("Credit due to the customer: %1").replace("%1", self._money(-amount_due))
            )
        self._update()

    def paid_so_far(self) -> int:
        tender, _ = self.current_tender()
        return sum(t.amount for t in [*self.parts, *([tender] if tender else [])])

    def remaining(self) -> int:
        """What is still to pay after the parts already added."""
        return max(self.due - sum(t.amount for t in self.parts), 0)

    def _method_clicked(self) -> None:
        """A non-cash method takes exactly what is due: fill it in, one Enter confirms."""
        text = self.amount.text().strip()
        if self.method != CASH and self.due > 0 and (not text or text == self._auto_fill):
            self._auto_fill = plain_amount(self.remaining(), self.currency)
            self.amount.setText(self._auto_fill)
        elif self.method == CASH and text and text == self._auto_fill:
            self._auto_fill = ""
            self.amount.clear()  # cash is counted: type what was handed over
        self._update()
        self.amount.setFocus()
        self.amount.selectAll()

    def _exact_key(self) -> None:
        if self.isVisible() and self.isEnabled():
            self.exact_cash.emit()

    def _quick_cash(self, button: QPushButton) -> None:
        """A round amount handed over in cash: take it at once (the change shows after)."""
        value = button.property("amount")
        if value is None:
            return
        self.select_method(CASH)
        self.amount.setText(plain_amount(int(value), self.currency))
        self.confirmed.emit()

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
        self._auto_fill = ""
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
        cash = self.method == CASH
        label = self.label_of(self.method)
        taking = self.due >= 0  # a credit to the customer takes no amount: nothing to type
        # a credit to the customer is another state, not a field appearing: the rows go
        for widget in (*self.method_group.buttons(), self.field_label, self.amount):
            widget.setVisible(taking)
        for widget in (*self.quick_buttons, self.exact_button):
            keep_space(widget, taking)
        if self.due < 0:
            self.field_label.setText(self.tr("Nothing to take: the customer is owed money"))
        elif cash:
            self.field_label.setText(self.tr("Amount handed over (cash)"))
        else:
            self.field_label.setText(self.tr("Amount paid by %1").replace("%1", label))
        self.amount.setPlaceholderText(
            self.tr("Amount →") if cash else ""  # the label above says what; → the buttons
        )
        amounts = quick_cash_amounts(self.remaining(), denominations(self.currency))
        for i, quick in enumerate(self.quick_buttons):
            shown = cash and self.due > 0 and i < len(amounts)
            quick.setVisible(shown)
            if shown:
                quick.setText(self._money(amounts[i]))
                quick.setProperty("amount", amounts[i])
        self.exact_button.setVisible(cash and self.due > 0)
        self.owing_button.setVisible(self.due > 0)
        self.add_button.setVisible(self.due > 0)
        entered = bool(tenders)
        style = ""
        if self.due < 0:
            text = (
                self.tr("Give back %1 in cash").replace("%1", self._money(s.change_given))
                if s.change_given
                else self.tr("Kept as credit")
            )
        elif not entered:
            text = ""
        elif s.change_given:
            text = self.tr("Change to give: %1").replace("%1", self._money(s.change_given))
            style = f"QLabel {{ color: {PRIMARY}; }}"
        elif s.left_owing:
            text = self.tr("Still to pay: %1").replace("%1", self._money(s.left_owing))
            style = f"QLabel {{ color: {WARN_FG}; background: {WARN_BG}; padding: 2px 6px; }}"
        elif s.credit_amount:
            text = self.tr("Credit noted: %1").replace("%1", self._money(s.credit_amount))
        else:
            text = self.tr("Exact amount")
        self.result_label.setStyleSheet(style)
        self.result_label.setText(text)
        self.changed.emit()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def note(self) -> str:
        return self.owing_note.strip()

    # asking first ---------------------------------------------------------------------
    def refuse_short(self, left_owing: int) -> None:
        """Paid less than due without choosing to leave it owing: say what to do instead."""
        if not self.current_tender()[0] and not self.parts:
            text = (
                self.tr("Type the cash handed over, pick an amount, or F11 for exact cash.")
                if self.method == CASH
                else self.tr("Type the amount paid.")
            )
        else:
            text = self.tr(
                "%1 is still to pay: take it (Split for another method) or Leave owing."
            ).replace("%1", self._money(left_owing))
        self.show_error(text)
        self.amount.setFocus()
        self.amount.selectAll()

    def confirm_implausible(self, settlement: Settlement) -> bool:
        """False (and a question) the first time far more than due is handed over."""
        notes = denominations(self.currency)
        text = self.amount.text().strip()
        if not implausible_tender(settlement.amount_due, settlement.tendered, max(notes)):
            return True
        if text and text == self._confirmed_big:
            return True
        self._confirmed_big = text
        self.show_error(
            self.tr("%1 handed over for %2 due? Check the amount; press Enter again if right.")
            .replace("%1", self._money(settlement.tendered))
            .replace("%2", self._money(max(settlement.amount_due, 0)))
        )
        self.amount.setFocus()
        return False

    def leave_owing(self) -> LeaveOwingDialog | None:
        """The deliberate step: confirm the amount left owing and say why, then go on."""
        if not self.isVisible() or self.due <= 0:
            return None
        settlement = self.settlement()
        if settlement is None:
            return None
        if settlement.left_owing <= 0:
            self.show_error(self.tr("Nothing is left owing: the amount covers what is due."))
            return None
        dialog = LeaveOwingDialog(self, settlement.left_owing, self.names.prefix)

        def accepted() -> None:
            self.owing_note = dialog.reason.text().strip()
            self.confirmed.emit()

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(self.amount.setFocus)
        self.owing_dialog = dialog
        dialog.open()
        dialog.reason.setFocus()
        return dialog
