"""The audit log viewer: every action with time, till, who and what changed.

Filters by period, till, person, kind of action and free text; exports what it shows
as CSV (the same neutralised, spreadsheet-safe format as the report).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.timezones import zone as tz_zone
from pos.errors import KnownError
from pos.services.reconcile import ReconcileService
from pos.store.audit_query import AuditFilter
from pos.ui import tasks
from pos.ui.formatting import local_time
from pos.ui.reconcile_tables import RowsModel, make_table
from pos.ui.widgets import named


class AuditView(QWidget):
    def __init__(self, service: ReconcileService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.timezone = service.hub().timezone

        self.period = QComboBox()
        named(self.period, "auditPeriod", self.tr("Period"))
        self.period.addItem(self.tr("All time"), None)
        self.period.addItem(self.tr("Today"), 0)
        self.period.addItem(self.tr("Last 7 days"), 6)
        self.till = QComboBox()
        named(self.till, "auditTill", self.tr("Till"))
        self.action = QComboBox()
        named(self.action, "auditAction", self.tr("Kind of action"))
        self.actor = QLineEdit()
        named(self.actor, "auditActor", self.tr("Person"))
        self.actor.setPlaceholderText(self.tr("Person"))
        self.text = QLineEdit()
        named(self.text, "auditText", self.tr("Search the audit log"))
        self.text.setPlaceholderText(self.tr("Order, receipt or text"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        named(self.export_button, "auditExportButton", self.tr("Export the audit log as CSV"))
        self.count = QLabel()
        named(self.count, "auditCount", self.tr("Entries shown"))

        self.model = RowsModel(
            [
                self.tr("Time"), self.tr("Till"), self.tr("Who"), self.tr("Role"),
                self.tr("Action"), self.tr("About"), self.tr("What changed"),
            ]
        )  # fmt: skip
        self.table = make_table(self.model, "auditTable", self.tr("Audit log"), stretch=6,
                                fit=False)  # fmt: skip
        self.table.setWordWrap(False)
        for col, width in enumerate((110, 50, 130, 70, 170, 160)):
            self.table.setColumnWidth(col, width)

        bar = QHBoxLayout()
        for label, widget in (
            (self.tr("Period"), self.period),
            (self.tr("Till"), self.till),
            (self.tr("Action"), self.action),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.actor, 1)
        bar.addWidget(self.text, 2)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.count)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        for combo in (self.period, self.till, self.action):
            combo.currentIndexChanged.connect(self.refresh)
        self.actor.textChanged.connect(self._debounce.start)
        self.text.textChanged.connect(self._debounce.start)
        self.export_button.clicked.connect(self._choose_export)
        self.reload_choices()

    def reload_choices(self) -> None:
        """Fill the till and action lists from the log (keeps the current choice)."""
        for combo, values, everything in (
            (self.till, self.service.audit.tills(), self.tr("All tills")),
            (self.action, self._action_choices(), self.tr("All actions")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(self.action_label(value) if combo is self.action else value, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)
        self.refresh()

    def action_label(self, action: str) -> str:
        """The audit row's kind in the UI language; a kind this version does not know (or a
        group of kinds) as stored."""
        labels = {
            "checkout": self.tr("Checkouts"),
            "checkout.collect": self.tr("Order handed over"),
            "checkout.reverse": self.tr("Checkout undone"),
            "checkout.walk_in": self.tr("Walk-in sale"),
            "print": self.tr("Print jobs"),
            "print.cancel": self.tr("Print job cancelled"),
            "print.queue": self.tr("Print job queued"),
            "print.recover": self.tr("Print job recovered"),
            "print.reprint": self.tr("Receipt reprinted"),
            "printer": self.tr("Printer"),
            "printer.settings": self.tr("Printer settings changed"),
            "reconcile": self.tr("Reconciliation"),
            "reconcile.no_show": self.tr("Marked as no-show"),
            "reconcile.no_show_cleared": self.tr("No-show mark cleared"),
            "roles": self.tr("Staff PIN"),
            "roles.pin_removed": self.tr("Staff PIN removed"),
            "roles.pin_set": self.tr("Staff PIN set"),
            "roles.wrong_pin": self.tr("Wrong staff PIN"),
            "settings": self.tr("Settings"),
            "settings.change": self.tr("Setting changed"),
            "settings.sync_rules": self.tr("Sync rules changed"),
            "staff_action": self.tr("OFN actions"),
            "staff_action.done": self.tr("OFN action marked done"),
            "sync": self.tr("Sync"),
            "sync.capture.attempt": self.tr("Payment capture tried in OFN"),
            "sync.conflict": self.tr("Conflict with OFN"),
            "sync.conflict.resolved": self.tr("Conflict with OFN resolved"),
            "sync.push.failed": self.tr("Push to OFN failed"),
            "sync.walk_in.listed": self.tr("Walk-in sale listed for staff"),
            "till": self.tr("Till"),
            "till.cash_in": self.tr("Cash in"),
            "till.cash_out": self.tr("Cash out"),
            "till.close": self.tr("Till closed"),
            "till.open": self.tr("Till opened"),
        }
        return labels.get(action, action)

    def _action_choices(self) -> list[str]:
        actions = self.service.audit.actions()
        prefixes = sorted({a.split(".")[0] for a in actions if "." in a})
        return prefixes + actions

    def current_filter(self) -> AuditFilter:
        since = None
        days = self.period.currentData()
        if days is not None:
            zone = tz_zone(self.timezone)
            start = datetime.now(zone).replace(hour=0, minute=0, second=0, microsecond=0)
            start -= timedelta(days=int(days))
            since = start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        return AuditFilter(
            since=since,
            till_id=self.till.currentData(),
            action=self.action.currentData(),
            actor=self.actor.text().strip() or None,
            text=self.text.text().strip() or None,
        )

    def refresh(self) -> None:
        entries = self.service.audit_entries(self.current_filter())
        self.model.set_rows(
            [
                (
                    local_time(e.at, self.timezone, "%d/%m %H:%M:%S"),
                    e.till_id,
                    e.actor,
                    e.role,
                    self.action_label(e.action),
                    f"{e.entity} {e.entity_id}".strip(),
                    e.details_text,
                )
                for e in entries
            ],
            keys=[e.id for e in entries],
        )
        self.count.setText(self.tr("%n entry(ies) shown", "", len(entries)))

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), "audit-log.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(path)

    def export_csv(self, path: str | Path) -> Path | None:
        try:
            written = self.service.export_audit_csv(path, self.current_filter())
        except KnownError as exc:
            self.count.setText(tasks.describe(exc))
            return None
        self.count.setText(self.tr("Saved %1").replace("%1", str(written)))
        return written
