"""The hub-staff PIN in front of settings screens, reusing the till's PIN dialog.

With no PIN configured the screen opens at once (a one-person hub is never locked out);
otherwise the PIN is checked by :class:`StaffRoles`, which audits every wrong one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pos.services.roles import PinRequired, StaffRoles, WrongPin
from pos.ui.till_dialogs import PinDialog
from pos.ui.widgets import fit_to_screen


class StaffGateDialog(PinDialog):
    """The PIN dialog that stays open on a wrong PIN and says so."""

    def __init__(self, roles: StaffRoles, action: str, parent: QWidget | None = None) -> None:
        super().__init__(self._reason(action), parent)
        self.roles = roles
        self.action = action
        self.role: str | None = None

    @staticmethod
    def _reason(action: str) -> str:
        if action == "settings.open":
            return QCoreApplication.translate(
                "StaffGateDialog", "Hub settings need the hub-staff PIN."
            )
        if action == "sync.settings":
            return QCoreApplication.translate(
                "StaffGateDialog", "The connection to Open Food Network needs the hub-staff PIN."
            )
        if action == "printer.settings":
            return QCoreApplication.translate(
                "StaffGateDialog", "Printer settings need the hub-staff PIN."
            )
        if action == "vault.recovery_code":
            return QCoreApplication.translate(
                "StaffGateDialog", "The database's recovery code is for hub staff: their PIN."
            )
        return QCoreApplication.translate("StaffGateDialog", "This needs the hub-staff PIN.")

    def accept(self) -> None:
        try:
            self.role = self.roles.require(self.action, self.value() or None)
        except PinRequired:
            self.error.setText(self.tr("Type the hub-staff PIN."))
            self.pin.setFocus()
            return
        except WrongPin:
            self.error.setText(self.tr("That PIN is not right."))
            self.pin.clear()
            self.pin.setFocus()
            return
        super().accept()


def staff_gate(parent: QWidget, roles: StaffRoles, action: str, then: Callable[[], Any]) -> Any:
    """Run ``then`` now when no PIN is set (returning its result), else ask for the PIN first.

    With a PIN the returned value is the :class:`StaffGateDialog` (``parent.staff_gate``);
    ``then`` runs once the right PIN is typed.
    """
    if not roles.pin_configured:
        return then()
    dialog = StaffGateDialog(roles, action, parent)
    dialog.accepted.connect(then)
    parent.staff_gate = dialog  # type: ignore[attr-defined]
    fit_to_screen(dialog)
    dialog.open()
    dialog.pin.setFocus()
    return dialog
