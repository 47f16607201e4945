"""``report --db PATH --out FILE.pdf|FILE.csv``: the end-of-day reconciliation report."""

from __future__ import annotations

import argparse
from pathlib import Path

from pos.cli import pin
from pos.domain.settings import TILL_LABEL
from pos.errors import KnownError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="report_db", required=True, metavar="PATH")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--pickup-point", type=int, metavar="ID")
    pin.add_arguments(p)
    p.add_argument("--force", action="store_true", help="replace an existing --out file")


def run(args: argparse.Namespace) -> int:
    from pos import files
    from pos.services.reconcile import ReconcileService
    from pos.store import Store

    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".pdf", ".csv"):
        raise KnownError("cli.report_suffix", name=out.name)
    if not out.parent.is_dir():
        raise KnownError("file.no_folder", path=out.parent)
    files.refuse_existing(out, args.force)
    # Read-only use: no writer lock, so the report runs while a till has the file open.
    store = Store.open(args.report_db, lock=False, create=False)
    try:
        pin.require_staff(store, args, "reconcile.report")  # as the app's reconcile window
        till_id = store.settings.get(TILL_LABEL)
        written = ReconcileService(store, till_id=till_id).export(out, args.pickup_point)
    finally:
        store.close()
    print(written)
    return 0
