"""The shared till journal (issue 14): merging a busy day, and hand-over to visible elsewhere.

- merge: three tills each hand over ``--per-till`` orders (500: a busy day) through the real
  checkout service and write their journals into one folder; a fresh staff copy of the hub
  then merges the folder (``JournalService.merge``: read, verify checksum and MAC, apply).
  Next to it, in the same run: the same rows (till sessions, checkouts, lines, payments,
  outbox, journal events) copied from the tills' databases into another fresh copy with raw
  ``executemany`` INSERTs in one transaction: the floor under the merge.
- latency: till A hands an order over (``CheckoutService.collect``), writes its journal
  (``write_pending``), till B merges the shared local folder and sees the order collected;
  ``--repeat`` times, split into write and merge. Next to it, the hand-over alone.
  A real till B also waits for its folder watcher or timer to notice the file; that wait is
  the watcher's, not measured here.

    python -m bench.journal [--per-till 500] [--repeat 50]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any

from bench.common import OUT, demo_db, machine, pct

TABLES = ("till_sessions", "cash_movements", "checkouts", "checkout_lines", "payments",
          "journal_events")  # fmt: skip
KEY = "correct horse battery staple"


def device(hub: Path, name: str, label: str) -> Path:
    """A fresh copy of the demo hub as one device: its own till uid, label, the hub's key."""
    from pos.domain.settings import HUB_ID, JOURNAL_KEY, TILL_LABEL, TILL_UID
    from pos.services.orders import OrderBrowser
    from pos.store import Store

    path = OUT / name
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(hub, path)
    with Store.open(path) as store:
        store.settings.set(TILL_UID, str(uuid.uuid4()))
        store.settings.set(TILL_LABEL, label)
        store.settings.set(JOURNAL_KEY, KEY)
        if store.settings.get(HUB_ID) is None:
            hub_row = OrderBrowser(store).hub()
            store.settings.set(HUB_ID, hub_row.id if hub_row else 1)
    return path


def hand_over(services: Any, order_id: int) -> None:
    from pos.domain.checkout import Tender

    draft = services.checkout.start(order_id)
    due = draft.handover().amount_due
    services.checkout.collect(draft, [Tender("cash", due)] if due > 0 else [])


def busy_day(hub: Path, folder: Path, per_till: int) -> list[Path]:
    """Three tills, ``per_till`` hand-overs each, journals written into ``folder``."""
    from pos.services.context import Services
    from pos.services.journal import JournalService

    tills = []
    ids = [r[0] for r in sqlite3.connect(hub).execute(
        "SELECT id FROM orders WHERE state = 'complete' ORDER BY id")]  # fmt: skip
    assert len(ids) >= 3 * per_till, "the demo hub is too small"
    for t in range(3):
        db = device(hub, f"journal-till{t + 1}.sqlite", f"T{t + 1}")
        services = Services.open(db)
        try:
            services.till.open(f"Vol {t + 1}", 5000)
            for order_id in ids[t * per_till : (t + 1) * per_till]:
                hand_over(services, order_id)
            JournalService(services.store).write_pending(folder)
        finally:
            services.close()
        tills.append(db)
    return tills


