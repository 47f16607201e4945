"""How long the GUI thread stalls, per action, at 2,000, 20,000 and 100,000 orders.

A 5 ms heartbeat timer runs on the GUI thread (in a real event loop, as ``app.exec``) while
each action runs; the longest gap between two beats is the stall a volunteer would feel (no
repaint, no keystroke handled). Baseline in the same run: the longest gap with nothing to
do. Actions: open the reconcile window, Refresh, change its pickup point, change the order
list's filter, open the "Print lists" dialog, a scan (code + Enter, the order opens) and a
search typed one key at a time (30 ms apart, the event loop running between keys).

    python -m bench.reconcile_gui [--sizes 2000,20000,100000] [--db PATH] [--repeat 5]
                                  [--code DIR]   # another checkout's code (before/after)

Each size runs in a fresh process (the window, the database and Qt's memory start clean).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a file (the child): not bench/ first (bench/sync.py
    # would hide the sync package), the checkout under test (PYTHONPATH), then this one
    sys.path[0] = str(Path(__file__).resolve().parent.parent)
    sys.path.append(sys.path.pop(0))

from bench.common import demo_db, machine, summary

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,20000,100000", help="orders, comma separated")
    parser.add_argument("--db", type=Path, help="one demo database instead of --sizes")
    parser.add_argument("--orders", type=int, help="one size (as --sizes N)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--code", type=Path, help="a checkout whose pos/ is measured")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # the child's database
    args = parser.parse_args()
    if args.one is not None:
        measure(args.one, args.repeat)
        return
    sizes = [args.orders] if args.orders else [int(s) for s in args.sizes.split(",") if s]
    dbs = [args.db] if args.db else [demo_db(n) for n in sizes]
    code = (args.code or ROOT).resolve()
    env = dict(os.environ, PYTHONPATH=str(code), QT_QPA_PLATFORM="offscreen")
    env.setdefault("FOODHUB_POS_LANG", "en")
    for db in dbs:
        load = os.getloadavg()
        print(f"\n## {db.name}, code {code}, load average {load[0]:.1f} {load[1]:.1f}", flush=True)
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--one", str(db),
             "--repeat", str(args.repeat)],
            env=env, check=False,
        )  # fmt: skip
        load = os.getloadavg()
        print(f"## load average after: {load[0]:.1f} {load[1]:.1f}", flush=True)


def measure(source: Path, repeat: int) -> None:
    # PySide6 6.12 on Python 3.11 drops one reference to None per void call (processEvents,
    # setText...): a few thousand calls abort the interpreter. Headroom for the measurement.
    ballast = [None] * 50_000_000
    gc.freeze()  # ... which the garbage collector must not walk through on every full pass
    import shutil
    import tempfile

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QComboBox, QTabWidget, QWidget

    from pos.app import create_window
    from pos.ui.lists_dialog import open_lists_dialog
    from pos.ui.reconcile_window import ReconcileWindow

    folder = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    db = folder / "bench.sqlite"
    shutil.copyfile(source, db)
    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive for the run
    window = create_window(db)
    window.sync.stop()  # no sync timers beating during the measurement
    window.show()
    import pos.app

    settle = getattr(pos.app, "settle_heap", None)  # as main.py does once the window is complete
    if settle is not None:  # (an older checkout under --code has none)
        settle()
    store = window.services.store
    orders = store.scalar("SELECT COUNT(*) FROM orders")
    print(f"# GUI stall: {orders:,} orders ({source.name}), {machine()}", flush=True)
    rng = random.Random(7)
    numbers = [r[0] for r in store.query("SELECT number FROM orders ORDER BY id LIMIT 2000")]
    names = [r[0] for r in store.query("SELECT customer_name FROM orders ORDER BY id LIMIT 500")]

    beats: list[float] = []
    cpu: list[float] = []  # the GUI thread's own CPU time at each beat
    heart = QTimer()
    heart.setInterval(5)

    def beat() -> None:
        beats.append(time.perf_counter())
        cpu.append(time.thread_time())

    heart.timeout.connect(beat)

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

    def busy(w: QWidget | None) -> bool:
        return w is not None and bool(getattr(w, "refreshing", False))

    def stall(
        action: Callable[[], QWidget | None], before: Callable[[], None] | None = None
    ) -> tuple[float, float, float]:
        """(longest GUI gap ms, the most GUI-thread CPU between two beats ms, wall time
        until the action's result is shown ms). The CPU column does not grow with the
        machine's load: it is the GUI thread's own work, without waiting for a core."""
        if before is not None:  # not measured (e.g. closing the window opened last time)
            before()
        beats.clear()
        cpu.clear()
        heart.start()
        spin(50)  # a few beats before
        start = time.perf_counter()
        beat()
        w = action()
        shown: list[float] = []
        if busy(w):
            spin(300_000, lambda: not busy(w) and not shown.append(time.perf_counter()))
        done = shown[0] if shown else time.perf_counter()
        spin(50)
        heart.stop()
        gaps = [b - a for a, b in itertools.pairwise(beats) if b >= start]
        first = next(i for i, b in enumerate(beats) if b >= start)
        busy_cpu = [b - a for a, b in itertools.pairwise(cpu[first:])]
        return max(gaps) * 1000, max(busy_cpu) * 1000, (done - start) * 1000

    holder: list[ReconcileWindow] = []

    def close_reconcile() -> None:
        while holder:
            holder.pop().close()
        spin(50)

    def open_reconcile() -> ReconcileWindow:
        rw = ReconcileWindow(window.services, "Bench", window)
        rw.show()
        holder.append(rw)
        return rw

    def refresh() -> ReconcileWindow:
        holder[-1].refresh()
        return holder[-1]

    def change_point() -> ReconcileWindow:
        point = holder[-1].point
        point.setCurrentIndex((point.currentIndex() + 1) % point.count())
        return holder[-1]

    def change_filter() -> ReconcileWindow:
        rw = holder[-1]
        tabs = rw.findChild(QTabWidget, "reconcileTabs")
        tabs.setCurrentIndex(1)  # the orders tab, as staff see it when they filter
        combo = rw.findChild(QComboBox, "ordersStatusFilter")
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        return rw

    def open_lists() -> QWidget:
        for old in window.findChildren(QWidget, "listsDialog"):
            old.close()
        spin(20)
        return open_lists_dialog(window, window.services)

    def scan() -> None:
        window.scan_input.setText(rng.choice(numbers))  # the scanner types the code ...
        QTest.keyClick(window.scan_input, Qt.Key.Key_Return)  # ... and Enter
        return None

    def type_search() -> None:
        window.cancel_checkout()
        window.scan_input.clear()
        word = "".join(c for c in rng.choice(names).split()[-1] if c.isascii())[:6] or "smith"
        for ch in word:  # a quick typist: the event loop runs between keys
            QTest.keyClicks(window.scan_input, ch)
            spin(30)
        window.scan_input.clear()
        return None

    def nothing() -> None:
        return None

    rows: list[tuple[str, list[float], list[float], list[float]]] = []
    for name, action in (
        ("nothing to do (baseline)", nothing),
        ("open the reconcile window", open_reconcile),
        ("Refresh", refresh),
        ("change pickup point", change_point),
        ("change the orders filter", change_filter),
        ("open Print lists", open_lists),
        ("scan (code + Enter)", scan),
        ("search while typing", type_search),
    ):
        gaps, cpus, walls = [], [], []
        for _ in range(repeat):
            before = close_reconcile if action is open_reconcile else None
            gap, busy_cpu, wall = stall(action, before)
            gaps.append(gap)
            cpus.append(busy_cpu)
            walls.append(wall)
        rows.append((name, gaps, cpus, walls))
        print(f"{name:28s} longest GUI gap {summary(gaps)}  max {max(gaps):8.1f} ms", flush=True)
        print(f"{'':28s} GUI CPU in a gap {summary(cpus)}  max {max(cpus):7.1f} ms", flush=True)
        if name.startswith(("open the", "Refresh", "change p")):
            print(f"{'':28s} figures shown   {summary(walls)}", flush=True)
    worst = max((max(g), n) for n, g, _, _ in rows[1:])
    worst_cpu = max((max(c), n) for n, _, c, _ in rows[1:])
    print(
        f"worst GUI gap of any action: {worst[0]:.1f} ms ({worst[1]});"
        f" most GUI CPU between two beats: {worst_cpu[0]:.1f} ms ({worst_cpu[1]})",
        flush=True,
    )
    for rw in holder:
        rw.close()
    window.close()
    sys.stdout.flush()
    shutil.rmtree(folder, ignore_errors=True)
    os._exit(0 if ballast else 1)  # never free the ballast: None's count is below it


if __name__ == "__main__":
    main()
