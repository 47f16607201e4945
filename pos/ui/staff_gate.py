"""The hub-staff PIN in front of settings screens, reusing the till's PIN dialog.

With no PIN configured the screen opens at once (a one-person hub is never locked out);
otherwise the PIN is checked by :class:`StaffRoles`, which audits every wrong one and
refuses for a while after several (:class:`PinCooldown` counts down on a timer, so the
window never freezes). The main window owns one :class:`StaffGate` (``Shell.gate``); the
feature modules open their screens through it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.services.roles import PinRequired, PinTampered, PinThrottled, StaffRoles, WrongPin
from pos.ui.widgets import big, error_label, fit_to_screen, named

T = TypeVar("T")

# What the countdown says each second: a short wait in seconds, a lockout in minutes.
_WAIT = QT_TRANSLATE_NOOP("PinCooldown", "Too many wrong PINs: try again in %1 s.")
_LOCKED = QT_TRANSLATE_NOOP(
    "PinCooldown",
    "Too many wrong PINs: the hub-staff PIN is locked for %1 min."
    " Hub staff see this in the audit log.",
)

# Why the PIN is asked, per gated action.
_REASONS = {
    "settings.open": QT_TRANSLATE_NOOP("StaffGateDialog", "Hub settings need the hub-staff PIN."),
    "sync.settings": QT_TRANSLATE_NOOP(
        "StaffGateDialog", "The connection to Open Food Network needs the hub-staff PIN."
    ),
    "printer.settings": QT_TRANSLATE_NOOP(
        "StaffGateDialog", "Printer settings need the hub-staff PIN."
    ),
    "privacy.customer": QT_TRANSLATE_NOOP(
        "StaffGateDialog", "Customer data needs the hub-staff PIN."
    ),
    "vault.recovery_code": QT_TRANSLATE_NOOP(
        "StaffGateDialog", "The database's recovery code is for hub staff: their PIN."
    ),
}
_ANY_REASON = QT_TRANSLATE_NOOP("StaffGateDialog", "This needs the hub-staff PIN.")


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
        count, template = ((left + 59) // 60, _LOCKED) if self.locked else (left, _WAIT)
        text = QCoreApplication.translate("PinCooldown", str(template)).replace("%1", str(count))
        self.label.setText(text)
        self.label.window().adjustSize()  # the sentence may wrap onto more lines


def tampered_text() -> str:
    return QCoreApplication.translate(
        "StaffGateDialog",
        "The hub-staff PIN was changed outside Food Hub POS, with another program."
        " Set a new PIN (Till menu, Staff PIN) before going on; the audit log"
        " records it.",
    )


def check_pin(
    roles: StaffRoles,
    action: str,
    field: QLineEdit,
    message: QLabel,
    cooldown: PinCooldown,
) -> str | None:
    """The role the PIN typed in ``field`` gives for ``action``; else None, with the reason
    said in ``message`` (a wait or lockout counts down in it)."""
    try:  # a wrong PIN is audited by the roles service
        return roles.require(action, field.text().strip() or None)
    except PinRequired:
        message.setText(QCoreApplication.translate("StaffGateDialog", "Type the hub-staff PIN."))
        field.setFocus()
    except WrongPin:
        message.setText(QCoreApplication.translate("StaffGateDialog", "That PIN is not right."))
        field.clear()
        field.setFocus()
    except PinThrottled as exc:
        field.clear()
        cooldown.start(exc)
    except PinTampered:
        message.setText(tampered_text())
        message.window().adjustSize()
    return None


class PinDialog(QDialog):
    """Asks for the hub-staff PIN (never stored, only passed to the service)."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Hub staff PIN"))
        self.pin = QLineEdit()
        named(self.pin, "pinInput", self.tr("Staff PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(44)
        self.error = error_label("pinError")
        ok = big(QPushButton(self.tr("OK")))
        named(ok, "pinOkButton", self.tr("Confirm PIN"))
        self.ok_button = ok
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        cancel = big(QPushButton(self.tr("Cancel")))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(reason))
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(cancel)
        row.addWidget(ok)
        layout.addLayout(row)

    def value(self) -> str:
        return self.pin.text().strip()


class StaffGateDialog(PinDialog):
    """The PIN dialog that stays open on a wrong PIN and says so."""

    def __init__(self, roles: StaffRoles, action: str, parent: QWidget | None = None) -> None:
        reason = _REASONS.get(action, _ANY_REASON)
        super().__init__(QCoreApplication.translate("StaffGateDialog", str(reason)), parent)
        self.roles = roles
        self.action = action
        self.role: str | None = None
        self.cooldown = PinCooldown(self, self.error, [self.pin, self.ok_button])

    def accept(self) -> None:
        self.role = check_pin(self.roles, self.action, self.pin, self.error, self.cooldown)
        if self.role is not None:
            super().accept()


class StaffGate(QObject):
    """The hub-staff PIN in front of a window's screens; the main window owns one.

    ``open(action, then)`` runs ``then(role)`` at once when no PIN is set (role
    "volunteer"), else once the right PIN is typed (role "staff"). ``dialog`` is the last
    PIN dialog it opened.
    """

    def __init__(self, window: QWidget, roles: StaffRoles) -> None:
        super().__init__(window)
        self.window = window
        self.roles = roles
        self.dialog: StaffGateDialog | None = None

    def open(self, action: str, then: Callable[[str], T]) -> T | StaffGateDialog:
        """``then``'s result when no PIN is set, else the PIN dialog now open."""
        if not self.roles.pin_configured:
            return then("volunteer")
        dialog = self.dialog = StaffGateDialog(self.roles, action, self.window)
        dialog.accepted.connect(lambda: then(dialog.role or "staff"))
        fit_to_screen(dialog)
        dialog.open()
        dialog.pin.setFocus()
        return dialog
