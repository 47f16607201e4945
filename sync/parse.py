"""OFN JSON -> domain records, strictly: a payload that does not fit raises :class:`BadPayload`.

One bad order is skipped and reported by the caller; nothing half-parsed reaches the store.
Money arrives as decimal strings (``"47.3"``) and becomes integer minor units through
``Decimal``; HTML ``display_*`` fields and localized dates are ignored; ``phone == "a"`` (OFN's
value when an order has no bill address) means no phone.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pos.domain.models import Customer, LineItem, Order, OrderPayment, PickupPoint, Producer
from pos.domain.money import Money, MoneyError
from pos.domain.privacy import minimal_order_json
from sync.errors import BadPayload

ORDER_STATES = frozenset(
    {"cart", "address", "delivery", "payment", "confirmation", "complete", "canceled",
     "resumed", "awaiting_return", "returned"}
)  # fmt: skip
PAYMENT_STATES = frozenset(
    {"balance_due", "completed", "checkout", "credit_owed", "failed", "paid", "pending",
     "requires_authorization", "processing", "void", "invalid"}
)  # fmt: skip
SHIPMENT_STATES = frozenset({"pending", "ready", "shipped", "canceled", "backorder"})
PAYMENT_ROW_STATES = frozenset(
    {"checkout", "pending", "processing", "requires_authorization", "completed", "failed",
     "void", "invalid"}
)  # fmt: skip
PENDING_PAYMENT_STATES = frozenset({"pending", "requires_authorization", "processing", "checkout"})
# Spree::Order#pending_payments lists pending payments by state in this order (then by position),
# so capture takes an authorised card payment ("pending") before "cash on pickup" ("checkout").
CAPTURE_ORDER = ("pending", "requires_authorization", "processing", "checkout")
# What the detailed order adds to the concise one (the list rows and the capture/ship answers).
DETAIL_ONLY = frozenset(
    {"customer_id", "shipping_method", "ship_address", "bill_address", "line_items",
     "payments", "adjustments"}
)  # fmt: skip
NUMBER_RE = re.compile(r"R\d{1,20}")
MAX_TEXT = 1_000  # names, emails, product names
MAX_LONG_TEXT = 10_000  # special instructions
MAX_ITEMS = 1_000
MAX_AMOUNT = Decimal(10) ** 9


@dataclass(frozen=True, slots=True)
class RemoteState:
    """What push needs to know about an order as OFN has it now."""

    number: str
    state: str
    payment_state: str | None
    shipment_state: str | None
    total: int
    payment_total: int
    ready_to_capture: bool
    pending_payment: OrderPayment | None  # the payment OFN's capture takes (see CAPTURE_ORDER)
    pending_payments: tuple[OrderPayment, ...] = ()  # all pending ones, in OFN's capture order

    @property
    def is_paid(self) -> bool:
        return self.payment_state in ("paid", "credit_owed")

    @property
    def is_shipped(self) -> bool:
        return self.shipment_state == "shipped"

    @property
    def outstanding(self) -> int:
        return self.total - self.payment_total


def _where(ctx: str, key: str) -> str:
    return f"{ctx}.{key}" if ctx else key


def _get(obj: Any, key: str, ctx: str) -> Any:
    if not isinstance(obj, dict):
        raise BadPayload("ofn.not_object", field=ctx or "order")
    if key not in obj:
        raise BadPayload("ofn.missing", field=_where(ctx, key))
    return obj[key]


def _int(obj: Any, key: str, ctx: str = "", *, optional: bool = False) -> int | None:
    value = obj.get(key) if optional and isinstance(obj, dict) else _get(obj, key, ctx)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        raise BadPayload("ofn.not_id", field=_where(ctx, key))
    return value


def _req_int(obj: Any, key: str, ctx: str = "") -> int:
    value = _int(obj, key, ctx)
    assert value is not None
    return value


def _str(obj: Any, key: str, ctx: str = "", *, limit: int = MAX_TEXT, optional: bool = True) -> str:
    value = obj.get(key) if optional and isinstance(obj, dict) else _get(obj, key, ctx)
    if value is None:
        if optional:
            return ""
        raise BadPayload("ofn.missing", field=_where(ctx, key))
    if not isinstance(value, str):
        raise BadPayload("ofn.not_text", field=_where(ctx, key))
    if len(value) > limit:
        raise BadPayload("ofn.too_long", field=_where(ctx, key), length=len(value))
    if "\x00" in value:
        raise BadPayload("ofn.nul", field=_where(ctx, key))
    return value


def _state(obj: Any, key: str, allowed: frozenset[str], *, nullable: bool) -> str | None:
    value = _get(obj, key, "")
    if value is None and nullable:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise BadPayload("ofn.state_unknown", field=key, value=str(value)[:40])
    return value


def money(value: Any, currency: str, where: str) -> int:
    """A decimal string (or integer) in major units -> minor units; anything else refused."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadPayload("ofn.not_amount", field=where)
    text = str(value).strip()
    if len(text) > 40:
        raise BadPayload("ofn.not_amount", field=where)
    try:
        dec = Decimal(text)
    except InvalidOperation:
        raise BadPayload("ofn.not_amount", field=where, value=text[:40]) from None
    if not dec.is_finite() or abs(dec) >= MAX_AMOUNT:
        raise BadPayload("ofn.implausible_amount", field=where, value=text[:40])
    try:
        return Money.from_decimal(dec, currency).minor
    except MoneyError:
        raise BadPayload("ofn.not_amount", field=where, value=text[:40]) from None


