"""Chaos and crash tests: exactly-once capture and ship under faults and SIGKILL."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pos.domain.settings import HUB_ID, OFN_URL, ORDER_CYCLE_ID
from pos.store import Store
from pos.store.outbox import Outbox
from sync.errors import Unreachable
from sync.pull import pull
from sync.push import push
from tests.helpers.sync_tills import collect, outbox_status, walk_in
from tests.ofn_sim.fixtures import declare_paid_at_pickup, make_client
from tests.ofn_sim.server import FAULTS, OFNSimulator

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Plan:
    """What the till did, and so what OFN and the staff list must end up with."""

    capture_and_ship: set[str] = field(default_factory=set)
    ship_only: set[str] = field(default_factory=set)
    staff: dict[str, set[str]] = field(default_factory=dict)  # number -> action kinds
    walk_ins: int = 0


def check_out_many(store: Store, sim: OFNSimulator, seed: int) -> Plan:
    rng = random.Random(seed)
    plan = Plan()
    for number in sim.numbers(state="complete"):
        roll = rng.random()
        if sim.order(number)["payment_state"] == "balance_due":
            if roll < 0.6:
                collect(store, number, pay_due="cash")
                plan.capture_and_ship.add(number)
            elif roll < 0.8:
                collect(store, number, pay_due="card")
                plan.staff[number] = {"enter_payment"}
            else:
                collect(store, number)
                plan.staff[number] = {"unpaid_handover"}
        elif roll < 0.15:
            collect(store, number, missing=1)
            plan.ship_only.add(number)
            plan.staff[number] = {"credit"}
        elif roll < 0.9:
            collect(store, number)
            plan.ship_only.add(number)
    for i in range(5):
        walk_in(store, 300 + i, "cash")
        plan.walk_ins += 1
    return plan


def check_outcome(store: Store, sim: OFNSimulator, plan: Plan) -> None:
    for number in plan.capture_and_ship:
        assert sim.captures[number] == 1, (number, outbox_status(store)[number])
    for number in plan.capture_and_ship | plan.ship_only:
        assert sim.ships[number] == 1, number
        assert sim.order(number)["shipment_state"] == "shipped"
    assert max(sim.captures.values(), default=0) == 1
    assert max(sim.ships.values(), default=0) == 1
    assert set(sim.captures) == plan.capture_and_ship
    assert set(sim.ships) == plan.capture_and_ship | plan.ship_only
    assert not sim.redundant, sim.redundant  # never a capture or ship call on a settled order
    actions = Outbox(store).staff_actions()
    got: dict[str, set[str]] = {}
    for a in actions:
        if a.order_number:
            got.setdefault(a.order_number, set()).add(a.kind)
    assert got == plan.staff
    assert sum(1 for a in actions if a.kind == "walk_in") == plan.walk_ins
    status = outbox_status(store)
    for number in plan.capture_and_ship | plan.ship_only:
        assert status[number] == ("needs_staff" if number in plan.staff else "done"), number
    for number in plan.staff:
        assert status[number] == "needs_staff"


@pytest.mark.slow
def test_chaos_push_until_done_captures_and_ships_exactly_once(tmp_path: Path) -> None:
    with OFNSimulator(orders=300, seed=7) as sim:
        client = make_client(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            declare_paid_at_pickup(store)
            plan = check_out_many(store, sim, seed=3)
            assert len(plan.capture_and_ship) > 40 and len(plan.ship_only) > 100
            sim.chaos(0.35, FAULTS, seed=11)
            before = sum(sim.hits.values())
            for _run in range(40):
                Outbox(store).retry_failed_now()
                try:
                    push(client, store)
                except Unreachable:
                    continue
                if Outbox(store).status().waiting == 0:
                    break
            sim.chaos(0)
            served = sum(sim.faults_served.values())
            assert served >= 0.3 * (sum(sim.hits.values()) - before) - 30
            assert sim.faults_served["reset_after"] > 20
            assert Outbox(store).status().waiting == 0
            check_outcome(store, sim, plan)
            # and one more run changes nothing at all
            hits = sum(sim.hits.values())
            push(client, store)
            assert sum(sim.hits.values()) == hits


@pytest.mark.slow
def test_concurrent_pushes_under_faults_capture_and_ship_at_most_once(tmp_path: Path) -> None:
    """Four orders in flight at a time while the simulator injects every fault: after every
    run, no order was captured or shipped twice in the simulator's books."""
    with OFNSimulator(orders=200, seed=13) as sim:
        client = make_client(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            declare_paid_at_pickup(store)
            plan = check_out_many(store, sim, seed=21)
            sim.latency = 0.01  # answers overlap: several orders are under way at once
            sim.max_in_flight = 0
            sim.chaos(0.3, FAULTS, seed=5)
            for _run in range(40):
                Outbox(store).retry_failed_now()
                try:
                    push(client, store)
                except Unreachable:
                    pass
                assert max(sim.captures.values(), default=0) <= 1
                assert max(sim.ships.values(), default=0) <= 1
                if Outbox(store).status().waiting == 0:
                    break
            sim.chaos(0)
            assert sim.max_in_flight == client.t.max_in_flight == 4
            assert sum(sim.faults_served.values()) > 50 and sim.faults_served["reset_after"] > 5
            check_outcome(store, sim, plan)


@pytest.mark.slow
def test_sigkill_mid_push_then_resume_gives_the_same_result(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    with OFNSimulator(orders=120, seed=5) as sim:
        client = make_client(sim)
        with Store.open(db) as store:
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            declare_paid_at_pickup(store)
            store.settings.set(OFN_URL, sim.url)
            store.settings.set(HUB_ID, sim.hub_id)
            store.settings.set(ORDER_CYCLE_ID, 987)
            plan = check_out_many(store, sim, seed=9)
        sim.latency = 0.03
        env = dict(os.environ, OFN_TEST_KEY=sim.key)
        cmd = [sys.executable, "main.py", "sync", "--db", str(db), "--push",
               "--api-key-env", "OFN_TEST_KEY"]  # fmt: skip
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + 60
        while sum(sim.ships.values()) < 15 and time.monotonic() < deadline:
            time.sleep(0.01)
        # kill it between a capture and its ship if we can: wait for a fresh capture
        seen = sum(sim.captures.values())
        while sum(sim.captures.values()) == seen and time.monotonic() < deadline:
            time.sleep(0.001)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        shipped_at_kill = sum(sim.ships.values())
        assert 0 < shipped_at_kill < len(plan.capture_and_ship | plan.ship_only)
        sim.latency = 0
        resumed = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                                 timeout=120)  # fmt: skip
        assert resumed.returncode == 3, resumed.stderr  # done; some orders need staff
        with Store.open(db) as store:
            check_outcome(store, sim, plan)


def test_the_till_keeps_checking_out_while_sync_runs(tmp_path: Path) -> None:
    """Sync on its own connection (as the GUI worker runs it) never blocks or breaks the till."""
    import threading

    with OFNSimulator(orders=200, seed=3) as sim:
        client = make_client(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            declare_paid_at_pickup(store)
            for number in sim.numbers(state="complete")[:150]:
                sim.edit(number, special_instructions="edited")  # the next pull rewrites them
            errors: list[BaseException] = []

            def sync_loop() -> None:
                reader = store.reader()
                try:
                    for _ in range(3):
                        pull(client, reader, hub_id=sim.hub_id, order_cycle_id=987, full=True)
                        push(client, reader)
                except BaseException as exc:
                    errors.append(exc)
                finally:
                    reader.close()

            worker = threading.Thread(target=sync_loop)
            worker.start()
            collected = 0
            for number in sim.numbers(payment_state="paid")[:60]:
                collect(store, number)
                collected += 1
            worker.join(timeout=120)
            assert not worker.is_alive() and errors == []
            assert collected == 60
            status = Outbox(store).status()
            assert sum(status.outbox.values()) == 60
