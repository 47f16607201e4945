"""``print-test --printer URI``: print a test receipt."""

from __future__ import annotations

import argparse

from pos.errors import KnownError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--printer", dest="test_printer", required=True, metavar="URI")
    p.add_argument("--profile", metavar="NAME")
    p.add_argument("--width", type=int, choices=(58, 80), default=80)


def run(args: argparse.Namespace) -> int:
    raise KnownError("printing is not available in this version yet.")