def _decimal(value: Any, where: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadPayload("ofn.not_number", field=where)
    try:
        dec = Decimal(str(value))
    except InvalidOperation:
        raise BadPayload("ofn.not_number", field=where) from None
    if not dec.is_finite() or abs(dec) >= MAX_AMOUNT:
        raise BadPayload("ofn.implausible_number", field=where)
    return Decimal(int(dec)) if dec == dec.to_integral_value() else dec.normalize()


def _number(obj: Any) -> str:
    number = _str(obj, "number", optional=False, limit=40)
    if not NUMBER_RE.fullmatch(number):
        raise BadPayload("ofn.not_order_number", value=number[:40])
    return number


def _ref_id(obj: Any, key: str) -> int | None:
    """``{"id": 5}`` -> 5 (or None when absent)."""
    value = obj.get(key) if isinstance(obj, dict) else None
    if value is None:
        return None
    return _int(value, "id", key)


def _iso(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 40:
        raise BadPayload("ofn.not_date", field=where)
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadPayload("ofn.not_date", field=where, value=value[:40]) from None
    return value


def remote_state(data: Any, currency: str) -> RemoteState:
    """The parts of an order (concise or detailed) that push compares and acts on."""
    number = _number(data)
    payments = data.get("payments")
    pending: tuple[OrderPayment, ...] = ()
    if payments is not None:
        rows = _payments(payments, currency)
        pending = tuple(p for state in CAPTURE_ORDER for p in rows if p.state == state)
    ready = data.get("ready_to_capture", False)
    if not isinstance(ready, bool):
        raise BadPayload("ofn.not_bool", field="ready_to_capture")
    return RemoteState(
        number=number,
        state=str(_state(data, "state", ORDER_STATES, nullable=False)),
        payment_state=_state(data, "payment_state", PAYMENT_STATES, nullable=True),
        shipment_state=_state(data, "shipment_state", SHIPMENT_STATES, nullable=True),
        total=money(_get(data, "total", ""), currency, "total"),
        payment_total=money(_get(data, "payment_total", ""), currency, "payment_total"),
        ready_to_capture=ready,
        pending_payment=pending[0] if pending else None,
        pending_payments=pending,
    )


def _payments(value: Any, currency: str) -> list[OrderPayment]:
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise BadPayload("ofn.not_list", field="payments")
    out = []
    for i, p in enumerate(value):
        ctx = f"payments[{i}]"
        state = _str(p, "state", ctx, optional=False, limit=40)
        if state not in PAYMENT_ROW_STATES:
            raise BadPayload("ofn.state_unknown", field=f"{ctx}.state", value=state[:40])
        out.append(
            OrderPayment(
                amount=money(_get(p, "amount", ctx), currency, f"{ctx}.amount"),
                method=_str(p, "payment_method", ctx),
                state=state,
            )
        )
    return out


def parse_order(data: Any, *, currency: str) -> Order:
    """A detailed order (``GET /api/v0/orders/{number}``) as a domain :class:`Order`."""
    if not isinstance(data, dict):
        raise BadPayload("ofn.not_object", field="order")
    number = _number(data)
    remote = remote_state(data, currency)
    hub_id = _ref_id(data, "distributor")
    if hub_id is None:
        raise BadPayload("ofn.missing", field="distributor")
    items_raw = _get(data, "line_items", "")
    if not isinstance(items_raw, list) or len(items_raw) > MAX_ITEMS:
        raise BadPayload("ofn.not_list", field="line_items")
    items = [_line_item(li, i, currency) for i, li in enumerate(items_raw)]
    if len({li.id for li in items}) != len(items):
        raise BadPayload("ofn.same_id_twice", field="line_items")
    point = pickup_point(data)  # validated here so a bad one skips the whole order
    pickup_id = point.id if point else None
    phone = _str(data, "phone", limit=100)
    name = _str(data, "full_name")
    return Order(
        id=_req_int(data, "id"),
        number=number,
        hub_id=hub_id,
        order_cycle_id=_ref_id(data, "order_cycle"),
        pickup_point_id=pickup_id,
        customer_id=_int(data, "customer_id", optional=True),
        customer_name=name,
        customer_sort_name=_str(data, "full_name_for_sorting") or name,
        email=_str(data, "email"),
        phone="" if phone.strip() == "a" else phone,
        state=remote.state,
        payment_state=remote.payment_state,
        shipment_state=remote.shipment_state,
        item_total=money(_get(data, "item_total", ""), currency, "item_total"),
        adjustment_total=money(_get(data, "adjustment_total", ""), currency, "adjustment_total"),
        payment_total=remote.payment_total,
        total=remote.total,
        currency=currency,
        # OFN sends "" (not null) for an order that is not completed
        completed_at=_iso(data.get("completed_at_utc_iso8601") or None, "completed_at_utc_iso8601"),
        special_instructions=_str(data, "special_instructions", limit=MAX_LONG_TEXT),
        ready_to_capture=remote.ready_to_capture,
        line_items=tuple(items),
        payments=tuple(_payments(data.get("payments") or [], currency)),
        raw_json=json.dumps(
            minimal_order_json(data, delivery=bool(point and point.is_delivery)),
            ensure_ascii=False,
            separators=(",", ":"),
        ),
    )


def _line_item(li: Any, i: int, currency: str) -> LineItem:
    ctx = f"line_items[{i}]"
    variant = _get(li, "variant", ctx)
    vctx = f"{ctx}.variant"
    if not isinstance(variant, dict):
        raise BadPayload("ofn.not_object", field=vctx)
    quantity = _req_int(li, "quantity", ctx)
    if quantity > 100_000:
        raise BadPayload("ofn.implausible", field=f"{ctx}.quantity")
    producer = _ref_id(variant, "producer") or _ref_id(variant, "enterprise")
    unit = variant.get("variant_unit") or "items"
    if unit not in ("weight", "volume", "items"):
        raise BadPayload("ofn.value_unknown", field=f"{vctx}.variant_unit", value=str(unit)[:20])
    tags = variant.get("tag_list") or []
    if not isinstance(tags, list):
        raise BadPayload("ofn.not_list", field=f"{vctx}.tag_list")
    return LineItem(
        id=_req_int(li, "id", ctx),
        producer_id=producer,
        product_name=_str(variant, "product_name", vctx, optional=False),
        variant_name=_str(variant, "unit_to_display", vctx)
        or _str(variant, "name_to_display", vctx)
        or _str(variant, "options_text", vctx),
        quantity=quantity,
        unit_price=money(_get(li, "price", ctx), currency, f"{ctx}.price"),
        variant_id=_int(variant, "id", vctx, optional=True),
        variant_unit=unit,
        unit_value=_decimal(variant.get("unit_value"), f"{vctx}.unit_value"),
        final_weight=_decimal(li.get("final_weight_volume"), f"{ctx}.final_weight_volume"),
        chilled=_chilled(variant, tags, vctx),
        sku=_str(variant, "sku", vctx, limit=200),
    )


def _chilled(variant: dict[str, Any], tags: list[Any], ctx: str) -> bool:
    """OFN marks chilled goods by the shipping category (``temperature_controlled``, the
    packing reports' ``temp_controlled``). The v0 variant JSON does not carry it today, so
    the hub's "chilled" tag is the fallback; the category wins whenever it is sent."""
    category = variant.get("shipping_category")
    if isinstance(category, dict) and "temperature_controlled" in category:
        value = category["temperature_controlled"]
    elif "temp_controlled" in variant:
        value = variant["temp_controlled"]
    else:
        return any(isinstance(t, str) and t.strip().lower() == "chilled" for t in tags)
    if not isinstance(value, bool):
        raise BadPayload("ofn.not_bool", field=f"{ctx}.temperature_controlled")
    return value


def pickup_point(data: Any) -> PickupPoint | None:
    method = data.get("shipping_method") if isinstance(data, dict) else None
    if method is None:
        return None
    if not isinstance(method, dict):
        raise BadPayload("ofn.not_object", field="shipping_method")
    delivery = method.get("require_ship_address", False)
    if not isinstance(delivery, bool):
        raise BadPayload("ofn.not_bool", field="shipping_method.require_ship_address")
    return PickupPoint(
        id=_req_int(method, "id", "shipping_method"),
        name=_str(method, "name", "shipping_method") or "?",
        description=_str(method, "description", "shipping_method", limit=MAX_LONG_TEXT),
        is_delivery=delivery,  # the method requires a ship address: a delivery
    )


def parse_customer(item: Any) -> Customer:
    """One JSON:API customer resource from ``GET /api/v1/customers``."""
    attrs = _get(item, "attributes", "customer")
    ctx = "customer"
    tags = attrs.get("tags") if isinstance(attrs, dict) else None
    if tags is None:
        tags = []
    if not isinstance(tags, list) or not all(isinstance(t, str) and len(t) < 200 for t in tags):
        raise BadPayload("ofn.not_text_list", field="customer.tags")
    billing = attrs.get("billing_address")
    phone = (
        _str(billing, "phone", "billing_address", limit=100) if isinstance(billing, dict) else ""
    )
    code = _str(attrs, "code", ctx, limit=200) or None
    return Customer(
        id=_req_int(attrs, "id", ctx),
        code=code,
        first_name=_str(attrs, "first_name", ctx),
        last_name=_str(attrs, "last_name", ctx),
        email=_str(attrs, "email", ctx),
        phone="" if phone.strip() == "a" else phone,
        tags=tuple(tags),
    )


def parse_producers(shop: Any) -> list[Producer]:
    """``producers`` of ``GET /api/v0/shops/{hub}`` (bad entries are left out)."""
    if not isinstance(shop, dict) or not isinstance(shop.get("producers"), list):
        raise BadPayload("ofn.no_producers")
    out = []
    for p in shop["producers"]:
        try:
            out.append(Producer(_req_int(p, "id", "producer"), _str(p, "name", "producer") or "?"))
        except BadPayload:
            continue
    return out


def after_push(detail: dict[str, Any], reply: dict[str, Any] | None, captured: bool) -> Any:
    """The detailed order as OFN holds it after push captured and/or shipped it, made from
    what push already read: the detail read before acting, its top-level fields replaced by
    the last concise reply (capture and ship answer with the concise order), and the captured
    payment completed (OFN's capture completes the first pending payment, in
    :data:`CAPTURE_ORDER`). Without a reply, ``detail`` is already the latest read."""
    data = copy.deepcopy(detail)
    if reply is None:
        return data
    data.update({k: copy.deepcopy(v) for k, v in reply.items() if k not in DETAIL_ONLY})
    payments = data.get("payments")
    if captured and isinstance(payments, list):
        for state in CAPTURE_ORDER:
            first = next(
                (p for p in payments if isinstance(p, dict) and p.get("state") == state), None
            )
            if first is not None:
                first["state"] = "completed"
                break
    return data


def listing_digest(summary: Any) -> str:
    """A fingerprint of a concise order (a list row, or the answer to capture or ship): equal
    digests mean OFN's serializer produced the same order."""
    text = json.dumps(summary, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
