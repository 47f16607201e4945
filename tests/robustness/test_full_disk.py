"""A full disk during a sale: one clear sentence, nothing half-written, the same confirm later."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from tests.helpers.till import counts, fill_disk, free_disk, message, scan


def assert_one_sentence(text: str) -> None:
    assert "full" in text and "nothing was saved" in text.lower()
    assert "Traceback" not in text and "sqlite3" not in text and "\n" not in text


def test_cash_payment_on_a_full_disk_then_after_space_is_freed(qtbot, window) -> None:
    window.services.till.open("Zoë", 0)
    number = window.services.store.scalar(
        "SELECT number FROM orders WHERE payment_state='balance_due' ORDER BY id LIMIT 1"
    )
    scan(qtbot, window, number)
    due = window.order_panel.order.total
    before = counts(window)
    fill_disk(window)
    amount = window.findChild(QLineEdit, "amountTendered")
    amount.setText(f"{(due + 500) / 100:.2f}")
    confirm = window.findChild(QPushButton, "confirmPaymentButton")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert_one_sentence(message(window))
    assert counts(window) == before
    assert window.draft is not None and window.order_panel.order.number == number
    assert amount.text() == f"{(due + 500) / 100:.2f}"
    free_disk(window)
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    after = counts(window)
    assert after["checkouts"] == before["checkouts"] + 1
    assert "T1-000001" in message(window)
    row = window.services.store.query("SELECT * FROM checkouts")[0]
    assert (row["amount_paid"], row["change_given"]) == (due, 500)
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert counts(window) == after


def test_walk_in_sale_on_a_full_disk_keeps_the_basket(qtbot, window) -> None:
    window.services.till.open("Søren", 0)
    qtbot.mouseClick(window.findChild(QPushButton, "walkInButton"), Qt.MouseButton.LeftButton)
    dialog = window.walk_in_dialog
    dialog.findChild(QLineEdit, "walkInSearch").setText(dialog.catalogue[0].product_name)
    qtbot.mouseClick(dialog.findChild(QPushButton, "walkInAddButton"), Qt.MouseButton.LeftButton)
    total = dialog.total
    before = counts(window)
    fill_disk(window)
    dialog.findChild(QLineEdit, "walkInTendered").setText(f"{(total + 1000) / 100:.2f}")
    confirm = dialog.findChild(QPushButton, "walkInConfirmButton")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert_one_sentence(dialog.findChild(QLabel, "walkInError").text())
    assert counts(window) == before
    assert dialog.isVisible() and dialog.total == total
    free_disk(window)
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert counts(window)["checkouts"] == before["checkouts"] + 1
    assert counts(window)["print_jobs"] == before["print_jobs"] + 1


def test_opening_the_till_on_a_full_disk(qtbot, window) -> None:
    qtbot.mouseClick(window.findChild(QPushButton, "tillSessionButton"), Qt.MouseButton.LeftButton)
    dialog = window.session_dialog
    dialog.findChild(QLineEdit, "volunteerName").setText("Niamh")
    dialog.findChild(QLineEdit, "floatAmount").setText("20")
    before = counts(window)
    fill_disk(window)
    button = dialog.findChild(QPushButton, "openSessionButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert_one_sentence(dialog.error.text())
    assert counts(window) == before and window.services.till.current() is None
    free_disk(window)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert counts(window)["till_sessions"] == before["till_sessions"] + 1


def till_dialog_counted(qtbot, window):
    window.services.till.open("Ewan", 1000)
    qtbot.mouseClick(window.findChild(QPushButton, "tillSessionButton"), Qt.MouseButton.LeftButton)
    dialog = window.till_dialog
    dialog.findChild(QLineEdit, "countedCash").setText("10")
    return dialog


def test_closing_the_till_on_a_full_disk(qtbot, window) -> None:
    dialog = till_dialog_counted(qtbot, window)
    before = counts(window)
    fill_disk(window)
    button = dialog.findChild(QPushButton, "closeSessionButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert_one_sentence(dialog.findChild(QLabel, "closeError").text())
    assert counts(window) == before and window.services.till.current() is not None
    free_disk(window)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.services.till.current() is None
    assert counts(window)["print_jobs"] == before["print_jobs"] + 1


def test_till_closed_but_z_report_not_queued_says_so(qtbot, window) -> None:
    """The disk fills between the close and its Z report: the close stands, and is told."""
    dialog = till_dialog_counted(qtbot, window)
    fill_disk(window, "print_jobs")
    qtbot.mouseClick(dialog.findChild(QPushButton, "closeSessionButton"), Qt.MouseButton.LeftButton)
    assert window.services.till.current() is None
    assert "nothing was saved" not in dialog.findChild(QLabel, "closeError").text()
    summary = dialog.findChild(QLabel, "tillSummary").text()
    assert "closed" in summary and "could not be queued" in summary


def test_receipt_not_queued_after_a_sale_says_so_and_reprint_explains(qtbot, window) -> None:
    window.services.till.open("Zoë", 0)
    number = window.services.store.scalar(
        "SELECT number FROM orders WHERE payment_state='paid' ORDER BY id LIMIT 1"
    )
    scan(qtbot, window, number)
    fill_disk(window, "print_jobs")
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key.Key_Return)
    assert counts(window)["checkouts"] == 1 and counts(window)["print_jobs"] == 0
    assert "T1-000001" in message(window) and "could not be queued" in message(window)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert_one_sentence(message(window))
    free_disk(window)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert counts(window)["print_jobs"] == 1
