"""The order panel: who, where, what state, special instructions, and the bag's contents.

While an order is open the volunteer can mark a line missing (Delete or M), one fewer
(-) or one more (+), type a final weight (W, then the weight and Enter) or reset it (R);
the amounts and the money summary follow at once.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.models import Hub, Order, PickupPoint
from pos.domain.units import format_measure
from pos.ui import tasks
from pos.ui.formatting import money
from pos.ui.i18n import current_language
from pos.ui.text_size import pt, scaled
from pos.ui.widgets import ScanSafeTable, cell_padding, named, plain_text

if TYPE_CHECKING:  # the checkout's rules load in the turns after the window's first paint
    from pos.domain.checkout import Checkout, CheckoutDraft, CollectionInfo, HandoverLine

Index = QModelIndex | QPersistentModelIndex


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # made once:
_SHORT = QColor("#9b1c1c")  # data() runs for every role of every cell painted


class LineItemModel(QAbstractTableModel):
    COLUMNS = ("producer", "product", "unit", "quantity", "price", "amount", "status", "chilled")

    def __init__(self, hub: Hub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.lines: list[HandoverLine] = []
        self.producers: dict[int, str] = {}

    def set_lines(self, lines: list[HandoverLine], producers: dict[int, str]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.producers = producers
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        chilled = section == self.COLUMNS.index("chilled")
        if chilled and orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return "❄"  # a narrow column: the symbol, the word in the tooltip
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("Chilled")
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                self.tr("Producer"),
                self.tr("Product"),
                self.tr("Unit"),
                self.tr("Qty"),
                self.tr("Price"),
                self.tr("Amount"),
                self.tr("Hand-over"),
                self.tr("Chilled"),
            )[section]
        return None

    def status_text(self, line: HandoverLine) -> str:
        if line.status == "missing":
            return self.tr("Missing")
        if line.status == "short":
            return self.tr("Short")
        if line.status == "weighed":
            return self.tr("Weighed")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        item = line.item
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            cur, loc = self.hub.currency, self.hub.locale
            if column == "producer":
                return self.producers.get(item.producer_id or -1, "")
            if column == "product":
                return item.product_name
            if column == "unit":
                weight = line.final_weight or item.final_weight
                if weight is not None:
                    return (
                        self.tr("%1 (weighed %2)")
                        .replace("%1", item.variant_name)
                        .replace("%2", format_measure(weight, item.variant_unit, self.hub.locale))
                    )
                return item.variant_name
            if column == "quantity":
                if line.quantity != item.quantity:
                    return f"{line.quantity} / {item.quantity}"
                return str(item.quantity)
            if column == "price":
                return money(item.unit_price, cur, loc)
            if column == "amount":
                return money(line.amount, cur, loc)
            if column == "status":
                return self.status_text(line)
            if column == "chilled":
                return "❄" if item.chilled else ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "chilled" and item.chilled:
                return self.tr("❄ chilled")
        if role == Qt.ItemDataRole.ForegroundRole and line.status in ("missing", "short"):
            return _SHORT
        if role == Qt.ItemDataRole.FontRole and line.status == "missing":
            font = QFont()
            font.setStrikeOut(True)  # not in the bag: struck through, still readable
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("quantity", "price", "amount"):
            return _RIGHT
        return None


SCAN_GAP = 0.15  # seconds: a keyboard-wedge scanner types much faster than any person


class LinesView(ScanSafeTable):
    """The line items; keys act on the selected line.

    Up on the first line hands the focus back (``leave``). Text that is not a line key goes
    to the scan field (``typed``). A line key followed at once by a letter or digit that is
    not a line key was the first character of a scan (order numbers start with R): its
    change is taken back (``take_back``) and the whole code goes to the scan field, so a
    scan never marks or resets a line.
    """

    key_action = Signal(str)
    take_back = Signal()

    KEYS = {
        Qt.Key.Key_Delete: "missing",
        Qt.Key.Key_M: "missing",
        Qt.Key.Key_Minus: "less",
        Qt.Key.Key_Plus: "more",
        Qt.Key.Key_W: "weight",
        Qt.Key.Key_R: "reset",
    }

    def __init__(self) -> None:
        super().__init__()
        self._last_key: tuple[float, str] | None = None  # (time, text) of the last line key

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = plain_text(event)
        now = time.monotonic()
        action = self.KEYS.get(Qt.Key(event.key()))
        last, self._last_key = self._last_key, None
        if text and not action and last is not None and now - last[0] < SCAN_GAP:
            self.take_back.emit()  # a line key then a letter or digit at once: a scan
            self.typed.emit(last[1] + text)
            return
        if action and (text or event.key() == Qt.Key.Key_Delete):
            self._last_key = (now, text) if text else None
            self.key_action.emit(action)
            return
        super().keyPressEvent(event)


BANNER_STYLES = {
    # already collected: a stop sign, not a notice
    "stop": "QLabel { background: #b91c1c; color: white; border: 4px solid #7f1d1d;"
    " padding: 8px; font-size: 15pt; }",
    "ok": "QLabel { background: #dcfce7; color: #14532d; border: 2px solid #15803d;"
    " padding: 8px; font-size: 15pt; }",
    "warn": "QLabel { background: #fef3c7; color: #78350f; border: 2px solid #d97706;"
    " padding: 8px; font-size: 15pt; }",
}


def banner_html(headline: str, detail: str, points: int) -> str:
    """A large bold first line and a readable second line, escaped."""
    from html import escape

    return (
        f"<div style='font-size:{points}pt; font-weight:bold'>{escape(headline)}</div>"
        f"<div style='font-size:14pt'>{escape(detail)}</div>"
    )


def lines_from_checkout(order: Order, checkout: Checkout) -> list[HandoverLine]:
    """What was actually handed over, as the lines view shows it (missing struck through)."""
    from pos.domain.checkout import HandoverLine, handover_line

    items = {item.id: item for item in order.line_items}
    lines = []
    for li in checkout.lines:
        item = items.get(li.line_item_id or -1)
        if item is not None:
            lines.append(HandoverLine(item, li.quantity, li.final_weight, li.amount, li.status))
    return lines or [handover_line(item) for item in order.line_items]


class OrderPanel(QWidget):
    lines_changed = Signal()
    start_shift = Signal()  # the empty panel's call to action while the till is closed
    customer_data = Signal(int)  # hub staff: export or erase this order's customer (PIN)

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.order: Order | None = None
        self.handed: Checkout | None = None
        self.draft: CheckoutDraft | None = None
        self.locked = False
        self.pickup_name = ""
        self.setObjectName("orderPanel")
        self.customer = QLabel(self.tr("Scan a bag or pick an order"))
        self.customer.setObjectName("orderCustomer")
        font = self.customer.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.customer.setFont(font)
        self.customer.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("orderDetails")
        self.details.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("orderState")
        state_font = self.state.font()
        state_font.setPointSize(state_font.pointSize() + 4)
        state_font.setBold(True)
        self.state.setFont(state_font)
        self.collected = QLabel()
        self.collected.setObjectName("collectedBanner")
        self.collected.setAccessibleName(self.tr("Already collected"))
        self.collected.setWordWrap(True)
        self.collected.setTextFormat(Qt.TextFormat.RichText)
        self.collected.hide()
        # the result of the checkout just done, until the next scan ("Give change £9.81")
        self.result = QLabel()
        self.result.setObjectName("checkoutResult")
        self.result.setAccessibleName(self.tr("Result of the checkout"))
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.hide()
        self._pending_weight: tuple[int, str] | None = None
        self.till_open = True
        self.start_button = QPushButton(self.tr("Start of the shift: open the till (F7)"))
        self.start_button.setObjectName("startShiftButton")
        self.start_button.setAccessibleName(self.tr("Open the till"))
        self.start_button.setMinimumHeight(64)
        self.start_button.setStyleSheet(
            scaled("QPushButton { background: #166534; color: white; font-size: 16pt;"
                   " font-weight: bold; }")
        )  # fmt: skip
        self.start_button.clicked.connect(self.start_shift.emit)
        self.start_button.hide()
        self.instructions = QLabel()
        self.instructions.setObjectName("specialInstructions")
        self.instructions.setWordWrap(True)
        self.instructions.setStyleSheet(
            "QLabel { background: #fff3c4; border: 2px solid #d4a017; padding: 8px;"
            f" font-size: {pt(1.25)}; }}"
        )
        self.instructions.hide()
        self.items_model = LineItemModel(hub, self)
        self.items_view = LinesView()
        self.items_view.setObjectName("orderView")
        self.items_view.setAccessibleName(self.tr("Items in the order"))
        self.items_view.setModel(self.items_model)
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.verticalHeader().setVisible(False)
        self.items_view.verticalHeader().setDefaultSectionSize(36)
        self.items_view.setMinimumHeight(110)
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # sized by _fit_columns
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # producers and
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # products share
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # with units: the width
        self.items_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items_view.key_action.connect(self.line_action)
        self.items_view.take_back.connect(self._take_back)
        self._before: dict[int, tuple[int | None, Decimal | None]] | None = None

        self.missing_button = self._button("missingButton", self.tr("Missing (M)"))
        self.less_button = self._button("lessButton", self.tr("One fewer (−)"))
        self.more_button = self._button("moreButton", self.tr("One more (+)"))
        self.reset_button = self._button("resetLineButton", self.tr("As ordered (R)"))
        self.weight = QLineEdit()
        self.weight.setObjectName("finalWeightInput")
        self.weight.setAccessibleName(self.tr("Final weight"))
        self.weight.setPlaceholderText(self.tr("Weight (W)"))
        self.weight.setToolTip(self.tr("Final weight in g or ml, then Enter"))
        self.weight.setMinimumHeight(44)
        self.weight.setMinimumWidth(90)
        self.weight.returnPressed.connect(lambda: self.line_action("apply_weight"))
        self.missing_button.clicked.connect(lambda: self.line_action("missing"))
        self.less_button.clicked.connect(lambda: self.line_action("less"))
        self.more_button.clicked.connect(lambda: self.line_action("more"))
        self.reset_button.clicked.connect(lambda: self.line_action("reset"))
        self.line_error = QLabel()
        self.line_error.setObjectName("lineError")
        self.line_error.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")
        self.line_error.setWordWrap(True)
        self.lines_hint = QLabel(
            self.tr("↓ from the empty field to the lines, then these keys · ↑ back")
        )
        named(self.lines_hint, "linesHint", self.tr("Keys for the lines"))
        self.lines_hint.setWordWrap(True)
        self.lines_hint.setStyleSheet("QLabel { color: #4b5563; }")
        self.summary = QLabel()
        self.summary.setObjectName("handoverSummary")
        self.summary.setWordWrap(True)
        summary_font = self.summary.font()
        summary_font.setPointSize(summary_font.pointSize() + 3)
        self.summary.setFont(summary_font)

        edit_row = QHBoxLayout()
        for widget in (self.missing_button, self.less_button, self.more_button, self.reset_button):
            edit_row.addWidget(widget)
        edit_row.addWidget(self.weight)
        self.edit_bar = QWidget()
        named(self.edit_bar, "lineEditBar", self.tr("Change the selected line"))
        self.edit_bar.setLayout(edit_row)
        self.edit_bar.setStyleSheet(  # secondary actions: smaller than the primary button
            f"QPushButton {{ font-size: {pt(0.95)}; padding: 2px 6px; min-height: 40px; }}"
        )
        edit_row.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        heading = QHBoxLayout()  # who, and the state next to the name: one line saved
        heading.addWidget(self.customer, 1)
        heading.addWidget(
            self.state, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.data_button = QPushButton(self.tr("Data…"))
        named(self.data_button, "customerDataButton",
              self.tr("Customer data: export or erase (hub staff)"))  # fmt: skip
        self.data_button.setToolTip(self.tr("Customer data: export or erase (hub staff)"))
        self.data_button.setFlat(True)
        self.data_button.clicked.connect(
            lambda: self.order is not None and self.customer_data.emit(self.order.id)
        )
        self.data_button.hide()
        heading.addWidget(self.data_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(heading)
        layout.addWidget(self.details)
        layout.addWidget(self.start_button)
        layout.addWidget(self.collected)
        layout.addWidget(self.result)
        layout.addWidget(self.instructions)
        layout.addWidget(self.items_view, 1)
        layout.addWidget(self.lines_hint)
        layout.addWidget(self.edit_bar)
        layout.addWidget(self.line_error)
        layout.addWidget(self.summary)
        self.producers: dict[int, str] = {}
        self.edit_bar.setEnabled(False)
        for part in (self.items_view, self.lines_hint, self.edit_bar):
            part.hide()
        layout.addStretch(0)

    def set_till_open(self, is_open: bool) -> None:
        """While the till is closed the empty panel offers to open it (start of shift)."""
        self.till_open = is_open
        self.start_button.setVisible(not is_open and self.order is None)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setMinimumHeight(44)
        return button

    def _money(self, minor: int) -> str:
        return money(minor, self.hub.currency, self.hub.locale)

    def set_producers(self, producers: dict[int, str]) -> None:
        self.producers = producers

    def clear(self) -> None:
        self.order = None
        self.draft = None
        self.data_button.hide()
        self.customer.setText(self.tr("Scan a bag or pick an order"))
        for label in (self.details, self.state, self.summary, self.line_error):
            label.clear()
        self.collected.hide()
        self.result.hide()
        self.start_button.setVisible(not self.till_open)
        self.instructions.hide()
        self.items_model.set_lines([], self.producers)
        self.edit_bar.setEnabled(False)
        for part in (self.items_view, self.lines_hint, self.edit_bar):
            part.hide()  # nothing to show until an order opens

    def show_order(
        self,
        order: Order,
        pickup_points: list[PickupPoint],
        draft: CheckoutDraft | None = None,
        collected: CollectionInfo | None = None,
        code: str | None = None,
        handed: Checkout | None = None,
        *,
        just_done: bool = False,
    ) -> None:
        """Show an order; ``handed``: the lines as handed over; ``just_done``: no stop sign."""
        self.order = order
        self.draft = draft
        self.handed = handed
        self.data_button.show()
        self.result.hide()
        self.start_button.hide()
        self.locked = collected is not None or order.is_cancelled or draft is None
        names = {p.id: p.name for p in pickup_points}
        self.pickup_name = names.get(order.pickup_point_id or -1, self.tr("no pickup point"))
        delivery = any(p.is_delivery for p in pickup_points if p.id == order.pickup_point_id)
        self.customer.setText(order.customer_name or self.tr("(no name)"))
        self.details.setText(
            (
                self.tr("Order %1 · customer code %2 · delivery: %3")
                if delivery
                else self.tr("Order %1 · customer code %2 · pickup: %3")
            )
            .replace("%1", order.number)
            .replace("%2", code or "—")
            .replace("%3", self.pickup_name)
        )
        if collected is not None:
            self.state.setText(
                self.tr("Collected on %1").replace("%1", collected.till_id)
                if collected.other_till
                else self.tr("Collected")
            )
            self.collected.setText(self.stop_sign(collected))
            self.collected.setStyleSheet(scaled(BANNER_STYLES["stop"]))
            self.collected.setVisible(not just_done)
        else:
            self.collected.hide()
            if order.is_cancelled:
                self.state.setText(self.tr("Cancelled in OFN: do not hand over"))
            elif order.outstanding > 0:  # the amount itself shows once, in the payment panel
                self.state.setText(self.tr("Balance due"))
            else:
                self.state.setText(self.tr("Paid"))
        if order.special_instructions:
            self.instructions.setText(
                self.tr("Note from the customer: %1").replace("%1", order.special_instructions)
            )
            self.instructions.show()
        else:
            self.instructions.hide()
        self.line_error.clear()
        self.edit_bar.setEnabled(not self.locked)
        self.items_view.show()
        for part in (self.lines_hint, self.edit_bar):
            part.setVisible(not self.locked)
        self.refresh_lines()
        if self.items_model.rowCount():
            self.items_view.selectRow(0)

    def refresh_lines(self) -> None:
        order = self.order
        if order is None:
            return
        handover = None
        if self.draft is not None:
            handover = self.draft.handover()
            lines = list(handover.lines)
        elif self.handed is not None:
            lines = lines_from_checkout(order, self.handed)
        else:
            from pos.domain.checkout import handover_line

            lines = [handover_line(item) for item in order.line_items]
        row = self.items_view.currentIndex().row()
        self.items_model.set_lines(lines, self.producers)
        self._fit_columns()
        if 0 <= row < len(lines):
            self.items_view.selectRow(row)
        if handover is None or self.locked:
            self.summary.clear()
            return
        if handover.new_value == handover.amount_due and handover.amount_due > 0:
            # the total is the amount due: the payment panel shows it, once, large
            parts = [
                self.tr("Goods %1 + fees %2")
                .replace("%1", self._money(handover.goods_total))
                .replace("%2", self._money(handover.fees_total))
            ]
        else:
            parts = [
                self.tr("Goods %1 + fees %2 = %3")
                .replace("%1", self._money(handover.goods_total))
                .replace("%2", self._money(handover.fees_total))
                .replace("%3", self._money(handover.new_value))
            ]
        if handover.difference < 0:
            parts.append(
                self.tr("Less than ordered: %1").replace("%1", self._money(-handover.difference))
            )
        elif handover.difference > 0:
            parts.append(
                self.tr("Extra to pay: %1").replace("%1", self._money(handover.difference))
            )
        if order.payment_total:
            parts.append(self.tr("Paid online: %1").replace("%1", self._money(order.payment_total)))
        if handover.amount_due == 0:  # otherwise the payment panel shows it, once, large
            parts.append(self.tr("Nothing to pay"))
        self.summary.setText(" · ".join(parts))

    def _fit_columns(self) -> None:
        """Quantity, price, amount, hand-over and chilled as wide as their widest text, or
        their heading: measured here over the order's lines. Qt's resize-to-contents asked
        the model for every role of every cell at each layout (~1,600 calls per scan)."""
        view, model = self.items_view, self.items_model
        header = view.horizontalHeader()
        metrics = view.fontMetrics()
        # the room Qt's item delegate gives a text (focus frame margins, the text layout's
        # rounding up), the grid line and 2 px more (or "Missing" is cut)
        pad = cell_padding(view) + 3
        display = Qt.ItemDataRole.DisplayRole
        for column in range(3, len(model.COLUMNS)):
            widest = max(
                (metrics.horizontalAdvance(model.data(model.index(row, column), display) or "")
                 for row in range(model.rowCount())),
                default=0,
            )  # fmt: skip
            header.resizeSection(column, max(widest + pad, header.sectionSizeHint(column)))

    def select_line(self, row: int) -> None:
        """Put the cursor on a line (↓ from the scan or amount field)."""
        self.items_view.selectRow(row)
        self.items_view.setFocus()

    def current_line_id(self) -> int | None:
        row = self.items_view.currentIndex().row()
        if 0 <= row < len(self.items_model.lines):
            return self.items_model.lines[row].item.id
        return None

    def line_action(self, action: str) -> None:
        """Apply a hand-over change to the selected line."""
        draft = self.draft
        line_id = self.current_line_id()
        if draft is None or self.locked or line_id is None:
            return
        if action == "weight":
            self.weight.setFocus()
            self.weight.selectAll()
            return
        line = next(li for li in self.items_model.lines if li.item.id == line_id)
        self._before = dict(draft.edits)
        from pos.domain.checkout import CheckoutRuleError, implausible_weight, parse_weight

        try:
            if action == "missing":
                draft.mark_missing(line_id)
            elif action == "less":
                draft.set_quantity(line_id, max(line.quantity - 1, 0))
            elif action == "more":
                draft.set_quantity(line_id, min(line.quantity + 1, line.quantity_ordered))
            elif action == "reset":
                draft.reset(line_id)
            elif action == "apply_weight":
                text = self.weight.text()
                weight: Decimal | None = parse_weight(text) if text.strip() else None
                qty = None if line.quantity == 0 else line.quantity
                if weight is not None and implausible_weight(line.item, weight, qty):
                    if self._pending_weight != (line_id, text.strip()):
                        self._pending_weight = (line_id, text.strip())
                        self.line_error.setText(self._weight_question(line, weight))
                        self.weight.setFocus()
                        return
                self._pending_weight = None
                draft.set_final_weight(line_id, weight)
                self.weight.clear()
                self.items_view.setFocus()
        except CheckoutRuleError as exc:
            self.line_error.setText(tasks.describe(exc))
            return
        self.line_error.clear()
        self.refresh_lines()
        self.lines_changed.emit()

    def _take_back(self) -> None:
        """The last line key began a scan: undo what it changed."""
        if self.draft is None or self._before is None or self.locked:
            return
        self.draft.edits = self._before
        self._before = None
        self.line_error.clear()
        self.refresh_lines()
        self.lines_changed.emit()

    def _weight_question(self, line: HandoverLine, weight: Decimal) -> str:
        unit = line.item.variant_unit
        return (
            self.tr("%1 for %2? That is far from what was ordered: press Enter again if right.")
            .replace("%1", format_measure(weight, unit, self.hub.locale))
            .replace("%2", f"{line.item.product_name} {line.item.variant_name}".strip())
        )

    # banners ------------------------------------------------------------------------
    def readable_time(self, utc_iso: str, now: datetime | None = None) -> str:
        """ "today 10:32", "yesterday 18:05" or "Sat 3 June 10:32", in the hub's timezone."""
        try:
            zone = ZoneInfo(self.hub.timezone)
            when = datetime.fromisoformat(utc_iso.replace("Z", "+00:00")).astimezone(zone)
        except (ValueError, KeyError):
            return utc_iso
        today = (now or datetime.now(zone)).astimezone(zone).date()
        clock = when.strftime("%H:%M")
        if when.date() == today:
            return self.tr("today %1").replace("%1", clock)
        if when.date() == today - timedelta(days=1):
            return self.tr("yesterday %1").replace("%1", clock)
        day = format_datetime(when, "EEE d MMMM", locale=current_language())
        return f"{day} {clock}"

    def stop_sign(self, info: CollectionInfo) -> str:
        """Already collected: large, red, with when, which till and who."""
        detail = (
            self.tr("%1 · till %2 · by %3 · receipt %4")
            .replace("%1", self.readable_time(info.created_at))
            .replace("%2", info.till_id)
            .replace("%3", info.volunteer or self.tr("(no name)"))
            .replace("%4", info.receipt_no)
        )
        if info.pickup_point_name:
            detail += f" · {info.pickup_point_name}"
        headline = self.tr("STOP · ALREADY COLLECTED: do not hand over again")
        if info.other_till:  # merged from the other till's journal: say which till
            headline = self.tr("STOP · COLLECTED ON TILL %1: do not hand over again").replace(
                "%1", info.till_id
            )
        return scaled(banner_html(headline, detail, 22))

    def result_headline(self, checkout: Checkout) -> tuple[str, str]:
        """What to say after a checkout, largest first, and its style (owing: a warning)."""
        fmt = self._money
        if checkout.left_owing > 0:
            return self.tr("Left owing: %1").replace("%1", fmt(checkout.left_owing)), "warn"
        if checkout.change_given > 0:
            return self.tr("Give change %1").replace("%1", fmt(checkout.change_given)), "ok"
        if checkout.amount_paid < 0:
            return self.tr("Give back %1 in cash").replace("%1", fmt(-checkout.amount_paid)), "ok"
        if checkout.credit_amount > 0:
            return self.tr("Credit noted: %1").replace("%1", fmt(checkout.credit_amount)), "ok"
        if checkout.kind == "walk_in":
            return self.tr("Paid: %1").replace("%1", fmt(checkout.amount_paid)), "ok"
        return self.tr("Handed over"), "ok"

    def result_detail(self, checkout: Checkout, customer: str) -> str:
        """The line under the headline: who and which receipt (and "Handed over" if unsaid)."""
        detail = f"{customer} · {checkout.receipt_no}"
        if self.result_headline(checkout)[0] != self.tr("Handed over"):
            detail = f"{self.tr('Handed over')} · {detail}"
        return detail

    def show_result(self, headline: str, detail: str, kind: str) -> None:
        """The checkout just done, in large type, until the next scan."""
        self.collected.hide()
        self.result.setStyleSheet(scaled(BANNER_STYLES.get(kind, BANNER_STYLES["ok"])))
        self.result.setText(scaled(banner_html(headline, detail, 26)))
        self.result.show()
