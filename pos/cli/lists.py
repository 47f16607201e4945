"""``lists``: packing lists, harvest totals, collection sheets and labels as PDFs."""

from __future__ import annotations

import argparse

from pos.errors import KnownError

KINDS = ("harvest", "pack-producer", "pack-customer", "pack-product", "sheet", "labels")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="lists_db", required=True, metavar="PATH")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--producer", type=int, metavar="ID")
    p.add_argument("--pickup-point", type=int, metavar="ID")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")


def run(args: argparse.Namespace) -> int:
    raise KnownError("packing lists are not available in this version yet.")
