"""Walk the till through the states a volunteer meets and measure what is on screen.

Used in-process by the GUI tests (1366×768, English) and as a child process on other
screens and languages:

    QT_QPA_PLATFORM=... FOODHUB_POS_LANG=fr python -m tests.helpers.fit_walk DB

prints one JSON list of measurements. Each measurement names the state, the top-level
widget (the main window or a dialog), its frame on the screen, the smallest size its
layout accepts, and whether the primary button is on screen.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from pos.ui.widgets import ShrinkingLabel

LONG_NOTE = (
    "Please leave the eggs out of the bag, my neighbour keeps hens now. I will bring back the"
    " three glass jars from last week and the cool bag. If I am late, my daughter Siobhán"
    " O'Briain will collect for me; she knows the code. Thank you for all you do!"
)

DIALOG_ACTIONS = (
    "walkInAction", "tillAction", "undoAction", "staffPinAction", "printListsAction",
    "reconcileAction", "hubSettingsAction", "aboutAction", "syncSettingsAction",
    "printerSettingsAction", "printQueueAction",
)  # fmt: skip


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
    QTest.qWait(20)


def scan(window: Any, code: str) -> None:
    field = window.findChild(QLineEdit, "scanInput")
    field.setFocus()
    QTest.keyClicks(field, code)
    QTest.keyClick(field, Qt.Key.Key_Return)
    settle()


def number(window: Any, where: str) -> str:
    lines = "(SELECT COUNT(*) FROM line_items l WHERE l.order_id = o.id)"
    sql = f"SELECT number FROM orders o WHERE {where.replace('LINES', lines)} ORDER BY id LIMIT 1"
    return str(window.services.store.scalar(sql))


def rect(widget: QWidget) -> list[int]:
    r = widget.frameGeometry()
    return [r.x(), r.y(), r.width(), r.height()]


def primary_on_screen(window: Any) -> bool | None:
    """Is the button that finishes the checkout visible and inside the window?"""
    if window.draft is None or window.order_panel.locked:
        return None
    inside = window.rect()
    for name in ("collectButton", "confirmPaymentButton"):
        button = window.findChild(QPushButton, name)
        if button is not None and button.isVisible():
            top_left = button.mapTo(window, QPoint(0, 0))
            if inside.contains(QRect(top_left, button.size())):
                return True
    return False


def truncated(top: QWidget) -> list[str]:
    """Visible texts cut short: button labels, one-line labels, placeholders, combo boxes."""
    cut = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top:
            continue
        metrics = widget.fontMetrics()
        if isinstance(widget, QPushButton):
            if widget.text() and widget.width() + 1 < widget.sizeHint().width():
                cut.append(widget.text())
        elif isinstance(widget, ShrinkingLabel):
            continue  # status texts may shrink; their tooltip holds all of it
        elif isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            text = widget.text()
            if "<" not in text and "\n" not in text:
                if metrics.horizontalAdvance(text) > widget.contentsRect().width() + 1:
                    cut.append(text)
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            room = widget.width() - 16
            if metrics.horizontalAdvance(widget.placeholderText()) > room:
                cut.append(widget.placeholderText())
        elif isinstance(widget, QComboBox) and widget.currentText():
            if widget.width() + 1 < widget.sizeHint().width():
                cut.append(widget.currentText())
    return cut


def measure(window: Any, state: str) -> Iterator[dict[str, Any]]:
    screen = window.screen().availableGeometry()
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible() or isinstance(widget, QMenu) or widget.inherits("QToolTip"):
            continue
        if widget.windowType() == Qt.WindowType.ToolTip:
            continue
        hint = widget.minimumSizeHint()
        yield {
            "state": state,
            "widget": widget.objectName() or type(widget).__name__,
            "main": widget is window,
            "frame": rect(widget),
            "minimum": [hint.width(), hint.height()],
            "screen": [screen.width(), screen.height()],
            "primary": primary_on_screen(window) if widget is window else None,
            "truncated": truncated(widget),
            "results_scrollbar": (
                window.results.horizontalHeader().length() > window.results.viewport().width() + 1
            )
            if widget is window
            else None,
        }


def close_dialogs(window: Any) -> None:
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible() and not isinstance(widget, QMenu):
            if isinstance(widget, QDialog):
                widget.reject()
            widget.close()
    settle()


def states(window: Any) -> Iterator[tuple[str, Callable[[], object]]]:
    """(name, step): each step puts the window in one state."""
    services = window.services

    def paid_note() -> None:
        paid = number(window, "payment_state='paid' AND LINES >= 4")
        oid = int(services.store.scalar("SELECT id FROM orders WHERE number = ?", (paid,)))
        with services.store.transaction() as db:  # the longest note a customer might write
            db.conn.execute("UPDATE orders SET special_instructions = ? WHERE id = ?",
                            (LONG_NOTE, oid))  # fmt: skip
        scan(window, str(services.store.scalar("SELECT number FROM orders WHERE id=?", (oid,))))

    def due() -> None:
        scan(window, number(window, "payment_state='balance_due' AND LINES BETWEEN 3 AND 6"))

    def fifteen() -> None:
        scan(window, number(window, "payment_state='balance_due' AND LINES >= 15"))

    def credit() -> None:
        scan(window, number(window, "payment_state='paid' AND LINES >= 15"))
        view = window.order_panel.items_view
        for row in range(3):
            view.selectRow(row)
            window.order_panel.line_action("missing")
        settle()

    def left_owing() -> None:
        if services.till.current() is None:
            services.till.open("Agnès", 5000)
            window.refresh_status()
        scan(window, number(window, "payment_state='balance_due' AND LINES BETWEEN 3 AND 6"
                                    " AND id NOT IN (SELECT order_id FROM checkouts"
                                    " WHERE order_id IS NOT NULL)"))  # fmt: skip
        amount = window.findChild(QLineEdit, "amountTendered")
        amount.setFocus()
        QTest.keyClicks(amount, "1")
        QTest.keyClick(amount, Qt.Key.Key_Return)
        settle()

    def after_checkout() -> None:
        close_dialogs(window)
        window.cancel_checkout()
        fresh = "id NOT IN (SELECT order_id FROM checkouts WHERE order_id IS NOT NULL)"
        scan(window, number(window, f"payment_state='balance_due' AND {fresh}"))
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F11)  # exact cash
        settle()

    def collected() -> None:
        sql = "SELECT o.number FROM checkouts c JOIN orders o ON o.id = c.order_id LIMIT 1"
        scan(window, str(services.store.scalar(sql)))

    yield "idle", lambda: None
    yield "several_matches", lambda: scan(window, "connor")
    yield "paid_with_long_note", paid_note
    yield "amount_due", due
    yield "fifteen_lines", fifteen
    yield "credit", credit
    yield "left_owing", left_owing
    yield "after_checkout", after_checkout
    yield "already_collected", collected


def walk(window: Any) -> list[dict[str, Any]]:
    """Every state, then every dialog opened from the main window, measured."""
    out: list[dict[str, Any]] = []
    for name, step in states(window):
        step()
        settle()
        out += measure(window, name)
    window.cancel_checkout()
    for action_name in DIALOG_ACTIONS:
        close_dialogs(window)
        action = window.findChild(QAction, action_name)
        if action is None:
            out.append({"state": action_name, "missing": True})
            continue
        action.trigger()
        settle()
        out += measure(window, action_name)
    close_dialogs(window)
    if window.services.till.current() is not None:  # the other till dialog: opening it
        till = window.services.till
        till.close(till.expected_cash(), closed_by="fit walk")
    window.open_till()
    settle()
    out += measure(window, "open_the_till")
    close_dialogs(window)
    return out


def main(argv: list[str]) -> int:
    from pos.app import create_window

    window = create_window(argv[0])
    window.show()
    settle()
    print(json.dumps(walk(window)))
    sys.stdout.flush()
    import os

    os._exit(0)  # no teardown of Qt objects in a throwaway process


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
