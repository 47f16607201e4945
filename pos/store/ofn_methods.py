"""The OFN payment methods seen on the hub's orders (for Sync settings to ask about)."""

from __future__ import annotations

from dataclasses import dataclass

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
