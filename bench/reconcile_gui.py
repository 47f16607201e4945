"""How long the GUI thread stalls when the reconcile window opens and refreshes.

A 5 ms heartbeat timer runs on the GUI thread (in a real event loop, as ``app.exec``) while
the window is built and while "Refresh" and a change of pickup point reload the figures; the
longest gap between two beats is the stall a volunteer would feel (no repaint, no keystroke
handled). Baseline in
the same run: the longest gap with nothing to do.

    python -m bench.reconcile_gui [--db /tmp/big.sqlite | --orders 20000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import demo_db, fresh_copy, machine, summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="a demo database (python main.py demo --out)")
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    # PySide6 6.12 on Python 3.11 drops one reference to None per void call (processEvents,
    # setText...): a few thousand calls abort the interpreter. Headroom for the measurement.
    ballast = [None] * 50_000_000
    gc.freeze()  # ... which the garbage collector must not walk through on every full pass
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("FOODHUB_POS_LANG", "en")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from pos.app import create_window
    from pos.ui.reconcile_window import ReconcileWindow

    source = args.db or demo_db(args.orders)
    db = fresh_copy(source, "bench-reconcile-gui.sqlite")
    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive for the run
    window = create_window(db)
    window.sync.stop()  # no sync timers beating during the measurement
    orders = window.services.store.scalar("SELECT COUNT(*) FROM orders")
    print(f"# reconcile window stall: {orders:,} orders ({source.name}), {machine()}")

    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))

    def idle(rw: ReconcileWindow | None) -> bool:
        return rw is None or not getattr(rw, "refreshing", False)

    def spin(ms: int, until: Callable[[], bool] = lambda: False) -> None:
        """Run the real event loop (as app.exec does) for ``ms``, or until ``until()``."""
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(2)
        poll.timeout.connect(lambda: loop.quit() if until() else None)
        QTimer.singleShot(ms, loop.quit)
        poll.start()
        loop.exec()
        poll.stop()

    def stall(action: Callable[[], ReconcileWindow | None]) -> tuple[float, float]:
        """(longest GUI gap ms, wall time until the figures are shown ms)."""
        beats.clear()
        heart.start()
        spin(50)  # a few beats before
        start = time.perf_counter()
        beats.append(start)
        rw = action()
        shown: list[float] = []
        if not idle(rw):
            spin(120_000, lambda: idle(rw) and not shown.append(time.perf_counter()))
        done = shown[0] if shown else time.perf_counter()
        spin(50)
        heart.stop()
        gaps = [b - a for a, b in itertools.pairwise(beats) if b >= start]
        return max(gaps) * 1000, (done - start) * 1000

    holder: list[ReconcileWindow] = []

    def open_window() -> ReconcileWindow:
        while holder:
            holder.pop().close()
        rw = ReconcileWindow(window.services, "Bench", window)
        rw.show()
        holder.append(rw)
        return rw

    def refresh() -> ReconcileWindow:
        rw = holder[-1]
        rw.refresh()
        return rw

    def change_point() -> ReconcileWindow:
        rw = holder[-1]
        rw.point.setCurrentIndex((rw.point.currentIndex() + 1) % rw.point.count())
        return rw

    def nothing() -> None:
        return None

    rows: list[tuple[str, list[float], list[float]]] = []
    for name, action in (
        ("nothing to do (baseline)", nothing),
        ("open the window", open_window),
        ("Refresh", refresh),
        ("change pickup point", change_point),
    ):
        gaps, walls = [], []
        for _ in range(args.repeat):
            gap, wall = stall(action)
            gaps.append(gap)
            walls.append(wall)
        rows.append((name, gaps, walls))
    for name, gaps, walls in rows:
        print(f"{name:26s} longest GUI gap {summary(gaps)}")
        print(f"{'':26s} figures shown   {summary(walls)}")
    for rw in holder:
        rw.close()
    window.close()
    sys.stdout.flush()
    os._exit(0 if ballast else 1)  # never free the ballast: None's count is below it


if __name__ == "__main__":
    main()
