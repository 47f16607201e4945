"""The money rules of a checkout: what is handed over, what is owed, how it is paid.

Everything here is plain arithmetic on integer minor units, so every rule can be tested
(and property-tested) without a database. The service layer only adds identity, the clock
and persistence around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pos.domain.models import LineItem, Order
from pos.domain.payment_methods import CASH  # the hub may relabel or drop any method but cash
from pos.errors import KnownError

LINE_STATUSES = ("ok", "short", "missing", "weighed")


class CheckoutRuleError(KnownError, ValueError):
    """Input that breaks a checkout rule; its code is worded for the volunteer."""


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


_WEIGHT = re.compile(r"^\d+(\.\d+)?$")
# A weighed line more than this many times what was ordered (or less than its inverse)
# is most likely a typing slip (kg typed as g, an extra zero): the till asks first.
WEIGHT_SLIP_FACTOR = 3
# Without an ordered weight to compare with, anything above this (grams or ml) asks first.
WEIGHT_SANE_MAX = Decimal(50_000)


def parse_weight(text: str) -> Decimal:
    """A weight typed at the till ("1250", "1250.5", "1250,5"): positive, at most 3 decimals.

    Only digits and one decimal mark: "1e6" or "Infinity" are refused, not interpreted.
    """
    cleaned = text.strip().replace(",", ".")
    if not _WEIGHT.match(cleaned):
        raise CheckoutRuleError("checkout.not_a_weight", text=repr(text))
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise CheckoutRuleError("checkout.not_a_weight", text=repr(text)) from exc
    if not value.is_finite() or value <= 0:
        raise CheckoutRuleError("checkout.not_a_weight", text=repr(text))
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -3:
        raise CheckoutRuleError("checkout.not_a_weight", text=repr(text))
    if value >= 10**7:
        raise CheckoutRuleError("checkout.weight_too_large", text=repr(text))
    return value


def expected_weight(item: LineItem, quantity: int | None = None) -> Decimal | None:
    """What ``quantity`` of the line should weigh as ordered (None: not sold by weight)."""
    if not item.unit_value:
        return None
    qty = item.quantity if quantity is None else quantity
    return item.unit_value * max(qty, 1)


def implausible_weight(item: LineItem, weight: Decimal, quantity: int | None = None) -> bool:
    """True when a typed weight is far from what the line should weigh: ask before using it."""
    expected = expected_weight(item, quantity)
    if expected is None or expected <= 0:
        return weight > WEIGHT_SANE_MAX
    return weight > expected * WEIGHT_SLIP_FACTOR or weight * WEIGHT_SLIP_FACTOR < expected


# Hand-over ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class HandoverLine:
    """One order line as actually handed over."""

    item: LineItem
    quantity: int  # handed over
    final_weight: Decimal | None  # weighed at the till (None: as ordered / pre-weighed)
    amount: int
    status: str

    @property
    def quantity_ordered(self) -> int:
        return self.item.quantity

    @property
    def changed(self) -> bool:
        return self.status != "ok"


def handover_line(
    item: LineItem, quantity: int | None = None, final_weight: Decimal | None = None
) -> HandoverLine:
    """Value one line: price x quantity, or price pro rata the final weight.

    A short line without a new weight is valued pro rata the quantity handed over (for an
    item sold by the piece that is exactly price x quantity).
    """
    ordered = item.quantity
    qty = ordered if quantity is None else quantity
    if qty < 0 or qty > ordered:
        raise CheckoutRuleError("checkout.quantity_range", ordered=ordered)
    if final_weight is not None and final_weight <= 0:
        raise CheckoutRuleError("checkout.not_a_weight")
    if final_weight is not None and not item.unit_value:
        raise CheckoutRuleError("checkout.not_by_weight", product=item.product_name)
    if qty == 0:
        return HandoverLine(item, 0, None, 0, "missing")
    weight = final_weight if final_weight is not None else item.final_weight
    if weight is not None and item.unit_value:
        base = Decimal(item.unit_price) * weight / item.unit_value
        if final_weight is not None:
            # the weight is what was weighed for the quantity handed over
            return HandoverLine(item, qty, final_weight, _round(base), "weighed")
    else:
        base = Decimal(item.unit_price * ordered)
    amount = _round(base * qty / ordered) if ordered else 0
    return HandoverLine(item, qty, None, amount, "ok" if qty == ordered else "short")


@dataclass(frozen=True, slots=True)
class Handover:
    """What is handed over for one order and what that means for the money."""

    order: Order
    lines: tuple[HandoverLine, ...]

    @property
    def goods_total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def fees_total(self) -> int:
        return self.order.adjustment_total

    @property
    def new_value(self) -> int:
        return self.goods_total + self.fees_total

    @property
    def difference(self) -> int:
        """New value minus the order's total: negative = credit due, positive = extra to pay."""
        return self.new_value - self.order.total

    @property
    def amount_due(self) -> int:
        """Owed at the till: new value minus what was already paid online (may be negative)."""
        return self.new_value - self.order.payment_total


