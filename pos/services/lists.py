"""Packing lists, harvest totals, collection sheets and bag labels for an order cycle.

Loads the cycle from the store (:mod:`pos.store.packing`), turns it into the plain records
the PDF builders print (:mod:`receipts.pdf.model`) and writes one file per document.

Every kind of document is one entry in :data:`KIND_TABLE`: which files it makes and how
each is built. :meth:`ListsService.plan` turns a request into plain, picklable
:class:`Document` jobs, so they can be made in this process (the ``lists`` CLI, tests) or
in worker processes (:mod:`pos.services.processes`; the GUI and the full set): a worker
loads the cycle once per run from the database file and writes the PDFs itself.
"""

from __future__ import annotations

import os
import re
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pos import files, languages
from pos.domain import settings as s
from pos.domain.models import (
    FALLBACK_CURRENCY,
    FALLBACK_LOCALE,
    FALLBACK_TIMEZONE,
    LineItem,
    OrderCycle,
    PickupPoint,
    Producer,
)
from pos.domain.rounds import Stop
from pos.domain.text import fold
from pos.errors import KnownError
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.packing import PackingOrder, PackingQueries

if TYPE_CHECKING:
    from pos.services.rounds import RunSheet
from receipts.pdf.model import BagLabel, DocInfo, PackLine, PackOrder

PAPERS = ("a4", "letter")
LABELS_PER_SHEET = {"a4": 21, "letter": 10}  # A4 21-up, Letter 10-up (receipts.pdf.labels)


