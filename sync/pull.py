"""Pull: the hub's orders for one order cycle from OFN into the store.

List pages (``per_page`` 100, until the last page) feed order details fetched by four
workers over one keep-alive session (the transport allows at most four requests in flight);
customers (v1, ``links.next``) and producer names (``/api/v0/shops/{hub}``) come alongside.
Incremental pulls ask for ``q[updated_at_gt]`` = the previous run's server ``Date`` minus a
safety margin. One bad order is skipped and reported; the others are saved.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pos import messages
from pos.domain.models import (
    FALLBACK_CURRENCY,
    FALLBACK_LOCALE,
    Customer,
    Hub,
    Order,
    PickupPoint,
    Producer,
)
from pos.domain.settings import CURRENCY
from pos.messages import phrase_of, said, said_error
from pos.store import Store
from pos.store.ingest import Ingest
from pos.store.outbox import SyncRuns
from pos.store.privacy import PrivacyRepository
from sync import parse
from sync.client import OFNClient
from sync.errors import ApiError, BadPayload, Cancelled

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (what, done, total)
SAFETY_MARGIN = timedelta(minutes=2)
BATCH = 200
WORKERS = 4
LIST_PASSES = 2  # a pull that received fewer orders than announced lists once more
MAX_ORDER_PAGES = 1_000  # 100,000 orders: far beyond a hub's cycle
MAX_EARLIER_CYCLES = 8  # earlier cycles with open orders refreshed by each sync (newest first)
MAX_PRODUCER_LOOKUPS = 200  # names fetched one by one for producers /shops/{hub} left out

CURRENCY_BY_SUFFIX = (
    (".org.uk", "GBP"), (".uk", "GBP"), (".au", "AUD"), (".ca", "CAD"), (".nz", "NZD"),
    (".ch", "CHF"), (".fr", "EUR"), (".be", "EUR"), (".de", "EUR"), (".es", "EUR"),
    (".it", "EUR"), (".ie", "EUR"), (".us", "USD"), (".in", "INR"), (".za", "ZAR"),
)  # fmt: skip


def guess_currency(url: str) -> str:
    """OFN sends no currency; instances are national. The hub setting ``currency`` wins."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    if "coopcircuits" in host:
        return "EUR"
    for suffix, code in CURRENCY_BY_SUFFIX:
        if host.endswith(suffix):
            return code
    return FALLBACK_CURRENCY


@dataclass
class PullReport:
    incremental: bool = False
    listed: int = 0
    fetched: int = 0
    inserted: int = 0
    updated: int = 0
    cancelled: int = 0
    customers: int = 0
    producers: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    # (what, why): each a messages.Said (English that keeps its code) or OFN's own text
    skipped: list[tuple[str, str]] = field(default_factory=list)
    transient: int = 0  # skips that may succeed next time (the watermark stays put)
    watermark: str | None = None
    requests: int = 0
    earlier_cycles: list[int] = field(default_factory=list)  # refreshed after this cycle
    deleted: list[str] = field(default_factory=list)  # orders gone from OFN, dropped here
    customers_deleted: int = 0  # customers gone from OFN and no longer used here
    from_push: int = 0  # listed orders not fetched: push already wrote them as OFN has them

    def summary(self) -> dict[str, Any]:
        return {
            "incremental": self.incremental, "listed": self.listed, "fetched": self.fetched,
            "inserted": self.inserted, "updated": self.updated, "cancelled": self.cancelled,
            "customers": self.customers, "producers": self.producers,
            "conflicts": self.conflicts[:50], "skipped": self.skipped[:50],
            "requests": self.requests, "earlier_cycles": self.earlier_cycles,
            "deleted": len(self.deleted), "customers_deleted": self.customers_deleted,
            "from_push": self.from_push,
        }  # fmt: skip


@dataclass
class _Listing:
    """One pass over the order index: how many orders OFN announced and how many came."""

    announced: int = 0
    received: int = 0
    complete: bool = True  # False: stopped early (a loop, or no end), already reported
    date: datetime | None = None


