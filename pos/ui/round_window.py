"""The "Delivery round" screen: back at the hub, go down the run sheet stop by stop.

Scan a stop's QR (or pick it with the arrow keys), then one key per outcome: F1 delivered,
F2 delivered with items missing, F3 not home, F4 refused. Money taken on the doorstep is
typed before F1/F2. A QR of another round is warned about and only recorded here after the
volunteer confirms (scan it again or press "Add to this round"). At the end the driver's
cash is counted against the float plus the doorstep cash, like a till session.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.domain.checkout import CASH, Tender
from pos.domain.money import Money, MoneyError
from pos.domain.rounds import (
    DELIVERED,
    DELIVERED_MISSING,
    NOT_HOME,
    PICKUP_LATER,
    REFUSED,
    SECOND_ATTEMPT,
    Stop,
)
from pos.errors import KnownError
from pos.services.checkout import CheckoutService
from pos.services.context import Services
from pos.services.printing import PrintError, PrintService
from pos.services.rounds import OtherRound, RoundsService, RunSheet
from pos.store.db import new_id
from pos.store.rounds import RoundRow, StopRow
from pos.ui import tasks
from pos.ui.formatting import money
from pos.ui.i18n import current_language
from pos.ui.tasks import describe
from pos.ui.widgets import big, fit_to_screen, named

ORDER_ROLE = Qt.ItemDataRole.UserRole + 1


def _plan(services: Services) -> list[RunSheet]:
    """On a pool thread: every driver's run sheet, read through a connection of its own."""
    reader = services.store.reader()
    try:
        return services.run_sheets_on(reader).run_sheets()
    finally:
        reader.close()