# The kinds of document ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Document:
    """One PDF to write: its file, its kind and whose it is (plain values: it crosses
    into worker processes)."""

    path: Path
    kind: str
    producer_id: int | None = None
    producer_name: str = ""
    point: PickupPoint | None = None  # the sheet's pickup point
    variant: str = ""  # labels: "sheets" or "4x6"; run sheet: the driver
    # A rough weight (about 50 ms of a 2,000-order cycle's CPU time each), so the biggest
    # documents start first and the pool's workers end together.
    cost: int = 1
    stops: tuple[Stop, ...] = ()  # run sheet: the round's stops, in the order driven
    settled: int = 0  # run sheet: orders of the method no round needs any more


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything a worker needs to make the documents of one request."""

    db: Path
    run: str  # a worker loads the cycle once per run
    cycle_id: int
    pickup_point_id: int | None
    point_name: str  # the pickup point filter's name, "" for all
    info: DocInfo
    share_names: bool
    bag_capacity: int
    first_label: int
    documents: tuple[Document, ...]
    # An encrypted hub's key: a worker opens the file with it (it has no keyring to ask).
    key: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Cycle:
    """The loaded cycle, shared by every document of a run."""

    everything: list[PackOrder]  # by order number as loaded
    by_point: list[PackOrder]  # by pickup point, then as loaded (sorted by name)


@dataclass(frozen=True, slots=True)
class _Context:
    prefix: str
    where: str
    producers: Sequence[Producer]
    points: Sequence[PickupPoint]
    paper: str
    run_sheets: Sequence[RunSheet] = ()


Planner = Callable[[_Context], list[Document]]
Builder = Callable[[Plan, Document, Cycle], bytes]


def _per_producer(kind: str, cost: int) -> Planner:
    def plan(ctx: _Context) -> list[Document]:
        return [
            Document(
                Path(f"{ctx.prefix}{kind}-{p.id}-{slug(p.name)}{ctx.where}.pdf"),
                kind,
                producer_id=p.id,
                producer_name=p.name,
                cost=cost,
            )
            for p in ctx.producers
        ]

    return plan


def _one(kind: str, cost: int) -> Planner:
    def plan(ctx: _Context) -> list[Document]:
        return [Document(Path(f"{ctx.prefix}{kind}{ctx.where}.pdf"), kind, cost=cost)]

    return plan


def _plan_sheets(ctx: _Context) -> list[Document]:
    return [
        Document(Path(f"{ctx.prefix}sheet-{p.id}-{slug(p.name)}.pdf"), "sheet", point=p, cost=6)
        for p in ctx.points
    ]


def _plan_labels(ctx: _Context) -> list[Document]:
    sheets = Path(f"{ctx.prefix}labels-{ctx.paper}{ctx.where}.pdf")
    four_by_six = Path(f"{ctx.prefix}labels-4x6{ctx.where}.pdf")
    return [
        Document(sheets, "labels", variant="sheets", cost=32),
        Document(four_by_six, "labels", variant="4x6", cost=32),
    ]


def _plan_run_sheets(ctx: _Context) -> list[Document]:
    """One run sheet per delivery method and driver (stops worked out when planning)."""
    return [
        Document(
            Path(
                f"{ctx.prefix}run-sheet-{rs.method.id}-{slug(rs.method.name)}"
                f"{'-' + slug(rs.driver) if rs.driver else ''}.pdf"
            ),
            "run-sheet",
            point=rs.method,
            variant=rs.driver,
            cost=1 + len(rs.stops) // 10,
            stops=rs.stops,
            settled=rs.settled,
        )
        for rs in ctx.run_sheets
    ]


def _build_run_sheet(plan: Plan, doc: Document, cycle: Cycle) -> bytes:
    from receipts.pdf import run_sheet

    assert doc.point is not None
    return run_sheet.build_run_sheet(
        plan.info, doc.point.name, doc.variant, doc.stops, note=doc.point.description,
        settled=doc.settled,
    )  # fmt: skip


def _build_harvest(plan: Plan, doc: Document, cycle: Cycle) -> bytes:
    from receipts.pdf import harvest

    mine = producer_orders(cycle.everything, doc.producer_id or 0)
    return harvest.build_harvest(plan.info, doc.producer_name, mine, pickup_filter=plan.point_name)


def _build_producer_pack(plan: Plan, doc: Document, cycle: Cycle) -> bytes:
    from receipts.pdf import packing

    mine = producer_orders(cycle.by_point, doc.producer_id or 0)
    return packing.build_producer_pack(
        plan.info, doc.producer_name, mine, show_names=plan.share_names
    )


def _build_customer_pack(plan: Plan, doc: Document, cycle: Cycle) -> bytes:
    from receipts.pdf import packing

    return packing.build_customer_pack(plan.info, cycle.by_point)


def _build_product_pack(plan: Plan, doc: Document, cycle: Cycle) -> bytes:
    from receipts.pdf import packing

    return packing.build_product_pack(plan.info, cycle.everything)


def _build_sheet(plan: Plan, doc: Document, cycle: Cycle) -> bytes:
    from receipts.pdf import sheet

    assert doc.point is not None
    at = [o for o in cycle.everything if o.pickup_point_id == doc.point.id]
    return sheet.build_sheet(plan.info, doc.point.name, at, note=doc.point.description)


def _build_labels(plan: Plan, doc: Document, cycle: Cycle) -> bytes:
    from receipts.pdf import labels

    bags = [bag for order in cycle.by_point for bag in plan_bags(order, plan.bag_capacity)]
    if doc.variant == "4x6":
        return labels.build_labels_4x6(plan.info, bags)
    return labels.build_label_sheets(plan.info, bags, skip=max(0, plan.first_label - 1))


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of document: the files it makes for a request and how one is built."""

    name: str
    plan: Planner
    build: Builder


# The one list of kinds, in the order they are written (a new kind is one entry here,
# plus its name in the "Print lists" screen).
KIND_TABLE: tuple[Kind, ...] = (
    Kind("harvest", _per_producer("harvest", 1), _build_harvest),
    Kind("pack-producer", _per_producer("pack-producer", 3), _build_producer_pack),
    Kind("pack-customer", _one("pack-customer", 14), _build_customer_pack),
    Kind("pack-product", _one("pack-product", 15), _build_product_pack),
    Kind("sheet", _plan_sheets, _build_sheet),
    Kind("labels", _plan_labels, _build_labels),
    Kind("run-sheet", _plan_run_sheets, _build_run_sheet),
)
KINDS = tuple(kind.name for kind in KIND_TABLE)
_BY_NAME = {kind.name: kind for kind in KIND_TABLE}


@dataclass(frozen=True, slots=True)
class ListRequest:
    """What to print. No producer: one harvest / pack-producer file per producer."""

    kinds: tuple[str, ...] = KINDS
    producer_id: int | None = None
    pickup_point_id: int | None = None
    paper: str = "a4"
    first_label: int = 1  # first free sticker on a part-used label sheet (1 = top left)


