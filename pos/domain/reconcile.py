"""Plain records of the end-of-day reconciliation, shared by the store, services and PDFs.

Money is integer minor units in the hub currency. Times are stored UTC ISO strings.
The rules that decide each figure live in :mod:`pos.store.reconcile` (its docstring lists
them); these records only carry the results so that ``receipts`` can print
them without knowing SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pos import messages

# Collection status of one order, in the order the screen lists them.
COLLECTED = "collected"
PARTLY = "partly_collected"
NOT_COLLECTED = "not_collected"
NO_SHOW = "no_show"
CANCELLED = "cancelled"
STATUSES = (COLLECTED, PARTLY, NOT_COLLECTED, NO_SHOW, CANCELLED)

# Sync status of one order (outbox + staff_actions).
SYNC_DONE = "done"  # pushed and verified
SYNC_WAITING = "waiting"  # pending or failed, will be retried
SYNC_STAFF = "needs_staff"  # an open staff action
SYNC_STAFF_DONE = "staff_done"  # every staff action marked done
SYNC_CONFLICT = "conflict"
SYNC_NONE = ""  # nothing to push (not collected)
SYNC_STATUSES = (SYNC_DONE, SYNC_WAITING, SYNC_STAFF, SYNC_STAFF_DONE, SYNC_CONFLICT)


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One order in the reconciliation lists."""

    order_id: int
    number: str
    customer_name: str
    pickup_point_id: int | None
    pickup_point_name: str
    status: str  # one of STATUSES
    order_total: int  # as downloaded from OFN
    paid_online: int  # orders.payment_total
    collected_at: str | None = None
    receipt_no: str = ""
    volunteer: str = ""
    till_id: str = ""
    total_at_till: int = 0  # goods + fees of the live collection
    amount_due: int = 0  # owed at the till (negative: credit)
    amount_paid: int = 0  # applied at the till
    left_owing: int = 0
    credit_amount: int = 0
    short_lines: int = 0  # lines short or missing
    no_show_reason: str = ""
    sync_status: str = SYNC_NONE
    sync_error: str = ""  # outbox.last_error: coded (messages.stored), worded where shown


@dataclass(frozen=True, slots=True)
class MethodTotal:
    method: str  # payment method code (cash, card, ...)
    label: str
    count: int  # payment rows (refunds included)
    amount: int  # SUM(payments.amount): reversals net out


@dataclass(frozen=True, slots=True)
class TillSessionLine:
    id: str
    till_id: str
    number: int
    volunteer: str
    pickup_point_id: int | None
    pickup_point_name: str
    opened_at: str
    closed_at: str | None
    float_amount: int
    cash_payments: int
    cash_movements: int
    expected_cash: int  # float + cash payments + movements (recomputed)
    counted_cash: int | None
    difference: int | None  # counted - expected, None while open
    close_note: str = ""
    till_uid: str = ""  # the till that opened it (labels may repeat; the uid never does)


@dataclass(frozen=True, slots=True)
class StaffActionLine:
    id: str
    order_id: int | None
    order_number: str
    customer_name: str
    checkout_id: str | None
    kind: str
    reason: str
    amount: int | None
    method: str | None
    admin_url: str
    created_at: str
    done_at: str | None
    done_by: str | None
    pickup_point_id: int | None = None
    code: str = ""  # what to do, as pos.messages.STAFF code + params ('' before codes)
    params: dict[str, Any] = field(default_factory=dict)

    def worded(self, language: str, *, locale: str | None = None) -> str:
        """What to do, in ``language``; a row from before codes as stored."""
        return messages.word_staff(self.code, self.params, self.reason, language, locale=locale)

    @property
    def is_open(self) -> bool:
        return self.done_at is None


