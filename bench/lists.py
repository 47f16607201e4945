"""Benchmark: every list document for a 2,000-order cycle, time and peak memory.

    python -m bench.lists [--orders 2000] [--db PATH] [--no-memory]

Method: a demo hub of ``--orders`` orders (``python main.py demo``, seed 1) is written to a
temporary folder unless ``--db`` is given. Each kind of document is generated on its own
(all producers, all pickup points, A4), timed with ``perf_counter``; then again under
``tracemalloc`` for the peak of Python allocations (that run is slower, its time is not
reported). The process's peak RSS (``getrusage``) is printed at the end.

Then the full set again as the app makes it: every document through the process pool
(``pos.services.processes``, one worker per core, started and warmed first; the pool's
start is timed apart), with the workers' peak RSS (``RUSAGE_CHILDREN`` once they exit).

Baselines measured in the same run:
- the packing queries alone (the SQL that loads the cycle), and
- reportlab drawing the same number of table rows as plain text lines (DejaVu Sans,
  one ``drawString`` per row, same page count logic), i.e. the cost of the raw text
  without tables, wrapping, headers and page numbering.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def _pages_and_rows(paths: list[Path]) -> tuple[int, int]:
    """Pages, and printed lines as ``pdftotext -layout`` sees them (a table row is one)."""
    from pypdf import PdfReader

    pages = rows = 0
    for path in paths:
        pages += len(PdfReader(path).pages)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        rows += sum(1 for line in text.splitlines() if line.strip())
    return pages, rows


def _plain_lines(count: int) -> float:
    """Baseline: ``count`` lines of text drawn with the same embedded font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from receipts.pdf import fonts

    fonts.register()
    start = time.perf_counter()
    canvas = Canvas(io.BytesIO(), pagesize=A4, invariant=1)
    y = 800.0
    for i in range(count):
        if y < 40:
            canvas.showPage()
            y = 800.0
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.drawString(40, y, f"R{100000000 + i} Zoë Müller · Free-range eggs Dozen {i % 7}")
        y -= 12
    canvas.showPage()
    canvas.save()
    return time.perf_counter() - start


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pool_run(service: object, work: Path) -> dict[str, float]:
    """The full set through the app's process pool: wall time, the pool's start, workers,
    peak RSS and CPU time (user + system) of each worker and of this process."""
    from pos.services import processes
    from pos.services.lists import ListRequest

    t = time.perf_counter()
    for started in processes.warm_up():
        started.result()
    start_s = time.perf_counter() - t
    pids = list(processes.pool()._processes)
    before = {pid: _cpu_seconds(pid) for pid in pids}
    cpu = time.process_time()
    t = time.perf_counter()
    service.generate(  # type: ignore[attr-defined]
        ListRequest(), work / "pool", now=NOW, executor=processes.pool()
    )
    elapsed = time.perf_counter() - t
    parent_cpu = time.process_time() - cpu
    worker_cpu = [_cpu_seconds(pid) - before[pid] for pid in pids]
    # Each worker's own high-water mark (ru_maxrss of children would count this process's
    # peak too: a spawned child starts as a fork of it).
    peaks = [0.0]
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    processes.shutdown()
    return {
        "wall": elapsed,
        "start": start_s,
        "workers": processes.workers(),
        "rss": max(peaks),
        "parent_cpu": parent_cpu,
        "worker_cpu_max": max(worker_cpu, default=0.0),
        "worker_cpu_sum": sum(worker_cpu),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lists", description=__doc__)
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--db", help="use this database instead of a fresh demo hub")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    args = parser.parse_args(argv)

    from pos.services.demo import write_demo
    from pos.services.lists import KINDS, ListRequest, ListsService
    from pos.store import Store
    from pos.store.packing import PackingQueries

    work = Path(tempfile.mkdtemp(prefix="bench-lists-"))
    if args.db:
        db = Path(args.db)
    else:
        db = work / "hub.sqlite"
        t = time.perf_counter()
        write_demo(db, orders=args.orders)
        print(f"demo hub: {args.orders} orders written in {time.perf_counter() - t:.1f} s")
    store = Store.open(db, lock=False)
    service = ListsService(store)
    cycle = service.queries.cycle()
    assert cycle is not None
    orders = PackingQueries(store).orders(cycle.id)
    lines = sum(len(o.line_items) for o in orders)
    version = sys.version.split()[0]
    print(f"cycle {cycle.id}: {len(orders)} live orders, {lines} lines; python {version}")
    print(f"load average (1, 5, 15 min) at the start: {os.getloadavg()}")

    t = time.perf_counter()
    for _ in range(5):
        PackingQueries(store).orders(cycle.id)
    query_s = (time.perf_counter() - t) / 5

    print(f"\n{'document':<15}{'files':>6}{'pages':>7}{'MB':>7}{'time s':>9}{'peak MiB':>10}")
    total_s = total_cpu = 0.0
    all_paths: list[Path] = []
    for kind in KINDS:
        out = work / kind
        cpu = time.process_time()
        t = time.perf_counter()
        paths = service.generate(ListRequest(kinds=(kind,)), out, now=NOW)
        elapsed = time.perf_counter() - t
        total_cpu += time.process_time() - cpu
        total_s += elapsed
        all_paths += paths
        peak = ""
        if not args.no_memory:
            tracemalloc.start()
            service.generate(ListRequest(kinds=(kind,)), work / f"{kind}-mem", now=NOW)
            peak = f"{tracemalloc.get_traced_memory()[1] / 2**20:.0f}"
            tracemalloc.stop()
        pages, _ = _pages_and_rows(paths)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"{kind:<15}{len(paths):>6}{pages:>7}{size:>7.1f}{elapsed:>9.2f}{peak:>10}")
    pages, rows = _pages_and_rows(all_paths)
    print(
        f"{'all':<15}{len(all_paths):>6}{pages:>7}{'':>7}{total_s:>9.2f}"
        f"   (CPU time {total_cpu:.2f} s)"
    )

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    run = _pool_run(service, work)
    print(
        f"{'all, pool':<15}{len(all_paths):>6}{'':>7}{'':>7}{run['wall']:>9.2f}"
        f"   ({run['workers']:.0f} worker processes, started in {run['start']:.2f} s before;"
        f" worker peak RSS {run['rss']:.0f} MiB)"
    )
    # CPU time is not inflated by other processes' load: the busiest worker's CPU time is
    # about the wall time the pool would take on a quiet machine with a core per worker.
    print(
        f"{'':<15}CPU time (user + system): workers {run['worker_cpu_sum']:.2f} s in all,"
        f" busiest worker {run['worker_cpu_max']:.2f} s, this process {run['parent_cpu']:.2f} s"
    )
    plain_s = _plain_lines(rows)
    print("\nbaselines (same run):")
    print(f"  packing queries alone (load the cycle):     {query_s * 1000:8.0f} ms")
    print(f"  reportlab, {rows:,} plain text lines:  {plain_s:8.2f} s")
    print(f"  all documents / plain lines:               {total_s / plain_s:8.1f} x")
    print(f"peak RSS of this process (one-process runs): {rss:.0f} MiB")
    print(f"load average (1, 5, 15 min) at the end: {os.getloadavg()}")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
