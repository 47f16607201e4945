"""The main window as a volunteer first sees it: demo mark, order list, search, scan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView

from pos import __version__
from pos.store import Store


def find(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    assert widget.accessibleName(), f"{name} has no accessible name"
    return widget


def test_window_opens_on_the_demo_hub_marked_as_demo(window) -> None:
    assert "DEMO" in window.windowTitle()
    demo = find(window, QLabel, "demoLabel")
    assert demo.isVisible()
    results = find(window, QTableView, "resultsView")
    assert results.model().rowCount() == 180
    for name in ("syncStatusLabel", "printerStatusLabel"):
        find(window, QLabel, name)
    assert find(window, QLineEdit, "scanInput").hasFocus()


def test_typing_filters_live_with_accents_folded(window, qtbot) -> None:
    scan = find(window, QLineEdit, "scanInput")
    results = find(window, QTableView, "resultsView")
    qtbot.keyClicks(scan, "muller")
    model = results.model()
    assert 0 < model.rowCount() < 180
    assert "Müller" in model.index(0, 0).data()


def test_scanning_an_order_number_opens_it(window, qtbot, demo_db: Path) -> None:
    with Store.open(demo_db, lock=False) as store:
        number, name = store.query(
            "SELECT number, customer_name FROM orders WHERE special_instructions != '' LIMIT 1"
        )[0]
    scan = find(window, QLineEdit, "scanInput")
    qtbot.keyClicks(scan, number)
    qtbot.keyClick(scan, Qt.Key.Key_Return)
    panel = window.order_panel
    assert panel.order is not None and panel.order.number == number
    assert panel.customer.text() == name
    assert panel.instructions.isVisible()
    items = find(window, QTableView, "orderView")
    assert items.model().rowCount() == len(panel.order.line_items)
    assert scan.text() == ""  # ready for the next scan


def test_unknown_code_gives_an_inline_message_and_clears(window, qtbot) -> None:
    scan = find(window, QLineEdit, "scanInput")
    qtbot.keyClicks(scan, "R999999999")
    qtbot.keyClick(scan, Qt.Key.Key_Return)
    assert "R999999999" in window.message.text()
    assert scan.text() == ""
    assert window.order_panel.order is None


def test_about_shows_the_version(window, qtbot) -> None:
    dialog = window.show_about()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "aboutText").text()
    assert __version__ in text
    assert "foodhub-pos.log" in text
    dialog.close()
