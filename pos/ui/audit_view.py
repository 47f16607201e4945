"""The audit log viewer: every action with time, till, who and what changed.

Filters by period, till, person, kind of action and free text; exports what it shows
as CSV (the same neutralised, spreadsheet-safe format as the report). The log is read and
formatted on a worker thread (``loading`` until it is shown): it holds up to 5,000 rows.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
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
from pos.services.context import Services
from pos.store.audit_query import AuditFilter
from pos.ui import tasks
from pos.ui.formatting import local_time, money
from pos.ui.reconcile_tables import RowsModel, make_table
from pos.ui.widgets import named

Rows = list[tuple[str, ...]]


# The words below are looked up once per load, not per row: the log shows up to 5,000 rows,
# read on a worker thread that shares the interpreter's lock with the till's window.


def action_names() -> dict[str, str]:
    """Audit rows' kinds (and groups of kinds) in the UI language (worker-safe); a kind
    this version does not know is shown as stored."""
    return {
        "checkout": QCoreApplication.translate("AuditView", "Checkouts"),
        "checkout.collect": QCoreApplication.translate("AuditView", "Order handed over"),
        "checkout.reverse": QCoreApplication.translate("AuditView", "Checkout undone"),
        "checkout.walk_in": QCoreApplication.translate("AuditView", "Walk-in sale"),
        "print": QCoreApplication.translate("AuditView", "Print jobs"),
        "print.cancel": QCoreApplication.translate("AuditView", "Print job cancelled"),
        "print.queue": QCoreApplication.translate("AuditView", "Print job queued"),
        "print.recover": QCoreApplication.translate("AuditView", "Print job recovered"),
        "print.reprint": QCoreApplication.translate("AuditView", "Receipt reprinted"),
        "printer": QCoreApplication.translate("AuditView", "Printer"),
        "printer.settings": QCoreApplication.translate("AuditView", "Printer settings changed"),
        "reconcile": QCoreApplication.translate("AuditView", "Reconciliation"),
        "reconcile.no_show": QCoreApplication.translate("AuditView", "Marked as no-show"),
        "reconcile.no_show_cleared": QCoreApplication.translate(
            "AuditView", "No-show mark cleared"
        ),
        "roles": QCoreApplication.translate("AuditView", "Staff PIN"),
        "roles.pin_removed": QCoreApplication.translate("AuditView", "Staff PIN removed"),
        "roles.pin_set": QCoreApplication.translate("AuditView", "Staff PIN set"),
        "roles.wrong_pin": QCoreApplication.translate("AuditView", "Wrong staff PIN"),
        "settings": QCoreApplication.translate("AuditView", "Settings"),
        "settings.change": QCoreApplication.translate("AuditView", "Setting changed"),
        "settings.sync_rules": QCoreApplication.translate("AuditView", "Sync rules changed"),
        "staff_action": QCoreApplication.translate("AuditView", "OFN actions"),
        "staff_action.done": QCoreApplication.translate("AuditView", "OFN action marked done"),
        "sync": QCoreApplication.translate("AuditView", "Sync"),
        "sync.capture.attempt": QCoreApplication.translate(
            "AuditView", "Payment capture tried in OFN"
        ),
        "sync.conflict": QCoreApplication.translate("AuditView", "Conflict with OFN"),
        "sync.conflict.resolved": QCoreApplication.translate(
            "AuditView", "Conflict with OFN resolved"
        ),
        "sync.push.failed": QCoreApplication.translate("AuditView", "Push to OFN failed"),
        "sync.walk_in.listed": QCoreApplication.translate(
            "AuditView", "Walk-in sale listed for staff"
        ),
        "till": QCoreApplication.translate("AuditView", "Till"),
        "till.cash_in": QCoreApplication.translate("AuditView", "Cash in"),
        "till.cash_out": QCoreApplication.translate("AuditView", "Cash out"),
        "till.close": QCoreApplication.translate("AuditView", "Till closed"),
        "till.open": QCoreApplication.translate("AuditView", "Till opened"),
    }


def role_names() -> dict[str, str]:
    """Who acted, as a kind of person or part of the app, in the UI language (worker-safe)."""
    return {
        "staff": QCoreApplication.translate("AuditView", "staff"),
        "volunteer": QCoreApplication.translate("AuditView", "volunteer"),
        "system": QCoreApplication.translate("AuditView", "the app"),
        "sync": QCoreApplication.translate("AuditView", "sync"),
        "restore": QCoreApplication.translate("AuditView", "backup restore"),
    }


def entity_names() -> dict[str, str]:
    """What an audit row is about, in the UI language (worker-safe); unknown as stored."""
    return {
        "action": QCoreApplication.translate("AuditView", "OFN action"),
        "cash_movement": QCoreApplication.translate("AuditView", "cash movement"),
        "checkout": QCoreApplication.translate("AuditView", "checkout"),
        "journal": QCoreApplication.translate("AuditView", "journal"),
        "order": QCoreApplication.translate("AuditView", "order"),
        "order_cycle": QCoreApplication.translate("AuditView", "order cycle"),
        "pickup_point": QCoreApplication.translate("AuditView", "pickup point"),
        "print_job": QCoreApplication.translate("AuditView", "print job"),
        "round": QCoreApplication.translate("AuditView", "delivery round"),
        "settings": QCoreApplication.translate("AuditView", "settings"),
        "staff_action": QCoreApplication.translate("AuditView", "OFN action"),
        "till_session": QCoreApplication.translate("AuditView", "till session"),
    }


# amounts in the details are minor units: shown as money, never as a bare 23421
MONEY_KEYS = frozenset({"amount", "amount_due", "change", "counted", "credit", "difference",
                        "expected", "float", "goods", "left_owing", "paid", "refund"})  # fmt: skip


def detail_names() -> dict[str, str]:
    """The details' common keys in the UI language (worker-safe); others as stored."""
    return {
        "amount": QCoreApplication.translate("AuditView", "amount"),
        "amount_due": QCoreApplication.translate("AuditView", "due"),
        "change": QCoreApplication.translate("AuditView", "change"),
        "counted": QCoreApplication.translate("AuditView", "counted"),
        "credit": QCoreApplication.translate("AuditView", "credit"),
        "difference": QCoreApplication.translate("AuditView", "difference"),
        "expected": QCoreApplication.translate("AuditView", "expected"),
        "float": QCoreApplication.translate("AuditView", "float"),
        "goods": QCoreApplication.translate("AuditView", "goods"),
        "left_owing": QCoreApplication.translate("AuditView", "left owing"),
        "paid": QCoreApplication.translate("AuditView", "paid"),
        "refund": QCoreApplication.translate("AuditView", "refund"),
        "order": QCoreApplication.translate("AuditView", "order"),
        "receipt_no": QCoreApplication.translate("AuditView", "receipt"),
        "reason": QCoreApplication.translate("AuditView", "reason"),
        "number": QCoreApplication.translate("AuditView", "number"),
        "items": QCoreApplication.translate("AuditView", "items"),
        "changed_lines": QCoreApplication.translate("AuditView", "changed lines"),
        "kind": QCoreApplication.translate("AuditView", "kind"),
    }


