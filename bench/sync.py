"""Sync benchmark: pull 2,000 orders, then push 1,000+ collections, from the OFN simulator with
20 ms latency per request.

Prints the wall time next to the lower bound set by the request count, the latency and the
concurrency (four requests in flight: ceil(requests / 4) x latency), and the local ingest
rate next to a raw ``sqlite3.executemany`` of the same rows, both measured in this run.
The pull runs twice, each against a fresh simulator process: without ``q[s]`` (heap order,
as before issue 11) and with the stable sort ``q[s]=id asc`` the pull now sends.

The push part collects up to ``--collections`` orders through the real checkout service (cash
on pickup paid in cash: read, capture, ship; paid online: read, ship), pushes them with the
transport's four slots and prints the wall time next to the same floor, then the next
incremental pull twice on copies of the database: as it runs now (orders the push changed are
not fetched again) and with the push's fingerprints removed (every changed order fetched, as
before). ``--push-slots 1`` pushes one order at a time (the push before issue 17).

    python -m bench.sync [--orders 2000] [--latency 0.02] [--part all|pull|push]
"""

from __future__ import annotations

import argparse
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pos.store import Store
from pos.store.ingest import Ingest
from sync.client import OFNClient, OrderPage
from sync.parse import parse_order
from sync.pull import WORKERS, pull
from sync.transport import Transport
from tests.ofn_sim.server import OFNSimulator


def _raw_rows(orders):  # type: ignore[no-untyped-def]
    """The rows save_orders writes, built the cheapest way (the baseline's input)."""
    o_rows, li_rows, p_rows = [], [], []
    for o in orders:
        o_rows.append(
            (
                o.id,
                o.number,
                o.hub_id,
                o.order_cycle_id,
                o.pickup_point_id,
                o.customer_id,
                None,
                o.customer_name,
                o.customer_sort_name,
                "",
                o.email,
                o.phone,
                o.state,
                o.payment_state,
                o.shipment_state,
                o.item_total,
                o.adjustment_total,
                o.payment_total,
                o.total,
                o.outstanding,
                o.currency,
                o.special_instructions,
                o.completed_at,
                int(o.ready_to_capture),
                o.raw_json,
                "now",
            )
        )
        for i, li in enumerate(o.line_items):
            li_rows.append(
                (
                    li.id,
                    o.id,
                    i,
                    li.producer_id,
                    li.variant_id,
                    li.product_name,
                    li.variant_name,
                    li.sku,
                    li.quantity,
                    li.unit_price,
                    li.variant_unit,
                    str(li.unit_value),
                    None,
                    int(li.chilled),
                )
            )
        for i, p in enumerate(o.payments):
            p_rows.append((o.id, i, p.amount, p.method, p.state))
    return o_rows, li_rows, p_rows


def _bare_requests(url: str, key: str, numbers: list[str]) -> float:
    """The floor of Python + requests here: fetch the details and do nothing with them."""
    import requests
    from requests.adapters import HTTPAdapter

    session = requests.Session()
    session.trust_env = False
    session.mount("http://", HTTPAdapter(pool_maxsize=WORKERS))
    headers = {"X-Spree-Token": key}
    t = time.perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        list(
            pool.map(
                lambda n: session.get(f"{url}/api/v0/orders/{n}", headers=headers).json(), numbers
            )
        )
    session.close()
    return time.perf_counter() - t


class _Unsorted(OFNClient):
    """The order index as the pull read it before issue 11: no ``q[s]``."""

    def order_page(self, *args, **kwargs) -> OrderPage:  # type: ignore[no-untyped-def]
        kwargs["sort"] = None
        return super().order_page(*args, **kwargs)


