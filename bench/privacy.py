"""Retention purge cost: the check at every start and sync, one whole cycle purged, and how
long a till writing meanwhile waits (``python -m bench.privacy --orders 20000``).

A second connection takes the write lock (``BEGIN IMMEDIATE``) every 20 ms while the purge
runs, as a checkout would; its longest wait is what a volunteer could notice.
"""

from __future__ import annotations

import argparse
import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta

from bench.common import demo_db, fresh_copy, pct, timings_ms
from pos.domain import settings as s
from pos.services.demo import DEMO_CYCLE_ID
from pos.services.privacy import PrivacyService
from pos.store import Store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=20_000)
    args = parser.parse_args()
    db = fresh_copy(demo_db(args.orders), f"privacy-{args.orders}.sqlite")
    with Store.open(db) as store:
        idle = timings_ms(lambda: PrivacyService(store).purge(), repeat=20)
        raw = timings_ms(
            lambda: store.query("SELECT DISTINCT order_cycle_id FROM orders"), repeat=20
        )
        print(f"{args.orders} orders, nothing to purge (every start and sync):"
              f" p50 {pct(idle, 50):.1f} ms, p95 {pct(idle, 95):.1f} ms"
              f" (raw DISTINCT cycle scan p95 {pct(raw, 95):.1f} ms)")  # fmt: skip
        store.settings.set(s.ORDER_CYCLE_ID, DEMO_CYCLE_ID + 1)
        waits: list[float] = []
        stop = threading.Event()

        def till() -> None:
            conn = sqlite3.connect(db, timeout=30)
            while not stop.is_set():
                start = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("COMMIT")
                waits.append((time.perf_counter() - start) * 1000)
                time.sleep(0.02)
            conn.close()

        thread = threading.Thread(target=till)
        thread.start()
        later = datetime.now(UTC) + timedelta(days=60)
        report = PrivacyService(store, clock=lambda: later).purge()
        stop.set()
        thread.join()
        worst, p95 = max(waits), pct(waits, 95)
        print(f"purge of one cycle: {report.orders} orders, {report.customers} customers in"
              f" {report.seconds:.1f} s; a till writing meanwhile waited at most"
              f" {worst:.0f} ms (p95 {p95:.0f} ms, {len(waits)} writes)")  # fmt: skip
        after = timings_ms(lambda: PrivacyService(store).purge(), repeat=20)
        print(f"after the purge, nothing left: p95 {pct(after, 95):.1f} ms")


if __name__ == "__main__":
    main()
