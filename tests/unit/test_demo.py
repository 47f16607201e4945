"""The demo hub is deterministic and realistic enough to rehearse a collection day."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pos.domain.settings import DEMO
from pos.domain.text import fold
from pos.services.demo import generate, write_demo
from pos.store import Store


def test_same_seed_same_hub_and_different_seed_differs() -> None:
    a, b, c = generate(60, seed=3), generate(60, seed=3), generate(60, seed=4)
    assert a == b
    assert [o.customer_name for o in a.orders] != [o.customer_name for o in c.orders]


def test_same_seed_same_database_contents(tmp_path: Path) -> None:
    def digest(path: Path) -> str:
        with Store.open(path) as store:
            rows = store.query(
                "SELECT o.number, o.customer_name, o.total, li.product_name, li.quantity"
                " FROM orders o JOIN line_items li ON li.order_id = o.id ORDER BY li.id"
            )
        return hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()

    assert digest(write_demo(tmp_path / "a.sqlite", orders=40, seed=9)) == digest(
        write_demo(tmp_path / "b.sqlite", orders=40, seed=9)
    )


def test_demo_hub_has_what_collection_day_needs(store: Store) -> None:
    q = store.scalar
    assert q("SELECT COUNT(*) FROM orders WHERE completed_at IS NOT NULL") >= 150
    assert q("SELECT COUNT(DISTINCT order_cycle_id) FROM orders") == 1
    assert q("SELECT COUNT(*) FROM pickup_points") == 3
    assert q("SELECT COUNT(DISTINCT producer_id) FROM line_items") >= 10
    assert q("SELECT COUNT(*) FROM orders WHERE payment_state = 'paid'") > 50
    assert (
        q("SELECT COUNT(*) FROM orders WHERE payment_state = 'balance_due' AND outstanding > 0")
        > 20
    )
    assert q("SELECT COUNT(*) FROM order_payments WHERE method = 'Cash on pickup'") > 20
    assert 1 <= q("SELECT COUNT(*) FROM orders WHERE state = 'canceled'") <= 20
    assert q("SELECT COUNT(*) FROM orders WHERE special_instructions != ''") > 5
    assert q("SELECT COUNT(*) FROM line_items WHERE variant_unit = 'weight'") > 50
    assert q("SELECT COUNT(*) FROM line_items WHERE final_weight IS NOT NULL") > 5
    assert q("SELECT COUNT(*) FROM line_items WHERE chilled = 1") > 50
    assert q("SELECT COUNT(*) FROM customers WHERE code IS NOT NULL") >= 150
    names = [r[0] for r in store.query("SELECT customer_name FROM orders")]
    assert sum(1 for n in names if fold(n) != n.lower()) > 30  # accented names
    # totals are consistent: items + fees
    assert q("SELECT COUNT(*) FROM orders WHERE total != item_total + adjustment_total") == 0
    assert q("SELECT COUNT(*) FROM orders WHERE outstanding != total - payment_total") == 0
    bad = q(
        "SELECT COUNT(*) FROM orders o WHERE item_total != (SELECT SUM(CASE WHEN"
        " final_weight IS NOT NULL THEN CAST(ROUND(unit_price * CAST(final_weight AS REAL)"
        " / CAST(unit_value AS REAL) + 0.0000001) AS INTEGER) ELSE unit_price * quantity END)"
        " FROM line_items WHERE order_id = o.id)"
    )
    assert bad == 0
    assert store.settings.get(DEMO) is True
