"""Every menu action on a database that refuses writes: an inline sentence, never a crash box."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
)

from tests.helpers.till import counts, fill_disk, scan

SKIP = {"", "_q_qlineeditclearaction"}


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            assert widget.objectName() != "crashDialog", widget.findChild(QLineEdit)
            widget.reject()


@pytest.mark.parametrize("failure", ["read_only", "full"])
def test_every_action_when_writes_fail(qtbot, window, failure: str) -> None:
    services = window.services
    services.till.open("Zoë", 1000)
    number = services.store.scalar(
        "SELECT number FROM orders WHERE payment_state='paid' ORDER BY id LIMIT 1"
    )
    scan(qtbot, window, number)
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key.Key_Return)
    assert counts(window)["checkouts"] == 1
    scan(qtbot, window, number)
    before = counts(window)
    conn = services.store.db.conn
    if failure == "read_only":
        conn.execute("PRAGMA query_only = ON")
    else:
        for table in ("audit_log", "print_jobs", "settings", "outbox"):
            fill_disk(window, table)
    actions = [
        a for a in window.findChildren(QAction)
        if a.objectName() not in SKIP
        and not a.objectName().startswith("textSize_")  # rebuilds the window: own test
    ]  # fmt: skip
    assert len(actions) > 10
    for action in actions:
        if action.isEnabled():
            action.trigger()
            qtbot.wait(10)
            close_dialogs()
    # the pickup-point filter remembers its choice in the database
    pickup = window.pickup_filter
    pickup.setCurrentIndex((pickup.currentIndex() + 1) % pickup.count())
    assert window.findChild(QLabel, "scanMessage").text()
    assert counts(window) == before


def test_print_queue_and_printer_settings_when_writes_fail(qtbot, window) -> None:
    services = window.services
    services.till.open("Zoë", 0)
    number = services.store.scalar(
        "SELECT number FROM orders WHERE payment_state='paid' ORDER BY id LIMIT 1"
    )
    scan(qtbot, window, number)
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key.Key_Return)
    window.printing.stop()  # keep the job where the test puts it
    with services.store.transaction():
        services.store.db.conn.execute("UPDATE print_jobs SET status = 'failed'")
    services.store.db.conn.execute("PRAGMA query_only = ON")
    window.findChild(QAction, "retryPrintingAction").trigger()
    assert "Cannot write" in window.findChild(QLabel, "scanMessage").text()
    queue = window.printing.open_queue()
    jobs = queue.findChild(QTableWidget, "printJobList")
    jobs.setCurrentCell(0, 0)
    for name in ("retryJobButton", "cancelJobButton"):
        qtbot.mouseClick(queue.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
        assert "Cannot write" in queue.findChild(QLabel, "printQueueMessage").text()
    queue.reject()
    settings = window.printing.open_settings()
    buttons = settings.findChild(QDialogButtonBox, "printerSettingsButtons")
    qtbot.mouseClick(
        buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert settings.isVisible()
    assert "Cannot write" in settings.findChild(QLabel, "printerTestResult").text()
    settings.reject()
    assert services.store.scalar("SELECT COUNT(*) FROM print_jobs WHERE status='failed'") == 1


def test_lists_are_made_even_when_the_database_refuses_writes(qtbot, window, tmp_path) -> None:
    window.findChild(QAction, "printListsAction").trigger()
    dialog = window.findChild(QDialog, "listsDialog")
    dialog.kind.setCurrentIndex(dialog.kind.findData("sheet"))
    dialog.pickup.setCurrentIndex(dialog.pickup.findData(63))
    dialog.folder.setText(str(tmp_path / "lists"))
    window.services.store.db.conn.execute("PRAGMA query_only = ON")
    with qtbot.waitSignal(dialog.generated, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    (written,) = blocker.args[0]
    assert Path(written).read_bytes()[:4] == b"%PDF"
