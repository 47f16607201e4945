"""Encryption at rest and backups (issue 15): plain next to SQLCipher, in the same run.

On copies of the same 20,000-order demo hub, one plain and one encrypted in place (as the
app does it), alternating row by row so machine load falls on both columns alike:

* search p95 (3-character name prefixes, ``OrderSearch.search``),
* collect commit p95 (``CheckoutService.collect`` with a cash payment, ``synchronous=FULL``),
* pull ingest (``Ingest.save_orders`` of 2,000 parsed simulator orders into a new database),
* backup of the whole hub (online backup API, rotated), and the one-off in-place encryption.

    python -m bench.vault [--orders 20000] [--repeat 200]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import keyring

from bench.common import demo_db, fresh_copy, machine, pct, summary, timings_ms
from pos import keys
from pos.domain.checkout import Tender
from pos.services.context import Services
from pos.store import Store, backup
from pos.store.ingest import Ingest
from pos.store.search import OrderSearch
from sync.parse import parse_order
from tests.helpers.keyring_file import FileKeyring
from tests.ofn_sim.server import OFNSimulator


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
    plain_db = fresh_copy(template, "vault-plain.sqlite")
    enc_db = fresh_copy(template, "vault-encrypted.sqlite")
    for stale in backup.backups_of(plain_db) + backup.backups_of(enc_db):
        stale.unlink()
    print(f"database: {plain_db.stat().st_size / 1e6:.1f} MB")

    with Store.open(enc_db) as store:
        t = time.perf_counter()
        store.encrypt(keys.new_key())
        print(f"in-place encryption (export, check, first backup, rename): "
              f"{time.perf_counter() - t:.2f} s")  # fmt: skip

    plain, enc = Services.open(plain_db), Services.open(enc_db)
    assert enc.store.encrypted and not plain.store.encrypted
    rng = random.Random(3)
    queries = prefixes(plain.store, 50, rng)
    searches = {"plain": OrderSearch(plain.store), "encrypted": OrderSearch(enc.store)}
    rows: dict[str, dict[str, list[float]]] = {"search": {}, "commit": {}, "backup": {}}
    for name in ("plain", "encrypted"):
        for key in rows:
            rows[key][name] = []

    # search, alternating blocks of 20
    for block in range(args.repeat // 20):
        for name in ("plain", "encrypted") if block % 2 == 0 else ("encrypted", "plain"):
            it = iter(queries * 2)
            rows["search"][name] += timings_ms(
                lambda s=searches[name], it=it: s.search(next(it)), 20, warmup=2
            )

    # collect commits, one each in turn
    ids = [
        int(r[0])
        for r in plain.store.query(
            "SELECT id FROM orders WHERE state = 'complete' ORDER BY id LIMIT ?",
            (args.repeat + 10,),
        )
    ]
    for services in (plain, enc):
        services.till.open("Bench", 10_000)
    for i, order_id in enumerate(ids):
        for name, services in (("plain", plain), ("encrypted", enc)):

            def collect(services: Services = services, order_id: int = order_id) -> None:
                draft = services.checkout.start(order_id)
                due = max(draft.handover().amount_due, 0)
                services.checkout.collect(draft, [Tender("cash", due + 500)] if due else [])

            took = timings_ms(collect, 1, warmup=0)
            if i >= 5:
                rows["commit"][name] += took

    # backups of the whole hub, three each
    for _ in range(3):
        for name, services in (("plain", plain), ("encrypted", enc)):
            t = time.perf_counter()
            backup.make_backup(services.store, work / f"backups-{name}", keep=2)
            rows["backup"][name].append((time.perf_counter() - t) * 1000)
    plain.close()
    enc.close()

    # pull ingest: 2,000 parsed orders into new databases, plain and encrypted
    sim = OFNSimulator(orders=2000, seed=1)
    parsed = [parse_order(sim.order(n), currency="GBP") for n in sim.numbers()]
    ingest_rate: dict[str, list[float]] = {"plain": [], "encrypted": []}
    for run in range(2):
        for name in ("plain", "encrypted"):
            with Store.open(work / f"ingest-{name}-{run}.sqlite") as store:
                if name == "encrypted":
                    store.encrypt(keys.new_key())
                ingest = Ingest(store)
                t = time.perf_counter()
                for i in range(0, len(parsed), 200):
                    ingest.save_orders(parsed[i : i + 200], admin_url="https://ofn.example")
                ingest_rate[name].append(len(parsed) / (time.perf_counter() - t))

    print(f"\n{'measure':<28} {'plain':<50} {'encrypted':<50} p95 ratio")
    for label, key in (("search, 3 characters", "search"), ("collect commit", "commit"),
                       ("backup of the hub", "backup")):  # fmt: skip
        p, e = rows[key]["plain"], rows[key]["encrypted"]
        ratio = pct(e, 95) / max(pct(p, 95), 1e-9)
        print(f"{label:<28} {summary(p):<50} {summary(e):<50} {ratio:5.2f}x")
    p_rate, e_rate = ingest_rate["plain"], ingest_rate["encrypted"]
    print(
        f"{'pull ingest (orders/s)':<28} {' / '.join(f'{r:,.0f}' for r in p_rate):<50}"
        f" {' / '.join(f'{r:,.0f}' for r in e_rate):<50}"
        f" {max(p_rate) / max(e_rate):5.2f}x slower"
    )


if __name__ == "__main__":
    main()
