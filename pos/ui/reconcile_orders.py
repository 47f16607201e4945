"""The reconcile window's "Orders" tab: every order with its collection and sync status,
a filter (status, attention, owing, credit) and marking no-shows.

The list's text and every filter's rows are made in a worker process
(:func:`pos.ui.reconcile_rows.prepare_orders`), so choosing a filter only hands the table
rows already made.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain import reconcile as r
from pos.errors import KnownError
from pos.services.reconcile import NoShowNeedsReason, ReconcileService
from pos.ui import tasks
from pos.ui.reconcile_rows import FILTERS, TINTS, Names, Shown
from pos.ui.reconcile_tables import KEY_ROLE, RowsModel, make_table, selected_keys
from pos.ui.widgets import named

# the list's rows are made in a worker process (pos.ui.reconcile_rows)
__all__ = ["FILTERS", "TINTS", "Names", "OrdersTab", "Shown"]


class OrdersTab(QWidget):
    """``changed`` after no-shows were marked or cleared (the window reloads);
    ``message`` a sentence for the window's message line."""

    changed = Signal()
    message = Signal(str)

    def __init__(
        self, service: ReconcileService, staff_name: str, status_names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.service = service
        self.staff_name = staff_name
        self.shown: dict[str | None, Shown] = {}
        self.status_filter = QComboBox()
        named(self.status_filter, "ordersStatusFilter", self.tr("Show orders"))
        self.status_filter.addItem(self.tr("All orders"), None)
        for status in r.STATUSES:
            self.status_filter.addItem(status_names[status], status)
        self.status_filter.addItem(self.tr("Needing staff action or in conflict"), "attention")
        self.status_filter.addItem(self.tr("Left owing (not or partly paid)"), "owing")
        self.status_filter.addItem(self.tr("Credit owed back (paid too much)"), "credit")
        self.orders_model = RowsModel(
            [
                self.tr("Order"), self.tr("Customer"), self.tr("Pickup point"), self.tr("Status"),
                self.tr("Collected"), self.tr("Receipt"), self.tr("Order total"),
                self.tr("Owed at till"), self.tr("Paid at till"), self.tr("Left owing"),
                self.tr("Credit owed"), self.tr("OFN sync"), self.tr("Note"),
            ],
            numeric={6, 7, 8, 9, 10},
        )  # fmt: skip
        self.orders_table = make_table(
            self.orders_model, "ordersTable", self.tr("Orders"), multi=True, stretch=1,
            long=True, whole={0, 3, 4, 5}, names={1, 2, 11},
        )  # fmt: skip
        self.no_show_reason = QLineEdit()
        named(self.no_show_reason, "noShowReason", self.tr("No-show reason"))
        self.no_show_reason.setPlaceholderText(self.tr("Reason, e.g. did not come"))
        self.no_show_button = QPushButton(self.tr("Mark selected as no-show"))
        named(self.no_show_button, "noShowButton", self.tr("Mark selected as no-show"))
        self.clear_no_show_button = QPushButton(self.tr("Clear no-show"))
        named(self.clear_no_show_button, "clearNoShowButton", self.tr("Clear no-show"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.status_filter)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.no_show_reason, 1)
        bottom.addWidget(self.no_show_button)
        bottom.addWidget(self.clear_no_show_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.orders_table)
        layout.addLayout(bottom)
        self.status_filter.currentIndexChanged.connect(self.fill)
        self.no_show_button.clicked.connect(self.mark_no_show)
        self.clear_no_show_button.clicked.connect(self.clear_no_show)

    def show_lists(self, shown: dict[str | None, Shown]) -> None:
        self.shown = shown
        self.fill()

    def fill(self) -> None:
        chosen = self.shown.get(self.status_filter.currentData())
        if chosen is not None:
            self.orders_model.set_rows(chosen.rows, keys=chosen.keys, tints=chosen.tints)

    def select_orders(self, order_ids: list[int]) -> None:
        table = self.orders_table
        table.clearSelection()
        model = self.orders_model
        wanted = set(order_ids)
        for row in range(model.rowCount()):
            if model.index(row, 0).data(KEY_ROLE) in wanted:
                table.selectionModel().select(
                    model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _selected_order_ids(self) -> list[int]:
        return [int(k) for k in selected_keys(self.orders_table)]

    def mark_no_show(self) -> None:
        ids = self._selected_order_ids()
        reason = self.no_show_reason.text().strip()
        if not ids:
            self.message.emit(self.tr("Select the orders that were not collected first."))
            return
        done, refused = 0, []
        for oid in ids:
            try:
                self.service.mark_no_show(oid, reason, self.staff_name)
                done += 1
            except NoShowNeedsReason as exc:  # the same for every order: ask for it
                self.message.emit(tasks.describe(exc))
                self.no_show_reason.setFocus()
                return
            except KnownError as exc:
                refused.append(tasks.describe(exc))
        text = self.tr("%n order(s) marked as no-show.", "", done)
        if refused:
            text += " " + " ".join(refused)
        self.message.emit(text)
        self.changed.emit()

    def clear_no_show(self) -> None:
        cleared = 0
        for oid in self._selected_order_ids():
            try:
                cleared += self.service.clear_no_show(oid, self.staff_name)
            except KnownError as exc:
                self.message.emit(tasks.describe(exc))
                return
        self.message.emit(self.tr("%n no-show mark(s) cleared.", "", cleared))
        self.changed.emit()
