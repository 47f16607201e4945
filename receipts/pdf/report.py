"""The end-of-day reconciliation report as a PDF (A4 portrait).

Takes a :class:`pos.domain.reconcile.ReportData` that the reconcile service has already
computed; this module only lays it out. Text goes through gettext; the font is an
embedded Unicode TTF so every customer's name prints (ReportLab's built-in Helvetica has no
Polish, Turkish or Greek letters).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Spacer,
    Table,
)

from pos import files
from pos.domain import reconcile as r
from pos.domain.money import format_money
from pos.domain.timezones import zone as tz_zone
from receipts.i18n import translations
from receipts.pdf import fonts, layout
from receipts.pdf.layout import para
from receipts.pdf.model import DocInfo

FONT = fonts.REGULAR
FONT_BOLD = fonts.BOLD


def translator(language: str | None) -> Callable[[str], str]:
    """gettext for the report; English by default."""
    return layout.translator(language or "en")


def order_status_labels(_: Callable[[str], str]) -> dict[str, str]:
    """One order's status, worded for paper and exports (the screen's tr() says the same)."""
    return {
        r.COLLECTED: _("Collected"),
        r.PARTLY: _("Partly collected"),
        r.NOT_COLLECTED: _("Not collected"),
        r.NO_SHOW: _("No-show"),
        r.CANCELLED: _("Cancelled"),
    }


def order_count_labels(pgettext: Callable[[str, str], str]) -> dict[str, str]:
    """A column or row counting orders by status (French agrees it: "Retirées")."""
    return {
        r.COLLECTED: pgettext("count of orders", "Collected"),
        r.PARTLY: pgettext("count of orders", "Partly collected"),
        r.NOT_COLLECTED: pgettext("count of orders", "Not collected"),
        r.NO_SHOW: pgettext("count of orders", "No-show"),
        r.CANCELLED: pgettext("count of orders", "Cancelled"),
    }


def sync_status_labels(_: Callable[[str], str]) -> dict[str, str]:
    """One order's OFN sync status, worded for paper and exports."""
    return {
        r.SYNC_DONE: _("Pushed and verified"),
        r.SYNC_WAITING: _("Waiting to push"),
        r.SYNC_STAFF: _("Needs staff action"),
        r.SYNC_STAFF_DONE: _("Staff action done"),
        r.SYNC_CONFLICT: _("Conflict with OFN"),
        r.SYNC_NONE: "",
    }


