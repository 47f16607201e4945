"""Walk-in sale: surplus products of the order cycle or a free item, paid at the till."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos.domain.checkout import WalkInItem
from pos.errors import KnownError
from pos.services.checkout import CheckoutResult, CheckoutService
from pos.ui.formatting import money
from pos.ui.payment_panel import WALK_IN_NAMES, PaymentPanel, amount_error, plain_amount
from pos.ui.widgets import named


class WalkInDialog(QDialog):
    sold = Signal(object)  # CheckoutResult

    def __init__(self, checkout: CheckoutService, locale: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.checkout = checkout
        self.hub_locale = locale
        self.items: list[WalkInItem] = []
        self.outcome: CheckoutResult | None = None
        self._committing = False
        self.setObjectName("walkInDialog")
        self.setWindowTitle(self.tr("Walk-in sale"))
        self.resize(720, 760)

        self.products = QComboBox()
        named(self.products, "walkInProducts", self.tr("Products of the order cycle"))
        self.products.setEditable(True)
        self.products.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.products.setMinimumHeight(44)
        self.catalogue = checkout.walk_in_products()
        for p in self.catalogue:
            label = f"{p.product_name} · {p.variant_name} · {self._m(p.unit_price)}"
            self.products.addItem(label)
        self.quantity = QSpinBox()
        named(self.quantity, "walkInQuantity", self.tr("Quantity"))
        self.quantity.setRange(1, 99)
        self.quantity.setMinimumHeight(44)
        add_product = QPushButton(self.tr("Add"))
        named(add_product, "walkInAddButton", self.tr("Add product"))
        add_product.setMinimumHeight(44)
        add_product.clicked.connect(self.add_product)

        self.free_name = QLineEdit()
        named(self.free_name, "freeItemName", self.tr("Item name"))
        self.free_name.setPlaceholderText(self.tr("Other item: name"))
        self.free_price = QLineEdit()
        named(self.free_price, "freeItemPrice", self.tr("Item price"))
        self.free_price.setPlaceholderText(self.tr("Price"))
        add_free = QPushButton(self.tr("Add item"))
        named(add_free, "freeItemAddButton", self.tr("Add other item"))
        add_free.setMinimumHeight(44)
        add_free.clicked.connect(self.add_free)
        self.free_price.returnPressed.connect(self.add_free)

        self.cart = QListWidget()
        named(self.cart, "walkInCart", self.tr("Items sold"))
        remove = QPushButton(self.tr("Remove selected"))
        remove.setObjectName("walkInRemoveButton")
        remove.clicked.connect(self.remove_selected)
        self.error = QLabel()
        self.error.setObjectName("walkInError")
        self.error.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")

        methods = checkout.payment_methods()
        self.payment = PaymentPanel(checkout.currency, locale, methods, self, names=WALK_IN_NAMES)
        self.payment.confirm_button.setText(self.tr("Take payment (Enter)"))
        self.payment.confirmed.connect(self.confirm)
        self.payment.exact_cash.connect(self.exact)

        grid = QGridLayout()
        grid.addWidget(self.products, 0, 0)
        grid.addWidget(self.quantity, 0, 1)
        grid.addWidget(add_product, 0, 2)
        grid.addWidget(self.free_name, 1, 0)
        grid.addWidget(self.free_price, 1, 1)
        grid.addWidget(add_free, 1, 2)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setMinimumHeight(44)
        cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(remove)
        bottom.addStretch(1)
        bottom.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.cart, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.payment)
        layout.addLayout(bottom)
        self._refresh()

    def _m(self, minor: int) -> str:
        return money(minor, self.checkout.currency, self.hub_locale)

    @property
    def total(self) -> int:
        return sum(i.amount for i in self.items)

    def _refresh(self) -> None:
        self.cart.clear()
        for item in self.items:
            name = f"{item.product_name} {item.variant_name}".strip()
            self.cart.addItem(f"{item.quantity} × {name} = {self._m(item.amount)}")
        self.payment.set_due(self.total)

    def add_product(self) -> None:
        index = self.products.currentIndex()
        if index < 0 or index >= len(self.catalogue):
            self.error.setText(self.tr("Pick a product from the list."))
            return
        p = self.catalogue[index]
        self.items.append(
            WalkInItem(
                p.product_name,
                p.unit_price,
                self.quantity.value(),
                p.variant_name,
                p.variant_id,
                p.producer_id,
            )
        )
        self.error.clear()
        self.quantity.setValue(1)
        self._refresh()

    def add_free(self) -> None:
        name = self.free_name.text().strip()
        value, error = amount_error(self, self.free_price.text(), self.checkout.currency)
        if not name:
            self.error.setText(self.tr("Give the item a name."))
            self.free_name.setFocus()
            return
        if value is None or value <= 0:
            self.error.setText(error or self.tr("Give the item a price above zero."))
            self.free_price.setFocus()
            return
        self.items.append(WalkInItem(name, value, self.quantity.value()))
        self.free_name.clear()
        self.free_price.clear()
        self.quantity.setValue(1)
        self.error.clear()
        self._refresh()

    def remove_selected(self) -> None:
        row = self.cart.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self._refresh()

    def exact(self) -> None:
        self.payment.select_method("cash")
        self.payment.amount.setText(plain_amount(self.total, self.checkout.currency))
        self.confirm()

    def confirm(self) -> None:
        if self._committing or self.outcome is not None:
            return
        if not self.items:
            self.error.setText(self.tr("Add at least one item to sell."))
            return
        settlement = self.payment.settlement()
        if settlement is None:
            return
        if settlement.left_owing and not self.payment.note():
            self.payment.reason.show()
            self.payment.reason.setFocus()
            self.error.setText(self.tr("Say why part of the amount is left owing."))
            return
        self._committing = True
        try:
            tenders = self.payment.tenders() or []
            self.outcome = self.checkout.sell_walk_in(
                self.items, tenders, note=self.payment.note(),
                keep_change_as_credit=self.payment.keep_credit.isChecked(),
            )  # fmt: skip
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        finally:
            self._committing = False
        self.sold.emit(self.outcome)
        self.accept()
