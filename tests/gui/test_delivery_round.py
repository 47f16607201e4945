"""Issue 16 point 2: a delivery round recorded through its screen, then pushed to OFN.

The hub pulls from the simulator, six orders there are home deliveries (ship addresses, the
cash ones paid "Cash on delivery"); the volunteer records each outcome with the keyboard and
the scanner, counts the round's cash, and sync pushes. The simulator's books say what OFN
did: delivered and paid orders shipped once, doorstep cash captured once, the rest untouched.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QTableWidget,
)

from pos.domain.money import format_money
from pos.services.reconcile import ReconcileService
from tests.helpers.fixtures import hub_window, no_keyring
from tests.helpers.staff import open_reconcile
from tests.helpers.till import find, sync_now
from tests.ofn_sim.fixtures import declare_paid_at_pickup, ofn_sim

__all__ = ["hub_window", "no_keyring", "ofn_sim"]

COD = "Cash on delivery"


def _scan(qtbot: Any, dialog: Any, number: str) -> None:
    field = find(dialog, QLineEdit, "roundScan")
    field.setFocus()
    qtbot.keyClicks(field, number)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _stop(store: Any, number: str) -> dict[str, Any]:
    row = store.query(
        "SELECT s.outcome, s.next_step, s.checkout_id FROM round_stops s"
        " JOIN orders o ON o.id = s.order_id WHERE o.number = ?",
        (number,),
    )
    assert len(row) == 1, number
    return dict(row[0])


def test_a_round_with_every_outcome_is_pushed_like_pickups(  # type: ignore[no-untyped-def]
    qtbot, hub_window, ofn_sim, tmp_path: Path
) -> None:
    due = ofn_sim.numbers(payment_state="balance_due")[:3]
    paid = ofn_sim.numbers(payment_state="paid")[:3]
    pickup_only = ofn_sim.numbers(payment_state="balance_due")[5]
    ofn_sim.make_delivery(due, addresses=True, paid_by=COD)
    ofn_sim.make_delivery(paid, addresses=True)
    window = hub_window
    assert sync_now(qtbot, window) == "ok"
    store = window.services.store
    declare_paid_at_pickup(store, {COD: "cash", "Cash on pickup": "cash"})
    cash_order, refused, not_home = due
    paid_order, missing_order, _ = paid
    outstanding = {
        n: int(store.scalar("SELECT outstanding FROM orders WHERE number = ?", (n,))) for n in due
    }

    window.open_delivery_round()
    dialog = window.round_window
    qtbot.waitUntil(lambda: not dialog.planning)
    find(dialog, QLineEdit, "roundVolunteer").setText("Sam")
    find(dialog, QLineEdit, "roundFloat").setText("20")
    qtbot.mouseClick(find(dialog, QPushButton, "openRoundButton"), Qt.MouseButton.LeftButton)
    table = find(dialog, QTableWidget, "roundStops")
    assert table.rowCount() == 6
    # the stops come in run-sheet order: what the sheet printed is what the screen lists
    sheet = window.services.rounds.sheets.run_sheets()[0]
    assert [table.item(r, 1).text() for r in range(6)] == [s.number for s in sheet.stops]

    # delivered, cash on the doorstep (the amount due is offered): F1
    _scan(qtbot, dialog, cash_order)
    assert find(dialog, QLineEdit, "roundAmount").text()
    qtbot.keyClick(dialog, Qt.Key.Key_F1)
    assert _stop(store, cash_order)["outcome"] == "delivered"
    # the same key again records nothing new (one event per stop)
    qtbot.keyClick(dialog, Qt.Key.Key_F1)
    # delivered, already paid online
    _scan(qtbot, dialog, paid_order)
    qtbot.mouseClick(find(dialog, QPushButton, "deliveredButton"), Qt.MouseButton.LeftButton)
    # delivered with an item missing: F2 asks for the items first
    _scan(qtbot, dialog, missing_order)
    qtbot.keyClick(dialog, Qt.Key.Key_F2)
    assert _stop(store, missing_order)["outcome"] == "pending"
    lines = find(dialog, QListWidget, "missingLines")
    lines.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(dialog, Qt.Key.Key_F2)
    message = find(dialog, QLabel, "roundMessage").text()
    assert _stop(store, missing_order)["outcome"] == "delivered_missing", message
    # not home: bags back for a second attempt
    _scan(qtbot, dialog, not_home)
    qtbot.keyClick(dialog, Qt.Key.Key_F3)
    # refused at the door
    _scan(qtbot, dialog, refused)
    find(dialog, QLineEdit, "roundNote").setText("Customer refused the bag")
    qtbot.keyClick(dialog, Qt.Key.Key_F4)
    # a pickup order scanned here: warned, nothing recorded
    before = int(store.scalar("SELECT COUNT(*) FROM round_stops"))
    _scan(qtbot, dialog, pickup_only)
    assert pickup_only in find(dialog, QLabel, "roundMessage").text()
    assert find(dialog, QPushButton, "addStopButton").isVisible()
    assert int(store.scalar("SELECT COUNT(*) FROM round_stops")) == before

    assert _stop(store, paid_order)["outcome"] == "delivered"
    assert _stop(store, not_home) == {"outcome": "not_home", "next_step": "second_attempt",
                                      "checkout_id": None}  # fmt: skip
    assert _stop(store, refused)["outcome"] == "refused"
    assert _stop(store, refused)["checkout_id"] is None
    # one collection checkout per delivered stop, none for the others
    assert int(store.scalar("SELECT COUNT(*) FROM checkouts WHERE kind = 'collection'")) == 3
    cash = int(store.scalar("SELECT COALESCE(SUM(amount), 0) FROM payments WHERE method='cash'"))
    assert cash == outstanding[cash_order]

    # the round's cash: float + doorstep cash, counted 1.00 short
    expected = 2000 + cash
    find(dialog, QLineEdit, "roundCounted").setText(f"{(expected - 100) / 100:.2f}")
    find(dialog, QLineEdit, "roundNote").setText("1 stop left: last one on the sheet")
    qtbot.mouseClick(find(dialog, QPushButton, "closeRoundButton"), Qt.MouseButton.LeftButton)
    row = store.query("SELECT expected_cash, counted_cash, difference FROM delivery_rounds")[0]
    assert (row["expected_cash"], row["difference"]) == (expected, -100)

    # push twice: OFN's books change once
    for _ in range(2):
        assert sync_now(qtbot, window) in ("ok", "needs_staff")
    assert ofn_sim.ships[cash_order] == 1
    assert ofn_sim.ships[paid_order] == 1
    assert ofn_sim.ships[not_home] == 0 and ofn_sim.ships[refused] == 0
    captured = [c for c in ofn_sim.captured_payments if c[0] == cash_order]
    assert len(captured) == 1 and captured[0][1] == COD
    assert not [c for c in ofn_sim.captured_payments if c[0] in (not_home, refused)]
    assert ofn_sim.order(not_home)["shipment_state"] != "shipped"

    # reconciliation: the round beside the pickup points, on screen, in the PDF and the CSV
    open_reconcile(qtbot, window)  # no staff PIN set: a name is enough
    reconcile = window.reconcile_window
    table = find(reconcile, QTableView, "roundsTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=30_000)
    model = table.model()
    ((name, stops, delivered, pending, failed, taken, expected_text, counted, diff),) = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert (stops, delivered, pending, failed) == ("6", "3", "1", "2")
    assert diff == format_money(-100, "GBP", "en_GB")
    assert expected_text == format_money(expected, "GBP", "en_GB")
    assert counted == format_money(expected - 100, "GBP", "en_GB")
    assert format_money(cash, "GBP", "en_GB") in taken
    service = ReconcileService(store)
    pdf, csv_path = tmp_path / "day.pdf", tmp_path / "day.csv"
    service.export(pdf)
    service.export(csv_path)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    assert "Delivery rounds" in text and name in text
    with csv_path.open(encoding="utf-8-sig") as f:
        lines = [row for row in csv.reader(f) if row and row[0] == "round"]
    assert len(lines) == 1 and lines[0][1] == name and lines[0][4] == "6"


def test_a_delivery_order_at_a_pickup_till_is_warned(qtbot, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    """Like an order of another pickup point: shown, with a warning, never silently."""
    from pos.app import create_window
    from pos.services.demo import add_deliveries
    from pos.store import Store
    from tests.helpers.till import message, scan

    with Store.open(demo_db) as store:
        (order_id,) = add_deliveries(store, orders=1)
        number = store.scalar("SELECT number FROM orders WHERE id = ?", (order_id,))
    window = create_window(demo_db)
    qtbot.addWidget(window)
    window.show()
    scan(qtbot, window, number)  # "All pickup points": no other warning would show
    assert number in message(window) and "home delivery" in message(window)


def test_the_run_sheets_are_planned_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, demo_db: Path, monkeypatch
) -> None:
    """The screen opens at once and fills its round picker when the worker has planned."""
    import threading

    from pos.app import create_window
    from pos.services.demo import add_deliveries
    from pos.services.rounds import RunSheets
    from pos.store import Store

    with Store.open(demo_db) as store:
        add_deliveries(store, orders=4, methods=2)
    planned_on: list[threading.Thread] = []
    plan = RunSheets.run_sheets

    def spy(self: RunSheets, *args: Any, **kwargs: Any) -> Any:
        planned_on.append(threading.current_thread())
        return plan(self, *args, **kwargs)

    monkeypatch.setattr(RunSheets, "run_sheets", spy)
    window = create_window(demo_db)
    qtbot.addWidget(window)
    window.open_delivery_round()
    dialog = window.round_window
    picker = find(dialog, QComboBox, "roundPicker")
    opening = find(dialog, QPushButton, "openRoundButton")
    assert dialog.planning and picker.count() == 0 and not opening.isEnabled()
    qtbot.waitUntil(lambda: not dialog.planning)
    assert planned_on and threading.main_thread() not in planned_on
    assert picker.count() == 2 and opening.isEnabled()
    assert find(dialog, QTableWidget, "roundStops").rowCount() > 0
    assert find(dialog, QLabel, "roundMessage").text() == ""


def test_a_planning_error_is_one_sentence(qtbot, demo_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pos.app import create_window
    from pos.errors import KnownError
    from pos.services.rounds import RunSheets

    def fail(self: RunSheets, *args: Any, **kwargs: Any) -> Any:
        raise KnownError("round.amount_invalid")

    monkeypatch.setattr(RunSheets, "run_sheets", fail)
    window = create_window(demo_db)
    qtbot.addWidget(window)
    window.open_delivery_round()
    dialog = window.round_window
    qtbot.waitUntil(lambda: not dialog.planning)
    text = find(dialog, QLabel, "roundMessage").text()
    assert text and "Traceback" not in text and "round.amount_invalid" not in text
    assert not find(dialog, QPushButton, "openRoundButton").isEnabled()