def build_report_pdf(data: r.ReportData, path: str | Path, *, language: str | None = None) -> Path:
    """Write the report to ``path`` and return it. Identical data gives identical bytes."""
    fonts.register()
    _ = translator(language)
    pgettext = translations(language or "en").pgettext
    target = Path(path)
    styles = _Styles()
    money = _money_fn(data)
    when = _time_fn(data.timezone)

    story: list[Any] = []
    title = _("End-of-day report — {hub}").format(hub=data.hub_name)
    story.append(para(title, styles.title))
    sub = [
        _("Order cycle: {name}").format(name=data.order_cycle_name or "—"),
        _("Pickup point: {name}").format(name=data.scope_name),
        _("Generated: {when}").format(when=when(data.generated_at, "%d/%m/%Y %H:%M")),
    ]
    story.append(para(" · ".join(sub), styles.small))
    if data.is_demo:
        story.append(para(_("DEMO DATA: not a real hub"), styles.warn))
    story.append(Spacer(1, 4 * mm))

    # Orders -------------------------------------------------------------------
    story.append(para(_("Orders"), styles.h2))
    head = [
        _("Pickup point"), _("Orders"), *(order_count_labels(pgettext)[s] for s in r.STATUSES)
    ]  # fmt: skip
    rows: list[list[Any]] = [head]
    for point in (*data.points, data.total):
        c = point.counts
        rows.append(
            [
                para(point.name, styles.cell),
                point.total_orders,
                c.get(r.COLLECTED, 0),
                c.get(r.PARTLY, 0),
                c.get(r.NOT_COLLECTED, 0),
                c.get(r.NO_SHOW, 0),
                c.get(r.CANCELLED, 0),
            ]
        )
    story.append(_table(rows, [50 * mm] + [20 * mm] * 6, total_row=len(data.points) > 0))
    story.append(Spacer(1, 4 * mm))

    # Money --------------------------------------------------------------------
    story.append(para(_("Money: expected against recorded"), styles.h2))
    head = [
        _("Pickup point"), _("Owed on orders"), _("Walk-in sales"), _("Expected"),
        _("Recorded"), _("Difference"), _("Left owing"), _("Credit owed"),
    ]  # fmt: skip
    rows = [head]
    for point in (*data.points, data.total):
        m = point.money
        rows.append(
            [
                para(point.name, styles.cell),
                money(m.expected_orders),
                money(m.expected_walk_ins),
                money(m.expected),
                money(m.recorded),
                money(m.difference),
                money(m.left_owing),
                money(m.credit_owed),
            ]
        )
    story.append(
        _table(rows, [36 * mm] + [20.5 * mm] * 7, total_row=len(data.points) > 0, numeric_from=1)
    )
    story.append(
        para(
            _(
                "Recorded minus expected equals credit owed minus left owing: money still "
                "owed by customers and money owed back to them."
            ),
            styles.small,
        )
    )
    story.append(Spacer(1, 3 * mm))
    head = [_("Pickup point"), _("Method"), _("Payments"), _("Amount")]
    rows = [head]
    for point in (*data.points, data.total):
        if not point.money.by_method:
            rows.append([para(point.name, styles.cell), "—", 0, money(0)])
        for m_total in point.money.by_method:
            rows.append(
                [
                    para(point.name, styles.cell),
                    para(m_total.label, styles.cell),
                    m_total.count,
                    money(m_total.amount),
                ]
            )
    story.append(KeepTogether([_table(rows, [60 * mm, 50 * mm, 25 * mm, 30 * mm], numeric_from=2)]))
    story.append(Spacer(1, 4 * mm))

    # Till sessions ------------------------------------------------------------
    story.append(para(_("Till sessions"), styles.h2))
    if data.sessions:
        head = [
            _("Till"), _("Volunteer"), _("Opened"), _("Closed"), _("Float"), _("Cash taken"),
            _("Cash in/out"), _("Expected cash"), _("Counted"), _("Difference"),
        ]  # fmt: skip
        rows = [head]
        for s in data.sessions:
            rows.append(
                [
                    f"{s.till_id} #{s.number}",
                    para(s.volunteer, styles.cell),
                    when(s.opened_at, "%H:%M"),
                    when(s.closed_at, "%H:%M") if s.closed_at else _("open"),
                    money(s.float_amount),
                    money(s.cash_payments),
                    money(s.cash_movements),
                    money(s.expected_cash),
                    "—" if s.counted_cash is None else money(s.counted_cash),
                    "—" if s.difference is None else money(s.difference),
                ]
            )
        story.append(
            _table(
                rows,
                [14 * mm, 26 * mm, 13 * mm, 13 * mm] + [19 * mm] * 6,
                numeric_from=4,
                font_size=7,
            )
        )
        still_open = [f"{s.till_id} #{s.number}" for s in data.sessions if s.closed_at is None]
        if still_open:
            warning = _("Still open, cash not counted: {tills}.").format(
                tills=", ".join(still_open)
            )
            story.append(para(warning, styles.warn))
    else:
        story.append(para(_("No till session in this period."), styles.cell))
    story.append(Spacer(1, 4 * mm))

    story.extend(_points_and_tills(data, _, money, when, styles))

    # Delivery rounds ----------------------------------------------------------
    if data.rounds:
        story.append(para(_("Delivery rounds"), styles.h2))
        head = [
            _("Round"), _("Stops"), _("Delivered"), _("Not delivered"), _("Failed"),
            _("Taken by method"), _("Expected cash"), _("Counted"), _("Difference"),
        ]  # fmt: skip
        rows = [head]
        for rd in data.rounds:
            taken = ", ".join(f"{mt.label} {money(mt.amount)}" for mt in rd.by_method)
            rows.append(
                [
                    para(rd.name, styles.cell), rd.stops, rd.delivered, rd.not_delivered,
                    rd.failed, para(taken or "—", styles.cell), money(rd.expected_cash),
                    _("open") if rd.counted_cash is None else money(rd.counted_cash),
                    "—" if rd.difference is None else money(rd.difference),
                ]
            )  # fmt: skip
        story.append(
            _table(
                rows,
                [40 * mm, 12 * mm, 16 * mm, 18 * mm, 13 * mm, 34 * mm] + [19 * mm] * 3,
                numeric_from=1,
                font_size=7,
            )
        )
        story.append(Spacer(1, 4 * mm))

    # Charts -------------------------------------------------------------------
    charts = []
    if data.half_hours:
        charts.append(
            half_hour_chart(data.half_hours, _("Collections per half hour"), width=88 * mm)
        )
    if data.points:
        charts.append(
            points_chart(
                data.points,
                _("Collected and remaining per pickup point"),
                (order_count_labels(pgettext)[r.COLLECTED], _("Remaining")),
                width=88 * mm,
            )
        )
    if charts:
        story.append(KeepTogether([Table([charts], colWidths=[90 * mm] * len(charts))]))
        story.append(Spacer(1, 4 * mm))

    # OFN sync ---------------------------------------------------------------------
    story.append(para(_("Open Food Network"), styles.h2))
    sync_names = sync_status_labels(_)
    counts = r.sync_counts(data.orders)
    story.append(
        _table(
            [[sync_names[k] for k in r.SYNC_STATUSES], [counts[k] for k in r.SYNC_STATUSES]],
            [36 * mm] * 5,
            numeric_from=0,
        )
    )
    story.append(Spacer(1, 4 * mm))

    # To do in OFN ---------------------------------------------------------------
    story.append(para(_("To do in OFN"), styles.h2))
    if data.actions:
        head = [_("Order"), _("Customer"), _("What to do"), _("Amount"), _("Method"), _("Page")]
        rows = [head]
        for a in data.actions:
            rows.append(
                [
                    a.order_number,
                    para(a.customer_name, styles.cell),
                    para(a.worded(language or "en", locale=data.locale), styles.cell),
                    "" if a.amount is None else money(a.amount),
                    para(data.method_labels.get(a.method or "", a.method or ""), styles.cell),
                    para(a.admin_url, styles.tiny),
                ]
            )
        story.append(
            _table(rows, [22 * mm, 30 * mm, 55 * mm, 18 * mm, 18 * mm, 37 * mm], numeric_from=3)
        )
    else:
        story.append(para(_("Nothing to do in OFN."), styles.cell))
    story.append(Spacer(1, 4 * mm))

    # Not yet in OFN -------------------------------------------------------------------
    # only those that failed: the rest simply wait for the next sync (counted above)
    unsent = [o for o in data.orders if o.sync_status == r.SYNC_WAITING and o.sync_error]
    if unsent:
        story.append(para(_("Failed to push to OFN (retried)"), styles.h2))
        rows = [[_("Order"), _("Customer"), _("Receipt"), _("Last error")]]
        for o in unsent:
            rows.append(
                [
                    o.number,
                    para(o.customer_name, styles.cell),
                    o.receipt_no,
                    para(o.sync_error, styles.cell),
                ]
            )
        story.append(_table(rows, [25 * mm, 50 * mm, 25 * mm, 80 * mm], numeric_from=4))
        story.append(Spacer(1, 4 * mm))

    # Orders not collected --------------------------------------------------------
    waiting = [o for o in data.orders if o.status in (r.NOT_COLLECTED, r.NO_SHOW)]
    story.append(para(order_count_labels(pgettext)[r.NOT_COLLECTED], styles.h2))
    if waiting:
        head = [_("Order"), _("Customer"), _("Pickup point"), _("Status"), _("Total")]
        rows = [head]
        labels = order_status_labels(_)
        for o in waiting:
            status = labels[o.status]
            if o.no_show_reason:
                status = f"{status}: {o.no_show_reason}"
            rows.append(
                [
                    o.number,
                    para(o.customer_name, styles.cell),
                    para(o.pickup_point_name, styles.cell),
                    para(status, styles.cell),
                    money(o.order_total),
                ]
            )
        story.append(_table(rows, [25 * mm, 50 * mm, 45 * mm, 40 * mm, 20 * mm], numeric_from=4))
    else:
        story.append(para(_("Every order was collected."), styles.cell))

    info = DocInfo(
        hub_name=data.hub_name,
        cycle_name=data.order_cycle_name or "",
        generated_at=_utc(data.generated_at),
        timezone=data.timezone,
        locale=data.locale,
        currency=data.currency,
        language=language or "en",
    )
    pdf = layout.build(info, title, story, subject=data.scope_name)
    return files.write_bytes(target, pdf)  # private, never half a file


