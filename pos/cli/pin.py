"""The hub-staff PIN on the command line, for the commands the app puts behind it.

Where the app asks for the PIN, so does the command line, when the database has one:
``--pin-file PATH`` (first line; the file must not be readable by other users), else the
``FOODHUB_POS_PIN`` environment variable (for scheduled jobs), else a prompt on the terminal
(:func:`getpass.getpass`, nothing echoed). Wrong PINs count towards the same delay and
lockout as at the till, and are audited the same way.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from pathlib import Path

from pos import languages, messages
from pos.errors import KnownError
from pos.services.roles import StaffRoles
from pos.store import Store

PIN_ENV = "FOODHUB_POS_PIN"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--pin-file",
        metavar="PATH",
        help=f"read the hub-staff PIN from this file (else ${PIN_ENV}, else a prompt)",
    )


def _from_file(name: str) -> str:
    path = Path(name).expanduser()
    try:
        mode = path.stat().st_mode
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise KnownError("roles.pin_file_shared", path=str(path))
        text = path.read_text("utf-8")
    except OSError as exc:
        raise KnownError(
            "roles.pin_file_unreadable", path=str(path), reason=exc.strerror or str(exc)
        ) from exc
    except UnicodeDecodeError as exc:
        raise KnownError("roles.pin_file_not_text", path=str(path)) from exc
    return text.splitlines()[0].strip() if text.strip() else ""


def read_pin(args: argparse.Namespace) -> str:
    if getattr(args, "pin_file", None):
        return _from_file(args.pin_file)
    if os.environ.get(PIN_ENV):
        return os.environ[PIN_ENV].strip()
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            prompt = messages.word("cli.prompt_pin", {}, languages.from_environment())
            return getpass.getpass(f"{prompt} ").strip()
        except EOFError:
            return ""
    raise KnownError("roles.pin_missing_cli", env=PIN_ENV)


def require_staff(store: Store, args: argparse.Namespace, action: str) -> str:
    """The role for a gated command ("volunteer" with no PIN set), or a KnownError."""
    roles = StaffRoles(store)
    if not roles.pin_configured:
        return "volunteer"
    roles.check_tampering()
    return roles.require(action, read_pin(args) or None)