@dataclass(frozen=True, slots=True)
class ListOptions:
    """What the "Print lists" screen offers."""

    cycle: OrderCycle | None
    producers: list[Producer] = field(default_factory=list)
    pickup_points: list[PickupPoint] = field(default_factory=list)


Progress = Callable[[int, int, str], None]  # done, total, what is being written


class Cancelled(KnownError):
    """The person stopped the run; the documents already written stay."""

    def __init__(self, written: Sequence[Path], total: int) -> None:
        super().__init__("lists.stopped", written=len(written), total=total)
        self.written = list(written)
        self.total = total


def slug(text: str) -> str:
    """A file-name-safe form of a name: ``"Ferme de l'Étang"`` -> ``ferme-de-l-etang``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40] or "x"


def labels_per_sheet(paper: str) -> int:
    """Stickers on one sheet of this paper (A4 21-up, Letter 10-up)."""
    return LABELS_PER_SHEET[paper]


def plan_bags(order: PackOrder, capacity: int = s.BAG_CAPACITY.default) -> list[BagLabel]:
    """The bags of one order: chilled items in their own bag(s), at most ``capacity`` each."""
    capacity = max(1, capacity)
    chilled = sum(line.quantity for line in order.lines if line.chilled)
    ambient = sum(line.quantity for line in order.lines if not line.chilled)
    kinds = [False] * -(-ambient // capacity) + [True] * -(-chilled // capacity)
    if not kinds:
        kinds = [False]
    return [
        BagLabel(order, k, len(kinds), chilled=is_chilled)
        for k, is_chilled in enumerate(kinds, start=1)
    ]


class ListsService:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.queries = PackingQueries(store)
        self.repo = OrderRepository(store)

    # what can be printed -----------------------------------------------------------
    def options(self) -> ListOptions:
        cycle = self.queries.cycle()
        if cycle is None:
            return ListOptions(None, [], self.repo.pickup_points())
        return ListOptions(cycle, self.queries.producers(cycle.id), self.repo.pickup_points())

    @property
    def share_names(self) -> bool:
        return self.store.settings.get(s.SHARE_NAMES_WITH_PRODUCERS)

    def doc_info(self, cycle: OrderCycle, paper: str, now: datetime) -> DocInfo:
        hub = self.repo.hub()
        # The app's language setting, else the hub's own (a fr_CH hub prints in French).
        language = languages.pick(self.store.settings.get(s.LANGUAGE), hub.locale if hub else None)
        return DocInfo(
            hub_name=hub.name if hub else "",
            cycle_name=cycle.name,
            generated_at=now,
            timezone=hub.timezone if hub else FALLBACK_TIMEZONE,
            locale=hub.locale if hub else FALLBACK_LOCALE,
            currency=hub.currency if hub else FALLBACK_CURRENCY,
            language=language,
            paper=paper,
        )

    # writing -----------------------------------------------------------------------
    def plan(
        self, request: ListRequest, out_dir: str | Path, *, now: datetime | None = None
    ) -> Plan:
        """Check the request and list the documents it makes (nothing is drawn yet)."""
        if request.paper not in PAPERS:
            raise KnownError("lists.paper_unknown", paper=request.paper)
        unknown = [k for k in request.kinds if k not in KINDS]
        if unknown:
            raise KnownError("lists.kind_unknown", kind=unknown[0], kinds=", ".join(KINDS))
        cycle = self.queries.cycle()
        if cycle is None:
            raise KnownError("lists.no_orders")
        point = self._pickup_point(request.pickup_point_id)
        wanted = [kind for kind in KIND_TABLE if kind.name in request.kinds]
        by_producer = any(k.name in ("harvest", "pack-producer") for k in wanted)
        context = _Context(
            prefix=f"oc{cycle.id}-",
            where=f"-pp{point.id}" if point else "",
            producers=self._producers(cycle, request) if by_producer else (),
            points=[point] if point else self.repo.pickup_points(),
            paper=request.paper,
            run_sheets=self._run_sheets(point) if "run-sheet" in request.kinds else (),
        )
        now = (now or datetime.now(UTC)).replace(microsecond=0)
        out = self._out_dir(out_dir)
        documents = tuple(
            replace(doc, path=out / doc.path) for kind in wanted for doc in kind.plan(context)
        )
        capacity = max(1, self.store.settings.get(s.BAG_CAPACITY))
        return Plan(
            db=self.store.path,
            run=uuid.uuid4().hex,
            cycle_id=cycle.id,
            pickup_point_id=request.pickup_point_id,
            point_name=point.name if point else "",
            info=self.doc_info(cycle, request.paper, now),
            share_names=self.share_names,
            bag_capacity=capacity,
            first_label=request.first_label,
            documents=documents,
            key=self.store.key,
        )

    def generate(
        self,
        request: ListRequest,
        out_dir: str | Path,
        *,
        now: datetime | None = None,
        progress: Progress | None = None,
        executor: Executor | None = None,
        cancel: threading.Event | None = None,
        overwrite: bool = True,
    ) -> list[Path]:
        """Write the requested documents into ``out_dir``; return the paths written.

        With an ``executor`` (a process pool) the documents are made there, biggest
        first; setting ``cancel`` stops the run between documents (:class:`Cancelled`).
        ``overwrite=False`` (the command line without ``--force``) refuses before writing
        anything when one of the files is already there.
        """
        plan = self.plan(request, out_dir, now=now)
        if not overwrite:
            for doc in plan.documents:
                files.refuse_existing(doc.path, force=False)
        if executor is None:
            cycle = load_cycle(self.store, plan)
            return _in_turn(plan, cycle, progress, cancel)
        return run_plan(plan, executor, progress, cancel)

    def _run_sheets(self, point: PickupPoint | None) -> list[RunSheet]:
        """The delivery rounds to print (none when the filter is a pickup point)."""
        from pos.services.rounds import RunSheets

        if point is not None and not point.is_delivery:
            return []
        return RunSheets(self.store).run_sheets(point.id if point else None)

    def bag_labels(self, orders: Iterable[PackOrder]) -> list[BagLabel]:
        capacity = max(1, self.store.settings.get(s.BAG_CAPACITY))
        return [bag for order in orders for bag in plan_bags(order, capacity)]

    # checks ------------------------------------------------------------------------
    def _pickup_point(self, point_id: int | None) -> PickupPoint | None:
        if point_id is None:
            return None
        points = self.repo.pickup_points()
        for p in points:
            if p.id == point_id:
                return p
        known = ", ".join(f"{p.id} ({p.name})" for p in points) or "—"
        raise KnownError("lists.point_missing", point=point_id, known=known)

    def _producers(self, cycle: OrderCycle, request: ListRequest) -> list[Producer]:
        if request.producer_id is None:
            return self.queries.producers(cycle.id, request.pickup_point_id)
        producer = self.queries.producer(request.producer_id)
        if producer is None:
            known = ", ".join(f"{p.id} ({p.name})" for p in self.repo.producers()) or "—"
            raise KnownError("lists.producer_missing", producer=request.producer_id, known=known)
        return [producer]

    @staticmethod
    def _out_dir(out_dir: str | Path) -> Path:
        out = Path(out_dir).expanduser()
        try:
            files.private_dir(out)  # a folder we create is 0700; the user's own stays as it is
        except OSError as exc:
            raise KnownError("file.cannot_create_folder", path=out, reason=exc.strerror) from exc
        if not os.access(out, os.W_OK):
            raise KnownError("file.folder_read_only", path=out)
        return out


# Making documents ------------------------------------------------------------------------
def load_cycle(store: Store, plan: Plan) -> Cycle:
    """The cycle's orders in their printed form (three queries, see pos.store.packing)."""
    names = {p.id: p.name for p in OrderRepository(store).producers()}
    orders = PackingQueries(store).orders(plan.cycle_id, pickup_point_id=plan.pickup_point_id)
    everything = [to_pack_order(o, names) for o in orders]
    folded: dict[str, str] = {}  # a handful of pickup point names, folded once each

    def point_key(order: PackOrder) -> tuple[str, int]:
        name = order.pickup_point_name
        key = folded.get(name)
        if key is None:
            key = folded[name] = fold(name)
        return (key, order.pickup_point_id or 0)

    return Cycle(everything, sorted(everything, key=point_key))


