"""Reconciliation figures against an independent computation over the raw rows."""

from __future__ import annotations

import pytest

from pos.domain import reconcile as r
from pos.domain.checkout import Tender
from pos.errors import KnownError
from pos.services.reconcile import ReconcileService
from tests.reconcile.day import build_day, recompute
from tests.reconcile.fixtures import day_store_fixture  # noqa: F401
from tests.reconcile.real_day import RealTill


@pytest.mark.parametrize("point", [None, 61, 62, 63])
def test_counts_and_money_match_independent_computation(day_store, point):
    store, _, _ = day_store
    view = ReconcileService(store).overview(point_id=point)
    want = recompute(store, point)
    assert view.total.counts == want.counts
    m = view.total.money
    assert m.expected == want.expected
    assert m.recorded == want.recorded
    assert m.left_owing == want.left_owing
    assert m.credit_owed == want.credit
    assert m.expected_walk_ins == want.walk_ins
    assert {x.method: x.amount for x in m.by_method} == {
        k: v for k, v in want.by_method.items() if v or k in {x.method for x in m.by_method}
    }
    # the difference is fully explained by money owed each way
    assert m.difference == m.credit_owed - m.left_owing


def test_per_point_rows_add_up_to_the_total(day_store):
    store, _, _ = day_store
    view = ReconcileService(store).overview()
    assert sorted(p.pickup_point_id for p in view.points) == [61, 62, 63]
    for status in r.STATUSES:
        assert sum(p.counts[status] for p in view.points) == view.total.counts[status]
    assert sum(p.money.expected for p in view.points) == view.total.money.expected
    assert sum(p.money.recorded for p in view.points) == view.total.money.recorded
    for p in view.points:
        assert p.money == ReconcileService(store).overview(point_id=p.pickup_point_id).total.money


def test_specific_orders(day_store):
    store, day, _ = day_store
    view = ReconcileService(store).overview()
    by_id = {o.order_id: o for o in view.orders}
    assert by_id[day.partly].status == r.PARTLY
    assert by_id[day.partly].credit_amount > 0
    assert by_id[day.partly].short_lines == 1
    assert by_id[day.reversed_order].status == r.NOT_COLLECTED
    assert by_id[day.owing_order].left_owing == by_id[day.owing_order].amount_due - 1000
    # the cross-point order is counted at its own point, its money where it was taken
    assert by_id[day.cross_point_order].status == r.COLLECTED
    assert by_id[day.cross_point_order].pickup_point_id == 63
    p62 = ReconcileService(store).overview(point_id=62).total.money
    cross_total = store.scalar("SELECT total FROM orders WHERE id = ?", (day.cross_point_order,))
    assert {m.method: m.amount for m in p62.by_method}["cash"] == cross_total
    # sync statuses
    assert by_id[day.collected[0]].sync_status == r.SYNC_DONE
    assert by_id[day.staff_order].sync_status == r.SYNC_STAFF
    assert by_id[day.conflict_order].sync_status == r.SYNC_CONFLICT
    assert by_id[day.waiting_order].sync_status == r.SYNC_WAITING
    assert by_id[day.waiting_order].sync_error == "OFN timed out (504)"
    not_collected = [o for o in view.orders if o.status == r.NOT_COLLECTED]
    assert all(
        o.sync_status == r.SYNC_NONE for o in not_collected if o.order_id != day.reversed_order
    )


def test_till_sessions_expected_and_difference(day_store):
    store, _, _ = day_store
    sessions = {s.till_id: s for s in ReconcileService(store).overview().sessions}
    assert sorted(sessions) == ["T1", "T2"]
    t1 = sessions["T1"]
    cash = sum(
        p["amount"]
        for p in store.query(
            "SELECT p.amount FROM payments p JOIN checkouts c ON c.id = p.checkout_id"
            " WHERE c.session_id = ? AND p.method = 'cash'",
            (t1.id,),
        )
    )
    assert t1.expected_cash == 5000 + cash - 1000
    # the till's own close recorded the same expected cash and difference
    stored = store.query("SELECT * FROM till_sessions WHERE id = ?", (t1.id,))[0]
    assert (stored["expected_cash"], stored["difference"]) == (t1.expected_cash, -200)
    assert t1.difference == -200
    assert t1.close_note == "£2 short, coins"
    assert sessions["T2"].closed_at is None and sessions["T2"].difference is None
    assert [s.till_id for s in ReconcileService(store).overview(point_id=62).sessions] == ["T2"]


