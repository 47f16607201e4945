"""``sync``: pull from and push to Open Food Network (see issue: sync)."""

from __future__ import annotations

import argparse

from pos.errors import KnownError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="sync_db", required=True, metavar="PATH")
    p.add_argument(
        "--server", metavar="URL", help="OFN instance, e.g. https://openfoodnetwork.org.uk"
    )
    p.add_argument("--api-key-env", metavar="VAR", help="environment variable holding the API key")
    p.add_argument("--hub", type=int, metavar="ID")
    p.add_argument("--order-cycle", type=int, metavar="ID")
    p.add_argument("--pickup-point", type=int, metavar="ID")
    p.add_argument("--pull", action="store_true")
    p.add_argument("--push", action="store_true")


def run(args: argparse.Namespace) -> int:
    raise KnownError("sync is not available in this version yet.")
