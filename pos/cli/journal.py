"""``journal --db PATH --folder DIR [--export|--import]``: the shared journal, for scripts and
USB sticks (what the app does on its timer).

``--export`` writes this till's events not yet written into DIR; ``--import`` merges the other
tills' files found in DIR; neither does both (export first). Prints the counts; a folder that
cannot be used, or a hub passphrase not set, is one sentence and exit code 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pos import languages, messages
from pos.errors import KnownError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="journal_db", required=True, metavar="PATH")
    p.add_argument(
        "--folder",
        dest="journal_folder",
        metavar="DIR",
        help="the journal folder (default: the one set in Hub settings)",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument("--export", action="store_true", help="only write this till's events")
    what.add_argument("--import", dest="import_", action="store_true", help="only merge")


def run(args: argparse.Namespace) -> int:
    from pos.services.journal import JournalService
    from pos.store import Store

    # Like a sync job, not the till's lock: the till may have the database open meanwhile.
    with Store.open(args.journal_db, lock=False, create=False, role="sync") as store:
        service = JournalService(store)
        folder = Path(args.journal_folder).expanduser() if args.journal_folder else service.folder()
        if folder is None:
            raise KnownError("cli.journal_folder")
        both = not args.export and not args.import_
        if both or args.export:
            service.check_folder(folder)
            written = service.write_pending(folder)
            print(f"written: {written}")
        if both or args.import_:
            report = service.merge(folder)
            print(f"merged: {report.merged}")
            print(f"held: {report.held}")
            print(f"rejected: {report.rejected}")
            print(f"double hand-overs: {report.conflicts}")
        language = languages.from_environment()
        for held in service.take_unreported():
            # "kept aside: NAME (code)" stays as scripts read it; the reason follows, worded
            reason = messages.word(held.reason_code, {}, language)
            print(f"kept aside: {held.name} ({held.reason_code}): {reason}")
    return 0
