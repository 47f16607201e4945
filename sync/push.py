"""Push: make OFN match what the till recorded, exactly once (design.md rule 3).

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
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from pos import messages
from pos.domain.money import format_money
from pos.domain.settings import ORDER_NOTES, PAYMENT_METHODS
from pos.messages import money, phrase
from pos.store import Store
from pos.store.outbox import Outbox, OutboxItem, StaffAction, SyncRuns
from sync import parse
from sync.client import OFNClient
from sync.errors import ApiError, BadPayload, Cancelled, KeyRejected, NotOFN, Unreachable
from sync.parse import RemoteState
from sync.rules import PushRules, collected_long_ago, describe_age

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
TRIES_PER_STEP = 3
INFO_KINDS = ("late_email",)  # staff should know, but nothing is left to do in OFN


class Retry(Exception):
    """This order could not be settled in this run; try again later."""


@dataclass(frozen=True, slots=True)
class Desired:
    collected: bool
    receipt_no: str
    collected_at: str | None
    currency: str
    order_total_at_till: int | None
    payments: dict[str, int]  # method -> amount, live till payments
    paid_at_till: int
    left_owing: int
    credit_amount: int
    lines_changed: list[dict[str, Any]]
    kept_local: bool


def _amount(d: dict[str, Any], key: str, default: int | None = 0) -> int:
    value = d.get(key, default)
    if value is None and default is None:
        return 0
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadPayload("till.record_amount", field=key)
    return value


def parse_desired(d: dict[str, Any], currency: str) -> Desired:
    if "_unreadable" in d or not isinstance(d.get("collected"), bool):
        raise BadPayload("till.record_unreadable")
    payments: dict[str, int] = defaultdict(int)
    raw = d.get("payments") or []
    if not isinstance(raw, list):
        raise BadPayload("till.payments_unreadable")
    for p in raw:
        if not isinstance(p, dict) or not isinstance(p.get("method"), str):
            raise BadPayload("till.payment_unreadable")
        payments[p["method"]] += _amount(p, "amount")
    paid = sum(payments.values())
    total = d.get("order_total_at_till")
    lines = d.get("lines_changed") or []
    return Desired(
        collected=d["collected"],
        receipt_no=str(d.get("receipt_no") or ""),
        collected_at=d["collected_at"] if isinstance(d.get("collected_at"), str) else None,
        currency=str(d.get("currency") or currency),
        order_total_at_till=total if isinstance(total, int) else None,
        payments={m: a for m, a in payments.items() if a},
        paid_at_till=_amount(d, "paid_at_till", paid) if "paid_at_till" in d else paid,
        left_owing=_amount(d, "left_owing"),
        credit_amount=_amount(d, "credit_amount"),
        lines_changed=[x for x in lines if isinstance(x, dict)] if isinstance(lines, list) else [],
        kept_local=bool(d.get("staff_kept_local")),
    )


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
    requests: int = 0
    stopped: str = ""  # why the run stopped early, if it did

    def summary(self) -> dict[str, Any]:
        return {
            "due": self.due, "done": self.done, "needs_staff": self.needs_staff,
            "conflicts": self.conflicts[:50], "failed": self.failed[:50],
            "captured": len(self.captured), "shipped": len(self.shipped),
            "shipped_late": self.shipped_late[:50],
            "walk_ins": self.walk_ins, "requests": self.requests, "stopped": self.stopped,
        }  # fmt: skip


class Pusher:
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
        self.runs = SyncRuns(store)
        self.progress = progress or (lambda what, done, total: None)
        notes = store.settings.get(ORDER_NOTES) if order_notes is None else order_notes
        self.order_notes = bool(notes)
        self.locale = "en_GB"
        self.labels = store.settings.get(PAYMENT_METHODS).labels()
        self.rules = PushRules.load(store)

    # --------------------------------------------------------------------------
    def run(self) -> PushReport:
        report = PushReport()
        run_id = self.runs.start("push", {"server": self.client.base_url})
        sent_before = self.client.t.requests_sent
        ok = False
        try:
            items = self.outbox.due()
            report.due = len(items)
            for i, item in enumerate(items):
                if self.client.t.cancel.is_set():
                    raise Cancelled("sync.stopped")
                self.progress("push", i, len(items))
                self._one(item, report)
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

    def _one(self, item: OutboxItem, report: PushReport) -> None:
        try:
            status, actions = self._settle(item, report)
        except Retry as exc:
            report.failed.append((item.number, str(exc)))
            self.outbox.record_failure(item, str(exc))
            return
        except ApiError as exc:
            if exc.kind == "not_found":  # permanent: nothing to push to
                status, actions = "needs_staff", [StaffAction.coded(
                    "error", "staff.not_in_ofn", number=item.number,
                    admin_url=self.client.admin_url(item.number))]  # fmt: skip
            else:
                report.failed.append((item.number, exc.message))
                self.outbox.record_failure(item, exc.message)
                return
        except BadPayload as exc:
            report.failed.append((item.number, exc.message))
            self.outbox.record_failure(item, exc.message)
            return
        except (Unreachable, NotOFN) as exc:
            self.outbox.record_failure(item, exc.message)
            raise
        if status == "conflict":
            return
        recorded = self.outbox.record(
            item, status, actions=actions,
            details={"captured": item.number in report.captured,
                     "shipped": item.number in report.shipped},
        )  # fmt: skip
        if not recorded:
            report.superseded += 1  # the till changed it meanwhile; it is pending again
            return
        if status == "done":
            report.done += 1
        else:
            report.needs_staff += 1
        if self.order_notes:
            self._note(item)

    # the read-compare-act-verify loop -----------------------------------------
    def _read(self, number: str, currency: str) -> tuple[RemoteState, Any]:
        data = self.client.order(number)
        return parse.remote_state(data, currency), data

    def _settle(self, item: OutboxItem, report: PushReport) -> tuple[str, list[StaffAction]]:
        url = self.client.admin_url(item.number)
        try:
            want = parse_desired(item.desired, item.currency)
        except BadPayload as exc:
            return "needs_staff", [
                StaffAction.coded("error", "staff.unreadable", number=item.number,
                                  problem=phrase(exc.code, **exc.params), admin_url=url)
            ]  # fmt: skip
        remote, data = self._read(item.number, item.currency)
        fmt = self._fmt(item.currency)
        if not want.collected:
            return self._uncollected(item, want, remote, url, fmt)
        if not want.kept_local:
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
                self.outbox.record_conflict(order, reason, url)
                report.conflicts.append((item.number, reason.reason))
                return "conflict", []
        actions: list[StaffAction] = []
        if remote.state == "canceled":
            actions.append(StaffAction.coded(
                "conflict", "staff.kept_cancelled", number=item.number, receipt=want.receipt_no,
                admin_url=url))  # fmt: skip
            return "needs_staff", actions + self._money_actions(item, want, remote, url, fmt)
        before = remote
        remote = self._capture_if_possible(item, want, remote, report)
        actions += self._money_actions(item, want, remote, url, fmt)
        actions += self._pending_actions(item, want, before, remote, url, fmt)
        if not self.rules.mark_shipped:
            return _status(actions), actions  # the hub marks orders shipped in OFN itself
        late: StaffAction | None = None
        if not remote.is_shipped and remote.is_paid and remote.shipment_state == "ready":
            remote = self._ship(item, remote, report)
            age = collected_long_ago(want.collected_at)
            if item.number in report.shipped and age is not None:
                report.shipped_late.append(item.number)
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
        self, item: OutboxItem, want: Desired, remote: RemoteState, url: str,
        fmt: Callable[[int], str],
    ) -> tuple[str, list[StaffAction]]:  # fmt: skip
        """The collection was reversed at the till: OFN must not show it collected or paid."""
        actions: list[StaffAction] = []
        if remote.is_shipped:
            actions.append(StaffAction.coded(
                "error", "staff.reversed_but_shipped", number=item.number,
                admin_url=url))  # fmt: skip
        captured = self.outbox.captured_by_sync(item.order_id)
        if captured and remote.is_paid:
            actions.append(StaffAction.coded(
                "credit", "staff.refund_captured", locale=self.locale, number=item.number,
                payment=money(captured, item.currency), amount=captured,
                admin_url=url))  # fmt: skip
        return ("needs_staff" if actions else "done"), actions

    def _baseline_paid(self, item: OutboxItem, want: Desired) -> int:
        """What OFN had received for the order when the till checked it out."""
        if want.order_total_at_till is None:
            return item.local_payment_total
        amount_due = want.paid_at_till + want.left_owing - want.credit_amount
        return want.order_total_at_till - amount_due

    def _capturable(self, want: Desired, remote: RemoteState) -> bool:
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
        if till_method is None or want.payments != {till_method: pend.amount}:
            return False
        return pend.amount == want.paid_at_till == remote.outstanding

    def _capture_if_possible(
        self, item: OutboxItem, want: Desired, remote: RemoteState, report: PushReport
    ) -> RemoteState:
        if want.paid_at_till <= 0:
            return remote
        target = self._baseline_paid(item, want) + want.paid_at_till
        for _ in range(TRIES_PER_STEP):
            if remote.payment_total >= target and remote.is_paid:
                return remote  # already reached (by us earlier, or by staff)
            if not self._capturable(want, remote):
                return remote  # staff will enter it (see _money_actions)
            # the intent is on disk before the request, so an undo later knows OFN may hold it
            self.outbox.note_capture_attempt(
                item.order_id, str(item.desired.get("checkout_id") or ""), want.paid_at_till
            )
            try:
                reply = self.client.capture(item.number)
                after = parse.remote_state(reply.data, item.currency)
            except ApiError as exc:
                if exc.kind == "error":
                    return remote  # OFN refused: staff enter it
                log.info("capture %s: %s; reading again", item.number, messages.for_log(exc))
                remote, _ = self._read(item.number, item.currency)
                continue
            if after.is_paid:
                report.captured.append(item.number)
                return after
            remote, _ = self._read(item.number, item.currency)
        if remote.is_paid and remote.payment_total >= target:
            return remote
        raise Retry(f"could not confirm the payment capture of {item.number}")

    def _ship(self, item: OutboxItem, remote: RemoteState, report: PushReport) -> RemoteState:
        for _ in range(TRIES_PER_STEP):
            if remote.is_shipped:
                return remote
            if not (remote.is_paid and remote.shipment_state == "ready"):
                return remote
            try:
                after = parse.remote_state(self.client.ship(item.number).data, item.currency)
            except ApiError as exc:
                if exc.kind == "error":
                    return remote
                log.info("ship %s: %s; reading again", item.number, messages.for_log(exc))
                remote, _ = self._read(item.number, item.currency)
                continue
            if after.is_shipped:
                report.shipped.append(item.number)
                return after
            remote, _ = self._read(item.number, item.currency)  # 200 without shipping
        if remote.is_shipped:
            return remote
        raise Retry(f"could not confirm that {item.number} was marked shipped")

    def _money_actions(
        self, item: OutboxItem, want: Desired, remote: RemoteState, url: str,
        fmt: Callable[[int], str],
    ) -> list[StaffAction]:  # fmt: skip
        actions: list[StaffAction] = []
        target = self._baseline_paid(item, want) + want.paid_at_till
        reached = remote.payment_total >= target and (remote.is_paid or want.left_owing > 0)
        if want.paid_at_till > 0 and not reached:
            for method, amount in sorted(want.payments.items()):
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
            missing = [
                str(x.get("line_item_id")) for x in want.lines_changed
                if x.get("status") in ("missing", "short")
            ]  # fmt: skip
            actions.append(StaffAction.coded(
                "credit", "staff.credit_short" if missing else "staff.credit",
                locale=self.locale, number=item.number,
                owed=money(want.credit_amount, item.currency), short=len(missing),
                receipt=want.receipt_no, amount=want.credit_amount, admin_url=url,
            ))  # fmt: skip
        return actions

    def _pending_actions(
        self, item: OutboxItem, want: Desired, before: RemoteState, after: RemoteState,
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
        want = item.desired
        text = f"Collected at the pickup point, receipt {want.get('receipt_no', '')}."
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
