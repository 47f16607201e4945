"""Hub settings: the shared journal folder (several tills, one hub day) and the hub key.

The folder is this laptop's path to a folder the hub already syncs (Syncthing, a shared
drive, a USB stick); "Test" writes, reads back and removes a file there on a worker thread
and says in one sentence whether it works. The hub key is set once: generate a passphrase
here and copy it to the other tills (typed, or scanned from the QR code), or type the one
another till shows. It is saved with the other hub settings (behind the staff PIN).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.ui import tasks
from pos.ui.widgets import error_label, named

QR_MODULE_PX = 4  # pixels per QR module: ~150 px for a passphrase, scannable off a screen


def qr_image(text: str) -> QImage:
    """``text`` as a black-on-white QR code (medium error correction, 2-module border)."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * QR_MODULE_PX
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    black = 0xFF000000
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(QR_MODULE_PX):
                    for dx in range(QR_MODULE_PX):
                        image.setPixel(x * QR_MODULE_PX + dx, y * QR_MODULE_PX + dy, black)
    return image


class JournalBox(QGroupBox):
    """The folder with Choose and Test, and the hub key (typed, generated or shown).

    ``check(folder)`` raises a coded error when the folder does not work (it runs on a
    worker thread); ``new_key()`` makes a passphrase. ``test_done`` is for tests: the
    sentence of the last test is in ``result``."""

    def __init__(
        self,
        folder: str,
        key: str,
        check: Callable[[Path], None],
        new_key: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Several tills: shared journal folder"))
        self.setObjectName("journalBox")
        self._check, self._new_key = check, new_key
        self._saved_key = key
        self.test_job: tasks.Job[None] | None = None
        self.folder = QLineEdit(folder)
        named(self.folder, "journalFolderInput", self.tr("Shared journal folder"))
        self.folder.setPlaceholderText(self.tr("e.g. a Syncthing folder"))
        self.choose = QPushButton(self.tr("Choose…"))
        named(self.choose, "journalFolderChoose", self.tr("Choose the shared journal folder"))
        self.test = QPushButton(self.tr("Test"))
        named(self.test, "journalFolderTest", self.tr("Test the shared journal folder"))
        self.result = QLabel()
        named(self.result, "journalTestResult", self.tr("Result of the folder test"))
        self.result.setWordWrap(True)
        self.key = QLineEdit(key)
        named(self.key, "journalKeyInput", self.tr("Hub key"))
        self.key.setPlaceholderText(self.tr("the key from another till"))
        self.key.setReadOnly(bool(key))  # set once: the same on every till of the hub
        self.key.setEchoMode(QLineEdit.EchoMode.Password if key else QLineEdit.EchoMode.Normal)
        self.make_key = QPushButton(self.tr("Make a new key"))
        named(self.make_key, "journalKeyNew", self.tr("Make a new hub key"))
        self.make_key.setVisible(not key)
        self.show_key = QPushButton(self.tr("Show the key"))
        named(self.show_key, "journalKeyShow", self.tr("Show the hub key and its QR code"))
        self.show_key.setVisible(bool(key))
        self.change_key = QPushButton(self.tr("Change…"))
        named(self.change_key, "journalKeyChange", self.tr("Change the hub key"))
        self.change_key.setVisible(bool(key))
        self.copy_key = QPushButton(self.tr("Copy"))
        named(self.copy_key, "journalKeyCopy", self.tr("Copy the hub key"))
        self.copy_key.setVisible(bool(key))
        self.qr = QLabel()
        named(self.qr, "journalKeyQr", self.tr("The hub key as a QR code"))
        self.qr.hide()
        self.key_error = error_label("journalKeyError")

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        folder_row.addWidget(self.test)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        for button in (self.make_key, self.show_key, self.change_key, self.copy_key):
            key_row.addWidget(button)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Folder")), 0, 0)
        grid.addLayout(folder_row, 0, 1)
        grid.addWidget(self.result, 1, 1)
        grid.addWidget(QLabel(self.tr("Hub key")), 2, 0)
        grid.addLayout(key_row, 2, 1)
        grid.addWidget(self.key_error, 3, 1)
        grid.addWidget(self.qr, 4, 1)
        grid.setColumnStretch(1, 1)
        note = QLabel(
            self.tr(
                "Tills that share a folder see each other's hand-overs, and a staff copy sees"
                " every till's day. Every till of the hub needs the same key: make it on one"
                " till, then type it (or scan the QR code) on the others. Leave both empty"
                " for a till on its own."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("QLabel { color: #4b5563; }")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        self.choose.clicked.connect(self.choose_folder)
        self.test.clicked.connect(self.run_test)
        self.make_key.clicked.connect(self.new_key)
        self.show_key.clicked.connect(self.reveal)
        self.copy_key.clicked.connect(self.copy)
        self.change_key.clicked.connect(self.unlock_key)

    # the folder ---------------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Shared journal folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)
            self.result.clear()

    def run_test(self) -> None:
        """Write, read back and remove a file in the folder, off the GUI thread."""
        text = self.folder.text().strip()
        if not text:
            self._tested(self.tr("Choose a folder first."), ok=False)
            return
        if self.test_job is not None:
            self.test_job.cancel()
        check, folder = self._check, Path(text)
        self.test.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Testing %1…").replace("%1", text))
        self.test_job = tasks.run(
            lambda: check(folder),
            on_result=lambda _none: self._tested(
                self.tr("The folder works: this till can write and read its journal there."),
                ok=True,
            ),
            on_error=lambda exc: self._tested(tasks.describe(exc), ok=False),
            owner=self,
            what="journal folder test",
        )

    def _tested(self, sentence: str, *, ok: bool) -> None:
        self.test_job = None
        self.test.setEnabled(True)
        self.result.setProperty("ok", ok)
        colour = "#166534" if ok else "#b91c1c"
        self.result.setStyleSheet(f"QLabel {{ color: {colour}; font-weight: bold; }}")
        self.result.setText(sentence)

    # the key ------------------------------------------------------------------------
    def new_key(self) -> None:
        self.key.setText(self._new_key())
        self.key_error.clear()
        self.reveal()

    def reveal(self) -> None:
        """Show the passphrase and its QR code, to copy to the other tills."""
        text = self.key.text().strip()
        if not text:
            return
        self.key.setEchoMode(QLineEdit.EchoMode.Normal)
        self.qr.setPixmap(QPixmap.fromImage(qr_image(text)))
        self.qr.show()
        self.copy_key.show()

    def unlock_key(self) -> None:
        """A key typed wrong on this till (its files are kept aside by the others): type it
        again. Changing it on one till means changing it on every till."""
        self.key.setReadOnly(False)
        self.key.setEchoMode(QLineEdit.EchoMode.Normal)
        self.make_key.show()
        self.change_key.hide()
        self.key_error.setText(
            self.tr(
                "Every till of the hub must use the same key: a till with another key cannot"
                " read this till's journal, nor this till theirs."
            )
        )
        self.key.setFocus()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key.text().strip())

    def values(self) -> tuple[str, str]:
        """(folder, key) as typed."""
        return self.folder.text().strip(), self.key.text().strip()
