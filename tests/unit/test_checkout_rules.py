"""Money rules of a checkout, without a database: hand-over values and settlements."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.checkout import (
    CheckoutDraft,
    CheckoutRuleError,
    Tender,
    exact_cash,
    handover_line,
    parse_weight,
    settle,
)
from pos.domain.models import LineItem, Order


def item(**kw: object) -> LineItem:
    base: dict[str, object] = dict(
        id=1,
        producer_id=None,
        product_name="Eggs",
        variant_name="Dozen",
        quantity=2,
        unit_price=450,
    )
    base.update(kw)
    return LineItem(**base)  # type: ignore[arg-type]


def order(items: tuple[LineItem, ...], *, fees: int = 100, paid: bool = True) -> Order:
    goods = sum(i.amount for i in items)
    total = goods + fees
    return Order(
        id=1,
        number="R100000001",
        hub_id=1,
        order_cycle_id=1,
        pickup_point_id=1,
        customer_id=1,
        customer_name="Zoë",
        customer_sort_name="Zoë",
        email="",
        phone="",
        state="complete",
        payment_state="paid" if paid else "balance_due",
        shipment_state="ready",
        item_total=goods,
        adjustment_total=fees,
        payment_total=total if paid else 0,
        total=total,
        currency="GBP",
        completed_at=None,
        line_items=items,
    )


def test_missing_and_short_lines_are_valued_by_quantity() -> None:
    eggs = item()
    assert handover_line(eggs).amount == 900
    assert handover_line(eggs, 1).status == "short"
    assert handover_line(eggs, 1).amount == 450
    missing = handover_line(eggs, 0)
    assert (missing.status, missing.amount, missing.final_weight) == ("missing", 0, None)
    with pytest.raises(CheckoutRuleError):
        handover_line(eggs, 3)
    with pytest.raises(CheckoutRuleError):
        handover_line(eggs, -1)


def test_final_weight_values_pro_rata_and_rounds_half_up() -> None:
    cheese = item(variant_unit="weight", unit_value=Decimal(1000), unit_price=2400, quantity=1)
    line = handover_line(cheese, None, Decimal("1125"))
    assert (line.status, line.amount) == ("weighed", 2700)
    # 2400 * 0.0125 = 30.0 ; 333 * 1.5 = 499.5 -> 500 (half up)
    odd = item(variant_unit="weight", unit_value=Decimal(1000), unit_price=333, quantity=1)
    assert handover_line(odd, None, Decimal("1500")).amount == 500
    with pytest.raises(CheckoutRuleError):
        handover_line(item(), None, Decimal("100"))  # eggs are not weighed


def test_preweighed_line_short_is_pro_rata_of_its_weight() -> None:
    steak = item(
        variant_unit="weight",
        unit_value=Decimal(1000),
        unit_price=1800,
        quantity=2,
        final_weight=Decimal(2100),
    )
    assert handover_line(steak).amount == 3780
    assert handover_line(steak, 1).amount == 1890


def test_handover_recomputes_due_with_fees_unchanged() -> None:
    eggs, bread = item(), item(id=2, product_name="Bread", unit_price=420, quantity=1)
    o = order((eggs, bread), fees=150, paid=True)
    draft = CheckoutDraft(o, "id")
    h = draft.handover()
    assert (h.goods_total, h.fees_total, h.difference, h.amount_due) == (1320, 150, 0, 0)
    draft.mark_missing(2)
    h = draft.handover()
    assert h.goods_total == 900 and h.fees_total == 150
    assert h.difference == -420 and h.amount_due == -420  # credit due to the customer
    unpaid = CheckoutDraft(order((eggs, bread), fees=150, paid=False), "id2")
    unpaid.set_quantity(1, 1)
    assert unpaid.handover().amount_due == 450 + 420 + 150


def test_weighing_a_missing_line_brings_it_back() -> None:
    cheese = item(variant_unit="weight", unit_value=Decimal(1000), unit_price=2400, quantity=1)
    draft = CheckoutDraft(order((cheese,)), "x")
    draft.mark_missing(1)
    line = draft.set_final_weight(1, Decimal(500))
    assert (line.status, line.quantity, line.amount) == ("weighed", 1, 1200)


def test_cash_change_and_exact_cash() -> None:
    s = settle(1234, [Tender("cash", 2000)])
    assert (s.amount_paid, s.change_given, s.left_owing, s.credit_amount) == (1234, 766, 0, 0)
    assert s.payments[0].tendered == 2000 and s.payments[0].change == 766
    e = settle(1234, [exact_cash(1234)])
    assert (e.amount_paid, e.change_given) == (1234, 0)


def test_split_payment_change_only_from_cash() -> None:
    s = settle(3000, [Tender("card", 2000), Tender("local", 500), Tender("cash", 1000)])
    assert s.amount_paid == 3000 and s.change_given == 500
    by_method = {p.method: p for p in s.payments}
    assert by_method["card"].amount == 2000 and by_method["card"].change == 0
    assert by_method["cash"].amount == 500 and by_method["cash"].change == 500


def test_overpaid_by_card_is_credit_and_kept_change_is_credit() -> None:
    card = settle(1000, [Tender("card", 1200)])
    assert (card.change_given, card.credit_amount) == (0, 200)
    kept = settle(1000, [Tender("cash", 1500)], keep_change_as_credit=True)
    assert (kept.change_given, kept.credit_amount, kept.amount_paid) == (0, 500, 1500)


def test_paying_less_leaves_owing() -> None:
    s = settle(1000, [Tender("cash", 600)])
    assert (s.amount_paid, s.left_owing, s.change_given) == (600, 400, 0)


def test_credit_due_noted_or_refunded_in_cash() -> None:
    noted = settle(-420, [])
    assert (noted.credit_amount, noted.payments) == (420, ())
    refunded = settle(-420, [], refund_credit_in_cash=True)
    assert refunded.credit_amount == 0 and refunded.amount_paid == -420
    assert refunded.payments[0].change == 420 and refunded.change_given == 420


def test_bad_tenders_are_refused() -> None:
    with pytest.raises(CheckoutRuleError):
        settle(100, [Tender("cash", -1)])
    with pytest.raises(CheckoutRuleError):
        settle(100, [Tender("", 100)])


@pytest.mark.parametrize("text", ["abc", "-5", "0", "1.2345", "nan", ""])
def test_parse_weight_refuses_bad_input(text: str) -> None:
    with pytest.raises(CheckoutRuleError):
        parse_weight(text)


def test_parse_weight_accepts_comma() -> None:
    assert parse_weight("1250,5") == Decimal("1250.5")


methods = st.sampled_from(["cash", "card", "local", "cheque", "voucher"])
tenders = st.lists(st.builds(Tender, methods, st.integers(0, 100_000)), max_size=5)


@given(st.integers(-50_000, 100_000), tenders, st.booleans(), st.booleans())
def test_settlement_invariants(due: int, ts: list[Tender], keep: bool, refund: bool) -> None:
    s = settle(due, ts, keep_change_as_credit=keep, refund_credit_in_cash=refund)
    assert s.amount_paid == sum(p.amount for p in s.payments)
    assert s.amount_paid + s.left_owing - s.credit_amount == due
    assert s.left_owing >= 0 and s.credit_amount >= 0 and s.change_given >= 0
    assert not (s.left_owing and s.credit_amount)
    cash_in = sum(t.amount for t in ts if t.method == "cash")
    if ts and any(t.amount for t in ts):
        assert s.change_given <= cash_in
    for p in s.payments:
        assert p.amount == p.tendered - p.change
        if p.method != "cash":
            assert p.change == 0
    assert s.change_given == sum(p.change for p in s.payments)


@given(
    st.lists(
        st.tuples(st.integers(1, 5), st.integers(0, 5), st.integers(1, 5000)),
        min_size=1,
        max_size=8,
    )
)
def test_handover_goods_never_exceed_ordered(rows: list[tuple[int, int, int]]) -> None:
    items = tuple(item(id=i, quantity=q, unit_price=price) for i, (q, _, price) in enumerate(rows))
    draft = CheckoutDraft(order(items), "x")
    for i, (q, give, _) in enumerate(rows):
        draft.set_quantity(i, min(give, q))
    h = draft.handover()
    assert 0 <= h.goods_total <= sum(i.amount for i in items)
    assert h.goods_total == sum(price * min(give, q) for q, give, price in rows)


def test_back_to_as_ordered_is_no_change() -> None:
    draft = CheckoutDraft(order((item(),)), "x")
    draft.set_quantity(1, 1)
    assert draft.in_progress
    draft.set_quantity(1, 2)
    assert not draft.edits and not draft.in_progress
