"""Checkout latency on a 20,000-order hub, next to the raw SQLite work beneath it.

- scan-to-order-shown: the service calls the screen makes when a code is scanned (exact
  lookup, order with its lines and payments, "already collected?") against the same
  queries run on a bare sqlite3 connection;
- collect-commit: ``CheckoutService.collect`` (one transaction: checkout, lines, payments,
  outbox desired state, audit; then the receipt print job) against the same rows written
  by hand-made INSERTs in the same two transactions, same pragmas (WAL, synchronous=FULL).

    python -m bench.checkout [--orders 20000] [--repeat 200]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

from bench.common import demo_db, fresh_copy, machine, pct, summary, timings_ms
from pos.domain.checkout import Tender
from pos.services.context import Services
from pos.store.db import utcnow

ROOT = Path(__file__).resolve().parent.parent

KEYSTROKES = (
    ("paid order", "scan (the scanner sends code + Enter), then Enter or F12", "1 key"),
    ("unpaid, exact cash", "scan, then F11", "1 key"),
    ("unpaid, cash with change", "scan, type the amount (e.g. 4 digits), Enter", "amount + 1 key"),
    ("unpaid, card", "scan, Ctrl+2, type the amount, Enter", "2 keys + amount"),
    ("one item missing", "scan, arrow to the line, M, then as above", "+ 1-2 keys"),
    ("typed name, not scanned", "type 3-4 letters, Enter (one match) or Down + Enter", "4-6 keys"),
)


def raw_scan(conn: sqlite3.Connection, number: str) -> None:
    (order_id,) = conn.execute("SELECT id FROM orders WHERE number = ?", (number,)).fetchone()
    conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
    conn.execute(
        "SELECT * FROM line_items WHERE order_id = ? ORDER BY position", (order_id,)
    ).fetchall()
    conn.execute("SELECT * FROM order_payments WHERE order_id = ?", (order_id,)).fetchall()
    conn.execute(
        "SELECT id FROM checkouts WHERE order_id = ? AND kind = 'collection'"
        " AND reversed_at IS NULL",
        (order_id,),
    ).fetchone()


def raw_collect(conn: sqlite3.Connection, order_id: int, seq: int, session_id: str) -> None:
    """The rows a collection writes, by hand: the floor under the service."""
    now = utcnow()
    cid = str(uuid.uuid4())
    items = conn.execute(
        "SELECT id, variant_id, producer_id, product_name, variant_name, quantity, unit_price"
        " FROM line_items WHERE order_id = ?",
        (order_id,),
    ).fetchall()
    total = conn.execute("SELECT total FROM orders WHERE id = ?", (order_id,)).fetchone()[0]
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO checkouts(id, receipt_no, kind, order_id, session_id, till_id, volunteer,"
        " created_at, currency, goods_total, amount_due, amount_paid)"
        " VALUES (?, ?, 'collection', ?, ?, 'RAW', 'bench', ?, 'GBP', ?, ?, ?)",
        (cid, f"RAW-{seq:06d}", order_id, session_id, now, total, total, total),
    )
    conn.executemany(
        "INSERT INTO checkout_lines(checkout_id, line_item_id, variant_id, producer_id,"
        " product_name, variant_name, quantity_ordered, quantity, unit_price, amount, status)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,'ok')",
        [(cid, *row[:5], row[5], row[5], row[6], row[5] * row[6]) for row in items],
    )
    conn.execute(
        "INSERT INTO payments(id, checkout_id, method, amount, tendered, created_at)"
        " VALUES (?, ?, 'cash', ?, ?, ?)",
        (str(uuid.uuid4()), cid, total, total, now),
    )
    conn.execute(
        "INSERT INTO outbox(order_id, desired, changed_at) VALUES (?, ?, ?)"
        " ON CONFLICT(order_id) DO UPDATE SET desired = excluded.desired",
        (order_id, json.dumps({"collected": True, "checkout_id": cid}), now),
    )
    conn.execute(
        "INSERT INTO audit_log(at, action, entity, entity_id, details)"
        " VALUES (?, 'checkout.collect', 'checkout', ?, '{}')",
        (now, cid),
    )
    conn.execute("COMMIT")
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO print_jobs(id, kind, ref, payload, created_at)"
        " VALUES (?, 'receipt', ?, '{}', ?)",
        (str(uuid.uuid4()), cid, now),
    )
    conn.execute("COMMIT")


def row(label: str, ours: list[float], raw: list[float]) -> str:
    ratio = pct(ours, 95) / pct(raw, 95) if pct(raw, 95) else float("nan")
    return (
        f"{label:<28} ours {summary(ours)}\n{'':<28} raw  {summary(raw)}   p95 ratio {ratio:4.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--gui-child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.gui_child:
        db, repeat, *numbers = args.gui_child
        gui_child(db, int(repeat), numbers)
        return
    src = demo_db(args.orders)
    db = fresh_copy(src, f"checkout-{args.orders}.sqlite")
    services = Services.open(db)
    raw = sqlite3.connect(db, isolation_level=None)
    for pragma in ("busy_timeout = 10000", "foreign_keys = ON", "synchronous = FULL"):
        raw.execute(f"PRAGMA {pragma}")
    try:
        rng = random.Random(11)
        store = services.store
        complete = [
            (int(r[0]), str(r[1]))
            for r in store.query("SELECT id, number FROM orders WHERE state = 'complete'")
        ]
        rng.shuffle(complete)
        line_items = store.scalar("SELECT COUNT(*) FROM line_items")
        print(f"{machine()}, SQLite {sqlite3.sqlite_version}")
        print(f"{args.orders} orders, {line_items} line items, {args.repeat} timed runs per row\n")

        numbers = [n for _, n in complete[:50]]
        it = iter(numbers * (args.repeat // len(numbers) + 5))

        def ours_scan() -> None:
            found = services.orders.scan(next(it))
            assert found.unique is not None
            draft = services.checkout.start(found.unique)
            services.checkout.collection_info(found.unique)
            draft.handover()

        it_raw = iter(numbers * (args.repeat // len(numbers) + 5))
        scan_ours = timings_ms(ours_scan, args.repeat)
        scan_raw = timings_ms(lambda: raw_scan(raw, next(it_raw)), args.repeat)
        print(row("scan to order shown", scan_ours, scan_raw))

        services.till.open("Bench", 10_000)
        session = services.till.current()
        assert session is not None
        n = args.repeat + 3
        ours_ids = iter(oid for oid, _ in complete[100 : 100 + n])
        raw_ids = iter(oid for oid, _ in complete[100 + n : 100 + 2 * n])

        def ours_collect() -> None:
            draft = services.checkout.start(next(ours_ids))
            due = max(draft.handover().amount_due, 0)
            services.checkout.collect(draft, [Tender("cash", due + 500)] if due else [])

        seq = iter(range(1, 10**6))
        # Interleaved, so disk-flush jitter falls on both columns alike.
        collect_ours: list[float] = []
        collect_raw: list[float] = []
        for i in range(args.repeat + 3):
            ours_ms = timings_ms(ours_collect, 1, warmup=0)
            raw_ms = timings_ms(
                lambda: raw_collect(raw, next(raw_ids), next(seq), session.id), 1, warmup=0
            )
            if i >= 3:
                collect_ours += ours_ms
                collect_raw += raw_ms
        print(row("collect commit (+receipt)", collect_ours, collect_raw))
        print(
            "\nBoth commit columns include two fsync'd transactions (WAL, synchronous=FULL):"
            " the checkout and the queued receipt."
        )
    finally:
        raw.close()
        services.close()
    gui = subprocess.run(
        [sys.executable, "-m", "bench.checkout", "--gui-child", str(db), str(args.repeat),
         *numbers],
        cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    lines = [ln for ln in gui.stdout.splitlines() if ln.startswith("[")]
    if lines:
        print()
        print(row("scan to order shown (GUI)", json.loads(lines[-1]), scan_raw))
    else:
        print("\nGUI run failed:", gui.stderr[-500:])
    print("\nKeystrokes per checkout (after the scan itself):")
    for case, keys, total in KEYSTROKES:
        print(f"  {case:<28} {keys:<58} {total}")


def gui_child(db: str, repeat: int, numbers: list[str]) -> None:
    """The same scans through the real window (offscreen): text, Enter, panel repainted.

    Runs in its own process and prints its timings as JSON (Qt stays out of the parent).
    """
    from PySide6.QtWidgets import QApplication

    from pos.app import create_window

    window = create_window(db)
    window.show()
    app = QApplication.instance()
    assert app is not None
    it = iter(numbers * (repeat // len(numbers) + 5))

    def scan() -> None:
        window.cancel_checkout()
        window.scan_input.setText(next(it))
        window._enter()
        app.processEvents()
        window.order_panel.repaint()

    print(json.dumps(timings_ms(scan, repeat)), flush=True)
    window.close()
    os._exit(0)  # PySide's interpreter-exit teardown is not what we measure


if __name__ == "__main__":
    main()
