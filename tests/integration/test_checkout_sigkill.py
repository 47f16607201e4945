"""Killing the till mid-checkout loses nothing confirmed and never half-writes a checkout."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.stored import database, row_count, rows

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
    with database(demo_db) as db:  # the file as the killed till left it
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        checkouts = rows(db, "checkouts")
        stored = {(c["receipt_no"], c["id"]) for c in checkouts}
        assert len(checkouts) == len(stored)
        assert confirmed <= stored
        # every checkout is whole: lines present, payments add up, outbox for collections
        for c in checkouts:
            assert row_count(db, "checkout_lines", "checkout_id = ?", [c["id"]]) > 0
            paid = rows(db, "payments", "checkout_id = ?", [c["id"]], select="amount")
            assert sum(p["amount"] for p in paid) == c["amount_paid"]
            if c["kind"] == "collection":
                assert row_count(db, "outbox", "order_id = ?", [c["order_id"]]) == 1
        audits = row_count(
            db, "audit_log", "action IN (?, ?)", ["checkout.collect", "checkout.walk_in"]
        )
        assert audits == len(checkouts)
        live = rows(db, "checkouts", "kind = 'collection' AND reversed_at IS NULL")
        orders = [c["order_id"] for c in live]
        assert len(orders) == len(set(orders))  # no order handed over twice
