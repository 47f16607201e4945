"""Push stores each staff action as a code and its parameters: hub staff read it in their
own language, and the English stays in ``reason`` for the log and older readers."""

from __future__ import annotations

import json

from pos.store.outbox import Outbox
from sync.push import push
from tests.helpers.sync_tills import collect, walk_in


def test_push_stores_codes_that_read_in_french(pulled_store, ofn_sim, ofn_client) -> None:  # type: ignore[no-untyped-def]
    number = ofn_sim.numbers(payment_state="balance_due")[0]
    collect(pulled_store, number)  # handed over, nothing paid: a credit/owing action
    walk_in(pulled_store, 450, "cash")
    push(ofn_client, pulled_store)
    rows = pulled_store.query(
        "SELECT kind, reason, reason_code, reason_params FROM staff_actions ORDER BY kind"
    )
    assert rows and all(row["reason_code"].startswith("staff.") for row in rows)
    for row, action in zip(
        rows, sorted(Outbox(pulled_store).staff_actions(), key=lambda a: a.kind), strict=True
    ):
        params = json.loads(row["reason_params"])
        assert action.params == params
        assert action.worded("en") == row["reason"]  # English as stored
        french = action.worded("fr")
        assert french != row["reason"] and "{" not in french
        if row["kind"] == "walk_in":
            assert french.startswith("Vente directe ") and "4,50" in french
        else:
            assert number in french and f"Order {number}" not in french
