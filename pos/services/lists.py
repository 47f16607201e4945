"""Packing lists, harvest totals, collection sheets and bag labels for an order cycle.

Loads the cycle from the store (:mod:`pos.store.packing`), turns it into the plain records
the PDF builders print (:mod:`receipts.pdf.model`) and writes one file per document. Runs
on a worker thread in the GUI (with its own store connection) and in the ``lists`` CLI.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from pos import files, languages
from pos.domain import settings as s
from pos.domain.models import LineItem, OrderCycle, PickupPoint, Producer
from pos.domain.text import fold
from pos.errors import KnownError
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.packing import PackingOrder, PackingQueries
from receipts.pdf import harvest, labels, packing, run_sheet, sheet
from receipts.pdf.model import BagLabel, DocInfo, PackLine, PackOrder

KINDS = (
    "harvest", "pack-producer", "pack-customer", "pack-product", "sheet", "labels", "run-sheet",
)  # fmt: skip
PAPERS = ("a4", "letter")


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


def slug(text: str) -> str:
    """A file-name-safe form of a name: ``"Ferme de l'Étang"`` -> ``ferme-de-l-etang``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40] or "x"


def labels_per_sheet(paper: str) -> int:
    """Stickers on one sheet of this paper (A4 21-up, Letter 10-up)."""
    return labels.SHEETS[paper].per_sheet


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
            timezone=hub.timezone if hub else "UTC",
            locale=hub.locale if hub else "en_GB",
            currency=hub.currency if hub else "GBP",
            language=language,
            paper=paper,
        )

    # writing -----------------------------------------------------------------------
    def generate(
        self,
        request: ListRequest,
        out_dir: str | Path,
        *,
        now: datetime | None = None,
        progress: Progress | None = None,
        overwrite: bool = True,
    ) -> list[Path]:
        """Write the requested documents into ``out_dir``; return the paths written.

        ``overwrite=False`` (the command line without ``--force``) refuses before writing
        anything when one of the files is already there.
        """
        if request.paper not in PAPERS:
            raise KnownError("lists.paper_unknown", paper=request.paper)
        unknown = [k for k in request.kinds if k not in KINDS]
        if unknown:
            raise KnownError("lists.kind_unknown", kind=unknown[0], kinds=", ".join(KINDS))
        cycle = self.queries.cycle()
        if cycle is None:
            raise KnownError("lists.no_orders")
        point = self._pickup_point(request.pickup_point_id)
        producers = self._producers(cycle, request)
        now = (now or datetime.now(UTC)).replace(microsecond=0)
        info = self.doc_info(cycle, request.paper, now)
        out = self._out_dir(out_dir)
        names = {p.id: p.name for p in self.repo.producers()}
        orders = self.queries.orders(cycle.id, pickup_point_id=request.pickup_point_id)
        jobs = self._jobs(request, cycle, point, producers, orders, names, info)
        if not overwrite:
            for name, _make in jobs:
                files.refuse_existing(out / name, force=False)
        written: list[Path] = []
        for done, (name, make) in enumerate(jobs):
            if progress:
                progress(done, len(jobs), name)
            written.append(_write(out / name, make()))
        if progress:
            progress(len(jobs), len(jobs), "")
        return written

    def _jobs(
        self,
        request: ListRequest,
        cycle: OrderCycle,
        point: PickupPoint | None,
        producers: Sequence[Producer],
        orders: Sequence[PackingOrder],
        names: dict[int, str],
        info: DocInfo,
    ) -> list[tuple[str, Callable[[], bytes]]]:
        """(file name, builder) for each document, in the order they are written."""
        prefix = f"oc{cycle.id}-"
        where = f"-pp{point.id}" if point else ""
        point_name = point.name if point else ""
        everything = [to_pack_order(o, names) for o in orders]
        by_point = sorted(everything, key=_point_key)
        jobs: list[tuple[str, Callable[[], bytes]]] = []
        for kind in (k for k in KINDS if k in request.kinds):
            if kind in ("harvest", "pack-producer"):
                for producer in producers:
                    mine = producer_orders(everything, producer.id)
                    name = f"{prefix}{kind}-{producer.id}-{slug(producer.name)}{where}.pdf"
                    if kind == "harvest":
                        jobs.append(
                            (name, _bind(harvest.build_harvest, info, producer.name, mine,
                                         pickup_filter=point_name))
                        )  # fmt: skip
                    else:
                        jobs.append(
                            (name, _bind(packing.build_producer_pack, info, producer.name,
                                         sorted(mine, key=_point_key),
                                         show_names=self.share_names))
                        )  # fmt: skip
            elif kind == "pack-customer":
                jobs.append(
                    (f"{prefix}pack-customer{where}.pdf",
                     _bind(packing.build_customer_pack, info, by_point))
                )  # fmt: skip
            elif kind == "pack-product":
                jobs.append(
                    (f"{prefix}pack-product{where}.pdf",
                     _bind(packing.build_product_pack, info, everything))
                )  # fmt: skip
            elif kind == "sheet":
                points = [point] if point else self.repo.pickup_points()
                for p in points:
                    at = [o for o in everything if o.pickup_point_id == p.id]
                    jobs.append(
                        (f"{prefix}sheet-{p.id}-{slug(p.name)}.pdf",
                         _bind(sheet.build_sheet, info, p.name, at, note=p.description))
                    )  # fmt: skip
            elif kind == "run-sheet":
                jobs.extend(self._run_sheets(point, info, prefix))
            elif kind == "labels":
                bags = self.bag_labels(by_point)
                jobs.append(
                    (f"{prefix}labels-{info.paper}{where}.pdf",
                     _bind(labels.build_label_sheets, info, bags,
                           skip=max(0, request.first_label - 1)))
                )  # fmt: skip
                jobs.append(
                    (f"{prefix}labels-4x6{where}.pdf", _bind(labels.build_labels_4x6, info, bags))
                )
        return jobs

    def _run_sheets(
        self, point: PickupPoint | None, info: DocInfo, prefix: str
    ) -> list[tuple[str, Callable[[], bytes]]]:
        """One run sheet per delivery method and driver (a pickup point has none)."""
        from pos.services.rounds import RunSheets

        if point is not None and not point.is_delivery:
            return []
        jobs: list[tuple[str, Callable[[], bytes]]] = []
        for rs in RunSheets(self.store).run_sheets(point.id if point else None):
            driver = f"-{slug(rs.driver)}" if rs.driver else ""
            jobs.append(
                (f"{prefix}run-sheet-{rs.method.id}-{slug(rs.method.name)}{driver}.pdf",
                 _bind(run_sheet.build_run_sheet, info, rs.method.name, rs.driver, rs.stops,
                       note=rs.method.description, settled=rs.settled))
            )  # fmt: skip
        return jobs

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


def _bind(fn: Callable[..., bytes], *args: object, **kwargs: object) -> Callable[[], bytes]:
    def call() -> bytes:
        return fn(*args, **kwargs)

    return call


def _point_key(order: PackOrder) -> tuple[str, int]:
    return (fold(order.pickup_point_name), order.pickup_point_id or 0)


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
