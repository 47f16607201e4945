"""Page set-up shared by the list documents: paper, styles, tables, header and footer.

Every page carries the hub, the order cycle, the document title, when it was generated
and "Page X of Y" (a deferred canvas counts the pages before drawing the footers).
Builds run in reportlab's invariant mode with the generation time as creation date, so
the same input gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC
from functools import cache
from typing import Any, Protocol
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from receipts.i18n import translations
from receipts.pdf import fonts
from receipts.pdf.model import DocInfo

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN_X = 14 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 17 * mm
TICK = "\u2610"  # ☐ ballot box
CHILLED = "\u2744"  # ❄ snowflake
GREY = colors.HexColor("#666666")
SHORT_BLOCK = 32  # rows; longer blocks may start part-way down a page
LIGHT = colors.HexColor("#e8e8e8")

Translate = Callable[[str], str]


@cache
def translator(language: str) -> Translate:
    """gettext for printed text; English when no catalogue exists."""
    return translations(language).gettext


def page_size(paper: str, *, wide: bool = False) -> tuple[float, float]:
    try:
        size = PAPERS[paper]
    except KeyError:
        raise ValueError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}") from None
    return landscape(size) if wide else size


def local_time(info: DocInfo) -> str:
    """The generation time in the hub's time zone, e.g. ``2026-11-26 09:14 GMT``."""
    when = info.generated_at
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        when = when.astimezone(ZoneInfo(info.timezone))
    except (KeyError, ValueError):
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%d %H:%M %Z").strip()


def pdf_date(info: DocInfo) -> Callable[..., str]:
    """A reportlab date formatter that always answers the generation time (UTC)."""
    when = info.generated_at
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    text = when.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")

    def formatter(*_args: object) -> str:
        return text

    return formatter


@dataclass(frozen=True, slots=True)
class Styles:
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    head_center: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    note: ParagraphStyle


