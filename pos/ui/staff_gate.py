"""The hub-staff PIN in front of settings screens, reusing the till's PIN dialog.

With no PIN configured the screen opens at once (a one-person hub is never locked out);
otherwise the PIN is checked by :class:`StaffRoles`, which audits every wrong one and
refuses for a while after several (:class:`PinCooldown` counts down on a timer, so the
window never freezes).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from pos.services.roles import PinRequired, PinTampered, PinThrottled, StaffRoles, WrongPin
from pos.ui.till_dialogs import PinDialog
from pos.ui.widgets import fit_to_screen


class PinCooldown(QObject):
    """After too many wrong PINs: the PIN controls stay disabled while a label counts down.

    A one-second :class:`QTimer`, never a sleep: the till keeps answering meanwhile.
    """

    def __init__(self, parent: QObject, label: QLabel, controls: Sequence[QWidget]) -> None:
        super().__init__(parent)
        self.label = label
        self.controls = list(controls)
        self.deadline = 0.0
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def start(self, exc: PinThrottled) -> None:
        self.deadline = time.monotonic() + exc.seconds
        self.locked = exc.locked
        for widget in self.controls:
            widget.setEnabled(False)
        self.timer.start()
        self._tick()

    def _tick(self) -> None:
        left = max(0, math.ceil(self.deadline - time.monotonic()))
        if left <= 0:
            self.timer.stop()
            for widget in self.controls:
                widget.setEnabled(True)
            self.label.setText(QCoreApplication.translate("PinCooldown", "Try the PIN again."))
            return
        if self.locked:
            minutes = (left + 59) // 60
            text = QCoreApplication.translate(
                "PinCooldown",
                "Too many wrong PINs: the hub-staff PIN is locked for %1 min."
                " Hub staff see this in the audit log.",
            ).replace("%1", str(minutes))
        else:
            text = QCoreApplication.translate(
                "PinCooldown", "Too many wrong PINs: try again in %1 s."
            ).replace("%1", str(left))
        self.label.setText(text)
        self.label.window().adjustSize()  # the sentence may wrap onto more lines


def tampered_text() -> str:
    return QCoreApplication.translate(
        "StaffGateDialog",
        "The hub-staff PIN was changed outside Food Hub POS, with another program."
        " Set a new PIN (Till menu, Staff PIN) before going on; the audit log"
        " records it.",
    )


class StaffGateDialog(PinDialog):
    """The PIN dialog that stays open on a wrong PIN and says so."""

    def __init__(self, roles: StaffRoles, action: str, parent: QWidget | None = None) -> None:
        super().__init__(self._reason(action), parent)
        self.roles = roles
        self.action = action
        self.role: str | None = None
        self.cooldown = PinCooldown(self, self.error, [self.pin, self.ok_button])

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
        if action == "privacy.customer":
            return QCoreApplication.translate(
                "StaffGateDialog", "Customer data needs the hub-staff PIN."
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
        except PinThrottled as exc:
            self.pin.clear()
            self.cooldown.start(exc)
            return
        except PinTampered:
            self.error.setText(tampered_text())
            self.adjustSize()
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
