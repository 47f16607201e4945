"""Several tills and a staff copy of one hub, as real processes sharing journal folders
(test helper for the shared-journal tests and bench/journal.py).

- :func:`make_hub` pulls a hub database from the OFN simulator once; :func:`device_copy`
  makes a till's or the staff copy's own database from it (its own ``TILL_UID``, label and
  journal folder, the hub's journal key).
- :func:`make_plans` deals the simulator's orders out to the tills: collections (some paid at
  the till, some already paid online), double hand-overs (the same order handed over by two
  tills before either has merged), walk-ins, no-shows, a reversal, cash moves and a close.
- :class:`Procs` runs commands as real processes, SIGKILLs them at random and starts them
  again until each has exited 0.
- :func:`snapshot` reads what a database holds of the day, by id, to compare devices.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
JOURNAL_KEY = "correct horse battery staple"  # the hub's passphrase, the same on every till


def make_hub(sim: Any, path: Path, *, key: str = JOURNAL_KEY) -> Path:
    """A hub database pulled from ``sim``, set up to push to it (paid-at-pickup declared),
    with the hub's journal passphrase ``key`` (none: the journal is off)."""
    from pos.domain import settings as s
    from pos.store import Store
    from sync.pull import pull
    from tests.ofn_sim.fixtures import declare_paid_at_pickup, make_client

    client = make_client(sim)
    try:
        with Store.open(path) as store:
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            declare_paid_at_pickup(store)
            store.settings.set(s.OFN_URL, sim.url)
            store.settings.set(s.HUB_ID, sim.hub_id)
            store.settings.set(s.ORDER_CYCLE_ID, 987)
            if key:
                store.settings.set(s.JOURNAL_KEY, key)
    finally:
        client.t.close()
    return path


def device_copy(hub: Path, path: Path, label: str, folder: Path) -> Path:
    """A copy of the pulled hub as one device's own database (a till or the staff copy)."""
    from pos.domain.settings import JOURNAL_FOLDER, TILL_LABEL, TILL_UID
    from pos.store import Store

    for suffix in ("-wal", "-shm"):
        assert not Path(f"{hub}{suffix}").exists(), "the hub database is still open"
    shutil.copyfile(hub, path)
    folder.mkdir(parents=True, exist_ok=True)
    with Store.open(path) as store:
        store.settings.set(TILL_UID, str(uuid.uuid4()))  # a copied file must not share its id
        store.settings.set(TILL_LABEL, label)
        store.settings.set(JOURNAL_FOLDER, str(folder))
    return path


@dataclass
class Expect:
    """What the plans add up to once every device has merged every journal."""

    collections: dict[str, str] = field(default_factory=dict)  # checkout id -> order number
    walk_ins: set[str] = field(default_factory=set)
    doubles: set[str] = field(default_factory=set)  # order numbers handed over by two tills
    reversed: set[str] = field(default_factory=set)  # order numbers (their collection undone)
    no_shows: set[str] = field(default_factory=set)
    decided: set[str] = field(default_factory=set)  # double hand-overs staff decided
    capture: set[str] = field(default_factory=set)  # paid in cash at a till: OFN captures it
    ship: set[str] = field(default_factory=set)  # handed over and not undone: OFN ships it
    cash_moves: int = 0
    tills: int = 0


def make_plans(
    sim: Any, labels: list[str], *, seed: int, per_till: int = 10, doubles: int = 2
) -> tuple[list[dict[str, Any]], Expect]:
    """One plan per till (see ``tests/helpers/till_driver.py``) and what they add up to.

    The double hand-overs (by the first two tills) come first in their plans, before any merge,
    so both really hand the order over; merges are spread over the rest of the day."""
    rng = random.Random(seed)
    due = sim.numbers(state="complete", payment_state="balance_due")
    paid = sim.numbers(state="complete", payment_state="paid")
    rng.shuffle(due)
    rng.shuffle(paid)
    expect = Expect(tills=len(labels))
    plans: list[dict[str, Any]] = [{"steps": []} for _ in labels]

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def collect(i: int, number: str, pay: str | None) -> str:
        cid = new_id()
        plans[i]["steps"].append({"do": "collect", "number": number, "pay": pay, "id": cid})
        expect.collections[cid] = number
        return cid

    for i, label in enumerate(labels):
        plans[i]["steps"].append({"do": "open", "volunteer": f"Vol {label}", "float": 5000})
    for d in range(doubles):  # one paid in cash twice (a capture at stake), the others paid
        number = due.pop() if d == 0 else paid.pop()
        for i in (0, 1):  # the first two tills, out of touch (the others may merge early)
            collect(i, number, "cash" if d == 0 else None)
        expect.doubles.add(number)
    for i, label in enumerate(labels):
        steps = plans[i]["steps"]
        mine: list[tuple[str, str]] = []
        for k in range(per_till):
            if k % 2 == 0:
                number = due.pop()
                mine.append((collect(i, number, "cash"), number))
                expect.capture.add(number)
            else:
                number = paid.pop()
                mine.append((collect(i, number, None), number))
            expect.ship.add(number)
            if k % 4 == 3:
                steps.append({"do": "merge"})
            if k == per_till // 2:
                wid = new_id()
                steps.append({"do": "walk_in", "id": wid, "amount": 250 + i, "method": "cash"})
                expect.walk_ins.add(wid)
                steps.append({"do": "cash_move", "amount": -1000,
                              "reason": f"to the bank ({label})"})  # fmt: skip
                expect.cash_moves += 1
        undo_id, undo_number = mine[1]  # an order paid online: nothing to refund
        steps.append({"do": "reverse", "of": undo_id})
        expect.reversed.add(undo_number)
        expect.ship.discard(undo_number)
        number = paid.pop()
        steps.append({"do": "no_show", "number": number})
        expect.no_shows.add(number)
        wid = new_id()
        steps.append({"do": "walk_in", "id": wid, "amount": 400 + i, "method": "card"})
        expect.walk_ins.add(wid)
        steps.append({"do": "merge"})
        steps.append({"do": "close"})
        steps.append({"do": "merge"})
    return plans, expect


