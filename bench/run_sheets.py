"""Benchmark: run sheets for 300 delivery orders in 5 rounds, time and pages.

    python -m bench.run_sheets [--orders 300] [--rounds 5] [--repeat 3]

Method: a 1,200-order demo hub (seed 1) is written to a temporary folder; ``--orders`` of
its orders become home deliveries with ship addresses (``pos.services.demo.add_deliveries``,
3 without a street) shared by ``--rounds`` delivery methods, one round each. The whole
``lists --kind run-sheet`` path (queries, stop ordering, PDFs written) is timed with
``perf_counter``, best of ``--repeat``; pages are counted with pypdf.

Baselines in the same run: the stop computation alone (queries, addresses, bags, sorting,
no PDF), and the collection sheet (``--kind sheet``) for the same orders' pickup points,
an existing PDF of one row per order without QR codes.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from pos.services.demo import add_deliveries, write_demo
from pos.services.lists import ListRequest, ListsService
from pos.services.rounds import RunSheets
from pos.store import Store

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = write_demo(Path(tmp) / "hub.sqlite", orders=max(1200, args.orders * 2))
        with Store.open(db) as store:
            add_deliveries(store, orders=args.orders, methods=args.rounds, missing_addresses=3)
            service = ListsService(store)
            out = Path(tmp) / "out"
            stops = best(lambda: RunSheets(store).run_sheets(), args.repeat)
            paths: list[Path] = []

            def sheets() -> None:
                paths[:] = service.generate(ListRequest(kinds=("run-sheet",)), out, now=NOW)

            total = best(sheets, args.repeat)
            pages = [len(PdfReader(p).pages) for p in paths]
            stops_per = [len(s.stops) for s in RunSheets(store).run_sheets()]
            baseline = best(
                lambda: service.generate(ListRequest(kinds=("sheet",)), Path(tmp) / "b", now=NOW),
                args.repeat,
            )
    print(f"run sheets: {len(paths)} files, stops {stops_per}, pages {pages} (total {sum(pages)})")
    print(f"  all run sheets (queries + PDFs): {total:.2f} s (best of {args.repeat})")
    print(f"  baseline, stops only (no PDF):   {stops:.3f} s")
    print(f"  baseline, collection sheets of the whole 1,200-order hub: {baseline:.2f} s")


if __name__ == "__main__":
    main()
