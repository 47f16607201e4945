"""Print spooling: the queue of receipts, labels and Z reports, and printing one job.

Printing is in pieces: settings (:mod:`pos.services.print_settings`), stored rows turned
into documents (:mod:`pos.services.print_documents`, pure), this queue, and the worker's
loop (:mod:`pos.services.print_loop`). No Qt and no SQL here. Rules (docs/design.md rule 4):

- The checkout never waits: it only inserts a ``print_jobs`` row; documents are built from
  the store when the job prints (the store is the source of truth).
- A printer that is off, out of paper or open gets nothing (status is asked first); the job
  stays queued with the reason, and the loop retries with a back-off until it prints.
- No job prints twice unless someone asks for a reprint (a new job, marked COPY). A job that
  may have partly printed (connection broke mid-send, or the app died while sending) is
  queued again *as a copy* rather than lost or silently duplicated.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pos import messages
from pos.domain import settings as s
from pos.domain.models import FALLBACK_CURRENCY, FALLBACK_LOCALE, FALLBACK_TIMEZONE
from pos.errors import KnownError
from pos.services.methods import method_labels
from pos.services.print_settings import PrinterSettings, load_settings, save_settings
from pos.services.till import build_z_report
from pos.store.db import Store, utcnow
from pos.store.print_jobs import PrintJob, PrintJobs
from pos.store.till import TillRepository
from receipts import printers
from receipts.escpos_render import render

if TYPE_CHECKING:  # the documents' layout loads at the first print, not at the till's start
    from receipts.document import Document
    from receipts.label import LabelData
    from receipts.receipt import ReceiptData
    from receipts.z_report import ZReportData

__all__ = [
    "JobOutcome",
    "PrintError",
    "PrintService",
    "PrinterSettings",
    "QueueState",
    "hub_info",
    "load_settings",
    "print_sample_receipt",
    "sample_document",
    "sample_receipt_bytes",
    "save_settings",
]

log = logging.getLogger(__name__)


class PrintError(KnownError):
    """A document cannot be printed (its checkout, session or order does not exist)."""


# outcomes -------------------------------------------------------------------------------
@dataclass(frozen=True)
class JobOutcome:
    job: PrintJob | None
    printed: bool
    error: str = ""  # coded (messages.stored), worded where shown (messages.word_stored)
    fault: str = ""  # printers.FaultKind, or "render" when the job itself is broken
    after: printers.PrinterStatus | None = None  # status reported after sending
    failure: KnownError | None = None  # the error behind ``error``, worded where shown


@dataclass(frozen=True)
class QueueState:
    """What the status bar shows about printing."""

    configured: bool
    waiting: int
    failed: int
    problem: str = ""  # the current printer fault, coded (messages.stored); worded where shown
    fault: str = ""
    last_printed_at: str | None = None


# the service ----------------------------------------------------------------------------
class PrintService:
    def __init__(
        self, store: Store, *, printer_uri: str | None = None, till_id: str | None = None
    ) -> None:
        self.store = store
        self.jobs = PrintJobs(store)
        self.override_uri = printer_uri
        self.till_id = till_id or store.settings.get(s.TILL_LABEL)

    def settings(self) -> PrinterSettings:
        return load_settings(self.store, self.override_uri)

    # queueing -----------------------------------------------------------------------
    def enqueue_receipt(self, checkout_id: str, *, copy: bool = False, actor: str = "") -> str:
        if not self.jobs.checkout_exists(checkout_id):
            raise PrintError("print.receipt_missing")
        return self.jobs.enqueue(
            "receipt", checkout_id, is_copy=copy, actor=actor, till_id=self.till_id
        )

    def reprint_receipt(self, checkout_id: str, actor: str = "") -> str:
        """Any past receipt, printed again marked COPY (audited as a reprint)."""
        return self.enqueue_receipt(checkout_id, copy=True, actor=actor)

    def reprint_last_for_order(self, order_id: int, actor: str = "") -> str:
        found = self.jobs.checkouts_for_order(order_id)
        if not found:
            raise PrintError("print.not_collected")
        return self.reprint_receipt(str(found[0]["id"]), actor)

    def enqueue_z_report(self, session_id: str | None = None, actor: str = "") -> str:
        session_id = session_id or self.jobs.open_session_id(self.till_id)
        session_id = session_id or self.jobs.last_session_id(self.till_id)
        if session_id is None:
            raise PrintError("print.no_session")
        return self.jobs.enqueue("z_report", session_id, actor=actor, till_id=self.till_id)

    def enqueue_labels(self, order_number: str, *, bags: int | None = None, actor: str = "") -> str:
        if self.jobs.order_for_labels(order_number) is None:
            raise PrintError("print.order_missing", number=order_number)
        payload = {"bags": bags} if bags else {}
        return self.jobs.enqueue("label", order_number, payload, actor=actor, till_id=self.till_id)

    def enqueue_labels_for_pickup(self, pickup_point_id: int | None, actor: str = "") -> int:
        """One label job per order of the pickup point (all pickup points when None)."""
        numbers = self.jobs.order_numbers_for_pickup(pickup_point_id)
        for number in numbers:
            self.jobs.enqueue("label", number, actor=actor, till_id=self.till_id)
        return len(numbers)

    def enqueue_delivery_note(self, order_id: int, actor: str = "") -> str:
        """A delivery note for the order: what was delivered and paid once the round recorded
        it, else the order as packed and what to collect (left in the bag)."""
        from pos.store.orders import OrderRepository

        order = OrderRepository(self.store).get(order_id)
        if order is None:
            raise PrintError("print.no_such_order")
        return self.jobs.enqueue(
            "delivery_note", order.number, {"order_id": order_id}, actor=actor,
            till_id=self.till_id,
        )  # fmt: skip

    def delivery_note_data(self, order_id: int, settings: PrinterSettings) -> ReceiptData:
        from dataclasses import replace

        from pos.store.orders import OrderRepository
        from pos.store.rounds import RoundRepository
        from receipts.receipt import ReceiptData, ReceiptLine

        address = RoundRepository(self.store).ship_addresses([order_id]).get(order_id)
        lines = address.lines() if address else ()
        found = self.jobs.checkouts_for_order(order_id)
        live = [c for c in found if c["kind"] == "collection" and not c["reversed_at"]]
        if live:
            data = self.receipt_data(str(live[0]["id"]), settings)
            return replace(data, delivery_note=True, delivery_address=lines)
        order = OrderRepository(self.store).get(order_id)
        if order is None:
            raise PrintError("print.note_order_gone")
        hub = self.jobs.hub() or {}
        return ReceiptData(
            hub_name=hub.get("name", ""), receipt_no=order.number, kind="delivery",
            created_at=order.completed_at or "", till_id=self.till_id, volunteer="",
            currency=order.currency, locale=hub.get("locale", FALLBACK_LOCALE),
            timezone=hub.get("timezone", FALLBACK_TIMEZONE), order_number=order.number,
            customer_name=order.customer_name,
            lines=tuple(
                ReceiptLine(
                    name=li.product_name, variant=li.variant_name, quantity=li.quantity,
                    unit_price=li.unit_price, amount=li.amount, quantity_ordered=li.quantity,
                )
                for li in order.line_items
            ),
            goods_total=order.item_total, fees_total=order.adjustment_total,
            order_total=order.total, paid_online=order.payment_total,
            amount_due=order.outstanding, footer=settings.footer,
            delivery_note=True, delivery_address=lines,
        )  # fmt: skip

    # documents: rows from the store, made into documents by print_documents ----------
    def receipt_data(
        self, checkout_id: str, settings: PrinterSettings, *, copy: bool = False
    ) -> ReceiptData:
        row = self.jobs.checkout(checkout_id)
        if row is None:
            raise PrintError("print.checkout_gone")
        from pos.services import print_documents

        labels = method_labels(self.store, settings.language)
        return print_documents.receipt_data(row, settings, labels, copy=copy)

    def z_report_data(
        self, session_id: str, settings: PrinterSettings, *, copy: bool = False
    ) -> ZReportData:
        """The till session's report: the same figures the till's screen shows."""
        till = TillRepository(self.store)
        session = till.get(session_id)
        if session is None:
            raise PrintError("print.session_gone")
        hub = self.jobs.hub() or {}
        report = build_z_report(till, session, hub.get("currency", FALLBACK_CURRENCY))
        from pos.services import print_documents

        return print_documents.z_report_data(
            report,
            hub,
            settings,
            method_labels(self.store, settings.language),
            printed_at=utcnow(),
            copy=copy,
        )

    def label_data(
        self, order_number: str, bags: int | None = None, *, copy: bool = False
    ) -> list[LabelData]:
        row = self.jobs.order_for_labels(order_number)
        if row is None:
            raise PrintError("print.order_missing", number=order_number)
        from pos.services import print_documents

        return print_documents.label_data(row, bags, copy=copy)

    def document(self, job: PrintJob, settings: PrinterSettings) -> Document:
        from receipts.label import layout_labels
        from receipts.receipt import layout_receipt
        from receipts.z_report import layout_z_report

        setup = settings.setup
        columns, pages, language = setup.line_columns, setup.code_pages(), settings.language
        if job.kind == "receipt":
            data = self.receipt_data(job.ref, settings, copy=job.is_copy)
            return layout_receipt(
                data,
                columns,
                pages,
                language=language,
                open_drawer=settings.open_drawer_on_cash and not job.is_copy,
            )
        if job.kind == "z_report":
            return layout_z_report(
                self.z_report_data(job.ref, settings, copy=job.is_copy),
                columns,
                pages,
                language=language,
            )
        if job.kind == "label":
            bags = job.payload.get("bags")
            labels = self.label_data(job.ref, int(bags) if bags else None, copy=job.is_copy)
            return layout_labels(labels, columns, pages, language=language)
        if job.kind == "delivery_note":
            data = self.delivery_note_data(int(job.payload.get("order_id") or 0), settings)
            return layout_receipt(data, columns, pages, language=language)
        if job.kind == "test":
            return sample_document(settings, self.jobs.hub(), job.created_at)
        raise PrintError("print.kind_unknown", kind=job.kind)

    def render_job(self, job: PrintJob, settings: PrinterSettings | None = None) -> bytes:
        settings = settings or self.settings()
        return render(self.document(job, settings), settings.setup)

    # printing -----------------------------------------------------------------------
    def recover(self) -> int:
        """Run once when the worker starts: jobs interrupted by a crash become copies."""
        count = self.jobs.recover_interrupted()
        if count:
            log.warning("%d print job(s) were interrupted by a stop; queued again as copies", count)
        return count

    def process_next(self, settings: PrinterSettings | None = None) -> JobOutcome | None:
        """Print the oldest queued job. None when there is nothing to do or no printer."""
        if not self.jobs.has_queued():  # the idle poll: one indexed lookup
            return None
        settings = settings or self.settings()
        if not settings.uri:
            return None
        try:
            address = printers.parse_uri(settings.uri)
            settings.setup.code_pages()  # a bad profile is a setting problem, not the job's
        except KnownError as exc:
            return JobOutcome(None, False, messages.stored(exc), "config", failure=exc)
        job = self.jobs.claim_next()
        if job is None:
            return None
        try:
            data = self.render_job(job, settings)
        except KnownError as exc:
            self.jobs.mark_failed(job.id, exc)
            return JobOutcome(job, False, messages.stored(exc), "render", failure=exc)
        except Exception as exc:  # a bug in a layout must not stop the queue
            log.exception("cannot render print job %s", job.id)
            bug = KnownError("print.cannot_render", kind=job.kind, error=type(exc).__name__)
            self.jobs.mark_failed(job.id, bug)
            return JobOutcome(job, False, messages.stored(bug), "render", failure=bug)
        try:
            after = printers.send(address, data)
        except printers.PrinterFault as fault:
            if fault.sent:
                self.jobs.requeue_as_copy(job.id, fault)
            else:
                self.jobs.release(job.id, fault)
            return JobOutcome(job, False, messages.stored(fault), fault.kind, failure=fault)
        except Exception as exc:
            log.exception("printer error on job %s", job.id)
            error = KnownError("print.printer_error", detail=str(exc))
            self.jobs.release(job.id, error)
            return JobOutcome(job, False, messages.stored(error), "error", failure=error)
        self.jobs.mark_done(job.id)
        return JobOutcome(replace(job, status="done"), True, after=after)

    def probe(self) -> tuple[str, str]:
        """Ask the idle printer how it is: ``(problem, fault kind)``, empty if fine; the
        problem is coded (``messages.stored``)."""
        settings = self.settings()
        if not settings.uri:
            return "", ""
        try:
            address = printers.parse_uri(settings.uri)
            status = printers.query_status(address)
        except printers.PrinterFault as fault:
            return messages.stored(fault), fault.kind
        except Exception as exc:
            log.warning("printer status probe failed: %s", exc)
            return "", ""
        problem = status.problem
        return (messages.stored(problem), problem.kind) if problem else ("", "")

    def state(self, problem: str = "", fault: str = "") -> QueueState:
        counts = self.jobs.counts()
        return QueueState(
            configured=bool(self.settings().uri),
            waiting=counts.get("queued", 0) + counts.get("printing", 0),
            failed=counts.get("failed", 0),
            problem=problem,
            fault=fault,
            last_printed_at=self.jobs.last_printed_at(),
        )


def hub_info(store: Store) -> dict[str, Any]:
    """Name, currency, locale and timezone of the hub, for printing outside the queue."""
    return PrintJobs(store).hub() or {}


def sample_document(
    settings: PrinterSettings, hub: dict[str, Any] | None = None, printed_at: str | None = None
) -> Document:
    """The test receipt for ``settings`` (saved or not): accents, columns, QR, cut."""
    from pos.services import print_documents

    return print_documents.sample_document(settings, hub, printed_at or utcnow())


def sample_receipt_bytes(settings: PrinterSettings, hub: dict[str, Any] | None = None) -> bytes:
    return render(sample_document(settings, hub), settings.setup)


def print_sample_receipt(
    settings: PrinterSettings, hub: dict[str, Any] | None = None
) -> printers.PrinterStatus:
    """Print the test receipt now (not through the queue); raises KnownError on failure."""
    address = printers.parse_uri(settings.uri or "")
    return printers.send(address, sample_receipt_bytes(settings, hub))
