"""Printing from the till window: status label, menu actions, settings dialog, test print."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from pos.services.printing import load_settings
from pos.store import Store
from tests.helpers import checkout_rows
from tests.helpers.emupos import free_port


def _status(window) -> str:
    return window.findChild(QLabel, "printerStatusLabel").text()


def _collect_first_order(window) -> tuple[int, str]:
    store: Store = window.services.store
    order_id = int(store.scalar("SELECT id FROM orders WHERE state = 'complete' ORDER BY id"))
    session = checkout_rows.open_session(store)
    checkout_rows.collect(store, order_id, session_id=session, tendered=100000)
    return order_id, str(store.scalar("SELECT number FROM orders WHERE id = ?", (order_id,)))


def test_no_printer_is_said_and_jobs_wait(qtbot, window) -> None:
    assert _status(window) == "No printer set up"
    order_id, _ = _collect_first_order(window)
    window.open_order(order_id)
    window.findChild(type(window.printing.reprint_action), "reprintReceiptAction").trigger()
    assert "sent to the printer" in window.message.text()
    qtbot.waitUntil(lambda: _status(window) == "No printer set up · 1 job(s) waiting", timeout=5000)


def test_printing_menu_prints_through_the_worker(qtbot, demo_db: Path, tmp_path: Path) -> None:
    from pos.app import create_window

    paper = tmp_path / "paper.bin"
    win = create_window(demo_db, printer=f"file://{paper}")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: _status(win) == "Printer ready", timeout=5000)
    order_id, number = _collect_first_order(win)
    win.open_order(order_id)
    assert win.printing.reprint()
    assert win.printing.labels()
    qtbot.waitUntil(
        lambda: paper.exists() and paper.read_bytes().count(b"Bag 1 of") == 1, timeout=5000
    )
    data = paper.read_bytes()
    assert number.encode() in data and b"*** COPY ***" in data
    qtbot.waitUntil(lambda: _status(win) == "Printer ready", timeout=5000)
    assert win.printing.z_report()
    qtbot.waitUntil(lambda: b"X REPORT" in paper.read_bytes(), timeout=5000)


def test_unreachable_printer_shows_in_red_and_keeps_the_job(qtbot, demo_db: Path) -> None:
    from pos.app import create_window

    win = create_window(demo_db, printer=f"tcp://127.0.0.1:{free_port()}")
    qtbot.addWidget(win)
    order_id, _ = _collect_first_order(win)
    win.open_order(order_id)
    win.printing.reprint()
    qtbot.waitUntil(
        lambda: _status(win) == "Printer not reachable · 1 job(s) waiting", timeout=5000
    )
    label = win.findChild(QLabel, "printerStatusLabel")
    assert "does not answer" in label.toolTip()
    assert label.property("fault") == "unreachable"


def test_environment_variable_overrides_the_saved_printer(
    qtbot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pos.app import create_window

    monkeypatch.setenv("FOODHUB_POS_PRINTER", f"file://{tmp_path / 'env.bin'}")
    win = create_window(demo_db)
    qtbot.addWidget(win)
    assert win.services.printing.settings().uri == f"file://{tmp_path / 'env.bin'}"
    qtbot.waitUntil(lambda: _status(win) == "Printer ready", timeout=5000)


def test_settings_dialog_test_print_and_save(qtbot, window, tmp_path: Path) -> None:
    paper = tmp_path / "test.bin"
    dialog = window.printing.open_settings()
    qtbot.addWidget(dialog)
    dialog.uri.setText(f"file://{paper}")
    dialog.paper_width.setCurrentIndex(dialog.paper_width.findData(58))
    dialog.footer.setPlainText("Merci ! Ünd tschüss.")
    dialog.codepage.setCurrentIndex(dialog.codepage.findData("CP858"))
    dialog.findChild(QPushButton, "testPrintButton").click()
    result = dialog.findChild(QLabel, "printerTestResult")
    qtbot.waitUntil(lambda: "printed" in result.text().lower(), timeout=5000)
    assert result.text().startswith("Test receipt printed")
    assert b"\x1d(k" in paper.read_bytes()
    assert b"\x1bt\x13" in paper.read_bytes() and b"\x1bt\x10" not in paper.read_bytes()  # CP858
    dialog.save()
    settings = load_settings(window.services.store)
    assert settings.uri == f"file://{paper}" and settings.width_mm == 58
    assert settings.footer == "Merci ! Ünd tschüss." and settings.codepage == "CP858"
    qtbot.waitUntil(lambda: _status(window) == "Printer ready", timeout=5000)


def test_test_print_reports_a_bad_address(qtbot, window) -> None:
    dialog = window.printing.open_settings()
    qtbot.addWidget(dialog)
    dialog.uri.setText("lpt1")
    dialog.test_print()
    result = dialog.findChild(QLabel, "printerTestResult")
    qtbot.waitUntil(lambda: result.text().startswith("Nothing printed"), timeout=5000)
    assert "is not a printer address" in result.text()


def test_reprint_any_past_receipt_and_manage_jobs(qtbot, window) -> None:
    store: Store = window.services.store
    session = checkout_rows.open_session(store)
    first = checkout_rows.walk_in(store, session_id=session, items=[("Kale", "Bunch", 1, 150)])
    checkout_rows.walk_in(store, session_id=session, items=[("Jam", "340g", 1, 420)])
    dialog = window.printing.open_queue()
    qtbot.addWidget(dialog)
    assert dialog.receipts.rowCount() == 2
    assert dialog.receipts.item(0, 0).text() == "T1-000002"  # newest first
    dialog.receipts.selectRow(1)
    assert dialog.reprint()
    job = window.services.printing.jobs.listing("queued")[0]
    assert job.ref == first and job.is_copy
    assert dialog.jobs.rowCount() == 1 and dialog.jobs.item(0, 2).text() == "Waiting"
    assert dialog.jobs.item(0, 1).text() == "Receipt T1-000001 (copy)"
    assert dialog.cancel()
    assert window.services.printing.jobs.get(job.id).status == "cancelled"
    assert not dialog.cancel()  # already cancelled
    assert "Only a waiting job" in dialog.message.text()


def test_order_panel_offers_its_receipts_once_collected(qtbot, window) -> None:
    from pos.domain.checkout import Tender

    services = window.services
    other_id, order_id = (
        int(row[0])
        for row in services.store.query(
            "SELECT id FROM orders WHERE state = 'complete' AND payment_total = 0"
            " ORDER BY id LIMIT 2"
        )
    )
    button = window.findChild(QPushButton, "orderReceiptsButton")
    window.open_order(other_id)
    assert window.order_panel.order.id == other_id
    assert not button.isVisible()  # not collected yet: no receipt to reprint
    services.till.open("Agnès", 2000)
    draft = services.checkout.start(order_id)
    due = services.checkout.preview(draft).amount_due
    result = services.checkout.collect(draft, [Tender("cash", due)])
    window.open_order(order_id)
    qtbot.waitUntil(button.isVisible, timeout=2000)
    button.click()
    dialog = window.printing.queue_dialog
    qtbot.addWidget(dialog)
    assert dialog.receipts.rowCount() == 1
    assert dialog.receipts.item(0, 0).text() == result.checkout.receipt_no
    assert dialog.reprint()
    copies = [j for j in services.printing.jobs.listing("queued") if j.is_copy]
    assert [j.ref for j in copies] == [result.checkout.id]
