"""Push: make OFN match what the till recorded, exactly once (docs/design.md rule 3).

For each outbox row: read the order from OFN, compare with the desired state, do only the
missing steps, and verify by reading the answer (ship answers 200 even when it shipped
nothing). A lost answer is settled by reading again, never by repeating blindly, so running
push any number of times captures and ships at most once. Whatever the API cannot do becomes
a staff action with exact amounts, methods and the admin link.

Capture takes the payment OFN would take (``RemoteState.pending_payment``) only when hub staff
declared its OFN method "paid at the pickup point" as a till method (:mod:`sync.rules`) and the
till took exactly that method for exactly that amount: capturing anything else could charge a
card a gateway authorised, after the customer paid at the till. Ship happens only if the hub
chose it (OFN emails the customer at that moment); a ship long after the collection is flagged.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from typing import Any

from pos import messages
from pos.domain.models import Order
from pos.domain.money import format_money
from pos.domain.outbox import DesiredState
from pos.domain.settings import ORDER_NOTES, PAYMENT_METHODS
from pos.errors import KnownError
from pos.messages import money, phrase, said, said_error
from pos.store import Store
from pos.store.ingest import Ingest
from pos.store.outbox import Outbox, OutboxItem, StaffAction, SyncRuns
from sync import parse
from sync.client import OFNClient
from sync.errors import ApiError, BadPayload, Cancelled, KeyRejected, NotOFN, Unreachable
from sync.parse import RemoteState
from sync.rules import PushRules, collected_long_ago, describe_age

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
TRIES_PER_STEP = 3
BATCH = 50  # outcomes recorded per transaction, at most
BATCH_SECONDS = 0.5  # and at least this often while orders are being pushed
INFO_KINDS = ("late_email",)  # staff should know, but nothing is left to do in OFN


class Retry(KnownError):
    """This order could not be settled in this run; try again later."""


@dataclass
class _Work:
    """What pushing one order did: built on a worker thread, added to the report by the
    run's own thread."""

    item: OutboxItem
    status: str = ""  # done | needs_staff | conflict | failed | superseded
    actions: list[StaffAction] = field(default_factory=list)
    captured: bool = False
    shipped: bool = False
    shipped_late: bool = False
    conflict: str = ""
    error: str = ""  # English that keeps its code (messages.Said), for the run's report
    failure: KnownError | None = None  # the error behind ``error``, kept coded in the outbox
    acted: bool = False  # a capture or ship was sent (OFN may have changed)
    detail: Any = None  # the latest detailed read of the order
    reply: Any = None  # the latest concise answer (capture or ship) after that read
    captured_unread: bool = False  # a capture answered after that read
    left: Order | None = None  # the order as push left it in OFN, made from what it read
    digest: str | None = None  # fingerprint of OFN's last concise answer for it

    @property
    def changed_ofn(self) -> bool:
        return self.acted


@dataclass
class PushReport:
    due: int = 0
    done: int = 0
    needs_staff: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    captured: list[str] = field(default_factory=list)
    shipped: list[str] = field(default_factory=list)
    shipped_late: list[str] = field(default_factory=list)  # "picked up" emailed > a day late
    walk_ins: int = 0
    superseded: int = 0
    refreshed: int = 0  # orders push changed, rewritten locally from what it read
    requests: int = 0
    stopped: str = ""  # why the run stopped early, if it did

    def summary(self) -> dict[str, Any]:
        return {
            "due": self.due, "done": self.done, "needs_staff": self.needs_staff,
            "conflicts": self.conflicts[:50], "failed": self.failed[:50],
            "captured": len(self.captured), "shipped": len(self.shipped),
            "shipped_late": self.shipped_late[:50],
            "walk_ins": self.walk_ins, "refreshed": self.refreshed, "requests": self.requests,
            "stopped": self.stopped,
        }  # fmt: skip


