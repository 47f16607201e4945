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

from pos.domain.money import format_money
from pos.domain.settings import ORDER_NOTES, PAYMENT_METHODS
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
        raise BadPayload(f"the till's {key} is not an amount")
    return value


def parse_desired(d: dict[str, Any], currency: str) -> Desired:
    if "_unreadable" in d or not isinstance(d.get("collected"), bool):
        raise BadPayload("the till's record for this order is unreadable")
    payments: dict[str, int] = defaultdict(int)
    raw = d.get("payments") or []
    if not isinstance(raw, list):
        raise BadPayload("the till's payments are unreadable")
    for p in raw:
        if not isinstance(p, dict) or not isinstance(p.get("method"), str):
            raise BadPayload("a till payment is unreadable")
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
                    raise Cancelled("Sync stopped.")
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
                status, actions = "needs_staff", [StaffAction(
                    "error", f"Order {item.number} was collected at the till but OFN has no such"
                    " order any more: check it with the hub.",
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
                StaffAction("error", f"Order {item.number}: {exc.message}; check it in OFN.",
                            admin_url=url)
            ]  # fmt: skip
        remote, data = self._read(item.number, item.currency)
        fmt = self._fmt(item.currency)
        if not want.collected:
            return self._uncollected(item, want, remote, url, fmt)
        if not want.kept_local:
            reason = None
            if remote.state == "canceled":
                reason = f"Order {item.number} was cancelled in OFN, but the till collected it."
            elif remote.total != item.local_total:
                reason = (
                    f"Order {item.number} was changed in OFN (total {fmt(item.local_total)} →"
                    f" {fmt(remote.total)}) after the till downloaded it."
                )
            if reason:
                order = parse.parse_order(data, currency=item.currency)
                if order.id != item.order_id:
                    raise BadPayload(f"OFN's order {item.number} has another id ({order.id})")
                self.outbox.record_conflict(order, reason, url)
                report.conflicts.append((item.number, reason))
                return "conflict", []
        actions: list[StaffAction] = []
        if remote.state == "canceled":
            actions.append(StaffAction(
                "conflict", f"Order {item.number} is cancelled in OFN but was collected at the"
                f" till ({want.receipt_no}); staff kept the till's version: sort it out in OFN.",
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
                late = StaffAction(
                    "late_email",
                    f"Order {item.number} was marked shipped in OFN {describe_age(age)} after"
                    f" it was collected ({want.receipt_no}): OFN emailed the customer that it"
                    " was picked up only now.",
                    admin_url=url,
                )  # fmt: skip
        if not remote.is_shipped:
            if actions:  # settle the money first, then ship
                first = actions[0]
                then = " Then mark it shipped in the OFN admin."
                actions[0] = replace(first, reason=first.reason + then)
            else:
                why = (
                    "OFN only marks paid orders as collected"
                    if not remote.is_paid
                    else f"OFN did not ship it (shipment state {remote.shipment_state})"
                )
                actions.append(StaffAction(
                    "unpaid_handover" if not remote.is_paid else "error",
                    f"Order {item.number} was collected at the till ({want.receipt_no}) but"
                    f" {why}: mark it shipped in the OFN admin once it is paid.",
                    admin_url=url,
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
            actions.append(StaffAction(
                "error", f"Order {item.number} is marked collected in OFN but its collection was"
                " reversed at the till: correct it in the OFN admin.", admin_url=url))  # fmt: skip
        captured = self.outbox.captured_by_sync(item.order_id)
        if captured and remote.is_paid:
            actions.append(StaffAction(
                "credit", f"Order {item.number}: the till refunded the customer, but OFN still has"
                f" the {fmt(captured)} payment the till recorded: refund or void it in OFN.",
                amount=captured, admin_url=url))  # fmt: skip
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
                log.info("capture %s: %s; reading again", item.number, exc.message)
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
                log.info("ship %s: %s; reading again", item.number, exc.message)
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
                actions.append(StaffAction(
                    "enter_payment",
                    f"Order {item.number}: the till took {fmt(amount)} by {self._label(method)}"
                    f" ({want.receipt_no}); enter this payment in OFN.",
                    amount=amount, method=method, admin_url=url,
                ))  # fmt: skip
        if want.left_owing > 0:
            actions.append(StaffAction(
                "unpaid_handover",
                f"Order {item.number} was handed over with {fmt(want.left_owing)} unpaid"
                f" ({want.receipt_no}); OFN still shows it owing.",
                amount=want.left_owing, admin_url=url,
            ))  # fmt: skip
        if want.credit_amount > 0:
            missing = [
                str(x.get("line_item_id")) for x in want.lines_changed
                if x.get("status") in ("missing", "short")
            ]  # fmt: skip
            detail = f" (items short or missing: {len(missing)})" if missing else ""
            actions.append(StaffAction(
                "credit",
                f"Order {item.number}: the customer is owed {fmt(want.credit_amount)}{detail}"
                f" ({want.receipt_no}); refund or credit it in OFN.",
                amount=want.credit_amount, admin_url=url,
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
            StaffAction(
                "pending_payment",
                f"Order {item.number}: OFN still holds a pending {fmt(p.amount)} payment by"
                f" “{p.method or '?'}”, which Sync settings do not declare paid at the pickup"
                " point, so sync did not take it. If it is a card payment authorised online,"
                " capturing it would charge the customer again after they paid at the till"
                f" ({want.receipt_no}): void it in OFN.",
                amount=p.amount, admin_url=url,
            )
            for p in left
            if p.amount > 0 and self.rules.till_method(p.method) is None
        ]  # fmt: skip

    # walk-ins, notes, helpers -------------------------------------------------
    def _walk_ins(self, report: PushReport) -> None:
        for c in self.outbox.walk_ins_to_list():
            lines, pays = self.outbox.walk_in_details(c["id"])
            fmt = self._fmt(c["currency"])
            items = ", ".join(f"{ln['quantity']} × {ln['product_name']}" for ln in lines[:10]) + (
                " …" if len(lines) > 10 else ""
            )
            paid = ", ".join(f"{fmt(p['amount'])} {self._label(p['method'])}" for p in pays)
            methods = [p["method"] for p in pays]
            action = StaffAction(
                "walk_in",
                f"Walk-in sale {c['receipt_no']}: {items or 'no items'}; paid {paid or 'nothing'}."
                " OFN has no walk-in sales: record it in the hub's accounts.",
                amount=c["amount_paid"], method=methods[0] if len(methods) == 1 else None,
                checkout_id=c["id"],
            )  # fmt: skip
            if self.outbox.add_walk_in_action(action):
                report.walk_ins += 1
        for r in self.outbox.walk_in_reversals_to_list():
            fmt = self._fmt(r["currency"])
            action = StaffAction(
                "walk_in",
                f"Walk-in sale {r['original_receipt']} was undone at the till ({r['receipt_no']},"
                f" {fmt(-r['amount_paid'])} refunded): correct the hub's accounts.",
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
            log.info("note on %s not written: %s", item.number, exc.message)

    def _fmt(self, currency: str) -> Callable[[int], str]:
        return lambda minor: format_money(minor, currency, self.locale)

    def _label(self, method: str) -> str:
        return self.labels.get(method, method)


def _status(actions: list[StaffAction]) -> str:
    return "needs_staff" if any(a.kind not in INFO_KINDS for a in actions) else "done"


def push(client: OFNClient, store: Store, *, progress: Progress | None = None) -> PushReport:
    return Pusher(client, store, progress=progress).run()
