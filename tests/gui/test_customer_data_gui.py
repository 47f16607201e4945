"""Hub staff export and erase one customer's data from the order panel, behind the PIN;
both are audited, and the erased details are gone from the database file."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QLabel, QPushButton

from tests.helpers.staff import type_pin

PIN = "8642"


def _open(qtbot, window, order_id: int) -> QDialog:  # type: ignore[no-untyped-def]
    window.open_order(order_id)
    button = window.order_panel.findChild(QPushButton, "customerDataButton")
    assert button.isVisible()
    button.click()
    type_pin(qtbot, window, PIN)
    dialog = window.findChild(QDialog, "customerDataDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_export_then_erase_from_the_order_panel(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = window.services.store
    window.services.roles.set_pin(PIN)
    row = store.query(
        "SELECT id, customer_id, customer_name, email, phone FROM orders"
        " WHERE customer_id IS NOT NULL AND phone != '' ORDER BY id LIMIT 1"
    )[0]
    dialog = _open(qtbot, window, row["id"])
    assert row["customer_name"] in dialog.findChild(QLabel, "customerDataSummary").text()

    dialog.findChild(QPushButton, "exportCustomerButton").click()
    files = dialog.findChild(QFileDialog, "customerExportFile")
    assert files is not None and files.isVisible()
    target = tmp_path / "held.json"
    files.selectFile(str(target))
    files.accept()
    qtbot.waitUntil(target.exists, timeout=3000)
    held = json.loads(target.read_text("utf-8"))
    assert held["orders"][0]["customer_name"] == row["customer_name"]
    assert target.stat().st_mode & 0o777 == 0o600

    erase = dialog.findChild(QPushButton, "eraseCustomerButton")
    assert not erase.isEnabled()  # not without saying yes first
    dialog.findChild(QCheckBox, "confirmEraseCheck").setChecked(True)
    erase.click()
    result = dialog.findChild(QLabel, "customerDataResult")
    export = dialog.findChild(QPushButton, "exportCustomerButton")
    assert not erase.isEnabled() and not export.isEnabled()
    assert result.text() == "Erasing…"  # on a worker: the window stays responsive meanwhile
    qtbot.waitUntil(lambda: "Erased from" in result.text(), timeout=10_000)
    assert not erase.isEnabled()  # nothing left to erase
    assert not store.query(
        "SELECT 1 FROM orders WHERE customer_id = ? OR email = ? OR phone = ?",
        (row["customer_id"], row["email"], row["phone"]),
    )
    audit = [r[0] for r in store.query(
        "SELECT action FROM audit_log WHERE action LIKE 'privacy.%' ORDER BY id"
    )]  # fmt: skip
    assert audit == ["privacy.export", "privacy.erase"]
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = store.path.read_bytes()
    for trace in (row["customer_name"], row["email"], row["phone"]):
        assert trace.encode() not in data


def test_customer_data_needs_the_pin(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.services.roles.set_pin(PIN)
    order_id = window.services.store.scalar("SELECT MIN(id) FROM orders")
    window.open_order(order_id)
    window.order_panel.findChild(QPushButton, "customerDataButton").click()
    type_pin(qtbot, window, "0000")
    assert window.findChild(QDialog, "customerDataDialog") is None
