"""A realistic collection day on the demo hub, and an independent re-computation of it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pos.store import Store
from tests.helpers.reconcile.contract_rows import Till, add_staff_action, set_outbox_status


@dataclass
class Day:
    """What the scenario did, for assertions that need specific orders."""

    collected: list[int] = field(default_factory=list)
    partly: int = 0
    credit_order: int = 0
    owing_order: int = 0
    reversed_order: int = 0
    cross_point_order: int = 0
    no_show: int = 0
    conflict_order: int = 0
    staff_order: int = 0
    waiting_order: int = 0
    action_ids: list[str] = field(default_factory=list)


def _orders(store: Store, point: int, payment_state: str) -> list[Any]:
    return store.query(
        "SELECT * FROM orders WHERE pickup_point_id = ? AND payment_state = ? AND state != "
        "'canceled' ORDER BY id",
        (point, payment_state),
    )


def build_day(store: Store) -> Day:
    day = Day()
    paid61, due61 = _orders(store, 61, "paid"), _orders(store, 61, "balance_due")
    paid62, due62 = _orders(store, 62, "paid"), _orders(store, 62, "balance_due")
    due63 = _orders(store, 63, "balance_due")

    t1 = Till(store, "T1", "Ana Müller", 61)
    t1.open_session(5000, at="2026-11-26T09:55:00Z")
    # paid online: nothing to pay
    for o in paid61[:4]:
        t1.collect(o["id"], at="2026-11-26T10:05:00Z")
        day.collected.append(o["id"])
    # owed at the till, paid in cash with change
    for i, o in enumerate(due61[:3]):
        t1.collect(
            o["id"],
            payments=[("cash", o["total"], o["total"] + 37)],
            at=f"2026-11-26T10:{20 + i * 5}:00Z",
        )
        day.collected.append(o["id"])
    # split payment card + cash
    o = due61[3]
    t1.collect(
        o["id"],
        payments=[("card", o["total"] - 500, o["total"] - 500), ("cash", 500, 500)],
        at="2026-11-26T10:45:00Z",
    )
    day.collected.append(o["id"])
    # paid online, one line missing: credit owed back, status partly collected
    o = paid61[4]
    li = store.query(
        "SELECT id, quantity FROM line_items WHERE order_id = ? ORDER BY position", (o["id"],)
    )[0]
    t1.collect(o["id"], missing={li["id"]: li["quantity"]}, at="2026-11-26T11:02:00Z")
    day.partly = day.credit_order = o["id"]
    # owed, paid only part: left owing
    o = due61[4]
    t1.collect(
        o["id"],
        payments=[("cash", 1000, 1000)],
        at="2026-11-26T11:10:00Z",
        note="will pay the rest online",
    )
    day.owing_order = o["id"]
    # a walk-in sale and a cash drop
    t1.walk_in(
        [("Free-range eggs", 2, 450), ("Kale", 1, 150)],
        [("cash", 1050, 2000)],
        at="2026-11-26T11:15:00Z",
    )
    t1.cash_movement(-1000, "Cash to the safe")
    # collected by mistake, then reversed (and not collected again)
    o = due61[5]
    wrong = t1.collect(
        o["id"], payments=[("cash", o["total"], o["total"])], at="2026-11-26T11:20:00Z"
    )
    t1.reverse(wrong)
    day.reversed_order = o["id"]
    # collected, reversed, collected again by card
    o = due61[6]
    first = t1.collect(
        o["id"], payments=[("cash", o["total"], o["total"])], at="2026-11-26T11:25:00Z"
    )
    t1.reverse(first)
    t1.collect(o["id"], payments=[("card", o["total"], o["total"])], at="2026-11-26T11:31:00Z")
    day.collected.append(o["id"])
    t1.close_session(counted=5000 + _cash(store, t1) - 1000 - 200, note="£2 short, coins")

    t2 = Till(store, "T2", "Łukasz Nowak", 62)
    t2.open_session(3000, at="2026-11-26T09:30:00Z")
    for o in paid62[:3]:
        t2.collect(o["id"], at="2026-11-26T09:40:00Z")
        day.collected.append(o["id"])
    for o in due62[:2]:
        t2.collect(o["id"], payments=[("local", o["total"], o["total"])], at="2026-11-26T10:10:00Z")
        day.collected.append(o["id"])
    # an order of pickup point 63 collected at point 62's till
    o = due63[0]
    t2.collect(o["id"], payments=[("cash", o["total"], o["total"])], at="2026-11-26T10:12:00Z")
    day.cross_point_order = o["id"]
    day.collected.append(o["id"])

    # no-show marked by staff (through the code under test in tests that need it)
    day.no_show = due62[2]["id"]

    sync_results(store, day)
    return day


def _cash(store: Store, till: Till) -> int:
    return int(
        store.scalar(
            "SELECT COALESCE(SUM(p.amount), 0) FROM payments p JOIN checkouts c ON c.id ="
            " p.checkout_id WHERE c.session_id = ? AND p.method = 'cash'",
            (till.session_id,),
        )
    )


def sync_results(store: Store, day: Day) -> None:
    """Outbox states and staff actions as the sync push leaves them (until it is merged)."""
    for oid in day.collected[:6]:
        set_outbox_status(store, oid, "done")
    day.staff_order = day.owing_order
    set_outbox_status(store, day.staff_order, "needs_staff")
    day.action_ids.append(
        add_staff_action(
            store,
            order_id=day.staff_order,
            kind="unpaid_handover",
            reason="Handed over unpaid: record the payment when it arrives",
        )
    )
    day.conflict_order = _orders(store, 62, "balance_due")[0]["id"]
    set_outbox_status(store, day.conflict_order, "conflict", "cancelled in OFN after download")
    day.action_ids.append(
        add_staff_action(
            store,
            order_id=day.conflict_order,
            kind="conflict",
            reason="OFN cancelled this order after the till downloaded it",
        )
    )
    credit = store.scalar(
        "SELECT credit_amount FROM checkouts WHERE order_id = ? AND kind = 'collection'"
        " AND reversed_at IS NULL",
        (day.credit_order,),
    )
    day.action_ids.append(
        add_staff_action(
            store,
            order_id=day.credit_order,
            kind="credit",
            amount=credit,
            method="card",
            reason="Refund the missing items in OFN",
        )
    )
    day.waiting_order = _orders(store, 63, "balance_due")[0]["id"]
    set_outbox_status(store, day.waiting_order, "failed", "OFN timed out (504)")
    set_outbox_status(store, day.credit_order, "needs_staff")


# independent computation -------------------------------------------------------------
def raw(store: Store, table: str) -> list[dict[str, Any]]:
    return [dict(r) for r in store.query(f"SELECT * FROM {table}")]


@dataclass
class Expected:
    counts: dict[str, int]
    expected: int
    recorded: int
    left_owing: int
    credit: int
    by_method: dict[str, int]
    walk_ins: int


def recompute(store: Store, point: int | None) -> Expected:
    """Plain Python over the raw rows: only LIVE checkouts, so reversals are simply skipped
    (the code under test sums every row and lets reversals cancel: both must agree)."""
    orders = {o["id"]: o for o in raw(store, "orders")}
    checkouts = raw(store, "checkouts")
    live = [c for c in checkouts if c["kind"] != "reversal" and c["reversed_at"] is None]
    lines = defaultdict(list)
    for line in raw(store, "checkout_lines"):
        lines[line["checkout_id"]].append(line)
    no_shows = {n["order_id"] for n in raw(store, "no_shows")}
    live_by_order = {c["order_id"]: c for c in live if c["kind"] == "collection"}
    counts = dict.fromkeys(
        ("collected", "partly_collected", "not_collected", "no_show", "cancelled"), 0
    )
    for o in orders.values():
        if point is not None and o["pickup_point_id"] != point:
            continue
        c = live_by_order.get(o["id"])
        if c is not None:
            short = any(x["status"] in ("short", "missing") for x in lines[c["id"]])
            counts["partly_collected" if short else "collected"] += 1
        elif o["state"] == "canceled":
            counts["cancelled"] += 1
        elif o["id"] in no_shows:
            counts["no_show"] += 1
        else:
            counts["not_collected"] += 1

    def where(c: dict[str, Any]) -> int | None:
        if c["pickup_point_id"] is not None:
            return c["pickup_point_id"]
        return orders[c["order_id"]]["pickup_point_id"] if c["order_id"] else None

    mine = [c for c in live if point is None or where(c) == point]
    ids = {c["id"] for c in mine}
    by_method: dict[str, int] = defaultdict(int)
    for p in raw(store, "payments"):
        if p["checkout_id"] in ids:
            by_method[p["method"]] += p["amount"]
    return Expected(
        counts=counts,
        expected=sum(c["amount_due"] for c in mine),
        recorded=sum(by_method.values()),
        left_owing=sum(c["left_owing"] for c in mine),
        credit=sum(c["credit_amount"] for c in mine),
        by_method=dict(by_method),
        walk_ins=sum(c["amount_due"] for c in mine if c["kind"] == "walk_in"),
    )


def recompute_sync(store: Store, point: int | None) -> dict[str, int]:
    """Orders per sync status, from the raw outbox and staff_actions rows."""
    orders = {o["id"]: o for o in raw(store, "orders")}
    actions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for a in raw(store, "staff_actions"):
        if a["order_id"] is not None:
            actions[a["order_id"]].append(a)
    counts = dict.fromkeys(("done", "waiting", "needs_staff", "staff_done", "conflict"), 0)
    for row in raw(store, "outbox"):
        if point is not None and orders[row["order_id"]]["pickup_point_id"] != point:
            continue
        mine = actions[row["order_id"]]
        still_open = any(a["done_at"] is None for a in mine)
        if row["status"] == "conflict":
            key = "conflict"
        elif still_open:
            key = "needs_staff"
        elif row["status"] in ("needs_staff", "done"):
            key = "staff_done" if mine else ("done" if row["status"] == "done" else "needs_staff")
        else:
            key = "waiting"
        counts[key] += 1
    return counts
