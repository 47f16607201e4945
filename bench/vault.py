"""Encryption at rest and backups (issue 15): plain next to SQLCipher, in the same run.

On copies of the same 20,000-order demo hub, alternating row by row so machine load falls on
every column alike: the standard library's ``sqlite3`` (the driver before issue 15), the
SQLCipher build opening the plain file (the demo hub, a computer without keyring), and the
SQLCipher build on the copy encrypted in place as the app does it:

* search p95 (3-character name prefixes, ``OrderSearch.search``),
* collect commit p95 (``CheckoutService.collect`` with a cash payment, ``synchronous=FULL``),
* pull ingest (``Ingest.save_orders`` of 2,000 parsed simulator orders into a new database),
* backup of the whole hub (online backup API, rotated), and the one-off in-place encryption.

    python -m bench.vault [--orders 20000] [--repeat 200]
"""

from __future__ import annotations

import argparse
import random
import sqlite3 as stdlib_sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring

from bench.common import demo_db, fresh_copy, machine, pct, summary, timings_ms
from pos import keys
from pos.domain.checkout import Tender
from pos.services.context import Services
from pos.store import Store, backup
from pos.store import db as store_db
from pos.store.ingest import Ingest
from pos.store.search import OrderSearch
from sync.parse import parse_order
from tests.helpers.keyring_file import FileKeyring
from tests.ofn_sim.server import OFNSimulator

VARIANTS = ("stdlib", "plain", "encrypted")


@contextmanager
def stdlib_driver(on: bool) -> Iterator[None]:
    """Open with the standard library's sqlite3 (the connection keeps it afterwards)."""
    saved = store_db.sqlite3
    if on:
        store_db.sqlite3 = backup.sqlite3 = stdlib_sqlite3  # type: ignore[misc]
    try:
        yield
    finally:
        store_db.sqlite3 = backup.sqlite3 = saved  # type: ignore[misc]


def prefixes(store: Store, count: int, rng: random.Random) -> list[str]:
    names = [str(r[0]) for r in store.query("SELECT customer_name FROM orders LIMIT 2000")]
    return [n[:3] for n in rng.sample(names, count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-vault-"))
    keyring.set_keyring(FileKeyring(work / "keyring.json"))  # a real backend, in a file
    print(f"# vault benchmark: {args.orders:,} orders, {machine()}")
    template = demo_db(args.orders)
    paths = {name: fresh_copy(template, f"vault-{name}.sqlite") for name in VARIANTS}
    plain_db, enc_db = paths["plain"], paths["encrypted"]
    for stale in [b for p in paths.values() for b in backup.backups_of(p)]:
        stale.unlink()
    print(f"database: {plain_db.stat().st_size / 1e6:.1f} MB")

    with Store.open(enc_db) as store:
        t = time.perf_counter()
        store.encrypt(keys.new_key())
        print(f"in-place encryption (export, check, first backup, rename): "
              f"{time.perf_counter() - t:.2f} s")  # fmt: skip

    with stdlib_driver(True):
        services = {"stdlib": Services.open(paths["stdlib"])}
    services["plain"], services["encrypted"] = Services.open(plain_db), Services.open(enc_db)
    assert services["encrypted"].store.encrypted and not services["plain"].store.encrypted
    assert isinstance(services["stdlib"].store.db.conn, stdlib_sqlite3.Connection)
    rng = random.Random(3)
    queries = prefixes(services["plain"].store, 50, rng)
    searches = {name: OrderSearch(s.store) for name, s in services.items()}
    rows: dict[str, dict[str, list[float]]] = {"search": {}, "commit": {}, "backup": {}}
    for name in VARIANTS:
        for key in rows:
            rows[key][name] = []

    # search, alternating blocks of 20
    for block in range(args.repeat // 20):
        for name in VARIANTS if block % 2 == 0 else tuple(reversed(VARIANTS)):
            it = iter(queries * 2)
            rows["search"][name] += timings_ms(
                lambda s=searches[name], it=it: s.search(next(it)), 20, warmup=2
            )

    # collect commits, one each in turn
    ids = [
        int(r[0])
        for r in services["plain"].store.query(
            "SELECT id FROM orders WHERE state = 'complete' ORDER BY id LIMIT ?",
            (args.repeat + 10,),
        )
    ]
    for one in services.values():
        one.till.open("Bench", 10_000)
    for i, order_id in enumerate(ids):
        for name in VARIANTS:

            def collect(s: Services = services[name], order_id: int = order_id) -> None:
                draft = s.checkout.start(order_id)
                due = max(draft.handover().amount_due, 0)
                s.checkout.collect(draft, [Tender("cash", due + 500)] if due else [])

            took = timings_ms(collect, 1, warmup=0)
            if i >= 5:
                rows["commit"][name] += took

    # backups of the whole hub, three each
    for _ in range(3):
        for name in VARIANTS:
            with stdlib_driver(name == "stdlib"):
                t = time.perf_counter()
                backup.make_backup(services[name].store, work / f"backups-{name}", keep=2)
                rows["backup"][name].append((time.perf_counter() - t) * 1000)
    for one in services.values():
        one.close()

    # pull ingest: 2,000 parsed orders into new databases, plain and encrypted
    sim = OFNSimulator(orders=2000, seed=1)
    parsed = [parse_order(sim.order(n), currency="GBP") for n in sim.numbers()]
    ingest_rate: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for run in range(2):
        for name in VARIANTS:
            with stdlib_driver(name == "stdlib"):
                store = Store.open(work / f"ingest-{name}-{run}.sqlite")
            with store:
                if name == "encrypted":
                    store.encrypt(keys.new_key())
                ingest = Ingest(store)
                t = time.perf_counter()
                for i in range(0, len(parsed), 200):
                    ingest.save_orders(parsed[i : i + 200], admin_url="https://ofn.example")
                ingest_rate[name].append(len(parsed) / (time.perf_counter() - t))

    print("\nencrypted / plain p95 ratio last; columns: stdlib sqlite3 | SQLCipher build, plain"
          " file | SQLCipher build, encrypted file")  # fmt: skip
    for label, key in (("search, 3 characters", "search"), ("collect commit", "commit"),
                       ("backup of the hub", "backup")):  # fmt: skip
        cells = [rows[key][name] for name in VARIANTS]
        ratio = pct(cells[2], 95) / max(pct(cells[0], 95), 1e-9)
        print(f"{label}:")
        for name, values in zip(VARIANTS, cells, strict=True):
            print(f"    {name:<10} {summary(values)}")
        print(f"    encrypted p95 / stdlib p95: {ratio:.2f}x")
    print("pull ingest, 2,000 orders (orders/s, two runs each):")
    for name in VARIANTS:
        print(f"    {name:<10} {' / '.join(f'{r:,.0f}' for r in ingest_rate[name])}")


if __name__ == "__main__":
    main()
