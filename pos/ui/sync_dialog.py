"""Sync settings: OFN address, API key, hub, order cycle, pickup point, and Test connection;
and, on a second tab, what sync may do in OFN (sync.rules): which OFN payment methods are paid
at the pickup point (only those are ever captured) and whether collected orders are marked
shipped (OFN emails the customer at that moment).

Test connection runs on a worker thread and says which of five answers it got. The key field
never shows a saved key; leaving it empty keeps the saved one.
"""

from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.errors import KnownError
from pos.services.sync_service import SyncService
from pos.ui import tasks
from pos.ui.i18n import current_language
from pos.ui.widgets import named, staff_screen
from sync.connection import Check, Settings
from sync.rules import PushRules


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { color: #4b5563; }")
    return label


def _check_failed(exc: BaseException) -> Check:
    """Test connection raised instead of answering: say so in one sentence."""
    if isinstance(exc, KnownError):
        return Check.failed("not_ofn", exc)
    return Check("unreachable", tasks.describe(exc))  # a bug: the sentence names the log


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


class SyncSettingsDialog(QDialog):
    def __init__(
        self, service: SyncService, pickup_points: list[tuple[int, str]],
        parent: QWidget | None = None, actor: str = "",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.service = service
        self.actor = actor or "staff"
        self.setObjectName("syncSettingsDialog")
        staff_screen(self)  # behind the staff PIN, at the laptop: normal buttons
        self.setWindowTitle(self.tr("Connect to Open Food Network"))
        self.setMinimumWidth(600)
        self._job: tasks.Job[Check] | None = None
        self.saved_to: str | None = None
        s = service.settings()

        self.url = QLineEdit(s.url)
        self.url.setObjectName("ofnUrlInput")
        self.url.setAccessibleName(self.tr("OFN address"))
        self.url.setPlaceholderText("https://openfoodnetwork.org.uk")
        self.key = QLineEdit()
        self.key.setObjectName("ofnApiKeyInput")
        self.key.setAccessibleName(self.tr("API key"))
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(
            self.tr("Saved: leave empty to keep it")
            if service.has_key(s.url)
            else self.tr("From your OFN account: Developer settings")
        )
        self.hub = QLineEdit("" if s.hub_id is None else str(s.hub_id))
        self.hub.setObjectName("ofnHubInput")
        self.hub.setAccessibleName(self.tr("Hub (enterprise) id"))
        self.hub.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.cycle = QLineEdit("" if s.order_cycle_id is None else str(s.order_cycle_id))
        self.cycle.setObjectName("ofnOrderCycleInput")
        self.cycle.setAccessibleName(self.tr("Order cycle id"))
        self.cycle.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.pickup = QComboBox()
        self.pickup.setObjectName("ofnPickupPointInput")
        self.pickup.setAccessibleName(self.tr("This till's pickup point"))
        self.pickup.addItem(self.tr("All pickup points"), None)
        for pid, name in pickup_points:
            self.pickup.addItem(name, pid)
        if s.pickup_point_id is not None:
            found = self.pickup.findData(s.pickup_point_id)
            if found >= 0:
                self.pickup.setCurrentIndex(found)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test_connection)
        self.result_label = QLabel()
        self.result_label.setObjectName("connectionResult")
        self.result_label.setAccessibleName(self.tr("Connection test result"))
        self.result_label.setWordWrap(True)
        where = service.key_storage()
        in_file = self.tr(
            "No keyring on this computer: the key is in a file only you can read (%1)."
        )
        note = QLabel(
            self.tr("The key is kept in the system keyring.")
            if where == "keyring"
            else in_file.replace("%1", where)
        )
        note.setWordWrap(True)
        if service.is_demo:
            demo = QLabel(
                self.tr("This is demo data: saving creates a separate database for your hub.")
            )  # fmt: skip
            demo.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("OFN address"), self.url)
        form.addRow(self.tr("API key"), self.key)
        form.addRow(self.tr("Hub id"), self.hub)
        form.addRow(self.tr("Order cycle id"), self.cycle)
        form.addRow(self.tr("Pickup point"), self.pickup)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        connection = QWidget()
        page = QVBoxLayout(connection)
        if service.is_demo:
            page.addWidget(demo)
        page.addLayout(form)
        page.addWidget(note)
        page.addWidget(self.test_button)
        page.addWidget(self.result_label)
        page.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncSettingsTabs")
        self.tabs.addTab(connection, self.tr("Connection"))
        self.tabs.addTab(self._ofn_page(), self.tr("What sync does in OFN"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(760, 580)  # room for both tabs and French placeholders; fits 1280×720

    # what sync does in OFN ------------------------------------------------------------
    def _ofn_page(self) -> QWidget:
        rules = self.service.push_rules()
        self.mark_shipped = QCheckBox(self.tr("Mark collected orders as shipped in OFN"))
        named(self.mark_shipped, "ofnMarkShippedInput",
              self.tr("Mark collected orders as shipped in OFN"))  # fmt: skip
        self.mark_shipped.setChecked(rules.mark_shipped)
        ship_note = _note(
            self.tr(
                "OFN emails the customer that their order was picked up at the moment sync marks"
                " it shipped: if this till syncs a day late, the email arrives a day late. The"
                " email cannot be switched off or taken back. Off: the orders stay unshipped in"
                " OFN; staff can ship them in the OFN admin, where the email can be skipped."
            )
        )
        ship_note.setObjectName("ofnMarkShippedNote")
        late = self.service.late_collections()
        self.late_note = QLabel(
            self.tr(
                "%1 collection(s) made more than a day ago wait to be synced: shipping them now"
                " sends those customers the email late."
            ).replace("%1", str(late))
        )
        self.late_note.setObjectName("ofnLateCollectionsNote")
        self.late_note.setWordWrap(True)
        self.late_note.setStyleSheet("QLabel { color: #b45309; font-weight: bold; }")
        self.late_note.setVisible(late > 0)

        heading = QLabel(self.tr("Payment methods on this hub's OFN orders"))
        heading.setStyleSheet("QLabel { font-weight: bold; }")
        methods_note = _note(
            self.tr(
                "Sync takes a payment in OFN only for a method paid at the pickup point, and only"
                " when the till took that method for that amount; everything else goes to the"
                " staff list with the amounts. Never choose it for a card payment made online"
                " (e.g. Stripe): OFN would charge the customer's card again."
            )
        )
        methods_note.setObjectName("ofnPaymentMethodsNote")
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(8)
        self.method_inputs: dict[str, QComboBox] = {}
        # the demo's made-up orders say nothing about the hub's methods: ask after a real pull
        seen = [] if self.service.is_demo else self.service.seen_payment_methods()
        till = self.service.till_methods(current_language())
        names = [m.name for m in seen] + sorted(set(rules.at_pickup) - {m.name for m in seen})
        counts = {m.name: m for m in seen}
        for row, name in enumerate(names):
            used = counts.get(name)
            text = QLabel(name)
            text.setWordWrap(True)
            detail = (
                self.tr("%1 order(s), %2 not yet taken")
                .replace("%1", str(used.orders))
                .replace("%2", str(used.pending))
                if used is not None
                else self.tr("not on the pulled orders")
            )
            info = _note(detail)
            combo = QComboBox()
            named(combo, "ofnPaymentMethodInput",
                  self.tr("How “%1” is paid").replace("%1", name))  # fmt: skip
            combo.addItem(self.tr("Not paid at pickup: never taken by sync"), None)
            for code, label in till:
                combo.addItem(self.tr("Paid at the pickup point: %1").replace("%1", label), code)
            chosen = rules.at_pickup.get(name)
            if chosen is not None and combo.findData(chosen) < 0:
                combo.addItem(self.tr("Paid at the pickup point: %1").replace("%1", chosen), chosen)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.setProperty("ofnMethod", name)
            self.method_inputs[name] = combo
            cell = QWidget()
            lines = QVBoxLayout(cell)
            lines.setContentsMargins(0, 2, 0, 2)
            lines.setSpacing(0)
            lines.addWidget(text)
            lines.addWidget(info)
            grid.addWidget(cell, row, 0)
            grid.addWidget(combo, row, 1)
        if not names:
            empty = _note(self.tr("None seen yet: sync once (Sync ▸ Sync now), then choose here."))
            empty.setObjectName("ofnPaymentMethodsEmpty")
            grid.addWidget(empty, 0, 0, 1, 2)
        notes_note = _note(
            self.tr(
                "Order notes (Hub settings, off by default): a till note replaces the note hub"
                " staff wrote on the order in OFN and is printed on the customer's invoice."
            )
        )

        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.mark_shipped)
        box.addWidget(ship_note)
        box.addWidget(self.late_note)
        box.addSpacing(8)
        box.addWidget(heading)
        box.addWidget(methods_note)
        box.addLayout(grid)
        box.addSpacing(8)
        box.addWidget(notes_note)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("ofnRulesPage")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def rules(self) -> PushRules:
        """The choices on the second tab."""
        at_pickup = {
            name: str(combo.currentData())
            for name, combo in self.method_inputs.items()
            if combo.currentData() is not None
        }
        return PushRules(at_pickup, self.mark_shipped.isChecked())

    def _settings(self) -> Settings:
        return Settings(
            url=self.url.text().strip(),
            hub_id=_int_or_none(self.hub.text()),
            order_cycle_id=_int_or_none(self.cycle.text()),
            pickup_point_id=self.pickup.currentData(),
        )

    def test_connection(self) -> None:
        if self._job is not None:
            return
        s = self._settings()
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Testing…"))
        service, url, key, hub = self.service, s.url, self.key.text(), s.hub_id
        self._job = tasks.run(
            lambda: service.check(url, key, hub),
            on_result=self._checked,
            on_error=lambda exc: self._checked(_check_failed(exc)),
            owner=self,
            what="test connection",
        )

    def _checked(self, check: Check) -> None:
        self._job = None
        self._show_check(check)
        self.test_button.setEnabled(True)

    def _show_check(self, check: Check) -> None:
        headings = {
            "ok": self.tr("OK"),
            "unreachable": self.tr("Unreachable"),
            "not_ofn": self.tr("Not an Open Food Network site"),
            "key_rejected": self.tr("Key rejected"),
            "no_access": self.tr("No access to that hub"),
        }
        self.result_label.setProperty("state", check.state)
        colour = "#166534" if check.ok else "#b91c1c"
        self.result_label.setStyleSheet(f"QLabel {{ color: {colour}; }}")
        self.result_label.setText(
            f"{headings.get(check.state, check.state)}: {check.worded(current_language())}"
        )

    def save(self) -> None:
        s = self._settings()
        try:
            target = self.service.save(s, self.key.text(), self.rules(), self.actor)
        except KnownError as exc:
            self.result_label.setStyleSheet("QLabel { color: #b91c1c; }")
            self.result_label.setText(tasks.describe(exc))
            return
        self.key.clear()
        self.saved_to = str(target)
        if target != self.service.store.path:
            QMessageBox.information(
                self,
                self.tr("Hub database created"),
                self.tr("Your hub's orders will go to %1, opened at the next start.").replace(
                    "%1", str(target)
                ),
            )
        self.accept()

    def done(self, result: int) -> None:
        if self._job is not None:  # a test still running: its answer is dropped, nothing waits
            self._job.cancel()
            self._job = None
        super().done(result)
