"""The order list: a small table model over order summaries from the services."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pos.domain.models import OrderSummary
from pos.ui.formatting import money

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class OrderListModel(QAbstractTableModel):
    COLUMNS = ("customer", "code", "number", "pickup", "status", "due")

    def __init__(self, currency: str, locale: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OrderSummary] = []
        self.currency = currency
        self.locale = locale

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Customer"),
            self.tr("Code"),
            self.tr("Order"),
            self.tr("Pickup point"),
            self.tr("Status"),
            self.tr("Due"),
        )

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

    def status_text(self, row: OrderSummary) -> str:
        if row.state == "canceled":
            return self.tr("Cancelled")
        if row.is_collected:
            return self.tr("Collected")
        if row.outstanding > 0:
            return self.tr("Balance due")
        return self.tr("Paid")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ORDER_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "customer":
                return row.customer_name
            if column == "code":
                return row.customer_code or ""
            if column == "number":
                return row.number
            if column == "pickup":
                return row.pickup_point_name
            if column == "status":
                return self.status_text(row)
            if column == "due":
                due = max(row.outstanding, 0) if not row.is_collected else 0
                return money(due, row.currency, self.locale) if due else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            if row.state == "canceled":
                return QBrush(QColor("#9b1c1c"))
            if row.is_collected:
                return QBrush(QColor("#555555"))
            if row.outstanding > 0:
                return QBrush(QColor("#9a5b00"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "due":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
