"""Print spooling: queue receipts, labels and Z reports; the worker's loop that prints them.

No Qt here: :class:`PrintLoop` runs on any thread (the GUI wraps it in a QThread, the
benchmark runs it on a plain thread). Rules (design.md rule 4):

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
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from pos import languages, messages
from pos.domain import settings as s
from pos.errors import KnownError
from pos.store.db import Store, utcnow
from pos.store.print_jobs import PrintJob, PrintJobs
from pos.store.till import TillRepository
from receipts import printers
from receipts.document import Document
from receipts.escpos_render import DEFAULT_PROFILE, PrinterSetup, render
from receipts.i18n import translations
from receipts.label import LabelData, bags_for, layout_labels
from receipts.receipt import (
    ReceiptData,
    ReceiptLine,
    ReceiptPayment,
    layout_receipt,
)
from receipts.sample import sample_receipt
from receipts.z_report import CashMovement, MethodTotal, ZReportData, layout_z_report

log = logging.getLogger(__name__)

WEIGHT_UNITS = {"weight": "g", "volume": "ml"}


class PrintError(KnownError):
    """A document cannot be printed (its checkout, session or order does not exist)."""


# settings -------------------------------------------------------------------------------
@dataclass(frozen=True)
class PrinterSettings:
    uri: str | None = None
    profile: str = DEFAULT_PROFILE
    width_mm: int = 80
    columns: int | None = None
    codepage: str | None = None
    footer: str = ""
    open_drawer_on_cash: bool = True
    language: str = "en"
    overridden: bool = False  # uri came from --printer / FOODHUB_POS_PRINTER

    @property
    def setup(self) -> PrinterSetup:
        return PrinterSetup(self.profile, self.width_mm, self.columns, self.codepage)


def load_settings(store: Store, override_uri: str | None = None) -> PrinterSettings:
    """Printer settings from the store; ``override_uri`` (command line, env) wins."""
    hub_locale = store.scalar("SELECT locale FROM hub ORDER BY id LIMIT 1") or "en"
    get = store.settings.get
    return PrinterSettings(
        uri=override_uri or get(s.PRINTER_URI) or None,
        profile=get(s.PRINTER_PROFILE) or DEFAULT_PROFILE,
        width_mm=58 if get(s.PRINTER_WIDTH) == 58 else 80,
        columns=get(s.PRINTER_COLUMNS) or None,
        codepage=get(s.PRINTER_CODEPAGE),
        footer=get(s.RECEIPT_FOOTER),
        open_drawer_on_cash=get(s.OPEN_DRAWER_ON_CASH),
        language=languages.pick(get(s.LANGUAGE), hub_locale),
        overridden=bool(override_uri),
    )


def save_settings(store: Store, settings: PrinterSettings, actor: str = "") -> None:
    """Save the printer settings in one transaction, audited."""
    with store.transaction():
        set_ = store.settings.set
        set_(s.PRINTER_PROFILE, settings.profile)
        set_(s.PRINTER_WIDTH, settings.width_mm)
        set_(s.PRINTER_COLUMNS, settings.columns)
        set_(s.PRINTER_CODEPAGE, settings.codepage)
        set_(s.RECEIPT_FOOTER, settings.footer)
        set_(s.OPEN_DRAWER_ON_CASH, settings.open_drawer_on_cash)
        saved: list[s.Setting[Any]] = [
            s.PRINTER_PROFILE,
            s.PRINTER_WIDTH,
            s.PRINTER_COLUMNS,
            s.PRINTER_CODEPAGE,
            s.RECEIPT_FOOTER,
            s.OPEN_DRAWER_ON_CASH,
        ]
        if not settings.overridden:
            set_(s.PRINTER_URI, settings.uri or "")
            saved.append(s.PRINTER_URI)
        details = {k.key: store.settings.get(k) for k in saved}
        store.audit("printer.settings", entity="settings", actor=actor, details=details)


# outcomes -------------------------------------------------------------------------------
@dataclass(frozen=True)
class JobOutcome:
    job: PrintJob | None
    printed: bool
    error: str = ""
    fault: str = ""  # printers.FaultKind, or "render" when the job itself is broken
    after: printers.PrinterStatus | None = None  # status reported after sending
    failure: KnownError | None = None  # the error behind ``error``, worded where shown


@dataclass(frozen=True)
class QueueState:
    """What the status bar shows about printing."""

    configured: bool
    waiting: int
    failed: int
    problem: str = ""  # the current printer fault, in a sentence
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
        if self.store.scalar("SELECT 1 FROM checkouts WHERE id = ?", (checkout_id,)) is None:
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
            currency=order.currency, locale=hub.get("locale", "en_GB"),
            timezone=hub.get("timezone", "UTC"), order_number=order.number,
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

    def enqueue_test(self, actor: str = "") -> str:
        return self.jobs.enqueue("test", "", actor=actor, till_id=self.till_id)

    # documents ----------------------------------------------------------------------
    def _method_labels(self, language: str) -> dict[str, str]:
        """Method code -> what to print for it, in ``language`` (the hub's own words as typed)."""
        methods = self.store.settings.get(s.PAYMENT_METHODS)
        return methods.labels(translations(language).gettext)

    def receipt_data(
        self, checkout_id: str, settings: PrinterSettings, *, copy: bool = False
    ) -> ReceiptData:
        row = self.jobs.checkout(checkout_id)
        if row is None:
            raise PrintError("print.checkout_gone")
        hub = row["hub"] or {}
        order = row["order"] or {}
        labels = self._method_labels(settings.language)
        lines = tuple(
            ReceiptLine(
                name=line["product_name"],
                variant=line["variant_name"] or "",
                quantity=line["quantity"],
                unit_price=line["unit_price"],
                amount=line["amount"],
                quantity_ordered=line["quantity_ordered"],
                status=line["status"],
                final_weight=line["final_weight"],
                weight_unit=WEIGHT_UNITS.get(line["variant_unit"] or "", ""),
            )
            for line in row["lines"]
        )
        payments = tuple(
            ReceiptPayment(
                method=p["method"],
                label=labels.get(p["method"], p["method"]),
                amount=p["amount"],
                tendered=p["tendered"],
                change=p["change"],
            )
            for p in row["payments"]
        )
        is_collection = row["kind"] == "collection"
        return ReceiptData(
            hub_name=hub.get("name", ""),
            receipt_no=row["receipt_no"],
            kind=row["kind"],
            created_at=row["created_at"],
            till_id=row["till_id"],
            volunteer=row["volunteer"],
            currency=row["currency"],
            locale=hub.get("locale", "en_GB"),
            timezone=hub.get("timezone", "UTC"),
            pickup_point=row["pickup_point_name"],
            order_number=order.get("number"),
            customer_name=order.get("customer_name", ""),
            customer_code=order.get("customer_code"),
            lines=lines,
            goods_total=row["goods_total"],
            fees_total=row["fees_total"],
            order_total=order.get("total") if is_collection else None,
            paid_online=order.get("payment_total", 0) if is_collection else 0,
            amount_due=row["amount_due"],
            amount_paid=row["amount_paid"],
            change_given=row["change_given"],
            left_owing=row["left_owing"],
            credit_amount=row["credit_amount"],
            payments=payments,
            note=row["note"],
            reverses_receipt_no=row["reverses_receipt_no"],
            footer=settings.footer,
            is_copy=copy,
        )

    def z_report_data(
        self, session_id: str, settings: PrinterSettings, *, copy: bool = False
    ) -> ZReportData:
        """The till session's report, from the till's own figures (as on screen)."""
        till = TillRepository(self.store)
        session = till.get(session_id)
        if session is None:
            raise PrintError("print.session_gone")
        extras = self.jobs.session_extras(session_id)
        hub = extras["hub"] or {}
        labels = self._method_labels(settings.language)
        sums = till.checkout_sums(session_id)
        return ZReportData(
            hub_name=hub.get("name", ""),
            till_id=session.till_id,
            session_number=session.number,
            volunteer=session.volunteer,
            opened_at=session.opened_at,
            currency=hub.get("currency", "GBP"),
            locale=hub.get("locale", "en_GB"),
            timezone=hub.get("timezone", "UTC"),
            pickup_point=extras["pickup_point_name"],
            closed_at=session.closed_at,
            closed_by=session.closed_by,
            float_amount=session.float_amount,
            by_method=tuple(
                MethodTotal(labels.get(m.method, m.method), m.amount, m.count)
                for m in till.totals_by_method(session_id)
            ),
            movements=tuple(
                CashMovement(m.amount, m.reason, m.created_at) for m in till.movements(session_id)
            ),
            expected_cash=(
                session.expected_cash
                if session.expected_cash is not None
                else till.expected_cash(session_id)
            ),
            counted_cash=session.counted_cash,
            difference=session.difference,
            collections=sums["collections"],
            walk_ins=sums["walk_ins"],
            reversals=sums["reversals"],
            sales_total=sums["goods_total"] + extras["fees_total"],
            left_owing=sums["left_owing"],
            credit_due=sums["credit_amount"],
            close_note=session.close_note,
            printed_at=utcnow(),
            is_copy=copy,
        )

    def label_data(
        self, order_number: str, bags: int | None = None, *, copy: bool = False
    ) -> list[LabelData]:
        row = self.jobs.order_for_labels(order_number)
        if row is None:
            raise PrintError("print.order_missing", number=order_number)
        hub = row["hub"] or {}
        if bags:
            chilled = [bool(row["has_chilled"]) and not row["has_ambient"]] * bags
        else:
            chilled = bags_for(bool(row["has_chilled"]), bool(row["has_ambient"]))
        return [
            LabelData(
                hub_name=hub.get("name", ""),
                order_number=row["number"],
                customer_name=row["customer_name"],
                customer_code=row["customer_code"],
                pickup_point=row["pickup_point_name"],
                bag=k,
                bags=len(chilled),
                chilled=is_chilled,
                is_copy=copy,
            )
            for k, is_chilled in enumerate(chilled, start=1)
        ]

    def document(self, job: PrintJob, settings: PrinterSettings) -> Document:
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
            return JobOutcome(None, False, exc.message, "config", failure=exc)
        job = self.jobs.claim_next()
        if job is None:
            return None
        try:
            data = self.render_job(job, settings)
        except KnownError as exc:
            self.jobs.mark_failed(job.id, exc.message)
            return JobOutcome(job, False, exc.message, "render", failure=exc)
        except Exception as exc:  # a bug in a layout must not stop the queue
            log.exception("cannot render print job %s", job.id)
            message = f"This {job.kind} cannot be printed ({type(exc).__name__}); see the log."
            self.jobs.mark_failed(job.id, message)
            return JobOutcome(job, False, message, "render")
        try:
            after = printers.send(address, data)
        except printers.PrinterFault as fault:
            if fault.sent:
                self.jobs.requeue_as_copy(job.id, fault.message)
            else:
                self.jobs.release(job.id, fault.message)
            return JobOutcome(job, False, fault.message, fault.kind, failure=fault)
        except Exception as exc:
            log.exception("printer error on job %s", job.id)
            message = f"Printer error: {exc}"
            self.jobs.release(job.id, message)
            return JobOutcome(job, False, message, "error")
        self.jobs.mark_done(job.id)
        return JobOutcome(replace(job, status="done"), True, after=after)

    def probe(self) -> tuple[str, str]:
        """Ask the idle printer how it is: ``(problem sentence, fault kind)``, empty if fine."""
        settings = self.settings()
        if not settings.uri:
            return "", ""
        try:
            address = printers.parse_uri(settings.uri)
            status = printers.query_status(address)
        except printers.PrinterFault as fault:
            return fault.message, fault.kind
        except Exception as exc:
            log.warning("printer status probe failed: %s", exc)
            return "", ""
        problem = status.problem
        return (problem.message, problem.kind) if problem else ("", "")

    def state(self, problem: str = "", fault: str = "") -> QueueState:
        counts = self.jobs.counts()
        return QueueState(
            configured=bool(self.settings().uri),
            waiting=counts.get("queued", 0) + counts.get("printing", 0),
            failed=counts.get("failed", 0),
            problem=problem,
            fault=fault,
            last_printed_at=self.store.scalar(
                "SELECT MAX(printed_at) FROM print_jobs WHERE status = 'done'"
            ),
        )


def hub_info(store: Store) -> dict[str, Any]:
    """Name, currency, locale and timezone of the hub, for printing outside the queue."""
    return PrintJobs(store).hub() or {}


def sample_document(
    settings: PrinterSettings, hub: dict[str, Any] | None = None, printed_at: str | None = None
) -> Document:
    """The test receipt for ``settings`` (saved or not): accents, columns, QR, cut."""
    hub = hub or {}
    setup = settings.setup
    data = sample_receipt(
        hub_name=hub.get("name", "Food Hub POS"),
        currency=hub.get("currency", "EUR"),
        locale=hub.get("locale", "en_GB"),
        timezone=hub.get("timezone", "UTC"),
        printed_at=printed_at or utcnow(),
        printer=settings.uri or "",
        language=settings.language,
    )
    return layout_receipt(data, setup.line_columns, setup.code_pages(), language=settings.language)


def sample_receipt_bytes(settings: PrinterSettings, hub: dict[str, Any] | None = None) -> bytes:
    return render(sample_document(settings, hub), settings.setup)


def print_sample_receipt(
    settings: PrinterSettings, hub: dict[str, Any] | None = None
) -> printers.PrinterStatus:
    """Print the test receipt now (not through the queue); raises KnownError on failure."""
    address = printers.parse_uri(settings.uri or "")
    return printers.send(address, sample_receipt_bytes(settings, hub))


# the worker loop ------------------------------------------------------------------------
class PrintLoop:
    """Prints queued jobs until stopped: at once when woken, else polling the queue.

    After a printer fault it waits ``backoff`` seconds (growing) before asking again; a
    wake (new job, settings changed, "retry now") cuts the wait short. While idle it asks
    the printer for its status every ``probe_every`` seconds (a quarter of that while a
    problem is shown), so "out of paper" shows before the next customer, not after.
    """

    def __init__(
        self,
        service: PrintService,
        *,
        poll: float = 0.5,
        backoff: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0),
        probe_every: float = 20.0,
        report: Callable[[QueueState, JobOutcome | None], None] | None = None,
    ) -> None:
        self.service = service
        self.probe_every = probe_every
        self.poll = poll
        self.backoff = backoff
        self.report = report or (lambda state, outcome: None)
        self.stop_event = threading.Event()
        self.wake_event = threading.Event()
        self.faults_in_a_row = 0

    def wake(self) -> None:
        self.wake_event.set()

    def stop(self) -> None:
        self.stop_event.set()
        self.wake_event.set()

    def _job_added(self, _job_id: str) -> None:
        self.wake_event.set()

    def run(self) -> None:
        PrintJobs.listeners.append(self._job_added)
        try:
            self._run()
        finally:
            if self._job_added in PrintJobs.listeners:
                PrintJobs.listeners.remove(self._job_added)

    def _run(self) -> None:
        recovered = False
        self.report(self.service.state(), None)
        problem = fault = ""
        last_probe = -float("inf")
        while not self.stop_event.is_set():
            self.wake_event.clear()
            try:
                if not recovered:  # until it succeeds (the file may be read-only for a while)
                    self.service.recover()
                    recovered = True
                outcome = self.service.process_next()
            except KnownError as exc:  # e.g. the database cannot be written: say so, retry
                log.warning("print loop: %s", messages.for_log(exc))
                outcome = JobOutcome(None, False, exc.message, "error")
            except Exception:  # never let the worker die: the till relies on it
                log.exception("print loop error")
                outcome = JobOutcome(
                    None, False, "Printing stopped on an error; see the log.", "error"
                )
            if outcome is not None and outcome.printed:
                self.faults_in_a_row = 0
                after = outcome.after.problem if outcome.after else None
                problem, fault = (after.message, after.kind) if after else ("", "")
                self.report(self.service.state(problem, fault), outcome)
                continue  # there may be more
            if outcome is not None and outcome.fault != "render":
                problem, fault = outcome.error, outcome.fault
                self.report(self.service.state(problem, fault), outcome)
                delay = self.backoff[min(self.faults_in_a_row, len(self.backoff) - 1)]
                self.faults_in_a_row += 1
            elif outcome is not None:  # a broken job was set aside: go on with the next
                self.report(self.service.state(problem, fault), outcome)
                continue
            else:
                now = time.monotonic()
                every = self.probe_every / 4 if problem else self.probe_every
                if self.probe_every and now - last_probe >= every:
                    last_probe = now
                    problem, fault = self.service.probe()
                self.report(self.service.state(problem, fault), None)
                delay = self.poll
            self.wake_event.wait(delay)


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
