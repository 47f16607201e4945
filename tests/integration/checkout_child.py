"""Child process for the SIGKILL test: runs checkouts forever, printing each receipt number
after its transaction has committed (flushing stdout at once)."""

from __future__ import annotations

import sys

from pos.domain.checkout import Tender, WalkInItem
from pos.errors import KnownError
from pos.services.context import Services


def main(path: str) -> None:
    s = Services.open(path)
    if s.till.current() is None:
        s.till.open("Crash test", 5000)
    ids = [
        int(r[0])
        for r in s.store.query(
            "SELECT o.id FROM orders o WHERE o.state = 'complete' AND NOT EXISTS"
            " (SELECT 1 FROM checkouts c WHERE c.order_id = o.id AND c.reversed_at IS NULL)"
            " ORDER BY o.id"
        )
    ]
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        try:
            if n % 3 == 0 or not ids:
                r = s.checkout.sell_walk_in([WalkInItem("Surplus", 250, 2)], [Tender("cash", 1000)])
            else:
                draft = s.checkout.start(ids.pop())
                if n % 2 and draft.order.line_items:
                    draft.mark_missing(draft.order.line_items[0].id)
                due = max(draft.handover().amount_due, 0)
                r = s.checkout.collect(draft, [Tender("cash", due + 500)] if due else [])
        except KnownError as exc:  # e.g. the database became busy: keep going
            print(f"error {exc.message}", file=sys.stderr, flush=True)
            continue
        print(f"done {r.receipt_no} {r.checkout.id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
