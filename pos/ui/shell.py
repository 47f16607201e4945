"""What the feature modules (printing, sync, settings, reconciliation) may ask of the main
window: a small typed interface instead of reaching into the window's private members.

The main window implements :class:`Shell`; a feature module receives it (and the
``QMainWindow`` for menus and dialog parents) and tells the window about changes through
its own signals, which the window connects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from pos.domain.models import Order
from pos.services.context import Services

if TYPE_CHECKING:
    from pos.ui.staff_gate import StaffGate


class Shell(Protocol):
    """The main window as the feature modules see it."""

    services: Services
    gate: StaffGate  # the hub-staff PIN in front of settings screens

    @property
    def pickup_point_id(self) -> int | None:
        """The pickup point the till is showing (None: all of them)."""
        ...

    def current_order(self) -> Order | None:
        """The order open on the checkout screen, if any."""
        ...

    def show_message(self, text: str, kind: str = "info") -> None:
        """Say something on the till's message line (kind: info, ok, warn, error)."""
        ...
