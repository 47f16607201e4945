"""``sync``: pull orders from and push collections to Open Food Network.

Flags override the settings saved in the database; neither ``--pull`` nor ``--push`` means
both. The API key comes from ``--api-key-env VAR`` (an environment variable's name, so the
key never appears on a command line) or from the keyring / private file where the app saved
it. Exit codes: 0 all done, 3 done but some orders need staff action, 1 failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from pos import languages, messages
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


def _key(args: argparse.Namespace, url: str) -> str:
    from sync.credentials import check_key, load_key

    if args.api_key_env:
        value = os.environ.get(args.api_key_env)
        if not value:
            raise KnownError("cli.env_empty", name=args.api_key_env)
        return check_key(value)
    saved = load_key(url)
    if not saved:
        raise KnownError("cli.no_key", url=url)
    return saved


def run(args: argparse.Namespace) -> int:
    from pos.services import journal, vault
    from pos.services.privacy import purge_quietly
    from pos.store import Store
    from pos.store.orders import OrderRepository
    from sync.connection import Settings
    from sync.run import run_sync
    from sync.transport import normalise_url

    last = [""]
    language = languages.from_environment()

    def progress(what: str, done: int, total: int) -> None:
        step = max(1, total // 10)
        if total and (done == total or done % step == 0):
            code = f"sync.progress.{what}"
            line = messages.word(code, {"done": done, "total": total}, language)
            if line == code:  # a step without a sentence of its own
                line = f"{what}: {done}/{total}"
            if line != last[0]:
                print(line, flush=True)
                last[0] = line

    # not the till's lock: a sync job that hangs must not keep the till out of its database
    with Store.open(args.sync_db, lock=False, role="sync") as store:
        saved = Settings.load(store)
        settings = replace(
            saved,
            url=normalise_url(args.server or saved.url) if (args.server or saved.url) else "",
            hub_id=args.hub if args.hub is not None else saved.hub_id,
            order_cycle_id=(
                args.order_cycle if args.order_cycle is not None else saved.order_cycle_id
            ),
            pickup_point_id=(
                args.pickup_point if args.pickup_point is not None else saved.pickup_point_id
            ),
        )
        if not settings.url:
            raise KnownError("cli.no_address")
        key = _key(args, settings.url)
        both = not args.pull and not args.push
        result = run_sync(
            store, settings, key, pull=both or args.pull, push=both or args.push,
            progress=progress, role="sync",
        )  # fmt: skip
        if both or args.pull:
            journal.after_pull(store)  # held journal events whose order just arrived
        purge_quietly(store)  # customer details past the hub's retention, as the app does
        vault.backup_now(store, "after sync")
        if saved.url in ("", settings.url) and saved.hub_id in (None, settings.hub_id):
            settings.save(store)  # remember a working set-up for the next run and the app
        hub = OrderRepository(store).hub()
        locale = hub.locale if hub else None  # amounts as the hub writes them
    for line in result.lines(language, locale=locale):
        print(line)
    if result.staff_actions:
        print(messages.word("sync.to_do", {}, language))
        for action in result.staff_actions[:50]:
            print(
                f"  - {action.worded(language, locale=locale)}"
                + (f" {action.admin_url}" if action.admin_url else "")
            )
        if len(result.staff_actions) > 50:
            print(messages.word("sync.more", {"count": len(result.staff_actions) - 50}, language))
    if result.failed:
        reason = messages.word_said(result.failed[0][1], language, locale=locale)
        params = {"count": len(result.failed), "reason": reason}
        print(f"error: {messages.word('sync.not_pushed', params, language)}", file=sys.stderr)
    return result.exit_code