def test_half_hours_in_hub_time(store):
    build_day(store)  # the contract-row day has set times
    slots = dict(ReconcileService(store).overview().half_hours)
    # Europe/London is UTC in November: 09:40 -> 09:30 slot
    assert slots["09:30"] == 3
    # 10:05 x4, 10:20 and 10:25 (T1); 10:10 x2 and 10:12 (T2)
    assert slots["10:00"] == 4 + 2 + 2 + 1
    assert sum(slots.values()) == sum(
        1 for o in ReconcileService(store).overview().orders if o.collected_at
    )
    labels = list(slots)
    assert labels == sorted(labels)


def test_no_show_then_later_collection(day_store):
    store, day, _ = day_store
    svc = ReconcileService(store, till_id="T9")
    svc.mark_no_show(day.no_show, "Did not come", "Office Olga")
    view = svc.overview(point_id=62)
    assert next(o for o in view.orders if o.order_id == day.no_show).status == r.NO_SHOW
    audit = store.query("SELECT * FROM audit_log WHERE action = 'reconcile.no_show'")
    assert audit[0]["actor"] == "Office Olga" and audit[0]["till_id"] == "T9"
    assert "Did not come" in audit[0]["details"]
    # the customer turns up after all: a collection still works and wins
    late = RealTill(store, "T3", "Late Lou", 62)
    if late.till.current() is None:  # one till per database: T2's session may still be open
        late.open(0)
    total = store.scalar("SELECT total FROM orders WHERE id = ?", (day.no_show,))
    late.collect(day.no_show, [Tender("cash", total)])
    after = svc.overview(point_id=62)
    assert next(o for o in after.orders if o.order_id == day.no_show).status == r.COLLECTED
    with pytest.raises(KnownError):
        svc.mark_no_show(day.no_show, "again", "Olga")


def test_no_show_needs_reason_and_actor_and_refuses_cancelled(store):
    svc = ReconcileService(store)
    oid = store.scalar("SELECT id FROM orders WHERE state != 'canceled' LIMIT 1")
    with pytest.raises(KnownError):
        svc.mark_no_show(oid, "  ", "Olga")
    with pytest.raises(KnownError):
        svc.mark_no_show(oid, "away", " ")
    cancelled = store.scalar("SELECT id FROM orders WHERE state = 'canceled' LIMIT 1")
    with pytest.raises(KnownError):
        svc.mark_no_show(cancelled, "away", "Olga")
    svc.mark_no_show(oid, "away", "Olga")
    assert svc.clear_no_show(oid, "Olga") is True
    assert svc.clear_no_show(oid, "Olga") is False
    assert store.scalar("SELECT COUNT(*) FROM no_shows") == 0
    assert (
        store.scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'reconcile.no_show%'") == 2
    )


def test_mark_action_done_is_audited_once(day_store):
    store, day, _ = day_store
    svc = ReconcileService(store)
    first = day.action_ids[0]
    assert len(svc.overview().open_actions) == 3
    assert svc.mark_action_done(first, "Office Olga") is True
    assert svc.mark_action_done(first, "Office Olga") is False
    row = store.query("SELECT done_at, done_by FROM staff_actions WHERE id = ?", (first,))[0]
    assert row["done_by"] == "Office Olga" and row["done_at"]
    view = svc.overview()
    assert len(view.open_actions) == 2
    assert view.actions[-1].id == first  # done ones listed last
    order = next(o for o in view.orders if o.order_id == day.staff_order)
    assert order.sync_status == r.SYNC_STAFF_DONE
    assert (
        store.scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'staff_action.done' AND entity_id = ?",
            (first,),
        )
        == 1
    )
    with pytest.raises(KnownError):
        svc.mark_action_done("no-such-id", "Olga")


def test_empty_hub_has_zero_everything(store):
    view = ReconcileService(store).overview()
    assert view.total.counts[r.COLLECTED] == 0
    assert view.total.money.expected == view.total.money.recorded == 0
    assert view.sessions == () and view.actions == () and view.half_hours == ()
    assert view.total.counts[r.NOT_COLLECTED] + view.total.counts[r.CANCELLED] == 180
