"""The hub's orders as downloaded from OFN: plain, immutable records.

Money fields are integer minor units in the hub currency. Times are aware UTC datetimes
or ISO-8601 UTC strings (``2026-06-03T08:41:17Z``) as stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# What money, dates and times read in when the database knows no hub yet (a new till before its
# first pull) or its hub row lacks the value: one home, so the receipts, lists, Z reports and
# print queue never disagree. No zone is guessed for times without a hub: they read in UTC.
FALLBACK_CURRENCY = "GBP"
FALLBACK_LOCALE = "en_GB"
FALLBACK_TIMEZONE = "UTC"

# OFN's payment states (``payment_state`` of a v0 order)
PAID_STATES = frozenset({"paid", "credit_owed"})


@dataclass(frozen=True, slots=True)
class Hub:
    id: int
    name: str
    currency: str = FALLBACK_CURRENCY
    locale: str = FALLBACK_LOCALE
    timezone: str = "Europe/London"  # a hub's own default (OFN sends none), not the fallback
    ofn_url: str = ""
    is_demo: bool = False


@dataclass(frozen=True, slots=True)
class OrderCycle:
    id: int
    name: str
    opens_at: str | None = None
    closes_at: str | None = None


@dataclass(frozen=True, slots=True)
class PickupPoint:
    """An OFN shipping method: a pickup point, or a delivery (``require_ship_address``).

    Deliveries are kept apart (``is_delivery``): a till never stands at one, but their orders
    still appear on the hub's lists under the delivery method's name.
    """

    id: int
    name: str
    description: str = ""
    is_delivery: bool = False


@dataclass(frozen=True, slots=True)
class Producer:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Customer:
    id: int
    code: str | None
    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    tags: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class LineItem:
    id: int
    producer_id: int | None
    product_name: str
    variant_name: str  # unit text shown to people, e.g. "500g", "Dozen"
    quantity: int
    unit_price: int  # minor units, per variant as ordered
    variant_id: int | None = None
    variant_unit: str = "items"  # "weight" | "volume" | "items"
    unit_value: Decimal | None = None  # grams / ml / count in one variant
    final_weight: Decimal | None = None  # weighed total for the line, same unit
    chilled: bool = False
    sku: str = ""

    @property
    def is_weighed(self) -> bool:
        return self.variant_unit == "weight"

    @property
    def amount(self) -> int:
        """Price times quantity, or price pro rata the final weight when weighed."""
        if self.final_weight is not None and self.unit_value:
            exact = Decimal(self.unit_price) * self.final_weight / self.unit_value
            return int(exact.to_integral_value(rounding="ROUND_HALF_UP"))
        return self.unit_price * self.quantity


@dataclass(frozen=True, slots=True)
class OrderPayment:
    """A payment as OFN lists it on the order (no id in the API)."""

    amount: int
    method: str
    state: str


@dataclass(frozen=True, slots=True)
class Order:
    id: int
    number: str
    hub_id: int
    order_cycle_id: int | None
    pickup_point_id: int | None
    customer_id: int | None
    customer_name: str
    customer_sort_name: str
    email: str
    phone: str
    state: str
    payment_state: str | None
    shipment_state: str | None
    item_total: int
    adjustment_total: int
    payment_total: int
    total: int
    currency: str
    completed_at: str | None
    special_instructions: str = ""
    ready_to_capture: bool = False
    line_items: tuple[LineItem, ...] = ()
    payments: tuple[OrderPayment, ...] = ()
    raw_json: str = ""

    @property
    def outstanding(self) -> int:
        """What the customer still owes OFN for this order (negative: credit owed)."""
        return self.total - self.payment_total

    @property
    def is_paid(self) -> bool:
        return self.payment_state in PAID_STATES or self.outstanding <= 0

    @property
    def is_cancelled(self) -> bool:
        return self.state == "canceled"


@dataclass(slots=True)
class Snapshot:
    """Everything one pull (or the demo generator) hands to the store."""

    hub: Hub
    order_cycles: list[OrderCycle] = field(default_factory=list)
    pickup_points: list[PickupPoint] = field(default_factory=list)
    producers: list[Producer] = field(default_factory=list)
    customers: list[Customer] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class OrderSummary:
    """One row of the order list: enough to find and recognise an order at a glance."""

    id: int
    number: str
    customer_name: str
    customer_sort_name: str
    customer_code: str | None
    pickup_point_id: int | None
    pickup_point_name: str
    state: str
    payment_state: str | None
    total: int
    outstanding: int
    currency: str
    item_count: int
    collected_at: str | None  # from the live local collection, if any
    collected_on: str = ""  # another till's label when that till handed it over (journal)

    @property
    def is_collected(self) -> bool:
        return self.collected_at is not None