class RoundWindow(QDialog):
    """One round at a time; opening it again for the same driver resumes it.

    The run sheets are planned on a worker thread (``planning`` until ``planned`` fires)."""

    planned = Signal()

    def __init__(self, services: Services, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rounds: RoundsService = services.rounds
        self.printing: PrintService | None = services.printing
        self.checkout: CheckoutService = services.checkout
        checkout = self.checkout
        self.hub_locale = locale
        self.currency = checkout.currency
        self.round: RoundRow | None = None
        self.stops: list[StopRow] = []
        self.event_id = new_id()  # the next outcome's identity: a second Enter records nothing
        self.event_order: int | None = None
        self.confirm_number = ""  # a stop of another round, waiting for the volunteer's yes
        self.due: dict[int, int] = {}  # order id -> amount to collect, as on the run sheet
        self.preview: list[Stop] = []  # the chosen sheet's stops, before recording starts
        named(self, "deliveryRoundWindow", self.tr("Delivery round"))
        self.setWindowTitle(self.tr("Delivery round"))
        self.resize(1300, 720)

        # choosing the round
        self.picker = QComboBox()
        named(self.picker, "roundPicker", self.tr("Round"))
        # the rounds arrive after the screen is shown: the box widens to them then
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheets: list[RunSheet] = []
        self.planning = True
        self.volunteer = QLineEdit(checkout.volunteer())
        named(self.volunteer, "roundVolunteer", self.tr("Who records the round"))
        self.volunteer.setPlaceholderText(self.tr("Your name"))
        self.float_amount = QLineEdit()
        named(self.float_amount, "roundFloat", self.tr("Float the driver took"))
        self.float_amount.setPlaceholderText("0")
        self.open_button = big(QPushButton(self.tr("Start recording")), 40)
        named(self.open_button, "openRoundButton", self.tr("Start recording the round"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Round:")))
        top.addWidget(self.picker, 2)
        top.addWidget(QLabel(self.tr("Recorded by:")))
        top.addWidget(self.volunteer, 1)
        top.addWidget(QLabel(self.tr("Float:")))
        top.addWidget(self.float_amount)
        top.addWidget(self.open_button)

        # the stops
        self.scan = QLineEdit()
        named(self.scan, "roundScan", self.tr("Scan a stop's QR code"))
        self.scan.setPlaceholderText(self.tr("Scan a stop's QR or type its order number"))
        font = self.scan.font()
        font.setPointSize(font.pointSize() + 4)
        self.scan.setFont(font)
        self.up_button = QPushButton(self.tr("Move up"))
        named(self.up_button, "moveStopUpButton", self.tr("Move the stop up (Ctrl+Up)"))
        self.down_button = QPushButton(self.tr("Move down"))
        named(self.down_button, "moveStopDownButton", self.tr("Move the stop down (Ctrl+Down)"))
        self.save_order_button = QPushButton(self.tr("Save this stop order"))
        named(self.save_order_button, "saveStopOrderButton",
              self.tr("Keep this stop order for the driver's next run sheets"))  # fmt: skip
        self.add_button = QPushButton(self.tr("Add to this round"))
        named(self.add_button, "addStopButton", self.tr("Add the scanned stop to this round"))
        self.add_button.hide()
        self.table = QTableWidget(0, 5)
        named(self.table, "roundStops", self.tr("Stops"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Order"), self.tr("Customer"), self.tr("To collect"),
             self.tr("Outcome")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for col in (2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        # the selected stop
        self.stop_title = QLabel()
        named(self.stop_title, "roundStopTitle", self.tr("Selected stop"))
        self.stop_title.setWordWrap(True)
        title_font = self.stop_title.font()
        title_font.setPointSize(title_font.pointSize() + 3)
        title_font.setBold(True)
        self.stop_title.setFont(title_font)
        self.method = QComboBox()
        named(self.method, "roundMethod", self.tr("Paid on the doorstep by"))
        for m in checkout.payment_methods(current_language()):
            self.method.addItem(m.label, m.code)
        self.amount = QLineEdit()
        named(self.amount, "roundAmount", self.tr("Amount taken on the doorstep"))
        self.amount.setPlaceholderText("0")
        self.missing = QListWidget()
        named(self.missing, "missingLines", self.tr("Items missing"))
        self.missing.setMaximumHeight(130)
        self.next_step = QComboBox()
        named(self.next_step, "notHomeNext", self.tr("Bags of a stop not home"))
        self.next_step.addItem(self.tr("Bags back: second attempt"), SECOND_ATTEMPT)
        self.next_step.addItem(self.tr("Bags back: customer picks up later"), PICKUP_LATER)
        self.note = QLineEdit()
        named(self.note, "roundNote", self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Why (left owing, refused, …)"))
        form = QFormLayout()
        form.addRow(self.tr("Paid by:"), self.method)
        form.addRow(self.tr("Taken:"), self.amount)
        form.addRow(self.tr("Missing items:"), self.missing)
        form.addRow(self.tr("Not home:"), self.next_step)
        form.addRow(self.tr("Note:"), self.note)
        self.outcome_buttons: dict[str, QPushButton] = {}
        self.keys: dict[Qt.Key, str] = {}
        buttons = QGridLayout()
        for outcome, name, text, key in (
            (DELIVERED, "deliveredButton", self.tr("F1 Delivered"), Qt.Key.Key_F1),
            (DELIVERED_MISSING, "deliveredMissingButton", self.tr("F2 Items missing"),
             Qt.Key.Key_F2),
            (NOT_HOME, "notHomeButton", self.tr("F3 Not home"), Qt.Key.Key_F3),
            (REFUSED, "refusedButton", self.tr("F4 Refused"), Qt.Key.Key_F4),
        ):  # fmt: skip
            button = big(QPushButton(text), 44)
            named(button, name, text)
            button.clicked.connect(lambda _=False, o=outcome: self.record(o))
            self.keys[key] = outcome
            self.outcome_buttons[outcome] = button
            index = len(self.outcome_buttons) - 1
            buttons.addWidget(button, index // 2, index % 2)
        self.note_button = QPushButton(self.tr("Print delivery note"))
        named(self.note_button, "printNoteButton", self.tr("Print this stop's delivery note"))
        self.all_notes_button = QPushButton(self.tr("Notes for every bag"))
        named(self.all_notes_button, "printAllNotesButton",
              self.tr("Print a delivery note for every stop still to deliver"))  # fmt: skip
        notes = QHBoxLayout()
        notes.addWidget(self.note_button)
        notes.addWidget(self.all_notes_button)
        side = QVBoxLayout()
        side.addWidget(self.stop_title)
        side.addLayout(form)
        side.addLayout(buttons)
        side.addLayout(notes)
        side.addStretch(1)
        middle = QHBoxLayout()
        left = QVBoxLayout()
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.add_button)
        left.addLayout(scan_row)
        left.addWidget(self.table, 1)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.up_button)
        plan_row.addWidget(self.down_button)
        plan_row.addStretch(1)
        plan_row.addWidget(self.save_order_button)
        left.addLayout(plan_row)
        side_panel = QWidget()
        side_panel.setLayout(side)
        side_panel.setMaximumWidth(520)
        middle.addLayout(left, 1)
        middle.addWidget(side_panel)

        # message and the cash count
        self.message = QLabel()
        named(self.message, "roundMessage", self.tr("Round message"))
        self.message.setWordWrap(True)
        self.money_label = QLabel()
        named(self.money_label, "roundMoneyLabel", self.tr("Round cash"))
        self.counted = QLineEdit()
        named(self.counted, "roundCounted", self.tr("Cash counted"))
        self.counted.setPlaceholderText(self.tr("Cash counted"))
        self.counted.setMinimumWidth(170)
        self.close_button = QPushButton(self.tr("Close the round"))
        named(self.close_button, "closeRoundButton", self.tr("Close the round"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.money_label, 1)
        bottom.addWidget(self.counted)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self.open_button.clicked.connect(self.open_round)
        self.volunteer.returnPressed.connect(self.open_round)
        self.float_amount.returnPressed.connect(self.open_round)
        self.counted.returnPressed.connect(self.close_round)
        self.scan.returnPressed.connect(self.scanned)
        self.add_button.clicked.connect(self.add_confirmed)
        self.table.itemSelectionChanged.connect(self._selected)
        self.close_button.clicked.connect(self.close_round)
        self.up_button.clicked.connect(lambda: self.move_stop(-1))
        self.down_button.clicked.connect(lambda: self.move_stop(1))
        self.save_order_button.clicked.connect(self.save_order)
        self.picker.currentIndexChanged.connect(self.show_preview)
        self.note_button.clicked.connect(self.print_note)
        self.all_notes_button.clicked.connect(self.print_all_notes)
        self._set_open(False)
        self.open_button.setEnabled(False)  # until the sheets are planned
        self.show_message(self.tr("Planning the run sheets…"))
        fit_to_screen(self)
        self.picker.setFocus()
        tasks.run(
            partial(_plan, services), on_result=self._planned,
            on_error=self._plan_failed, owner=self, what="planning the run sheets",
        )  # fmt: skip

    def _planned(self, sheets: list[RunSheet]) -> None:
        self.sheets = sheets
        self.picker.blockSignals(True)
        for sheet in sheets:
            name = sheet.method.name + (f" · {sheet.driver}" if sheet.driver else "")
            self.picker.addItem(
                self.tr("%1 (%2 stops)").replace("%1", name).replace("%2", str(len(sheet.stops)))
            )
        self.picker.blockSignals(False)
        self.picker.setMinimumWidth(self.picker.sizeHint().width())  # as if planned before show
        self.open_button.setEnabled(bool(sheets))
        self.show_preview()
        if sheets:
            self.message.clear()
        else:
            self.show_message(self.tr("There are no delivery orders in this order cycle."), "warn")
        self.planning = False
        self.planned.emit()

    def _plan_failed(self, exc: BaseException) -> None:
        self.show_message(describe(exc), "error")
        self.planning = False
        self.planned.emit()

    def event(self, event: QEvent) -> bool:
        """F1 to F4 are this screen's, even where the till window binds one (F2: scan field)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if Qt.Key(event.key()) in self.keys:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F1 to F4 from any field (the scan field keeps the focus between stops)."""
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_stop(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        outcome = self.keys.get(Qt.Key(event.key()))
        if outcome is not None and self.round is not None:
            self.record(outcome)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Enter belongs to the field it was typed in, never to a default button
        super().keyPressEvent(event)

    # helpers ----------------------------------------------------------------------
    def m(self, minor: int) -> str:
        return money(minor, self.currency, self.hub_locale)

    def show_message(self, text: str, level: str = "info") -> None:
        colour = {"error": "#b91c1c", "warn": "#b45309"}.get(level, "#166534")
        self.message.setStyleSheet(f"QLabel {{ color: {colour}; font-weight: bold; }}")
        self.message.setText(text)

    def _set_open(self, is_open: bool) -> None:
        for button in (self.up_button, self.down_button, self.save_order_button):
            button.setVisible(not is_open)
        for w in (self.scan, self.counted, self.close_button, self.amount,
                  self.method, self.note, self.missing, self.next_step,
                  *self.outcome_buttons.values()):  # fmt: skip
            w.setEnabled(is_open)
        for w in (self.note_button, self.all_notes_button):
            w.setEnabled(is_open and self.printing is not None)
        for w in (self.picker, self.volunteer, self.float_amount, self.open_button):
            w.setEnabled(not is_open)

    def outcome_text(self, stop: StopRow) -> str:
        texts = {
            DELIVERED: self.tr("Delivered"),
            DELIVERED_MISSING: self.tr("Delivered, items missing"),
            NOT_HOME: self.tr("Not home"),
            REFUSED: self.tr("Refused"),
        }
        text = texts.get(stop.outcome, "—")
        if stop.outcome == NOT_HOME:
            text += " · " + (
                self.tr("second attempt")
                if stop.next_step == SECOND_ATTEMPT
                else self.tr("pickup later")
            )
        if stop.amount_paid:
            text += f" · {self.m(stop.amount_paid)}"
        return text

    # the round --------------------------------------------------------------------
    def open_round(self) -> None:
        index = self.picker.currentIndex()
        if index < 0:
            return
        sheet = self.sheets[index]
        try:
            float_minor = self._amount(self.float_amount.text())
            self.round = self.rounds.open_round(
                sheet.method.id, sheet.driver, self.volunteer.text(), float_minor
            )
        except KnownError as exc:
            self.show_message(describe(exc), "error")
            return
        self.due = {s.order_id: s.amount_due for s in sheet.stops}
        self._set_open(True)
        self.reload()
        self.show_message(self.tr("Scan each stop's QR, or pick it and press F1 to F4."))
        self.scan.setFocus()

    # planning: the sheet's stop order, before the round is recorded ------------------
    def show_preview(self, select: int | None = None) -> None:
        """The selected sheet's stops in run-sheet order; they can be reordered and saved."""
        if self.round is not None:
            return
        index = self.picker.currentIndex()
        self.preview = list(self.sheets[index].stops) if 0 <= index < len(self.sheets) else []
        self.table.setHorizontalHeaderItem(4, QTableWidgetItem(self.tr("Address")))
        self.table.setRowCount(len(self.preview))
        for row, stop in enumerate(self.preview):
            where = (
                self.tr("ADDRESS MISSING")
                if stop.address_missing
                else ", ".join(stop.address.lines())
            )
            due = self.m(stop.amount_due) if stop.amount_due else self.tr("paid")
            cells = [str(row + 1), stop.number, stop.full_name, due, where]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ORDER_ROLE, stop.order_id)
                self.table.setItem(row, col, item)
        if select is not None:
            self.table.selectRow(select)

    def move_stop(self, step: int) -> None:
        rows = self.table.selectionModel().selectedRows()
        if self.round is not None or not rows:
            return
        row = rows[0].row()
        target = row + step
        if not 0 <= target < len(self.preview) or self.preview[row].address_missing:
            return
        if self.preview[target].address_missing:
            return  # stops without an address stay first, where nobody can miss them
        self.preview[row], self.preview[target] = self.preview[target], self.preview[row]
        sheet = self.sheets[self.picker.currentIndex()]
        self.sheets[self.picker.currentIndex()] = RunSheet(
            sheet.method, sheet.driver, tuple(self.preview)
        )
        self.show_preview(select=target)

    def save_order(self) -> None:
        index = self.picker.currentIndex()
        if self.round is not None or not 0 <= index < len(self.sheets):
            return
        sheet = self.sheets[index]
        try:
            self.rounds.sheets.save_order(
                sheet.method.id, sheet.driver, [s.order_id for s in sheet.stops]
            )
        except KnownError as exc:
            self.show_message(describe(exc), "error")
            return
        self.show_message(
            self.tr("Stop order saved: the driver's run sheets follow it, next cycle too.")
        )

    def reload(self, select: int | None = None) -> None:
        assert self.round is not None
        self.stops = self.rounds.round_stops(self.round.id)
        self.table.setHorizontalHeaderItem(4, QTableWidgetItem(self.tr("Outcome")))
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.stops))
        for row, stop in enumerate(self.stops):
            due = self.due.get(stop.order_id, 0)
            cells = [str(stop.position), stop.number, stop.customer_name,
                     self.m(due) if due else self.tr("paid"), self.outcome_text(stop)]  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ORDER_ROLE, stop.order_id)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        if select is not None:
            for row, stop in enumerate(self.stops):
                if stop.order_id == select:
                    self.table.selectRow(row)
        self._selected()
        self._show_money()

    def _show_money(self) -> None:
        assert self.round is not None
        cash = self.rounds.money(self.round.id)
        done = sum(1 for s in self.stops if s.outcome != "pending")
        self.money_label.setText(
            self.tr("%1 of %2 stops recorded · float %3 + cash taken %4 = %5 expected")
            .replace("%1", str(done))
            .replace("%2", str(len(self.stops)))
            .replace("%3", self.m(cash.float_amount))
            .replace("%4", self.m(cash.cash_taken))
            .replace("%5", self.m(cash.expected))
        )

    def current(self) -> StopRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.stops):
            return None
        return self.stops[rows[0].row()]

    def _selected(self) -> None:
        stop = self.current()
        self.missing.clear()
        self.amount.clear()
        self.note.clear()
        if stop is None:
            self.stop_title.setText(self.tr("Scan or pick a stop."))
            return
        if self.event_order != stop.order_id:
            self.event_id, self.event_order = new_id(), stop.order_id
        order = self.checkout.orders.get(stop.order_id)
        due = self.due.get(stop.order_id, 0)
        title = self.tr("%1 · %2 · to collect %3") if due else self.tr("%1 · %2 · paid")
        self.stop_title.setText(
            title.replace("%1", stop.number)
            .replace("%2", stop.customer_name)
            .replace("%3", self.m(due))
        )
        if due:
            self.amount.setText(str(Money(due, self.currency).decimal))
        cash = self.method.findData(CASH)
        if cash >= 0:
            self.method.setCurrentIndex(cash)
        for item in order.line_items if order else ():
            line = QListWidgetItem(f"{item.quantity} × {item.product_name} {item.variant_name}")
            line.setData(ORDER_ROLE, item.id)
            line.setFlags(line.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            line.setCheckState(Qt.CheckState.Unchecked)
            self.missing.addItem(line)

    # scanning -----------------------------------------------------------------------
    def scanned(self) -> None:
        text = self.scan.text().strip()
        self.scan.clear()
        if not text or self.round is None:
            return
        if self.confirm_number and text.upper() == self.confirm_number:
            self.add_confirmed()
            return
        try:
            stop = self.rounds.find(self.round.id, text)
        except OtherRound as exc:
            self.confirm_number = exc.number
            self.add_button.show()
            where = {
                "round": self.tr("it is on the round %1"),
                "delivery": self.tr("it is a delivery of %1 on no round yet"),
            }.get(exc.kind, self.tr("it is an order to collect at a pickup point"))
            self.show_message(
                self.tr("%1 is not on this round (%2). Scan it again or press “Add to this "
                        "round” to record it here; otherwise set the bag aside.")
                .replace("%1", exc.number).replace("%2", where.replace("%1", exc.name)),
                "warn",
            )  # fmt: skip
            return
        except KnownError as exc:
            self.show_message(describe(exc), "error")
            return
        self._forget_confirm()
        self.reload(select=stop.order_id)
        self.show_message(
            self.tr("%1: press F1 delivered, F2 items missing, F3 not home, F4 refused.").replace(
                "%1", stop.number
            )
        )
        self.amount.setFocus() if self.due.get(stop.order_id) else self.scan.setFocus()

    def add_confirmed(self) -> None:
        if self.round is None or not self.confirm_number:
            return
        try:
            stop = self.rounds.add_stop(self.round.id, self.confirm_number, self.volunteer.text())
        except KnownError as exc:
            self.show_message(describe(exc), "error")
            return
        self._forget_confirm()
        self.reload(select=stop.order_id)
        self.show_message(self.tr("%1 added to this round.").replace("%1", stop.number))

    def _forget_confirm(self) -> None:
        self.confirm_number = ""
        self.add_button.hide()

    # recording ----------------------------------------------------------------------
    def _amount(self, text: str) -> int:
        if not text.strip():
            return 0
        try:
            return Money.parse_input(text, self.currency).minor
        except MoneyError:
            raise KnownError("round.amount_invalid") from None

    def record(self, outcome: str) -> None:
        stop = self.current()
        if self.round is None or stop is None:
            self.show_message(self.tr("Scan or pick a stop first."), "warn")
            return
        if stop.outcome == outcome:
            self.show_message(
                self.tr("%1 is already recorded: %2.")
                .replace("%1", stop.number)
                .replace("%2", self.outcome_text(stop)),
                "warn",
            )
            return
        missing = [
            int(self.missing.item(i).data(ORDER_ROLE))
            for i in range(self.missing.count())
            if self.missing.item(i).checkState() == Qt.CheckState.Checked
        ]
        if outcome == DELIVERED_MISSING and not missing:
            self.show_message(self.tr("Tick the missing items, then press F2 again."), "warn")
            self.missing.setFocus()
            return
        try:
            tenders: list[Tender] = []
            if outcome in (DELIVERED, DELIVERED_MISSING):
                taken = self._amount(self.amount.text())
                if taken:
                    tenders.append(Tender(str(self.method.currentData()), taken))
            saved = self.rounds.record(
                self.round.id, stop.order_id, outcome, event_id=self.event_id,
                volunteer=self.volunteer.text().strip(), tenders=tenders,
                missing=missing if outcome == DELIVERED_MISSING else (),
                next_step=str(self.next_step.currentData()) if outcome == NOT_HOME else "",
                note=self.note.text(),
            )  # fmt: skip
        except KnownError as exc:
            self.show_message(describe(exc), "error")
            return
        # the stop stays selected: the same key again only says it is already recorded
        self.event_id = new_id()
        self.show_message(
            self.tr("%1: %2.").replace("%1", saved.number).replace("%2", self.outcome_text(saved))
        )
        self.reload(select=saved.order_id)
        self.scan.setFocus()

    # delivery notes -----------------------------------------------------------------
    def print_note(self) -> None:
        stop = self.current()
        if stop is None or self.printing is None:
            self.show_message(self.tr("Scan or pick a stop first."), "warn")
            return
        self._print([stop])

    def print_all_notes(self) -> None:
        self._print([s for s in self.stops if s.outcome == "pending"])

    def _print(self, stops: list[StopRow]) -> None:
        assert self.printing is not None
        try:
            for stop in stops:
                self.printing.enqueue_delivery_note(stop.order_id, self.volunteer.text().strip())
        except (KnownError, PrintError) as exc:
            self.show_message(describe(exc), "error")
            return
        self.show_message(
            self.tr("%1 delivery note(s) sent to the printer.").replace("%1", str(len(stops)))
        )

    def close_round(self) -> None:
        if self.round is None:
            return
        try:
            counted = self._amount(self.counted.text())
            if not self.counted.text().strip():
                raise KnownError("round.count_missing")
            result = self.rounds.close_round(
                self.round.id, counted, self.volunteer.text().strip(), self.note.text()
            )
        except KnownError as exc:
            self.show_message(describe(exc), "error")
            return
        difference = result.difference or 0
        self.show_message(
            self.tr("Round closed: expected %1, counted %2, difference %3.")
            .replace("%1", self.m(result.expected))
            .replace("%2", self.m(counted))
            .replace("%3", self.m(difference)),
            "info" if difference == 0 else "warn",
        )
        self._set_open(False)
        self.open_button.setEnabled(False)


def open_round_window(window: QWidget, services: Services, locale: str) -> RoundWindow:
    dialog = RoundWindow(services, locale, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