@cache
def styles(size: float = 8.5) -> Styles:
    fonts.register()
    cell = ParagraphStyle("cell", fontName=fonts.REGULAR, fontSize=size, leading=size * 1.2)
    head = ParagraphStyle(
        "head", fontName=fonts.BOLD, fontSize=size - 1, leading=(size - 1) * 1.15, textColor=GREY
    )
    return Styles(
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=fonts.BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head=head,
        head_right=ParagraphStyle("head_right", parent=head, alignment=TA_RIGHT),
        head_center=ParagraphStyle("head_center", parent=head, alignment=TA_CENTER),
        title=ParagraphStyle(
            "title", fontName=fonts.BOLD, fontSize=15, leading=19, spaceAfter=2 * mm
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=fonts.BOLD,
            fontSize=11.5,
            leading=14,
            spaceBefore=4 * mm,
            spaceAfter=1.5 * mm,
        ),
        note=ParagraphStyle(
            "note", fontName=fonts.REGULAR, fontSize=8.5, leading=11, textColor=GREY
        ),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A wrapping cell or line of plain text (escaped: names may hold ``&`` or ``<``)."""
    return Paragraph(escape(text), style)


def table_style(header_rows: int, *, banner: bool = False, total_row: bool = False) -> TableStyle:
    """Light rules like OFN's and Foodsoft's lists: bold header, thin line under each row.

    ``banner``: row 0 is a group heading (customer or product) above the column header.
    """
    first_header = 1 if banner else 0
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.5),
        ("FONT", (0, first_header), (-1, header_rows - 1), fonts.BOLD, 7.5),
        ("TEXTCOLOR", (0, first_header), (-1, header_rows - 1), GREY),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, colors.black),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if banner:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("FONT", (0, 0), (-1, 0), fonts.BOLD, 10),
            ("TOPPADDING", (0, 0), (-1, 0), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ]
    if total_row:
        cmds += [
            ("FONT", (0, -1), (-1, -1), fonts.BOLD, 8.5),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ]
    return TableStyle(cmds)


def table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    frame_width: float,
    *,
    header_rows: int,
    banner: bool = False,
    total_row: bool = False,
    right: Sequence[int] = (),
    center: Sequence[int] = (),
    extra: Sequence[tuple[Any, ...]] = (),
    space_after: float = 0,
) -> Table:
    """A table whose header rows repeat on every page it runs onto.

    ``widths`` are fractions of ``frame_width``; ``right``/``center`` are column indexes.
    """
    scale = frame_width / sum(widths)
    first = 1 if banner else 0
    data = [list(r) for r in rows]
    col_widths = [w * scale for w in widths]
    st = styles()
    for r in range(first, header_rows):
        data[r] = [_head(c, col_widths[i], i, right, center) for i, c in enumerate(data[r])]
    if banner and isinstance(data[0][0], str):
        # Drawn from the first cell across the empty ones; no SPAN, whose bookkeeping
        # costs a pass over every cell each time a long table is split across pages.
        data[0][0] = fit(data[0][0], fonts.BOLD, 10, sum(col_widths) - 6)
    last = len(data) - 1
    for r in range(header_rows, len(data)):
        style = st.cell_bold if total_row and r == last else st.cell
        data[r] = [_wrap(c, col_widths[i], style) for i, c in enumerate(data[r])]
    t = Table(
        data,
        colWidths=col_widths,
        repeatRows=header_rows,
        hAlign="LEFT",
        spaceAfter=space_after,
    )
    style = table_style(header_rows, banner=banner, total_row=total_row)
    for col in right:
        style.add("ALIGN", (col, first), (col, -1), "RIGHT")
    for col in center:
        style.add("ALIGN", (col, first), (col, -1), "CENTER")
    for cmd in extra:
        style.add(*cmd)
    t.setStyle(style)
    return t


def _wrap(cell: object, width: float, style: ParagraphStyle) -> object:
    """Plain text stays a fast string when it fits its column, else becomes a paragraph."""
    if isinstance(cell, str) and cell and any(ch.isspace() for ch in cell.strip()):
        # One word (an order number, a code) is never cut in two: it may overhang instead.
        room = width - 6  # left and right padding
        if "\n" in cell or stringWidth(cell, style.fontName, style.fontSize) > room:
            return para(cell, style)
    return cell


def _head(
    cell: object, width: float, col: int, right: Sequence[int], center: Sequence[int]
) -> object:
    """A column header; wraps (aligned like its column) when it is wider than the column."""
    st = styles()
    style = st.head_right if col in right else st.head_center if col in center else st.head
    return _wrap(cell, width, style)


class _Decor:
    """What the deferred canvas draws on each page once the page count is known."""

    def __init__(self, info: DocInfo, title: str, _: Translate) -> None:
        self.left = f"{info.hub_name} · {info.cycle_name}"
        self.title = title
        self.generated = _("Generated {when}").format(when=local_time(info))
        self.page_text = _("Page {page} of {pages}")
        self.date = pdf_date(info)

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFont(fonts.BOLD, 8)
        top = height - 11 * mm
        canvas.drawString(MARGIN_X, top, fit(self.left, fonts.BOLD, 8, width * 0.55))
        canvas.setFont(fonts.REGULAR, 8)
        canvas.drawRightString(
            width - MARGIN_X, top, fit(self.title, fonts.REGULAR, 8, width * 0.4)
        )
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 2 * mm, width - MARGIN_X, top - 2 * mm)
        bottom = 9 * mm
        canvas.line(MARGIN_X, bottom + 4 * mm, width - MARGIN_X, bottom + 4 * mm)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN_X, bottom, self.generated)
        canvas.drawRightString(
            width - MARGIN_X, bottom, self.page_text.format(page=page, pages=pages)
        )
        canvas.restoreState()


def fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class Decor(Protocol):
    date: Callable[..., str]

    def draw(self, canvas: Canvas, page: int, pages: int) -> None: ...


class NumberedCanvas(Canvas):
    """Keeps each page until the end, then draws header and "Page X of Y" on all of them."""

    def __init__(self, *args: Any, decor: Decor, **kwargs: Any) -> None:
        # Start pages in DejaVu too, so no unembedded Helvetica is referenced at all.
        if kwargs.get("initialFontName") is None:
            kwargs["initialFontName"] = fonts.REGULAR
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._pages: list[dict[str, Any]] = []
        self.setDateFormatter(decor.date)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decor.draw(self, number, total)
            Canvas.showPage(self)
        self._pages = []
        Canvas.save(self)


def frame_width(info: DocInfo, *, wide: bool = False) -> float:
    return page_size(info.paper, wide=wide)[0] - 2 * MARGIN_X


def build(
    info: DocInfo,
    title: str,
    story: list[Flowable],
    *,
    wide: bool = False,
    subject: str = "",
) -> bytes:
    """Lay out ``story`` on the chosen paper and return the PDF bytes."""
    fonts.register()
    _ = translator(info.language)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size(info.paper, wide=wide),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=info.hub_name,
        subject=subject or info.cycle_name,
        creator="Food Hub POS",
        invariant=1,
    )
    decor = _Decor(info, title, _)

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        return NumberedCanvas(*args, decor=decor, **kwargs)

    doc.build(story, canvasmaker=make_canvas)
    return buffer.getvalue()


def block(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    frame_width: float,
    *,
    right: Sequence[int] = (),
    center: Sequence[int] = (),
) -> Table:
    """One customer or product block: banner, column header (both repeated), lines, total."""
    return table(
        rows,
        widths,
        frame_width,
        header_rows=2,
        banner=True,
        total_row=True,
        space_after=5,
        right=right,
        center=center,
    )


def keep(parts: list[Flowable], rows: int) -> list[Flowable]:
    """Keep a heading and its block on one page when the block is short.

    A block of more than :data:`SHORT_BLOCK` rows would push a page break before it and
    waste the rest of the page, so it starts where it is (unless less than 6 cm are left)
    and relies on its repeated banner and header rows on the following pages.
    """
    if rows <= SHORT_BLOCK:
        return [KeepTogether(parts)]
    return [CondPageBreak(60 * mm), *parts]