@dataclass
class CheckoutDraft:
    """A checkout being prepared at the till: the order and the volunteer's line edits.

    ``checkout_id`` is made when the draft starts, so committing the same draft twice
    (double Enter, a retry) can never make a second event.
    """

    order: Order
    checkout_id: str
    edits: dict[int, tuple[int | None, Decimal | None]] = field(default_factory=dict)
    tendering: bool = False  # the volunteer has started entering payments

    @property
    def in_progress(self) -> bool:
        """Lines were changed or money entered: closing the till must wait for it."""
        return bool(self.edits) or self.tendering

    def _item(self, line_item_id: int) -> LineItem:
        for item in self.order.line_items:
            if item.id == line_item_id:
                return item
        raise CheckoutRuleError("checkout.no_line", line=line_item_id, number=self.order.number)

    def set_quantity(self, line_item_id: int, quantity: int) -> HandoverLine:
        item = self._item(line_item_id)
        _, weight = self.edits.get(line_item_id, (None, None))
        line = handover_line(item, quantity, weight if quantity else None)
        if quantity == item.quantity and line.final_weight is None:
            self.edits.pop(line_item_id, None)  # back to as ordered: nothing changed
        else:
            self.edits[line_item_id] = (quantity, line.final_weight)
        return line

    def mark_missing(self, line_item_id: int) -> HandoverLine:
        return self.set_quantity(line_item_id, 0)

    def set_final_weight(self, line_item_id: int, weight: Decimal | None) -> HandoverLine:
        item = self._item(line_item_id)
        quantity, _ = self.edits.get(line_item_id, (None, None))
        if quantity == 0:
            quantity = None  # weighing a missing line means it is there after all
        line = handover_line(item, quantity, weight)
        self.edits[line_item_id] = (quantity, weight)
        return line

    def reset(self, line_item_id: int) -> None:
        self.edits.pop(line_item_id, None)

    def line(self, item: LineItem) -> HandoverLine:
        quantity, weight = self.edits.get(item.id, (None, None))
        return handover_line(item, quantity, weight)

    def handover(self) -> Handover:
        return Handover(self.order, tuple(self.line(item) for item in self.order.line_items))


# Payment ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Tender:
    """Money handed over by one method (minor units, never negative)."""

    method: str
    amount: int
    reference: str = ""


@dataclass(frozen=True, slots=True)
class AppliedPayment:
    method: str
    amount: int  # applied to the sale: tendered - change (negative: refund)
    tendered: int
    change: int
    reference: str = ""


@dataclass(frozen=True, slots=True)
class Settlement:
    """How the tenders settle ``amount_due``.

    Invariant: ``amount_paid + left_owing - credit_amount == amount_due``.
    """

    amount_due: int
    payments: tuple[AppliedPayment, ...]
    change_given: int
    left_owing: int
    credit_amount: int

    @property
    def amount_paid(self) -> int:
        return sum(p.amount for p in self.payments)

    @property
    def tendered(self) -> int:
        return sum(p.tendered for p in self.payments)


