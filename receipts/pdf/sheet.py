"""Pickup-point collection sheet: the paper fallback and sign-off list for collection day.

One row per order, sorted by last name (Cagette's "liste d'émargement", OFN's Payment
Methods / Delivery reports): code, order number, items, amount due, payment method,
special instructions, then a tick and a signature column. Landscape, so it all fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm

from pos.domain.money import format_money
from receipts.pdf import layout
from receipts.pdf.layout import TICK
from receipts.pdf.model import DocInfo, PackOrder


def build_sheet(
    info: DocInfo, pickup_point_name: str, orders: Sequence[PackOrder], *, note: str = ""
) -> bytes:
    """The collection sheet of one pickup point; ``orders`` already sorted by last name.

    ``note`` is the pickup point's description (day, opening times, where to find it).
    """
    _ = layout.translator(info.language)
    st = layout.styles(8)
    width = layout.frame_width(info, wide=True)
    title = _("Collection sheet: {point}").format(point=pickup_point_name)
    due = sum(o.amount_due for o in orders)
    summary = _("{orders} orders, {items} items, {due} to take at pickup.").format(
        orders=len(orders),
        items=sum(o.item_count for o in orders),
        due=format_money(due, info.currency, info.locale),
    )
    how = _(
        "Tick when the bag is handed over and ask the customer to sign. "
        "✓ printed in the tick column: already collected at the till."
    )
    story = layout.opening(title, note, [(summary, st.note), (how, st.note)], st)
    rows: list[list[object]] = [
        [
            _("Last name"),
            _("First name"),
            _("Code"),
            _("Order"),
            _("Items"),
            _("Amount due"),
            _("Payment"),
            _("Special instructions"),
            _("Collected"),
            _("Signature"),
        ]
    ]
    for order in orders:
        amount = format_money(order.amount_due, info.currency, info.locale)
        rows.append(
            [
                order.last_name,
                order.first_name,
                order.customer_code,
                order.number,
                str(order.item_count),
                amount if order.amount_due > 0 else _("paid"),
                order.payment_method,
                order.special_instructions,
                "✓" if order.collected else TICK,
                "",
            ]
        )
    if not orders:
        rows.append([_("No orders for this pickup point."), "", "", "", "", "", "", "", "", ""])
    rows.append(
        [
            _("Total"),
            "",
            "",
            str(len(orders)),
            str(sum(o.item_count for o in orders)),
            format_money(due, info.currency, info.locale),
            "",
            "",
            "",
            "",
        ]
    )
    t = layout.table(
        rows,
        [16, 13, 8, 12, 8, 10, 13, 25, 10, 21],
        width,
        header_rows=1,
        total_row=True,
        right=(4, 5),
        center=(8,),
        # Room to sign: padding makes each row about 9 mm high; long notes still wrap.
        extra=[
            ("TOPPADDING", (0, 1), (-1, -2), 3.2 * mm),
            ("BOTTOMPADDING", (0, 1), (-1, -2), 3.2 * mm),
            ("LINEBEFORE", (9, 0), (9, -1), 0.25, colors.lightgrey),
            ("FONTSIZE", (8, 1), (8, -2), 13),
        ],
    )
    story.append(t)
    return layout.build(info, title, story, wide=True)
