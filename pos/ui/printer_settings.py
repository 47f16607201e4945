"""Printer settings dialog: connection, profile, paper width, footer, drawer, Test print.

"Test print" prints the test receipt with the values in the form (before saving) on a pool
thread, so a slow or absent printer never freezes the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.errors import KnownError
from pos.services.printing import (
    PrinterSettings,
    hub_info,
    load_settings,
    print_sample_receipt,
    save_settings,
)
from pos.store import Store
from pos.ui import tasks
from pos.ui.widgets import staff_screen
from receipts import printers
from receipts.escpos_render import profile_names
from receipts.text import PREFERRED_PAGES


def _test_print(settings: PrinterSettings, hub: dict[str, Any] | None) -> str | None:
    """On a pool thread: print the test receipt; the printer's problem in one sentence, or None."""
    problem = print_sample_receipt(settings, hub).problem
    return tasks.describe(problem) if problem else None


def _named(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


class PrinterSettingsDialog(QDialog):
    saved = Signal()

    def __init__(
        self, store: Store, *, override_uri: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printerSettingsDialog")
        staff_screen(self)  # behind the staff PIN, at the laptop: normal buttons
        self.setWindowTitle(self.tr("Printer settings"))
        self.store = store
        self.settings = load_settings(store, override_uri)
        self.hub = hub_info(store)
        self._running: tasks.Job[str | None] | None = None

        self.uri = QLineEdit(self.settings.uri or "")
        _named(self.uri, "printerUri", self.tr("Printer address"))
        self.uri.setPlaceholderText("tcp://192.168.1.50:9100")
        self.uri_help = QLabel(
            self.tr(
                "Windows printer win32://Printer name · network tcp://HOST:9100 · serial "
                "serial://COM3?baudrate=19200 · USB usb://VID:PID · file file:///C:/folder/file"
            )
            if printers.system() == "windows"
            else self.tr(
                "Network tcp://HOST:9100 · USB usb://VID:PID · serial "
                "serial:///dev/ttyUSB0?baudrate=19200 · device file:///dev/usb/lp0 · "
                "print queue cups://QUEUE"
            )
        )
        self.uri_help.setWordWrap(True)
        if self.settings.overridden:
            self.uri.setEnabled(False)
            self.uri_help.setText(
                self.tr("Set for this run by --printer or FOODHUB_POS_PRINTER; not saved.")
            )

        self.profile = QComboBox()
        _named(self.profile, "printerProfile", self.tr("Printer profile"))
        self.profile.addItems(profile_names())
        self.profile.setCurrentText(self.settings.profile)

        self.paper_width = QComboBox()
        _named(self.paper_width, "printerWidth", self.tr("Paper width"))
        self.paper_width.addItem(self.tr("80 mm"), 80)
        self.paper_width.addItem(self.tr("58 mm"), 58)
        self.paper_width.setCurrentIndex(0 if self.settings.width_mm == 80 else 1)

        self.columns = QComboBox()
        _named(self.columns, "printerColumns", self.tr("Characters per line"))
        self.columns.addItem(self.tr("Automatic"), None)
        for count in (32, 42, 48):
            self.columns.addItem(str(count), count)
        found = self.columns.findData(self.settings.columns)
        self.columns.setCurrentIndex(max(found, 0))

        self.codepage = QComboBox()
        _named(self.codepage, "printerCodepage", self.tr("Character set"))
        self.codepage.addItem(self.tr("Automatic (switch as needed)"), None)
        for page in PREFERRED_PAGES:
            self.codepage.addItem(page, page)
        self.codepage.setCurrentIndex(max(self.codepage.findData(self.settings.codepage), 0))
        self.codepage.setToolTip(
            self.tr("Choose one only if accented letters print wrongly on this printer.")
        )

        self.footer = QPlainTextEdit(self.settings.footer)
        _named(self.footer, "receiptFooter", self.tr("Receipt footer"))
        self.footer.setFixedHeight(70)

        self.drawer = QCheckBox(self.tr("Open the cash drawer for cash payments"))
        _named(self.drawer, "openDrawerOnCash", self.tr("Open the cash drawer for cash payments"))
        self.drawer.setChecked(self.settings.open_drawer_on_cash)

        self.test_button = QPushButton(self.tr("Test print"))
        _named(self.test_button, "testPrintButton", self.tr("Test print"))
        self.test_button.clicked.connect(self.test_print)
        self.test_result = QLabel()
        _named(self.test_result, "printerTestResult", self.tr("Test print result"))
        self.test_result.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Printer address"), self.uri)
        form.addRow("", self.uri_help)
        form.addRow(self.tr("Printer model"), self.profile)
        form.addRow(self.tr("Paper width"), self.paper_width)
        form.addRow(self.tr("Characters per line"), self.columns)
        form.addRow(self.tr("Character set"), self.codepage)
        form.addRow(self.tr("Receipt footer"), self.footer)
        form.addRow("", self.drawer)
        form.addRow(self.test_button, self.test_result)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("printerSettingsButtons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def form_settings(self) -> PrinterSettings:
        return PrinterSettings(
            uri=self.uri.text().strip() or None,
            profile=self.profile.currentText(),
            width_mm=int(self.paper_width.currentData()),
            columns=self.columns.currentData(),
            codepage=self.codepage.currentData(),
            footer=self.footer.toPlainText().strip(),
            open_drawer_on_cash=self.drawer.isChecked(),
            language=self.settings.language,
            overridden=self.settings.overridden,
        )

    def test_print(self) -> None:
        if self._running is not None:
            return
        settings = self.form_settings()
        if not settings.uri:
            self.test_result.setText(self.tr("Enter the printer's address first."))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Printing a test receipt…"))
        hub = self.hub
        self._running = tasks.run(
            lambda: _test_print(settings, hub),
            on_result=self._tested,
            on_error=lambda exc: self._tested(tasks.describe(exc)),
            owner=self,
            what="test print",
        )

    def _tested(self, problem: str | None) -> None:
        self._running = None
        self.test_button.setEnabled(True)
        if problem is None:
            self.test_result.setText(
                self.tr("Test receipt printed. Check the accents and the QR code.")
            )
        else:
            self.test_result.setText(self.tr("Nothing printed: %1").replace("%1", problem))

    def save(self) -> None:
        try:
            save_settings(self.store, self.form_settings())
        except KnownError as exc:  # e.g. the disk is full: keep the dialog and its choices
            self.test_result.setText(tasks.describe(exc))
            return
        self.saved.emit()
        self.accept()
