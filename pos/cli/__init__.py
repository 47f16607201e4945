"""The command line: ``python main.py [--db PATH] [--printer URI] [COMMAND ...]``.

Without a command the till opens (see :mod:`pos.app`). Each command lives in its own
module with ``add_arguments(parser)`` and ``run(args) -> exit code``. No Qt here, so
scripts and scheduled jobs run on machines without a display.
"""

from __future__ import annotations

import argparse
import logging
import sys
from types import SimpleNamespace
from typing import Any

from pos import __version__, languages, messages
from pos.errors import KnownError

log = logging.getLogger(__name__)


def _commands() -> dict[str, tuple[Any, str]]:  # a module, or a namespace with the two
    from pos.cli import backup, demo, encrypt, journal, lists, print_test, report, restore
    from pos.cli import sync as sync_cmd

    encrypt_cmd = SimpleNamespace(
        add_arguments=encrypt.add_encrypt_arguments, run=encrypt.run_encrypt
    )
    unlock_cmd = SimpleNamespace(add_arguments=encrypt.add_unlock_arguments, run=encrypt.run_unlock)
    return {
        "demo": (demo, "write a demo hub database"),
        "sync": (sync_cmd, "pull orders from and push collections to Open Food Network"),
        "journal": (journal, "write this till's journal to a shared folder and merge the others'"),
        "print-test": (print_test, "print a test receipt"),
        "lists": (lists, "write packing lists, harvest totals, sheets and labels as PDFs"),
        "report": (report, "write the end-of-day reconciliation report"),
        "backup": (backup, "write a backup of a hub database now"),
        "restore": (restore, "put a backup in place of a hub database"),
        "encrypt": (encrypt_cmd, "encrypt a hub database and show its recovery code"),
        "unlock": (
            unlock_cmd,
            "let this computer open an encrypted database (recovery code)",
        ),
    }


OPTIONS_WITH_VALUES = ("--db", "--printer", "--quit-after")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line; the commands' modules load only when the line may name one.

    Opening the till (no command, the usual start) does not import every command's
    services (the lists' brought the PDF model and packing queries: tens of ms of start)."""
    words = sys.argv[1:] if argv is None else argv
    return build_parser(commands=_may_name_a_command(words)).parse_args(words)


def _may_name_a_command(words: list[str]) -> bool:
    """A word that is neither an option nor an option's value (a command, or a mistake the
    full parser words), or a request for help."""
    value_next = False
    for word in words:
        if value_next:
            value_next = False
        elif word in ("-h", "--help"):
            return True
        elif word in OPTIONS_WITH_VALUES:
            value_next = True
        elif not word.startswith("-"):
            return True
    return False


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="foodhub-pos",
        description="Food Hub POS: offline-first checkout for Open Food Network food hubs.",
    )
    parser.add_argument("--version", action="version", version=f"Food Hub POS {__version__}")
    parser.add_argument("--db", metavar="PATH", help="open this database instead of the saved one")
    parser.add_argument(
        "--printer", metavar="URI", help="override the saved printer (also FOODHUB_POS_PRINTER)"
    )
    parser.add_argument(
        "--no-crash-dialog", action="store_true", help="log unexpected errors without a dialog"
    )
    parser.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        help="close the window after SECONDS (smoke tests, unattended demos)",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in _commands().items():
        module.add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run a sub-command; errors become one sentence on stderr, details go to the log."""
    module, _ = _commands()[args.command]
    try:
        return int(module.run(args))
    except KnownError as exc:
        log.info("command %s: %s", args.command, messages.for_log(exc))
        language = languages.from_environment()
        print(f"error: {messages.word_error(exc, language)}", file=sys.stderr)
        hint = restore_hint(exc, language)
        if hint:
            print(hint, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"error: {messages.word('cli.interrupted', {}, languages.from_environment())}",
              file=sys.stderr)  # fmt: skip
        return 1
    except Exception as exc:
        log.exception("command %s failed", args.command)
        from pos import paths

        params = {"command": args.command, "kind": type(exc).__name__, "log": paths.log_file()}
        sentence = messages.word("cli.unexpected", params, languages.from_environment())
        print(f"error: {sentence}", file=sys.stderr)
        return 1


def restore_hint(exc: KnownError, language: str) -> str:
    """For a damaged database: the latest good backup and the command that restores it."""
    from pos.store.db import DatabaseDamaged, KeyMissing

    if not isinstance(exc, DatabaseDamaged | KeyMissing):
        return ""
    from pos.store import backup

    found = backup.latest_good(exc.path)
    if found is None:
        params = {"path": exc.path, "folder": backup.folder_for(exc.path)}
        return messages.word("backup.none_good", params, language)
    return messages.word("cli.latest_backup", {"name": found.name, "path": exc.path}, language)
