"""Run sheet: one driver's delivery round on paper, stop by stop, in the order driven.

Each stop: name and phone, address, delivery instructions, bags (k of n, chilled), the amount
to collect and how, the order's QR (scanned back at the hub), and tick / signature / "not
home" columns. Stops without a usable address come first, marked, so nobody drops them.
A summary of stops, bags and money to collect opens the sheet. Landscape, like the
collection sheet, on the shared layout (embedded font, repeated header, page X of Y).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from pos.domain.money import format_money
from pos.domain.rounds import Stop
from receipts.pdf import layout
from receipts.pdf.labels import draw_qr
from receipts.pdf.layout import CHILLED, TICK
from receipts.pdf.model import DocInfo

QR_SIZE = 13 * mm


class QR(Flowable):
    """An order's QR code in a table cell (the number itself, as on bags and receipts)."""

    def __init__(self, value: str, size: float = QR_SIZE) -> None:
        super().__init__()
        self.value = value
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.value, 0, 0, self.size)


def lines(parts: Sequence[str], style: ParagraphStyle, *, first_bold: bool = False) -> Paragraph:
    """Several lines in one cell (a name over its phone, an address)."""
    shown = [escape(p) for p in parts if p]
    if first_bold and shown:
        shown[0] = f"<b>{shown[0]}</b>"
    return Paragraph("<br/>".join(shown), style)


def bags_text(stop: Stop, _: layout.Translate) -> list[str]:
    """``3 bags`` over ``1 ❄ chilled``: the driver counts them before leaving and at the door."""
    text = [_("{n} bag(s)").format(n=stop.bags)]
    if stop.chilled_bags:
        text.append(_("{n} {icon} chilled").format(n=stop.chilled_bags, icon=CHILLED))
    return text


def build_run_sheet(
    info: DocInfo,
    method_name: str,
    driver: str,
    stops: Sequence[Stop],
    *,
    note: str = "",
    settled: int = 0,
) -> bytes:
    """The run sheet of one round; ``stops`` already in the order they are driven.

    ``settled``: orders of the method left out because a round or a till already settled
    them (handed over, refused, or to be picked up instead), said on the sheet.
    """
    _ = layout.translator(info.language)
    st = layout.styles(8)
    width = layout.frame_width(info, wide=True)
    where = f"{method_name} · {driver}" if driver else method_name
    title = _("Run sheet: {round}").format(round=where)

    def money(minor: int) -> str:
        return format_money(minor, info.currency, info.locale)

    due = sum(s.amount_due for s in stops)
    by_method: dict[str, int] = defaultdict(int)
    for s in stops:
        if s.amount_due > 0:
            by_method[s.payment_method or _("not known")] += s.amount_due
    missing = sum(1 for s in stops if s.address_missing)
    summary = _("{stops} stops, {bags} bags ({chilled} chilled), {due} to collect.").format(
        stops=len(stops),
        bags=sum(s.bags for s in stops),
        chilled=sum(s.chilled_bags for s in stops),
        due=money(due),
    )
    methods = "; ".join(f"{m} {money(a)}" for m, a in sorted(by_method.items()))
    by_method_text = _("To collect by method: {methods}.").format(methods=methods)
    left_out = _(
        "{n} order(s) of this delivery method are not listed: already handed "
        "over, refused, or to be picked up instead."
    ).format(n=settled)
    no_address = _("{n} stop(s) have no usable address: they are listed first.").format(n=missing)
    how = _(
        "Tick when delivered and ask for a signature; tick “Not home” and bring the bags "
        "back otherwise. Back at the hub, scan each QR on the Delivery round screen."
    )
    heading = [
        (summary, st.cell_bold),
        (by_method_text if by_method else "", st.note),
        (left_out if settled else "", st.note),
        (no_address if missing else "", st.cell_bold),
        (how, st.note),
    ]
    story = layout.opening(title, note, heading, st)
    rows: list[list[object]] = [
        [
            "#",
            _("Customer"),
            _("Address"),
            _("Delivery instructions"),
            _("Bags"),
            _("To collect"),
            _("QR"),
            _("Delivered"),
            _("Signature"),
            _("Not home"),
        ]
    ]
    for i, s in enumerate(stops, start=1):
        address = list(s.address.lines())
        if s.address_missing:
            address.insert(0, _("ADDRESS MISSING"))
        collect: object = _("paid")
        if s.amount_due > 0:
            collect = lines([money(s.amount_due), s.payment_method], st.cell_right)
        rows.append(
            [
                str(i),
                lines([s.full_name, s.phone, s.number], st.cell, first_bold=True),
                lines(address, st.cell, first_bold=s.address_missing),
                s.instructions,
                lines(bags_text(s, _), st.cell),
                collect,
                QR(s.number),
                TICK,
                "",
                TICK,
            ]
        )
    if not stops:
        rows.append(["", _("No stops on this round."), "", "", "", "", "", "", "", ""])
    rows.append(
        [
            "",
            _("Total"),
            _("{n} stops").format(n=len(stops)),
            "",
            _("{n} bag(s)").format(n=sum(s.bags for s in stops)),
            money(due),
            "",
            "",
            "",
            "",
        ]
    )
    extra: list[tuple[object, ...]] = [
        ("LINEBEFORE", (8, 0), (8, -1), 0.25, colors.lightgrey),
        ("FONTSIZE", (7, 1), (7, -2), 14),
        ("FONTSIZE", (9, 1), (9, -2), 14),
        ("VALIGN", (0, 1), (-1, -2), "TOP"),
    ]
    for r, s in enumerate(stops, start=1):
        if s.address_missing:
            extra.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#fde8e8")))
    t = layout.table(
        rows,
        [3, 19, 20, 22, 9, 12, 8, 8, 16, 8],
        width,
        header_rows=1,
        total_row=True,
        right=(5,),
        center=(7, 9),
        extra=extra,
    )
    story.append(t)
    return layout.build(info, title, story, wide=True)
