"""``demo --out PATH [--orders N] [--seed S]``: write a demo hub database."""

from __future__ import annotations

import argparse
from pathlib import Path

from pos.errors import KnownError

MAX_ORDERS = 100_000


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="PATH", help="database file to write")
    p.add_argument("--orders", type=int, default=180, metavar="N", help="orders (1-100,000)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed")


def run(args: argparse.Namespace) -> int:
    from pos.services.demo import write_demo

    if not 1 <= args.orders <= MAX_ORDERS:
        raise KnownError(f"--orders must be between 1 and {MAX_ORDERS:,}.")
    out = Path(args.out)
    if out.exists():
        raise KnownError(f"{out} already exists; choose a new file name.")
    write_demo(out, orders=args.orders, seed=args.seed)
    print(f"wrote {args.orders} demo orders to {out}")
    return 0