def settle(
    amount_due: int,
    tenders: list[Tender] | tuple[Tender, ...],
    *,
    keep_change_as_credit: bool = False,
    refund_credit_in_cash: bool = False,
) -> Settlement:
    """Apply the tenders to what is owed.

    - Change is only ever given in cash, up to the cash tendered; anything paid over the
      amount due beyond that (or when the customer leaves the change) is noted as credit.
    - Paying less leaves the rest owing (the caller must record why).
    - When the hub owes the customer (amount due negative) the credit is noted, or given
      back in cash as a refund payment when ``refund_credit_in_cash``.
    """
    merged: dict[tuple[str, str], int] = {}
    for tender in tenders:
        if tender.amount < 0:
            raise CheckoutRuleError("checkout.tender_negative")
        if not tender.method:
            raise CheckoutRuleError("checkout.method_missing")
        if tender.amount == 0:
            continue
        key = (tender.method, tender.reference)
        merged[key] = merged.get(key, 0) + tender.amount
    tendered = sum(merged.values())
    if amount_due < 0 and tendered == 0:
        if refund_credit_in_cash:
            refund = AppliedPayment(CASH, amount_due, 0, -amount_due)
            return Settlement(amount_due, (refund,), -amount_due, 0, 0)
        return Settlement(amount_due, (), 0, 0, -amount_due)
    over = tendered - max(amount_due, 0)
    cash_tendered = sum(v for (m, _), v in merged.items() if m == CASH)
    change = 0
    if over > 0 and not keep_change_as_credit:
        change = min(over, cash_tendered)
    payments: list[AppliedPayment] = []
    change_left = change
    for (method, reference), value in merged.items():
        given = 0
        if method == CASH and change_left:
            given = min(change_left, value)
            change_left -= given
        payments.append(AppliedPayment(method, value - given, value, given, reference))
    paid = tendered - change
    left = max(0, amount_due - paid)
    credit = max(0, paid - amount_due)
    return Settlement(amount_due, tuple(payments), change, left, credit)


def implausible_tender(amount_due: int, tendered: int, largest_note: int) -> bool:
    """Far more handed over than due: likely a slip (an extra zero), so the till asks first.

    "Far" is more than twice what is due plus the largest note: £12.50 paid with £50 or
    £234.21 with £300 is normal, £4.50 with £100 or anything with £999,999,999.99 is not.
    """
    due = max(amount_due, 0)
    return largest_note > 0 and tendered > 2 * due + largest_note


