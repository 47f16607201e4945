"""Local checkouts for sync tests, made by the real checkout service (test helper)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from pos.store import Store
from pos.store.orders import OrderRepository
from tests.helpers import checkout_rows as rows


def checkout_service(store: Store):  # type: ignore[no-untyped-def]
    """The real checkout service on ``store``, with an open till session (made once)."""
    from pos.services.checkout import CheckoutService
    from pos.services.roles import StaffRoles
    from pos.services.till import TillService

    cached = _SERVICES.get(id(store))
    if cached is not None and cached[0] is store:
        return cached[1]
    roles = StaffRoles(store, "T1")
    till = TillService(store, roles, till_id="T1", currency="GBP")
    if till.current() is None:
        till.open("Vol", 0)
    service = CheckoutService(store, till, roles, till_id="T1", currency="GBP")
    _SERVICES[id(store)] = (store, service)
    return service


_SERVICES: dict[int, tuple[Store, object]] = {}


def collect(
    store: Store,
    number: str,
    *,
    pay: dict[str, int] | None = None,
    pay_due: str | None = None,
    missing: int = 0,
) -> str:
    """Collect order ``number`` through the real checkout service: the first ``missing`` lines
    not handed over; ``pay`` by method, or ``pay_due="cash"`` to pay exactly what is due.
    Returns the checkout id."""
    from pos.domain.checkout import Tender

    order = OrderRepository(store).by_number(number)
    assert order is not None, number
    service = checkout_service(store)
    draft = service.start(order.id)
    for li in order.line_items[:missing]:
        draft.mark_missing(li.id)
    due = draft.handover().amount_due
    tenders = [Tender(m, a) for m, a in (pay or {}).items()]
    if pay_due and due > 0:
        tenders = [Tender(pay_due, due)]
    result = service.collect(draft, tenders, note="test: left owing")
    return str(result.checkout.id)


def reverse(store: Store, number: str) -> None:
    """Undo the live collection of ``number`` through the real checkout service."""
    order = OrderRepository(store).by_number(number)
    assert order is not None
    live = store.scalar(
        "SELECT id FROM checkouts WHERE order_id = ? AND kind = 'collection'"
        " AND reversed_at IS NULL",
        (order.id,),
    )
    checkout_service(store).reverse(live, "test reversal")


def walk_in(store: Store, amount: int, method: str = "cash", till_id: str = "T1") -> str:
    """A walk-in sale of one apple juice, outside any till session."""
    return rows.walk_in(
        store,
        session_id=None,
        items=[("Apple juice", "", 1, amount)],
        method=method,
        till_id=till_id,
        volunteer="Vol",
        pickup_point_id=None,
    )


def outbox_status(store: Store) -> dict[str, str]:
    rows = store.query("SELECT o.number, x.status FROM outbox x JOIN orders o ON o.id = x.order_id")
    return {r[0]: r[1] for r in rows}


def collected_days_ago(store: Store, number: str, days: float) -> None:
    """The till collected the order ``days`` ago and is only now online."""
    order = OrderRepository(store).by_number(number)
    assert order is not None
    row = store.query("SELECT desired FROM outbox WHERE order_id = ?", (order.id,))[0]
    desired = json.loads(row[0])
    at = datetime.now(UTC) - timedelta(days=days)
    desired["collected_at"] = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    with store.transaction():
        store.db.conn.execute(
            "UPDATE outbox SET desired = ? WHERE order_id = ?", (json.dumps(desired), order.id)
        )
