"""Cold start to an interactive window, and that process's own peak memory.

Each start is a fresh interpreter running ``pos.app.main`` as ``python main.py --db``
does (command line, logs, checks, the window shown and painted once), then exits. Times:
in-process (first line of the child to the painted window) and wall (including the
interpreter's own start). Memory: the child's
``VmHWM`` from ``/proc/self/status``, the peak of that process alone; ``ru_maxrss`` of
``RUSAGE_SELF`` is not (after fork and exec it keeps the parent's peak, so a parent that
holds a big database made the child look as large). Baseline in the same run: a bare
PySide6 window (QApplication, an empty QMainWindow, shown and painted), the floor any
Qt app pays. CPU: the child's user+sys time to the shown window (``time.process_time``,
interpreter start included) and for its whole life (``RUSAGE_CHILDREN``), which the
machine's load does not inflate: to judge the quiet figure from a busy run. The window
builds what its first paint does not need (payment panel, printing, sync, journal) a piece
per event-loop turn after it: "complete" is when the last piece is built, and the longest
of those turns is the longest a key pressed meanwhile waits (``--code`` on an older
checkout without the turns prints neither). Bytecode is
cached as in an installed app (the first, unmeasured start writes it): this environment
sets ``PYTHONDONTWRITEBYTECODE``, under which every start compiles our
modules again.

    python -m bench.cold_start [--orders 20000] [--repeat 7] [--code DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import demo_db, machine

ROOT = Path(__file__).resolve().parent.parent

PEAK = (
    "def peak_mb():\n"
    "    try:\n"
    "        for line in open('/proc/self/status'):\n"
    "            if line.startswith('VmHWM:'):\n"
    "                return int(line.split()[1]) / 1024\n"
    "    except OSError:\n"
    "        pass\n"
    "    import resource\n"
    "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
)
APP = (  # main.py's own path (command line, logs, checks, the window), up to the painted window
    "import time; t0 = time.perf_counter()\n"
    "import json, os, sys\n"
    "import pos.app as app\n"
    "def shown(window):\n"
    "    from PySide6.QtWidgets import QApplication\n"
    "    left = len(getattr(window, '_later', ()))\n"
    "    QApplication.processEvents()\n"
    "    t = time.perf_counter() - t0\n"
    "    cpu = time.process_time()\n"
    "    ran = left - len(getattr(window, '_later', ()))\n"
    "    turns = []\n"  # the rest of the start, a piece per turn: how long a key could wait
    "    while getattr(window, 'starting', False):\n"
    "        began = time.perf_counter()\n"
    "        QApplication.processEvents()\n"
    "        turns.append(time.perf_counter() - began)\n"
    "    done = time.perf_counter() - t0\n"
    "    print(json.dumps({'seconds': t, 'cpu': cpu, 'peak_mb': peak_mb(), 'complete': done,\n"
    "                      'longest_turn': max(turns, default=0.0), 'ran_first': ran}))\n"
    "    sys.stdout.flush()\n"
    "    os._exit(0)\n" + PEAK + "app._after_show = shown\n"
    "app.main(['--db', sys.argv[1], '--no-crash-dialog'])\n"
)
BARE = (
    "import time; t0 = time.perf_counter()\n"
    "import json\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([]); w = QMainWindow(); w.show(); QApplication.processEvents()\n"
    "t = time.perf_counter() - t0\n"
    + PEAK
    + "print(json.dumps({'seconds': t, 'cpu': time.process_time(), 'peak_mb': peak_mb()}))\n"
)


def start(code: str, db: Path | None, pythonpath: Path, home: Path) -> dict[str, float]:
    """One cold start in a fresh interpreter; its figures, with the wall time beside."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(pythonpath))
    # An installed app has its bytecode compiled (pip does it); without it every start would
    # compile ~130 modules again (about 1 s here), which is not what a volunteer waits for.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("DATA", "CONFIG", "LOG"):  # the app's folders: none of the user's
        env[f"FOODHUB_POS_{name}_DIR"] = str(home / name.lower())
    env.setdefault("FOODHUB_POS_LANG", "en")
    args = [sys.executable, "-c", code] + ([str(db)] if db else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    out = subprocess.run(args, cwd=home, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the one child, start to exit
    data: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    data["wall"] = wall
    data["child_cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return data


def cold_start(db: Path, pythonpath: Path = ROOT) -> dict[str, float]:
    """One cold start of the app on ``db`` (also used by the search benchmark)."""
    home = Path(tempfile.mkdtemp(prefix="bench-cold-"))
    try:
        copy = home / "hub.sqlite"
        shutil.copyfile(db, copy)
        return start(APP, copy, pythonpath, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--code", type=Path, help="a checkout whose pos/ is measured")
    args = parser.parse_args()
    code = (args.code or ROOT).resolve()
    db = demo_db(args.orders)
    load = os.getloadavg()
    print(f"# cold start: {args.orders:,} orders, code {code}, {machine()},"
          f" load average {load[0]:.1f} {load[1]:.1f}")  # fmt: skip
    home = Path(tempfile.mkdtemp(prefix="bench-cold-"))
    try:
        copy = home / "hub.sqlite"
        shutil.copyfile(db, copy)
        start(APP, copy, code, home)  # the first start writes caches (the demo's, Qt's)
        app, bare = [], []
        for _ in range(args.repeat):  # alternated, so a busy moment hits both
            app.append(start(APP, copy, code, home))
            bare.append(start(BARE, None, code, home))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    for name, runs in (("the app, shown", app), ("bare Qt window (baseline)", bare)):
        secs = sorted(r["seconds"] for r in runs)
        walls = sorted(r["wall"] for r in runs)
        peaks = sorted(r["peak_mb"] for r in runs)
        cpus = sorted(r["cpu"] for r in runs)
        child = sorted(r["child_cpu"] for r in runs)
        print(
            f"{name:26s} in-process p50 {statistics.median(secs):.3f} s"
            f" (min {secs[0]:.3f}, max {secs[-1]:.3f});"
            f" with interpreter p50 {statistics.median(walls):.3f} s;"
            f" peak memory p50 {statistics.median(peaks):.0f} MB"
        )
        print(
            f"{'':26s} CPU (user+sys) to the window shown p50 {statistics.median(cpus):.3f} s"
            f" (min {cpus[0]:.3f}); whole child, start to exit p50"
            f" {statistics.median(child):.3f} s (min {child[0]:.3f})"
        )
        if "complete" in runs[0]:
            done = sorted(r["complete"] for r in runs)
            turn = sorted(r["longest_turn"] for r in runs)
            first = sorted(r["ran_first"] for r in runs)
            print(
                f"{'':26s} the rest built after the first paint, complete p50"
                f" {statistics.median(done):.3f} s (max {done[-1]:.3f}); its longest turn p50"
                f" {statistics.median(turn) * 1000:.0f} ms (max {turn[-1] * 1000:.0f});"
                f" pieces run before the first measure p50 {statistics.median(first):.0f}"
            )
    after = os.getloadavg()
    print(f"load average at the end {after[0]:.1f} {after[1]:.1f}")


if __name__ == "__main__":
    main()
