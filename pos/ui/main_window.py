"""The till's main window: scan field, order list, order panel and status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos import APP_NAME, __version__
from pos.domain.models import Hub
from pos.services.context import Services
from pos.ui.about import AboutDialog
from pos.ui.order_list import ORDER_ID_ROLE, OrderListModel
from pos.ui.order_panel import OrderPanel


def _named(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


class MainWindow(QMainWindow):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.hub: Hub = services.orders.hub() or Hub(0, self.tr("No hub yet"))
        self.setWindowTitle(self._title())
        self.resize(1280, 800)

        self.scan_input = QLineEdit()
        _named(self.scan_input, "scanInput", self.tr("Scan or search"))
        self.scan_input.setPlaceholderText(
            self.tr("Scan a bag or type a name, customer code or order number")
        )
        self.scan_input.setClearButtonEnabled(True)
        font = self.scan_input.font()
        font.setPointSize(font.pointSize() + 6)
        self.scan_input.setFont(font)
        self.scan_input.setMinimumHeight(48)

        self.pickup_filter = QComboBox()
        _named(self.pickup_filter, "pickupFilter", self.tr("Pickup point"))
        self.pickup_filter.addItem(self.tr("All pickup points"), None)
        for point in services.orders.pickup_points():
            self.pickup_filter.addItem(point.name, point.id)
        saved = services.store.get_setting("pickup_point_id")
        if saved is not None:
            found = self.pickup_filter.findData(saved)
            if found >= 0:
                self.pickup_filter.setCurrentIndex(found)
        self.pickup_filter.setMinimumHeight(48)

        self.message = QLabel()
        _named(self.message, "scanMessage", self.tr("Scan message"))
        self.message.setWordWrap(True)

        self.model = OrderListModel(self.hub.currency, self.hub.locale, self)
        self.results = QTableView()
        _named(self.results, "resultsView", self.tr("Orders"))
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().setVisible(False)
        self.results.verticalHeader().setDefaultSectionSize(36)
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.setAlternatingRowColors(True)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)

        self.order_panel = OrderPanel(self.hub, self)
        self.order_panel.set_producers(services.orders.producer_names())

        top = QHBoxLayout()
        top.addWidget(self.scan_input, 4)
        top.addWidget(self.pickup_filter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.results)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.order_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        self.setCentralWidget(splitter)

        self._build_status_bar()
        self._build_menus()
        from pos.ui.sync_status import install_sync

        self.sync = install_sync(self, services.sync, self.sync_status)
        self.sync.finished.connect(lambda _state: self._refresh())

        self.scan_input.textChanged.connect(self._refresh)
        self.scan_input.returnPressed.connect(self._enter)
        self.pickup_filter.currentIndexChanged.connect(self._pickup_changed)
        self._refresh()
        QTimer.singleShot(0, self.scan_input.setFocus)

    # construction -------------------------------------------------------------
    def _title(self) -> str:
        title = f"{self.hub.name} — {APP_NAME}"
        return f"{title} [{self.tr('DEMO DATA')}]" if self.services.is_demo else title

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.demo_label = QLabel(self.tr("DEMO DATA: not a real hub"))
        _named(self.demo_label, "demoLabel", self.tr("Demo data"))
        self.demo_label.setStyleSheet(
            "QLabel { background: #b45309; color: white; padding: 2px 8px; font-weight: bold; }"
        )
        self.demo_label.setVisible(self.services.is_demo)
        self.sync_status = QLabel(self.tr("Offline: not connected to Open Food Network"))
        _named(self.sync_status, "syncStatusLabel", self.tr("Sync status"))
        self.printer_status = QLabel(self.tr("No printer set up"))
        _named(self.printer_status, "printerStatusLabel", self.tr("Printer status"))
        self.order_count = QLabel()
        _named(self.order_count, "orderCountLabel", self.tr("Orders"))
        bar.addWidget(self.demo_label)
        bar.addWidget(self.order_count)
        bar.addPermanentWidget(self.sync_status)
        bar.addPermanentWidget(self.printer_status)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Food Hub POS"), self)
        about.setObjectName("aboutAction")
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        focus_scan = QAction(self)
        focus_scan.setShortcut(QKeySequence(Qt.Key.Key_F2))
        focus_scan.triggered.connect(self.focus_scan)
        self.addAction(focus_scan)

    # behaviour ----------------------------------------------------------------
    @property
    def pickup_point_id(self) -> int | None:
        value = self.pickup_filter.currentData()
        return None if value is None else int(value)

    def _pickup_changed(self) -> None:
        self.services.store.set_setting("pickup_point_id", self.pickup_point_id)
        self._refresh()

    def _refresh(self) -> None:
        text = self.scan_input.text().strip()
        orders = self.services.orders
        if text:
            rows = orders.search(text, pickup_point_id=self.pickup_point_id)
        else:
            rows = orders.listing(pickup_point_id=self.pickup_point_id)
        self.model.set_rows(rows)
        self.order_count.setText(self.tr("%n order(s) shown", "", len(rows)))
        if text:
            self.message.clear()

    def _enter(self) -> None:
        """Enter in the scan field: a scanner's code opens its order at once."""
        text = self.scan_input.text().strip()
        if not text:
            return
        found = self.services.orders.scan(text)
        if found.unique is not None:
            self.open_order(found.unique)
            self.scan_input.clear()
            return
        if self.model.rowCount() == 1:
            self.open_order(self.model.row(0).id)
            self.scan_input.clear()
            return
        if self.model.rowCount() == 0:
            self.show_message(
                self.tr("Nothing matches “%1”. Try again or type a name.").replace("%1", text)
            )
            self.scan_input.clear()
            return
        self.results.setFocus()
        self.results.selectRow(0)

    def _open_index(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self.open_order(int(self.model.data(index, ORDER_ID_ROLE)))

    def open_order(self, order_id: int) -> None:
        order = self.services.orders.order(order_id)
        if order is None:
            return
        self.order_panel.show_order(order, self.services.orders.pickup_points())
        if self.pickup_point_id is not None and order.pickup_point_id != self.pickup_point_id:
            self.show_message(
                self.tr("Order %1 belongs to another pickup point: %2.")
                .replace("%1", order.number)
                .replace("%2", self.order_panel.pickup_name)
            )
        else:
            self.message.clear()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def focus_scan(self) -> None:
        self.scan_input.setFocus()
        self.scan_input.selectAll()

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self.services.close()
        super().closeEvent(event)


__all__ = ["MainWindow", "__version__"]
