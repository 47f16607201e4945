"""Harvest / pick list for one producer: totals per variant, overall and per pickup point.

Like OFN's "Order Cycle Supplier Totals" and "... by Distributor": what to harvest and
bring, and how to split it between the pickup points.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph, Spacer

from pos.domain.units import format_measure
from receipts.pdf import layout
from receipts.pdf.layout import CHILLED, TICK, para
from receipts.pdf.model import DocInfo, PackLine, PackOrder


@dataclass(slots=True)
class VariantTotal:
    product_name: str
    variant_name: str
    variant_unit: str
    quantity: int = 0
    measure: Decimal | None = None  # grams or ml in total (None for counted items)
    weighed_lines: int = 0  # lines whose weight is final (weighed before the list)
    chilled: bool = False
    orders: set[int] = field(default_factory=set)


def variant_totals(orders: Iterable[PackOrder]) -> list[VariantTotal]:
    """Totals per variant, sorted by product then variant name."""
    totals: dict[tuple[str, str, str, str], VariantTotal] = {}
    for order in orders:
        for line in order.lines:
            total = totals.get(line.variant_key)
            if total is None:
                total = totals[line.variant_key] = VariantTotal(
                    line.product_name, line.variant_name, line.variant_unit
                )
            _add(total, line, order.order_id)
    return sorted(
        totals.values(), key=lambda t: (t.product_name.casefold(), t.variant_name.casefold())
    )


def _add(total: VariantTotal, line: PackLine, order_id: int) -> None:
    total.quantity += line.quantity
    measure = line.measure
    if measure is not None:
        total.measure = measure if total.measure is None else total.measure + measure
    if line.final_weight is not None:
        total.weighed_lines += 1
    total.chilled = total.chilled or line.chilled
    total.orders.add(order_id)


def _table(totals: Sequence[VariantTotal], info: DocInfo, width: float) -> Flowable:
    _ = layout.translator(info.language)
    rows: list[list[object]] = [
        [
            _("Product"),
            _("Variant"),
            _("Quantity"),
            _("Total weight / volume"),
            _("Orders"),
            _("Chilled"),
            _("Picked"),
        ]
    ]
    for t in totals:
        measure = ""
        if t.measure is not None:
            measure = format_measure(t.measure, t.variant_unit, info.locale)
            if t.weighed_lines:
                measure += " " + _("({n} weighed)").format(n=t.weighed_lines)
        rows.append(
            [
                t.product_name,
                t.variant_name,
                str(t.quantity),
                measure,
                str(len(t.orders)),
                CHILLED if t.chilled else "",
                TICK,
            ]
        )
    rows.append([_("Total"), "", str(sum(t.quantity for t in totals)), "", "", "", ""])
    return layout.table(
        rows,
        [28, 15, 9, 25, 8, 8, 8],
        width,
        header_rows=1,
        total_row=True,
        right=(2, 3, 4),
        center=(5, 6),
    )


def build_harvest(
    info: DocInfo, producer_name: str, orders: Sequence[PackOrder], *, pickup_filter: str = ""
) -> bytes:
    """The harvest list of one producer; ``orders`` hold only that producer's lines."""
    _ = layout.translator(info.language)
    st = layout.styles()
    width = layout.frame_width(info)
    title = _("Harvest list: {producer}").format(producer=producer_name)
    story: list[Flowable] = [para(title, st.title)]
    points = sorted(
        {(o.pickup_point_name, o.pickup_point_id) for o in orders},
        key=lambda p: (p[0].casefold(), p[1] or 0),
    )
    summary = _("{orders} orders, {points} pickup points.").format(
        orders=len(orders), points=len(points)
    )
    if pickup_filter:
        summary += " " + _("Only pickup point {name}.").format(name=pickup_filter)
    story.append(para(summary, st.note))
    story.append(
        para(
            _(
                "Cancelled orders are left out. Weights are the ordered weights, or the "
                "final weight where the line was already weighed."
            ),
            st.note,
        )
    )
    if not orders:
        story.append(Spacer(1, 8))
        story.append(para(_("Nothing ordered from this producer in this order cycle."), st.cell))
        return layout.build(info, title, story)
    story.append(para(_("All pickup points"), st.heading))
    story.append(_table(variant_totals(orders), info, width))
    for name, point_id in points:
        subset = [o for o in orders if o.pickup_point_id == point_id]
        heading: Paragraph = para(
            _("Pickup point: {name} · orders: {n}").format(name=name or "—", n=len(subset)),
            st.heading,
        )
        totals = variant_totals(subset)
        story.extend(layout.keep([heading, _table(totals, info, width)], len(totals) + 2))
    return layout.build(info, title, story)
