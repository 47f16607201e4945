"""The till's main window: one checkout screen, keyboard first.

Scan (or type and Enter) opens an order; Enter on the empty scan field or F12 hands a
paid order over; when something is owed the amount field takes focus and Enter takes the
payment (F11: exact cash). Esc drops the current checkout. Focus always returns to the
scan field. F6 walk-in sale, F7 till session, F8 undo.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSize, Qt, QTimer, QTranslator
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pos import APP_NAME, __version__
from pos.domain.models import Hub, Order
from pos.domain.settings import ALL_PICKUP_POINTS, ORDER_LIST_PICKUP_POINT, TILL_PICKUP_POINT
from pos.domain.text import quoted
from pos.errors import KnownError
from pos.services.context import Services
from pos.services.privacy import purge_quietly
from pos.store import Store
from pos.ui import qt_import, tasks
from pos.ui.formatting import money
from pos.ui.i18n import current_language
from pos.ui.order_list import ORDER_ID_ROLE, OrderListModel, OrderListView
from pos.ui.order_panel import OrderPanel
from pos.ui.staff_gate import StaffGate, tampered_text
from pos.ui.text_size import SIZES, pt
from pos.ui.text_size import current_name as text_size_name
from pos.ui.widgets import (
    STAFF_SCREEN,
    NextTurn,
    ScanSafeComboBox,
    ShrinkingLabel,
    fit_to_screen,
    named,
    plain_text,
)

if TYPE_CHECKING:  # the lists, reconcile and settings screens (and the PDF library beneath
    # them) load when first opened, the checkout's modules in the turns after the first
    # paint: a cold start does not pay for them
    from pos.domain.checkout import CheckoutDraft
    from pos.services.checkout import CheckoutResult
    from pos.services.vault import VaultNotice
    from pos.ui.about import AboutDialog
    from pos.ui.journal_status import JournalController
    from pos.ui.payment_panel import PaymentPanel
    from pos.ui.printer_menu import PrintingUi
    from pos.ui.reconcile_window import ReconcileWindow, StaffPinDialog
    from pos.ui.sync_status import SyncController
    from pos.ui.till_dialogs import (
        OpenSessionDialog,
        SetPinDialog,
        VolunteerNameDialog,
    )
    from pos.ui.undo_dialog import UndoDialog

# the till button while no session is open: it asks to be pressed
TILL_CLOSED_STYLE = (
    "QPushButton { background: #fef3c7; color: #78350f; border: 2px solid #d97706;"
    " font-weight: bold; }"
)


def _load(module: str) -> Callable[[], object]:
    """A piece of the start that imports ``module`` (what a later piece will need)."""
    return lambda: importlib.import_module(module)


def message_style(kind: str) -> str:
    """The message line's look; sizes follow the text-size setting."""
    styles = {
        "info": "QLabel { padding: 6px; }",
        "ok": "QLabel { background: #dcfce7; color: #14532d; padding: 8px;"
        f" font-size: {pt(1.25)}; font-weight: bold; }}",
        "warn": "QLabel { background: #fef3c7; color: #78350f; padding: 8px;"
        f" font-size: {pt(1.15)}; font-weight: bold; border: 2px solid #d97706; }}",
        "error": "QLabel { background: #fee2e2; color: #7f1d1d; padding: 8px;"
        f" font-size: {pt(1.15)}; font-weight: bold; }}",
    }
    return styles.get(kind, styles["info"])


def big_targets() -> str:
    """The till's touch targets, for the main window and the dialogs a volunteer opens
    from it (they inherit its style sheet); staff screens (``widgets.staff_screen``, such
    as the reconcile window) keep normal buttons: the 44 px ones cost the reconcile window
    its rows and width on a 1280×720 laptop."""
    return (
        f"QPushButton {{ min-height: 44px; font-size: {pt(1.05)}; padding: 4px 10px; }}"
        f' *[{STAFF_SCREEN}="true"] QPushButton {{ min-height: 0px; font-size: {pt(1)};'
        " padding: 3px 8px; }"
    )


