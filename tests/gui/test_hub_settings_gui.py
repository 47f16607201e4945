"""Hub settings from the File menu, and the staff PIN in front of every settings screen."""

from __future__ import annotations

import json

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QPushButton

from pos.domain.settings import CLOSE_DIFFERENCE_LIMIT, CSV_BOM, TILL_LABEL, TILL_PICKUP_POINT
from tests.helpers.staff import type_pin

PIN = "2468"


def wrong_pins(window) -> int:  # type: ignore[no-untyped-def]
    return int(
        window.services.store.scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action='roles.wrong_pin'"
        )
    )


def open_settings(qtbot, window, pin: str | None = None) -> QDialog:  # type: ignore[no-untyped-def]
    window.findChild(QAction, "hubSettingsAction").trigger()
    if pin is not None:
        type_pin(qtbot, window, pin)
    dialog = window.findChild(QDialog, "hubSettingsDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_settings_need_the_right_pin(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.services.roles.set_pin(PIN)
    window.findChild(QAction, "hubSettingsAction").trigger()
    gate = type_pin(qtbot, window, "0000")
    assert gate.isVisible()  # refused, and said so
    assert gate.findChild(QLabel, "pinError").text() == "That PIN is not right."
    assert window.findChild(QDialog, "hubSettingsDialog") is None
    assert wrong_pins(window) == 1
    type_pin(qtbot, window, PIN)
    assert not gate.isVisible()
    dialog = window.findChild(QDialog, "hubSettingsDialog")
    assert dialog is not None and dialog.isVisible()


def test_renamed_method_shows_on_the_payment_panel(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.services.roles.set_pin(PIN)
    dialog = open_settings(qtbot, window, PIN)
    label = dialog.findChild(QLineEdit, "methodLabel_local")
    label.setText("Léman")  # (keyClicks cannot type "é")
    dialog.findChild(QCheckBox, "methodEnabled_voucher").setChecked(False)
    dialog.findChild(QPushButton, "saveSettingsButton").click()
    assert not dialog.isVisible()
    button = window.payment_panel.findChild(QPushButton, "method_local")
    assert button.text() == "Léman"
    assert window.payment_panel.findChild(QPushButton, "method_voucher") is None
    rows = window.services.store.query("SELECT * FROM audit_log WHERE action='settings.change'")
    assert len(rows) == 1 and rows[0]["role"] == "staff"
    change = json.loads(rows[0]["details"])["payment_methods"]
    assert {"code": "local", "label": "Léman"} in change["new"]


def test_new_method_is_added_and_offered(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = open_settings(qtbot, window)  # no PIN set: opens at once
    qtbot.keyClicks(dialog.findChild(QLineEdit, "newMethodCode"), "Gift 1")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "newMethodLabel"), "Gift card")
    dialog.findChild(QPushButton, "addMethodButton").click()
    error = dialog.findChild(QLabel, "paymentMethodsError")
    assert "lowercase letters" in error.text()
    code = dialog.findChild(QLineEdit, "newMethodCode")
    code.clear()
    qtbot.keyClicks(code, "gift")
    dialog.findChild(QPushButton, "addMethodButton").click()
    assert error.text() == ""
    dialog.findChild(QPushButton, "saveSettingsButton").click()
    assert window.payment_panel.findChild(QPushButton, "method_gift").text() == "Gift card"


def test_bad_till_id_and_negative_limit_are_refused_inline(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    store = window.services.store
    dialog = open_settings(qtbot, window)
    till = dialog.findChild(QLineEdit, "tillIdInput")
    till.setText("T 1!")
    limit = dialog.findChild(QLineEdit, "differenceLimitInput")
    limit.setText("-5")
    dialog.findChild(QCheckBox, "csvBomInput").setChecked(True)
    pickup = dialog.findChild(QComboBox, "defaultPickupInput")
    pickup.setCurrentIndex(pickup.count() - 1)
    dialog.findChild(QPushButton, "saveSettingsButton").click()
    assert dialog.isVisible()
    assert "letters or digits" in dialog.findChild(QLabel, "tillIdError").text()
    assert "negative" in dialog.findChild(QLabel, "differenceLimitError").text()
    assert not store.settings.is_set(CSV_BOM) and not store.settings.is_set(TILL_LABEL)
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE action='settings.change'") == 0
    till.setText("T2")
    limit.setText("7.5")
    dialog.findChild(QPushButton, "saveSettingsButton").click()
    assert not dialog.isVisible()
    assert store.settings.get(TILL_LABEL) == "T2"
    assert store.settings.get(CLOSE_DIFFERENCE_LIMIT) == 750
    assert store.settings.get(CSV_BOM) is True
    assert window.pickup_point_id == pickup.currentData() == store.settings.get(TILL_PICKUP_POINT)


def test_sync_and_printer_settings_are_gated(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.services.roles.set_pin(PIN)
    window.findChild(QAction, "syncSettingsAction").trigger()
    type_pin(qtbot, window, "1111")
    assert window.findChild(QDialog, "syncSettingsDialog") is None
    assert wrong_pins(window) == 1
    type_pin(qtbot, window, PIN)
    assert window.findChild(QDialog, "syncSettingsDialog").isVisible()
    window.sync_settings_dialog.reject()

    window.findChild(QAction, "printerSettingsAction").trigger()
    gate = type_pin(qtbot, window, "9999")
    assert gate.isVisible() and window.printing.dialog is None
    assert wrong_pins(window) == 2
    type_pin(qtbot, window, PIN)
    assert window.printing.dialog is not None and window.printing.dialog.isVisible()


def test_without_a_pin_settings_open_directly(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = window.printing.open_settings()
    assert dialog.isVisible() and window.gate.dialog is None
