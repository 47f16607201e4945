"""Benchmark: how fast the till answers typing while the full set of lists is made.

    python -m bench.typing_lists [--orders 2000]

Method: the real window (``pos.app.create_window``, offscreen) on a demo hub of
``--orders`` orders (seed 1). A timer "presses" a key into the scan field every 40 ms,
typing customer names as a volunteer would (each key runs the live search); the latency
of a key is from the moment it was due to the moment the window had handled it (a key
that waits behind a busy GUI thread counts its wait; a slow key delays the next one
rather than piling keys up). Three runs of the same keys:

- idle: nothing else running (the baseline);
- worker processes: the full set (every kind, A4) made as the "Print lists" dialog makes
  it, in the process pool (``pos.services.processes``);
- GUI-process thread: the same set made on a thread of the GUI process, as before
  issue 17 (``ListsService.generate`` without an executor, through ``pos.ui.tasks``).

Then the same for the end-of-day report PDF (reconcile window, all pickup points), written
``--reports`` times in a row so that the typing has time to be measured: in the worker
processes (``write_report_pdf``, as the window does now), then on a GUI-process thread
(``ReconcileService.export_pdf`` on a reader, as before).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

WORDS = ["green", "smith", "oak", "mill", "baker", "jones", "river", "hall"]


def _typing(window, seconds: float, busy: threading.Event | None = None) -> list[float]:
    """Latencies (ms) of keys typed every 40 ms for ``seconds`` (or while ``busy`` is set)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    field = window.scan_input
    text = " ".join(WORDS * 50)
    latencies: list[float] = []
    start = time.perf_counter()
    due = start
    i = 0
    while True:
        now = time.perf_counter()
        if busy is not None and not busy.is_set() and latencies:
            break
        if busy is None and now - start > seconds:
            break
        if now < due:
            QApplication.processEvents()
            time.sleep(0.002)
            continue
        char = text[i % len(text)]
        if char == " ":
            field.clear()
        else:
            QTest.keyClick(field, char, Qt.KeyboardModifier.NoModifier)
        QApplication.processEvents()
        done = time.perf_counter()
        latencies.append((done - due) * 1000)
        due = max(due + 0.040, done)  # a slow key delays the next one, without a backlog
        i += 1
    return latencies


def _figures(name: str, values: list[float], seconds: float) -> str:
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    return (
        f"{name:<28}{len(values):>6}{statistics.median(values):>9.1f}{p95:>9.1f}"
        f"{values[-1]:>9.1f}{seconds:>9.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.typing_lists", description=__doc__)
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--reports", type=int, default=5, help="end-of-day PDFs per run")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="bench-typing-"))
    for part in ("DATA", "CONFIG", "LOG"):
        os.environ.setdefault(f"FOODHUB_POS_{part}_DIR", str(home / part.lower()))

    from pos.app import create_window
    from pos.services import processes
    from pos.services.demo import write_demo
    from pos.services.lists import ListRequest, ListsService
    from pos.services.reconcile import write_report_pdf
    from pos.ui import tasks

    db = write_demo(home / "hub.sqlite", orders=args.orders, seed=1)
    window = create_window(db)
    window.show()
    store = window.services.store
    print(f"{args.orders} orders; load average {os.getloadavg()[0]:.1f} at start")
    print(f"\n{'run':<28}{'keys':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'set s':>9}")
    print(_figures("idle", _typing(window, 8.0), 0.0))
    for started in processes.warm_up():
        started.result()

    def measure(job: object) -> tuple[list[float], float]:
        """Typing latencies while ``job()`` runs on a thread of this process, and its time."""
        busy = threading.Event()
        busy.set()
        took: list[float] = []

        def work() -> None:
            t = time.perf_counter()
            try:
                job()  # type: ignore[operator]
            finally:
                took.append(time.perf_counter() - t)
                busy.clear()

        tasks.run(work, what="bench typing")
        latencies = _typing(window, 0, busy)
        return latencies, took[0] if took else float("nan")

    def lists(executor: object) -> None:
        reader = store.reader()
        try:
            ListsService(reader).generate(
                ListRequest(),
                home / "out",
                executor=executor,  # type: ignore[arg-type]
            )
        finally:
            reader.close()

    def reports_in_workers() -> None:
        till = window.services.till_id
        for k in range(args.reports):
            target = str(home / f"day-{k}.pdf")
            processes.pool().submit(write_report_pdf, store.path, store.key, till, target).result()

    def reports_on_a_thread() -> None:
        reader = store.reader()
        try:
            for k in range(args.reports):
                window.services.reconcile_on(reader).export_pdf(home / f"day-t{k}.pdf")
        finally:
            reader.close()

    lat, took = measure(lambda: lists(processes.pool()))
    print(_figures("lists, worker processes", lat, took))
    lat, took = measure(lambda: lists(None))
    print(_figures("lists, GUI-process thread", lat, took))
    lat, took = measure(reports_in_workers)
    print(_figures(f"{args.reports} reports, workers", lat, took))
    lat, took = measure(reports_on_a_thread)
    print(_figures(f"{args.reports} reports, GUI thread", lat, took))
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    processes.shutdown()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
