"""``print-test --printer URI [--profile NAME] [--width 58|80]``: print a test receipt.

The test receipt carries accented names (é ü ø ł ß œ €), aligned money columns, a QR code
and a cut: what goes wrong first with a new printer. It asks the printer for its status
first, so "out of paper" or "cover open" is reported instead of printing into the void.
"""

from __future__ import annotations

import argparse
import os

from pos import languages
from pos.errors import KnownError
from pos.messages import phrase, word, word_error
from pos.services.printing import PrinterSettings, sample_receipt_bytes
from receipts import printers
from receipts.escpos_render import DEFAULT_PROFILE


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--printer", dest="test_printer", required=True, metavar="URI")
    p.add_argument("--profile", metavar="NAME")
    p.add_argument("--width", type=int, choices=(58, 80), default=80)


def run(args: argparse.Namespace) -> int:
    address = printers.parse_uri(args.test_printer)
    settings = PrinterSettings(
        uri=address.uri,
        profile=args.profile or DEFAULT_PROFILE,
        width_mm=args.width,
        language=languages.pick(os.environ.get("FOODHUB_POS_LANG")),
    )
    payload = sample_receipt_bytes(settings)
    try:
        after = printers.send(address, payload)
    except printers.PrinterFault as fault:
        raise KnownError("cli.not_printed", reason=phrase(fault.code, **fault.params)) from fault
    setup = settings.setup
    language = languages.from_environment()
    printed = {"printer": address.uri, "profile": setup.profile, "width": args.width,
               "columns": setup.line_columns, "count": len(payload)}  # fmt: skip
    print(word("cli.test_printed", printed, language))
    if after.problem is not None:
        print(word("cli.warning", {"problem": word_error(after.problem, language)}, language))
    return 0
