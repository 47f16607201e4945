"""Money: integer minor units, half-up rounding once, locale formatting through Babel."""

from __future__ import annotations

import re
from decimal import Decimal

import babel.numbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.money import Money, MoneyError, format_money, minor_digits


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [("47.3", "GBP", 4730), ("0.005", "EUR", 1), ("0.004", "EUR", 0), ("1000", "JPY", 1000),
     ("2.345", "CHF", 235), ("-2.345", "CHF", -235), ("3.0", "AUD", 300)],
)  # fmt: skip
def test_from_decimal_rounds_half_up(text: str, currency: str, minor: int) -> None:
    assert Money.from_decimal(text, currency).minor == minor


def test_currency_precision_comes_from_babel() -> None:
    assert minor_digits("EUR") == 2
    assert minor_digits("JPY") == 0
    assert minor_digits("XYZ-unknown") == 2


@pytest.mark.parametrize(
    ("text", "minor"), [("12", 1200), ("12.5", 1250), ("12,50", 1250), (" 7.05 ", 705)]
)
def test_parse_input_accepts_what_people_type(text: str, minor: int) -> None:
    assert Money.parse_input(text, "EUR").minor == minor


@pytest.mark.parametrize(
    "text", ["abc", "-5", "1.234", "", "1e400", "NaN", "12.5.1", "99999999999"]
)
def test_parse_input_refuses_bad_amounts(text: str) -> None:
    with pytest.raises(MoneyError):
        Money.parse_input(text, "EUR")


def test_no_mixing_currencies() -> None:
    with pytest.raises(MoneyError):
        Money(100, "GBP") + Money(100, "EUR")


def test_floats_are_refused_as_minor_units() -> None:
    with pytest.raises(MoneyError):
        Money(1.5, "GBP")  # type: ignore[arg-type]


def test_times_rounds_once() -> None:
    # 1.13 kg of beef at £18.00/kg = £20.34
    assert Money(1800, "GBP").times(Decimal("1.13")).minor == 2034
    assert Money(333, "GBP").times(Decimal("0.5")).minor == 167


@pytest.mark.parametrize(
    ("minor", "currency", "locale", "expected"),
    [
        (1250, "GBP", "en_GB", "£12.50"),
        (1250, "EUR", "fr_FR", "12,50\u00a0€"),
        (1250, "AUD", "en_AU", "$12.50"),
        (1250, "CAD", "fr_CA", "12,50\u00a0$"),
        (-500, "GBP", "en_GB", "-£5.00"),
    ],
)
def test_format_for_the_hub_locale(minor: int, currency: str, locale: str, expected: str) -> None:
    assert format_money(minor, currency, locale) == expected


@pytest.mark.parametrize(
    ("minor", "currency", "locale", "major", "digits"),
    [(123456, "CHF", "fr_CH", "1234.56", ["1", "234", "56"]),
     (123456, "CHF", "de_CH", "1234.56", ["1", "234", "56"]),
     (1250, "JPY", "ja_JP", "1250", ["1", "250"]),
     (-5, "EUR", "fr_BE", "-0.05", ["0", "05"]),
     (100000, "CAD", "en_CA", "1000.00", ["1", "000", "00"])],
)  # fmt: skip
def test_minor_units_follow_the_currency_with_the_locked_locale_data(
    minor: int, currency: str, locale: str, major: str, digits: list[str]
) -> None:
    """Our rule is the minor units of the hub's currency; the grouping mark a locale uses
    (fr_CH: a narrow space or an apostrophe, by CLDR release) is the locked Babel's."""
    text = format_money(minor, currency, locale)
    assert text == babel.numbers.format_currency(Decimal(major), currency, locale=locale)
    assert re.findall(r"\d+", text) == digits


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False))
def test_decimal_round_trip(value: Decimal) -> None:
    assert Money.from_decimal(value, "EUR").decimal == value


@given(st.lists(st.integers(-(10**7), 10**7), max_size=30))
def test_sum_is_exact(values: list[int]) -> None:
    total = Money.zero("GBP")
    for v in values:
        total = total + Money(v, "GBP")
    assert total.minor == sum(values)


@pytest.mark.parametrize(
    ("value", "unit", "locale", "text"),
    [("3021", "weight", "en_GB", "3.021 kg"), ("850", "weight", "en_GB", "850 g"),
     ("1500", "volume", "fr_FR", "1,5 L"), ("750", "volume", "en_GB", "750 ml"),
     ("12", "items", "en_GB", "12"), ("1000", "weight", "de_DE", "1 kg")],
)  # fmt: skip
def test_measures_read_naturally(value: str, unit: str, locale: str, text: str) -> None:
    from pos.domain.units import format_measure

    assert format_measure(Decimal(value), unit, locale) == text