def details_text(details: dict[str, Any], names: dict[str, str], currency: str, locale: str) -> str:
    """What changed, as ``name: value`` pairs in the UI language, amounts as money."""
    parts = []
    for key, value in details.items():
        if key in MONEY_KEYS and isinstance(value, int) and not isinstance(value, bool):
            shown = money(value, currency, locale)
        elif isinstance(value, str):
            shown = value
        else:
            shown = json.dumps(value, ensure_ascii=False)
        parts.append(f"{names.get(key, key)}: {shown}")
    return "; ".join(parts)


def _choices(services: Services) -> tuple[list[str], list[str]]:
    """On a worker thread: the tills and the kinds of action in the log."""
    reader = services.store.reader()
    try:
        audit = services.reconcile_on(reader).audit
        actions = audit.actions()
        prefixes = sorted({a.split(".")[0] for a in actions if "." in a})
        return audit.tills(), prefixes + actions
    finally:
        reader.close()


def _entries(services: Services, f: AuditFilter, timezone: str) -> tuple[Rows, list[int]]:
    """On a worker thread: the entries ``f`` picks, formatted for the table."""
    reader = services.store.reader()
    try:
        reconcile = services.reconcile_on(reader)
        entries = reconcile.audit_entries(f)
        hub = reconcile.hub()
    finally:
        reader.close()
    names, roles, actions, entities = detail_names(), role_names(), action_names(), entity_names()
    rows: Rows = [
        (
            local_time(e.at, timezone, "%d/%m %H:%M:%S"),
            e.till_id,
            e.actor,
            roles.get(e.role, e.role),
            actions.get(e.action, e.action),
            f"{entities.get(e.entity, e.entity)} {e.entity_id}".strip(),
            details_text(e.details, names, hub.currency, hub.locale),
        )
        for e in entries
    ]
    return rows, [e.id for e in entries]


class AuditView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.service = services.reconcile
        self.timezone = self.service.hub().timezone
        self._choices_job: tasks.Job[tuple[list[str], list[str]]] | None = None
        self._entries_job: tasks.Job[tuple[Rows, list[int]]] | None = None

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
        # measured once from a sample of the first entries shown (fixed widths cut the
        # time and the French "Caisse"); what changed takes the room left
        self.table = make_table(self.model, "auditTable", self.tr("Audit log"), stretch=6,
                                long=True, whole={0, 1}, names={2})  # fmt: skip

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

    @property
    def loading(self) -> bool:
        return self._choices_job is not None or self._entries_job is not None

    def stop(self) -> None:
        """The window closes: nothing is delivered any more."""
        for job in (self._choices_job, self._entries_job):
            if job is not None:
                job.cancel()
        self._choices_job = self._entries_job = None

    def reload_choices(self) -> None:
        """Fill the till and action lists from the log (keeps the current choice), then the
        entries."""
        if self._choices_job is not None:
            self._choices_job.cancel()
        services = self.services
        self._choices_job = tasks.run(
            lambda: _choices(services),
            on_result=self._show_choices,
            on_error=self._failed,
            owner=self,
            what="audit log choices",
        )

    def _show_choices(self, choices: tuple[list[str], list[str]]) -> None:
        self._choices_job = None
        tills, actions = choices
        words = action_names()
        for combo, values, everything in (
            (self.till, tills, self.tr("All tills")),
            (self.action, actions, self.tr("All actions")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(words.get(value, value) if combo is self.action else value, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._choices_job = self._entries_job = None
        self.count.setText(tasks.describe(exc))

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
        """Read the entries the filters pick, off the GUI thread (the latest choice wins)."""
        if self._entries_job is not None:
            self._entries_job.cancel()
        services, f, timezone = self.services, self.current_filter(), self.timezone
        self._entries_job = tasks.run(
            lambda: _entries(services, f, timezone),
            on_result=self._show_entries,
            on_error=self._failed,
            owner=self,
            what="audit log",
        )

    def _show_entries(self, loaded: tuple[Rows, list[int]]) -> None:
        self._entries_job = None
        rows, keys = loaded
        self.model.set_rows(rows, keys=keys)
        self.count.setText(self.tr("%n entry(ies) shown", "", len(rows)))

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
