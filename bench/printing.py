"""Printing benchmarks: ``python -m bench.printing [--jobs N] [--runs N]``.

1. Render a 30-line receipt to ESC/POS bytes (layout + python-escpos), against a raw
   ``Dummy`` write of the same bytes (the floor for anything going through python-escpos).
2. Jobs per minute through the emupos emulator over TCP (queue claim, render from SQLite,
   status check, send, mark done), against raw socket sends of the same pre-rendered bytes.
3. Time from confirming a sale (the real checkout service: its transaction, then its print
   job) to the bytes handed to the printer by the worker loop polling every 0.25 s, and for
   a job queued through PrintJobs.enqueue (which wakes the worker); against rendering and
   sending directly with no queue.

Each figure is a median over the runs, measured in the same process on the same machine.
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from escpos.printer import Dummy

from pos.domain.checkout import Tender, WalkInItem
from pos.services.context import Services
from pos.services.demo import write_demo
from pos.services.orders import OrderBrowser
from pos.services.print_loop import PrintLoop, wait_until
from pos.services.printing import PrintService
from pos.store import Store
from receipts.escpos_render import PrinterSetup, render
from receipts.printers import parse_uri, send
from receipts.receipt import layout_receipt
from tests.helpers import checkout_rows


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _thirty_line_sale(store: Store, session: str) -> str:
    items = [
        (f"Product number {i} with a longer name", "500g", 1 + i % 3, 150 + i) for i in range(30)
    ]
    return checkout_rows.walk_in(store, session_id=session, items=items, tendered=100000)


def _done(service: PrintService, job_id: str) -> bool:
    job = service.jobs.get(job_id)
    return job is not None and job.status == "done"


def bench_render(service: PrintService, checkout: str, runs: int) -> None:
    settings = service.settings()
    setup = PrinterSetup("TM-T20II", 80)
    data = service.receipt_data(checkout, settings)

    def full() -> bytes:
        return render(layout_receipt(data, setup.line_columns, setup.code_pages()), setup)

    payload = full()

    def raw() -> bytes:
        dummy = Dummy(profile="TM-T20II")
        dummy._raw(payload)
        return bytes(dummy.output)

    job = service.jobs.get(service.jobs.enqueue("receipt", checkout))
    assert job is not None

    def from_store() -> bytes:
        return service.render_job(job, settings)

    print(f"1. render a 30-line receipt ({len(payload)} bytes, {len(data.lines)} lines)")
    print(f"   layout + ESC/POS render          {_median_ms(full, runs):8.2f} ms")
    print(f"   same, reading the store first    {_median_ms(from_store, runs):8.2f} ms")
    print(f"   baseline: raw Dummy write        {_median_ms(raw, runs):8.3f} ms")


def bench_emupos(store: Store, checkout: str, jobs: int, workdir: Path) -> None:
    from tests.helpers.emupos import Emupos, EmuposUnavailable

    try:
        emulator = Emupos(workdir, idle_timeout_ms=300).start()
    except EmuposUnavailable as exc:
        print(f"2./3. skipped: emupos is not available ({exc})")
        return
    try:
        service = PrintService(store, printer_uri=emulator.uri)
        job = service.jobs.get(service.jobs.enqueue("receipt", checkout))
        assert job is not None
        payload = service.render_job(job)
        service.jobs.mark_done(job.id)

        def until_printed(count: int) -> None:
            emulator.wait_receipts(count, timeout=120)

        for _ in range(jobs):
            service.jobs.enqueue("receipt", checkout)
        start = time.perf_counter()
        printed = 0
        while (outcome := service.process_next()) is not None:
            printed += outcome.printed
        handed_s = time.perf_counter() - start
        until_printed(jobs)
        queued_s = time.perf_counter() - start
        address = parse_uri(emulator.uri)
        start = time.perf_counter()
        for _ in range(jobs):
            with socket.create_connection((address.host, address.port), timeout=5) as sock:
                sock.sendall(payload)
        until_printed(2 * jobs)
        raw_s = time.perf_counter() - start
        print(f"2. jobs per minute through emupos ({jobs} receipts of {len(payload)} bytes,")
        print("   until the emulator has rendered every receipt)")
        per_min = printed / queued_s * 60
        print(f"   print queue (claim, render, status, send, mark) {per_min:8.0f} /min")
        print(f"     handed to the printer after {handed_s * 1000 / jobs:8.1f} ms per job")
        print(f"   baseline: raw socket send of the same bytes     {jobs / raw_s * 60:8.0f} /min")

        # Confirming a sale through the real checkout service: it commits, then inserts the
        # print job; the worker finds it at its next poll (0.25 s in the app).
        services = Services(store, OrderBrowser(store))
        if services.till.current() is None:
            services.till.open("Bench", 5000)
        latencies: dict[str, list[float]] = {"polling": [], "enqueue": []}
        for mode in latencies:
            loop = PrintLoop(PrintService(store.reader(), printer_uri=emulator.uri), poll=0.25)
            thread = threading.Thread(target=loop.run)
            thread.start()
            try:
                time.sleep(0.3)
                for _ in range(max(5, jobs // 3)):
                    start = time.perf_counter()
                    if mode == "polling":  # what "Confirm" does at the till
                        result = services.checkout.sell_walk_in(
                            [WalkInItem("Kale", 150, 1, "Bunch")], [Tender("card", 150)]
                        )
                        job_id = result.print_job_id or ""
                    else:  # queued through PrintJobs.enqueue, which wakes the worker
                        job_id = service.jobs.enqueue("receipt", checkout)
                    wait_until(lambda j=job_id: _done(service, j), 10, 0.002)
                    latencies[mode].append((time.perf_counter() - start) * 1000)
                    time.sleep(random.uniform(0.0, 0.5))  # arrive anywhere in the poll cycle
            finally:
                loop.stop()
                thread.join(5)

        def direct() -> None:
            send(address, service.render_job(job))  # type: ignore[arg-type]

        print("3. confirm checkout -> bytes handed to the printer (median)")
        polled, woken = (statistics.median(latencies[k]) for k in ("polling", "enqueue"))
        print(f"   checkout service, worker polls 0.25 s  {polled:8.1f} ms")
        print(f"   job queued through PrintJobs (wakes)   {woken:8.1f} ms")
        print(f"   baseline: render + send directly       {_median_ms(direct, 10):8.1f} ms")
    finally:
        emulator.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=30)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="bench-printing-"))
    try:
        db = write_demo(workdir / "hub.sqlite", orders=180, seed=1)
        with Store.open(db) as store:
            session = checkout_rows.open_session(store)
            checkout = _thirty_line_sale(store, session)
            service = PrintService(store)
            bench_render(service, checkout, args.runs)
            bench_emupos(store, checkout, args.jobs, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
