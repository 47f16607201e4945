"""Killing the till mid-checkout loses nothing confirmed and never half-writes a checkout."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("checkout_child.py")
ROOT = Path(__file__).resolve().parents[2]


def run_and_kill(db: Path, delay: float) -> set[tuple[str, str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    confirmed = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "done":
            confirmed.add((parts[1], parts[2]))
    return confirmed


@pytest.mark.slow
def test_sigkill_during_checkouts_keeps_every_confirmed_one_once(demo_db: Path) -> None:
    rng = random.Random(7)
    confirmed: set[tuple[str, str]] = set()
    for _ in range(6):
        confirmed |= run_and_kill(demo_db, rng.uniform(0.05, 0.6))
    assert confirmed, "the child never confirmed a checkout"
    conn = sqlite3.connect(demo_db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute("SELECT receipt_no, id FROM checkouts").fetchall()
        stored = {(r, i) for r, i in rows}
        assert len(rows) == len(stored)
        assert confirmed <= stored
        # every checkout is whole: lines present, payments add up, outbox for collections
        for cid, kind, paid, order_id in conn.execute(
            "SELECT id, kind, amount_paid, order_id FROM checkouts"
        ):
            assert (
                conn.execute(
                    "SELECT COUNT(*) FROM checkout_lines WHERE checkout_id=?", (cid,)
                ).fetchone()[0]
                > 0
            )
            pay = conn.execute(
                "SELECT COALESCE(SUM(amount),0) FROM payments WHERE checkout_id=?", (cid,)
            ).fetchone()[0]
            assert pay == paid
            if kind == "collection":
                assert (
                    conn.execute(
                        "SELECT COUNT(*) FROM outbox WHERE order_id=?", (order_id,)
                    ).fetchone()[0]
                    == 1
                )
        audits = conn.execute(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('checkout.collect','checkout.walk_in')"
        ).fetchone()[0]
        assert audits == len(rows)
        live = conn.execute(
            "SELECT order_id, COUNT(*) FROM checkouts WHERE kind='collection'"
            " AND reversed_at IS NULL GROUP BY order_id HAVING COUNT(*) > 1"
        ).fetchall()
        assert live == []
    finally:
        conn.close()
