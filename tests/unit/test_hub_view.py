"""The hub's view per till and per pickup point, on real databases merged through a real
journal folder: figures equal plain sums over the rows, two laptops both called "T1" stay
two tills, and the CSV says the same."""

from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal
from pathlib import Path

from pos.services.reconcile import ReconcileService
from tests.helpers.journal import Till, new_till


def orders(till: Till, n: int, offset: int = 0) -> list[int]:
    return [
        int(r["id"])
        for r in till.store.query(
            "SELECT id FROM orders WHERE state = 'complete' AND pickup_point_id = 61"
            " ORDER BY id LIMIT ? OFFSET ?",
            (n, offset),
        )
    ]


def test_two_tills_called_t1_are_two_lines_with_their_own_sums(demo_db: Path, tmp_path: Path):
    folder = tmp_path / "journal"
    folder.mkdir()
    a = new_till(demo_db, tmp_path / "a.sqlite", "T1")
    staff = new_till(demo_db, tmp_path / "staff.sqlite", "T1")  # the same label, by mistake
    try:
        a.till.open("Ana", 1500, pickup_point_id=61)
        for oid in orders(a, 4):
            a.collect(oid, "cash")
        staff.till.open("Olga", 0, pickup_point_id=61)
        for oid in orders(staff, 3, offset=4):
            staff.collect(oid, "card")
        a.journal.write_pending(folder)
        assert staff.journal.merge(folder).merged > 0

        service = ReconcileService(staff.store)
        view = service.overview()
        lines = {t.till_uid: t for t in view.tills}
        assert set(lines) == {a.uid, staff.uid}
        labels = {t.label for t in view.tills}
        assert len(labels) == 2 and all(label.startswith("T1 · ") for label in labels)
        assert lines[staff.uid].is_this_till and not lines[a.uid].is_this_till
        assert lines[a.uid].reported_at is not None  # read from the journal folder
        for uid, line in lines.items():
            rows = staff.store.query(
                "SELECT c.kind, c.reversed_at, p.method, p.amount FROM checkouts c"
                " LEFT JOIN payments p ON p.checkout_id = c.id WHERE c.till_uid = ?",
                (uid,),
            )
            live = staff.store.scalar(
                "SELECT COUNT(*) FROM checkouts WHERE till_uid = ? AND kind = 'collection'"
                " AND reversed_at IS NULL",
                (uid,),
            )
            by_method: Counter[str] = Counter()
            for r in rows:
                if r["method"] is not None:
                    by_method[r["method"]] += r["amount"]
            assert line.collections == live
            assert {m.method: m.amount for m in line.by_method} == dict(by_method)
            assert line.recorded == sum(by_method.values())
            assert line.sessions == 1 and line.open_sessions == 1
            assert line.pickup_points == ("St Mark's Hall",)
        # the whole hub: the per-point money is the sum of the tills'
        assert view.total.money.recorded == sum(t.recorded for t in view.tills)

        target = service.export_csv(tmp_path / "day.csv")
        with target.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        money = {r["item"]: r for r in rows if r["section"] == "till_money"}
        assert set(money) == labels
        for t in view.tills:
            assert Decimal(money[t.label]["recorded"]) == Decimal(t.recorded) / 100
        counts = {
            (r["item"], r["status"]): int(r["count"]) for r in rows if r["section"] == "till_count"
        }
        assert counts[(lines[a.uid].label, "collections")] == 4
        assert counts[(lines[staff.uid].label, "collections")] == 3
        sessions = [r for r in rows if r["section"] == "point_sessions"]
        assert sum(int(r["count"]) for r in sessions[:-1]) == int(sessions[-1]["count"]) == 2
    finally:
        a.close()
        staff.close()
