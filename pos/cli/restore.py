"""``restore --db PATH [--from FILE] [--list]``: put a backup in place of the database.

Without ``--from``, the newest backup that passes SQLite's check. The file it replaces is
kept beside it (``<name>.replaced-<time>``), never deleted. Refused while a till or a sync
has the database open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pos import languages, messages
from pos.errors import KnownError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="restore_db", required=True, metavar="PATH")
    p.add_argument("--from", dest="restore_from", metavar="FILE", help="the backup to restore")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")


def run(args: argparse.Namespace) -> int:
    from pos.store import backup

    db = Path(args.restore_db).expanduser().resolve()
    language = languages.from_environment()
    if args.list:
        for item in backup.backups_of(db):  # a stable format, for scripts: not translated
            print(f"{item}  {'ok' if backup.check(item) else 'DAMAGED or key missing'}")
        return 0
    if args.restore_from:
        chosen = Path(args.restore_from).expanduser()
    else:
        found = backup.latest_good(db)
        if found is None:
            raise KnownError("backup.none_good", path=db, folder=backup.folder_for(db))
        chosen = found
    aside = backup.restore(db, chosen)
    print(messages.word("cli.restored", {"path": db, "backup": chosen}, language))
    if aside is not None:
        print(messages.word("cli.replaced_kept", {"path": aside}, language))
    return 0