class Pusher:
    """Pushes the due orders with as many in flight as the transport has slots (four).

    Each order is settled by one worker from start to end (read, compare, act, verify), so
    the exactly-once argument per order is unchanged; the workers share the store through
    one lock (SQLite writes are short next to a network round trip).
    """

    def __init__(
        self,
        client: OFNClient,
        store: Store,
        *,
        order_notes: bool | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.outbox = Outbox(store)
        self.ingest = Ingest(store)
        self.runs = SyncRuns(store)
        self.progress = progress or (lambda what, done, total: None)
        notes = store.settings.get(ORDER_NOTES) if order_notes is None else order_notes
        self.order_notes = bool(notes)
        self.locale = "en_GB"
        self.labels = store.settings.get(PAYMENT_METHODS).labels()
        self.rules = PushRules.load(store)
        self.workers = client.t.max_in_flight
        self._db = threading.Lock()  # one thread at a time on the store's connection

    # --------------------------------------------------------------------------
    def run(self) -> PushReport:
        report = PushReport()
        run_id = self.runs.start("push", {"server": self.client.base_url})
        sent_before = self.client.t.requests_sent
        ok = False
        try:
            items = self.outbox.due()
            report.due = len(items)
            self.progress("push", 0, len(items))
            self._push_all(items, report)
            self.progress("push", len(items), len(items))
            self._walk_ins(report)
            ok = not report.failed
        except (KeyRejected, Unreachable, NotOFN, Cancelled) as exc:
            report.stopped = exc.message
            raise
        finally:
            report.requests = self.client.t.requests_sent - sent_before
            self.runs.finish(run_id, ok=ok, summary=report.summary())
        return report

    def _push_all(self, items: list[OutboxItem], report: PushReport) -> None:
        """Each order on one of the workers; the first error that stops a sync (key
        rejected, unreachable, stopped) stops handing out orders, and is raised once the
        orders already under way are settled.

        Outcomes are recorded by this thread, a few at a time in one transaction (one disk
        flush for many orders): a result lost in a crash only means the order is read again
        and found settled next time. What must be on disk before a request (the capture
        intent) is written by the worker before it sends it.
        """
        cancel = self.client.t.cancel
        stop = threading.Event()
        stopped: list[BaseException] = []

        def task(item: OutboxItem) -> _Work | None:
            if stop.is_set() or cancel.is_set():
                return None
            try:
                return self._one(item)
            except BaseException as exc:
                stop.set()
                stopped.append(exc)
                return None

        batch: list[_Work] = []
        flushed = time.monotonic()
        try:
            with ThreadPoolExecutor(self.workers, thread_name_prefix="ofn-push") as pool:
                futures = [pool.submit(task, item) for item in items]
                for done, future in enumerate(as_completed(futures), 1):
                    work = future.result()
                    if work is not None:
                        batch.append(work)
                    if len(batch) >= BATCH or time.monotonic() - flushed > BATCH_SECONDS:
                        self._record(batch, report)
                        batch, flushed = [], time.monotonic()
                    self.progress("push", done, len(items))
        finally:
            self._record(batch, report)
        if stopped:
            raise stopped[0]
        if cancel.is_set():
            raise Cancelled("sync.stopped")

    def _record(self, batch: list[_Work], report: PushReport) -> None:
        """Record the outcomes of ``batch`` in one transaction, then count them."""
        if not batch:
            return
        with self._db, self.store.transaction():
            for work in batch:
                item = work.item
                if work.status == "failed":
                    self.outbox.record_failure(item, work.failure or work.error)
                elif work.status != "conflict":
                    recorded = self.outbox.record(
                        item, work.status, actions=work.actions,
                        details={"captured": work.captured, "shipped": work.shipped},
                    )  # fmt: skip
                    if not recorded:
                        work.status = "superseded"
            self.ingest.refresh_pushed(
                [(w.left, w.digest) for w in batch if w.left is not None and w.status != "conflict"]
            )
        for work in batch:
            self._add(work, report)

    @staticmethod
    def _add(work: _Work, report: PushReport) -> None:
        number = work.item.number
        if work.captured:
            report.captured.append(number)
        if work.shipped:
            report.shipped.append(number)
        if work.shipped_late:
            report.shipped_late.append(number)
        if work.status == "conflict":
            report.conflicts.append((number, work.conflict))
        elif work.status == "failed":
            report.failed.append((number, work.error))
        elif work.status == "superseded":
            report.superseded += 1  # the till changed it meanwhile; it is pending again
        elif work.status == "done":
            report.done += 1
        elif work.status == "needs_staff":
            report.needs_staff += 1
        if work.changed_ofn and work.status != "conflict":
            report.refreshed += 1

    def _one(self, item: OutboxItem) -> _Work:
        """Settle one order against OFN (on a worker thread); its outcome is recorded later
        by :meth:`_record`."""
        work = _Work(item)
        try:
            work.status, work.actions = self._settle(work)
        except Retry as exc:
            work.status, work.error, work.failure = "failed", said_error(exc), exc
        except ApiError as exc:
            if exc.kind != "not_found":
                work.status, work.error, work.failure = "failed", said_error(exc), exc
            else:
                work.status, work.actions = "needs_staff", [StaffAction.coded(  # nothing to push to
                    "error", "staff.not_in_ofn", number=item.number,
                    admin_url=self.client.admin_url(item.number))]  # fmt: skip
        except BadPayload as exc:
            work.status, work.error, work.failure = "failed", said_error(exc), exc
        except (Unreachable, NotOFN) as exc:
            self._as_left(work)
            with self._db, self.store.transaction():
                self.outbox.record_failure(item, exc)
                if work.left is not None:
                    self.ingest.refresh_pushed([(work.left, work.digest)])
            raise
        self._as_left(work)
        if self.order_notes and work.status in ("done", "needs_staff"):
            self._note(item)
        return work

    @staticmethod
    def _as_left(work: _Work) -> None:
        """The order as push left it in OFN, made from what it read (on the worker, outside
        the store lock), for the store to refresh: the next pull need not fetch it again."""
        if not work.changed_ofn or work.detail is None or work.status == "conflict":
            return
        try:
            data = parse.after_push(work.detail, work.reply, work.captured_unread)
            order = parse.parse_order(data, currency=work.item.currency)
        except BadPayload as exc:  # the next pull fetches it
            log.info("not refreshing %s from the push: %s", work.item.number, messages.for_log(exc))
            return
        if order.id == work.item.order_id and order.number == work.item.number:
            work.left = order
            work.digest = None if work.reply is None else parse.listing_digest(work.reply)

    # the read-compare-act-verify loop -----------------------------------------
    def _read(self, work: _Work) -> RemoteState:
        data = self.client.order(work.item.number)
        remote = parse.remote_state(data, work.item.currency)
        if isinstance(data, dict):
            work.detail, work.reply, work.captured_unread = data, None, False
        return remote

    def _acted(self, work: _Work, data: Any) -> RemoteState:
        """The concise answer to capture or ship."""
        after = parse.remote_state(data, work.item.currency)
        if isinstance(data, dict):
            work.reply = data
        return after

    def _settle(self, work: _Work) -> tuple[str, list[StaffAction]]:
        item = work.item
        url = self.client.admin_url(item.number)
        want = item.desired
        if want is None:
            problem = item.problem
            return "needs_staff", [
                StaffAction.coded(
                    "error", "staff.unreadable", number=item.number, admin_url=url,
                    problem=phrase(problem.code, **problem.params) if problem else "",
                )
            ]  # fmt: skip
        remote = self._read(work)
        data = work.detail
        fmt = self._fmt(item.currency)
        if not want.collected:
            return self._uncollected(item, want, remote, url, fmt)
        if not want.staff_kept_local:
            reason = None
            if remote.state == "canceled":
                reason = StaffAction.coded(
                    "conflict", "staff.cancelled_in_ofn", locale=self.locale, number=item.number
                )
            elif remote.total != item.local_total:
                reason = StaffAction.coded(
                    "conflict", "staff.changed_in_ofn", locale=self.locale, number=item.number,
                    before=money(item.local_total, item.currency),
                    after=money(remote.total, item.currency),
                )  # fmt: skip
            if reason:
                order = parse.parse_order(data, currency=item.currency)
                if order.id != item.order_id:
                    raise BadPayload("ofn.order_other_id", number=item.number, id=order.id)
                with self._db:
                    self.outbox.record_conflict(order, reason, url)
                work.conflict = said(reason.code, **reason.params)
                return "conflict", []
        actions: list[StaffAction] = []
        if remote.state == "canceled":
            actions.append(StaffAction.coded(
                "conflict", "staff.kept_cancelled", number=item.number, receipt=want.receipt_no,
                admin_url=url))  # fmt: skip
            return "needs_staff", actions + self._money_actions(item, want, remote, url, fmt)
        before = remote
        remote = self._capture_if_possible(work, want, remote)
        actions += self._money_actions(item, want, remote, url, fmt)
        actions += self._pending_actions(item, want, before, remote, url, fmt)
        if not self.rules.mark_shipped:
            return _status(actions), actions  # the hub marks orders shipped in OFN itself
        late: StaffAction | None = None
        if not remote.is_shipped and remote.is_paid and remote.shipment_state == "ready":
            remote = self._ship(work, remote)
            age = collected_long_ago(want.collected_at)
            if work.shipped and age is not None:
                work.shipped_late = True
                late = StaffAction.coded(
                    "late_email", "staff.late_email", number=item.number,
                    age=describe_age(age), receipt=want.receipt_no, admin_url=url,
                )  # fmt: skip
        if not remote.is_shipped:
            if actions:  # settle the money first, then ship
                first = actions[0]
                then = " " + messages.word("staff.then_ship", {}, messages.SOURCE)
                params = {**first.params, "then": phrase("staff.then_ship")}
                actions[0] = replace(first, reason=first.reason + then, params=params)
            elif not remote.is_paid:
                actions.append(StaffAction.coded(
                    "unpaid_handover", "staff.ship_when_paid", number=item.number,
                    receipt=want.receipt_no, admin_url=url,
                ))  # fmt: skip
            else:
                actions.append(StaffAction.coded(
                    "error", "staff.not_shipped", number=item.number, receipt=want.receipt_no,
                    state=remote.shipment_state, admin_url=url,
                ))  # fmt: skip
        if late is not None:
            actions.append(late)
        return _status(actions), actions

    def _uncollected(
        self, item: OutboxItem, want: DesiredState, remote: RemoteState, url: str,
        fmt: Callable[[int], str],
    ) -> tuple[str, list[StaffAction]]:  # fmt: skip
        """The collection was reversed at the till: OFN must not show it collected or paid."""
        actions: list[StaffAction] = []
        if remote.is_shipped:
            actions.append(StaffAction.coded(
                "error", "staff.reversed_but_shipped", number=item.number,
                admin_url=url))  # fmt: skip
        with self._db:
            captured = self.outbox.captured_by_sync(item.order_id)
        if captured and remote.is_paid:
            actions.append(StaffAction.coded(
                "credit", "staff.refund_captured", locale=self.locale, number=item.number,
                payment=money(captured, item.currency), amount=captured,
                admin_url=url))  # fmt: skip
        return ("needs_staff" if actions else "done"), actions

    def _baseline_paid(self, item: OutboxItem, want: DesiredState) -> int:
        """What OFN had received for the order when the till checked it out."""
        if want.order_total_at_till is None:
            return item.local_payment_total
        amount_due = want.paid_at_till + want.left_owing - want.credit_amount
        return want.order_total_at_till - amount_due

    def _capturable(self, want: DesiredState, remote: RemoteState) -> bool:
        """Capture only the payment OFN would take, when the till took exactly that money.

        Its OFN method must be declared paid at the pickup point as the till method used; an
        undeclared one may be a card a gateway authorised (capturing charges it again).
        """
        pend = remote.pending_payment
        if not (remote.ready_to_capture and pend and not remote.is_paid):
            return False
        if pend.state == "requires_authorization" or want.paid_at_till <= 0:
            return False
        till_method = self.rules.till_method(pend.method)
        if till_method is None or want.by_method != {till_method: pend.amount}:
            return False
        return pend.amount == want.paid_at_till == remote.outstanding

    def _capture_if_possible(
        self, work: _Work, want: DesiredState, remote: RemoteState
    ) -> RemoteState:
        item = work.item
        if want.paid_at_till <= 0:
            return remote
        target = self._baseline_paid(item, want) + want.paid_at_till
        for _ in range(TRIES_PER_STEP):
            if remote.payment_total >= target and remote.is_paid:
                return remote  # already reached (by us earlier, or by staff)
            if not self._capturable(want, remote):
                return remote  # staff will enter it (see _money_actions)
            # the intent is on disk before the request, so an undo later knows OFN may hold it
            with self._db:
                self.outbox.note_capture_attempt(
                    item.order_id, want.checkout_id or "", want.paid_at_till
                )
            work.acted = True
            try:
                after = self._acted(work, self.client.capture(item.number).data)
            except ApiError as exc:
                if exc.kind == "error":  # OFN refused: nothing left to capture, or it declines.
                    # Another till or the staff copy may have captured it since our read (any
                    # of them may push a merged hand-over): read again, so that staff are asked
                    # to enter the payment only if OFN really lacks it.
                    return self._read(work)
                log.info("capture %s: %s; reading again", item.number, messages.for_log(exc))
                remote = self._read(work)
                continue
            if after.is_paid:
                work.captured = work.captured_unread = True
                return after
            remote = self._read(work)
        if remote.is_paid and remote.payment_total >= target:
            return remote
        raise Retry("sync.capture_unconfirmed", number=item.number)

    def _ship(self, work: _Work, remote: RemoteState) -> RemoteState:
        item = work.item
        for _ in range(TRIES_PER_STEP):
            if remote.is_shipped:
                return remote
            if not (remote.is_paid and remote.shipment_state == "ready"):
                return remote
            work.acted = True
            try:
                after = self._acted(work, self.client.ship(item.number).data)
            except ApiError as exc:
                if exc.kind == "error":  # as for capture: another pusher may have shipped it
                    return self._read(work)
                log.info("ship %s: %s; reading again", item.number, messages.for_log(exc))
                remote = self._read(work)
                continue
            if after.is_shipped:
                work.shipped = True
                return after
            remote = self._read(work)  # 200 without shipping
        if remote.is_shipped:
            return remote
        raise Retry("sync.ship_unconfirmed", number=item.number)

    def _money_actions(
        self, item: OutboxItem, want: DesiredState, remote: RemoteState, url: str,
        fmt: Callable[[int], str],
    ) -> list[StaffAction]:  # fmt: skip
        actions: list[StaffAction] = []
        target = self._baseline_paid(item, want) + want.paid_at_till
        reached = remote.payment_total >= target and (remote.is_paid or want.left_owing > 0)
        if want.paid_at_till > 0 and not reached:
            for method, amount in sorted(want.by_method.items()):
                if amount <= 0:
                    continue
                actions.append(StaffAction.coded(
                    "enter_payment", "staff.enter_payment", locale=self.locale,
                    number=item.number, paid=money(amount, item.currency),
                    label=self._label(method), receipt=want.receipt_no,
                    amount=amount, method=method, admin_url=url,
                ))  # fmt: skip
        if want.left_owing > 0:
            actions.append(StaffAction.coded(
                "unpaid_handover", "staff.left_owing", locale=self.locale, number=item.number,
                owing=money(want.left_owing, item.currency), receipt=want.receipt_no,
                amount=want.left_owing, admin_url=url,
            ))  # fmt: skip
        if want.credit_amount > 0:
            missing = want.short_or_missing
            actions.append(StaffAction.coded(
                "credit", "staff.credit_short" if missing else "staff.credit",
                locale=self.locale, number=item.number,
                owed=money(want.credit_amount, item.currency), short=missing,
                receipt=want.receipt_no, amount=want.credit_amount, admin_url=url,
            ))  # fmt: skip
        return actions

    def _pending_actions(
        self, item: OutboxItem, want: DesiredState, before: RemoteState, after: RemoteState,
        url: str, fmt: Callable[[int], str],
    ) -> list[StaffAction]:  # fmt: skip
        """The customer paid at the till, but OFN still holds a payment by a method not paid at
        pickup (perhaps a card a gateway authorised): whoever captures it charges them again."""
        if want.paid_at_till <= 0:
            return []
        left = list(before.pending_payments)
        if left and after.payment_total - before.payment_total >= left[0].amount > 0:
            left.pop(0)  # capture took it (this run, or a lost answer settled by reading)
        return [
            StaffAction.coded(
                "pending_payment", "staff.pending_payment", locale=self.locale,
                number=item.number, pending=money(p.amount, item.currency),
                ofn_method=p.method or "?", receipt=want.receipt_no,
                amount=p.amount, admin_url=url,
            )
            for p in left
            if p.amount > 0 and self.rules.till_method(p.method) is None
        ]  # fmt: skip

    # walk-ins, notes, helpers -------------------------------------------------
    def _walk_ins(self, report: PushReport) -> None:
        for c in self.outbox.walk_ins_to_list():
            lines, pays = self.outbox.walk_in_details(c["id"])
            items = ", ".join(f"{ln['quantity']} × {ln['product_name']}" for ln in lines[:10]) + (
                " …" if len(lines) > 10 else ""
            )
            paid = [
                phrase("staff.paid_by", paid=money(p["amount"], c["currency"]),
                       label=self._label(p["method"]))
                for p in pays
            ]  # fmt: skip
            methods = [p["method"] for p in pays]
            action = StaffAction.coded(
                "walk_in", "staff.walk_in", locale=self.locale, receipt=c["receipt_no"],
                items=items or phrase("staff.no_items"), paid=paid or phrase("staff.nothing"),
                amount=c["amount_paid"], method=methods[0] if len(methods) == 1 else None,
                checkout_id=c["id"],
            )  # fmt: skip
            if self.outbox.add_walk_in_action(action):
                report.walk_ins += 1
        for r in self.outbox.walk_in_reversals_to_list():
            action = StaffAction.coded(
                "walk_in", "staff.walk_in_undone", locale=self.locale,
                original=r["original_receipt"], receipt=r["receipt_no"],
                refunded=money(-r["amount_paid"], r["currency"]),
                amount=r["amount_paid"], checkout_id=r["id"],
            )  # fmt: skip
            if self.outbox.add_walk_in_action(action):
                report.walk_ins += 1

    def _note(self, item: OutboxItem) -> None:
        receipt = item.desired.receipt_no if item.desired else ""
        text = f"Collected at the pickup point, receipt {receipt}."
        try:
            self.client.set_note(item.number, text)
        except (ApiError, Unreachable, NotOFN) as exc:  # a note is a nicety
            log.info("note on %s not written: %s", item.number, messages.for_log(exc))

    def _fmt(self, currency: str) -> Callable[[int], str]:
        return lambda minor: format_money(minor, currency, self.locale)

    def _label(self, method: str) -> str:
        return self.labels.get(method, method)


def _status(actions: list[StaffAction]) -> str:
    return "needs_staff" if any(a.kind not in INFO_KINDS for a in actions) else "done"


def push(client: OFNClient, store: Store, *, progress: Progress | None = None) -> PushReport:
    return Pusher(client, store, progress=progress).run()
