"""The order list: what a volunteer looks for first, the name and whether to take money.

It fits a 1366 px laptop without a horizontal scrollbar: the customer's full name and
the amount due in large type, a coloured status chip (paid, due, collected, cancelled),
then, small and grey, the order number, customer code and pickup point.

Everything is drawn by Qt from the model's roles: no Python painting per cell (cheap to
repaint, and PySide6 6.12 leaks a reference to None on every void call made from Python).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from pos.domain.models import OrderSummary
from pos.ui.formatting import money
from pos.ui.widgets import ScanSafeTable, cell_padding, plain_text

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # "paid" | "due" | "collected" | "cancelled"

Index = QModelIndex | QPersistentModelIndex

# chip colours: (background, text); the till's primary action colour stays the green button
CHIP_COLOURS = {
    "paid": ("#dcfce7", "#14532d"),
    "due": ("#fde68a", "#78350f"),
    "collected": ("#e5e7eb", "#374151"),
    "cancelled": ("#fee2e2", "#991b1b"),
}


# made once: the list's data() runs for every role of every cell painted. Colours, not
# brushes: Qt's delegate turns a colour into a brush itself, and making a QBrush from Python
# first builds PySide's gradient types (their enums, ~5 ms of a cold start).
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_BACKGROUNDS = {status: QColor(bg) for status, (bg, _) in CHIP_COLOURS.items()}
_FOREGROUNDS = {status: QColor(fg) for status, (_, fg) in CHIP_COLOURS.items()}
_GREY = QColor("#4b5563")


def status_of(row: OrderSummary) -> str:
    if row.state == "canceled":
        return "cancelled"
    if row.is_collected:
        return "collected"
    if row.outstanding > 0:
        return "due"
    return "paid"


def due_of(row: OrderSummary) -> int:
    """What the till would ask for: nothing for a cancelled or collected order."""
    if row.state == "canceled" or row.is_collected:
        return 0
    return max(row.outstanding, 0)


class OrderListModel(QAbstractTableModel):
    COLUMNS = ("customer", "status", "due", "order")

    def __init__(self, currency: str, locale: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OrderSummary] = []
        self.currency = currency
        self.locale = locale

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Customer"), self.tr("Status"), self.tr("Due"), self.tr("Order"))

    def set_rows(self, rows: list[OrderSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, index: int) -> OrderSummary:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def status_words(self) -> dict[str, str]:
        return {
            "cancelled": self.tr("Cancelled"),
            "collected": self.tr("Collected"),
            "due": self.tr("To pay"),
            "paid": self.tr("Paid"),
        }

    def other_till_words(self) -> set[str]:
        """ "Collected / on T2" for each other till in the list (the status column fits them)."""
        return {self.status_text(r) for r in self._rows if r.collected_on and r.is_collected}

    def status_text(self, row: OrderSummary) -> str:
        if row.collected_on and status_of(row) == "collected":  # another till handed it over
            # two lines, so the column stays as narrow as the other words and names stay whole
            # (translators: keep the line break)
            return self.tr("Collected\non %1").replace("%1", row.collected_on)
        return self.status_words()[status_of(row)]

    def rows(self) -> list[OrderSummary]:
        return self._rows

    def detail(self, row: OrderSummary) -> str:
        """Secondary, small: the order number over the pickup point."""
        return f"{row.number}\n{row.pickup_point_name or ''}".rstrip()

    def fonts(self) -> dict[str, QFont]:
        """Large type for what the volunteer looks for, small for the rest (cached)."""
        base = QApplication.font()
        key = base.pointSizeF()
        if getattr(self, "_font_key", None) != key:
            name, chip, small = QFont(base), QFont(base), QFont(base)
            name.setPointSizeF(key * 1.2)
            name.setBold(True)
            chip.setBold(True)
            small.setPointSizeF(key * 0.8)
            self._fonts = {"customer": name, "status": chip, "due": name, "order": small}
            self._font_key = key
        return self._fonts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ORDER_ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return status_of(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "customer":
                return row.customer_name
            if column == "status":
                return self.status_text(row)
            if column == "due":
                due = due_of(row)
                return money(due, row.currency, self.locale) if due else ""
            if column == "order":
                return self.detail(row)
        if role == Qt.ItemDataRole.FontRole:
            return self.fonts()[column]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column in ("customer", "order"):
                parts = (row.customer_name, row.number, row.customer_code or "",
                         row.pickup_point_name or "")  # fmt: skip
                return " · ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == "due":
                return _RIGHT
            if column == "status":
                return _CENTRE
        if role == Qt.ItemDataRole.BackgroundRole and column == "status":
            return _BACKGROUNDS[status_of(row)]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "status":
                return _FOREGROUNDS[status_of(row)]
            if column == "due":
                return _FOREGROUNDS["due"]
            if column == "order":
                return _GREY
        return None


class OrderListView(ScanSafeTable):
    """The order list. Text typed here goes to the scan field (``typed``), never into a
    keyboard search of the list: a scan with the cursor here must open the scanned bag,
    not the highlighted row. Up on the first row hands the focus back (``leave``)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a search narrowing the list to a few rows and the full list coming
        # back did not make it come and go, resizing the columns and repainting twice.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):  # measured here, not by Qt over every row at each keystroke
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        if isinstance(model, OrderListModel):
            model.modelReset.connect(self._fit_columns)
            self._fit_columns()
        header.resizeSection(3, QFontMetrics(_small(self)).horizontalAdvance("R0000000000") + 16)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(_row_height(self))

    def _fit_columns(self) -> None:
        """Status and amount columns as wide as their widest possible text: four status
        words, and the largest amount due in the list (one max() over the rows, where Qt's
        resize-to-contents asked the model ~24,000 questions per keystroke at 500 rows)."""
        model = self.model()
        if not isinstance(model, OrderListModel) or not model.rowCount():
            return  # fitted when the rows come (an empty list has nothing to fit)
        fonts = model.fonts()
        header = self.horizontalHeader()
        pad = cell_padding(self)  # the room Qt's item delegate gives a text
        chip = QFontMetrics(fonts["status"])
        status = max(chip.horizontalAdvance(w) for w in model.status_words().values()) + pad
        for word in model.other_till_words():  # "Collected / on T2": a few pixels to spare
            widest = max(chip.horizontalAdvance(line) for line in word.splitlines())
            status = max(status, widest + pad + 8)
        most = max((due_of(r) for r in model.rows()), default=0)
        amount = money(most, model.currency, model.locale) if most else ""
        due = QFontMetrics(fonts["due"]).horizontalAdvance(amount) + pad
        for column, width in ((1, status), (2, due)):
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow (a long label beside it, a small screen): the secondary column goes
        first, so names and amounts stay whole and no horizontal scrollbar appears."""
        super().resizeEvent(event)
        order = self.model().columnCount() - 1 if self.model() else -1
        if order > 0:
            needed = sum(self.horizontalHeader().sectionSizeHint(c) for c in range(order))
            wanted = needed + self.horizontalHeader().sectionSize(order) + 40
            # the viewport's width without asking for the viewport: the first C++-made
            # widget handed to Python makes PySide build every widget class to find its
            # type (~12 ms), and this runs before the first paint. Equal here, as the
            # vertical scroll bar is always on and there is no row header.
            narrow = self.maximumViewportSize().width() < wanted
            if narrow != self.isColumnHidden(order):
                self.setColumnHidden(order, narrow)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = plain_text(event)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if not self.hasFocus() and (text or enter):
            self.typed.emit(text or "\r")  # the scan field took the focus mid-scan
            return
        super().keyPressEvent(event)


def _small(view: QTableView) -> QFont:
    font = QFont(view.font())
    font.setPointSizeF(view.font().pointSizeF() * 0.8)
    return font


def _row_height(view: QTableView) -> int:
    """Room for the large name, or for the two small lines of the order column."""
    name = QFont(view.font())
    name.setPointSizeF(view.font().pointSizeF() * 1.2)
    return max(QFontMetrics(name).height(), 2 * QFontMetrics(_small(view)).height()) + 10
