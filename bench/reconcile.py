"""Reconciliation on a big collection day, next to the raw aggregate queries beneath it.

A demo hub (default 5,000 orders) where the real checkout service collected 60% of the
orders (paid online, cash with change, card, part-paid), with walk-ins and a few
reversals, then: the reconcile overview for all pickup points, the end-of-day CSV and PDF.

Baseline, in the same run: the bare SQL a reconcile needs at minimum (order count by
state, SUM of amount_due and payments by method over checkouts), without classification.

    python -m bench.reconcile [--orders 5000]
"""

from __future__ import annotations

import argparse
import random
import time

from bench.common import OUT, demo_db, fresh_copy, machine, summary, timings_ms
from pos.domain.checkout import Tender, WalkInItem
from pos.services.checkout import CheckoutService
from pos.services.reconcile import ReconcileService
from pos.services.roles import StaffRoles
from pos.services.till import TillService
from pos.store import Store


def populate(store: Store, share: float, seed: int = 3) -> int:
    rng = random.Random(seed)
    roles = StaffRoles(store)
    till = TillService(store, roles)
    checkout = CheckoutService(store, till, roles)
    till.open("Bench Volunteer", 10_000)
    orders = store.query("SELECT id, total, payment_total FROM orders WHERE state != 'canceled'")
    chosen = rng.sample(orders, int(len(orders) * share))
    done = 0
    for i, o in enumerate(chosen):
        draft = checkout.start(o["id"])
        due = draft.handover().amount_due
        roll = rng.random()
        if due <= 0:
            tenders: list[Tender] = []
        elif roll < 0.5:
            tenders = [Tender("cash", due + rng.choice((0, 37, 500)))]
        elif roll < 0.8:
            tenders = [Tender("card", due)]
        else:
            tenders = [Tender("cash", max(1, due // 2))]
        note = "pays the rest online" if roll >= 0.8 and due > 0 else ""
        result = checkout.collect(draft, tenders, note=note)
        done += 1
        if i % 50 == 0:
            checkout.sell_walk_in([WalkInItem("Eggs", 450, 2)], [Tender("cash", 900)])
        if i % 97 == 0:
            checkout.reverse(result.checkout.id, "bench undo")
    return done


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    print(f"# reconcile benchmark: {args.orders:,} orders, {machine()}")
    db = fresh_copy(demo_db(args.orders), "bench-reconcile.sqlite")
    store = Store.open(db)
    t0 = time.perf_counter()
    collected = populate(store, 0.6)
    print(
        f"{collected:,} collections by the real checkout service in "
        f"{time.perf_counter() - t0:.1f} s"
    )
    svc = ReconcileService(store)
    conn = store.db.conn

    def baseline() -> None:
        conn.execute("SELECT state, COUNT(*) FROM orders GROUP BY state").fetchall()
        conn.execute(
            "SELECT kind, SUM(amount_due), SUM(left_owing) FROM checkouts GROUP BY kind"
        ).fetchall()
        conn.execute("SELECT method, SUM(amount) FROM payments GROUP BY method").fetchall()

    rows = [
        ("raw aggregates (baseline)", timings_ms(baseline, args.repeat)),
        ("overview, all pickup points", timings_ms(lambda: svc.overview(), args.repeat)),
        ("overview, one pickup point", timings_ms(lambda: svc.overview(point_id=61), args.repeat)),
        (
            "report CSV (all)",
            timings_ms(lambda: svc.export_csv(OUT / "bench.csv"), args.repeat, warmup=1),
        ),
        (
            "report PDF (all)",
            timings_ms(
                lambda: svc.export_pdf(OUT / "bench.pdf"), max(3, args.repeat // 3), warmup=1
            ),
        ),
    ]
    for name, values in rows:
        print(f"{name:32s} {summary(values)}")
    pages = (OUT / "bench.pdf").read_bytes().count(b"/Type /Page\n") or "?"
    print(f"PDF size {(OUT / 'bench.pdf').stat().st_size / 1e3:.0f} kB, pages ~{pages}")
    store.close()


if __name__ == "__main__":
    main()
