"""Weights and volumes as people read them: 1.234 kg, 850 g, 1.5 L, 750 ml.

OFN variants carry their size in base units (grams for weight, millilitres for volume);
final weights use the same unit. Decimals follow the hub's locale.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from pos.domain.models import FALLBACK_LOCALE


def format_measure(value: Decimal, variant_unit: str, locale: str = FALLBACK_LOCALE) -> str:
    """``Decimal("3021")`` grams -> ``"3.021 kg"``; counts are shown as plain numbers."""
    if variant_unit == "weight":
        big, small, factor = "kg", "g", Decimal(1000)
    elif variant_unit == "volume":
        big, small, factor = "L", "ml", Decimal(1000)
    else:
        return format_decimal(value.normalize(), locale=locale)
    if abs(value) >= factor:
        return f"{format_decimal(value / factor, format='#,##0.###', locale=locale)} {big}"
    return f"{format_decimal(value, format='#,##0.#', locale=locale)} {small}"
