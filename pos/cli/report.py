"""``report --db PATH --out FILE.pdf|FILE.csv``: the end-of-day reconciliation report."""

from __future__ import annotations

import argparse
from pathlib import Path

from pos.domain.settings import TILL_LABEL
from pos.errors import KnownError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="report_db", required=True, metavar="PATH")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--pickup-point", type=int, metavar="ID")


def run(args: argparse.Namespace) -> int:
    from pos.services.reconcile import ReconcileService
    from pos.store import Store

    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".pdf", ".csv"):
        raise KnownError(f"--out must end in .pdf or .csv, not “{out.name}”.")
    if not out.parent.is_dir():
        raise KnownError(f"The folder {out.parent} does not exist.")
    # Read-only use: no writer lock, so the report runs while a till has the file open.
    store = Store.open(args.report_db, lock=False, create=False)
    try:
        till_id = store.settings.get(TILL_LABEL)
        written = ReconcileService(store, till_id=till_id).export(out, args.pickup_point)
    finally:
        store.close()
    print(written)
    return 0
