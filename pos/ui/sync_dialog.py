"""Sync settings: OFN address, API key, hub, order cycle, pickup point, and Test connection.

Test connection runs on a worker thread and says which of five answers it got. The key field
never shows a saved key; leaving it empty keeps the saved one.
"""

from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.errors import KnownError
from pos.services.sync_service import SyncService
from pos.ui import tasks
from sync.connection import Check, Settings


def _check_failed(exc: BaseException) -> Check:
    """Test connection raised instead of answering: say so in one sentence."""
    if isinstance(exc, KnownError):
        return Check("not_ofn", exc.message)
    return Check("unreachable", tasks.describe(exc))


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


class SyncSettingsDialog(QDialog):
    def __init__(
        self, service: SyncService, pickup_points: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.service = service
        self.setObjectName("syncSettingsDialog")
        self.setWindowTitle(self.tr("Connect to Open Food Network"))
        self.setMinimumWidth(560)
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
        layout = QVBoxLayout(self)
        if service.is_demo:
            layout.addWidget(demo)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.test_button)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

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
        self.result_label.setText(f"{headings.get(check.state, check.state)}: {check.message}")

    def save(self) -> None:
        s = self._settings()
        try:
            target = self.service.save(s, self.key.text())
        except KnownError as exc:
            self.result_label.setStyleSheet("QLabel { color: #b91c1c; }")
            self.result_label.setText(exc.message)
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
