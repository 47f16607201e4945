"""A till as a real process: plays a day's plan on its own database and writes its journal to
its own folder (test helper; run with ``sys.executable -m tests.helpers.till_driver``).

Without ``--plan`` it writes and merges once, as a staff copy does on its timer.

``--plan FILE`` is JSON ``{"steps": [...]}`` made by :mod:`tests.helpers.journal_tills`. Every
step is idempotent (a checkout has the id the plan gave it, a cash move a unique reason, and so
on), so a till killed at any moment and started again with the same plan carries on where it
stopped and ends with the same day. After each step the journal is written to the folder
(``JournalService.write_pending``; a folder that is not there only leaves the events waiting,
and ``waiting`` is printed); a ``merge`` step is the app's timer (``JournalService.exchange``).

Prints ``step N`` after each step and ``done`` at the end (the test reads them to time its
kills). Exit 0 when the plan is played.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--folder", required=True)
    ap.add_argument("--plan", help="without: write and merge once (a staff copy's round)")
    args = ap.parse_args(argv)
    plan = json.loads(Path(args.plan).read_text(encoding="utf-8")) if args.plan else None
    folder = Path(args.folder)

    from pos.services.context import Services
    from pos.services.journal import JournalService, JournalUnavailable

    services = Services.open(args.db)
    journal = JournalService(services.store)

    def write() -> None:
        """As the app after a commit: a folder that cannot be used leaves the events waiting."""
        try:
            journal.write_pending(folder)
        except JournalUnavailable as exc:
            print(f"waiting ({exc.code})", flush=True)

    try:
        print("started", flush=True)
        if plan is None:
            journal.write_pending(folder)
            journal.merge(folder)
            return 0
        for n, step in enumerate(plan["steps"]):
            play(services, journal, folder, step)
            write()
            print(f"step {n}", flush=True)
        write()
        print("done", flush=True)
    finally:
        services.close()
    return 0


def play(services: Any, journal: Any, folder: Path, step: dict[str, Any]) -> None:
    from pos.domain.checkout import Tender, WalkInItem
    from pos.services.reconcile import ReconcileService
    from pos.store.orders import OrderRepository

    store = services.store
    do = step["do"]
    uid = store.till_uid
    if do == "open":
        if not store.scalar("SELECT COUNT(*) FROM till_sessions WHERE till_uid = ?", (uid,)):
            services.till.open(step["volunteer"], step["float"])
    elif do == "collect":
        if store.scalar("SELECT COUNT(*) FROM checkouts WHERE id = ?", (step["id"],)):
            return
        order = OrderRepository(store).by_number(step["number"])
        assert order is not None, step
        draft = services.checkout.start(order.id)
        draft.checkout_id = step["id"]
        due = draft.handover().amount_due
        tenders = [Tender(step["pay"], due)] if step.get("pay") and due > 0 else []
        services.checkout.collect(draft, tenders, note="left owing (test)")
    elif do == "walk_in":
        item = WalkInItem(product_name="Apple juice", variant_name="", quantity=1,
                          unit_price=step["amount"])  # fmt: skip
        services.checkout.sell_walk_in(
            [item], [Tender(step["method"], step["amount"])], checkout_id=step["id"]
        )
    elif do == "reverse":
        reversed_at = store.scalar("SELECT reversed_at FROM checkouts WHERE id = ?", (step["of"],))
        if reversed_at is None:
            services.checkout.reverse(step["of"], "test reversal")
    elif do == "no_show":
        order = OrderRepository(store).by_number(step["number"])
        assert order is not None, step
        if not store.scalar("SELECT COUNT(*) FROM no_shows WHERE order_id = ?", (order.id,)):
            ReconcileService(store).mark_no_show(order.id, "did not come (test)", "Vol")
    elif do == "cash_move":
        if not store.scalar("SELECT COUNT(*) FROM cash_movements WHERE reason = ?",
                            (step["reason"],)):  # fmt: skip
            services.till.cash_move(step["amount"], step["reason"])
    elif do == "close":
        if services.till.current() is not None:
            check = services.till.close_check(0)
            services.till.close(check.expected, closed_by=step.get("by", ""))
    elif do == "merge":
        if journal.exchange(folder) is None:  # the app's timer: write, then merge
            print("waiting (merge)", flush=True)
    else:
        raise ValueError(do)


if __name__ == "__main__":
    sys.exit(main())
