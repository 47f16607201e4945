"""Checkout, walk-in, undo and till services against a real demo database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.domain.checkout import Tender, WalkInItem
from pos.domain.payment_methods import Method, PaymentMethods
from pos.domain.settings import CLOSE_DIFFERENCE_LIMIT, PAYMENT_METHODS, STAFF_PIN_HASH
from pos.errors import KnownError
from pos.services.checkout import AlreadyCollected
from pos.services.context import Services
from pos.services.roles import PinRequired, WrongPin
from pos.services.till import NoTillSession
from pos.store import Store


@pytest.fixture
def services(demo_db: Path):
    s = Services.open(demo_db)
    yield s
    s.close()


def find_order(store: Store, *, paid: bool, weighed: bool = False) -> int:
    sql = (
        "SELECT o.id FROM orders o WHERE o.state = 'complete' AND o.payment_state = ?"
        " AND (SELECT COUNT(*) FROM line_items li WHERE li.order_id = o.id) >= 2"
    )
    if weighed:
        sql += (
            " AND EXISTS (SELECT 1 FROM line_items li WHERE li.order_id = o.id"
            " AND li.variant_unit = 'weight' AND li.final_weight IS NULL)"
        )
    return int(store.scalar(sql + " ORDER BY o.id LIMIT 1", ("paid" if paid else "balance_due",)))


def test_paid_order_hands_over_without_a_session(services: Services) -> None:
    oid = find_order(services.store, paid=True)
    draft = services.checkout.start(oid)
    result = services.checkout.collect(draft)
    c = result.checkout
    assert c.kind == "collection" and c.session_id is None
    assert c.receipt_no == "T1-000001" and c.amount_due == 0 and c.payments == ()
    store = services.store
    assert store.scalar("SELECT COUNT(*) FROM checkout_lines WHERE checkout_id=?", (c.id,)) == len(
        draft.order.line_items
    )
    desired = json.loads(store.scalar("SELECT desired FROM outbox WHERE order_id=?", (oid,)))
    assert desired["collected"] is True and desired["checkout_id"] == c.id
    assert desired["order_total_at_till"] == draft.order.total and desired["lines_changed"] == []
    assert store.scalar("SELECT kind FROM print_jobs WHERE ref=?", (c.id,)) == "receipt"
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE action='checkout.collect'") == 1
    info = services.checkout.collection_info(oid)
    assert info is not None and info.receipt_no == c.receipt_no


def test_never_collected_twice(services: Services) -> None:
    oid = find_order(services.store, paid=True)
    draft = services.checkout.start(oid)
    first = services.checkout.collect(draft)
    again = services.checkout.collect(draft)  # double Enter on the same draft
    assert again.checkout.id == first.checkout.id and again.print_job_id is None
    with pytest.raises(AlreadyCollected) as caught:
        services.checkout.collect(services.checkout.start(oid))  # a second scan
    assert caught.value.info.receipt_no == first.receipt_no
    assert services.store.scalar("SELECT COUNT(*) FROM checkouts") == 1


def test_unpaid_order_needs_a_session_then_takes_cash_with_change(services: Services) -> None:
    oid = find_order(services.store, paid=False)
    draft = services.checkout.start(oid)
    due = draft.handover().amount_due
    assert due == draft.order.total > 0
    with pytest.raises(NoTillSession):
        services.checkout.collect(draft, [Tender("cash", due + 1000)])
    services.till.open("Zoë", 5000)
    result = services.checkout.collect(draft, [Tender("cash", due + 1000)])
    c = result.checkout
    assert (c.amount_paid, c.change_given, c.left_owing) == (due, 1000, 0)
    assert services.till.expected_cash() == 5000 + due
    desired = json.loads(
        services.store.scalar("SELECT desired FROM outbox WHERE order_id=?", (oid,))
    )
    assert desired["paid_at_till"] == due and desired["payments"][0]["method"] == "cash"


def test_missing_item_on_paid_order_gives_credit(services: Services) -> None:
    oid = find_order(services.store, paid=True)
    draft = services.checkout.start(oid)
    first = draft.order.line_items[0]
    draft.mark_missing(first.id)
    assert services.checkout.busy()
    result = services.checkout.collect(draft)
    c = result.checkout
    assert c.amount_due == -first.amount and c.credit_amount == first.amount
    assert c.session_id is None  # no money moved
    desired = json.loads(
        services.store.scalar("SELECT desired FROM outbox WHERE order_id=?", (oid,))
    )
    assert desired["credit_amount"] == first.amount
    assert desired["lines_changed"][0]["status"] == "missing"
    assert not services.checkout.busy()


def test_left_owing_needs_a_reason(services: Services) -> None:
    services.till.open("Jürgen", 0)
    draft = services.checkout.start(find_order(services.store, paid=False))
    with pytest.raises(KnownError):
        services.checkout.collect(draft, [Tender("cash", 100)])
    c = services.checkout.collect(draft, [Tender("cash", 100)], note="Pays next week").checkout
    assert c.left_owing == draft.order.total - 100 and c.note == "Pays next week"


def test_cancelled_order_is_refused(services: Services) -> None:
    oid = int(services.store.scalar("SELECT id FROM orders WHERE state='canceled' LIMIT 1"))
    with pytest.raises(KnownError):
        services.checkout.collect(services.checkout.start(oid))


def test_split_payment_with_local_currency(services: Services) -> None:
    services.store.settings.set(PAYMENT_METHODS, PaymentMethods.of([Method("local", "Léman")]))
    labels = [m.label for m in services.checkout.payment_methods()]
    assert labels == ["Cash", "Léman"]
    services.till.open("Ana", 1000)
    draft = services.checkout.start(find_order(services.store, paid=False))
    due = draft.order.total
    c = services.checkout.collect(draft, [Tender("local", 500), Tender("cash", due)]).checkout
    methods = {p.method: (p.amount, p.change) for p in c.payments}
    assert methods == {"local": (500, 0), "cash": (due - 500, 500)}


def test_receipt_numbers_follow_per_till(services: Services) -> None:
    ids = [
        int(r[0])
        for r in services.store.query(
            "SELECT id FROM orders WHERE payment_state='paid' ORDER BY id LIMIT 3"
        )
    ]
    numbers = [services.checkout.collect(services.checkout.start(i)).receipt_no for i in ids]
    assert numbers == ["T1-000001", "T1-000002", "T1-000003"]


def test_walk_in_sale(services: Services) -> None:
    products = services.checkout.walk_in_products()
    assert len(products) == len({(p.variant_id, p.product_name, p.variant_name) for p in products})
    assert any(p.product_name == "Free-range eggs" for p in products)
    with pytest.raises(NoTillSession):
        services.checkout.sell_walk_in([WalkInItem("Leeks", 200)], [Tender("cash", 200)])
    services.till.open("Ana", 0)
    egg = next(p for p in products if p.product_name == "Free-range eggs")
    items = [
        WalkInItem(
            egg.product_name, egg.unit_price, 2, egg.variant_name, egg.variant_id, egg.producer_id
        ),
        WalkInItem("Leeks (surplus)", 150),
    ]
    result = services.checkout.sell_walk_in(items, [Tender("cash", 2000)])
    c = result.checkout
    assert c.kind == "walk_in" and c.order_id is None
    assert c.goods_total == 2 * egg.unit_price + 150 == c.amount_due == c.amount_paid
    assert c.change_given == 2000 - c.goods_total
    assert services.store.scalar("SELECT COUNT(*) FROM outbox") == 0
    with pytest.raises(KnownError):
        services.checkout.sell_walk_in([WalkInItem("", 100)], [])
    with pytest.raises(KnownError):
        services.checkout.sell_walk_in([WalkInItem("X", -100)], [])


def test_undo_with_pin_reverses_and_frees_the_order(services: Services) -> None:
    services.roles.set_pin("4321")
    services.till.open("Zoë", 2000)
    oid = find_order(services.store, paid=False)
    draft = services.checkout.start(oid)
    due = draft.order.total
    original = services.checkout.collect(draft, [Tender("cash", due)]).checkout
    assert [c.id for c in services.checkout.reversible()] == [original.id]
    with pytest.raises(KnownError):
        services.checkout.reverse(original.id, "", pin="4321")
    with pytest.raises(PinRequired):
        services.checkout.reverse(original.id, "Wrong bag")
    with pytest.raises(WrongPin):
        services.checkout.reverse(original.id, "Wrong bag", pin="0000")
    rev = services.checkout.reverse(original.id, "Wrong bag", pin="4321").checkout
    assert rev.kind == "reversal" and rev.reverses_id == original.id
    assert rev.amount_paid == -due and rev.payments[0].amount == -due
    assert services.till.expected_cash() == 2000
    store = services.store
    assert store.scalar("SELECT reversed_at FROM checkouts WHERE id=?", (original.id,))
    assert store.scalar("SELECT COUNT(*) FROM checkouts") == 2
    desired = json.loads(store.scalar("SELECT desired FROM outbox WHERE order_id=?", (oid,)))
    assert desired["collected"] is False and desired["payments"] == []
    with pytest.raises(KnownError):
        services.checkout.reverse(original.id, "again", pin="4321")
    # the order can now be collected again
    again = services.checkout.collect(services.checkout.start(oid), [Tender("card", due)])
    assert again.checkout.kind == "collection"
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE action='checkout.reverse'") == 1


def test_till_session_open_moves_close_and_z_report(services: Services) -> None:
    till = services.till
    with pytest.raises(KnownError):
        till.open("  ", 100)
    with pytest.raises(KnownError):
        till.open("Ana", -1)
    session = till.open("Ana", 5000)
    with pytest.raises(KnownError):
        till.open("Bob", 0)
    till.cash_move(-1000, "Change for the bakery stall")
    till.cash_move(200, "Found in the tin")
    with pytest.raises(KnownError):
        till.cash_move(-100_000, "too much")
    with pytest.raises(KnownError):
        till.cash_move(100, " ")
    oid = find_order(services.store, paid=False)
    draft = services.checkout.start(oid)
    due = draft.order.total
    services.checkout.collect(draft, [Tender("cash", due), Tender("card", 0)])
    draft2 = services.checkout.start(find_order(services.store, paid=True, weighed=False))
    services.checkout.collect(draft2)
    expected = 5000 - 1000 + 200 + due
    assert till.expected_cash() == expected
    # a half-done checkout blocks the close
    busy = services.checkout.start(
        int(
            services.store.scalar(
                "SELECT id FROM orders WHERE payment_state='balance_due' ORDER BY id DESC LIMIT 1"
            )
        )
    )
    busy.mark_missing(busy.order.line_items[0].id)
    with pytest.raises(KnownError):
        till.close(expected)
    services.checkout.discard(busy)
    counts = {2000: 1, 50: 1}  # deliberately not the expected amount
    z = till.close(counts=counts)
    assert z.session.id == session.id and z.counted_cash == 2050
    assert z.difference == 2050 - expected and z.expected_cash == expected
    assert z.collections == 2 and z.walk_ins == 0 and z.reversals == 0
    assert {m.method: m.amount for m in z.by_method} == {"cash": due}
    assert z.cash_moves_total == -800
    assert services.store.scalar("SELECT kind FROM print_jobs WHERE ref=?", (session.id,)) == (
        "z_report"
    )
    assert till.current() is None
    stored = json.loads(services.store.scalar("SELECT denominations FROM till_sessions"))
    assert stored == {"2000": 1, "50": 1}


def test_close_with_big_difference_needs_pin(services: Services) -> None:
    services.roles.set_pin("98765")
    services.store.settings.set(CLOSE_DIFFERENCE_LIMIT, 100)
    services.till.open("Ana", 1000)
    with pytest.raises(PinRequired):
        services.till.close(500)
    with pytest.raises(PinRequired):
        services.till.cash_move(100, "float top-up")
    services.till.cash_move(100, "float top-up", pin="98765")
    z = services.till.close(1050)  # within the limit: no PIN
    assert z.difference == -50


def test_pin_is_stored_hashed_and_changes_need_the_old_one(services: Services) -> None:
    services.roles.set_pin("1234")
    stored = services.store.settings.get(STAFF_PIN_HASH)
    assert stored.startswith("scrypt$") and "1234" not in stored
    with pytest.raises(PinRequired):
        services.roles.set_pin("5555")
    with pytest.raises(KnownError):
        services.roles.set_pin("12a", current_pin="1234")
    services.roles.set_pin("5555", current_pin="1234")
    assert services.roles.verify("5555") and not services.roles.verify("1234")
    services.roles.set_pin(None, current_pin="5555")
    assert not services.roles.pin_configured


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["collect", "walk_in", "reverse"]),
            st.lists(
                st.tuples(st.sampled_from(["cash", "card", "local"]), st.integers(0, 5000)),
                max_size=3,
            ),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_totals_by_method_equal_sum_of_checkouts(
    demo_template: Path, tmp_path_factory, ops
) -> None:
    import shutil

    path = tmp_path_factory.mktemp("prop") / "hub.sqlite"
    shutil.copyfile(demo_template, path)
    s = Services.open(path)
    try:
        s.till.open("Prop", 10_000)
        order_ids = [
            int(r[0])
            for r in s.store.query(
                "SELECT id FROM orders WHERE state='complete' ORDER BY id LIMIT 20"
            )
        ]
        done: list[str] = []
        for kind, raw in ops:
            tenders = [Tender(m, a) for m, a in raw]
            try:
                if kind == "collect" and order_ids:
                    r = s.checkout.collect(s.checkout.start(order_ids.pop()), tenders, note="later")
                    done.append(r.checkout.id)
                elif kind == "walk_in":
                    r = s.checkout.sell_walk_in([WalkInItem("Surplus", 300)], tenders, note="x")
                    done.append(r.checkout.id)
                elif kind == "reverse" and done:
                    s.checkout.reverse(done.pop(), "test")
            except KnownError:
                pass
        z = s.till.z_report()
        sid = z.session.id
        paid_sum = s.store.scalar(
            "SELECT COALESCE(SUM(amount_paid),0) FROM checkouts WHERE session_id=?", (sid,)
        )
        assert z.takings == paid_sum
        # money balances per checkout
        for row in s.store.query("SELECT * FROM checkouts"):
            pay = s.store.scalar(
                "SELECT COALESCE(SUM(amount),0) FROM payments WHERE checkout_id=?", (row["id"],)
            )
            assert pay == row["amount_paid"]
            if row["kind"] != "reversal":
                assert (
                    row["amount_paid"] + row["left_owing"] - row["credit_amount"]
                    == row["amount_due"]
                )
        cash = sum(m.amount for m in z.by_method if m.method == "cash")
        assert s.till.expected_cash() == 10_000 + cash
        live = s.store.scalar(
            "SELECT COUNT(*) FROM checkouts WHERE kind='collection' AND reversed_at IS NULL"
        )
        assert live == s.store.scalar(
            "SELECT COUNT(*) FROM outbox o WHERE json_extract(o.desired,'$.collected')"
        )
    finally:
        s.close()