# processes ------------------------------------------------------------------------------
def driver_cmd(db: Path, folder: Path, plan: Path | None = None) -> list[str]:
    """A till playing ``plan``; without one, a write-and-merge round (a staff copy)."""
    return [sys.executable, "-m", "tests.helpers.till_driver", "--db", str(db),
            "--folder", str(folder), *(["--plan", str(plan)] if plan else [])]  # fmt: skip


def journal_cmd(db: Path, folder: Path, *flags: str) -> list[str]:
    return [sys.executable, "main.py", "journal", "--db", str(db), "--folder", str(folder),
            *flags]  # fmt: skip


def run_all(cmds: list[list[str]], *, timeout: float = 60) -> list[str]:
    """Run ``cmds`` at the same time from the checkout's root; a non-zero exit fails with its
    output. Their outputs."""
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for cmd in cmds]  # fmt: skip
    outs = []
    for cmd, proc in zip(cmds, procs, strict=True):
        out, err = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, (cmd, proc.returncode, out, err)
        outs.append(out)
    return outs


@dataclass
class _Proc:
    name: str
    cmd: list[str]
    again: bool  # a loop: started again after each clean exit until the others finish
    popen: subprocess.Popen[bytes] | None = None
    runs: int = 0
    kills: int = 0
    finished: bool = False
    kill_after: int = 0  # steps of its current run before a till may be killed