class MainWindow(QMainWindow):
    """The checkout screen; feature modules see it through :class:`pos.ui.shell.Shell`."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.gate = StaffGate(self, services.roles)
        self.translators: list[QTranslator] = []  # installed for this window's language
        self.vault_notice: VaultNotice | None = None  # from opening the database; shown once
        self.reconcile_window: ReconcileWindow | None = None  # one at a time
        self._split_done = False
        self._closed = False
        self.hub: Hub = services.orders.hub() or Hub(0, self.tr("No hub yet"))
        self.setWindowTitle(self._title())
        self._fit_to_screen()

        self.scan_input = QLineEdit()
        named(self.scan_input, "scanInput", self.tr("Scan or search"))
        self.scan_input.setPlaceholderText(self.tr("Scan a bag or type a name"))
        self.scan_input.setToolTip(
            self.tr("Scan a bag, or type a name, customer code or order number, then Enter")
        )
        self.scan_input.setClearButtonEnabled(True)
        font = self.scan_input.font()
        font.setPointSize(font.pointSize() + 6)
        self.scan_input.setFont(font)
        self.scan_input.setMinimumHeight(48)

        self.pickup_filter = ScanSafeComboBox()
        self.pickup_filter.typed.connect(self.route_text)
        named(self.pickup_filter, "pickupFilter", self.tr("Pickup point"))
        self.pickup_filter.addItem(self.tr("All pickup points"), None)
        for point in services.orders.pickup_points():  # pickup points, then deliveries
            label = point.name
            if point.is_delivery:
                label = self.tr("Delivery: %1").replace("%1", point.name)
            self.pickup_filter.addItem(label, point.id)
        self._show_pickup_point(self._list_filter())

        self.message = QLabel()
        named(self.message, "scanMessage", self.tr("Scan message"))
        self.message.setWordWrap(True)
        self.order_count = ShrinkingLabel()
        named(self.order_count, "orderCountLabel", self.tr("Orders"))
        self.order_count.setStyleSheet("QLabel { color: #4b5563; }")

        self.model = OrderListModel(self.hub.currency, self.hub.locale, self)
        self.results = OrderListView()
        named(self.results, "resultsView", self.tr("Orders"))
        self.results.setModel(self.model)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.results.typed.connect(self.route_text)
        self.results.leave.connect(self.focus_scan)
        self._choosing = False  # several matches: arrows move the highlight, Enter opens it

        self.order_panel = OrderPanel(self.hub, self)
        self.order_panel.set_producers(services.orders.producer_names())
        self.order_panel.lines_changed.connect(self._money_changed)
        self.order_panel.items_view.typed.connect(self.route_text)
        self.order_panel.items_view.leave.connect(self._focus_for_draft)  # amount or scan
        self.order_panel.start_shift.connect(self.open_till)
        self.order_panel.customer_data.connect(self.open_customer_data)
        self.draft: CheckoutDraft | None = None
        self.last_result: CheckoutResult | None = None
        self._committing = False

        self.collect_button = QPushButton(self.tr("Hand over (F12)"))
        named(self.collect_button, "collectButton", self.tr("Hand over the order"))
        self.collect_button.setMinimumHeight(64)
        self.collect_button.setStyleSheet(
            f"QPushButton {{ background: #166534; color: white; font-size: {pt(1.35)};"
            " font-weight: bold; } QPushButton:disabled { background: #9ca3af; }"
        )
        self.collect_button.clicked.connect(self.commit)
        self.collect_button.hide()
        self._payment: PaymentPanel | None = None  # these four are built after the first
        self._printing: PrintingUi | None = None  # paint (see finish_start)
        self._sync: SyncController | None = None
        self._journal: JournalController | None = None

        self.walk_in_button = QPushButton(self.tr("Walk-in sale (F6)"))
        named(self.walk_in_button, "walkInButton", self.tr("Walk-in sale"))
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.till_button = QPushButton()
        named(self.till_button, "tillSessionButton", self.tr("Till session"))
        self.till_button.clicked.connect(self.open_till)
        self.undo_button = QPushButton(self.tr("Undo… (F8)"))
        named(self.undo_button, "undoButton", self.tr("Undo a checkout"))
        self.undo_button.clicked.connect(self.open_undo)
        self.next_button = QPushButton(self.tr("Next customer (Esc)"))
        named(self.next_button, "nextCustomerButton", self.tr("Next customer"))
        self.next_button.clicked.connect(self.cancel_checkout)

        # The scan field is the one input that matters: the full width of the column.
        # The pickup filter sits with the count of the list it filters.
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.order_count, 1)
        filter_row.addWidget(self.pickup_filter, 0)
        self.pickup_filter.setMinimumHeight(36)
        self.pickup_filter.setMinimumContentsLength(16)
        self.pickup_filter.setSizeAdjustPolicy(
            ScanSafeComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        actions = QGridLayout()  # two rows when the labels (French) are long
        actions.addWidget(self.walk_in_button, 0, 0)
        actions.addWidget(self.till_button, 0, 1)
        actions.addWidget(self.undo_button, 1, 0)
        actions.addWidget(self.next_button, 1, 1)  # secondary: the right keeps the green button
        left = QWidget()
        left.setMinimumWidth(380)  # the list stays readable whatever the right side shows
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.scan_input)
        left_layout.addWidget(self.message)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.results)
        left_layout.addLayout(actions)
        right = QWidget()
        right_layout = self._right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # The order (note, lines, summary) scrolls inside; payment and the primary button
        # below it always stay on screen, whatever the order holds.
        self.order_scroll = QScrollArea()
        named(self.order_scroll, "orderScroll", self.tr("Order"))
        self.order_scroll.setWidgetResizable(True)
        self.order_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.order_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.order_scroll.setWidget(self.order_panel)
        right_layout.addWidget(self.order_scroll, 1)
        right_layout.addWidget(self.collect_button)  # the payment panel goes above it
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.setStyleSheet(big_targets())

        self._build_status_bar()
        self._build_menus()

        # The full list (empty field) is rebuilt a moment later so a scan's order shows first.
        self._relist = QTimer(self)
        self._relist.setSingleShot(True)
        self._relist.setInterval(40)
        self._relist.timeout.connect(self._refresh)
        self.scan_input.textChanged.connect(self._text_changed)
        self.scan_input.returnPressed.connect(self._enter)
        self.pickup_filter.currentIndexChanged.connect(self._pickup_changed)
        self._refresh()
        self._show_till()
        if services.roles.check_tampering():  # audited once; shown at every start until fixed
            self.show_message(tampered_text(), "error")
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(5000)
        self.status_timer.timeout.connect(self.refresh_status)
        self.scan_input.setFocus()
        # What the first paint does not need is built one piece per event-loop turn after it
        # (docs/design.md, "Cold start"): the window shows and takes typing sooner, and no
        # key waits longer than one piece.
        self._next_piece = NextTurn(self._start_next, self)  # a piece a turn, input between
        self._later: list[Callable[[], object]] = [
            _load("pos.domain.checkout"),  # the checkout's rules, then the service with the
            _load("pos.domain.journal"),  # journal and outbox beneath it, a module a turn
            _load("pos.domain.outbox"),
            _load("pos.store.checkouts"),
            _load("pos.store.journal"),
            _load("pos.services.checkout"),
            self.refresh_status,  # the changes waiting to sync
            self._build_payment_panel,
            _load("receipts.printers"),  # the largest imports are pieces of their own
            _load("pos.services.print_settings"),
            self._install_printing,
            _load("pos.store.outbox"),
            _load("pos.services.sync_service"),
            self._install_sync,
            self._install_journal,
            self._start_background,
            qt_import.keep_support_files,  # once per PySide install: quicker next starts
        ]

    # the rest of the start, after the first paint ------------------------------
    @property
    def starting(self) -> bool:
        """Part of the window is still to be built after its first paint."""
        return bool(self._later)

    def finish_start(self) -> None:
        """Build now whatever is still waiting (create_window does)."""
        self._build_until(lambda: False)

    def _build_until(self, built: Callable[[], bool]) -> None:
        """The pieces in order up to the one asked for: reached (a scan in the first turns)
        before its turn came, it is built on the spot; the rest keep their turns."""
        while self._later and not built():
            self._later.pop(0)()

    def after_start(self, then: Callable[[], object]) -> None:
        """Run ``then`` once the window is complete (at once if it is)."""
        if self._later:
            self._later.append(then)
        else:
            then()

    def _start_next(self) -> None:
        if self._later and not self._closed:
            self._later.pop(0)()
            if self._later:
                self._next_piece.start()

    def _piece(self, name: str) -> Any:
        """The piece held in attribute ``name``, built first if its turn has not come."""
        self._build_until(lambda: getattr(self, name) is not None)
        return getattr(self, name)

    @property
    def payment_panel(self) -> PaymentPanel:
        return cast("PaymentPanel", self._piece("_payment"))

    @property
    def printing(self) -> PrintingUi:
        """Printing menu, print worker, printer status."""
        return cast("PrintingUi", self._piece("_printing"))

    @property
    def sync(self) -> SyncController:
        return cast("SyncController", self._piece("_sync"))

    @property
    def journal(self) -> JournalController:
        return cast("JournalController", self._piece("_journal"))

    def _build_payment_panel(self) -> None:
        panel = self._payment = self._payment_panel()
        panel.hide()
        self._right_layout.insertWidget(self._right_layout.indexOf(self.collect_button), panel)

    def _install_printing(self) -> None:
        from pos.ui.printer_menu import install_printing

        self._printing = install_printing(self, self, self.printer_status, self.order_panel)

    def _install_sync(self) -> None:
        from pos.ui.sync_status import install_sync

        self._sync = install_sync(self, self, self.sync_status)
        self._sync.finished.connect(self.after_sync)

    def _install_journal(self) -> None:
        from pos.ui.journal_status import install_journal

        self._journal = install_journal(self, self.services, self.hub.timezone)
        self._journal.merged.connect(self._journal_merged)
        self._journal.kept_aside.connect(self._journal_kept_aside)
        self._journal.kick()

    def _start_background(self) -> None:
        """The retention purge, and the status refreshed every 5 s."""
        # plain values only: the job must hold no widget (it ends on a pool thread)
        store, till_id = self.services.store, self.services.till_id
        tasks.run(lambda: _purge_at_start(store, till_id), what="retention purge", owner=self)
        self.status_timer.start()

    # construction -------------------------------------------------------------
    def _title(self) -> str:
        title = f"{self.hub.name} — {APP_NAME}"
        return f"{title} [{self.tr('DEMO DATA')}]" if self.services.is_demo else title

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setStyleSheet(f"QStatusBar, QStatusBar QLabel {{ font-size: {pt(0.85)}; }}")
        self.demo_label = ShrinkingLabel(self.tr("DEMO DATA"))
        self.demo_label.setToolTip(self.tr("DEMO DATA: not a real hub"))
        named(self.demo_label, "demoLabel", self.tr("Demo data"))
        self.demo_label.setStyleSheet(
            "QLabel { background: #b45309; color: white; padding: 2px 8px; font-weight: bold;"
            f" font-size: {pt(0.85)}; }}"
        )
        self.demo_label.setVisible(self.services.is_demo)
        self.sync_status = ShrinkingLabel(self.tr("Offline: not connected to Open Food Network"))
        named(self.sync_status, "syncStatusLabel", self.tr("Sync status"))
        self.printer_status = ShrinkingLabel(self.tr("No printer set up"))
        named(self.printer_status, "printerStatusLabel", self.tr("Printer status"))
        self.till_status = QLabel()
        named(self.till_status, "tillStatusLabel", self.tr("Till session"))
        self.pending_sync = ShrinkingLabel()
        named(self.pending_sync, "pendingSyncLabel", self.tr("Changes waiting to sync"))
        self.pending_sync.hide()  # until counted, after the first paint (refresh_status)
        bar.addWidget(self.demo_label)
        bar.addWidget(self.till_status)
        bar.addPermanentWidget(self.pending_sync)
        bar.addPermanentWidget(self.sync_status)
        bar.addPermanentWidget(self.printer_status)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        lists = QAction(self.tr("Print &lists…"), self)
        lists.setObjectName("printListsAction")
        lists.triggered.connect(self.open_lists)
        file_menu.addAction(lists)
        reconcile = QAction(self.tr("&Reconcile the day…"), self)
        reconcile.setObjectName("reconcileAction")
        reconcile.triggered.connect(self.open_reconcile)
        file_menu.addAction(reconcile)
        delivery_round = QAction(self.tr("&Delivery round…"), self)
        delivery_round.setObjectName("deliveryRoundAction")
        delivery_round.triggered.connect(self.open_delivery_round)
        file_menu.addAction(delivery_round)
        hub_settings = QAction(self.tr("&Hub settings…"), self)
        hub_settings.setObjectName("hubSettingsAction")
        hub_settings.triggered.connect(self.open_hub_settings)
        file_menu.addAction(hub_settings)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        till_menu = self.menuBar().addMenu(self.tr("&Till"))
        for name, text, key, slot in (
            ("walkInAction", self.tr("&Walk-in sale"), Qt.Key.Key_F6, self.open_walk_in),
            ("tillAction", self.tr("Till &session"), Qt.Key.Key_F7, self.open_till),
            ("undoAction", self.tr("&Undo a checkout"), Qt.Key.Key_F8, self.open_undo),
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            till_menu.addAction(action)
        reprint = QAction(self.tr("&Reprint last receipt"), self)
        reprint.setObjectName("reprintAction")
        reprint.setShortcut(QKeySequence(Qt.Key.Key_F9))
        reprint.triggered.connect(self.reprint_last)
        till_menu.addAction(reprint)
        pin_action = QAction(self.tr("Staff &PIN…"), self)
        pin_action.setObjectName("staffPinAction")
        pin_action.triggered.connect(self.open_set_pin)
        till_menu.addAction(pin_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        size_menu = view_menu.addMenu(self.tr("&Text size"))
        size_menu.setObjectName("textSizeMenu")
        group = QActionGroup(self)
        labels = {
            "small": self.tr("Small"),
            "normal": self.tr("Normal"),
            "large": self.tr("Large"),
            "larger": self.tr("Larger"),
        }
        chosen = text_size_name()
        for size in SIZES:
            action = QAction(labels[size], self)
            action.setObjectName(f"textSize_{size}")
            action.setCheckable(True)
            action.setChecked(size == chosen)
            action.triggered.connect(lambda _=False, size=size: self.set_text_size(size))
            group.addAction(action)
            size_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Food Hub POS"), self)
        about.setObjectName("aboutAction")
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        focus_scan = QAction(self)
        focus_scan.setShortcut(QKeySequence(Qt.Key.Key_F2))
        focus_scan.triggered.connect(self.focus_scan)
        self.addAction(focus_scan)
        commit_key = QShortcut(QKeySequence(Qt.Key.Key_F12), self)
        commit_key.activated.connect(self.commit)
        cancel_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        cancel_key.activated.connect(self.cancel_checkout)

    # behaviour ----------------------------------------------------------------
    @property
    def pickup_point_id(self) -> int | None:
        value = self.pickup_filter.currentData()
        return None if value is None else int(value)

    def _list_filter(self) -> int | None:
        """The order list's saved filter, else the till's own pickup point (None: all)."""
        saved = self.services.store.settings
        chosen = saved.get(ORDER_LIST_PICKUP_POINT)
        if chosen is None:
            return saved.get(TILL_PICKUP_POINT)
        return None if chosen == ALL_PICKUP_POINTS else chosen

    def _show_pickup_point(self, point: int | None) -> None:
        found = self.pickup_filter.findData(point) if point is not None else 0
        self.pickup_filter.setCurrentIndex(max(0, found))

    def _pickup_changed(self) -> None:
        """The list's filter only: the till keeps its own pickup point (Hub settings)."""
        chosen = self.pickup_point_id
        try:  # remembered for the next start; the filter works this session either way
            self.services.store.settings.set(
                ORDER_LIST_PICKUP_POINT, ALL_PICKUP_POINTS if chosen is None else chosen
            )
        except KnownError as exc:
            self._refresh()
            self.show_message(tasks.describe(exc), "warn")
            return
        self._refresh()

    def _text_changed(self, text: str) -> None:
        self._choosing = False
        if text.strip():
            self._relist.stop()
            self._refresh()
        else:
            self._relist.start()

    # the interface the feature modules use (pos.ui.shell.Shell) ------------------------
    def current_order(self) -> Order | None:
        return self.order_panel.order

    @property
    def sync_settings_dialog(self) -> QWidget | None:
        """The Sync settings dialog opened last (for tests and automation)."""
        return self.sync.settings_dialog

    def after_sync(self, _state: str = "ok") -> None:
        """After a sync: new orders in the list; after the first pull, the hub and its points."""
        service = self.services.sync
        hub = service.hub()
        if hub is not None and self.hub.id == 0:
            for point in service.pickup_points():
                if self.pickup_filter.findData(point.id) < 0:
                    self.pickup_filter.addItem(point.name, point.id)
            self.set_hub(hub)
            return
        self._refresh(keep_message=True)

    def open_customer_data(self, order_id: int) -> QWidget:
        """Hub staff: export or erase this order's customer (staff PIN first)."""
        from pos.ui.privacy_dialog import open_customer_data

        return open_customer_data(self, self, order_id)

    def open_lists(self) -> QWidget:
        from pos.ui.lists_dialog import open_lists_dialog

        return open_lists_dialog(self, self.services)

    def open_hub_settings(self) -> QWidget:
        from pos.ui.settings_dialog import open_hub_settings

        return open_hub_settings(self, self, self.apply_hub_settings)

    def open_reconcile(self) -> StaffPinDialog:
        """Reconcile the day: the staff PIN, then one reconcile window at a time."""
        from pos.ui.reconcile_window import open_reconcile

        def opened(window: ReconcileWindow) -> None:
            old, self.reconcile_window = self.reconcile_window, window
            if old is not None:
                old.close()
                old.deleteLater()

        return open_reconcile(self, self.services, opened)

    def set_hub(self, hub: Hub) -> None:
        """The hub arrived (first pull into a new database): money in its currency and locale."""
        self.hub = hub
        self.services.checkout.currency = hub.currency
        self.services.till.currency = hub.currency
        self.model.currency, self.model.locale = hub.currency, hub.locale
        self.order_panel.hub = hub
        self.order_panel.items_model.hub = hub
        if self._payment is not None:  # else it is built in the new currency
            self._payment.currency, self._payment.hub_locale = hub.currency, hub.locale
        self.setWindowTitle(self._title())
        self._refresh(keep_message=True)

    def _refresh(self, *, keep_message: bool = False) -> None:
        text = self.scan_input.text().strip()
        orders = self.services.orders
        if text:
            rows = orders.search(text, pickup_point_id=self.pickup_point_id)
        else:
            rows = orders.listing(pickup_point_id=self.pickup_point_id)
        self.model.set_rows(rows)
        self.order_count.setText(self.tr("%n order(s) shown", "", len(rows)))
        if text and not keep_message:
            self.message.clear()

    def _enter(self) -> None:
        """Enter in the scan field: a code opens its order; empty Enter hands it over."""
        text = self.scan_input.text().strip()
        chosen = self.results.currentIndex()
        if self._choosing and chosen.isValid():
            order_id = int(self.model.data(chosen, ORDER_ID_ROLE))
            self.scan_input.clear()
            self.open_order(order_id)
            return
        if not text:
            if self.draft is not None and not self.order_panel.locked:
                if self.draft.handover().amount_due > 0:
                    self.payment_panel.amount.setFocus()
                else:
                    self.commit()
            return
        found = self.services.orders.scan(text)
        if found.unique is not None:
            self.scan_input.clear()
            self.open_order(found.unique)
            return
        if self.model.rowCount() == 1:
            order_id = self.model.row(0).id
            self.scan_input.clear()
            self.open_order(order_id)
            return
        if self.model.rowCount() == 0:
            self.show_message(
                self.tr("Nothing matches “%1”. Try again or type a name.").replace(
                    "%1", quoted(text)
                ),
                "error",
            )
            self.scan_input.clear()
            return
        self._choose(0)
        self.show_message(
            self.tr("%n orders match: ↓ to choose, Enter to open.", "", self.model.rowCount())
        )

    def _choose(self, row: int) -> None:
        """Highlight a row of the list while the cursor stays in the scan field."""
        row = max(0, min(row, self.model.rowCount() - 1))
        self.results.selectRow(row)
        self.results.scrollTo(self.model.index(row, 0))
        self._choosing = True

    def route_text(self, text: str) -> None:
        """Text typed anywhere on the main screen goes through the scan field.

        A keyboard-wedge scanner types fast and ends with Enter: whatever had the focus
        (the list, the lines, a button), the scan opens the scanned bag.
        """
        if text == "\r":
            self._enter()
            return
        if not self.scan_input.hasFocus():
            self.scan_input.setFocus()
            self.scan_input.selectAll()  # a new code or name replaces what was there
        self.scan_input.insert(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys nothing else took: arrows from the scan field, text from buttons."""
        key = event.key()
        if self.scan_input.hasFocus() and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._arrow_from_scan(key == Qt.Key.Key_Down)
            return
        amount = self.payment_panel.amount
        if key == Qt.Key.Key_Down and amount.hasFocus() and not amount.text().strip():
            self._arrow_from_scan(True)  # the amount not started yet: ↓ into the lines too
            return
        text = plain_text(event)
        if text:
            self.route_text(text)
            return
        super().keyPressEvent(event)

    def _arrow_from_scan(self, down: bool) -> None:
        """↓/↑ in the scan field: choose among matches, or step into the bag's lines."""
        lines = self.order_panel.items_view
        typing = bool(self.scan_input.text().strip())
        if not typing and down and self.draft is not None and not self.order_panel.locked:
            if lines.model().rowCount():
                row = max(lines.currentIndex().row(), 0)
                self.order_panel.select_line(row)
            return
        if self.model.rowCount() == 0:
            return
        current = self.results.currentIndex().row() if self._choosing else -1
        self._choose(current + 1 if down else current - 1)
        if not typing:
            self.show_message(self.tr("↓ ↑ to choose, Enter to open."))

    def _open_index(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self.open_order(int(self.model.data(index, ORDER_ID_ROLE)))

    def open_order(self, order_id: int) -> None:
        """Show an order ready to hand over (or say clearly why it cannot be)."""
        checkout = self.services.checkout
        if self.draft is not None and self.draft.order.id == order_id:
            # a double scan of the open order keeps what the volunteer already marked
            self._focus_for_draft()
            return
        try:
            draft = checkout.start(order_id)
        except KnownError as exc:
            self.show_message(tasks.describe(exc), "error")
            return
        if self.draft is not None:
            checkout.discard(self.draft)
        order = draft.order
        info = checkout.collection_info(order_id)
        self.draft = None if info is not None or order.is_cancelled else draft
        code = self._customer_code(order_id)
        handed = checkout.collected_checkout(order_id) if info is not None else None
        self.order_panel.show_order(
            order, self.services.orders.pickup_points(), self.draft, info, code, handed
        )
        if info is not None:
            self.show_message(
                (
                    self.tr(
                        "%1 was already collected on till %3 (receipt %2): do not hand it over"
                        " again."
                    )
                    if info.other_till
                    else self.tr(
                        "%1 was already collected (receipt %2): do not hand it over again."
                    )
                )
                .replace("%1", order.number)
                .replace("%2", info.receipt_no)
                .replace("%3", info.till_id),
                "error",
            )
        elif order.is_cancelled:
            self.show_message(
                self.tr(
                    "Order %1 was cancelled in Open Food Network: do not hand it over."
                ).replace("%1", order.number),
                "error",
            )
        elif self._is_delivery(order.pickup_point_id):
            self.show_message(
                self.tr("Order %1 is a home delivery (%2): hand it over only if it came back "
                        "from its round.")
                .replace("%1", order.number)
                .replace("%2", self.order_panel.pickup_name),
                "warn",
            )  # fmt: skip
        elif self.pickup_point_id is not None and order.pickup_point_id != self.pickup_point_id:
            self.show_message(
                self.tr("Order %1 belongs to another pickup point: %2.")
                .replace("%1", order.number)
                .replace("%2", self.order_panel.pickup_name),
                "warn",
            )
        else:
            self.message.clear()
        self._money_changed()
        self._focus_for_draft()

    def _is_delivery(self, point_id: int | None) -> bool:
        """A delivery method's order at a pickup till: warned like another pickup point's."""
        if point_id is None or point_id == self.pickup_point_id:
            return False
        return any(p.is_delivery for p in self.services.orders.pickup_points() if p.id == point_id)

    def open_delivery_round(self) -> None:
        from pos.ui.round_window import open_round_window

        self.round_window = open_round_window(self, self.services, self.hub.locale)

    def _focus_for_draft(self) -> None:
        if self.draft is not None and self.draft.handover().amount_due > 0:
            self.payment_panel.amount.setFocus()
        else:
            self.focus_scan()

    def _customer_code(self, order_id: int) -> str | None:
        rows = self.services.orders.repo.summaries_by_ids([order_id])
        return rows[0].customer_code if rows else None

    def _money_changed(self) -> None:
        """Show the payment panel when money moves, the hand-over button otherwise."""
        draft = self.draft
        if draft is None or self.order_panel.locked:
            self.payment_panel.hide()
            self.collect_button.hide()
            return
        due = draft.handover().amount_due
        self.payment_panel.set_due(due)
        self.payment_panel.setVisible(due != 0)
        self.payment_panel.confirm_button.setVisible(due > 0)
        self.collect_button.setVisible(due <= 0)
        self.collect_button.setEnabled(True)
        QTimer.singleShot(0, self.keep_on_screen)  # once the layout has taken the change

    def _tendering(self) -> None:
        panel = self.payment_panel
        if self.draft is not None:
            self.draft.tendering = bool(panel.parts or panel.amount.text().strip())

    def exact_cash(self) -> None:
        draft = self.draft
        if draft is None or self.order_panel.locked:
            return
        due = draft.handover().amount_due
        if due <= 0:
            self.commit()
            return
        self.payment_panel.parts.clear()
        self.payment_panel.select_method("cash")
        from pos.ui.payment_panel import plain_amount

        self.payment_panel.amount.setText(plain_amount(due, self.hub.currency))
        self.commit()

    def commit(self) -> None:
        """Hand the open order over with what the payment panel holds (F12 / Enter)."""
        draft = self.draft
        if draft is None or self.order_panel.locked or self._committing:
            return
        panel = self.payment_panel
        if self._scanned_into_amount():
            return
        due = draft.handover().amount_due
        settlement = panel.settlement() if due != 0 else None
        if due != 0 and settlement is None:
            return  # the panel shows why
        if settlement is not None and not panel.confirm_implausible(settlement):
            return  # far more than due: asked first
        tenders = (panel.tenders() or []) if due != 0 else []
        needs_till = bool(settlement and settlement.payments) or due > 0
        if not needs_till and self.services.checkout.needs_volunteer_name():
            self.ask_volunteer_name(self.commit)  # once per shift, not per sale
            return
        from pos.services.checkout import AlreadyCollected, LeftOwingNeedsReason
        from pos.services.till import NoTillSession

        self._committing = True
        try:
            result = self.services.checkout.collect(
                draft, tenders, note=panel.note(),
                keep_change_as_credit=panel.keep_credit.isChecked(),
                refund_credit_in_cash=panel.refund_cash.isChecked(),
            )  # fmt: skip
        except AlreadyCollected as exc:
            self.show_message(
                self.tr("Already collected (receipt %1).").replace("%1", exc.info.receipt_no),
                "warn",
            )
            self.open_order(draft.order.id)
            return
        except NoTillSession:
            # never a pop-up in the middle of a payment: opening the till is its own step
            self.show_message(
                self.tr("Open the till first (F7): money can only be taken with the till open."),
                "warn",
            )
            return
        except LeftOwingNeedsReason as exc:
            panel.refuse_short(exc.left_owing)  # leaving money owing is its own step
            return
        except KnownError as exc:
            self.show_message(tasks.describe(exc), "error")
            return
        finally:
            self._committing = False
        self._done(result, draft.order.id)

    def _scanned_into_amount(self) -> bool:
        """A bag scanned while the amount field had focus: treat it as the scan it is."""
        text = self.payment_panel.amount.text().strip()
        from pos.ui.payment_panel import amount_error

        value, _ = amount_error(self, text, self.hub.currency)
        if not text or value is not None or self.services.orders.scan(text).unique is None:
            return False
        self.payment_panel.amount.clear()
        self.scan_input.setText(text)
        self._enter()
        return True

    def reprint_last(self) -> None:
        """Queue a copy of the last receipt (the printer may have jammed)."""
        if self.last_result is None:
            self.show_message(self.tr("No receipt to reprint yet."), "info")
            return
        try:
            self.services.checkout.reprint(self.last_result.checkout.id)
        except KnownError as exc:
            self.show_message(tasks.describe(exc), "error")
            return
        self.show_message(
            self.tr("Copy of %1 queued for printing.").replace("%1", self.last_result.receipt_no)
        )
        self.refresh_status()

    def _done(self, result: CheckoutResult, order_id: int | None) -> None:
        """Show what was done, large, until the next scan (not an "already collected")."""
        self.last_result = result
        c = result.checkout
        headline, kind = self.order_panel.result_headline(c)
        parts = [self.tr("Done: receipt %1.").replace("%1", c.receipt_no)]
        if c.change_given > 0:
            parts.append(self.tr("Give change: %1").replace("%1", self._money(c.change_given)))
        if c.credit_amount > 0:
            parts.append(self.tr("Credit noted: %1").replace("%1", self._money(c.credit_amount)))
        if c.left_owing > 0:
            parts.append(self.tr("Left owing: %1").replace("%1", self._money(c.left_owing)))
        if result.receipt_failed:
            parts.append(
                self.tr("The receipt could not be queued for printing: reprint it later (F9).")
            )
        self.services.checkout.discard(self.draft)  # a walk-in sold over an open order
        self.draft = None
        order = self.order_panel.order
        if order_id is not None and order is not None and order.id == order_id:
            self.order_panel.show_order(
                order, self.services.orders.pickup_points(), None,
                self.services.checkout.collection_info(order_id),
                self._customer_code(order_id), c, just_done=True,
            )  # fmt: skip
            detail = self.order_panel.result_detail(c, order.customer_name)
        else:
            self.order_panel.clear()
            detail = self.tr("Walk-in sale · %1").replace("%1", c.receipt_no)
        self.payment_panel.hide()
        self.collect_button.hide()
        self.order_panel.show_result(headline, detail, kind)
        self.show_message(" ".join(parts), "warn" if result.receipt_failed else kind)
        self._refresh(keep_message=True)
        self.refresh_status()
        self.focus_scan()

    def cancel_checkout(self) -> None:
        """Esc: drop the current checkout (nothing was written) and get ready to scan."""
        if self.draft is not None:
            self.services.checkout.discard(self.draft)
        self.draft = None
        self.order_panel.clear()
        self.payment_panel.hide()
        self.collect_button.hide()
        self.message.clear()
        self.focus_scan()
        QTimer.singleShot(0, self.keep_on_screen)

    # till, walk-ins, undo -------------------------------------------------------------
    def ensure_session(self, then: Callable[[], object] | None = None) -> OpenSessionDialog:
        """Offer to open the till (volunteer and float), then carry on."""
        from pos.ui.till_dialogs import OpenSessionDialog

        dialog = OpenSessionDialog(self.services.till, self.hub.locale, self)
        dialog.setWindowTitle(self.tr("Open the till to take money"))

        def opened() -> None:
            self.refresh_status()
            if then is not None:
                then()
            else:
                self._focus_for_draft()

        dialog.accepted.connect(opened)
        dialog.rejected.connect(self._focus_for_draft)
        self.session_dialog = dialog
        fit_to_screen(dialog)
        dialog.open()
        dialog.volunteer.setFocus()
        return dialog

    def open_till(self) -> QWidget:
        if self.services.till.current() is None:
            return self.ensure_session()
        labels = self.services.checkout.method_labels(current_language())
        from pos.ui.till_dialogs import TillDialog

        dialog = TillDialog(
            self.services.till, self.hub.locale, self.hub.timezone, self, labels=labels
        )
        dialog.finished.connect(self.refresh_status)
        dialog.finished.connect(self.focus_scan)
        self.till_dialog = dialog
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    def open_walk_in(self) -> QWidget:
        if self.services.till.current() is None:
            return self.ensure_session(self.open_walk_in)
        from pos.ui.walk_in_dialog import WalkInDialog

        dialog = WalkInDialog(self.services.checkout, self.hub.locale, self)
        dialog.sold.connect(lambda result: self._done(result, None))
        dialog.finished.connect(self.focus_scan)
        self.walk_in_dialog = dialog
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    def open_undo(self) -> UndoDialog:
        preselect = self.last_result.checkout.id if self.last_result else None
        from pos.ui.undo_dialog import UndoDialog

        dialog = UndoDialog(
            self.services.checkout, self.hub.locale, self.hub.timezone, self, preselect=preselect
        )
        dialog.undone.connect(self._undone)
        dialog.finished.connect(self.focus_scan)
        self.undo_dialog = dialog
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    def _undone(self, result: CheckoutResult) -> None:
        """Name the checkout undone and say plainly what to give back."""
        c = result.checkout
        self.last_result = None
        self.services.checkout.discard(self.draft)
        self.draft = None  # whatever was on screen: the undo result replaces it
        self.order_panel.clear()
        self.payment_panel.hide()
        self.collect_button.hide()
        undo = self.undo_dialog
        kind = "warn" if c.amount_paid else "ok"  # money to give back: an action to do
        self.order_panel.show_result(undo.outcome_headline, undo.outcome_detail, kind)
        self.show_message(undo.outcome_text, kind)
        self._refresh(keep_message=True)
        self.refresh_status()

    def ask_volunteer_name(self, then: Callable[[], object]) -> VolunteerNameDialog:
        """Who hands bags over while the till is closed (asked once per shift)."""
        from pos.ui.till_dialogs import VolunteerNameDialog

        dialog = VolunteerNameDialog(self.services.till, self)
        dialog.accepted.connect(self.refresh_status)
        dialog.accepted.connect(then)
        dialog.rejected.connect(self.focus_scan)
        self.name_dialog = dialog
        dialog.open()
        return dialog

    def open_set_pin(self) -> SetPinDialog:
        from pos.ui.till_dialogs import SetPinDialog

        dialog = SetPinDialog(self.services.roles, self)
        self.pin_dialog = dialog
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    def _payment_panel(self) -> PaymentPanel:
        methods = self.services.checkout.payment_methods(current_language())
        from pos.ui.payment_panel import PaymentPanel

        panel = PaymentPanel(self.hub.currency, self.hub.locale, methods, self)
        panel.confirmed.connect(self.commit)
        panel.changed.connect(self._tendering)
        panel.exact_cash.connect(self.exact_cash)
        return panel

    def apply_hub_settings(self) -> None:
        """Hub settings saved: the new payment methods and pickup point, without a restart."""
        old, self._payment = self.payment_panel, self._payment_panel()
        self._right_layout.replaceWidget(old, self._payment)
        old.setParent(None)  # its shortcuts (F11, Ctrl+1..9) go with it
        old.deleteLater()
        self._money_changed()  # amounts typed so far are dropped: the methods changed
        self._show_pickup_point(self.services.store.settings.get(TILL_PICKUP_POINT))
        self.journal.reload()  # the folder or the hub key may have changed

    def refresh_status(self) -> None:
        """Till session, changes waiting to sync and print jobs waiting."""
        self._show_till()
        checkout = self.services.checkout
        pending = checkout.pending_sync_count()
        self.pending_sync.setText(self.tr("%n change(s) waiting to sync", "", pending))
        self.pending_sync.setVisible(pending > 0)  # room on a small screen for what matters
        if self._journal is not None:  # (installed after the first paint, then kicked)
            self._journal.kick()  # what was just committed goes to the shared journal folder

    def _show_till(self) -> None:
        """The till session in the status bar and on its button (the first paint shows it;
        the changes waiting to sync follow with the checkout's modules, a few turns later)."""
        session = self.services.till.current()
        self.order_panel.set_till_open(session is not None)
        if session is None:  # shown clearly: the start of a shift is opening the till
            self.till_status.setText(self.tr("Till closed"))
            self.till_button.setText(self.tr("Till closed: open it (F7)"))
            self.till_button.setStyleSheet(TILL_CLOSED_STYLE)
        else:
            self.till_button.setStyleSheet("")
            self.till_status.setText(
                self.tr("Till open · session %1 · %2")
                .replace("%1", str(session.number))
                .replace("%2", session.volunteer)
            )
            self.till_button.setText(self.tr("Cash drawer (F7)"))  # cash in/out, count, close
            self.till_button.setToolTip(self.tr("Cash in or out, count and close the till"))

    def _journal_kept_aside(self, text: str) -> None:
        """Files kept aside, said once; never over a checkout under way (the status bar
        says it too)."""
        if self.draft is None or not self.draft.in_progress:
            self.show_message(text, "warn")

    def _journal_merged(self, _events: int) -> None:
        """Another till's events arrived: its hand-overs show at once; an order being
        handed over here that the other till handed over is stopped (the stop sign)."""
        self._refresh(keep_message=True)
        draft = self.draft
        if draft is not None and self.services.checkout.collection_info(draft.order.id):
            self.services.checkout.discard(draft)
            self.draft = None
            self.open_order(draft.order.id)

    def _money(self, minor: int) -> str:
        return money(minor, self.hub.currency, self.hub.locale)

    def show_message(self, text: str, kind: str = "info") -> None:
        self.message.setStyleSheet(message_style(kind))
        self.message.setText(text)

    def set_text_size(self, size: str) -> None:
        """Save the device's text size and rebuild the window in it (nothing is lost:
        only allowed between customers)."""
        from pos.ui import text_size

        if self.draft is not None and self.draft.in_progress:
            self.show_message(
                self.tr("Finish or drop this customer (Esc) before changing the text size."),
                "warn",
            )
            return
        try:
            text_size.save(size)
        except OSError:
            self.show_message(self.tr("The text size could not be saved."), "error")
            return
        from pos.app import reopen_window

        reopen_window(self)

    def keep_on_screen(self) -> None:
        """Back within the screen once what made the window wider has gone."""
        screen = self.screen()
        if screen is None or not self.isVisible():
            return
        area = screen.availableGeometry()
        if (
            self.frameGeometry().width() > area.width()
            or self.frameGeometry().height() > area.height()
        ):
            if self.isMaximized():
                self.setGeometry(area)
            else:
                self.resize(self.size().boundedTo(area.size()))

    def _fit_to_screen(self) -> None:
        """Start at a size the screen holds (a 1366×768 laptop keeps ~700 px)."""
        screen = self.screen()
        available = screen.availableGeometry().size() if screen else QSize(1280, 800)
        self.resize(QSize(1280, 800).boundedTo(available - QSize(0, 40)))
        if available.width() <= 1440 or available.height() <= 900:
            self.setWindowState(Qt.WindowState.WindowMaximized)  # a laptop: use all of it

    def focus_scan(self) -> None:
        self.scan_input.setFocus()
        self.scan_input.selectAll()

    def show_about(self) -> AboutDialog:
        from pos.ui.about import AboutDialog

        dialog = AboutDialog(self)
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_done:  # the list gets room for full names
            self._split_done = True
            width = self.splitter.width()
            self.splitter.setSizes([width * 42 // 100, width - width * 42 // 100])
        self.scan_input.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._later:  # painted: now the rest, in turns (start() is once while waiting)
            self._next_piece.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:  # closed already (e.g. rebuilt at a new text size)
            super().closeEvent(event)
            return
        self._closed = True
        self._later.clear()  # not built: nothing of theirs to stop
        for part in (self._sync, self._journal, self._printing):  # before the database closes
            if part is not None:
                part.stop()
        self.status_timer.stop()
        self._relist.stop()
        if self.draft is not None:
            self.services.checkout.discard(self.draft)  # nothing was written for it
        self.services.close()
        super().closeEvent(event)


def _purge_at_start(store: Store, till_id: str) -> None:
    """Customer details past the hub's retention, on a connection of the worker's own."""
    reader = store.reader()
    try:
        purge_quietly(reader, till_id)
    finally:
        reader.close()


__all__ = ["MainWindow", "__version__"]
