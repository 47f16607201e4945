"""What Sync settings show staff before they choose what push does in OFN: the OFN payment
methods seen on the hub's orders, and collections that have waited long to be pushed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pos.store.db import Store

PENDING_STATES = ("pending", "requires_authorization", "processing", "checkout")


@dataclass(frozen=True, slots=True)
class SeenMethod:
    name: str  # as OFN names it (the API gives nothing else)
    orders: int  # orders with a payment by it
    pending: int  # of which OFN still holds a payment not taken (what capture would take)


def seen_payment_methods(store: Store) -> list[SeenMethod]:
    """Each method name on the pulled orders' payments, the most used first."""
    marks = ", ".join("?" for _ in PENDING_STATES)
    rows = store.db.conn.execute(
        "SELECT method, COUNT(DISTINCT order_id) AS orders,"
        f" COUNT(DISTINCT CASE WHEN state IN ({marks}) THEN order_id END) AS pending"
        " FROM order_payments WHERE TRIM(method) != ''"
        " GROUP BY TRIM(method) ORDER BY orders DESC, method",
        PENDING_STATES,
    ).fetchall()
    return [SeenMethod(str(r[0]).strip(), int(r[1]), int(r[2])) for r in rows]


def collections_waiting_since(store: Store, age: timedelta) -> int:
    """Collections not pushed yet that the till made more than ``age`` ago (shipping them now
    makes OFN email those customers late)."""
    before = (datetime.now(UTC) - age).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    row = store.db.conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'failed')"
        " AND json_valid(desired) AND json_extract(desired, '$.collected') = 1"
        " AND json_extract(desired, '$.collected_at') < ?",
        (before,),
    ).fetchone()
    return int(row[0])
