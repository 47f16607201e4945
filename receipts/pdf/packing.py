"""Packing lists: per customer bag (for a producer or the whole hub) and per product.

The hub versions follow OFN's own Packing reports (admin: Reports > Packing) so staff recognise
them: Pack by Customer groups by customer ("Last First (CODE)") with producer, product,
variant, weight, quantity and TempControlled; Pack by Product groups by producer, then
"product - variant", with the customers under it. Each block is one table whose heading
and column header repeat on every page it runs onto, and short blocks are never split.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from reportlab.platypus import Flowable, Spacer

from pos.domain.units import format_measure
from receipts.pdf import layout
from receipts.pdf.layout import CHILLED, TICK, Translate, para
from receipts.pdf.model import DocInfo, PackLine, PackOrder


def line_measure(line: PackLine, info: DocInfo, _: Translate) -> str:
    """Weight or volume of a line: the final weight when weighed, else the ordered one."""
    measure = line.measure
    if measure is None:
        return ""
    text = format_measure(measure, line.variant_unit, info.locale)
    if line.final_weight is not None:
        text += " " + _("(weighed)")
    return text


def _line_sort(line: PackLine) -> tuple[str, str, str]:
    return (
        line.producer_name.casefold(),
        line.product_name.casefold(),
        line.variant_name.casefold(),
    )


def _intro(story: list[Flowable], title: str, lines: Sequence[str], info: DocInfo) -> None:
    st = layout.styles()
    story.append(para(title, st.title))
    for text in lines:
        story.append(para(text, st.note))
    story.append(Spacer(1, 3))


def _hub_intro(title: str, orders: Sequence[PackOrder], info: DocInfo) -> list[Flowable]:
    _ = layout.translator(info.language)
    story: list[Flowable] = []
    summary = _("{orders} orders, {items} items. Cancelled orders are left out.")
    _intro(
        story,
        title,
        [summary.format(orders=len(orders), items=sum(o.item_count for o in orders))],
        info,
    )
    if not orders:
        _empty(story, info)
    return story


def _empty(story: list[Flowable], info: DocInfo) -> None:
    _ = layout.translator(info.language)
    story.append(para(_("No orders to pack in this order cycle."), layout.styles().cell))


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
    width = layout.frame_width(info)
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
    story: list[Flowable] = []
    _intro(story, title, notes, info)
    if not orders:
        _empty(story, info)
    header: list[object] = [
        _("Packed"),
        _("Qty"),
        _("Product"),
        _("Variant"),
        _("Weight / volume"),
        _("Chilled"),
    ]
    for order in orders:
        parts = [order.customer_code, order.number, order.pickup_point_name]
        if show_names:
            parts.insert(0, order.full_name)
            if order.phone:
                parts.append(order.phone)
        if order.has_chilled:
            parts.append(f"{CHILLED} " + _("Chilled"))
        banner = " · ".join(p for p in parts if p)
        rows: list[list[object]] = [[banner, "", "", "", "", ""], header]
        for line in sorted(order.lines, key=_line_sort):
            rows.append(
                [
                    TICK,
                    str(line.quantity),
                    line.product_name,
                    line.variant_name,
                    line_measure(line, info, _),
                    CHILLED if line.chilled else "",
                ]
            )
        rows.append(["", str(order.item_count), _("items in this bag"), "", "", ""])
        block = layout.block(
            rows,
            [7, 6, 38, 18, 20, 8],
            width,
            right=(1,),
            center=(0, 5),
        )
        story.extend(layout.keep([block], len(rows)))
    return layout.build(info, title, story)


# Hub: pack by customer (OFN "Pack By Customer") -----------------------------------------
def build_customer_pack(info: DocInfo, orders: Sequence[PackOrder]) -> bytes:
    """Every bag of the cycle, grouped by pickup point, then customer (last name)."""
    _ = layout.translator(info.language)
    st = layout.styles()
    width = layout.frame_width(info)
    title = _("Pack by customer")
    story = _hub_intro(title, orders, info)
    header: list[object] = [
        _("Producer"),
        _("Product"),
        _("Variant"),
        _("Weight"),
        _("Qty"),
        _("Chilled"),
        _("Packed"),
    ]
    for (point, _pid), group in groupby(
        orders, key=lambda o: (o.pickup_point_name, o.pickup_point_id)
    ):
        group_orders = list(group)
        heading = para(
            _("Pickup point: {name} · orders: {n}").format(name=point or "—", n=len(group_orders)),
            st.heading,
        )
        first = True
        for order in group_orders:
            code = f" ({order.customer_code})" if order.customer_code else ""
            text = f"{order.last_name} {order.first_name}{code} · {order.number}"
            if order.phone:
                text += f" · {order.phone}"
            if order.has_chilled:
                text += f" · {CHILLED} " + _("Chilled")
            rows: list[list[object]] = [[text, "", "", "", "", "", ""], header]
            for line in sorted(order.lines, key=_line_sort):
                rows.append(
                    [
                        line.producer_name,
                        line.product_name,
                        line.variant_name,
                        line_measure(line, info, _),
                        str(line.quantity),
                        CHILLED if line.chilled else "",
                        TICK,
                    ]
                )
            rows.append([_("Total by customer"), "", "", "", str(order.item_count), "", ""])
            block = layout.block(
                rows,
                [20, 27, 13, 21, 6, 8, 8],
                width,
                right=(3, 4),
                center=(5, 6),
            )
            story.extend(layout.keep([heading, block] if first else [block], len(rows)))
            first = False
    return layout.build(info, title, story)


# Hub: pack by product (OFN "Pack By Product") -------------------------------------------
def build_product_pack(info: DocInfo, orders: Sequence[PackOrder]) -> bytes:
    """Each product-variant with the customers who ordered it, grouped by producer."""
    _ = layout.translator(info.language)
    st = layout.styles()
    width = layout.frame_width(info)
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
    story = _hub_intro(title, orders, info)
    header: list[object] = [
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
    for producer, by_producer in groupby(entries, key=lambda e: e[0].producer_name):
        heading = para(producer or "—", st.heading)
        first = True
        for _key, by_variant in groupby(by_producer, key=lambda e: e[0].variant_key):
            items = list(by_variant)
            sample = items[0][0]
            quantity = sum(line.quantity for line, _o in items)
            name = f"{sample.product_name} - {sample.variant_name}".strip(" -")
            banner = name
            rows: list[list[object]] = [[banner, "", "", "", "", "", "", "", ""], header]
            for line, order in items:
                rows.append(
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
                )
            rows.append([_("Total"), "", "", "", "", "", str(quantity), "", ""])
            block = layout.block(
                rows,
                [8, 12, 13, 14, 24, 11, 6, 8, 8],
                width,
                right=(5, 6),
                center=(7, 8),
            )
            story.extend(layout.keep([heading, block] if first else [block], len(rows)))
            first = False
    return layout.build(info, title, story)