@dataclass(frozen=True, slots=True)
class MoneySummary:
    """Expected against recorded money for one scope (a pickup point or all)."""

    expected_orders: int  # SUM(amount_due) of live collections
    expected_walk_ins: int  # SUM(amount_due) of live walk-in sales
    recorded: int  # SUM(payments.amount) of those checkouts
    left_owing: int  # handed over unpaid (SUM left_owing)
    credit_owed: int  # owed back to customers (SUM credit_amount)
    walk_in_count: int
    by_method: tuple[MethodTotal, ...] = ()

    @property
    def expected(self) -> int:
        return self.expected_orders + self.expected_walk_ins

    @property
    def difference(self) -> int:
        """Recorded minus expected: negative when money is missing."""
        return self.recorded - self.expected


@dataclass(frozen=True, slots=True)
class PointSummary:
    """Counts and money for one pickup point (id None: all pickup points)."""

    pickup_point_id: int | None
    name: str
    counts: dict[str, int]
    money: MoneySummary

    @property
    def total_orders(self) -> int:
        return sum(self.counts.values())

    @property
    def remaining(self) -> int:
        return self.counts.get(NOT_COLLECTED, 0)


def sync_counts(orders: tuple[OrderLine, ...] | list[OrderLine]) -> dict[str, int]:
    """Orders per sync status, for the orders the till has something to push for."""
    counts = dict.fromkeys(SYNC_STATUSES, 0)
    for order in orders:
        if order.sync_status in counts:
            counts[order.sync_status] += 1
    return counts


@dataclass(frozen=True, slots=True)
class RoundLine:
    """One delivery round beside the pickup points: its stops, its money, its cash count."""

    name: str  # "Home delivery · Ana"
    pickup_point_id: int
    driver: str
    stops: int
    delivered: int  # delivered, with or without items missing
    not_delivered: int  # no outcome recorded yet
    failed: int  # not home or refused
    by_method: tuple[MethodTotal, ...]  # doorstep money per payment method
    float_amount: int
    expected_cash: int  # float + doorstep cash
    counted_cash: int | None
    closed_at: str | None

    @property
    def difference(self) -> int | None:
        return None if self.counted_cash is None else self.counted_cash - self.expected_cash


@dataclass(frozen=True, slots=True)
class TillLine:
    """One till's part of the day, keyed by its ``till_uid`` (two tills may both be "T1").

    Money is counted at the till that took it (reversals included, so they net out), the
    way each drawer balances; ``reported_at`` is when this copy last read the till's
    journal (``None``: this till itself, or a till known only from older rows).
    """

    till_uid: str
    label: str  # as the till calls itself ("T1"; "T1 · 3f2a" when two share a label)
    is_this_till: bool
    pickup_points: tuple[str, ...]  # where it took money or opened a session
    collections: int  # live collections
    walk_ins: int  # live walk-in sales
    expected: int  # SUM(amount_due) of its checkouts
    by_method: tuple[MethodTotal, ...]
    sessions: int
    open_sessions: int
    reported_at: str | None = None  # journal_tills.last_seen_at (UTC)
    last_event_at: str | None = None  # the latest event of its journal read here (UTC)

    @property
    def recorded(self) -> int:
        return sum(m.amount for m in self.by_method)

    @property
    def difference(self) -> int:
        return self.recorded - self.expected


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the end-of-day report prints, already computed."""

    hub_name: str
    currency: str
    locale: str
    timezone: str
    order_cycle_name: str
    scope_name: str  # "All pickup points" or the point's name
    generated_at: str  # UTC
    total: PointSummary
    points: tuple[PointSummary, ...]
    sessions: tuple[TillSessionLine, ...]
    actions: tuple[StaffActionLine, ...]  # open staff actions (the OFN to-do list)
    orders: tuple[OrderLine, ...]
    half_hours: tuple[tuple[str, int], ...] = ()  # ("10:30", collections) in hub time
    is_demo: bool = False
    method_labels: dict[str, str] = field(default_factory=dict)
    rounds: tuple[RoundLine, ...] = ()  # delivery rounds of the cycle
    tills: tuple[TillLine, ...] = ()  # the day per till (every till whose journal is read)
