"""Hub-staff steps in the main window: typing the PIN into its PIN gate (``window.gate``), and
opening the reconcile window behind its staff dialog (a name, and the PIN when one is set)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton

from tests.helpers.till import find
from tests.helpers.wait import settle


def type_pin(qtbot, window, pin: str) -> QDialog:  # type: ignore[no-untyped-def]
    """Type ``pin`` into the open PIN dialog and press OK; the dialog (still open on a
    wrong PIN) is returned."""
    gate = window.gate.dialog
    assert gate is not None and gate.isVisible() and gate.objectName() == "pinDialog"
    field = gate.findChild(QLineEdit, "pinInput")
    field.clear()
    qtbot.keyClicks(field, pin)
    gate.findChild(QPushButton, "pinOkButton").click()
    return gate


def open_reconcile(qtbot: Any, window: Any, name: str = "Office Olga", pin: str = "") -> QDialog:
    """Open the reconcile window as hub staff: its menu action, then ``name`` (and ``pin``, when
    the hub set one) typed into the staff dialog and OK clicked. Accepted: waits until the
    dialog is gone and the window shows its first figures (``window.reconcile_window``).
    The staff dialog is returned (still open when the PIN was refused)."""
    action = window.findChild(QAction, "reconcileAction")
    assert action is not None
    action.trigger()
    dialog = window.findChild(QDialog, "staffPinDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(find(dialog, QLineEdit, "staffName"), name)
    if pin:
        qtbot.keyClicks(find(dialog, QLineEdit, "staffPin"), pin)
    qtbot.mouseClick(find(dialog, QPushButton, "staffPinOk"), Qt.MouseButton.LeftButton)
    if not dialog.isVisible():  # accepted
        qtbot.waitUntil(lambda: window.findChild(QDialog, "staffPinDialog") is None)
        assert window.reconcile_window is not None
        settle(qtbot, window.reconcile_window)
    return dialog