# charts (also used by nothing else: the GUI draws its own with QPainter) -----------
def half_hour_chart(
    slots: Sequence[tuple[str, int]], title: str, *, width: float = 170 * mm
) -> Drawing:
    height = 60 * mm
    d = Drawing(width, height)
    d.add(String(0, height - 10, title, fontName=FONT_BOLD, fontSize=9))
    chart = VerticalBarChart()
    chart.x, chart.y = 22, 22
    chart.width, chart.height = width - 30, height - 42
    chart.data = [[n for _, n in slots]]
    chart.categoryAxis.categoryNames = [label for label, _ in slots]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 90 if len(slots) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "e" if len(slots) > 8 else "n"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, _nice_step(max(n for _, n in slots)))
    chart.bars[0].fillColor = colors.HexColor("#2f7d4f")
    d.add(chart)
    return d


def points_chart(
    points: Sequence[r.PointSummary],
    title: str,
    legend: tuple[str, str],
    *,
    width: float = 170 * mm,
) -> Drawing:
    height = 60 * mm
    d = Drawing(width, height)
    d.add(String(0, height - 10, title, fontName=FONT_BOLD, fontSize=9))
    collected = [p.counts.get(r.COLLECTED, 0) + p.counts.get(r.PARTLY, 0) for p in points]
    remaining = [p.remaining for p in points]
    chart = VerticalBarChart()
    chart.x, chart.y = 22, 22
    chart.width, chart.height = width - 30, height - 52
    chart.data = [collected, remaining]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [_short(p.name, 18) for p in points]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max((a + b for a, b in zip(collected, remaining, strict=True)), default=1)
    chart.valueAxis.valueStep = max(1, _nice_step(top))
    chart.bars[0].fillColor = colors.HexColor("#2f7d4f")
    chart.bars[1].fillColor = colors.HexColor("#d9a441")
    d.add(chart)
    for i, (label, colour) in enumerate(zip(legend, ("#2f7d4f", "#d9a441"), strict=True)):
        x = i * 70
        d.add(String(x, height - 21, "■", fontName=FONT, fontSize=9,
                     fillColor=colors.HexColor(colour)))  # fmt: skip
        d.add(String(x + 10, height - 21, label, fontName=FONT, fontSize=7))
    return d


