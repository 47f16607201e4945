"""``demo --out PATH [--orders N] [--seed S] [--language CODE]``: write a demo hub database."""

from __future__ import annotations

import argparse
from pathlib import Path

from pos import languages, messages
from pos.errors import KnownError
from pos.languages import LANGUAGES

MAX_ORDERS = 100_000


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="PATH", help="database file to write")
    p.add_argument("--orders", type=int, default=180, metavar="N", help="orders (1-100,000)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed")
    p.add_argument("--force", action="store_true", help="replace an existing --out file")
    p.add_argument(
        "--language", choices=LANGUAGES, metavar="CODE",
        help=f"the language of its screens, lists and reports ({', '.join(LANGUAGES)})",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from pos.services.demo import write_demo

    if not 1 <= args.orders <= MAX_ORDERS:
        raise KnownError("cli.demo_orders", max=f"{MAX_ORDERS:,}")
    from pos import files

    out = Path(args.out)
    files.refuse_existing(out, args.force)
    if args.force and out.exists():
        for suffix in ("", "-wal", "-shm"):  # a fresh demo, not one merged into the old file
            out.with_name(out.name + suffix).unlink(missing_ok=True)
    write_demo(out, orders=args.orders, seed=args.seed)
    if args.language:
        from pos.domain.settings import LANGUAGE
        from pos.store import Store

        with Store.open(out) as store:
            store.settings.set(LANGUAGE, args.language)
    params = {"count": args.orders, "path": out}
    print(messages.word("cli.demo_written", params, languages.from_environment()))
    return 0
