"""What the till keeps of OFN's order JSON: only what collection day, lists and
reconciliation use (data minimisation).

The till reads names, emails, phones and notes from their own columns, so the kept copy of
the JSON holds none of them for a pickup order. A delivery order also keeps, under the keys
OFN sends them, what a delivery run needs: the ship address, the phone and the delivery
instructions. Billing addresses, user ids and display-only fields are never kept.

The schema migration that minimised databases written before this rule keeps the same keys
(``V6_CUSTOMER_PRIVACY`` in pos/store/schema.py); a test holds the two together.
"""

from __future__ import annotations

from typing import Any

ORDER_KEYS = frozenset({
    "id", "number", "state", "payment_state", "shipment_state", "ready_to_ship",
    "ready_to_capture", "item_total", "adjustment_total", "payment_total", "total",
    "item_count", "completed_at_utc_iso8601", "distributor", "distributor_name",
    "order_cycle", "customer_id", "shipping_method", "line_items", "payments",
    "adjustments", "edit_path", "payments_path",
})  # fmt: skip
"""Top-level keys kept for every order: figures, states, references, no person."""

DELIVERY_KEYS = frozenset({"ship_address", "phone", "special_instructions"})
"""Also kept for a delivery order (``shipping_method.require_ship_address``)."""

SHIP_ADDRESS_KEYS = frozenset({
    "firstname", "lastname", "address1", "address2", "city", "zipcode", "phone",
    "state_name", "country_name",
})  # fmt: skip
"""What a run sheet prints of the ship address (ids and the rest are dropped)."""

PERSONAL_ORDER_FIELDS = ("customer_name", "customer_sort_name", "email", "phone",
                         "special_instructions")  # fmt: skip
"""Order columns that name or describe a person: erased by the retention purge."""


def minimal_order_json(data: dict[str, Any], *, delivery: bool) -> dict[str, Any]:
    """The part of an OFN order the till keeps."""
    keys = ORDER_KEYS | DELIVERY_KEYS if delivery else ORDER_KEYS
    kept = {k: v for k, v in data.items() if k in keys}
    ship = kept.get("ship_address")
    if isinstance(ship, dict):
        kept["ship_address"] = {k: v for k, v in ship.items() if k in SHIP_ADDRESS_KEYS}
    return kept
