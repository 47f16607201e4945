"""Several tills and a staff copy share their journals through a sync engine that delays,
reorders, duplicates and truncates files, while their processes are SIGKILLed at random: at the
end they all hold the same day, nothing lost or doubled, every double hand-over listed; then
two tills and the staff copy push the same merged day to OFN at the same time, with faults,
and OFN captures and ships each order at most once (issue 14, "Tests" and point 6).

Replay a failure with ``JOURNAL_CHAOS_SEED=<seed>`` (the seed is in every assertion message).
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.folder_sync import FolderSync
from tests.helpers.journal_tills import (
    ROOT,
    Expect,
    Procs,
    device_copy,
    driver_cmd,
    journal_cmd,
    make_hub,
    make_plans,
    run_all,
    snapshot,
)
from tests.ofn_sim.server import FAULTS, OFNSimulator

SEED = int(os.environ.get("JOURNAL_CHAOS_SEED", "14"))
TILLS = ["T1", "T2", "T3"]
COMPARED = ("journal_events", "checkouts", "payments", "till_sessions", "cash_movements",
            "no_shows", "doubles")  # fmt: skip


def _diff(name: str, mine: Any, staff: Any) -> str:
    if isinstance(mine, set):
        return f"{name}: missing {sorted(staff - mine)[:5]}, extra {sorted(mine - staff)[:5]}"
    return f"{name}: {mine} != {staff}"


def check_agreement(snaps: dict[str, dict[str, Any]], expect: Expect) -> None:
    staff = snaps["staff"]
    for device, snap in snaps.items():
        for name in COMPARED:
            assert snap[name] == staff[name], (SEED, device, _diff(name, snap[name], staff[name]))
        outbox = {n: d for n, d in snap["outbox"].items() if n not in expect.doubles}
        theirs = {n: d for n, d in staff["outbox"].items() if n not in expect.doubles}
        assert outbox == theirs, (SEED, device, "outbox differs")
    # none lost, none doubled
    kinds = Counter(c[1] for c in staff["checkouts"])
    ids = {c[0]: c for c in staff["checkouts"]}
    assert set(expect.collections) <= set(ids), SEED
    assert expect.walk_ins <= set(ids), SEED
    assert kinds == {"collection": len(expect.collections), "walk_in": len(expect.walk_ins),
                     "reversal": expect.tills}, (SEED, kinds)  # fmt: skip
    assert len(staff["till_sessions"]) == expect.tills, SEED
    assert all(s[3] for s in staff["till_sessions"]), "every till closed"
    assert len(staff["cash_movements"]) == expect.cash_moves, SEED
    assert staff["no_shows"] == {(n,) for n in expect.no_shows}, SEED
    events = staff["journal_events"]
    by_till: dict[str, list[int]] = {}
    for till_uid, seq, *_ in events:
        by_till.setdefault(till_uid, []).append(seq)
    sources = expect.tills + (1 if expect.decided else 0)  # the staff copy's decisions
    assert len(by_till) == sources, (SEED, "events from an unknown till")
    for seqs in by_till.values():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), (SEED, "a gap: an event lost")
    kinds = Counter(e[2] for e in events)
    assert kinds["checkout"] == len(expect.collections) + len(expect.walk_ins), (SEED, kinds)
    assert kinds["reversal"] == kinds["till_open"] == kinds["till_close"] == expect.tills
    assert kinds["cash_move"] == expect.cash_moves and kinds["no_show"] == len(expect.no_shows)
    assert kinds["staff_done"] == len(expect.decided), (SEED, kinds)
    # every double hand-over is a conflict on every device, once, until staff decide it
    assert staff["doubles"] == sorted(expect.doubles - expect.decided), (SEED, staff["doubles"])


class FolderAway:
    """Removes a till's folder link once the till has played a few steps, puts it back three
    seconds later (called by :meth:`Procs.play` on every turn of its loop)."""

    def __init__(self, link: Path, output: Callable[[], str]) -> None:
        self.link, self.target = link, link.readlink()
        self.output = output
        self.back_at: float | None = None
        self.done = False

    def __call__(self) -> None:
        if self.done:
            return
        if self.back_at is None:
            if self.output().count("step") >= 4:
                self.link.unlink()
                self.back_at = time.monotonic() + 3.0
        elif time.monotonic() >= self.back_at:
            self.link.symlink_to(self.target, target_is_directory=True)
            self.done = True


def quiet_round(
    engine: FolderSync, dbs: dict[str, Path], folders: dict[str, Path], writers: list[str]
) -> None:
    """The ``writers`` write their journals, the folders settle, every device merges (the
    journal command, the devices at the same time)."""
    run_all([journal_cmd(dbs[n], folders[n], "--export") for n in writers])
    engine.settle()
    run_all([journal_cmd(db, folders[n], "--import") for n, db in dbs.items()])


def decide_a_double_handover(db: Path, expect: Expect) -> str:
    """Hub staff mark one double hand-over decided on their copy; its order number."""
    from pos.services.reconcile import ReconcileService
    from pos.store import Store

    number = sorted(expect.doubles)[0]
    with Store.open(db) as store:
        action_id = store.scalar(
            "SELECT a.id FROM staff_actions a JOIN orders o ON o.id = a.order_id"
            " WHERE o.number = ? AND a.kind = 'double_handover' AND a.done_at IS NULL",
            (number,),
        )
        assert action_id is not None, (SEED, number)
        assert ReconcileService(store).mark_action_done(action_id, "Hub staff")
    return number


def push_concurrently(sim: OFNSimulator, dbs: list[Path], expect: Expect) -> None:
    """Every database pushes at the same time, as real processes (one SIGKILLed half-way
    through the first run), until none has anything left to push; OFN's books never show a
    second capture or ship of an order."""
    env = dict(os.environ, OFN_TEST_KEY=sim.key)

    def cmd(db: Path) -> list[str]:
        return [sys.executable, "main.py", "sync", "--db", str(db), "--push",
                "--api-key-env", "OFN_TEST_KEY"]  # fmt: skip

    rng = random.Random(SEED)
    killed = 0
    for _round in range(12):
        procs = [subprocess.Popen(cmd(db), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for db in dbs]  # fmt: skip
        if _round == 0:  # one pusher is SIGKILLed in the middle of its run
            deadline = time.monotonic() + 60
            while sum(sim.ships.values()) < 5 and time.monotonic() < deadline:
                time.sleep(0.005)
            victim = rng.choice(procs)
            if victim.poll() is None:
                os.kill(victim.pid, signal.SIGKILL)
                killed += 1
        outs = [p.communicate(timeout=120) for p in procs]
        for p, (out, err) in zip(procs, outs, strict=True):
            assert p.returncode in (0, 1, 3, -signal.SIGKILL), (SEED, p.returncode, out, err)
            assert "unexpectedly" not in err, (SEED, err)
        assert max(sim.captures.values(), default=0) <= 1, (SEED, sim.captures.most_common(3))
        assert max(sim.ships.values(), default=0) <= 1, (SEED, sim.ships.most_common(3))
        if all(p.returncode in (0, 3) for p in procs):
            break
    else:
        raise AssertionError((SEED, "push never finished", outs))
    assert killed == 1, "the pushers ended before the kill"
    walk_ins = {db.name: snapshot(db)["walk_ins"] for db in dbs}
    first = walk_ins[dbs[0].name]  # each walk-in listed once, under one id on every device
    assert first and all(ids == first for ids in walk_ins.values()), (SEED, walk_ins)
    for db in dbs:  # the staff list: the conflicts stay, nothing else is left to do
        snap = snapshot(db)
        open_doubles = sorted(expect.doubles - expect.decided)
        assert snap["doubles"] == open_doubles, (SEED, db.name, "conflict lost")
        left = [(n, k) for n, k in snap["actions"] if n not in expect.doubles and k != "walk_in"]
        assert left == [], (SEED, db.name, left)
    settled = expect.capture - expect.reversed
    assert set(sim.captures) - expect.doubles == settled, (SEED, set(sim.captures) ^ settled)
    assert set(sim.ships) - expect.doubles == expect.ship, (SEED, set(sim.ships) ^ expect.ship)


@pytest.mark.slow
def test_tills_and_staff_copy_agree_through_a_faulty_sync_then_push_exactly_once(
    tmp_path: Path,
) -> None:
    with OFNSimulator(orders=120, seed=SEED) as sim:
        hub = make_hub(sim, tmp_path / "hub.sqlite")
        names = [*TILLS, "staff"]
        folders = {n: tmp_path / "sync" / n for n in names}
        dbs = {n: device_copy(hub, tmp_path / f"{n}.sqlite", n, folders[n]) for n in names}
        plans, expect = make_plans(sim, TILLS, seed=SEED)
        procs = Procs(tmp_path / "logs", seed=SEED)
        # T2 reaches its folder through a link the test removes for a while (a drive gone)
        link = tmp_path / "sync" / "T2-link"
        link.symlink_to(folders["T2"], target_is_directory=True)
        for label, plan in zip(TILLS, plans, strict=True):
            path = tmp_path / f"{label}.plan.json"
            path.write_text(json.dumps(plan), encoding="utf-8")
            seen_as = link if label == "T2" else folders[label]
            procs.add(label, driver_cmd(dbs[label], seen_as, path))
        # the staff copy merges on its timer; a script also runs the journal command on T3's
        # database while the till has it open (as a cron job or a USB-stick script would)
        procs.add("staff", journal_cmd(dbs["staff"], folders["staff"]), again=True)
        procs.add("T3 script", journal_cmd(dbs["T3"], folders["T3"]), again=True)

        started = time.monotonic()
        with FolderSync(list(folders.values()), seed=SEED) as engine:
            procs.play(kills=10, meanwhile=FolderAway(link, lambda: procs.output("T2")))
            played = time.monotonic()
            assert "waiting (journal.folder_missing)" in procs.output("T2"), "never away"
            assert procs.kills >= 8, procs.log
            # the quiet round: no more faults; everyone writes, the folders settle, all merge
            engine.quiet()  # T2's backlog, if its folder was away at its end, is written now
            quiet_round(engine, dbs, folders, list(dbs))
            assert min(engine.counts.values()) > 0, engine.counts  # every fault happened
            snaps = {n: snapshot(dbs[n]) for n in names}
            staff = snaps["staff"]
            print(f"seed {SEED}: {procs.log}; engine {engine.counts}; "
                  f"{len(staff['journal_events'])} events; doubles {staff['doubles']}")  # fmt: skip
            check_agreement(snaps, expect)
            # staff decide one double hand-over on their copy: the decision reaches every till
            expect.decided.add(decide_a_double_handover(dbs["staff"], expect))
            quiet_round(engine, dbs, folders, ["staff"])
            assert engine.errors == []
        check_agreement({n: snapshot(dbs[n]) for n in names}, expect)
        agreed = time.monotonic()

        sim.latency = 0.005  # answers overlap between the pushers
        sim.chaos(0.3, FAULTS, seed=SEED)
        push_concurrently(sim, [dbs["T1"], dbs["T2"], dbs["staff"]], expect)
        sim.chaos(0)
        print(f"pushed: faults {dict(sim.faults_served)}, redundant {sum(sim.redundant.values())}"
              f"; day {played - started:.1f} s, quiet rounds {agreed - played:.1f} s,"
              f" push {time.monotonic() - agreed:.1f} s")  # fmt: skip
        assert sum(sim.faults_served.values()) > 10, sim.faults_served


def test_a_pusher_that_lost_the_capture_race_leaves_nothing_for_staff(tmp_path: Path) -> None:
    """Two databases hold the same hand-over (a till and a copy that merged it): the first
    pushes it; the second read the order just before that capture, so its capture finds
    nothing to take. It must read again and find the payment, not ask staff to enter it
    (they would charge the customer twice)."""
    from pos.services.context import Services
    from pos.store import Store
    from pos.store.outbox import Outbox
    from sync.push import push
    from tests.helpers.till_driver import play
    from tests.ofn_sim.fixtures import make_client

    with OFNSimulator(orders=30, seed=3) as sim:
        hub = make_hub(sim, tmp_path / "hub.sqlite", key="")
        number = sim.numbers(state="complete", payment_state="balance_due")[0]
        services = Services.open(hub)
        try:
            play(services, None, tmp_path, {"do": "open", "volunteer": "Vol", "float": 0})
            step = {"do": "collect", "number": number, "pay": "cash", "id": "c-1"}
            play(services, None, tmp_path, step)
        finally:
            services.close()
        first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
        shutil.copyfile(hub, first)
        shutil.copyfile(hub, second)
        stale = copy.deepcopy(sim.order(number))
        client = make_client(sim)
        with Store.open(first) as store:
            push(client, store)
        assert sim.captures[number] == 1 and sim.ships[number] == 1
        served: list[str] = []

        def before_the_capture(path: str, query: dict[str, list[str]], payload: Any) -> Any:
            if path == f"/api/v0/orders/{number}" and not served:
                served.append(path)
                return stale
            return payload

        sim.tamper = before_the_capture
        with Store.open(second) as store:
            report = push(client, store)
            actions = [a for a in Outbox(store).staff_actions() if a.order_number == number]
            status = Outbox(store).get(store.scalar(
                "SELECT id FROM orders WHERE number = ?", (number,))).status  # fmt: skip
        client.t.close()
        assert served and sim.redundant[f"capture:{number}"] == 1  # it did lose the race
        assert sim.captures[number] == 1 and sim.ships[number] == 1
        assert actions == [], [a.reason for a in actions]
        assert (status, report.needs_staff) == ("done", 0)


def test_a_double_handover_stays_on_the_staff_list_after_push(tmp_path: Path) -> None:
    """Two tills hand the same order over out of touch; after the merge, pushing the order
    settles what OFN can do but leaves the double hand-over for staff to decide."""
    from pos.services.context import Services
    from pos.services.journal import JournalService
    from sync.push import push
    from tests.helpers.till_driver import play
    from tests.ofn_sim.fixtures import make_client

    with OFNSimulator(orders=30, seed=5) as sim:
        hub = make_hub(sim, tmp_path / "hub.sqlite")
        shared = tmp_path / "shared"
        number = sim.numbers(state="complete", payment_state="paid")[0]
        dbs = [device_copy(hub, tmp_path / f"T{i}.sqlite", f"T{i}", shared) for i in (1, 2)]
        for i, db in enumerate(dbs):
            services = Services.open(db)
            try:
                play(services, None, shared, {"do": "open", "volunteer": "Vol", "float": 0})
                step = {"do": "collect", "number": number, "pay": None, "id": f"c-{i}"}
                play(services, None, shared, step)
                JournalService(services.store).write_pending(shared)
            finally:
                services.close()
        services = Services.open(dbs[0])
        try:
            report = JournalService(services.store).merge(shared)
            assert (report.merged, report.conflicts) == (2, 1)  # open, checkout: a conflict
            client = make_client(sim)
            push(client, services.store)
            client.t.close()
        finally:
            services.close()
        assert sim.ships[number] == 1
        assert snapshot(dbs[0])["doubles"] == [number]


def test_a_double_handover_decided_on_the_staff_copy_is_closed_on_every_till(
    tmp_path: Path,
) -> None:
    """The same conflict is one staff action with one id on every device, so a decision
    taken on the staff copy closes it on both tills (whichever hand-over each calls local)."""
    from pos.services.context import Services
    from pos.services.journal import JournalService
    from tests.helpers.till_driver import play

    with OFNSimulator(orders=30, seed=5) as sim:
        hub = make_hub(sim, tmp_path / "hub.sqlite")
        number = sim.numbers(state="complete", payment_state="paid")[0]
    shared = tmp_path / "shared"
    names = ("T1", "T2", "staff")
    dbs = {n: device_copy(hub, tmp_path / f"{n}.sqlite", n, shared) for n in names}

    def exchange(name: str, step: dict[str, Any] | None = None) -> None:
        services = Services.open(dbs[name])
        try:
            if step is not None:
                play(services, None, shared, {"do": "open", "volunteer": "Vol", "float": 0})
                play(services, None, shared, step)
            journal = JournalService(services.store)
            journal.write_pending(shared)
            journal.merge(shared)
        finally:
            services.close()

    for i, name in enumerate(("T1", "T2")):
        exchange(name, {"do": "collect", "number": number, "pay": None, "id": f"c-{i}"})
    for name in names:
        exchange(name)
    assert {n: snapshot(dbs[n])["doubles"] for n in names} == {n: [number] for n in names}
    decide_a_double_handover(dbs["staff"], Expect(doubles={number}))
    for name in ("staff", "T1", "T2"):  # the staff copy writes its decision, the tills merge
        exchange(name)
    assert {n: snapshot(dbs[n])["doubles"] for n in names} == {n: [] for n in names}


def test_a_file_completed_in_place_with_the_same_size_and_time_is_merged(tmp_path: Path) -> None:
    """A sync engine that preallocates the file (its full size, zeros) and keeps the source's
    modification time, or a FAT/SMB clock too coarse to tell: the till that saw the empty
    copy still merges the complete one, without a restart."""
    from pos.services.context import Services
    from pos.services.journal import JournalService
    from tests.helpers.till_driver import play

    with OFNSimulator(orders=30, seed=5) as sim:
        hub = make_hub(sim, tmp_path / "hub.sqlite")
        number = sim.numbers(state="complete", payment_state="paid")[0]
    mine, theirs = tmp_path / "T1", tmp_path / "T2"
    services = Services.open(device_copy(hub, tmp_path / "T1.sqlite", "T1", mine))
    try:
        play(services, None, mine, {"do": "open", "volunteer": "Vol", "float": 0})
        play(services, None, mine, {"do": "collect", "number": number, "pay": None, "id": "c"})
        JournalService(services.store).write_pending(mine)
    finally:
        services.close()
    services = Services.open(device_copy(hub, tmp_path / "T2.sqlite", "T2", theirs))
    try:
        journal = JournalService(services.store)  # one for the whole run, as the app's timer
        for source in sorted(mine.rglob("*.json")):
            copy_ = theirs / source.relative_to(mine)
            copy_.parent.mkdir(parents=True, exist_ok=True)
            data = source.read_bytes()
            copy_.write_bytes(b"\0" * len(data))
            before = copy_.stat()
            journal.merge(theirs)  # sees the preallocated copy: not complete yet
            copy_.write_bytes(data)
            os.utime(copy_, ns=(before.st_atime_ns, before.st_mtime_ns))
        report = journal.merge(theirs)
        collected = services.store.scalar("SELECT COUNT(*) FROM checkouts WHERE id = 'c'")
    finally:
        services.close()
    assert (collected, report.held) == (1, 0), report