def raw_copy(tills: list[Path], target: Path) -> float:
    """The day's rows copied by hand into ``target``: seconds for one transaction."""
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    for db in tills:
        src = sqlite3.connect(db)
        for table in (*TABLES, "outbox"):
            cur = src.execute(f"SELECT * FROM {table}")
            cols = [d[0] for d in cur.description]
            data = cur.fetchall()
            if table == "checkout_lines":  # new rowids in the target
                cols, data = cols[1:], [r[1:] for r in data]
            rows.setdefault(table, (cols, []))[1].extend(data)
        src.close()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    start = time.perf_counter()
    conn.execute("BEGIN")
    for table, (cols, data) in rows.items():
        marks = ", ".join("?" * len(cols))
        verb = "INSERT OR REPLACE" if table == "outbox" else "INSERT"
        conn.executemany(f"{verb} INTO {table}({', '.join(cols)}) VALUES ({marks})", data)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def bench_merge(hub: Path, per_till: int) -> Path:
    """Times the merge of a busy day; returns the folder holding that day's journals."""
    from pos.services.journal import JournalService
    from pos.store import Store

    folder = OUT / "journal-folder"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    start = time.perf_counter()
    tills = busy_day(hub, folder, per_till)
    made = time.perf_counter() - start
    files = sum(1 for _ in folder.rglob("*.json"))
    size = sum(p.stat().st_size for p in folder.rglob("*.json"))
    print(f"busy day: 3 tills x {per_till} hand-overs, {files} journal files "
          f"({size / 1e6:.1f} MB), made in {made:.1f} s")  # fmt: skip
    for attempt in (1, 2):
        staff = device(hub, "journal-staff.sqlite", "HQ")
        with Store.open(staff) as store:
            start = time.perf_counter()
            report = JournalService(store).merge(folder)
            merged = time.perf_counter() - start
            checkouts = store.scalar("SELECT COUNT(*) FROM checkouts")
        raw_target = device(hub, "journal-raw.sqlite", "RAW")
        raw = raw_copy(tills, raw_target)
        print(f"run {attempt}: merge into a fresh staff copy {merged:6.2f} s "
              f"({report.merged} events, {checkouts} checkouts)   "
              f"raw executemany of the same rows {raw:6.3f} s   "
              f"ratio {merged / raw:5.1f}x")  # fmt: skip
    return folder


def bench_latency(hub: Path, repeat: int, busy: Path | None) -> None:
    """``busy``: a folder whose files the shared folder starts with (B merged them already)."""
    from pos.services.context import Services
    from pos.services.journal import JournalService

    folder = OUT / "journal-shared"
    shutil.rmtree(folder, ignore_errors=True)
    if busy is not None:
        shutil.copytree(busy, folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = sum(1 for _ in folder.rglob("*.json"))
    a = Services.open(device(hub, "journal-a.sqlite", "T1"))
    b = Services.open(device(hub, "journal-b.sqlite", "T2"))
    try:
        a.till.open("Vol A", 5000)
        ja, jb = JournalService(a.store), JournalService(b.store)
        jb.merge(folder)
        ids = [r[0] for r in a.store.query(
            "SELECT id FROM orders WHERE state = 'complete' AND id NOT IN"
            " (SELECT order_id FROM checkouts WHERE order_id IS NOT NULL)"
            " ORDER BY id DESC LIMIT ?", (2 * repeat + 10,))]  # fmt: skip
        handover, write, merge, total, alone = [], [], [], [], []
        for i in range(repeat):
            order_id = ids[2 * i]
            t0 = time.perf_counter()
            hand_over(a, order_id)
            t1 = time.perf_counter()
            ja.write_pending(folder)
            t2 = time.perf_counter()
            jb.merge(folder)
            t3 = time.perf_counter()
            seen = b.store.scalar("SELECT COUNT(*) FROM checkouts WHERE order_id = ?", (order_id,))
            assert seen == 1, "till B does not see the hand-over"
            handover.append((t1 - t0) * 1000)
            write.append((t2 - t1) * 1000)
            merge.append((t3 - t2) * 1000)
            total.append((t3 - t0) * 1000)
            t4 = time.perf_counter()
            hand_over(a, ids[2 * i + 1])  # baseline: a hand-over nobody else needs to see
            alone.append((time.perf_counter() - t4) * 1000)
            ja.write_pending(folder)
            jb.merge(folder)
    finally:
        a.close()
        b.close()
    print(f"hand-over on A to visible on B, {repeat} runs (shared local folder holding"
          f" {files} other files at the start):")  # fmt: skip
    for name, values in (("hand-over on A (commit)", handover), ("write journal on A", write),
                         ("merge on B", merge), ("total", total),
                         ("baseline: hand-over alone", alone)):  # fmt: skip
        print(f"  {name:28s} p50 {pct(values, 50):7.2f} ms  p95 {pct(values, 95):7.2f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-till", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    print(machine(), "load", Path("/proc/loadavg").read_text().split()[:3] if
          os.path.exists("/proc/loadavg") else "?")  # fmt: skip
    hub = demo_db(max(600, 3 * args.per_till + 2 * args.repeat + 200))
    busy = bench_merge(hub, args.per_till)
    bench_latency(hub, args.repeat, None)
    bench_latency(hub, args.repeat, busy)


if __name__ == "__main__":
    main()
