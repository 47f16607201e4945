"""The same collection day as :mod:`tests.helpers.reconcile.day`, made by the REAL checkout and till
services (two tills on one database), so reconcile is checked against what they write."""

from __future__ import annotations

from pos.domain.checkout import Tender, WalkInItem
from pos.services.checkout import CheckoutService
from pos.services.roles import StaffRoles
from pos.services.till import TillService
from pos.store import Store
from tests.helpers.reconcile.day import Day, _orders, sync_results


class RealTill:
    def __init__(self, store: Store, till_id: str, volunteer: str, point: int) -> None:
        roles = StaffRoles(store, till_id)
        self.till = TillService(store, roles, till_id=till_id, currency="GBP")
        self.checkout = CheckoutService(store, self.till, roles, till_id=till_id, currency="GBP")
        self.till.busy = self.checkout.busy
        self.volunteer, self.point = volunteer, point

    def open(self, float_amount: int) -> None:
        self.till.open(self.volunteer, float_amount, pickup_point_id=self.point)

    def collect(self, order_id: int, tenders=(), *, missing=(), note="", refund=False) -> str:
        draft = self.checkout.start(order_id)
        for line_item_id in missing:
            draft.mark_missing(line_item_id)
        result = self.checkout.collect(
            draft, list(tenders), note=note, refund_credit_in_cash=refund
        )
        return result.checkout.id


def build_real_day(store: Store) -> Day:
    day = Day()
    paid61, due61 = _orders(store, 61, "paid"), _orders(store, 61, "balance_due")
    paid62, due62 = _orders(store, 62, "paid"), _orders(store, 62, "balance_due")
    due63 = _orders(store, 63, "balance_due")

    t1 = RealTill(store, "T1", "Ana Müller", 61)
    t1.open(5000)
    for o in paid61[:4]:
        t1.collect(o["id"])
        day.collected.append(o["id"])
    for o in due61[:3]:
        t1.collect(o["id"], [Tender("cash", o["total"] + 37)])
        day.collected.append(o["id"])
    o = due61[3]
    t1.collect(o["id"], [Tender("card", o["total"] - 500), Tender("cash", 500)])
    day.collected.append(o["id"])
    # paid online, one line missing: credit owed back (noted, not refunded)
    o = paid61[4]
    first_line = store.scalar(
        "SELECT id FROM line_items WHERE order_id = ? ORDER BY position", (o["id"],)
    )
    t1.collect(o["id"], missing=[first_line])
    day.partly = day.credit_order = o["id"]
    # paid online, one line missing, the credit refunded in cash at the till
    o = paid61[5]
    first_line = store.scalar(
        "SELECT id FROM line_items WHERE order_id = ? ORDER BY position", (o["id"],)
    )
    t1.collect(o["id"], missing=[first_line], refund=True)
    day.collected.append(o["id"])
    o = due61[4]
    t1.collect(o["id"], [Tender("cash", 1000)], note="will pay the rest online")
    day.owing_order = o["id"]
    t1.checkout.sell_walk_in(
        [WalkInItem("Free-range eggs", 450, 2), WalkInItem("Kale", 150, 1)],
        [Tender("cash", 2000)],
    )
    t1.till.cash_move(-1000, "Cash to the safe")
    o = due61[5]
    wrong = t1.collect(o["id"], [Tender("cash", o["total"])])
    t1.checkout.reverse(wrong, "wrong customer")
    day.reversed_order = o["id"]
    o = due61[6]
    first = t1.collect(o["id"], [Tender("cash", o["total"])])
    t1.checkout.reverse(first, "paid by card in the end")
    t1.collect(o["id"], [Tender("card", o["total"])])
    day.collected.append(o["id"])
    expected = t1.till.expected_cash()
    t1.till.close(expected - 200, note="£2 short, coins")

    t2 = RealTill(store, "T2", "Łukasz Nowak", 62)
    t2.open(3000)
    for o in paid62[:3]:
        t2.collect(o["id"])
        day.collected.append(o["id"])
    for o in due62[:2]:
        t2.collect(o["id"], [Tender("local", o["total"])])
        day.collected.append(o["id"])
    o = due63[0]
    t2.collect(o["id"], [Tender("cash", o["total"])])
    day.cross_point_order = o["id"]
    day.collected.append(o["id"])
    day.no_show = due62[2]["id"]
    sync_results(store, day)
    return day
