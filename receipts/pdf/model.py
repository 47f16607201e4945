"""What the list builders print: plain records, assembled by the lists service.

Nothing here knows where the data came from; quantities are what the customer ordered in
the order cycle (cancelled orders are left out before they get here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from pos.domain.models import FALLBACK_CURRENCY, FALLBACK_LOCALE


@dataclass(frozen=True, slots=True)
class DocInfo:
    """The facts printed on every page: whose list, for which cycle, made when."""

    hub_name: str
    cycle_name: str
    generated_at: datetime  # aware; also the PDF's creation date
    timezone: str = "Europe/London"
    locale: str = FALLBACK_LOCALE
    currency: str = FALLBACK_CURRENCY
    language: str = "en"
    paper: str = "a4"  # "a4" | "letter"


@dataclass(frozen=True, slots=True)
class PackLine:
    """One ordered line as packed: the variant, how many, and its weight or volume."""

    producer_id: int | None
    producer_name: str
    product_name: str
    variant_name: str
    quantity: int
    variant_unit: str = "items"  # weight | volume | items
    unit_value: Decimal | None = None  # grams / ml / count in one variant
    final_weight: Decimal | None = None  # weighed total for the line, same unit
    chilled: bool = False
    amount: int = 0  # minor units

    @property
    def measure(self) -> Decimal | None:
        """Total grams or millilitres on this line (the weighed figure when there is one)."""
        if self.variant_unit not in ("weight", "volume"):
            return None
        if self.final_weight is not None:
            return self.final_weight
        if self.unit_value is None:
            return None
        return self.unit_value * self.quantity

    @property
    def variant_key(self) -> tuple[str, str, str, str]:
        return (self.product_name, self.variant_name, self.variant_unit, str(self.unit_value))


@dataclass(frozen=True, slots=True)
class PackOrder:
    """One customer's order (one bag or more) with the lines that concern the document."""

    order_id: int
    number: str
    customer_code: str
    first_name: str
    last_name: str
    phone: str
    pickup_point_id: int | None
    pickup_point_name: str
    lines: tuple[PackLine, ...]
    amount_due: int = 0  # still to pay at pickup (0 when paid)
    payment_method: str = ""
    special_instructions: str = ""
    collected: bool = False
    pickup_point_note: str = ""  # when and where, e.g. "Saturday 10:00–13:00, side entrance"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def has_chilled(self) -> bool:
        return any(line.chilled for line in self.lines)


@dataclass(frozen=True, slots=True)
class BagLabel:
    """One sticker: bag ``bag`` of ``bags`` for an order."""

    order: PackOrder
    bag: int
    bags: int
    chilled: bool = False
