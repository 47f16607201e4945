"""The money rules behind the till screen (issue 12): checked without Qt, on real SQLite."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos.domain.checkout import (
    CheckoutRuleError,
    Tender,
    WalkInProduct,
    find_products,
    implausible_tender,
    implausible_weight,
    parse_weight,
    quick_cash_amounts,
)
from pos.domain.models import LineItem
from pos.domain.text import looks_like_a_code
from pos.domain.till import denominations
from pos.errors import KnownError
from pos.services.checkout import CheckoutService, LeftOwingNeedsReason
from pos.services.roles import StaffRoles
from pos.services.till import NameLooksLikeACode, TillService


@pytest.fixture
def services(store):
    roles = StaffRoles(store)
    till = TillService(store, roles)
    return till, CheckoutService(store, till, roles)


def order_id(store, payment_state: str, offset: int = 0) -> int:
    return int(
        store.scalar(
            "SELECT id FROM orders WHERE payment_state = ? ORDER BY id LIMIT 1 OFFSET ?",
            (payment_state, offset),
        )
    )


@pytest.mark.parametrize("text", ["1e6", "1E3", "Infinity", "NaN", "0x10", "1_000", "-5", "1.2.3"])
def test_weights_in_exponent_or_odd_notation_are_refused(text: str) -> None:
    with pytest.raises(CheckoutRuleError):
        parse_weight(text)


def test_weights_far_from_the_line_ask_first() -> None:
    steak = LineItem(1, None, "Steak", "per kg", 2, 3600, None, "weight", Decimal(1000))
    assert not implausible_weight(steak, Decimal(2100))
    assert implausible_weight(steak, Decimal(1_000_000))  # 1e6 g for 2 kg ordered
    assert implausible_weight(steak, Decimal("2.1"))  # kilograms typed as grams
    loose = LineItem(2, None, "Honey", "jar", 1, 500)
    assert implausible_weight(loose, Decimal(60_000))
    assert not implausible_weight(loose, Decimal(450))


def test_cash_far_above_the_amount_due_asks_first() -> None:
    largest = max(denominations("GBP"))
    assert not implausible_tender(1250, 5000, largest)  # £12.50 paid with £50
    assert not implausible_tender(23421, 30000, largest)
    assert implausible_tender(450, 10000, largest)  # £100 for £4.50
    assert implausible_tender(1250, 99999999999, largest)


def test_quick_cash_offers_the_next_round_amounts() -> None:
    gbp = denominations("GBP")
    assert quick_cash_amounts(1234, gbp) == [1300, 1500, 2000]
    assert quick_cash_amounts(450, gbp) == [500, 1000, 2000]
    assert quick_cash_amounts(5000, gbp) == [6000, 10000, 15000]
    assert quick_cash_amounts(0, gbp) == []
    for due in (1, 99, 1234, 4720, 23421, 99999):
        amounts = quick_cash_amounts(due, gbp)
        assert amounts == sorted(set(amounts)) and all(a > due for a in amounts)


@pytest.mark.parametrize(
    "text", ["R131676492", "r131676492", "C1000", "https://hub.example/orders/R123456789", "12345"]
)
def test_scans_do_not_look_like_names(text: str) -> None:
    assert looks_like_a_code(text)


@pytest.mark.parametrize("text", ["Zoë", "Anne-Marie O'Neil", "Jo 2", "Łucja Nowak"])
def test_names_are_names(text: str) -> None:
    assert not looks_like_a_code(text)


def test_the_till_refuses_to_open_in_a_bags_name(store, services) -> None:
    till, _ = services
    number = str(store.scalar("SELECT number FROM orders LIMIT 1"))
    code = str(store.scalar("SELECT customer_code FROM orders WHERE customer_code != '' LIMIT 1"))
    for scanned in (number, code, f"https://x.example/admin/orders/{number}/edit"):
        with pytest.raises(NameLooksLikeACode):
            till.open(scanned, 0)
    assert till.current() is None
    assert till.open("  Niamh   Byrne ", 2000).volunteer == "Niamh Byrne"


def test_close_check_shows_the_difference_and_whether_the_pin_is_needed(store, services) -> None:
    till, _ = services
    till.open("Isla", 5000)
    check = till.close_check(4000)
    assert (check.expected, check.counted, check.difference) == (5000, 4000, -1000)
    assert not check.needs_pin  # no PIN set
    till.roles.set_pin("2468")
    assert till.close_check(4000).needs_pin and not till.close_check(4900).needs_pin
    assert till.current() is not None  # checking closes nothing


def test_a_sessionless_hand_over_records_the_name_given_once_per_shift(store, services) -> None:
    till, checkout = services
    assert checkout.needs_volunteer_name()
    with pytest.raises(NameLooksLikeACode):
        till.set_shift_volunteer("R131676492")
    till.set_shift_volunteer("Agnès")
    assert not checkout.needs_volunteer_name()
    for offset in (0, 1):
        checkout.collect(checkout.start(order_id(store, "paid", offset)))
    assert [r["volunteer"] for r in store.query("SELECT volunteer FROM checkouts")] == [
        "Agnès",
        "Agnès",
    ]
    till.open("Agnès", 0)
    till.close(0)
    assert checkout.needs_volunteer_name()  # the shift ended with the till


def test_money_left_owing_needs_its_own_reason(store, services) -> None:
    till, checkout = services
    till.open("Mei", 0)
    draft = checkout.start(order_id(store, "balance_due"))
    due = draft.handover().amount_due
    with pytest.raises(LeftOwingNeedsReason) as caught:
        checkout.collect(draft, [Tender("card", 500)])
    assert caught.value.left_owing == due - 500
    with pytest.raises(LeftOwingNeedsReason):  # a scanned order number is no reason
        checkout.collect(draft, [Tender("card", 500)], note="R131676492")
    assert store.scalar("SELECT COUNT(*) FROM checkouts") == 0
    done = checkout.collect(draft, [Tender("card", 500)], note="Pays by transfer").checkout
    assert (done.left_owing, done.note) == (due - 500, "Pays by transfer")


def test_undo_candidates_name_the_customer(store, services) -> None:
    till, checkout = services
    till.open("Mei", 0)
    oid = order_id(store, "balance_due")
    draft = checkout.start(oid)
    checkout.collect(draft, [Tender("cash", draft.handover().amount_due)])
    name = store.scalar("SELECT customer_name FROM orders WHERE id = ?", (oid,))
    [candidate] = checkout.undo_candidates()
    assert candidate.customer_name == name and candidate.checkout.order_id == oid


def test_walk_in_search_matches_anywhere_without_accents() -> None:
    products = [
        WalkInProduct(1, None, "Chèvre frais", "150g", 380),
        WalkInProduct(2, None, "Rolled oats", "1kg", 260),
    ]
    assert [p.variant_id for p in find_products(products, "chevre")] == [1]
    assert [p.variant_id for p in find_products(products, "FRAIS")] == [1]
    assert [p.variant_id for p in find_products(products, "oat")] == [2]
    assert find_products(products, "") == [] and find_products(products, "  ") == []


def test_known_error_messages_are_sentences() -> None:
    assert NameLooksLikeACode("x").message.endswith(".")
    assert isinstance(LeftOwingNeedsReason(1), KnownError)