# helpers ---------------------------------------------------------------------------
def _points_and_tills(
    data: r.ReportData,
    _: Callable[[str], str],
    money: Callable[[int], str],
    when: Callable[[str | None, str], str],
    styles: _Styles,
) -> list[Any]:
    """The day per pickup point (walk-ins, no-shows, till sessions, money by method) and per
    till (several tills, or a staff copy that reads every till's journal)."""
    story: list[Any] = []
    if len(data.points) > 1:
        story.append(para(_("Per pickup point"), styles.h2))
        head = [_("Pickup point"), _("Walk-in sales"), _("No-shows"), _("Till sessions"),
                _("Taken by method")]  # fmt: skip
        rows: list[list[Any]] = [head]
        for p in data.points:
            taken = ", ".join(f"{m.label} {money(m.amount)}" for m in p.money.by_method)
            n = sum(1 for s in data.sessions if s.pickup_point_id == p.pickup_point_id)
            no_shows = p.counts.get(r.NO_SHOW, 0)
            cells = [p.money.walk_in_count, no_shows, n, para(taken or "—", styles.cell)]
            rows.append([para(p.name, styles.cell), *cells])
        story.append(_table(rows, [50 * mm, 22 * mm, 22 * mm, 22 * mm, 64 * mm], numeric_from=1))
        story.append(Spacer(1, 4 * mm))
    if len(data.tills) > 1 or any(t.reported_at for t in data.tills):
        story.append(para(_("Per till"), styles.h2))
        head = [
            _("Till"), _("Pickup point"), _("Collections"), _("Walk-in sales"),
            _("Till sessions"), _("Taken by method"), _("Recorded"), _("Last reported"),
        ]  # fmt: skip
        rows = [head]
        for t in data.tills:
            taken = ", ".join(f"{m.label} {money(m.amount)}" for m in t.by_method)
            sessions = str(t.sessions)
            if t.open_sessions:
                sessions += f" ({t.open_sessions} {_('open')})"
            reported = _("this till") if t.is_this_till else when(t.reported_at, "%d/%m %H:%M")
            rows.append([para(t.label, styles.cell), para(", ".join(t.pickup_points) or "—",
                         styles.cell), t.collections, t.walk_ins, sessions,
                         para(taken or "—", styles.cell), money(t.recorded),
                         reported or "—"])  # fmt: skip
        story.append(
            _table(
                rows,
                [20 * mm, 30 * mm, 18 * mm, 16 * mm, 17 * mm, 43 * mm, 18 * mm, 18 * mm],
                numeric_from=2,
                font_size=7,
            )
        )
        story.append(Spacer(1, 4 * mm))
    return story


