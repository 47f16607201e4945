"""Typing the hub-staff PIN into the main window's PIN gate (``window.gate``)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton


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