def _server(args: argparse.Namespace) -> tuple[subprocess.Popen[str], str, str]:
    """The simulator in its own process, as a real server would be (no shared GIL)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.ofn_sim", "--orders", str(args.orders),
         "--latency", str(args.latency)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert server.stdout is not None
    url, key = server.stdout.readline().split()
    return server, url, key


def _stats(server: subprocess.Popen[str]) -> tuple[int, int, int]:
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write("stats\n")
    server.stdin.flush()
    requests, in_flight, connections = map(int, server.stdout.readline().split())
    return requests, in_flight, connections


def _stop(server: subprocess.Popen[str]) -> None:
    assert server.stdin is not None
    server.stdin.close()
    server.wait(timeout=30)


def _pull_row(args: argparse.Namespace, tmp: str, sort: bool, hub_id: int) -> None:
    server, url, key = _server(args)
    kind = OFNClient if sort else _Unsorted
    client = kind(Transport(url, key))
    with Store.open(Path(tmp) / f"pull-{sort}.sqlite") as store:
        t = time.perf_counter()
        report = pull(client, store, hub_id=hub_id, order_cycle_id=987)
        wall = time.perf_counter() - t
    requests, in_flight, connections = _stats(server)
    _stop(server)
    client.t.close()
    bound = math.ceil(requests / WORKERS) * args.latency
    label = "q[s]=id asc (now)" if sort else "no q[s] (before)"
    print(
        f"  pull, {label}: {report.inserted} orders, {requests} requests, max {in_flight}"
        f" in flight, {connections} connection(s)"
    )
    print(
        f"    wall time {wall:6.2f} s; lower bound {bound:6.2f} s = ceil({requests} requests"
        f" / {WORKERS} in flight) x {args.latency * 1000:.0f} ms; ratio {wall / bound:.2f}x"
    )


def _push_part(args: argparse.Namespace, tmp: str, sim: OFNSimulator) -> None:
    import shutil

    from sync.push import push
    from tests.helpers.sync_tills import collect
    from tests.ofn_sim.fixtures import declare_paid_at_pickup

    server, url, key = _server(args)
    client = OFNClient(Transport(url, key, max_in_flight=args.push_slots))
    db = Path(tmp) / "push.sqlite"
    with Store.open(db) as store:
        pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
        declare_paid_at_pickup(store)
        cash = set(sim.numbers(state="complete", payment_state="balance_due"))
        paid = sim.numbers(state="complete", payment_state="paid")
        chosen = sorted(cash | set(paid), key=sim.numbers().index)[: args.collections]
        t = time.perf_counter()
        for number in chosen:
            collect(store, number, pay_due="cash" if number in cash else None)
        checkout = time.perf_counter() - t
        before, _, _ = _stats(server)
        t = time.perf_counter()
        report = push(client, store)
        wall = time.perf_counter() - t
        after, in_flight, _ = _stats(server)
    client.t.close()
    requests = after - before
    bound = math.ceil(requests / WORKERS) * args.latency
    print(
        f"  push: {len(chosen)} collections ({checkout:.1f} s to check out),"
        f" {len(report.captured)} captured, {len(report.shipped)} shipped, {requests} requests,"
        f" max {in_flight} in flight ({args.push_slots} slot(s))"
    )
    print(
        f"    wall time {wall:6.2f} s; floor {bound:6.2f} s = ceil({requests} requests"
        f" / {WORKERS} in flight) x {args.latency * 1000:.0f} ms; ratio {wall / bound:.2f}x"
    )
    numbers = sim.numbers()
    bare = _bare_requests(url, key, [numbers[i % len(numbers)] for i in range(requests)])
    print(
        f"    baseline: bare requests.get, {requests} requests on 4 threads (no parsing or"
        f" storing) {bare:.2f} s = {bare / bound:.2f}x the floor"
    )
    # the next pull, on two copies of the database taken after the push
    for label, keep in (("now: push's fingerprints kept", True), ("before: none kept", False)):
        copy = Path(tmp) / f"after-push-{keep}.sqlite"
        shutil.copy(db, copy)
        for suffix in ("-wal", "-shm"):
            if Path(f"{db}{suffix}").exists():
                shutil.copy(f"{db}{suffix}", f"{copy}{suffix}")
        pull_client = OFNClient(Transport(url, key))
        with Store.open(copy) as store:
            if not keep:
                with store.transaction():
                    store.db.conn.execute("DELETE FROM pushed_listings")
            before, _, _ = _stats(server)
            t = time.perf_counter()
            rep = pull(pull_client, store, hub_id=sim.hub_id, order_cycle_id=987)
            spent = time.perf_counter() - t
            after, _, _ = _stats(server)
        pull_client.t.close()
        print(
            f"  next pull ({label}): {after - before} requests, {spent:.2f} s;"
            f" {rep.fetched} details fetched, {rep.from_push} taken from the push"
        )
    _stop(server)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=2000)
    ap.add_argument("--latency", type=float, default=0.02)
    ap.add_argument("--collections", type=int, default=1200)
    ap.add_argument("--push-slots", type=int, default=WORKERS)
    ap.add_argument("--part", choices=("all", "pull", "push"), default="all")
    args = ap.parse_args()
    print(
        f"bench.sync: {args.orders} orders, {args.latency * 1000:.0f} ms latency per request,"
        f" {os.cpu_count()} CPU(s), load {os.getloadavg()[0]:.1f}"
    )
    sim = OFNSimulator(orders=args.orders, seed=1)  # the same data, for the ingest part
    if args.part in ("all", "push"):
        with tempfile.TemporaryDirectory() as tmp:
            _push_part(args, tmp, sim)
    if args.part == "push":
        return
    with tempfile.TemporaryDirectory() as tmp:
        for sort in (False, True):
            _pull_row(args, tmp, sort, sim.hub_id)
        server, url, key = _server(args)
        client = OFNClient(Transport(url, key))
        bare = _bare_requests(url, key, sim.numbers())
        _stop(server)
        bare_bound = math.ceil(len(sim.numbers()) / WORKERS) * args.latency
        bare_ratio = bare / max(bare_bound, 1e-9)
        print(
            f"  baseline: bare requests.get of the same {len(sim.numbers())} details"
            f" (4 threads, no parsing or storing) {bare:.2f} s = {bare_ratio:.2f}x its bound"
        )

        # ingest: the same parsed orders, into fresh databases
        orders = [parse_order(sim.order(n), currency="GBP") for n in sim.numbers()]
        with Store.open(Path(tmp) / "ingest.sqlite") as store:
            ingest = Ingest(store)
            t = time.perf_counter()
            for i in range(0, len(orders), 200):
                ingest.save_orders(orders[i : i + 200], admin_url=client.admin_url)
            ours = time.perf_counter() - t
        with Store.open(Path(tmp) / "raw.sqlite") as store:
            store.db.conn.execute("PRAGMA foreign_keys = OFF")
        conn = sqlite3.connect(Path(tmp) / "raw.sqlite")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        o_rows, li_rows, p_rows = _raw_rows(orders)
        t = time.perf_counter()
        for i in range(0, len(o_rows), 200):
            with conn:
                conn.executemany(
                    "INSERT INTO orders VALUES (" + ",".join("?" * 26) + ")", o_rows[i : i + 200]
                )
                ids = {r[0] for r in o_rows[i : i + 200]}
                conn.executemany(
                    "INSERT INTO line_items VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [r for r in li_rows if r[1] in ids],
                )
                conn.executemany(
                    "INSERT INTO order_payments VALUES (?,?,?,?,?)",
                    [r for r in p_rows if r[0] in ids],
                )
        raw = time.perf_counter() - t
        conn.close()
        n = len(orders)
        print(
            f"  ingest (Ingest.save_orders, FTS, conflict check) {n / ours:8.0f} orders/s"
            f"  ({ours:.2f} s)"
        )
        print(
            f"  raw sqlite3 executemany, same rows, no FTS       {n / raw:8.0f} orders/s"
            f"  ({raw:.2f} s)   ratio {ours / raw:.1f}x"
        )
        client.t.close()


if __name__ == "__main__":
    main()