class _Styles:
    """The shared list styles (receipts.pdf.layout), plus a warning and a tiny cell."""

    def __init__(self) -> None:
        shared = layout.styles(8)
        self.title = shared.title
        self.h2 = ParagraphStyle("h2", parent=shared.heading, keepWithNext=1)
        self.small = ParagraphStyle("small", parent=shared.note, fontSize=8, leading=10)
        self.cell = shared.cell
        self.warn = ParagraphStyle(
            "warn", parent=shared.cell_bold, fontSize=9, leading=12,
            textColor=colors.HexColor("#b45309"),
        )  # fmt: skip
        self.tiny = ParagraphStyle("tiny", parent=shared.cell, fontSize=6, leading=8)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def _table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    total_row: bool = False,
    numeric_from: int = 1,
    font_size: float = 0,
) -> Table:
    """A table in the lists' style (receipts.pdf.layout.table), numbers right-aligned."""
    smaller = [("FONTSIZE", (0, 1), (-1, -1), font_size)] if font_size else []
    return layout.table(
        rows,
        widths,
        A4[0] - 2 * layout.MARGIN_X,
        header_rows=1,
        total_row=total_row,
        right=range(numeric_from, len(rows[0])),
        extra=smaller,
    )


def _money_fn(data: r.ReportData) -> Callable[[int], str]:
    def money(minor: int) -> str:
        return format_money(minor, data.currency, data.locale)

    return money


def _utc(iso: str) -> datetime:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _time_fn(timezone: str) -> Callable[[str | None, str], str]:
    zone = tz_zone(timezone)

    def when(utc_iso: str | None, fmt: str) -> str:
        if not utc_iso:
            return ""
        try:
            moment = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
        except ValueError:
            return utc_iso
        return moment.astimezone(zone).strftime(fmt)

    return when
