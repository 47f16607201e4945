"""Receipts and print queue: reprint any past receipt; see, retry or cancel print jobs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.domain.models import FALLBACK_CURRENCY, FALLBACK_LOCALE, FALLBACK_TIMEZONE
from pos.errors import KnownError
from pos.services.printing import PrintService
from pos.ui import tasks
from pos.ui.formatting import local_time, money

ID_ROLE = Qt.ItemDataRole.UserRole


def _table(name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (row_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # a long problem is cut in its column: all of it on hover
            item.setData(ID_ROLE, row_id)
            table.setItem(r, c, item)
    if rows:
        table.selectRow(0)


class PrintQueueDialog(QDialog):
    def __init__(
        self,
        service: PrintService,
        *,
        order_id: int | None = None,
        wake: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printQueueDialog")
        self.setWindowTitle(self.tr("Receipts and print queue"))
        self.resize(900, 600)
        self.service = service
        self.order_id = order_id
        self.wake_worker = wake or (lambda: None)
        hub = service.jobs.hub() or {}
        self.currency = hub.get("currency", FALLBACK_CURRENCY)
        self.hub_locale = hub.get("locale", FALLBACK_LOCALE)
        self.timezone = hub.get("timezone", FALLBACK_TIMEZONE)

        self.receipts = _table(
            "receiptList",
            self.tr("Receipts"),
            [
                self.tr("Receipt"),
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Order"),
                self.tr("Customer"),
                self.tr("Total"),
            ],
        )
        self.reprint_button = QPushButton(self.tr("Reprint (marked COPY)"))
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.setAccessibleName(self.tr("Reprint the selected receipt"))
        self.reprint_button.clicked.connect(self.reprint)
        self.jobs = _table(
            "printJobList",
            self.tr("Print jobs"),
            [
                self.tr("Queued"),
                self.tr("Document"),
                self.tr("Status"),
                self.tr("Tries"),
                self.tr("Problem"),
            ],
        )
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retryJobButton")
        self.retry_button.clicked.connect(self.retry)
        self.cancel_button = QPushButton(self.tr("Cancel job"))
        self.cancel_button.setObjectName("cancelJobButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.message = QLabel()
        self.message.setObjectName("printQueueMessage")
        self.message.setWordWrap(True)

        title = (
            self.tr("Receipts of the open order") if order_id is not None else self.tr("Receipts")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{title}</b>"))
        layout.addWidget(self.receipts, 3)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reprint_button)
        layout.addLayout(row)
        layout.addWidget(QLabel("<b>" + self.tr("Print jobs") + "</b>"))
        layout.addWidget(self.jobs, 2)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.retry_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    def _kind(self, kind: str) -> str:
        return {
            "collection": self.tr("Collection"),
            "walk_in": self.tr("Walk-in sale"),
            "reversal": self.tr("Refund"),
            "receipt": self.tr("Receipt"),
            "label": self.tr("Bag labels"),
            "z_report": self.tr("Till report"),
            "delivery_note": self.tr("Delivery note"),
            "test": self.tr("Test print"),
        }.get(kind, kind)

    def _status(self, status: str) -> str:
        return {
            "queued": self.tr("Waiting"),
            "printing": self.tr("Printing"),
            "done": self.tr("Printed"),
            "failed": self.tr("Cannot print"),
            "cancelled": self.tr("Cancelled"),
        }.get(status, status)

    def refresh(self) -> None:
        receipts = self.service.jobs.recent_checkouts(self.order_id)
        _fill(
            self.receipts,
            [
                (
                    str(r["id"]),
                    [
                        r["receipt_no"],
                        local_time(r["created_at"], self.timezone),
                        self._kind(r["kind"])
                        + (self.tr(" (reversed)") if r["reversed_at"] else ""),
                        r["order_number"],
                        r["customer_name"],
                        money(r["total"], r["currency"], self.hub_locale),
                    ],
                )
                for r in receipts
            ],
        )
        _fill(
            self.jobs,
            [
                (
                    job.id,
                    [
                        local_time(job.created_at, self.timezone),
                        " ".join(
                            part
                            for part in (
                                self._kind(job.kind),
                                what,
                                self.tr("(copy)") if job.is_copy else "",
                            )
                            if part
                        ),
                        self._status(job.status),
                        str(job.attempts),
                        tasks.describe_stored(job.last_error),
                    ],
                )
                for job, what in self.service.jobs.described(limit=100)
            ],
        )

    def _selected(self, table: QTableWidget) -> str | None:
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        return None if item is None else str(item.data(ID_ROLE))

    def reprint(self) -> bool:
        checkout_id = self._selected(self.receipts)
        if checkout_id is None:
            self.message.setText(self.tr("Choose a receipt first."))
            return False
        try:
            self.service.reprint_receipt(checkout_id)
        except KnownError as exc:
            self.message.setText(tasks.describe(exc))
            return False
        self.message.setText(self.tr("Sent to the printer, marked COPY."))
        self.wake_worker()
        self.refresh()
        return True

    def retry(self) -> bool:
        job_id = self._selected(self.jobs)
        if job_id is None:
            return False
        try:
            retried = self.service.jobs.retry(job_id)
        except KnownError as exc:
            self.message.setText(tasks.describe(exc))
            return False
        self.wake_worker()
        self.refresh()
        return retried

    def cancel(self) -> bool:
        job_id = self._selected(self.jobs)
        if job_id is None:
            return False
        try:
            cancelled = self.service.jobs.cancel(job_id)
        except KnownError as exc:
            self.message.setText(tasks.describe(exc))
            return False
        if not cancelled:
            self.message.setText(self.tr("Only a waiting job can be cancelled."))
        self.refresh()
        return cancelled
