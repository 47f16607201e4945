"""``lists``: packing lists, harvest totals, collection sheets and labels as PDFs."""

from __future__ import annotations

import argparse
from pathlib import Path

from pos.errors import KnownError
from pos.services.lists import KINDS


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="lists_db", required=True, metavar="PATH")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--producer", type=int, metavar="ID")
    p.add_argument("--pickup-point", type=int, metavar="ID")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument("--force", action="store_true", help="replace files already in --out")


def run(args: argparse.Namespace) -> int:
    from pos.services import processes
    from pos.services.lists import ListRequest, ListsService
    from pos.store import Store

    db = Path(args.lists_db).expanduser()
    if not db.is_file():
        raise KnownError("store.no_database", path=db)
    request = ListRequest(
        kinds=(args.kind,) if args.kind else KINDS,
        producer_id=args.producer,
        pickup_point_id=args.pickup_point,
        paper=args.paper,
    )
    # Read-only use: no writer lock, so lists can be printed while the till is open.
    store = Store.open(db, lock=False, create=False)
    try:  # the documents are made by one worker process per core
        paths = ListsService(store).generate(
            request, args.out, executor=processes.pool(), overwrite=args.force
        )
    finally:
        processes.shutdown()
        store.close()
    for path in paths:
        print(path)
    return 0
