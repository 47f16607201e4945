"""``backup --db PATH [--out DIR|FILE.sqlite] [--force]``: a backup now, encrypted like the db.

Without ``--out`` it goes beside the database in ``<name>-backups/`` with the automatic ones
and the oldest beyond the hub's count are removed. Runs while a till has the database open
(SQLite's online backup API copies a consistent snapshot).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pos.errors import KnownError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="backup_db", required=True, metavar="PATH")
    p.add_argument("--out", metavar="DIR", help="folder (or .sqlite file) to write the backup to")
    p.add_argument("--force", action="store_true", help="replace an existing --out file")


def run(args: argparse.Namespace) -> int:
    from pos import files
    from pos.store import Store, backup

    db = Path(args.backup_db).expanduser()
    if not db.is_file():
        raise KnownError("store.no_database", path=db)
    out = Path(args.out).expanduser() if args.out else None
    with Store.open(db, lock=False, create=False) as store:
        if out is not None and out.suffix.lower() == ".sqlite":
            files.refuse_existing(out, args.force)
            if not out.parent.is_dir():
                raise KnownError("file.no_folder", path=out.parent)
            made = backup.make_backup(store, out.parent, keep=10**9)
            made = made.replace(out)
        else:
            made = backup.make_backup(store, out, keep=None if out is None else 10**9)
    print(made)
    return 0