class Procs:
    """Real processes SIGKILLed at random and started again (seeded kill times); each run's
    stderr goes to ``<logs>/<name>.<run>.err``."""

    def __init__(self, logs: Path, *, seed: int, kill_every: float = 0.8) -> None:
        self.logs = logs
        logs.mkdir(parents=True, exist_ok=True)
        self.rng = random.Random(seed)
        self.kill_every = kill_every
        self.procs: dict[str, _Proc] = {}
        self.log: list[str] = []

    def add(self, name: str, cmd: list[str], *, again: bool = False) -> None:
        self.procs[name] = _Proc(name, cmd, again)

    def _err(self, p: _Proc) -> Path:
        return self.logs / f"{p.name}.{p.runs}.err"

    def _out(self, p: _Proc) -> Path:
        return self.logs / f"{p.name}.{p.runs}.out"

    def _start(self, p: _Proc) -> None:
        p.runs += 1
        p.kill_after = self.rng.randint(1, 6)  # steps this run plays before it may be killed
        with open(self._err(p), "wb") as err, open(self._out(p), "wb") as out:
            p.popen = subprocess.Popen(p.cmd, cwd=ROOT, stdout=out, stderr=err)

    def _steps(self, p: _Proc) -> int:
        """Steps the current run has played (a loop plays none)."""
        if p.again:
            return 0
        try:
            return self._out(p).read_bytes().count(b"step ")
        except OSError:
            return 0

    def _busy(self, p: _Proc) -> bool:
        """Running and past its start-up (it printed a line: it is writing or merging)."""
        return (
            not p.finished and p.popen is not None and p.popen.poll() is None
            and self._out(p).stat().st_size > 0
        )  # fmt: skip

    @property
    def kills(self) -> int:
        return sum(p.kills for p in self.procs.values())

    def output(self, name: str) -> str:
        """Everything the runs of ``name`` printed so far."""
        p = self.procs[name]
        return "".join(
            (self.logs / f"{name}.{run}.out").read_text(encoding="utf-8", errors="replace")
            for run in range(1, p.runs + 1)
        )

    def play(
        self, *, kills: int, timeout: float = 60.0, meanwhile: Callable[[], None] | None = None
    ) -> None:
        """Until every process that is not a loop has exited 0: up to ``kills`` SIGKILLs at
        random moments, each killed process started again at once. Loops then end.
        ``meanwhile`` is called on every turn (to change the world under the processes).

        A till (it prints ``step N``) is killed after a seeded number of steps of its run, not
        after a time: on a fast machine the tills ended their plans before the timed kills
        came (4 kills of 10). Loops are killed at seeded moments."""
        deadline = time.monotonic() + timeout
        for p in self.procs.values():
            self._start(p)
        next_kill = time.monotonic() + self.rng.uniform(0.2, self.kill_every)
        try:
            while not all(p.finished for p in self.procs.values() if not p.again):
                assert time.monotonic() < deadline, ("processes did not finish", self.log)
                for p in self.procs.values():
                    self._check(p)
                if meanwhile is not None:
                    meanwhile()
                if kills > self.kills:
                    due = time.monotonic() >= next_kill
                    busy = [p for p in self.procs.values() if self._busy(p)]
                    ready = [
                        p for p in busy if (p.again and due) or self._steps(p) >= p.kill_after
                    ]  # fmt: skip
                    victim = self.rng.choice(ready) if ready else None
                    if victim is not None and victim.popen is not None:
                        os.kill(victim.popen.pid, signal.SIGKILL)
                        if victim.popen.wait() == -signal.SIGKILL:  # not just ended by itself
                            victim.kills += 1
                            self.log.append(f"killed {victim.name} (run {victim.runs})")
                            self._start(victim)
                        if victim.again:
                            next_kill = time.monotonic() + self.rng.uniform(0.1, self.kill_every)
                time.sleep(0.01)
            for p in self.procs.values():  # the loops: let the last run end by itself
                if p.popen is not None and p.popen.wait(timeout=30) == 0:
                    p.finished = True
        finally:
            for p in self.procs.values():
                if p.popen is not None and p.popen.poll() is None:
                    p.popen.kill()
                    p.popen.wait()

    def _check(self, p: _Proc) -> None:
        if p.finished or p.popen is None:
            return
        code = p.popen.poll()
        if code is None:
            return
        err = self._err(p).read_text(encoding="utf-8", errors="replace")
        assert code == 0, (p.name, p.cmd, code, err[-3000:], self.log)
        if p.again and not all(q.finished for q in self.procs.values() if not q.again):
            self._start(p)
        else:
            p.finished = True


# what a database holds ---------------------------------------------------------------------
def snapshot(db: Path) -> dict[str, Any]:
    """The day as one device holds it: events, checkouts, payments, sessions, by id."""
    from pos.store import Store

    with Store.open(db) as store:

        def rows(sql: str) -> set[tuple[Any, ...]]:
            return {tuple(r) for r in store.query(sql)}

        return {
            "journal_events": rows("SELECT till_uid, seq, kind, at, body FROM journal_events"),
            "checkouts": rows(
                "SELECT id, kind, till_uid, order_id, reverses_id, reversed_at IS NOT NULL,"
                " amount_paid, receipt_no FROM checkouts"
            ),
            "payments": rows("SELECT id, checkout_id, method, amount FROM payments"),
            "till_sessions": rows(
                "SELECT id, till_uid, number, closed_at IS NOT NULL, counted_cash"
                " FROM till_sessions"
            ),
            "cash_movements": rows("SELECT id, session_id, amount FROM cash_movements"),
            "no_shows": rows("SELECT o.number FROM no_shows n JOIN orders o ON o.id = n.order_id"),
            "doubles": sorted(
                r[0]
                for r in store.query(
                    "SELECT o.number FROM staff_actions a JOIN orders o ON o.id = a.order_id"
                    " WHERE a.kind = 'double_handover' AND a.done_at IS NULL"
                )
            ),
            "walk_ins": sorted(  # walk-in sales to enter in OFN, by the id every device gives
                r[0] for r in store.query("SELECT id FROM staff_actions WHERE kind = 'walk_in'")
            ),
            "actions": sorted(
                (r[0] or "", r[1])
                for r in store.query(
                    "SELECT o.number, a.kind FROM staff_actions a"
                    " LEFT JOIN orders o ON o.id = a.order_id WHERE a.done_at IS NULL"
                )
            ),
            "outbox": {
                r[0]: json.loads(r[1]) if r[1] else None
                for r in store.query(
                    "SELECT o.number, x.desired FROM outbox x JOIN orders o ON o.id = x.order_id"
                )
            },
        }
