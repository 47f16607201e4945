"""The reconcile window's "To do in OFN" tab: what hub staff must enter in Open Food
Network (open the order's admin page, mark done) and the conflicts to resolve.

The rows are made in a worker process (:func:`pos.ui.reconcile_rows.prepare_actions`),
open ones and all of them.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos.domain import reconcile as r
from pos.errors import KnownError
from pos.services.reconcile import ReconcileService
from pos.ui import tasks
from pos.ui.reconcile_rows import ActionNames, Shown
from pos.ui.reconcile_tables import KEY_ROLE, RowsModel, make_table, selected_keys
from pos.ui.widgets import named

__all__ = ["ActionNames", "ActionsTab"]


class ActionsTab(QWidget):
    """``changed`` after an action was marked done or a conflict resolved (the window
    reloads); ``message`` a sentence for the window's message line."""

    changed = Signal()
    message = Signal(str)

    def __init__(
        self, service: ReconcileService, staff_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.staff_name = staff_name
        self.lines: tuple[r.StaffActionLine, ...] = ()
        self.shown: dict[bool, Shown] = {}
        self.kind_names = {
            "enter_payment": self.tr("Enter the payment"),
            "unpaid_handover": self.tr("Handed over unpaid"),
            "credit": self.tr("Refund or credit"),
            "walk_in": self.tr("Record the walk-in sale"),
            "conflict": self.tr("Conflict"),
            "error": self.tr("Error"),
            "pending_payment": self.tr("Void the OFN payment"),
            "late_email": self.tr("Customer emailed late"),
            "double_handover": self.tr("Handed over twice"),
        }
        self.done_by = self.tr("%1 by %2")
        self.show_done = QCheckBox(self.tr("Show actions already done"))
        named(self.show_done, "showDoneActions", self.tr("Show actions already done"))
        self.actions_model = RowsModel(
            [
                self.tr("Order"), self.tr("Customer"), self.tr("What to do"), self.tr("Why"),
                self.tr("Amount"), self.tr("Method"), self.tr("Since"), self.tr("Done"),
            ],
            numeric={4},
        )  # fmt: skip
        self.actions_table = make_table(
            self.actions_model, "actionsTable", self.tr("To do in OFN"), stretch=3, long=True,
            whole={0, 6}, names={1},
        )  # fmt: skip
        self.open_ofn_button = QPushButton(self.tr("Open in OFN"))
        named(self.open_ofn_button, "openOfnButton", self.tr("Open the order's page in OFN"))
        self.mark_done_button = QPushButton(self.tr("Mark done"))
        named(self.mark_done_button, "markDoneButton", self.tr("Mark the action done"))
        self.keep_local_button = QPushButton(self.tr("Keep the till's collection"))
        named(self.keep_local_button, "keepLocalButton", self.tr("Keep the till's collection"))
        self.accept_ofn_button = QPushButton(self.tr("Accept OFN's state"))
        named(self.accept_ofn_button, "acceptOfnButton", self.tr("Accept OFN's state"))
        hint = QLabel(
            self.tr(
                "OFN's API cannot record most payments taken at the till: open the order in "
                "OFN, enter what is listed, then mark it done here."
            )
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_done)
        buttons.addStretch(1)
        for b in (self.open_ofn_button, self.mark_done_button, self.keep_local_button,
                  self.accept_ofn_button):  # fmt: skip
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.actions_table)
        layout.addLayout(buttons)
        self.show_done.toggled.connect(self.fill)
        self.actions_table.selectionModel().selectionChanged.connect(self._buttons)
        self.open_ofn_button.clicked.connect(self.open_in_ofn)
        self.mark_done_button.clicked.connect(self.mark_done)
        self.keep_local_button.clicked.connect(lambda: self.resolve(keep_local=True))
        self.accept_ofn_button.clicked.connect(lambda: self.resolve(keep_local=False))

    def show_lists(self, actions: tuple[r.StaffActionLine, ...], shown: dict[bool, Shown]) -> None:
        self.lines, self.shown = actions, shown
        self.fill()

    def fill(self) -> None:
        chosen = self.shown.get(self.show_done.isChecked())
        if chosen is not None:
            self.actions_model.set_rows(chosen.rows, keys=chosen.keys, tints=chosen.tints)
        self._buttons()

    def _selected(self) -> list[r.StaffActionLine]:
        keys = set(selected_keys(self.actions_table))
        return [a for a in self.lines if a.id in keys]

    def _buttons(self) -> None:
        chosen = self._selected()
        one = chosen[0] if len(chosen) == 1 else None
        self.open_ofn_button.setEnabled(bool(one and one.admin_url))
        self.mark_done_button.setEnabled(bool(one and one.is_open))
        can_resolve = bool(
            one and one.kind == "conflict" and one.is_open and one.order_id is not None
            and self.service.can_resolve_conflicts
        )  # fmt: skip
        self.keep_local_button.setEnabled(can_resolve)
        self.accept_ofn_button.setEnabled(can_resolve)

    def select_action(self, action_id: str) -> bool:
        model = self.actions_model
        for row in range(model.rowCount()):
            if model.index(row, 0).data(KEY_ROLE) == action_id:
                self.actions_table.selectRow(row)
                return True
        return False

    def open_in_ofn(self) -> None:
        chosen = self._selected()
        if len(chosen) == 1 and chosen[0].admin_url:
            QDesktopServices.openUrl(QUrl(chosen[0].admin_url))

    def mark_done(self) -> None:
        chosen = self._selected()
        if len(chosen) != 1:
            return
        action = chosen[0]
        try:
            self.service.mark_action_done(action.id, self.staff_name)
        except KnownError as exc:
            self.message.emit(tasks.describe(exc))
            return
        self.message.emit(
            self.tr("Marked done: %1.").replace("%1", action.order_number or action.kind)
        )
        self.changed.emit()

    def resolve(self, *, keep_local: bool) -> None:
        chosen = self._selected()
        if len(chosen) != 1 or chosen[0].order_id is None:
            return
        action = chosen[0]
        order_id = int(action.order_id or 0)
        try:
            self.service.resolve_conflict(order_id, keep_local=keep_local, actor=self.staff_name)
        except KnownError as exc:
            self.message.emit(tasks.describe(exc))
            return
        text = (
            self.tr("Kept the till's collection of %1; it is flagged for staff.")
            if keep_local
            else self.tr("Accepted OFN's state for %1; the till's collection was reversed.")
        )
        self.message.emit(text.replace("%1", action.order_number))
        self.changed.emit()
