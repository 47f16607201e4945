"""What hub staff see of encryption and backups: the recovery code, a damaged or locked database.

* :class:`RecoveryCodeDialog`: shown once, right after the hub's database was encrypted;
  the code can be printed (any printer the system has, or a PDF) and must be kept on paper.
* :func:`offer_restore`: a database that cannot be read at start gets one sentence and an
  offer to restore the latest good backup (the file it replaces is kept aside).
* :func:`ask_recovery_code`: an encrypted database whose key this computer does not have
  (moved from another computer) opens with the recovery code.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.errors import KnownError
from pos.services import vault
from pos.store import backup
from pos.ui import tasks
from pos.ui.widgets import error_label, named


class RecoveryCodeDialog(QDialog):
    """The recovery code, once: selectable, large, printable."""

    def __init__(self, code: str, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "recoveryCodeDialog", self.tr("Recovery code"))
        self.setWindowTitle(self.tr("Keep this recovery code"))
        self.code = code
        self.db_path = db_path
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The hub's database on this computer is now encrypted. Its key is kept in this"
                " computer's keyring. To open the database or its backups on another computer,"
                " you will need this recovery code. It is shown only now: print it or write it"
                " down, and keep it somewhere safe, away from the laptop."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code_label = QLabel(code)
        named(self.code_label, "recoveryCode", self.tr("Recovery code"))
        self.code_label.setFont(_code_font(18))
        self.code_label.setWordWrap(True)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setStyleSheet(CODE_BOX)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.code_label)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("Print…"))
        named(self.print_button, "printRecoveryCode", self.tr("Print the recovery code"))
        self.print_button.clicked.connect(self._print)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        done = buttons.addButton(self.tr("I have kept it"), QDialogButtonBox.ButtonRole.AcceptRole)
        named(done, "recoveryCodeKept", self.tr("I have kept the recovery code"))
        # Enter prints: a reflex Enter must not dismiss a code that is never shown again.
        done.setAutoDefault(False)
        self.print_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def document(self) -> QTextDocument:
        """The printed page: what it is, for which file, the code."""
        doc = QTextDocument()
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        title = self.tr("Food Hub POS: database recovery code")
        what = self.tr("Database: %1").replace("%1", self.db_path.name)
        made = self.tr("Encrypted on: %1").replace("%1", when)
        doc.setHtml(
            f"<h2>{_html(title)}</h2><p>{_html(what)}<br>{_html(made)}</p>"
            f"<p style='font-family: monospace; font-size: 18pt'><b>{_html(self.code)}</b></p>"
        )
        return doc

    def print_to(self, printer: QPrinter) -> None:
        self.document().print_(printer)

    def _print(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)


CODE_BOX = "QLabel { border: 2px solid #1f2937; background: white; padding: 10px; }"


def _code_font(points: int) -> QFont:
    """A fixed-width bold font: 0 and O, 1 and I stay apart when copied onto paper."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(font.pointSize(), points))
    font.setWeight(QFont.Weight.Bold)
    return font


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def no_keyring_message(parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    named(box, "noKeyringNotice", QApplication.translate("vault", "Database not encrypted"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QApplication.translate("vault", "Database not encrypted"))
    box.setText(
        QApplication.translate(
            "vault",
            "This computer has no keyring to keep a key in, so the hub's database stays"
            " unencrypted here: keep the laptop locked and with you.",
        )
    )
    return box


def offer_restore(db_path: Path, sentence: str) -> bool:
    """Offer the latest good backup for a database that cannot be read; True once restored."""
    found = backup.latest_good(db_path)
    box = QMessageBox()
    named(
        box, "damagedDatabaseDialog", QApplication.translate("vault", "The database cannot be read")
    )
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("vault", "The database cannot be read"))
    restore_button = None
    if found is None:
        box.setText(
            sentence
            + "\n\n"
            + QApplication.translate("vault", "There is no backup of it to restore.")
        )
        box.addButton(QMessageBox.StandardButton.Close)
    else:
        when = datetime.fromtimestamp(found.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        box.setText(
            sentence
            + "\n\n"
            + QApplication.translate(
                "vault",
                "The latest good backup is from %1. Restore it? The damaged file is kept aside.",
            ).replace("%1", when)
        )
        restore_button = box.addButton(
            QApplication.translate("vault", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole
        )
        named(
            restore_button,
            "restoreBackupButton",
            QApplication.translate("vault", "Restore the backup"),
        )
        box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore_button is None or box.clickedButton() is not restore_button or found is None:
        return False
    try:
        backup.restore(db_path, found)
    except KnownError as exc:
        QMessageBox.critical(
            None, QApplication.translate("vault", "Restore failed"), tasks.describe(exc)
        )
        return False
    return True


class RecoveryCodeEntry(QDialog):
    """Type the recovery code to open an encrypted database on this computer."""

    def __init__(self, db_path: Path, sentence: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "recoveryCodeEntry", self.tr("Enter the recovery code"))
        self.setWindowTitle(self.tr("Enter the recovery code"))
        self.db_path = db_path
        layout = QVBoxLayout(self)
        text = QLabel(sentence)
        text.setWordWrap(True)
        layout.addWidget(text)
        where = QLabel(
            self.tr(
                "Type the recovery code printed or written down when this database was"
                " encrypted (hub staff keep it):"
            )
        )
        where.setWordWrap(True)
        layout.addWidget(where)
        self.code = QLineEdit()
        named(self.code, "recoveryCodeInput", self.tr("Recovery code"))
        self.code.setPlaceholderText("ABCD-EFGH-…")
        self.code.setFont(_code_font(12))
        where.setBuddy(self.code)
        layout.addWidget(self.code)
        self.error = error_label("recoveryCodeError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Open the database"))
        named(ok, "recoveryCodeOpen", self.tr("Open the database"))
        # Room for the whole code in the field (14 groups of four), as on the paper.
        self.code.setMinimumWidth(self.code.fontMetrics().horizontalAdvance("ABCD-" * 14) + 12)
        buttons.accepted.connect(self.try_code)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_code(self) -> None:
        try:
            vault.unlock(self.db_path, self.code.text())
        except KnownError as exc:
            self.error.setText(tasks.describe(exc))
            return
        self.accept()


def ask_recovery_code(db_path: Path, sentence: str) -> bool:
    return RecoveryCodeEntry(db_path, sentence).exec() == QDialog.DialogCode.Accepted
