"""Till dialogs: open a session, enter the staff PIN, move cash, count and close, Z report.

Dialogs are opened with ``open()`` (never a nested event loop), so the till stays
responsive and tests can fill them in through their object names.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.till import ZReport
from pos.errors import KnownError
from pos.services import vault
from pos.services.roles import PinRequired, StaffRoles, WrongPin
from pos.services.till import CloseCheck, NameLooksLikeACode, NameMissing, TillService
from pos.ui import tasks
from pos.ui.formatting import local_time, money
from pos.ui.payment_panel import amount_error, plain_amount
from pos.ui.staff_gate import PinDialog
from pos.ui.text_size import scaled
from pos.ui.widgets import big, error_label, fit_to_screen, named


class EnterMovesOn(QDialog):
    """A dialog where Enter never presses a button by itself: each field says what it does.

    (A default button would take a scanner's Enter, or open the till before the float
    was typed.)
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)


class VolunteerNameDialog(EnterMovesOn):
    """Who hands bags over while no till is open: asked once per shift, not per sale."""

    def __init__(self, till: TillService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.setObjectName("volunteerNameDialog")
        self.setWindowTitle(self.tr("Who is at the table?"))
        self.name = QLineEdit()
        named(self.name, "shiftVolunteerName", self.tr("Your name"))
        self.name.setMinimumHeight(44)
        self.error = error_label("shiftVolunteerError")
        ok = big(QPushButton(self.tr("Start handing over")))
        named(ok, "shiftVolunteerButton", self.tr("Start handing over"))
        ok.setAutoDefault(False)
        ok.clicked.connect(self.submit)
        cancel = big(QPushButton(self.tr("Cancel")))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.name.returnPressed.connect(self.submit)
        explain = QLabel(
            self.tr(
                "Hand-overs record who did them. Type your name once for this shift"
                " (opening the till does it too)."
            )
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        row = QHBoxLayout()
        row.addWidget(cancel)
        row.addWidget(ok, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.name.setFocus()

    def submit(self) -> None:
        try:
            self.till.set_shift_volunteer(self.name.text())
        except KnownError as exc:
            self.error.setText(tasks.describe(exc))
            self.name.selectAll()
            self.name.setFocus()
            return
        self.accept()


class OpenSessionDialog(EnterMovesOn):
    """Volunteer's name and cash float: what opening the till needs.

    Enter in the name moves to the float; the float must be typed (an explicit 0 asks
    once more); a name that is really a scanned code is refused.
    """

    def __init__(self, till: TillService, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.session = None
        self.setObjectName("openSessionDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Open the till"))
        self.volunteer = QLineEdit()
        named(self.volunteer, "volunteerName", self.tr("Volunteer name"))
        self.volunteer.setMinimumHeight(44)
        self.float_amount = QLineEdit()
        named(self.float_amount, "floatAmount", self.tr("Cash float"))
        self.float_amount.setPlaceholderText(
            self.tr("Count it, e.g. %1").replace("%1", plain_amount(5000, till.currency))
        )
        self.float_amount.setMinimumHeight(44)
        self.hub_locale = locale
        self._zero_confirmed = False
        self.float_amount.textChanged.connect(self._float_changed)
        self.error = error_label("openSessionError")
        self.open_button = big(QPushButton(self.tr("Open the till")))
        named(self.open_button, "openSessionButton", self.tr("Open the till"))
        self.open_button.setAutoDefault(False)
        self.open_button.setStyleSheet(
            "QPushButton { background: #166534; color: white; font-weight: bold; }"
        )
        self.open_button.clicked.connect(self.submit)
        cancel = big(QPushButton(self.tr("Cancel")))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Volunteer name"), self.volunteer)
        form.addRow(self.tr("Cash in the drawer now (float)"), self.float_amount)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.volunteer.returnPressed.connect(self._name_entered)
        self.float_amount.returnPressed.connect(self.submit)

    def _name_entered(self) -> None:
        """Enter after the name: check it (a scan is refused at once), then the float."""
        try:
            self.till.volunteer_name(self.volunteer.text())
        except KnownError as exc:
            self.error.setText(tasks.describe(exc))
            self.volunteer.selectAll()
            return
        self.error.clear()
        self.float_amount.setFocus()

    def _float_changed(self) -> None:
        self._zero_confirmed = False
        self.open_button.setText(self.tr("Open the till"))

    def submit(self) -> None:
        text = self.float_amount.text()
        value, error = amount_error(self, text, self.till.currency)
        if value is None:
            self.error.setText(
                error or self.tr("Type the cash in the drawer now (type 0 if there is none).")
            )
            self.float_amount.setFocus()
            return
        if value == 0 and not self._zero_confirmed:
            self._zero_confirmed = True
            self.error.setText(
                self.tr("No cash in the drawer? Press Enter again to open with no float.")
            )
            self.open_button.setText(
                self.tr("Open with no float (%1)").replace(
                    "%1", money(0, self.till.currency, self.hub_locale)
                )
            )
            self.float_amount.setFocus()
            return
        try:
            self.session = self.till.open(self.volunteer.text(), value)  # type: ignore[assignment]
        except KnownError as exc:
            self.error.setText(tasks.describe(exc))
            if isinstance(exc, NameMissing | NameLooksLikeACode):
                self.volunteer.setFocus()
                self.volunteer.selectAll()
            return
        self.accept()


def z_report_text(
    widget: QWidget, z: ZReport, locale: str, timezone: str, labels: dict[str, str] | None = None
) -> str:
    """The Z report as plain lines for the screen; the printer lays out the same
    :class:`ZReport` (``pos.services.print_documents.z_report_data``)."""

    def m(minor: int | None) -> str:
        return "" if minor is None else money(minor, z.currency, locale)

    s = z.session
    lines = [
        QCoreApplication.translate("TillDialog", "Till %1, session %2")
        .replace("%1", s.till_id)
        .replace("%2", str(s.number)),
        QCoreApplication.translate("TillDialog", "Volunteer: %1").replace("%1", s.volunteer),
        QCoreApplication.translate("TillDialog", "Opened: %1").replace(
            "%1", local_time(s.opened_at, timezone)
        ),
    ]
    if s.closed_at:
        lines.append(
            QCoreApplication.translate("TillDialog", "Closed: %1").replace(
                "%1", local_time(s.closed_at, timezone)
            )
        )
    lines += [
        "",
        QCoreApplication.translate("TillDialog", "Orders collected: %1").replace(
            "%1", str(z.collections)
        ),
        QCoreApplication.translate("TillDialog", "Walk-in sales: %1").replace(
            "%1", str(z.walk_ins)
        ),
        QCoreApplication.translate("TillDialog", "Undone: %1").replace("%1", str(z.reversals)),
        "",
        QCoreApplication.translate("TillDialog", "Goods: %1").replace("%1", m(z.goods_total)),
        QCoreApplication.translate("TillDialog", "Fees: %1").replace("%1", m(z.fees_total)),
        QCoreApplication.translate("TillDialog", "Sales total: %1").replace("%1", m(z.sales_total)),
        "",
    ]
    for method in z.by_method:
        lines.append(
            QCoreApplication.translate("TillDialog", "%1: %2 (%3 payments)")
            .replace("%1", (labels or {}).get(method.method, method.method))
            .replace("%2", m(method.amount))
            .replace("%3", str(method.count))
        )
    lines += [
        QCoreApplication.translate("TillDialog", "Total taken: %1").replace("%1", m(z.takings)),
        QCoreApplication.translate("TillDialog", "Left owing: %1").replace("%1", m(z.left_owing)),
        QCoreApplication.translate("TillDialog", "Credit noted: %1").replace(
            "%1", m(z.credit_amount)
        ),
        "",
        QCoreApplication.translate("TillDialog", "Float: %1").replace("%1", m(s.float_amount)),
        QCoreApplication.translate("TillDialog", "Cash moves: %1").replace(
            "%1", m(z.cash_moves_total)
        ),
        QCoreApplication.translate("TillDialog", "Expected cash: %1").replace(
            "%1", m(z.expected_cash)
        ),
    ]
    if z.counted_cash is not None:
        lines.append(
            QCoreApplication.translate("TillDialog", "Counted cash: %1").replace(
                "%1", m(z.counted_cash)
            )
        )
        lines.append(
            QCoreApplication.translate("TillDialog", "Difference: %1").replace(
                "%1", m(z.difference)
            )
        )
    return "\n".join(lines)


class TillDialog(QDialog):
    """The open session: cash in/out with a reason, count and close, the Z report."""

    def __init__(
        self,
        till: TillService,
        locale: str,
        timezone: str,
        parent: QWidget | None = None,
        *,
        labels: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.labels = labels or {}
        self.till = till
        self.hub_locale = locale
        self.timezone = timezone
        self.report: ZReport | None = None
        self.pin: str | None = None
        self.setObjectName("tillDialog")
        self.setWindowTitle(self.tr("Till session"))
        self.resize(600, 600)
        self.confirm_dialog: CloseConfirmDialog | None = None
        self.summary = QLabel()
        self.summary.setObjectName("tillSummary")
        self.summary.setWordWrap(True)
        tabs = QTabWidget()
        tabs.setObjectName("tillTabs")
        # closing is what this screen is mostly for: the count comes first
        tabs.addTab(self._close_tab(), self.tr("Count and close"))
        tabs.addTab(self._cash_tab(), self.tr("Cash in / out"))
        self.tabs = tabs
        close = big(QPushButton(self.tr("Done")))
        close.setObjectName("tillDoneButton")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(close)
        self.refresh()

    def _m(self, minor: int) -> str:
        return money(minor, self.till.currency, self.hub_locale)

    def _cash_tab(self) -> QWidget:
        page = QWidget()
        self.move_amount = QLineEdit()
        named(self.move_amount, "cashMoveAmount", self.tr("Cash amount"))
        self.move_reason = QLineEdit()
        named(self.move_reason, "cashMoveReason", self.tr("Reason"))
        self.move_error = error_label("cashMoveError")
        cash_in = big(QPushButton(self.tr("Cash in")))
        named(cash_in, "cashInButton", self.tr("Cash in"))
        cash_out = big(QPushButton(self.tr("Cash out")))
        named(cash_out, "cashOutButton", self.tr("Cash out"))
        cash_in.clicked.connect(lambda: self.move_cash(1))
        cash_out.clicked.connect(lambda: self.move_cash(-1))
        form = QFormLayout()
        form.addRow(self.tr("Amount"), self.move_amount)
        form.addRow(self.tr("Reason"), self.move_reason)
        row = QHBoxLayout()
        row.addWidget(cash_in)
        row.addWidget(cash_out)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.move_error)
        layout.addStretch(1)
        return page

    def _close_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout()
        self.counts: dict[int, QSpinBox] = {}
        for i, value in enumerate(self.till.denominations()):
            spin = QSpinBox()
            spin.setObjectName(f"count_{value}")
            spin.setAccessibleName(self.tr("Count of %1").replace("%1", self._m(value)))
            spin.setRange(0, 9999)
            spin.setMinimumHeight(36)
            spin.valueChanged.connect(self._counted_changed)
            self.counts[value] = spin
            grid.addWidget(QLabel(self._m(value)), i // 2, (i % 2) * 2)
            grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
        self.counted = QLineEdit()
        named(self.counted, "countedCash", self.tr("Counted cash"))
        self.counted.textChanged.connect(self._show_difference)
        self.difference = QLabel()
        self.difference.setObjectName("closeDifference")
        self.difference.setWordWrap(True)
        diff_font = self.difference.font()
        diff_font.setPointSize(diff_font.pointSize() + 3)
        diff_font.setBold(True)
        self.difference.setFont(diff_font)
        self.close_note = QLineEdit()
        named(self.close_note, "closeNote", self.tr("Note about the difference"))
        self.close_error = error_label("closeError")
        self.close_button = big(QPushButton(self.tr("Close the till")))
        named(self.close_button, "closeSessionButton", self.tr("Close the till"))
        self.close_button.clicked.connect(self.close_session)
        self.z_text = QLabel()
        self.z_text.setObjectName("zReportText")
        self.z_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.z_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        z_scroll = QScrollArea()
        z_scroll.setWidgetResizable(True)
        z_scroll.setWidget(self.z_text)
        z_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.z_scroll = z_scroll
        z_scroll.hide()
        form = QFormLayout()
        form.addRow(self.tr("Counted cash"), self.counted)
        form.addRow(self.tr("Note"), self.close_note)
        self.counted.setMinimumHeight(40)
        self.close_button.setStyleSheet(
            "QPushButton { background: #166534; color: white; font-weight: bold; }"
            " QPushButton:disabled { background: #9ca3af; }"
        )
        self.count_box = QWidget()  # makes way for the Z report once closed
        count_layout = QVBoxLayout(self.count_box)
        count_layout.setContentsMargins(0, 0, 0, 0)
        count_layout.addWidget(QLabel(self.tr("Count the notes and coins, or type the total:")))
        count_layout.addLayout(grid)
        count_layout.addLayout(form)
        layout = QVBoxLayout(page)
        layout.addWidget(self.count_box)
        layout.addWidget(self.difference)
        layout.addWidget(self.close_error)
        layout.addWidget(self.close_button)
        layout.addWidget(z_scroll, 1)
        return page

    # behaviour ------------------------------------------------------------------
    def refresh(self) -> None:
        session = self.till.current()
        if session is None:
            self.summary.setText(self.tr("The till is closed."))
            return
        self.summary.setText(
            self.tr("Session %1 · volunteer %2 · float %3 · expected cash now %4")
            .replace("%1", str(session.number))
            .replace("%2", session.volunteer)
            .replace("%3", self._m(session.float_amount))
            .replace("%4", self._m(self.till.expected_cash(session.id)))
        )
        self._show_difference()

    def _ask_pin_then(self, action: str, retry: Callable[[], object]) -> None:
        dialog = PinDialog(self.tr("This needs the hub-staff PIN."), self)

        def done() -> None:
            self.pin = dialog.value()
            retry()

        dialog.accepted.connect(done)
        fit_to_screen(dialog)
        dialog.open()
        self.pin_dialog = dialog

    def move_cash(self, sign: int) -> None:
        value, error = amount_error(self, self.move_amount.text(), self.till.currency)
        if value is None or value == 0:
            self.move_error.setText(error or self.tr("Type an amount."))
            return
        try:
            self.till.cash_move(sign * value, self.move_reason.text(), pin=self.pin)
        except PinRequired:
            self._ask_pin_then("cash", lambda: self.move_cash(sign))
            return
        except KnownError as exc:
            self.move_error.setText(tasks.describe(exc))
            self.pin = None
            return
        self.pin = None
        self.move_error.clear()
        self.move_amount.clear()
        self.move_reason.clear()
        self.refresh()

    def _counted_changed(self) -> None:
        total = sum(v * s.value() for v, s in self.counts.items())
        self.counted.setText(plain_amount(total, self.till.currency))

    def _counted_value(self) -> tuple[int | None, str]:
        return amount_error(self, self.counted.text(), self.till.currency)

    def _show_difference(self) -> None:
        session = self.till.current()
        value, error = self._counted_value()
        if session is None or value is None:
            self.difference.setText(error)
            return
        diff = value - self.till.expected_cash(session.id)
        self.difference.setText(
            self.tr("Expected %1 · counted %2 · difference %3")
            .replace("%1", self._m(self.till.expected_cash(session.id)))
            .replace("%2", self._m(value))
            .replace("%3", self._m(diff))
        )

    def close_session(self) -> None:
        """Close: a difference is shown and confirmed first (with the PIN when needed)."""
        value, error = self._counted_value()
        if value is None:
            self.close_error.setText(error or self.tr("Count the cash in the drawer first."))
            return
        try:
            check = self.till.close_check(value)
        except KnownError as exc:
            self.close_error.setText(tasks.describe(exc))
            return
        if check.difference == 0:
            self._close(value)
            return
        dialog = CloseConfirmDialog(check, self._m, self)

        def confirmed() -> None:
            self.pin = dialog.pin.text().strip() or None
            self._close(value)

        dialog.accepted.connect(confirmed)
        self.confirm_dialog = dialog
        dialog.open()

    def _close(self, value: int) -> None:
        counts = {v: s.value() for v, s in self.counts.items() if s.value()}
        use_counts = counts if counts and sum(v * n for v, n in counts.items()) == value else None
        try:
            self.report = self.till.close(
                value, counts=use_counts, note=self.close_note.text(), pin=self.pin
            )
        except PinRequired:
            self._ask_pin_then("close", lambda: self._close(value))
            return
        except KnownError as exc:
            self.close_error.setText(tasks.describe(exc))
            self.pin = None
            return
        self.pin = None
        store = self.till.store  # the day's books copied at once, off the GUI thread
        tasks.run(lambda: vault.backup_own_connection(store, "till close"), what="backup")
        self.close_error.clear()
        self.close_button.setEnabled(False)
        self.close_button.hide()
        self.count_box.hide()
        self.z_scroll.show()
        self.z_text.setText(
            z_report_text(self, self.report, self.hub_locale, self.timezone, self.labels)
        )
        if self.till.z_report_queued:
            self.summary.setText(
                self.tr("The till is closed. The Z report is queued for printing.")
            )
        else:
            self.summary.setText(
                self.tr(
                    "The till is closed, but the Z report could not be queued for printing: "
                    "print it later from the Printing menu."
                )
            )


class CloseConfirmDialog(EnterMovesOn):
    """Closing with a difference: shows it plainly, asks for the PIN when it is needed."""

    def __init__(
        self, check: CloseCheck, fmt: Callable[[int], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        m = fmt  # formats minor units in the hub's currency
        self.setObjectName("closeConfirmDialog")
        self.setWindowTitle(self.tr("Close with a difference?"))
        short = check.difference < 0
        headline = (self.tr("%1 short") if short else self.tr("%1 over")).replace(
            "%1", m(abs(check.difference))
        )
        head = QLabel(headline)
        named(head, "closeConfirmDifference", self.tr("Difference"))
        head.setStyleSheet(
            scaled(
                "QLabel { background: #fef3c7; color: #78350f; border: 2px solid #d97706;"
                " padding: 8px; font-size: 20pt; font-weight: bold; }"
            )
        )
        detail = QLabel(
            self.tr("Expected in the drawer: %1\nCounted: %2\nDifference: %3")
            .replace("%1", m(check.expected))
            .replace("%2", m(check.counted))
            .replace("%3", m(check.difference))
        )
        detail.setObjectName("closeConfirmDetail")
        self.pin = QLineEdit(self)
        named(self.pin, "closePin", self.tr("Staff PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(44)
        self.pin.returnPressed.connect(self.accept)
        back = big(QPushButton(self.tr("Count again")))
        named(back, "closeCountAgainButton", self.tr("Count again"))
        back.setAutoDefault(False)
        back.clicked.connect(self.reject)
        ok = big(QPushButton(self.tr("Close with this difference")))
        named(ok, "confirmCloseButton", self.tr("Close with this difference"))
        ok.setAutoDefault(False)
        ok.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(detail)
        if check.needs_pin:
            note = QLabel(self.tr("The difference is over the hub's limit: hub-staff PIN"))
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addWidget(self.pin)
        else:
            self.pin.hide()
        row = QHBoxLayout()
        row.addWidget(back)
        row.addWidget(ok, 1)
        layout.addLayout(row)
        (self.pin if check.needs_pin else ok).setFocus()


class SetPinDialog(QDialog):
    """Set, change or remove the hub-staff PIN (the current one is needed to change it)."""

    def __init__(self, roles: StaffRoles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roles = roles
        self.setObjectName("setPinDialog")
        self.setWindowTitle(self.tr("Hub staff PIN"))
        self.current = QLineEdit()
        named(self.current, "currentPin", self.tr("Current PIN"))
        self.new = QLineEdit()
        named(self.new, "newPin", self.tr("New PIN"))
        self.repeat = QLineEdit()
        named(self.repeat, "repeatPin", self.tr("New PIN again"))
        for field in (self.current, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMinimumHeight(44)
        self.error = error_label("setPinError")
        save = big(QPushButton(self.tr("Save PIN")))
        named(save, "savePinButton", self.tr("Save PIN"))
        save.clicked.connect(self.save)
        remove = big(QPushButton(self.tr("Remove PIN")))
        remove.setObjectName("removePinButton")
        remove.clicked.connect(self.remove)
        cancel = big(QPushButton(self.tr("Cancel")))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        tampered = roles.tampered
        if roles.pin_configured and not tampered:
            form.addRow(self.tr("Current PIN"), self.current)
        else:
            self.current.hide()
            remove.setVisible(tampered)
        if tampered:  # the record is not ours: no current PIN to ask for
            self.error.setText(
                self.tr(
                    "The hub-staff PIN was changed outside Food Hub POS. Set a new one"
                    " (or remove it) to go on."
                )
            )
        form.addRow(self.tr("New PIN (4 to 12 digits)"), self.new)
        form.addRow(self.tr("New PIN again"), self.repeat)
        row = QHBoxLayout()
        row.addWidget(cancel)
        row.addWidget(remove)
        row.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(row)

    def save(self) -> None:
        new = self.new.text().strip()
        if new != self.repeat.text().strip():
            self.error.setText(self.tr("The two new PINs differ."))
            return
        if not (new.isdigit() and 4 <= len(new) <= 12):
            self.error.setText(self.tr("A PIN is 4 to 12 digits."))
            return
        self._apply(new)

    def remove(self) -> None:
        self._apply(None)

    def _apply(self, new: str | None) -> None:
        try:
            self.roles.set_pin(new, current_pin=self.current.text().strip() or None)
        except WrongPin:
            self.error.setText(self.tr("That PIN is not right."))
            return
        except KnownError as exc:
            self.error.setText(tasks.describe(exc))
            return
        self.accept()
