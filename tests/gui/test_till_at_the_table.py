"""The till at the folding table: scans always land, lines from the keyboard, search by
name, the order list, the text size, French, and everything fits a 1366×768 laptop.

Driven through the object names like a volunteer with a keyboard-wedge scanner would
(keys go to whatever has the focus), checking what was stored, not only the widgets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from tests.helpers.screen import LAPTOP, SMALL, TITLE_AND_TASK_BARS, offscreen_platform

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def find(window: QWidget, cls: type, name: str):
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def wedge(text: str, *, enter: bool = True) -> None:
    """Type like a keyboard-wedge scanner: every key to whatever has the focus, then Enter."""
    for char in text:
        QTest.keyClick(focused(), char)
    if enter:
        QTest.keyClick(focused(), Qt.Key.Key_Return)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def order(window, where: str, offset: int = 0) -> tuple[int, str]:
    lines = "(SELECT COUNT(*) FROM line_items l WHERE l.order_id = o.id)"
    row = window.services.store.query(
        f"SELECT id, number FROM orders o WHERE {where.replace('LINES', lines)}"
        " ORDER BY id LIMIT 1 OFFSET ?",
        (offset,),
    )[0]
    return int(row["id"]), str(row["number"])


def collected_orders(window) -> list[int]:
    rows = window.services.store.query("SELECT order_id FROM checkouts ORDER BY created_at")
    return [int(r["order_id"]) for r in rows]


def open_till(window) -> None:
    window.services.till.open("Agnès", 5000)
    window.refresh_status()


# 4. whatever has the focus, a scan goes through the scan field ---------------------------
def test_a_scan_with_the_cursor_in_the_list_opens_the_scanned_bag(qtbot, window) -> None:
    open_till(window)  # a shift has started (hand-overs know who is at the till)
    highlighted, _ = order(window, "payment_state='paid'")
    scanned, number = order(window, "payment_state='paid'", offset=5)
    results = find(window, QTableView, "resultsView")
    row = next(r for r in range(window.model.rowCount()) if window.model.row(r).id == highlighted)
    results.setFocus()
    results.selectRow(row)
    assert results.hasFocus()
    wedge(number)
    assert window.order_panel.order.id == scanned
    QTest.keyClick(focused(), Qt.Key.Key_F12)  # hand over
    assert collected_orders(window) == [scanned]  # the scanned bag, never the highlighted one


def test_typed_letters_in_the_list_go_to_the_scan_field(qtbot, window) -> None:
    results = find(window, QTableView, "resultsView")
    results.setFocus()
    results.selectRow(3)
    wedge("mul", enter=False)
    scan = find(window, QLineEdit, "scanInput")
    assert scan.hasFocus() and scan.text() == "mul"
    assert 0 < window.model.rowCount() < 180
    assert all("mul" in window.model.row(r).customer_name.lower().replace("ü", "u")
               for r in range(window.model.rowCount()))  # fmt: skip


def test_a_scan_on_the_lines_never_changes_a_line(qtbot, window) -> None:
    """Order numbers start with R (reset a line), codes may start with M or W: a line key
    followed at scanner speed by more text is taken back and the whole code is scanned."""
    order_id, number = order(window, "payment_state='balance_due' AND LINES >= 3")
    open_till(window)
    wedge(number)
    scan = find(window, QLineEdit, "scanInput")
    scan.setFocus()
    QTest.keyClick(scan, Qt.Key.Key_Down)  # into the lines
    view = find(window, QTableView, "orderView")
    assert view.hasFocus() and view.currentIndex().row() == 0
    QTest.keyClick(view, Qt.Key.Key_M)  # a person: the first line is missing
    first = window.order_panel.order.line_items[0].id
    assert window.draft.edits == {first: (0, None)}
    QTest.qWait(200)
    wedge(number)  # the same bag scanned again with the cursor on the missing line
    assert window.draft.edits == {first: (0, None)}  # "R" did not reset it
    assert window.order_panel.order.id == order_id
    other_id, other = order(window, "payment_state='paid'", offset=2)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    wedge(other)  # another bag, from the lines again
    assert window.order_panel.order.id == other_id
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert collected_orders(window) == [other_id]


def test_a_scan_on_the_pickup_filter_or_a_button_opens_the_bag(qtbot, window) -> None:
    pickup = find(window, QComboBox, "pickupFilter")
    before = pickup.currentIndex()
    for focus, offset in ((pickup, 1), (find(window, QPushButton, "walkInButton"), 2)):
        order_id, number = order(window, "payment_state='paid'", offset=offset)
        focus.setFocus()
        wedge(number)
        assert window.order_panel.order.id == order_id
        assert pickup.currentIndex() == before
        window.cancel_checkout()


# 11. lines from the keyboard ---------------------------------------------------------------
def test_lines_from_the_keyboard_and_back(qtbot, window) -> None:
    order_id, number = order(
        window,
        "payment_state='balance_due' AND LINES >= 3 AND EXISTS (SELECT 1 FROM line_items l"
        " WHERE l.order_id = o.id AND l.position > 0 AND l.quantity >= 2)",
    )
    open_till(window)
    wedge(number)
    panel = window.order_panel
    for name, key in (("missingButton", "(M)"), ("lessButton", "(−)"), ("moreButton", "(+)"),
                      ("resetLineButton", "(R)")):  # fmt: skip
        assert key in find(window, QPushButton, name).text()
    assert "(W)" in find(window, QLineEdit, "finalWeightInput").placeholderText()
    assert "↓" in find(window, QLabel, "linesHint").text()
    scan = find(window, QLineEdit, "scanInput")
    scan.setFocus()
    QTest.keyClick(scan, Qt.Key.Key_M)  # in the scan field, M is a letter of a name
    assert scan.text() == "m" and not window.draft.edits
    scan.clear()
    window.open_order(order_id)  # the list replaced nothing: same draft, same order
    amount = find(window, QLineEdit, "amountTendered")
    assert amount.hasFocus()  # something is owed: the cursor waits for the money
    view = find(window, QTableView, "orderView")
    items = panel.order.line_items
    twice = next(i for i, item in enumerate(items) if i > 0 and item.quantity >= 2)
    QTest.keyClick(amount, Qt.Key.Key_Down)  # nothing typed yet: ↓ goes into the lines
    assert view.hasFocus()
    QTest.keyClick(view, Qt.Key.Key_M)  # first line missing
    QTest.qWait(200)
    for _ in range(twice):
        QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Minus)  # one fewer of a line ordered twice or more
    QTest.qWait(200)
    for _ in range(twice):
        QTest.keyClick(view, Qt.Key.Key_Up)
    assert view.currentIndex().row() == 0
    QTest.keyClick(view, Qt.Key.Key_Up)  # and back to the amount
    assert amount.hasFocus()
    QTest.keyClick(amount, Qt.Key.Key_F11)  # exact cash
    stored = {
        row["line_item_id"]: (row["status"], row["quantity"])
        for row in window.services.store.query("SELECT * FROM checkout_lines")
    }
    assert stored[items[0].id] == ("missing", 0)
    assert stored[items[twice].id] == ("short", items[twice].quantity - 1)
    assert collected_orders(window) == [order_id]


# 14. search by name --------------------------------------------------------------------------
def test_enter_with_several_matches_chooses_with_arrows(qtbot, window) -> None:
    open_till(window)
    scan = find(window, QLineEdit, "scanInput")
    scan.setFocus()
    wedge("connor")
    assert window.model.rowCount() > 2
    results = find(window, QTableView, "resultsView")
    assert results.currentIndex().row() == 0
    assert scan.hasFocus()  # the cursor stays where the next scan goes
    message = find(window, QLabel, "scanMessage").text()
    assert "↓" in message and "Enter" in message
    paid = next(
        r for r in range(1, window.model.rowCount())
        if window.model.row(r).outstanding <= 0 and not window.model.row(r).is_collected
    )  # fmt: skip
    chosen = window.model.row(paid).id
    for _ in range(paid):
        QTest.keyClick(scan, Qt.Key.Key_Down)
    assert results.currentIndex().row() == paid and scan.hasFocus()
    QTest.keyClick(scan, Qt.Key.Key_Return)  # opens the chosen order
    assert window.order_panel.order.id == chosen
    QTest.keyClick(focused(), Qt.Key.Key_Return)  # paid: Enter hands it over
    assert collected_orders(window) == [chosen]


def test_a_name_typed_without_its_apostrophe_is_found(qtbot, window) -> None:
    import dataclasses

    from pos.store.orders import OrderRepository

    order_id, _ = order(window, "payment_state='paid'", offset=7)
    repo = OrderRepository(window.services.store)
    renamed = dataclasses.replace(
        repo.get(order_id), customer_name="Siobhán O'Briain",
        customer_sort_name="O'Briain, Siobhán",
    )  # fmt: skip
    with window.services.store.transaction():
        repo.save_orders([renamed])
    scan = find(window, QLineEdit, "scanInput")
    scan.setFocus()
    wedge("siobhanobriain", enter=False)
    assert window.model.rowCount() >= 1
    assert window.model.row(0).id == order_id
    QTest.keyClick(scan, Qt.Key.Key_Return)
    assert window.order_panel.order.id == order_id


# 10. the order list ----------------------------------------------------------------------
def test_order_list_shows_name_status_and_due_first(qtbot, window) -> None:
    model = window.model
    assert model.COLUMNS[:3] == ("customer", "status", "due")
    base = QApplication.font().pointSizeF()
    status_col, due_col = model.COLUMNS.index("status"), model.COLUMNS.index("due")
    seen = set()
    for r in range(model.rowCount()):
        row = model.row(r)
        status = model.index(r, status_col).data()
        due = model.index(r, due_col).data()
        seen.add(status)
        if row.state == "canceled":
            assert status == "Cancelled" and not due  # nothing to take for a cancelled order
        elif row.outstanding > 0 and not row.is_collected:
            assert status == "To pay" and due
        assert model.index(r, status_col).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert {"Paid", "To pay", "Cancelled"} <= seen
    name_font = model.index(0, 0).data(Qt.ItemDataRole.FontRole)
    detail_font = model.index(0, model.COLUMNS.index("order")).data(Qt.ItemDataRole.FontRole)
    assert name_font.pointSizeF() > base > detail_font.pointSizeF()
    results = find(window, QTableView, "resultsView")
    assert results.horizontalHeader().length() <= results.viewport().width() + 1
    names = results.fontMetrics()  # full names: the name column holds the longest one
    longest = max(
        (model.row(r).customer_name for r in range(model.rowCount())),
        key=names.horizontalAdvance,
    )  # fmt: skip
    from PySide6.QtGui import QFontMetrics

    assert QFontMetrics(name_font).horizontalAdvance(longest) < results.columnWidth(0)


# 16. one text size that everything follows -------------------------------------------------
def test_text_size_setting_rebuilds_the_window_in_the_new_size(qtbot, window) -> None:
    from pos import app, config
    from pos.ui import text_size

    assert QApplication.font().pointSize() == text_size.SIZES["normal"] > 9
    normal_scan = find(window, QLineEdit, "scanInput").font().pointSizeF()
    normal_button = find(window, QPushButton, "walkInButton").fontInfo().pointSizeF()
    busy_id, busy = order(window, "payment_state='balance_due'")
    wedge(busy)
    QTest.keyClick(find(window, QTableView, "orderView"), Qt.Key.Key_M)
    find(window, QAction, "textSize_larger").trigger()  # refused mid-checkout: nothing lost
    assert "Esc" in find(window, QLabel, "scanMessage").text()
    assert window.draft is not None and window.draft.edits
    window.cancel_checkout()
    find(window, QAction, "textSize_larger").trigger()
    new = app._windows[-1]
    qtbot.addWidget(new)
    try:
        assert new is not window and new.isVisible()
        assert config.load()["text_size"] == "larger"
        assert QApplication.font().pointSize() == text_size.SIZES["larger"]
        assert find(new, QLineEdit, "scanInput").font().pointSizeF() > normal_scan
        assert find(new, QPushButton, "walkInButton").fontInfo().pointSizeF() > normal_button
        assert find(new, QAction, "textSize_larger").isChecked()
        # the rebuilt window works on the same database
        open_till(new)
        order_id, number = order(new, "payment_state='paid'")
        new_scan = find(new, QLineEdit, "scanInput")
        QTest.keyClicks(new_scan, number)
        QTest.keyClick(new_scan, Qt.Key.Key_Return)
        QTest.keyClick(new_scan, Qt.Key.Key_Return)
        assert collected_orders(new) == [order_id]
        assert busy_id not in collected_orders(new)
    finally:
        text_size.apply(QApplication.instance(), "normal")
        new.close()


# 17. French ---------------------------------------------------------------------------------
def test_french_methods_z_report_and_undo_words(qtbot, demo_db: Path, monkeypatch) -> None:
    from pos.app import create_window

    monkeypatch.setenv("FOODHUB_POS_LANG", "fr")
    window = create_window(demo_db)
    qtbot.addWidget(window)
    window.show()
    try:
        labels = [m.label for m in window.payment_panel.methods]
        assert labels[:2] == ["Espèces", "Carte (TPE)"]
        undo = find(window, QPushButton, "undoButton").text()
        assert not undo.startswith("Annuler")  # "Annuler" is Cancel in every dialog
        window.services.till.open("Zoë", 2000)
        window.refresh_status()
        dialog = window.open_till()
        from pos.ui.till_dialogs import z_report_text

        report = z_report_text(dialog, window.services.till.z_report(), "fr", "Europe/London")
        assert "Espèces attendues" in report and "Fond de caisse" in report
        assert "Expected" not in report and "Float" not in report
        dialog.reject()
        chilled = window.order_panel.items_model.headerData(
            window.order_panel.items_model.COLUMNS.index("chilled"),
            Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole,
        )  # fmt: skip
        assert chilled == "Réfrigéré"  # "Frais" means fees on the same screen
    finally:
        for translator in window.translators:
            QCoreApplication.removeTranslator(translator)
        window.close()


# 9. it fits ---------------------------------------------------------------------------------
def problems(measured: list[dict], *, margin: int = TITLE_AND_TASK_BARS) -> list[str]:
    """Everything that does not fit, in one readable list."""
    found = []
    for m in measured:
        if m.get("missing"):
            found.append(f"{m['state']}: action not found")
            continue
        where = f"{m['state']} / {m['widget']}"
        width, height = m["screen"]
        x, y, w, h = m["frame"]
        if x < 0 or y < 0 or x + w > width or y + h > height:
            found.append(f"{where}: {m['frame']} leaves the {width}×{height} screen")
        if m["minimum"][0] > width or m["minimum"][1] > height - margin:
            found.append(
                f"{where}: needs at least {m['minimum']}, usable {width}×{height - margin}"
            )
        if not m["main"] and h > height - margin:
            found.append(f"{where}: {h} px tall, usable {height - margin}")
        if m["primary"] is False:
            found.append(f"{where}: the primary button is off screen")
        if m["results_scrollbar"]:
            found.append(f"{where}: the order list scrolls sideways")
        if m["truncated"]:
            found.append(f"{where}: cut short: {m['truncated']}")
    return found


def test_everything_fits_1366x768_in_english(qtbot, window) -> None:
    from tests.helpers.fit_walk import walk

    screen = window.screen().availableGeometry()
    assert (screen.width(), screen.height()) == LAPTOP
    measured = walk(window)
    states = {m["state"] for m in measured}
    assert {"credit", "left_owing", "fifteen_lines", "paid_with_long_note", "walkInAction",
            "tillAction", "undoAction", "open_the_till"} <= states  # fmt: skip
    assert problems(measured) == []


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "size"), [("fr", LAPTOP), ("en", SMALL), ("fr", SMALL)], ids=str)
def test_everything_fits_other_screens_and_french(
    demo_db: Path, isolated_dirs: Path, lang: str, size: tuple[int, int]
) -> None:
    env = dict(os.environ, FOODHUB_POS_LANG=lang, QT_QPA_PLATFORM=offscreen_platform(*size))
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.fit_walk", str(demo_db)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    assert {m["screen"][0] for m in measured if "screen" in m} == {size[0]}
    assert problems(measured) == []