def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Puller:
    def __init__(
        self,
        client: OFNClient,
        store: Store,
        *,
        hub_id: int,
        order_cycle_id: int | None,
        pickup_point_id: int | None = None,
        currency: str | None = None,
        progress: Progress | None = None,
        reference: bool = True,
    ) -> None:
        self.client = client
        self.pickup_point_id = pickup_point_id  # pull only this pickup point (server-side)
        self.reference = reference  # hub, producers and customers too (not for earlier cycles)
        self.store = store
        self.hub_id = hub_id
        self.order_cycle_id = order_cycle_id
        self.currency = currency or _hub_currency(store) or guess_currency(client.base_url)
        self.progress = progress or (lambda what, done, total: None)
        self.cancel = client.t.cancel
        self.ingest = Ingest(store)
        self.runs = SyncRuns(store)
        self._points: dict[int, PickupPoint] = {}
        self._done: queue.SimpleQueue[Future[Any]] = queue.SimpleQueue()  # finished details
        self._listed_customers: set[int] | None = None  # a complete customer list, when read
        self._pushed: dict[str, str] = {}  # number -> digest of the list row push last saw
        self._pushed_listed: set[str] = set()  # fetched despite a fingerprint: forget it
        self.scope: dict[str, Any] = {
            "server": client.base_url, "hub": hub_id, "order_cycle": order_cycle_id,
        }  # fmt: skip
        if pickup_point_id is not None:
            self.scope["pickup_point"] = pickup_point_id

    def run(self, *, full: bool = False) -> PullReport:
        report = PullReport()
        since = None if full else self.runs.watermark(self.scope)
        report.incremental = since is not None
        run_id = self.runs.start("pull", self.scope)
        sent_before = self.client.t.requests_sent
        self._pushed = self.ingest.pushed_listings()
        ok = False
        try:
            self._pull(report, since)
            ok = True
            self.ingest.forget_pushed(self._pushed_listed)
        finally:
            report.requests = self.client.t.requests_sent - sent_before
            self.runs.finish(
                run_id,
                ok=ok,
                summary=report.summary(),
                watermark=report.watermark if ok and not report.transient else None,
            )
        if self.reference:
            self._refresh_earlier(report, full=full)
        return report

    def _refresh_earlier(self, report: PullReport, *, full: bool) -> None:
        """Earlier cycles' open orders, refreshed incrementally (their own watermarks)."""
        if self.order_cycle_id is None:
            return  # the pull above covered every cycle
        sent_before = self.client.t.requests_sent
        cycles = self.ingest.earlier_open_cycles(self.hub_id, self.order_cycle_id)
        if len(cycles) > MAX_EARLIER_CYCLES:  # the oldest are left as they are
            log.info("not refreshing order cycles %s (older)", cycles[MAX_EARLIER_CYCLES:])
        for cycle in cycles[:MAX_EARLIER_CYCLES]:
            self._check_cancel()
            earlier = Puller(
                self.client, self.store, hub_id=self.hub_id, order_cycle_id=cycle,
                pickup_point_id=self.pickup_point_id, currency=self.currency,
                reference=False,
            )  # fmt: skip
            try:
                sub = earlier.run(full=full)
            except (ApiError, BadPayload) as exc:
                report.skipped.append((
                    said("sync.what.cycle", cycle=cycle),
                    said("sync.skip.not_refreshed", reason=phrase_of(exc)),
                ))  # fmt: skip
                continue
            report.earlier_cycles.append(cycle)
            report.fetched += sub.fetched
            report.inserted += sub.inserted
            report.updated += sub.updated
            report.cancelled += sub.cancelled
            report.conflicts += sub.conflicts
            report.skipped += sub.skipped
        report.requests += self.client.t.requests_sent - sent_before

    # --------------------------------------------------------------------------
    def _pull(self, report: PullReport, since: str | None) -> None:
        with ThreadPoolExecutor(WORKERS, thread_name_prefix="ofn-pull") as pool:
            ref_future: Future[Any] | None = (
                pool.submit(self._reference, since, report) if self.reference else None
            )
            futures: dict[Future[Any], str] = {}
            parsed: list[Order] = []
            seen: set[str] = set()

            def fetch(number: str) -> None:
                if number in seen:
                    return
                seen.add(number)
                future = pool.submit(self._fetch, number)
                futures[future] = number
                future.add_done_callback(self._done.put)

            def after_page() -> None:
                nonlocal ref_future
                self._drain(futures, parsed, report, block=False)
                ref_future = self._flush(parsed, report, ref_future, final=False)

            try:
                first_date: datetime | None = None
                for _pass in range(LIST_PASSES):
                    done = self._list_pass(since, fetch, after_page, report)
                    first_date = first_date or done.date
                    if not done.complete or done.received >= done.announced:
                        break
                    log.info(
                        "order list: %d announced, %d received; listing again",
                        done.announced, done.received,
                    )  # fmt: skip
                else:
                    report.skipped.append((
                        said("sync.what.list"),
                        said("sync.skip.list_short", announced=done.announced,
                             received=done.received),
                    ))  # fmt: skip
                    report.transient += 1
                report.listed = max(report.listed, len(seen))
                if self.pickup_point_id is not None:
                    # orders this till holds that moved to another pickup point in OFN drop
                    # out of the filtered list: find them in the whole hub's list
                    def fetch_known(number: str) -> None:
                        if number not in seen and self.ingest.has_order(number):
                            fetch(number)

                    self._list_pass(since, fetch_known, after_page, report, everywhere=True)
                while futures:
                    self._drain(futures, parsed, report, block=True)
                    ref_future = self._flush(parsed, report, ref_future, final=False)
                self._flush(parsed, report, ref_future, final=True)
                if since is None:
                    self._forget_deleted(seen if done.complete else None, report)
                self._name_producers(report)
            except BaseException:
                self.cancel.set()
                for f in futures:
                    f.cancel()
                raise
        if first_date is None:
            first_date = datetime.now(UTC)
        report.watermark = iso(first_date - SAFETY_MARGIN)

    def _forget_deleted(self, listed: set[str] | None, report: PullReport) -> None:
        """After complete full listings: this cycle's orders OFN no longer has, and that
        carry no local event, are deleted here too (with their personal data); then the
        customers OFN no longer lists that no kept order refers to."""
        repo = PrivacyRepository(self.store)
        with self.store.transaction():
            if listed is not None and not report.transient and self.order_cycle_id is not None:
                report.deleted = repo.forget_missing_orders(
                    self.order_cycle_id, listed, self.pickup_point_id
                )
            if self._listed_customers is not None:
                report.customers_deleted = repo.forget_missing_customers(self._listed_customers)
        if report.deleted:
            log.info("orders deleted in OFN, dropped: %s", report.deleted[:20])

    def _list_pass(
        self,
        since: str | None,
        fetch: Callable[[str], None],
        after_page: Callable[[], None],
        report: PullReport,
        *,
        everywhere: bool = False,
    ) -> _Listing:
        """Read the order index once, page by page (sorted by id, so pages do not shift).

        ``everywhere``: every pickup point, even when this till pulls only its own.
        """
        listing = _Listing()
        numbers: set[str] = set()
        invalid = 0
        page, pages = 1, 1
        while page <= pages:
            self._check_cancel()
            try:
                result = self.client.order_page(
                    self.hub_id, self.order_cycle_id, page, since=since,
                    shipping_method_id=None if everywhere else self.pickup_point_id,
                )  # fmt: skip
            except (ApiError, BadPayload) as exc:  # this page only; the next sync asks again
                report.skipped.append((
                    said("sync.what.page", page=page),
                    said("sync.skip.not_read", reason=phrase_of(exc)),
                ))  # fmt: skip
                report.transient += 1
                listing.complete = False
                if page == 1:
                    break  # how many pages there are is not known
                page += 1
                continue
            if page == 1:
                listing.date = result.date
                if not everywhere:
                    report.listed = max(report.listed, result.results)
            listing.announced = max(listing.announced, result.results)
            # never more pages than the announced count needs (one spare for new orders)
            size = max(len(result.orders), 1)
            pages = min(result.pages, -(-listing.announced // size) + 1, MAX_ORDER_PAGES)
            if not result.orders:
                break
            new = 0
            for summary in result.orders:
                number = _summary_number(summary, report)
                if number is None:
                    invalid += 1
                    new += 1
                    continue
                if number not in numbers:
                    numbers.add(number)
                    new += 1
                    if not self._fresh_from_push(number, summary, since, report):
                        fetch(number)
            if not new:
                report.skipped.append(
                    (said("sync.what.list"), said("sync.skip.list_loop", page=page))
                )
                report.transient += 1
                listing.complete = False
                break
            after_page()
            page += 1
        else:
            if pages == MAX_ORDER_PAGES and result.pages > pages:
                report.skipped.append(
                    (said("sync.what.list"), said("sync.skip.list_endless", pages=pages))
                )
                report.transient += 1
                listing.complete = False
        listing.received = len(numbers) + invalid
        return listing

    def _fresh_from_push(
        self, number: str, summary: Any, since: str | None, report: PullReport
    ) -> bool:
        """Push changed this order and wrote it locally from what it read; if OFN lists it
        exactly as push last saw it, its details are not fetched again (incremental pulls
        only: a full pull fetches everything)."""
        digest = self._pushed.get(number)
        if digest is None:
            return False
        if since is None or parse.listing_digest(summary) != digest:
            self._pushed_listed.add(number)  # fetched now: the fingerprint has served
            return False
        report.from_push += 1
        return True

    def _fetch(self, number: str) -> tuple[Order, PickupPoint | None] | BadPayload:
        """One order's detail, fetched and parsed on a worker thread."""
        data = self.client.order(number)
        try:
            order = parse.parse_order(data, currency=self.currency)
            if order.number != number:
                raise BadPayload("ofn.wrong_order", got=order.number, number=number)
            if order.hub_id != self.hub_id:
                raise BadPayload("ofn.order_other_hub", hub=order.hub_id, expected=self.hub_id)
            return order, parse.pickup_point(data)
        except BadPayload as exc:
            return exc

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("sync.stopped")

    def _drain(
        self, futures: dict[Future[Any], str], parsed: list[Order], report: PullReport,
        *, block: bool,
    ) -> None:  # fmt: skip
        """Parse the details fetched so far (at least one when ``block``)."""
        done: list[Future[Any]] = []
        try:
            if block and futures:
                done.append(self._done.get())
            while True:
                done.append(self._done.get_nowait())
        except queue.Empty:
            pass
        for f in done:
            number = futures.pop(f)
            try:
                data = f.result()
            except ApiError as exc:  # this order only; the transport already retried
                report.skipped.append((number, said_error(exc)))
                report.transient += exc.transient
                continue
            report.fetched += 1  # a malformed order counts as fetched: the progress goes on
            self.progress("orders", report.fetched, max(report.listed, report.fetched))
            if isinstance(data, BadPayload):
                log.warning("skipping order %s: %s", number, messages.for_log(data))
                report.skipped.append((number, said("sync.skip.not_saved", reason=phrase_of(data))))
                continue
            order, point = data
            if point is not None:
                self._points[point.id] = point
            parsed.append(order)

    def _flush(
        self,
        parsed: list[Order],
        report: PullReport,
        ref_future: Future[Any] | None,
        *,
        final: bool,
    ) -> Future[Any] | None:
        if not parsed or (len(parsed) < BATCH and not final):
            if final and ref_future is not None:
                ref_future.result()
            return ref_future
        if ref_future is not None:
            ref_future.result()  # customers first, so codes land with their orders
            ref_future = None
        points = list(self._points.values())
        self._points.clear()
        self.ingest.save_reference(None, pickup_points=points)
        result = self.ingest.save_orders(parsed, admin_url=self.client.admin_url)
        report.inserted += result.inserted
        report.updated += result.updated
        report.cancelled += result.cancelled
        report.conflicts.extend(result.conflicts)
        report.skipped.extend(result.skipped)
        parsed.clear()
        return ref_future

    def _reference(self, since: str | None, report: PullReport) -> None:
        """Hub name, producers and customers (runs beside the order list)."""
        hub: Hub | None = None
        producers: list[Producer] = []
        try:
            shop = self.client.shop(self.hub_id)
            producers = parse.parse_producers(shop)
            name = shop.get("name") if isinstance(shop, dict) else None
            if isinstance(name, str) and name.strip():
                hub = self._hub(name.strip()[:200])
        except (ApiError, BadPayload) as exc:
            report.skipped.append((said("sync.what.producers"), said_error(exc)))
            report.transient += isinstance(exc, ApiError) and exc.transient
        if hub is None and self.ingest.hub_id() is None:
            hub = self._hub(f"Hub {self.hub_id}")
        customers: list[Customer] = []
        complete = True
        try:
            for item in self.client.customers(self.hub_id, since=since):
                try:
                    customers.append(parse.parse_customer(item))
                except BadPayload as exc:
                    complete = False
                    report.skipped.append(
                        (
                            said("sync.what.customer"),
                            said("sync.skip.not_saved", reason=phrase_of(exc)),
                        )
                    )
        except (ApiError, BadPayload) as exc:
            complete = False
            report.skipped.append((said("sync.what.customers"), said_error(exc)))
            report.transient += isinstance(exc, ApiError) and exc.transient
        report.customers = len(customers)
        report.producers = len(producers)
        self.ingest.save_reference(hub, producers, customers)
        if since is None and complete:  # the whole list: who is missing was deleted in OFN
            self._listed_customers = {c.id for c in customers}

    def _name_producers(self, report: PullReport) -> None:
        """Producers of a closed cycle are missing from ``/shops/{hub}`` (it lists only
        not-closed cycles' producers): their ids come from the orders' line items, their
        names from each producer's own public shop record."""
        named: list[Producer] = []
        for producer_id in self.ingest.unnamed_producers()[:MAX_PRODUCER_LOOKUPS]:
            self._check_cancel()
            try:
                shop = self.client.shop(producer_id)
            except (ApiError, BadPayload) as exc:
                log.info("producer %d: no name (%s)", producer_id, messages.for_log(exc))
                continue
            name = shop.get("name") if isinstance(shop, dict) else None
            if (
                isinstance(shop, dict)
                and shop.get("id") == producer_id
                and isinstance(name, str)
                and name.strip()
            ):
                named.append(Producer(producer_id, name.strip()[:200]))
        if named:
            self.ingest.save_reference(None, named)
            report.producers += len(named)

    def _hub(self, name: str) -> Hub:
        return Hub(
            id=self.hub_id, name=name, currency=self.currency, locale=FALLBACK_LOCALE,
            timezone="Europe/London", ofn_url=self.client.base_url, is_demo=False,
        )  # fmt: skip


def _summary_number(summary: Any, report: PullReport) -> str | None:
    number = summary.get("number") if isinstance(summary, dict) else None
    if not isinstance(number, str) or not parse.NUMBER_RE.fullmatch(number):
        report.skipped.append((str(number)[:40] if number else "?", said("sync.skip.no_number")))
        return None
    return number


def _hub_currency(store: Store) -> str | None:
    setting = store.settings.get(CURRENCY)
    if setting is not None and len(setting) == 3:
        return setting.upper()
    return Ingest(store).hub_currency()


def pull(
    client: OFNClient,
    store: Store,
    *,
    hub_id: int,
    order_cycle_id: int | None,
    pickup_point_id: int | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> PullReport:
    puller = Puller(
        client, store, hub_id=hub_id, order_cycle_id=order_cycle_id,
        pickup_point_id=pickup_point_id, progress=progress,
    )  # fmt: skip
    return puller.run(full=full)
