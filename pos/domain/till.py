"""Till sessions: the cash drawer from opening float to counted close, and its Z report."""

from __future__ import annotations

from dataclasses import dataclass, field

from pos.domain.money import minor_digits

# Notes and coins in minor units, largest first. Unknown currencies get a generic ladder.
DENOMINATIONS: dict[str, tuple[int, ...]] = {
    "GBP": (5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    "EUR": (50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    "CHF": (100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5),
    "USD": (10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1),
    "CAD": (10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5),
    "AUD": (10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5),
    "NZD": (10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10),
}


def denominations(currency: str) -> tuple[int, ...]:
    """The notes and coins a volunteer counts for ``currency`` (minor units)."""
    known = DENOMINATIONS.get(currency.upper())
    if known:
        return known
    unit = 10 ** minor_digits(currency)
    ladder = [unit * f for f in (500, 200, 100, 50, 20, 10, 5, 2, 1)]
    if unit > 1:
        ladder += [unit // 2, unit // 5, unit // 10, unit // 20, unit // 50, unit // 100]
    return tuple(sorted({d for d in ladder if d >= 1}, reverse=True))


def count_total(counts: dict[int, int]) -> int:
    """Total of a denomination count {value_in_minor: how_many}."""
    for value, how_many in counts.items():
        if value <= 0 or how_many < 0:
            raise ValueError("denominations and counts must be positive")
    return sum(value * how_many for value, how_many in counts.items())


@dataclass(frozen=True, slots=True)
class TillSession:
    id: str
    till_id: str
    number: int
    volunteer: str
    opened_at: str
    float_amount: int
    pickup_point_id: int | None = None
    closed_at: str | None = None
    closed_by: str | None = None
    expected_cash: int | None = None
    counted_cash: int | None = None
    difference: int | None = None
    close_note: str = ""

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True, slots=True)
class CashMovement:
    id: str
    session_id: str
    amount: int  # + in, - out
    reason: str
    created_at: str
    created_by: str


@dataclass(frozen=True, slots=True)
class MethodTotal:
    method: str
    amount: int
    count: int


@dataclass(frozen=True, slots=True)
class ZReport:
    """Everything the end-of-session report shows, as data: the one builder
    (:func:`pos.services.till.build_z_report`) serves the screen and the printer.

    Sales are what the session sold: ``goods_total`` (lines handed over and walk-in
    goods) plus ``fees_total`` (the order's fees taken with them: shipping, payment and
    enterprise fees), both net of undone checkouts, which count negative. Fees show as a
    line of their own, so ``sales_total`` matches the money taken plus what is left owing.
    """

    session: TillSession
    currency: str
    by_method: tuple[MethodTotal, ...]
    collections: int
    walk_ins: int
    reversals: int
    goods_total: int
    left_owing: int
    credit_amount: int
    cash_payments: int
    cash_moves: tuple[CashMovement, ...] = field(default_factory=tuple)
    expected_cash: int = 0
    counted_cash: int | None = None
    difference: int | None = None
    fees_total: int = 0
    pickup_point: str = ""

    @property
    def sales_total(self) -> int:
        """Goods plus fees, net of undone checkouts (see the class)."""
        return self.goods_total + self.fees_total

    @property
    def takings(self) -> int:
        return sum(m.amount for m in self.by_method)

    @property
    def cash_moves_total(self) -> int:
        return sum(m.amount for m in self.cash_moves)
