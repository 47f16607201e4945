"""The PIN gate after wrong PINs: a countdown on a timer (the window keeps answering),
then the right PIN opens; a PIN removed outside the app is shown at start."""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton

from pos.domain import settings as s
from pos.services import roles as r
from pos.services.roles import StaffRoles
from pos.store import Store
from tests.helpers.staff import type_pin

PIN = "2468"


def test_wrong_pins_count_down_without_freezing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.services.roles.set_pin(PIN)
    window.findChild(QAction, "hubSettingsAction").trigger()
    gate = window.gate.dialog
    error = gate.findChild(QLabel, "pinError")
    for _ in range(r.FREE_TRIES):
        type_pin(qtbot, window, "0000")
        assert error.text() == "That PIN is not right."
    ok = gate.findChild(QPushButton, "pinOkButton")
    field = gate.findChild(QLineEdit, "pinInput")
    started = time.monotonic()
    type_pin(qtbot, window, PIN)  # even the right PIN waits its turn
    assert time.monotonic() - started < 0.5  # answered at once: no sleep in the GUI thread
    assert "try again in" in error.text()
    assert not ok.isEnabled() and not field.isEnabled()
    ticks: list[str] = []
    QTimer.singleShot(300, lambda: ticks.append(error.text()))  # the event loop keeps running
    qtbot.waitUntil(lambda: bool(ticks), timeout=2000)
    qtbot.waitUntil(ok.isEnabled, timeout=r.delay_after(r.FREE_TRIES) * 1000 + 2000)
    assert field.isEnabled() and error.text() == "Try the PIN again."
    type_pin(qtbot, window, PIN)
    dialog = window.findChild(QDialog, "hubSettingsDialog")
    assert dialog is not None and dialog.isVisible()


def test_lockout_is_shown_and_audited(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    store = window.services.store
    window.services.roles.set_pin(PIN)
    store.settings.set(s.STAFF_PIN_ATTEMPTS, {"failures": r.LOCK_AFTER - 1, "last": None,
                                           "locked_until": None})  # fmt: skip
    window.findChild(QAction, "hubSettingsAction").trigger()
    type_pin(qtbot, window, "0000")
    type_pin(qtbot, window, PIN)
    error = window.gate.dialog.findChild(QLabel, "pinError")
    assert "locked for 15 min" in error.text()
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE action='roles.pin_locked'") == 1


def test_pin_removed_outside_is_shown_at_start(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from pos.app import create_window

    with Store.open(demo_db) as store:
        StaffRoles(store).set_pin(PIN)
    conn = sqlite3.connect(demo_db)
    conn.execute("DELETE FROM settings WHERE key = 'staff_pin_hash'")
    conn.commit()
    conn.close()
    win = create_window(demo_db)
    qtbot.addWidget(win)
    win.show()
    assert "changed outside Food Hub POS" in win.message.text()
    win.findChild(QAction, "hubSettingsAction").trigger()  # still behind the gate
    type_pin(qtbot, win, PIN)
    assert "changed outside" in win.gate.dialog.findChild(QLabel, "pinError").text()
    assert win.findChild(QDialog, "hubSettingsDialog") is None
    pin_dialog = win.open_set_pin()  # staff set a new PIN without the untrusted one
    assert pin_dialog.current.isHidden()
    qtbot.keyClicks(pin_dialog.findChild(QLineEdit, "newPin"), "1357")
    qtbot.keyClicks(pin_dialog.findChild(QLineEdit, "repeatPin"), "1357")
    pin_dialog.findChild(QPushButton, "savePinButton").click()
    assert not win.services.roles.tampered
