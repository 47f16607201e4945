"""Money as integer minor units of one currency.

Floats never touch money: amounts enter as ``Decimal`` or decimal strings (OFN sends
``"47.3"``), are rounded half-up once to the currency's minor unit, and stay integers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from babel.numbers import format_currency, get_currency_precision

from pos.domain.models import FALLBACK_LOCALE
from pos.errors import KnownError

# digits (any script's: Decimal reads them), at most one point, an optional sign
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


class MoneyError(KnownError, ValueError):
    """An amount that cannot be money: not a number, too precise, or mixed currencies."""


@cache
def minor_digits(currency: str) -> int:
    """Digits after the decimal point for ``currency`` (2 for EUR, 0 for JPY)."""
    try:
        return int(get_currency_precision(currency))
    except Exception:  # unknown code: treat like most currencies
        return 2


def _quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_digits(currency))


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount in minor units (cents, pence) of ``currency``."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise MoneyError("money.not_int", kind=type(self.minor).__name__)

    # construction -------------------------------------------------------------
    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def from_decimal(cls, value: Decimal | str | int, currency: str) -> Money:
        """Round ``value`` (major units) half-up to the minor unit."""
        try:
            dec = Decimal(str(value).strip()) if not isinstance(value, Decimal) else value
        except InvalidOperation as exc:
            raise MoneyError("money.invalid", text=repr(value)) from exc
        if not dec.is_finite():
            raise MoneyError("money.invalid", text=repr(value))
        minor = dec.quantize(_quantum(currency), rounding=ROUND_HALF_UP).scaleb(
            minor_digits(currency)
        )
        return cls(int(minor), currency)

    @classmethod
    def parse_input(cls, text: str, currency: str, *, allow_negative: bool = False) -> Money:
        """Parse what a person typed ("12", "12.5", "12,50"); refuse too many decimals."""
        cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
        if cleaned.count(",") == 1 and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
        if not _PLAIN_NUMBER.fullmatch(cleaned):  # Decimal also reads "1e3" and "1_000"
            raise MoneyError("money.invalid", text=repr(text))
        try:
            dec = Decimal(cleaned)
        except InvalidOperation as exc:
            raise MoneyError("money.invalid", text=repr(text)) from exc
        if not dec.is_finite():
            raise MoneyError("money.invalid", text=repr(text))
        exponent = dec.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > minor_digits(currency):
            raise MoneyError("money.decimals", currency=currency, text=repr(text))
        if dec < 0 and not allow_negative:
            raise MoneyError("money.negative", text=repr(text))
        if abs(dec) >= Decimal(10) ** 9:
            raise MoneyError("money.too_large", text=repr(text))
        return cls.from_decimal(dec, currency)

    # arithmetic ---------------------------------------------------------------
    def _check(self, other: Money) -> None:
        if self.currency != other.currency:
            raise MoneyError("money.mixed", a=self.currency, b=other.currency)

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __bool__(self) -> bool:
        return self.minor != 0

    def times(self, factor: Decimal | int) -> Money:
        """Multiply by a quantity or weight ratio, rounding half-up once."""
        exact = Decimal(self.minor) * Decimal(factor)
        return Money(int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)), self.currency)

    @property
    def decimal(self) -> Decimal:
        return Decimal(self.minor).scaleb(-minor_digits(self.currency))

    def format(self, locale: str = FALLBACK_LOCALE) -> str:
        """Format for people, e.g. ``£12.50`` or ``12,50 €``."""
        return format_money(self.minor, self.currency, locale)

    def __str__(self) -> str:
        return f"{self.decimal} {self.currency}"


def format_money(minor: int, currency: str, locale: str = FALLBACK_LOCALE) -> str:
    """Format minor units for ``locale`` through Babel (symbol, separators, placement)."""
    value = Decimal(minor).scaleb(-minor_digits(currency))
    try:
        return format_currency(value, currency, locale=locale)
    except Exception:  # unknown locale: still show something exact
        return f"{value} {currency}"
