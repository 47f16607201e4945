"""The outbox's typed desired state and the one reversal rule (pure: no database)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from pos.domain.checkout import Checkout, CheckoutLine, CheckoutRuleError, Payment, reversal_of
from pos.domain.outbox import DesiredState, UnreadableDesiredState


def _collection() -> Checkout:
    return Checkout(
        id="c1", receipt_no="T1-000007", kind="collection", till_id="T1", volunteer="Zoë",
        created_at="2026-12-02T10:00:00.000000Z", currency="GBP", order_id=42,
        session_id="s1", pickup_point_id=3, goods_total=2350, fees_total=150,
        credit_amount=400, amount_due=2100, amount_paid=2100, change_given=900, left_owing=0,
        lines=(
            CheckoutLine("Apples", "1 kg", 2, 2, 300, 600, line_item_id=1),
            CheckoutLine("Cheese", "", 1, 0, 400, 0, status="missing", line_item_id=2),
            CheckoutLine("Beef", "500 g", 1, 1, 1750, 1750, status="weighed", line_item_id=3,
                         final_weight=Decimal("512.5")),
        ),
        payments=(
            Payment("p1", "cash", 1500, 2400, 900, "", "2026-12-02T10:00:00.000000Z"),
            Payment("p2", "card", 600, 600, 0, "auth 77", "2026-12-02T10:00:00.000000Z"),
        ),
    )  # fmt: skip


def test_a_collection_becomes_the_state_push_reads_and_back() -> None:
    live = _collection()
    want = DesiredState.of_collection(live)
    assert want.collected and want.checkout_id == "c1" and want.receipt_no == "T1-000007"
    assert want.paid_at_till == 2100 and want.by_method == {"cash": 1500, "card": 600}
    assert want.order_total_at_till == 2500 and want.credit_amount == 400
    assert [x.line_item_id for x in want.lines_changed] == [2, 3]
    assert want.lines_changed[1].final_weight == "512.5" and want.short_or_missing == 1
    assert DesiredState.from_json(want.to_json(), "EUR") == want
    kept = want.kept_local()
    assert kept.staff_kept_local and DesiredState.from_json(kept.to_json(), "GBP") == kept


def test_rows_written_by_earlier_versions_read_the_same() -> None:
    """The JSON keys are the ones databases already hold (the checkout wrote these)."""
    old = {
        "collected": True, "checkout_id": "c1", "receipt_no": "T1-000007",
        "collected_at": "2026-12-02T10:00:00.000000Z", "currency": "GBP",
        "order_total_at_till": 2500,
        "payments": [{"id": "p1", "method": "cash", "amount": 1500},
                     {"id": "p2", "method": "cash", "amount": -1500},
                     {"id": "p3", "method": "card", "amount": 600}],
        "paid_at_till": 600, "left_owing": 0, "credit_amount": 0,
        "lines_changed": [{"line_item_id": 2, "status": "short", "quantity": 1,
                           "quantity_ordered": 2, "final_weight": None, "amount": 400}],
        "staff_kept_local": True,
    }  # fmt: skip
    want = DesiredState.from_json(json.dumps(old), "EUR")
    assert want.currency == "GBP" and want.staff_kept_local and not want.accepted_remote
    assert want.paid_at_till == 600 and want.by_method == {"card": 600}  # cash nets to zero
    assert json.loads(want.to_json()) == old
    accepted = {"collected": False, "checkout_id": None, "payments": [], "paid_at_till": 0,
                "left_owing": 0, "credit_amount": 0, "lines_changed": [],
                "accepted_remote": True, "reversal_id": "r9"}  # fmt: skip
    want = DesiredState.from_json(json.dumps(accepted), "GBP")
    assert want == DesiredState.remote_accepted("GBP", "r9")


@pytest.mark.parametrize(
    "text",
    ["{not json", "[]", '{"collected": "yes"}', '{"collected": true, "payments": {}}',
     '{"collected": true, "payments": [{"amount": 5}]}',
     '{"collected": true, "left_owing": "5.00"}',
     '{"collected": true, "payments": [{"method": "cash", "amount": 1.5}]}'],
)  # fmt: skip
def test_a_damaged_row_is_refused_with_a_reason(text: str) -> None:
    with pytest.raises(UnreadableDesiredState, match="till"):
        DesiredState.from_json(text, "GBP")


def test_the_reversal_negates_everything_and_points_back() -> None:
    live = _collection()
    rev = reversal_of(
        live, reversal_id="r1", receipt_no="T2-000001", till_id="T2", volunteer="Sam",
        created_at="2026-12-02T11:00:00.000000Z", session_id=None, note="why",
        payment_ids=("q1", "q2"),
    )  # fmt: skip
    assert rev.kind == "reversal" and rev.reverses_id == "c1" and rev.order_id == 42
    assert (rev.till_id, rev.volunteer, rev.receipt_no, rev.note) == ("T2", "Sam", "T2-000001",
                                                                        "why")  # fmt: skip
    for name in ("goods_total", "fees_total", "credit_amount", "amount_due", "amount_paid",
                 "change_given", "left_owing"):  # fmt: skip
        assert getattr(rev, name) == -getattr(live, name), name
    refunds = [(p.id, p.method, p.amount, p.tendered, p.change, p.reference) for p in rev.payments]
    assert refunds == [
        ("q1", "cash", -1500, -2400, -900, ""),
        ("q2", "card", -600, -600, 0, "auth 77"),
    ]
    assert [(li.quantity, li.amount, li.status, li.final_weight) for li in rev.lines] == [
        (-2, -600, "ok", None), (0, 0, "missing", None), (-1, -1750, "weighed", Decimal("512.5"))
    ]  # fmt: skip
    assert sum(p.amount for p in live.payments + rev.payments) == 0
    with pytest.raises(CheckoutRuleError):
        reversal_of(rev, reversal_id="x", receipt_no="x", till_id="T1", volunteer="x",
                    created_at="x", session_id=None, note="x", payment_ids=())  # fmt: skip
