"""The checkout screen driven like a volunteer would, through the stable object names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QWidget

from pos.domain.payment_methods import Method, PaymentMethods
from pos.domain.settings import CLOSE_DIFFERENCE_LIMIT, PAYMENT_METHODS
from tests.helpers.stored import rows
from tests.helpers.till import count, find, give_shift_name, order_number, scan


def open_session_in(qtbot, dialog, name: str = "Zoë", float_text: str = "50") -> None:
    find(dialog, QLineEdit, "volunteerName").setText(name)
    find(dialog, QLineEdit, "floatAmount").setText(float_text)
    qtbot.mouseClick(find(dialog, QPushButton, "openSessionButton"), Qt.MouseButton.LeftButton)


def test_stable_object_names_have_accessible_names(window) -> None:
    for cls, name in (
        (QLineEdit, "scanInput"), (QTableView, "resultsView"), (QTableView, "orderView"),
        (QPushButton, "collectButton"), (QWidget, "paymentPanel"),
        (QLineEdit, "amountTendered"), (QPushButton, "confirmPaymentButton"),
        (QPushButton, "walkInButton"), (QPushButton, "tillSessionButton"),
        (QLabel, "syncStatusLabel"), (QLabel, "printerStatusLabel"),
    ):  # fmt: skip
        assert find(window, cls, name).accessibleName()


def test_scan_then_collect_a_paid_order_with_one_key(qtbot, window) -> None:
    number = order_number(window, "paid")
    scan(qtbot, window, number)
    assert window.order_panel.order.number == number
    assert find(window, QPushButton, "collectButton").isVisible()
    assert not find(window, QWidget, "paymentPanel").isVisible()
    scan_field = find(window, QLineEdit, "scanInput")
    qtbot.keyClick(scan_field, Qt.Key.Key_Return)  # the one key
    give_shift_name(qtbot, window)  # once per shift, not per sale
    assert count(window) == 1
    assert count(window, "SELECT COUNT(*) FROM print_jobs WHERE kind='receipt'") == 1
    assert "T1-000001" in find(window, QLabel, "scanMessage").text()
    assert scan_field.hasFocus() and scan_field.text() == ""
    assert find(window, QLabel, "pendingSyncLabel").text().startswith("1 ")
    # double Enter and a double scan never collect twice
    qtbot.keyClick(scan_field, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    scan(qtbot, window, number)
    qtbot.keyClick(scan_field, Qt.Key.Key_Return)
    assert count(window) == 1


def test_already_collected_order_says_when_where_who(qtbot, window) -> None:
    number = order_number(window, "paid")
    services = window.services
    services.till.open("Agnès", 0)
    oid = int(services.store.scalar("SELECT id FROM orders WHERE number=?", (number,)))
    services.checkout.collect(services.checkout.start(oid))
    window.refresh_status()
    scan(qtbot, window, number)
    banner = find(window, QLabel, "collectedBanner")
    assert banner.isVisible() and "Agnès" in banner.text() and "T1-000001" in banner.text()
    assert "already collected" in find(window, QLabel, "scanMessage").text()
    assert not find(window, QPushButton, "collectButton").isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert count(window) == 1


def test_unknown_code_is_refused_inline_and_cleared(qtbot, window) -> None:
    scan(qtbot, window, "R999999999zz")
    assert "Nothing matches" in find(window, QLabel, "scanMessage").text()
    assert find(window, QLineEdit, "scanInput").text() == ""


def test_partial_collection_with_missing_item_then_cash_with_change(qtbot, window) -> None:
    number = order_number(window, "balance_due")
    scan(qtbot, window, number)
    order = window.order_panel.order
    view = find(window, QTableView, "orderView")
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_M)  # first line missing
    missing = order.line_items[0]
    due = order.total - missing.amount
    assert "Missing" in view.model().index(0, 6).data()
    amount = find(window, QLineEdit, "amountTendered")
    # bad amounts are refused inline
    for bad in ("abc", "-5", "1.234"):
        amount.setText(bad)
        qtbot.keyClick(amount, Qt.Key.Key_Return)
        assert find(window, QLabel, "paymentError").text()
        assert count(window) == 0
    tendered = due + 1000  # £10 more than owed
    amount.setText(f"{tendered / 100:.2f}")
    assert "Change to give" in find(window, QLabel, "changeLabel").text()
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    # no till session yet: no pop-up in the middle of the payment, a clear message
    assert count(window) == 0 and "Open the till" in find(window, QLabel, "scanMessage").text()
    qtbot.keyClick(window, Qt.Key.Key_F7)
    open_session_in(qtbot, window.session_dialog)
    assert amount.hasFocus() and amount.text()  # back where the payment was
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert count(window) == 1
    row = rows(window.services.store, "checkouts")[0]
    assert (row["amount_due"], row["amount_paid"], row["change_given"]) == (due, due, 1000)
    assert count(window, "SELECT COUNT(*) FROM checkout_lines WHERE status='missing'") == 1
    assert "£10.00" in find(window, QLabel, "scanMessage").text()
    assert find(window, QLineEdit, "scanInput").hasFocus()
    assert "Zoë" in find(window, QLabel, "tillStatusLabel").text()


def test_walk_in_sale(qtbot, window) -> None:
    window.services.till.open("Søren", 1000)
    qtbot.mouseClick(find(window, QPushButton, "walkInButton"), Qt.MouseButton.LeftButton)
    dialog = window.walk_in_dialog
    assert dialog.isVisible()
    first = dialog.catalogue[0]
    qtbot.keyClicks(find(dialog, QLineEdit, "walkInSearch"), first.product_name)
    qtbot.mouseClick(find(dialog, QPushButton, "walkInAddButton"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(find(dialog, QLineEdit, "freeItemName"), "Leeks (surplus)")
    qtbot.keyClicks(find(dialog, QLineEdit, "freeItemPrice"), "1.50")
    qtbot.mouseClick(find(dialog, QPushButton, "freeItemAddButton"), Qt.MouseButton.LeftButton)
    assert dialog.total == first.unit_price + 150
    find(dialog, QLineEdit, "walkInTendered").setText(f"{(dialog.total + 1000) / 100:.2f}")
    qtbot.mouseClick(find(dialog, QPushButton, "walkInConfirmButton"), Qt.MouseButton.LeftButton)
    row = rows(window.services.store, "checkouts")[0]
    assert row["kind"] == "walk_in" and row["goods_total"] == first.unit_price + 150
    assert row["change_given"] == 1000
    assert count(window, "SELECT COUNT(*) FROM print_jobs WHERE ref=?", (row["id"],)) == 1


def test_till_open_sales_close_with_a_difference(qtbot, window) -> None:
    qtbot.mouseClick(find(window, QPushButton, "tillSessionButton"), Qt.MouseButton.LeftButton)
    open_session_in(qtbot, window.session_dialog, "Niamh", "20.00")
    session = window.services.till.current()
    assert session is not None and session.float_amount == 2000
    # an unpaid order paid by exact cash (F11), a paid one handed over
    scan(qtbot, window, order_number(window, "balance_due"))
    due = window.order_panel.order.total
    qtbot.keyClick(window, Qt.Key.Key_F11)
    scan(qtbot, window, order_number(window, "paid"))
    qtbot.keyClick(find(window, QLineEdit, "scanInput"), Qt.Key.Key_Return)
    assert count(window) == 2
    qtbot.mouseClick(find(window, QPushButton, "tillSessionButton"), Qt.MouseButton.LeftButton)
    dialog = window.till_dialog
    expected = 2000 + due
    # count one note short of what is expected, using the denomination helper
    counted = find(dialog, QLineEdit, "countedCash")
    counted.setText(f"{(expected - 500) / 100:.2f}")
    assert "-£5.00" in find(dialog, QLabel, "closeDifference").text()
    dialog.findChild(QSpinBox, "count_2000").setValue(1)  # helper overrides the typed total
    assert counted.text() == "20.00"
    counted.setText(f"{(expected - 500) / 100:.2f}")
    qtbot.mouseClick(find(dialog, QPushButton, "closeSessionButton"), Qt.MouseButton.LeftButton)
    confirm = dialog.confirm_dialog  # a difference is confirmed first
    assert "£5.00 short" in find(confirm, QLabel, "closeConfirmDifference").text()
    assert window.services.till.current() is not None
    qtbot.mouseClick(find(confirm, QPushButton, "confirmCloseButton"), Qt.MouseButton.LeftButton)
    row = rows(window.services.store, "till_sessions")[0]
    assert row["closed_at"] and row["difference"] == -500 and row["expected_cash"] == expected
    assert "Difference" in find(dialog, QLabel, "zReportText").text()
    assert count(window, "SELECT COUNT(*) FROM print_jobs WHERE kind='z_report'") == 1


def test_close_refused_while_a_checkout_is_unfinished(qtbot, window) -> None:
    window.services.till.open("Ewan", 0)
    scan(qtbot, window, order_number(window, "balance_due"))
    view = find(window, QTableView, "orderView")
    view.selectRow(0)
    qtbot.mouseClick(find(window, QPushButton, "missingButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(window, QPushButton, "tillSessionButton"), Qt.MouseButton.LeftButton)
    dialog = window.till_dialog
    find(dialog, QLineEdit, "countedCash").setText("0")
    qtbot.mouseClick(find(dialog, QPushButton, "closeSessionButton"), Qt.MouseButton.LeftButton)
    assert "Finish or cancel" in find(dialog, QLabel, "closeError").text()
    assert window.services.till.current() is not None


def test_undo_with_pin(qtbot, window) -> None:
    services = window.services
    services.roles.set_pin("2468")
    services.till.open("Mei", 0)
    scan(qtbot, window, order_number(window, "balance_due"))
    due = window.order_panel.order.total
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert count(window) == 1
    qtbot.mouseClick(find(window, QPushButton, "undoButton"), Qt.MouseButton.LeftButton)
    dialog = window.undo_dialog
    qtbot.keyClicks(find(dialog, QLineEdit, "undoReason"), "Wrong bag handed over")
    qtbot.mouseClick(find(dialog, QPushButton, "undoConfirmButton"), Qt.MouseButton.LeftButton)
    pin = dialog.pin_dialog
    assert pin.isVisible() and count(window) == 1
    qtbot.keyClicks(find(pin, QLineEdit, "pinInput"), "0000")
    qtbot.mouseClick(find(pin, QPushButton, "pinOkButton"), Qt.MouseButton.LeftButton)
    assert "not right" in find(dialog, QLabel, "undoError").text()
    qtbot.mouseClick(find(dialog, QPushButton, "undoConfirmButton"), Qt.MouseButton.LeftButton)
    pin = dialog.pin_dialog
    qtbot.keyClicks(find(pin, QLineEdit, "pinInput"), "2468")
    qtbot.mouseClick(find(pin, QPushButton, "pinOkButton"), Qt.MouseButton.LeftButton)
    made = rows(services.store, "checkouts", order_by="created_at")
    assert [(r["kind"], r["amount_paid"]) for r in made] == [
        ("collection", due),
        ("reversal", -due),
    ]
    assert made[1]["note"] == "Wrong bag handed over"
    assert "Undone" in find(window, QLabel, "scanMessage").text()
    assert services.till.expected_cash() == 0


@pytest.fixture
def leman_window(qtbot, demo_db):
    """The window of a hub whose local currency is the Léman."""
    from pos.app import create_window
    from pos.store import Store

    with Store.open(demo_db) as store:
        store.settings.set(PAYMENT_METHODS, PaymentMethods.of([Method("local", "Léman")]))
    win = create_window(demo_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_final_weight_and_split_payment(qtbot, leman_window) -> None:
    win = leman_window
    services = win.services
    services.till.open("Jack", 0)
    number = services.store.scalar(
        "SELECT o.number FROM orders o JOIN line_items li ON li.order_id = o.id"
        " WHERE o.payment_state = 'balance_due' AND li.variant_unit = 'weight'"
        " AND li.final_weight IS NULL ORDER BY o.id LIMIT 1"
    )
    scan(qtbot, win, number)
    lines = win.order_panel.items_model.lines
    row = next(i for i, li in enumerate(lines) if li.item.is_weighed)
    item = lines[row].item
    view = find(win, QTableView, "orderView")
    view.setFocus()
    view.selectRow(row)
    qtbot.keyClick(view, Qt.Key.Key_W)
    weight = find(win, QLineEdit, "finalWeightInput")
    assert weight.hasFocus()
    qtbot.keyClicks(weight, "abc")
    qtbot.keyClick(weight, Qt.Key.Key_Return)
    assert find(win, QLabel, "lineError").text()
    weight.clear()
    grams = item.unit_value * item.quantity + 37
    qtbot.keyClicks(weight, str(grams))
    qtbot.keyClick(weight, Qt.Key.Key_Return)
    new_amount = win.order_panel.items_model.lines[row].amount
    assert new_amount == round(item.unit_price * grams / item.unit_value)
    due = win.draft.handover().amount_due
    assert find(win, QPushButton, "method_local").text() == "Léman"
    # 5.00 in Léman, the rest in cash with 1.00 change
    qtbot.mouseClick(find(win, QPushButton, "method_local"), Qt.MouseButton.LeftButton)
    amount = find(win, QLineEdit, "amountTendered")
    amount.setText("5")
    qtbot.mouseClick(find(win, QPushButton, "addPaymentButton"), Qt.MouseButton.LeftButton)
    assert "Léman" in find(win, QLabel, "paymentParts").text()
    qtbot.mouseClick(find(win, QPushButton, "method_cash"), Qt.MouseButton.LeftButton)
    amount.setText(f"{(due - 500 + 100) / 100:.2f}")
    qtbot.mouseClick(find(win, QPushButton, "confirmPaymentButton"), Qt.MouseButton.LeftButton)
    store = win.services.store
    c = rows(store, "checkouts")[0]
    assert (c["amount_paid"], c["change_given"]) == (due, 100)
    pays = {r["method"]: r["amount"] for r in rows(store, "payments")}
    assert pays == {"local": 500, "cash": due - 500}
    weighed = rows(store, "checkout_lines", "status = ?", ["weighed"])
    assert len(weighed) == 1 and weighed[0]["final_weight"] == str(grams)


def test_other_pickup_point_opens_with_a_warning(qtbot, window) -> None:
    store = window.services.store
    here, number = store.query(
        "SELECT o.pickup_point_id, (SELECT number FROM orders WHERE pickup_point_id != "
        "o.pickup_point_id AND payment_state = 'paid' LIMIT 1) FROM orders o LIMIT 1"
    )[0]
    combo = window.pickup_filter
    combo.setCurrentIndex(combo.findData(here))
    scan(qtbot, window, number)
    assert window.order_panel.order.number == number
    assert "another pickup point" in find(window, QLabel, "scanMessage").text()
    window.services.till.set_shift_volunteer("Ines")
    qtbot.keyClick(find(window, QLineEdit, "scanInput"), Qt.Key.Key_Return)
    assert count(window) == 1


def test_missing_item_on_paid_order_refunded_in_cash_and_escape_cancels(qtbot, window) -> None:
    window.services.till.open("Ava", 2000)
    scan(qtbot, window, order_number(window, "paid"))
    view = find(window, QTableView, "orderView")
    view.selectRow(0)
    item = window.order_panel.items_model.lines[0].item
    qtbot.mouseClick(find(window, QPushButton, "missingButton"), Qt.MouseButton.LeftButton)
    assert find(window, QWidget, "paymentPanel").isVisible()
    assert "Credit due" in find(window, QLabel, "amountDueLabel").text()
    # Esc drops the checkout: nothing written
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.order_panel.order is None and count(window) == 0
    scan(qtbot, window, order_number(window, "paid"))
    view.selectRow(0)
    qtbot.mouseClick(find(window, QPushButton, "missingButton"), Qt.MouseButton.LeftButton)
    find(window, QWidget, "refundInCash").setChecked(True)
    assert "Give back" in find(window, QLabel, "changeLabel").text()
    qtbot.mouseClick(find(window, QPushButton, "collectButton"), Qt.MouseButton.LeftButton)
    c = rows(window.services.store, "checkouts")[0]
    assert c["amount_paid"] == -item.amount and c["credit_amount"] == 0
    assert window.services.till.expected_cash() == 2000 - item.amount


def test_cash_out_and_close_over_the_limit_need_the_pin(qtbot, window) -> None:
    services = window.services
    services.roles.set_pin("13579")
    services.store.settings.set(CLOSE_DIFFERENCE_LIMIT, 200)
    services.till.open("Isla", 5000)
    window.refresh_status()
    qtbot.mouseClick(find(window, QPushButton, "tillSessionButton"), Qt.MouseButton.LeftButton)
    dialog = window.till_dialog
    find(dialog, QLineEdit, "cashMoveAmount").setText("12.5")
    qtbot.mouseClick(find(dialog, QPushButton, "cashOutButton"), Qt.MouseButton.LeftButton)
    assert "Say why" in find(dialog, QLabel, "cashMoveError").text()  # no reason: refused
    find(dialog, QLineEdit, "cashMoveReason").setText("Bought paper rolls")
    qtbot.mouseClick(find(dialog, QPushButton, "cashOutButton"), Qt.MouseButton.LeftButton)
    pin = dialog.pin_dialog
    find(pin, QLineEdit, "pinInput").setText("13579")
    qtbot.mouseClick(find(pin, QPushButton, "pinOkButton"), Qt.MouseButton.LeftButton)
    assert services.till.expected_cash() == 5000 - 1250
    find(dialog, QLineEdit, "countedCash").setText("30")  # 7.50 short: over the limit
    qtbot.mouseClick(find(dialog, QPushButton, "closeSessionButton"), Qt.MouseButton.LeftButton)
    assert services.till.current() is not None
    confirm = dialog.confirm_dialog  # the difference and the PIN, in one confirmation
    assert "£7.50 short" in find(confirm, QLabel, "closeConfirmDifference").text()
    find(confirm, QLineEdit, "closePin").setText("13579")
    qtbot.mouseClick(find(confirm, QPushButton, "confirmCloseButton"), Qt.MouseButton.LeftButton)
    assert services.till.current() is None
    row = rows(services.store, "till_sessions", select="difference")[0]
    assert row["difference"] == -750
    assert (
        count(window, "SELECT COUNT(*) FROM audit_log WHERE role='staff' AND action LIKE 'till.%'")
        == 2
    )


def test_a_bag_scanned_into_the_amount_field_opens_that_order(qtbot, window) -> None:
    scan(qtbot, window, order_number(window, "balance_due"))
    amount = find(window, QLineEdit, "amountTendered")
    other = order_number(window, "balance_due", offset=1)
    amount.setFocus()
    qtbot.keyClicks(amount, other)
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert window.order_panel.order.number == other and count(window) == 0
    assert amount.text() == ""


def test_reprint_last_receipt(qtbot, window) -> None:
    window.services.till.set_shift_volunteer("Ines")
    scan(qtbot, window, order_number(window, "paid"))
    qtbot.keyClick(find(window, QLineEdit, "scanInput"), Qt.Key.Key_Return)
    window.reprint_last()
    jobs = rows(window.services.store, "print_jobs", select="is_copy", order_by="created_at")
    assert [j["is_copy"] for j in jobs] == [0, 1]
