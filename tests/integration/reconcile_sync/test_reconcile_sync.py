"""Reconcile after a REAL day: collections by the checkout service, a real push to the OFN
simulator over HTTP (captures, ships, staff actions, conflicts), then hub staff work through
the window: figures against plain Python over the rows, the OFN to-do list, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView

from pos.domain.checkout import Tender, WalkInItem
from pos.domain.money import format_money
from pos.store import Store
from pos.store.orders import OrderRepository
from tests.helpers.reconcile.day import recompute
from tests.helpers.reconcile.real_day import RealTill
from tests.helpers.wait import settle

push = pytest.importorskip("sync.push").push
declare_paid_at_pickup = pytest.importorskip("tests.ofn_sim.fixtures").declare_paid_at_pickup


def gbp(minor: int) -> str:
    return format_money(minor, "GBP", "en_GB")


def rows(view: QTableView) -> list[list[str]]:
    m = view.model()
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def _by_state(store: Store, payment_state: str) -> list[tuple[int, str, int, int]]:
    return [
        (r["id"], r["number"], r["total"], r["pickup_point_id"])
        for r in store.query(
            "SELECT * FROM orders WHERE payment_state = ? AND state != 'canceled'"
            " ORDER BY pickup_point_id, id",
            (payment_state,),
        )
    ]


@pytest.fixture
def synced_day(pulled_store, ofn_sim, ofn_client, hub_db: Path):
    store = pulled_store
    declare_paid_at_pickup(store)  # "Cash on pickup" is paid at the pickup point, as cash
    due, paid = _by_state(store, "balance_due"), _by_state(store, "paid")
    till = RealTill(store, "T1", "Ana Müller", due[0][3])
    till.open(2000)
    cases: dict[str, tuple[int, str, int]] = {}

    def note(name: str, order: tuple[int, str, int, int]) -> None:
        cases[name] = order[:3]

    note("cash", due[0])
    till.collect(due[0][0], [Tender("cash", due[0][2] + 80)])
    note("paid_online", paid[0])
    till.collect(paid[0][0])
    note("card", due[1])
    till.collect(due[1][0], [Tender("card", due[1][2])])
    note("unpaid", due[2])
    till.collect(due[2][0], note="forgot the purse, pays online")
    note("missing", paid[1])
    line = store.scalar("SELECT id FROM line_items WHERE order_id = ? ORDER BY position",
                        (paid[1][0],))  # fmt: skip
    till.collect(paid[1][0], missing=[line])
    for name, order in (("keep", due[3]), ("accept", due[4])):
        note(name, order)
        till.collect(order[0], [Tender("cash", order[2])])
        ofn_sim.edit(order[1], total="12.34")  # staff edited the order in OFN meanwhile
    till.checkout.sell_walk_in([WalkInItem("Honey", 950, 1)], [Tender("cash", 1000)])
    report = push(ofn_client, store)
    assert sorted(n for n, _ in report.conflicts) == sorted([cases["keep"][1],
                                                             cases["accept"][1]])  # fmt: skip
    assert ofn_sim.captures[cases["cash"][1]] == 1 and ofn_sim.ships[cases["cash"][1]] == 1
    return store, cases


def open_window(qtbot, hub_db: Path):
    from pos.app import create_window
    from pos.ui.reconcile_window import ReconcileWindow

    win = create_window(hub_db)
    qtbot.addWidget(win)
    rw = ReconcileWindow(win.services, "Office Olga", win)
    qtbot.addWidget(rw)
    rw.show()
    settle(qtbot, rw)
    return win, rw


def order_row(rw, number: str) -> list[str]:
    status = rw.findChild(QComboBox, "ordersStatusFilter")
    status.setCurrentIndex(0)
    return next(r for r in rows(rw.findChild(QTableView, "ordersTable")) if r[0] == number)


def test_sync_status_and_to_do_after_a_real_push(synced_day, qtbot, hub_db, ofn_sim, ofn_client):
    store, cases = synced_day
    store.close()  # the window opens the file as the till would
    win, rw = open_window(qtbot, hub_db)
    want = recompute(win.services.store, None)
    for status, name in (
        ("collected", "countCollected"),
        ("partly_collected", "countPartlyCollected"),
        ("not_collected", "countNotCollected"),
    ):
        assert rw.findChild(QLabel, name).text() == str(want.counts[status])
    assert rows(rw.findChild(QTableView, "moneyTable"))[-1][4] == gbp(want.recorded)
    sync = {name: order_row(rw, number)[11] for name, (_, number, _) in cases.items()}
    assert sync == {
        "cash": "Pushed and verified", "paid_online": "Pushed and verified",
        "card": "Needs staff action", "unpaid": "Needs staff action",
        "missing": "Needs staff action", "keep": "Conflict with OFN",
        "accept": "Conflict with OFN",
    }  # fmt: skip
    actions = rows(rw.findChild(QTableView, "actionsTable"))
    by_order = {r[0]: r for r in actions}
    card = by_order[cases["card"][1]]
    assert (card[2], card[4], card[5]) == ("Enter the payment", gbp(cases["card"][2]),
                                           "Card (terminal)")  # fmt: skip
    assert by_order[cases["unpaid"][1]][2] == "Handed over unpaid"
    assert by_order[cases["missing"][1]][2] == "Refund or credit"
    assert by_order[cases["keep"][1]][2] == "Conflict"
    walk_in = [r for r in actions if r[2] == "Record the walk-in sale"]
    assert len(walk_in) == 1 and walk_in[0][0].startswith("T1-") and walk_in[0][4] == gbp(950)
    # every open action in the database is listed, with the OFN page to open
    open_n = win.services.store.scalar("SELECT COUNT(*) FROM staff_actions WHERE done_at IS NULL")
    assert len(actions) == open_n
    win.close()


def test_staff_resolve_conflicts_from_the_window(synced_day, qtbot, hub_db, ofn_sim, ofn_client):
    store, cases = synced_day
    store.close()
    win, rw = open_window(qtbot, hub_db)
    s = win.services.store
    assert rw.service.can_resolve_conflicts
    ids = {name: oid for name, (oid, _, _) in cases.items()}

    def action_for(order_id: int) -> str:
        return str(s.scalar("SELECT id FROM staff_actions WHERE order_id = ? AND kind ="
                            " 'conflict' AND done_at IS NULL", (order_id,)))  # fmt: skip

    assert rw.select_action(action_for(ids["keep"]))
    keep_button = rw.findChild(QPushButton, "keepLocalButton")
    assert keep_button.isEnabled()
    qtbot.mouseClick(keep_button, Qt.MouseButton.LeftButton)
    settle(qtbot, rw)
    assert "Kept" in rw.findChild(QLabel, "reconcileMessage").text()
    assert order_row(rw, cases["keep"][1])[11] == "Waiting to push"
    assert rw.select_action(action_for(ids["accept"]))
    qtbot.mouseClick(rw.findChild(QPushButton, "acceptOfnButton"), Qt.MouseButton.LeftButton)
    settle(qtbot, rw)
    accepted = order_row(rw, cases["accept"][1])
    assert accepted[3] == "Not collected"  # the till's collection was reversed
    audit = s.query("SELECT actor, details FROM audit_log WHERE action ="
                    " 'sync.conflict.resolved' ORDER BY id")  # fmt: skip
    assert [a["actor"] for a in audit] == ["Office Olga", "Office Olga"]
    assert OrderRepository(s).get(ids["accept"]).total == 1234  # type: ignore[union-attr]
    # figures still match the rows: the reversal refunded the cash by the same method
    want = recompute(s, None)
    assert rw.findChild(QLabel, "countNotCollected").text() == str(want.counts["not_collected"])
    money = rows(rw.findChild(QTableView, "moneyTable"))[-1]
    assert (money[3], money[4]) == (gbp(want.expected), gbp(want.recorded))
    # the next push settles both: kept -> staff enter the payment; accepted -> nothing to do
    push(ofn_client, s)
    rw.refresh()
    settle(qtbot, rw)
    assert order_row(rw, cases["keep"][1])[11] == "Needs staff action"
    # accepted: OFN's state stands, the conflict action was closed by the resolution
    assert order_row(rw, cases["accept"][1])[11] == "Staff action done"
    assert order_row(rw, cases["accept"][1])[3] == "Not collected"
    win.close()


def test_figures_and_report_per_point_after_a_real_push(synced_day, tmp_path):
    import csv

    from pos.services.reconcile import ReconcileService
    from tests.helpers.reconcile.day import recompute_sync

    store, cases = synced_day
    svc = ReconcileService(store)
    points = [None, *sorted({p.id for p in svc.pickup_points()})]
    for point in points:
        view, want = svc.overview(point_id=point), recompute(store, point)
        assert view.total.counts == want.counts, point
        m = view.total.money
        assert (m.expected, m.recorded, m.left_owing, m.credit_owed) == (
            want.expected,
            want.recorded,
            want.left_owing,
            want.credit,
        ), point
        assert {x.method: x.amount for x in m.by_method} == want.by_method, point
        out = svc.export_csv(tmp_path / f"r{point}.csv", point_id=point)
        with open(out, encoding="utf-8", newline="") as fh:
            body = list(csv.DictReader(fh))
        sync = {x["status"]: int(x["count"]) for x in body if x["section"] == "sync"}
        assert sync == recompute_sync(store, point), point
    # the to-do list in the report is exactly the open staff actions
    with open(tmp_path / "rNone.csv", encoding="utf-8", newline="") as fh:
        body_all = list(csv.DictReader(fh))
    todo = [x for x in body_all if x["section"] == "to_do"]
    assert len(todo) == store.scalar("SELECT COUNT(*) FROM staff_actions WHERE done_at IS NULL")
    card = next(x for x in todo if x["item"] == cases["card"][1])
    assert (card["status"], card["method"]) == ("enter_payment", "card")
    assert card["amount"] == f"{cases['card'][2] / 100:.2f}"
