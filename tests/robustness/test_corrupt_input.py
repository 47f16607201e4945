"""Odd things typed or pasted at the till: refused inline or understood, never a crash."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from tests.helpers.till import counts, message, scan


@pytest.mark.parametrize(
    "pasted",
    [
        "R" * 10_000,
        "12\x00345\x1b[2J",
        "\t\r\n",
        "\u202eR123\u202c",
        "'; DROP TABLE orders; --",
        "%_%",
        "\ud800".encode("utf-16", "surrogatepass").decode("utf-16", "replace"),
    ],
)
def test_pasted_garbage_in_the_scan_field_is_refused_inline(qtbot, window, pasted: str) -> None:
    before = counts(window)
    field = window.findChild(QLineEdit, "scanInput")
    field.setFocus()
    QApplication.clipboard().setText(pasted)
    field.paste()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert len(message(window)) < 300 and "\x00" not in message(window)
    assert counts(window) == before
    # the till still works afterwards
    number = window.services.store.scalar("SELECT number FROM orders ORDER BY id LIMIT 1")
    field.clear()
    scan(qtbot, window, number)
    assert window.order_panel.order.number == number


def open_unpaid(qtbot, window) -> int:
    window.services.till.open("Zoë", 0)
    number = window.services.store.scalar(
        "SELECT number FROM orders WHERE payment_state='balance_due' ORDER BY id LIMIT 1"
    )
    scan(qtbot, window, number)
    return window.order_panel.order.total


def confirm(qtbot, window) -> None:
    button = window.findChild(QPushButton, "confirmPaymentButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("typed", ["1e3", "1E2", "½", "12.345", "1_000", "0x10", "NaN", "∞"])
def test_odd_amounts_are_refused_inline(qtbot, window, typed: str) -> None:
    open_unpaid(qtbot, window)
    amount = window.findChild(QLineEdit, "amountTendered")
    amount.setText(typed)
    confirm(qtbot, window)
    assert window.findChild(QLabel, "paymentError").text()
    assert counts(window)["checkouts"] == 0 and window.draft is not None


def test_minus_zero_is_zero_and_takes_nothing(qtbot, window) -> None:
    open_unpaid(qtbot, window)
    amount = window.findChild(QLineEdit, "amountTendered")
    amount.setText("-0")
    confirm(qtbot, window)
    assert counts(window)["payments"] == 0


def test_arabic_indic_digits_are_read_as_digits(qtbot, window) -> None:
    due = open_unpaid(qtbot, window)
    amount = window.findChild(QLineEdit, "amountTendered")
    amount.setText("٣٠٠")  # 300 in Arabic-Indic digits
    confirm(qtbot, window)
    row = window.services.store.query("SELECT * FROM checkouts")[0]
    assert row["amount_paid"] == due and row["change_given"] == 30000 - due
