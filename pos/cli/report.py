"""``report --db PATH --out FILE.pdf|FILE.csv``: the end-of-day reconciliation report."""

from __future__ import annotations

import argparse

from pos.errors import KnownError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="report_db", required=True, metavar="PATH")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--pickup-point", type=int, metavar="ID")


def run(args: argparse.Namespace) -> int:
    raise KnownError("the reconciliation report is not available in this version yet.")