def build(plan: Plan, doc: Document, cycle: Cycle) -> bytes:
    return _BY_NAME[doc.kind].build(plan, doc, cycle)


def _in_turn(
    plan: Plan, cycle: Cycle, progress: Progress | None, cancel: threading.Event | None
) -> list[Path]:
    """Make the documents one after the other in this process."""
    written: list[Path] = []
    total = len(plan.documents)
    for done, doc in enumerate(plan.documents):
        if cancel is not None and cancel.is_set():
            raise Cancelled(written, total)
        if progress:
            progress(done, total, doc.path.name)
        written.append(_write(doc.path, build(plan, doc, cycle)))
    if progress:
        progress(total, total, "")
    return written


_loaded: dict[str, Cycle] = {}  # in a worker process: the cycle of the current run


def make_document(plan: Plan, index: int) -> Path:
    """In a worker process: make and write one document of ``plan`` (picklable entry point).

    The cycle is read from the database file once per run and kept for the next document.
    """
    cycle = _loaded.get(plan.run)
    if cycle is None:
        _loaded.clear()
        store = Store.open(plan.db, lock=False, create=False, key=plan.key)
        try:
            cycle = _loaded[plan.run] = load_cycle(store, plan)
        finally:
            store.close()
    doc = plan.documents[index]
    return _write(doc.path, build(plan, doc, cycle))


