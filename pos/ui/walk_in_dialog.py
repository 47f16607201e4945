"""Walk-in sale: surplus products of the order cycle or a free item, paid at the till.

The cursor starts in the product search (matches anywhere in the name, accents ignored);
nothing is preselected, so "Add" adds what was searched for or nothing. Taking payment is
off until something is in the sale.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos.domain.checkout import WalkInItem, WalkInProduct, find_products
from pos.domain.text import quoted
from pos.errors import KnownError
from pos.services.checkout import CheckoutResult, CheckoutService, LeftOwingNeedsReason
from pos.ui.formatting import money
from pos.ui.i18n import current_language
from pos.ui.payment_panel import WALK_IN_NAMES, PaymentPanel, amount_error, plain_amount
from pos.ui.widgets import named

PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self.resize(760, 600)
        self.catalogue = checkout.walk_in_products()

        self.search = QLineEdit()
        named(self.search, "walkInSearch", self.tr("Find a product"))
        self.search.setPlaceholderText(self.tr("Type part of the name, e.g. oats"))
        self.search.setMinimumHeight(44)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.add_product)
        self.search.installEventFilter(self)
        self.matches = QListWidget()
        named(self.matches, "walkInMatches", self.tr("Products found"))
        self.matches.setMaximumHeight(100)
        self.matches.itemActivated.connect(lambda _item: self.add_product())
        self.products = self.matches  # kept for callers of the old name
        self.quantity = QSpinBox()
        named(self.quantity, "walkInQuantity", self.tr("Quantity"))
        self.quantity.setRange(1, 99)
        self.quantity.setMinimumHeight(44)
        add_product = QPushButton(self.tr("Add (Enter)"))
        named(add_product, "walkInAddButton", self.tr("Add product"))
        add_product.setMinimumHeight(44)
        add_product.setAutoDefault(False)
        add_product.clicked.connect(self.add_product)

        self.free_name = QLineEdit()
        named(self.free_name, "freeItemName", self.tr("Item name"))
        self.free_name.setPlaceholderText(self.tr("e.g. Jam jar"))
        self.free_price = QLineEdit()
        named(self.free_price, "freeItemPrice", self.tr("Item price"))
        self.free_price.setPlaceholderText(plain_amount(250, checkout.currency))
        self.free_price.setMaximumWidth(140)
        for field in (self.free_name, self.free_price):
            field.setMinimumHeight(44)
        bigger = self.matches.font()
        bigger.setPointSize(bigger.pointSize() + 2)
        self.matches.setFont(bigger)
        add_free = QPushButton(self.tr("Add item"))
        named(add_free, "freeItemAddButton", self.tr("Add other item"))
        add_free.setMinimumHeight(44)
        add_free.setAutoDefault(False)
        add_free.clicked.connect(self.add_free)
        self.free_name.returnPressed.connect(self.free_price.setFocus)
        self.free_price.returnPressed.connect(self.add_free)

        self.cart = QListWidget()
        named(self.cart, "walkInCart", self.tr("Items sold"))
        self.cart.setMinimumHeight(60)
        remove = QPushButton(self.tr("Remove"))
        named(remove, "walkInRemoveButton", self.tr("Remove the selected item"))
        remove.setAutoDefault(False)
        remove.setMinimumHeight(44)
        remove.clicked.connect(self.remove_selected)
        self.error = QLabel()
        self.error.setObjectName("walkInError")
        self.error.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")
        self.error.setWordWrap(True)

        methods = checkout.payment_methods(current_language())
        self.payment = PaymentPanel(checkout.currency, locale, methods, self, names=WALK_IN_NAMES)
        self.payment.confirm_button.setText(self.tr("Take payment (Enter)"))
        self.payment.confirmed.connect(self.confirm)
        self.payment.exact_cash.connect(self.exact)

        find_row = QHBoxLayout()
        find_row.addWidget(self.search, 3)
        find_row.addWidget(QLabel(self.tr("Qty")))
        find_row.addWidget(self.quantity)
        find_row.addWidget(add_product, 1)
        free_row = QHBoxLayout()
        free_row.addWidget(self.free_name, 3)
        free_row.addWidget(QLabel(self.tr("Price")))
        free_row.addWidget(self.free_price, 1)
        free_row.addWidget(add_free, 1)
        form = QFormLayout()
        form.addRow(self.tr("Find a product"), find_row)
        form.addRow("", self.matches)
        form.addRow(self.tr("Other item"), free_row)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        named(cancel, "walkInCancelButton", self.tr("Cancel"))
        cancel.setMinimumHeight(44)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        cart_row = QHBoxLayout()  # buttons beside the cart: the dialog fits 1280×720
        cart_row.addWidget(self.cart, 1)
        cart_row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        cart_row.addWidget(cancel, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("In this sale"), cart_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.payment)
        self._filter("")
        self._refresh()
        self.search.setFocus()

    def _m(self, minor: int) -> str:
        return money(minor, self.checkout.currency, self.hub_locale)

    @property
    def total(self) -> int:
        return sum(i.amount for i in self.items)

    def eventFilter(self, watched: object, event: object) -> bool:
        """Down from the search moves into the products found."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.matches.count()
        ):
            self.matches.setFocus()
            if self.matches.currentRow() < 0:
                self.matches.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # each field says what Enter does; no button is pressed by chance
        super().keyPressEvent(event)

    def _filter(self, text: str) -> None:
        self.matches.clear()
        found = find_products(self.catalogue, text)
        for p in found:
            label = f"{p.product_name} · {p.variant_name} · {self._m(p.unit_price)}"
            item = QListWidgetItem(label)
            item.setData(PRODUCT_ROLE, self.catalogue.index(p))
            self.matches.addItem(item)
        if found:
            self.matches.setCurrentRow(0)  # what was searched for, never a preselection
            self.error.clear()
        elif text.strip():
            self.error.setText(
                self.tr("No product matches “%1”.").replace("%1", quoted(text.strip()))
            )

    def _refresh(self) -> None:
        self.cart.clear()
        for item in self.items:
            name = f"{item.product_name} {item.variant_name}".strip()
            self.cart.addItem(f"{item.quantity} × {name} = {self._m(item.amount)}")
        self.payment.set_due(self.total)
        self.payment.confirm_button.setEnabled(self.total > 0)
        self.payment.amount.setEnabled(self.total > 0)

    def _picked(self) -> WalkInProduct | None:
        item = self.matches.currentItem()
        if item is None or not self.search.text().strip():
            return None
        return self.catalogue[int(item.data(PRODUCT_ROLE))]

    def add_product(self) -> None:
        p = self._picked()
        if p is None:
            self.error.setText(
                self.tr("Type part of a product's name, then Add.")
                if not self.search.text().strip()
                else self.tr("No product matches “%1”.").replace(
                    "%1", quoted(self.search.text().strip())
                )
            )
            self.search.setFocus()
            return
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
        self.search.clear()
        self._refresh()
        self.search.setFocus()

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
        self.payment.amount.setFocus()

    def remove_selected(self) -> None:
        row = self.cart.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self._refresh()

    def exact(self) -> None:
        if not self.items:
            return
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
        if settlement is None or not self.payment.confirm_implausible(settlement):
            return
        self._committing = True
        try:
            tenders = self.payment.tenders() or []
            self.outcome = self.checkout.sell_walk_in(
                self.items, tenders, note=self.payment.note(),
                keep_change_as_credit=self.payment.keep_credit.isChecked(),
            )  # fmt: skip
        except LeftOwingNeedsReason as exc:
            self.payment.refuse_short(exc.left_owing)
            return
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        finally:
            self._committing = False
        self.sold.emit(self.outcome)
        self.accept()
