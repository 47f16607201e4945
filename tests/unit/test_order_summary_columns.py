"""The order list's rows are read by position: the query's columns must be the record's
fields, in order."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pos.domain.models import OrderSummary
from pos.store import Store
from pos.store.orders import SUMMARY_SELECT, OrderRepository


def test_summary_columns_are_the_fields_in_order(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        repo = OrderRepository(store)
        cursor = repo.conn.execute(f"{SUMMARY_SELECT} LIMIT 1", ["T"])
        columns = [d[0] for d in cursor.description]
        rows = repo.summaries(limit=3)
    assert columns == [f.name for f in dataclasses.fields(OrderSummary)]
    assert rows and all(isinstance(r.id, int) and r.collected_on == "" for r in rows)
