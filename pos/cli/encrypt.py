"""``encrypt --db PATH`` and ``unlock --db PATH``: encryption at rest from the command line.

``encrypt`` encrypts a plain hub database in place (key to the keyring, first backup kept)
and prints the recovery code, once: hub staff keep it on paper. ``unlock`` reads that code
(typed at the prompt, or from ``--recovery-code-env VAR``: never on the command line, where
other users could see it) and puts the key in this computer's keyring, so a database or
backup brought from another computer opens here.
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from pos import languages, messages
from pos.errors import KnownError


def add_encrypt_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="encrypt_db", required=True, metavar="PATH")


def run_encrypt(args: argparse.Namespace) -> int:
    from pos.services import vault
    from pos.store import Store

    db = Path(args.encrypt_db).expanduser()
    if not db.is_file():
        raise KnownError("store.no_database", path=db)
    with Store.open(db, create=False) as store:
        code = vault.encrypt(store)
    language = languages.from_environment()
    print(messages.word("cli.encrypted", {"path": db}, language))
    print(messages.word("cli.recovery_code", {}, language))
    print(f"  {code}")
    return 0


def add_unlock_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", dest="unlock_db", required=True, metavar="PATH")
    p.add_argument(
        "--recovery-code-env", metavar="VAR", help="environment variable holding the code"
    )


def run_unlock(args: argparse.Namespace) -> int:
    from pos.services import vault

    if args.recovery_code_env:
        code = os.environ.get(args.recovery_code_env, "")
        if not code:
            raise KnownError("cli.env_empty", name=args.recovery_code_env)
    else:
        prompt = messages.word("cli.prompt_recovery_code", {}, languages.from_environment())
        code = getpass.getpass(f"{prompt} ")
    vault.unlock(Path(args.unlock_db), code)
    print(messages.word("cli.unlocked", {"path": args.unlock_db}, languages.from_environment()))
    return 0
