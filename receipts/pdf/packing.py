"""Packing lists: per customer bag (for a producer or the whole hub) and per product.

The hub versions follow OFN's own Packing reports (admin: Reports > Packing) so staff recognise
them: Pack by Customer groups by customer ("Last First (CODE)") with producer, product,
variant, weight, quantity and TempControlled; Pack by Product groups by producer, then
"product - variant", with the customers under it. Each block is one table whose heading
and column header repeat on every page it runs onto, and short blocks are never split.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import groupby

from pos.domain.units import format_measure
from receipts.pdf import fonts, layout
from receipts.pdf.layout import CHILLED, TICK, Column, GridDocument, Translate
from receipts.pdf.model import DocInfo, PackLine, PackOrder


def line_measure(line: PackLine, info: DocInfo, _: Translate) -> str:
    """Weight or volume of a line: the final weight when weighed, else the ordered one."""
    measure = line.measure
    if measure is None:
        return ""
    text = _measure(measure, line.variant_unit, info.locale)
    if line.final_weight is not None:
        text += " " + _("(weighed)")
    return text


@lru_cache(maxsize=4096)
def _measure(measure: Decimal, unit: str, locale: str) -> str:
    """Formatting a number for the locale is slow, and the same few weights recur."""
    return format_measure(measure, unit, locale)


def _line_sort(line: PackLine) -> tuple[str, str, str]:
    return (
        line.producer_name.casefold(),
        line.product_name.casefold(),
        line.variant_name.casefold(),
    )


def _intro(doc: GridDocument, title: str, lines: Sequence[str]) -> None:
    doc.paragraph(title, fonts.BOLD, 15, 19, after=2 * layout.mm)
    for text in lines:
        doc.paragraph(text, fonts.REGULAR, 8.5, 11, color=layout.GREY)
    doc.space(3)


def _hub_intro(doc: GridDocument, title: str, orders: Sequence[PackOrder], info: DocInfo) -> None:
    _ = layout.translator(info.language)
    summary = _("{orders} orders, {items} items. Cancelled orders are left out.")
    items = sum(o.item_count for o in orders)
    _intro(doc, title, [summary.format(orders=len(orders), items=items)])
    if not orders:
        _empty(doc, info)


def _empty(doc: GridDocument, info: DocInfo) -> None:
    _ = layout.translator(info.language)
    doc.paragraph(_("No orders to pack in this order cycle."), fonts.REGULAR, 8.5, 10.2)


# Producer: one block per customer bag ---------------------------------------------------
def build_producer_pack(
    info: DocInfo,
    producer_name: str,
    orders: Sequence[PackOrder],
    *,
    show_names: bool = False,
) -> bytes:
    """A producer's bags: their items per order, with tick boxes.

    Names and phone numbers appear only with ``show_names`` (the hub's setting
    ``share_customer_names_with_producers``); otherwise code and order number only.
    """
    _ = layout.translator(info.language)
    title = _("Packing by customer: {producer}").format(producer=producer_name)
    notes = [
        _("{orders} bags, {items} items. Tick each item as it goes in the bag.").format(
            orders=len(orders), items=sum(o.item_count for o in orders)
        )
    ]
    if not show_names:
        notes.append(
            _(
                "Customer names are hidden by the hub: label bags with the customer code "
                "and order number."
            )
        )
    columns = (
        Column(7, "center"),
        Column(6, "right"),
        Column(38),
        Column(18),
        Column(20),
        Column(8, "center"),
    )
    header = [
        _("Packed"),
        _("Qty"),
        _("Product"),
        _("Variant"),
        _("Weight / volume"),
        _("Chilled"),
    ]
    doc = GridDocument(info, title, columns, header)
    _intro(doc, title, notes)
    if not orders:
        _empty(doc, info)
    in_bag = _("items in this bag")
    chilled = f"{CHILLED} " + _("Chilled")
    for order in orders:
        parts = [order.customer_code, order.number, order.pickup_point_name]
        if show_names:
            parts.insert(0, order.full_name)
            if order.phone:
                parts.append(order.phone)
        if order.has_chilled:
            parts.append(chilled)
        rows = [
            [
                TICK,
                str(line.quantity),
                line.product_name,
                line.variant_name,
                line_measure(line, info, _),
                CHILLED if line.chilled else "",
            ]
            for line in sorted(order.lines, key=_line_sort)
        ]
        total = ["", str(order.item_count), in_bag, "", "", ""]
        doc.block(" · ".join(p for p in parts if p), rows, total)
    return doc.finish()


# Hub: pack by customer (OFN "Pack By Customer") -----------------------------------------
def build_customer_pack(info: DocInfo, orders: Sequence[PackOrder]) -> bytes:
    """Every bag of the cycle, grouped by pickup point, then customer (last name)."""
    _ = layout.translator(info.language)
    title = _("Pack by customer")
    columns = (
        Column(20),
        Column(27),
        Column(13),
        Column(21, "right"),
        Column(6, "right"),
        Column(8, "center"),
        Column(8, "center"),
    )
    header = [
        _("Producer"),
        _("Product"),
        _("Variant"),
        _("Weight"),
        _("Qty"),
        _("Chilled"),
        _("Packed"),
    ]
    doc = GridDocument(info, title, columns, header)
    _hub_intro(doc, title, orders, info)
    chilled = f" · {CHILLED} " + _("Chilled")
    by_customer = _("Total by customer")
    for (point, _pid), group in groupby(
        orders, key=lambda o: (o.pickup_point_name, o.pickup_point_id)
    ):
        group_orders = list(group)
        heading = _("Pickup point: {name} · orders: {n}").format(
            name=point or "—", n=len(group_orders)
        )
        for order in group_orders:
            code = f" ({order.customer_code})" if order.customer_code else ""
            text = f"{order.last_name} {order.first_name}{code} · {order.number}"
            if order.phone:
                text += f" · {order.phone}"
            if order.has_chilled:
                text += chilled
            rows = [
                [
                    line.producer_name,
                    line.product_name,
                    line.variant_name,
                    line_measure(line, info, _),
                    str(line.quantity),
                    CHILLED if line.chilled else "",
                    TICK,
                ]
                for line in sorted(order.lines, key=_line_sort)
            ]
            total = [by_customer, "", "", "", str(order.item_count), "", ""]
            doc.block(text, rows, total, heading=heading)
            heading = ""
    return doc.finish()


# Hub: pack by product (OFN "Pack By Product") -------------------------------------------
def build_product_pack(info: DocInfo, orders: Sequence[PackOrder]) -> bytes:
    """Each product-variant with the customers who ordered it, grouped by producer."""
    _ = layout.translator(info.language)
    title = _("Pack by product")
    entries = sorted(
        ((line, order) for order in orders for line in order.lines),
        key=lambda e: (
            *_line_sort(e[0]),
            e[0].variant_key,
            e[1].last_name.casefold(),
            e[1].first_name.casefold(),
            e[1].order_id,
        ),
    )
    columns = (
        Column(8),
        Column(12),
        Column(13),
        Column(14),
        Column(24),
        Column(11, "right"),
        Column(6, "right"),
        Column(8, "center"),
        Column(8, "center"),
    )
    header = [
        _("Code"),
        _("First name"),
        _("Last name"),
        _("Order"),
        _("Pickup point"),
        _("Weight"),
        _("Qty"),
        _("Chilled"),
        _("Packed"),
    ]
    doc = GridDocument(info, title, columns, header)
    _hub_intro(doc, title, orders, info)
    total_word = _("Total")
    for producer, by_producer in groupby(entries, key=lambda e: e[0].producer_name):
        heading = producer or "—"
        for _key, by_variant in groupby(by_producer, key=lambda e: e[0].variant_key):
            items = list(by_variant)
            sample = items[0][0]
            quantity = sum(line.quantity for line, _o in items)
            banner = f"{sample.product_name} - {sample.variant_name}".strip(" -")
            rows = [
                [
                    order.customer_code,
                    order.first_name,
                    order.last_name,
                    order.number,
                    order.pickup_point_name,
                    line_measure(line, info, _),
                    str(line.quantity),
                    CHILLED if line.chilled else "",
                    TICK,
                ]
                for line, order in items
            ]
            total = [total_word, "", "", "", "", "", str(quantity), "", ""]
            doc.block(banner, rows, total, heading=heading)
            heading = ""
    return doc.finish()