def run_plan(
    plan: Plan,
    executor: Executor,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[Path]:
    """Make the documents on ``executor``, biggest first; paths in the plan's order."""
    total = len(plan.documents)
    order = sorted(range(total), key=lambda i: -plan.documents[i].cost)
    futures: dict[Future[Path], int] = {executor.submit(make_document, plan, i): i for i in order}
    results: dict[int, Path] = {}
    pending = set(futures)
    if progress:
        progress(0, total, plan.documents[order[0]].path.name if order else "")
    try:
        while pending:
            finished, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            for future in finished:
                results[futures[future]] = future.result()
                if progress:
                    progress(len(results), total, future.result().name)
            if cancel is not None and cancel.is_set() and pending:
                # Waiting ones are dropped; one already being drawn ends on its own (its
                # file is written whole or not at all) without holding the person up.
                raise Cancelled([results[i] for i in sorted(results)], total)
    except BaseException:
        for future in pending:
            future.cancel()
        raise
    if progress:
        progress(total, total, "")
    return [results[i] for i in range(total)]


def to_pack_order(order: PackingOrder, producer_names: dict[int, str]) -> PackOrder:
    """The printed form of an order: every line, amounts due, first payment method."""
    methods = list(dict.fromkeys(order.payment_methods))
    return PackOrder(
        order_id=order.id,
        number=order.number,
        customer_code=order.customer_code,
        first_name=order.first_name,
        last_name=order.last_name,
        phone=order.phone,
        pickup_point_id=order.pickup_point_id,
        pickup_point_name=order.pickup_point_name,
        lines=tuple(_pack_line(li, producer_names) for li in order.line_items),
        amount_due=max(0, order.outstanding),
        payment_method=", ".join(methods),
        special_instructions=order.special_instructions,
        collected=order.collected,
        pickup_point_note=order.pickup_point_note,
    )


def _pack_line(li: LineItem, producer_names: dict[int, str]) -> PackLine:
    return PackLine(
        producer_id=li.producer_id,
        producer_name=producer_names.get(li.producer_id or -1, ""),
        product_name=li.product_name,
        variant_name=li.variant_name,
        quantity=li.quantity,
        variant_unit=li.variant_unit,
        unit_value=li.unit_value,
        final_weight=li.final_weight,
        chilled=li.chilled,
        amount=li.amount,
    )


def producer_orders(orders: Iterable[PackOrder], producer_id: int) -> list[PackOrder]:
    """The orders holding this producer's lines, with only those lines."""
    result = []
    for order in orders:
        mine = tuple(line for line in order.lines if line.producer_id == producer_id)
        if mine:
            result.append(replace(order, lines=mine))
    return result


def _write(path: Path, data: bytes) -> Path:
    """Write atomically: a reader never sees half a PDF, a failure leaves no stub."""
    try:
        files.write_bytes(path, data)  # private, exclusive temporary file, then renamed
    except OSError as exc:
        raise KnownError("file.cannot_write", path=path, reason=exc.strerror) from exc
    return path