def quick_cash_amounts(amount_due: int, notes: tuple[int, ...], limit: int = 3) -> list[int]:
    """The next round amounts a customer is likely to hand over for ``amount_due``.

    ``notes`` are the currency's notes and coins (minor units). For £12.34 with pound
    coins and £5/£10/£20/£50 notes: £13, £15, £20. The exact amount has its own key.
    """
    if amount_due <= 0:
        return []
    found: list[int] = []
    # whole units and up, skipping the small "2" coins (£2, 2 €): people round to 1, 5, 10, 20
    steps = sorted(n for n in notes if n >= 100 and not (str(n)[0] == "2" and n < 1000))
    for step in steps or sorted(notes):
        rounded = -(-amount_due // step) * step  # round up to a multiple of this note
        if rounded > amount_due and rounded not in found:
            found.append(rounded)
    largest = max(notes, default=0)
    while largest and len(found) < limit:  # £50 due: £60, then £100, £150
        found.append(max([amount_due, *found]) // largest * largest + largest)
    return sorted(found)[:limit]


def exact_cash(amount_due: int) -> Tender:
    """The exact-cash shortcut: the customer hands over exactly what is owed."""
    return Tender(CASH, max(amount_due, 0))


def receipt_number(till_id: str, sequence: int) -> str:
    return f"{till_id}-{sequence:06d}"


# Stored checkouts ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CheckoutLine:
    product_name: str
    variant_name: str
    quantity_ordered: int
    quantity: int
    unit_price: int
    amount: int
    status: str = "ok"
    line_item_id: int | None = None
    variant_id: int | None = None
    producer_id: int | None = None
    final_weight: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Payment:
    id: str
    method: str
    amount: int
    tendered: int
    change: int
    reference: str = ""
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Checkout:
    """One local event: a collection, a walk-in sale, or the reversal of either."""

    id: str
    receipt_no: str
    kind: str  # collection | walk_in | reversal
    till_id: str
    volunteer: str
    created_at: str
    currency: str
    order_id: int | None = None
    reverses_id: str | None = None
    reversed_at: str | None = None
    session_id: str | None = None
    pickup_point_id: int | None = None
    goods_total: int = 0
    fees_total: int = 0
    credit_amount: int = 0
    amount_due: int = 0
    amount_paid: int = 0
    change_given: int = 0
    left_owing: int = 0
    note: str = ""
    lines: tuple[CheckoutLine, ...] = ()
    payments: tuple[Payment, ...] = ()


def checkout_lines(handover: Handover) -> tuple[CheckoutLine, ...]:
    """The stored lines of a hand-over (at the till or on a delivery round)."""
    return tuple(
        CheckoutLine(
            product_name=line.item.product_name,
            variant_name=line.item.variant_name,
            quantity_ordered=line.quantity_ordered,
            quantity=line.quantity,
            unit_price=line.item.unit_price,
            amount=line.amount,
            status=line.status,
            line_item_id=line.item.id,
            variant_id=line.item.variant_id,
            producer_id=line.item.producer_id,
            final_weight=line.final_weight,
        )
        for line in handover.lines
    )


def reversal_of(
    original: Checkout,
    *,
    reversal_id: str,
    receipt_no: str,
    till_id: str,
    volunteer: str,
    created_at: str,
    session_id: str | None,
    note: str,
    payment_ids: tuple[str, ...],
) -> Checkout:
    """The event that undoes ``original``: every amount, line and payment negated (payments
    refunded by the same methods), pointing back at it. The one rule for undo at the till and
    for staff accepting OFN's version of a conflicted order."""
    if original.kind == "reversal":
        raise CheckoutRuleError("checkout.undo_of_undo")
    if len(payment_ids) != len(original.payments):
        raise CheckoutRuleError("checkout.refund_ids", payments=len(original.payments))
    return Checkout(
        id=reversal_id, receipt_no=receipt_no, kind="reversal", till_id=till_id,
        volunteer=volunteer, created_at=created_at, currency=original.currency,
        order_id=original.order_id, reverses_id=original.id, session_id=session_id,
        pickup_point_id=original.pickup_point_id,
        goods_total=-original.goods_total, fees_total=-original.fees_total,
        credit_amount=-original.credit_amount, amount_due=-original.amount_due,
        amount_paid=-original.amount_paid, change_given=-original.change_given,
        left_owing=-original.left_owing, note=note,
        lines=tuple(
            replace(li, quantity=-li.quantity, amount=-li.amount) for li in original.lines
        ),
        payments=tuple(
            Payment(pid, p.method, -p.amount, -p.tendered, -p.change, p.reference, created_at)
            for pid, p in zip(payment_ids, original.payments, strict=True)
        ),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class CollectionInfo:
    """Who collected an order, when and where (shown when it is scanned again)."""

    checkout_id: str
    receipt_no: str
    created_at: str
    till_id: str
    volunteer: str
    pickup_point_name: str
    #: collected on another till (merged from its journal), not this one
    other_till: bool = False


@dataclass(frozen=True, slots=True)
class WalkInProduct:
    """Something the order cycle sells, offered for walk-in sales."""

    variant_id: int | None
    producer_id: int | None
    product_name: str
    variant_name: str
    unit_price: int


@dataclass(frozen=True, slots=True)
class WalkInItem:
    product_name: str
    unit_price: int
    quantity: int = 1
    variant_name: str = ""
    variant_id: int | None = None
    producer_id: int | None = None

    @property
    def amount(self) -> int:
        return self.unit_price * self.quantity


def find_products(products: list[WalkInProduct], query: str) -> list[WalkInProduct]:
    """Products whose name or unit contains every typed word, anywhere, accents ignored.

    "oat" finds "Rolled oats"; "chevre" finds "Chèvre frais"; an empty query finds nothing
    (the volunteer picks what they searched for, never a preselected first product).
    """
    from pos.domain.text import fold

    words = fold(query).split()
    if not words:
        return []
    return [
        p for p in products if all(w in fold(f"{p.product_name} {p.variant_name}") for w in words)
    ]
