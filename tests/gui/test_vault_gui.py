"""Issue 15 points 4 and 6 in the window: the recovery code shown once and printable; a
really corrupted database at start offers the latest good backup; a database from another
computer opens with its recovery code."""

from __future__ import annotations

import argparse
import os
import sqlite3
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QPushButton

from pos import app, keys
from pos.domain import settings as s
from pos.services import vault
from pos.store import Store, backup
from pos.ui.vault_dialogs import RecoveryCodeDialog
from tests.helpers.keyring_file import FileKeyring, file_keyring

__all__ = ["file_keyring"]


def real_hub(db: Path) -> Path:
    """The demo hub turned into a "real" one (encryption is for real hubs)."""
    with Store.open(db) as store:
        store.settings.set(s.DEMO, False)
        with store.transaction():
            store.db.conn.execute("UPDATE hub SET is_demo = 0")
    return db


def args_for(db: Path) -> argparse.Namespace:
    return argparse.Namespace(db=str(db), printer=None)


def when_modal(act) -> None:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` on the modal dialog once it is up (exec() blocks the test)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, poll)
            return
        act(dialog)

    QTimer.singleShot(50, poll)


def test_a_real_hub_opens_encrypted_and_shows_its_code_once(
    qtbot, file_keyring: FileKeyring, demo_db: Path, tmp_path: Path
) -> None:
    real_hub(demo_db)
    window = app.create_window(demo_db)
    qtbot.addWidget(window)
    notice = window.vault_notice
    assert notice is not None and notice.kind == "encrypted"
    assert window.services.store.encrypted
    assert window.services.orders.hub() is not None  # the window works on the encrypted file
    dialog = RecoveryCodeDialog(notice.recovery_code, demo_db, window)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPushButton, "printRecoveryCode") is not None
    pdf = tmp_path / "code.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(pdf))
    dialog.print_to(printer)
    text = PdfReader(pdf).pages[0].extract_text()
    assert notice.recovery_code in "".join(text.split())  # wrapped on paper at a hyphen
    assert keys.key_from_code(notice.recovery_code)  # what staff keep is a valid code
    # until staff confirm they keep it, each start shows it again (from the keyring's key)
    assert vault.pending_recovery_code(window.services.store) == notice.recovery_code
    when_modal(lambda shown: shown.findChild(QPushButton, "recoveryCodeKept").click())
    app._after_show(window)  # no staff PIN set: shown at once
    assert vault.pending_recovery_code(window.services.store) is None
    window.close()
    again = app.create_window(demo_db)
    qtbot.addWidget(again)
    assert again.vault_notice is None and vault.pending_recovery_code(again.services.store) is None
    again.close()


def test_a_corrupted_database_at_start_offers_the_latest_good_backup(qtbot, demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        orders = store.scalar("SELECT count(*) FROM orders")
        backup.make_backup(store)
    with open(demo_db, "r+b") as fh:  # the schema page and some data pages destroyed
        fh.seek(100)
        fh.write(os.urandom(3900))
        fh.seek(4096 * 3)
        fh.write(os.urandom(4096 * 4))
    seen: list[str] = []

    def restore(dialog: QMessageBox) -> None:
        seen.append(dialog.objectName())
        seen.append(dialog.text())
        button = dialog.findChild(QPushButton, "restoreBackupButton")
        assert button is not None
        button.click()

    when_modal(restore)
    window = app._open_first_window(args_for(demo_db))
    assert window is not None
    qtbot.addWidget(window)
    assert seen[0] == "damagedDatabaseDialog"
    assert "damaged" in seen[1] and "Traceback" not in seen[1]
    assert window.services.store.scalar("SELECT count(*) FROM orders") == orders
    window.close()


def test_declining_the_restore_leaves_the_file_and_quits_cleanly(qtbot, demo_db: Path) -> None:
    with open(demo_db, "r+b") as fh:
        fh.seek(100)
        fh.write(os.urandom(3900))
    damaged = demo_db.read_bytes()
    when_modal(lambda dialog: dialog.reject())
    assert app._open_first_window(args_for(demo_db)) is None
    assert demo_db.read_bytes() == damaged


def test_an_encrypted_hub_from_another_computer_opens_with_the_code(
    qtbot, file_keyring: FileKeyring, demo_db: Path, tmp_path: Path
) -> None:
    import keyring

    with Store.open(real_hub(demo_db)) as store:
        code = vault.encrypt(store)
    keyring.set_keyring(FileKeyring(tmp_path / "other-computer.json"))
    with sqlite3.connect(tmp_path / "x.sqlite"):
        pass  # the plain driver still works beside SQLCipher's

    def type_code(dialog: QDialog) -> None:
        assert dialog.objectName() == "recoveryCodeEntry"
        field = dialog.findChild(QLineEdit, "recoveryCodeInput")
        assert field is not None
        field.setText("AAAA-" + code[5:])  # a typo first: said, and the dialog stays
        dialog.try_code()  # type: ignore[attr-defined]
        assert dialog.isVisible() and "not right" in dialog.error.text()  # type: ignore[attr-defined]
        field.setText(code)
        dialog.try_code()  # type: ignore[attr-defined]

    when_modal(type_code)
    window = app._open_first_window(args_for(demo_db))
    assert window is not None
    qtbot.addWidget(window)
    assert window.services.store.encrypted
    window.close()


def test_closing_the_till_leaves_a_backup_with_the_days_books(qtbot, window) -> None:
    from pos.ui.till_dialogs import TillDialog

    services = window.services
    services.till.open("Ann", 5000)
    dialog = TillDialog(services.till, "en_GB", "Europe/London", window)
    qtbot.addWidget(dialog)
    dialog._close(services.till.expected_cash())
    assert dialog.report is not None
    db = services.store.path

    def closed_session_backed_up() -> bool:
        kept = backup.backups_of(db)
        if not kept:
            return False
        with sqlite3.connect(kept[0]) as conn:
            row = conn.execute("SELECT count(*) FROM till_sessions WHERE closed_at IS NOT NULL")
            found = row.fetchone()[0] == 1
        conn.close()
        return bool(found)

    qtbot.waitUntil(closed_session_backed_up, timeout=30_000)


def test_with_a_staff_pin_the_code_waits_behind_it(
    qtbot, file_keyring: FileKeyring, demo_db: Path
) -> None:
    window = app.create_window(real_hub(demo_db))
    qtbot.addWidget(window)
    window.services.roles.set_pin("4321")
    app._after_show(window)
    gate = window.gate.dialog
    assert gate.isVisible() and window.findChild(RecoveryCodeDialog) is None
    gate.reject()  # a volunteer cannot see it; it stays pending for staff
    assert vault.pending_recovery_code(window.services.store) is not None
    window.close()


def test_enter_on_the_recovery_code_prints_it_instead_of_dismissing_it(
    qtbot, demo_db: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The code is never shown again once kept: a reflex Enter opens the print dialog."""
    from PySide6.QtCore import Qt

    from pos.ui import vault_dialogs

    asked: list[QPrinter] = []

    class NoPrinter:
        def __init__(self, printer: QPrinter, parent: object) -> None:
            asked.append(printer)

        def exec(self) -> int:
            return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(vault_dialogs, "QPrintDialog", NoPrinter)
    dialog = RecoveryCodeDialog(keys.recovery_code(bytes(range(32))), demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert len(asked) == 1 and dialog.isVisible() and dialog.result() == 0
    dialog.findChild(QPushButton, "recoveryCodeKept").click()
    assert dialog.result() == QDialog.DialogCode.Accepted.value


def test_before_any_database_the_dialogs_speak_the_computers_language(
    qtbot, demo_db: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """No database open, so no language setting: the restore offer is in the language the
    window would use (FOODHUB_POS_LANG here), and no translator is left installed after it."""
    from PySide6.QtCore import QCoreApplication

    monkeypatch.setenv("FOODHUB_POS_LANG", "fr")
    with Store.open(demo_db) as store:
        backup.make_backup(store)
    with open(demo_db, "r+b") as fh:
        fh.seek(100)
        fh.write(os.urandom(3900))
    seen: list[str] = []

    def decline(dialog: QMessageBox) -> None:
        seen.append(dialog.text())
        seen.append(dialog.findChild(QPushButton, "restoreBackupButton").text())
        dialog.reject()

    when_modal(decline)
    assert app._open_first_window(args_for(demo_db)) is None
    assert "La dernière sauvegarde intacte date du" in seen[0]
    assert seen[1] == "Restaurer la sauvegarde"
    assert QCoreApplication.translate("vault", "Restore the backup") == "Restore the backup"
