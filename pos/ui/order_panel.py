"""The order panel: who, where, what state, special instructions, and the bag's contents."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.models import Hub, LineItem, Order, PickupPoint
from pos.ui.formatting import money

Index = QModelIndex | QPersistentModelIndex


class LineItemModel(QAbstractTableModel):
    COLUMNS = ("producer", "product", "unit", "quantity", "price", "amount", "chilled")

    def __init__(self, hub: Hub, parent: Any = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.items: list[LineItem] = []
        self.producers: dict[int, str] = {}

    def set_items(self, items: list[LineItem], producers: dict[int, str]) -> None:
        self.beginResetModel()
        self.items = items
        self.producers = producers
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                self.tr("Producer"),
                self.tr("Product"),
                self.tr("Unit"),
                self.tr("Qty"),
                self.tr("Price"),
                self.tr("Amount"),
                self.tr("Chilled"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            cur, loc = self.hub.currency, self.hub.locale
            if column == "producer":
                return self.producers.get(item.producer_id or -1, "")
            if column == "product":
                return item.product_name
            if column == "unit":
                if item.final_weight is not None:
                    return (
                        self.tr("%1 (weighed %2)")
                        .replace("%1", item.variant_name)
                        .replace("%2", f"{item.final_weight.normalize():f}")
                    )
                return item.variant_name
            if column == "quantity":
                return str(item.quantity)
            if column == "price":
                return money(item.unit_price, cur, loc)
            if column == "amount":
                return money(item.amount, cur, loc)
            if column == "chilled":
                return self.tr("❄ chilled") if item.chilled else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("quantity", "price", "amount"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class OrderPanel(QWidget):
    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.order: Order | None = None
        self.pickup_name = ""
        self.setObjectName("orderPanel")
        self.customer = QLabel(self.tr("Scan a bag or pick an order"))
        self.customer.setObjectName("orderCustomer")
        font = self.customer.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.customer.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("orderDetails")
        self.state = QLabel()
        self.state.setObjectName("orderState")
        self.instructions = QLabel()
        self.instructions.setObjectName("specialInstructions")
        self.instructions.setWordWrap(True)
        self.instructions.setStyleSheet(
            "QLabel { background: #fff3c4; border: 2px solid #d4a017; padding: 8px;"
            " font-size: 15pt; }"
        )
        self.instructions.hide()
        self.items_model = LineItemModel(hub, self)
        self.items_view = QTableView()
        self.items_view.setObjectName("orderView")
        self.items_view.setAccessibleName(self.tr("Items in the order"))
        self.items_view.setModel(self.items_model)
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_view.verticalHeader().setVisible(False)
        self.items_view.verticalHeader().setDefaultSectionSize(34)
        self.items_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.customer)
        layout.addWidget(self.details)
        layout.addWidget(self.state)
        layout.addWidget(self.instructions)
        layout.addWidget(self.items_view, 1)
        self.producers: dict[int, str] = {}

    def set_producers(self, producers: dict[int, str]) -> None:
        self.producers = producers

    def show_order(self, order: Order, pickup_points: list[PickupPoint]) -> None:
        self.order = order
        names = {p.id: p.name for p in pickup_points}
        self.pickup_name = names.get(order.pickup_point_id or -1, self.tr("no pickup point"))
        self.customer.setText(order.customer_name or self.tr("(no name)"))
        self.details.setText(
            self.tr("Order %1 · pickup: %2")
            .replace("%1", order.number)
            .replace("%2", self.pickup_name)
        )
        cur, loc = self.hub.currency, self.hub.locale
        if order.is_cancelled:
            state = self.tr("Cancelled in OFN: do not hand over")
        elif order.outstanding > 0:
            state = self.tr("Balance due: %1").replace("%1", money(order.outstanding, cur, loc))
        else:
            state = self.tr("Paid")
        self.state.setText(state)
        if order.special_instructions:
            self.instructions.setText(
                self.tr("Note from the customer: %1").replace("%1", order.special_instructions)
            )
            self.instructions.show()
        else:
            self.instructions.hide()
        self.items_model.set_items(list(order.line_items), self.producers)
