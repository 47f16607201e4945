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

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
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

from pos.domain.timezones import zone
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
    when = when.astimezone(zone(info.timezone))
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


def opening(
    title: str, note: str, lines: Sequence[tuple[str, ParagraphStyle]], st: Styles
) -> list[Flowable]:
    """The top of a sheet handed out at a place (collection sheet, run sheet): its title,
    the place's own note in bold when it has one, then each line that is not empty."""
    story: list[Flowable] = [para(title, st.title)]
    if note:
        story.append(para(note, st.cell_bold))
    story.extend(para(text, style) for text, style in lines if text)
    return story


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
    """Keeps each page until the end, then draws header and "Page X of Y" on all of them.

    Plain strings in the embedded fonts are drawn through a per-document cache of their
    encoded form (:class:`TextCache`): tables, labels and footers repeat the same words.
    """

    def __init__(self, *args: Any, decor: Decor, **kwargs: Any) -> None:
        # Start pages in DejaVu too, so no unembedded Helvetica is referenced at all.
        if kwargs.get("initialFontName") is None:
            kwargs["initialFontName"] = fonts.REGULAR
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._pages: list[dict[str, Any]] = []
        self.text_cache = TextCache(self)
        self.setDateFormatter(decor.date)

    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        hit = None if args or kwargs else self.text_cache.find(self._fontname, self._fontsize, text)
        if hit is None or not self.bottomup:
            super().drawString(x, y, text, *args, **kwargs)
            return
        self._code.append(f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm {hit[0]} ET")

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        hit = None if args or kwargs else self.text_cache.find(self._fontname, self._fontsize, text)
        if hit is None or not self.bottomup:
            super().drawRightString(x, y, text, *args, **kwargs)
            return
        self._code.append(f"BT 1 0 0 1 {x - hit[1]:.2f} {y:.2f} Tm {hit[0]} ET")

    def drawCentredString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        hit = None if args or kwargs else self.text_cache.find(self._fontname, self._fontsize, text)
        if hit is None or not self.bottomup:
            super().drawCentredString(x, y, text, *args, **kwargs)
            return
        self._code.append(f"BT 1 0 0 1 {x - hit[1] / 2:.2f} {y:.2f} Tm {hit[0]} ET")

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


# Straight on the canvas -----------------------------------------------------------------
# Long lists (thousands of blocks) are drawn without platypus: a table costs a flowable and
# a style pass per cell and a deep copy per kept block, which was nearly all of their time.
# Rows sit on a grid of text lines; the page rules are those of :func:`block` and :func:`keep`.
LINE = 8.5 * 1.2  # one text line of a cell
ROW_PAD = (2.0, 2.5)  # above and below the text of a row
CELL_PAD = 3.0  # left and right of a cell's text
BANNER_SIZE = 10.0
BANNER_HEIGHT = 19.5  # 10 pt text, 3.5 above and 4 below
HEAD_SIZE = 7.5
KEEP_ROOM = 60 * mm  # a long block starts on a new page when less than this is left


def _rgb(color: colors.Color) -> str:
    return f"{color.red:.3f} {color.green:.3f} {color.blue:.3f}"


class TextCache:
    """Per document: the PDF operators and the width of each (font, size, text) drawn.

    A packing list prints the same product, variant and header words thousands of times;
    encoding each for the embedded font subset once per document is what makes a row cheap.
    """

    def __init__(self, canvas: Canvas) -> None:
        self._doc = canvas._doc
        self._escape = canvas._escape
        self._known: dict[tuple[str, float, str], tuple[str, float]] = {}
        self._dynamic: dict[str, bool] = {}

    def get(self, font: str, size: float, text: str) -> tuple[str, float]:
        """``(operators that show text, its width)``; the font is set inside the operators."""
        key = (font, size, text)
        hit = self._known.get(key)
        if hit is None:
            face = getFont(font)
            ops = " ".join(
                f"{face.getSubsetInternalName(subset, self._doc)} {size:g} Tf"
                f" ({self._escape(chunk)}) Tj"
                for subset, chunk in face.splitString(text, self._doc)
            )
            hit = self._known[key] = (ops, stringWidth(text, font, size))
        return hit

    def find(self, font: str, size: float, text: str) -> tuple[str, float] | None:
        """Like :meth:`get`, or None for a font that is not embedded (drawn the usual way)."""
        dynamic = self._dynamic.get(font)
        if dynamic is None:
            dynamic = self._dynamic[font] = bool(getattr(getFont(font), "_dynamicFont", False))
        return self.get(font, size, text) if dynamic else None

    def width(self, font: str, size: float, text: str) -> float:
        return self.get(font, size, text)[1]

    def wrap(self, text: str, font: str, size: float, room: float) -> list[str]:
        """Lines of ``text`` within ``room`` points, cut at spaces as a paragraph would.

        One word wider than the room stays whole and overhangs (an order number, a code).
        """
        if "\n" not in text and self.width(font, size, text) <= room:
            return [text]
        lines: list[str] = []
        for part in text.split("\n"):
            current = ""
            for word in part.split():
                candidate = f"{current} {word}" if current else word
                if current and self.width(font, size, candidate) > room:
                    lines.append(current)
                    current = word
                else:
                    current = candidate
            lines.append(current)
        return lines


@dataclass(frozen=True, slots=True)
class Column:
    """A grid column: its share of the frame width and how its cells are aligned."""

    share: float
    align: str = "left"  # left | right | center


@dataclass(frozen=True, slots=True)
class _Row:
    height: float
    code: str  # text operators, relative to the row's middle


_BLACK = "0 0 0"
_RULE_GREY = _rgb(colors.lightgrey)


class GridDocument:
    """A document of headed blocks (banner, column header, lines, total) on a line grid.

    The rules of the platypus tables hold: a block's banner and column header repeat on
    every page it runs onto; a block of up to :data:`SHORT_BLOCK` rows is never split, nor
    parted from the heading above it; a longer one starts where it is unless less than
    :data:`KEEP_ROOM` is left; header and "Page X of Y" on every page; same bytes for the
    same input. Cells wrap at spaces like paragraphs.
    """

    def __init__(
        self, info: DocInfo, title: str, columns: Sequence[Column], header: Sequence[str]
    ) -> None:
        self.buffer = io.BytesIO()
        self.width, self.height = page_size(info.paper)
        self.canvas = make_canvas(self.buffer, info, title, (self.width, self.height))
        self.text = self.canvas.text_cache
        self.left = MARGIN_X
        self.right = self.width - MARGIN_X
        self.top = self.height - MARGIN_TOP - 6  # where a platypus frame starts its text
        self.bottom = MARGIN_BOTTOM + 6
        self.y = self.top
        self.at_top = True
        self.columns = tuple(columns)
        scale = (self.right - self.left) / sum(c.share for c in columns)
        self.edges = [self.left]
        for column in columns:
            self.edges.append(self.edges[-1] + column.share * scale)
        self._cells: dict[tuple[int, str, float, str], tuple[int, str]] = {}
        self.header = self._row(header, fonts.BOLD, HEAD_SIZE, HEAD_SIZE * 1.2)

    # flow ------------------------------------------------------------------------------
    def new_page(self) -> None:
        self.canvas.showPage()
        self.y = self.top
        self.at_top = True

    def room(self) -> float:
        return self.y - self.bottom

    def space(self, points: float) -> None:
        if not self.at_top:
            self.y -= points

    def paragraph(
        self,
        text: str,
        font: str,
        size: float,
        leading: float,
        *,
        color: colors.Color = colors.black,
        before: float = 0,
        after: float = 0,
    ) -> None:
        """Text wrapped across the frame (a title, a note); ``before`` is dropped at a page top."""
        lines = self.text.wrap(text, font, size, self.right - self.left)
        height = len(lines) * leading
        if not self.at_top:
            if before + height > self.room():
                self.new_page()
            else:
                self.y -= before
        parts = [f"q {_rgb(color)} rg BT"]
        baseline = self.y - size - (leading - size * 1.2) / 2
        for line in lines:
            ops = self.text.get(font, size, line)[0]
            parts.append(f"1 0 0 1 {self.left:.2f} {baseline:.2f} Tm {ops}")
            baseline -= leading
        parts.append("ET Q")
        self.canvas._code.append(" ".join(parts))
        self.y -= height + after
        self.at_top = False

    def block(
        self,
        banner: str,
        rows: Sequence[Sequence[str]],
        total: Sequence[str],
        *,
        heading: str = "",
    ) -> None:
        """One customer or product: kept on one page when short, else split with repeats."""
        body = [self._row(r, fonts.REGULAR, 8.5, LINE) for r in rows]
        body.append(self._row(total, fonts.BOLD, 8.5, LINE))
        heading_lines = self.text.wrap(heading, fonts.BOLD, 11.5, self.right - self.left)
        heading_height = (4 * mm + 14 * len(heading_lines) + 1.5 * mm) if heading else 0.0
        top_part = BANNER_HEIGHT + self.header.height
        if len(body) + 2 <= SHORT_BLOCK:
            need = heading_height + top_part + sum(row.height for row in body)
        else:
            need = max(KEEP_ROOM, heading_height + top_part + body[0].height)
        if not self.at_top and need > self.room():
            self.new_page()
        if heading:
            self.paragraph(heading, fonts.BOLD, 11.5, 14, before=4 * mm, after=1.5 * mm)
        banner = fit(banner, fonts.BOLD, BANNER_SIZE, self.right - self.left - 2 * CELL_PAD)
        self._banner(banner)
        last = len(body) - 1
        for index, row in enumerate(body):
            if row.height > self.room():
                self.new_page()
                self._banner(banner)
            bottom = self.y - row.height
            rule = self._rule(bottom, 0.25, _RULE_GREY)
            if index == last:  # the total has a strong rule above
                rule += " " + self._rule(self.y, 0.8, _BLACK)
            self._draw_row(row, bottom, rule)
            self.y = bottom
        self.y -= 5  # space after a block
        self.at_top = False

    def finish(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()

    # drawing ---------------------------------------------------------------------------
    def _banner(self, text: str) -> None:
        """The block's banner and the column header under it (again on each page)."""
        base = self.y - BANNER_HEIGHT
        ops = self.text.get(fonts.BOLD, BANNER_SIZE, text)[0]
        width = self.right - self.left
        self.canvas._code.append(
            f"q {_rgb(LIGHT)} rg {self.left:.2f} {base:.2f} {width:.2f} {BANNER_HEIGHT:.2f} re f Q"
            f" BT 1 0 0 1 {self.left + CELL_PAD:.2f} {base + 4 + 0.9:.2f} Tm {ops} ET"
        )
        bottom = base - self.header.height
        self.canvas._code.append(f"q {_rgb(GREY)} rg")
        self._draw_row(self.header, bottom)
        self.canvas._code.append("Q " + self._rule(bottom, 0.8, _BLACK))
        self.y = bottom
        self.at_top = False

    def _draw_row(self, row: _Row, bottom: float, rule: str = "") -> None:
        mid = bottom + ROW_PAD[1] + (row.height - sum(ROW_PAD)) / 2
        self.canvas._code.append(f"q 1 0 0 1 0 {mid:.2f} cm BT {row.code} ET Q {rule}")

    def _row(self, cells: Sequence[str], font: str, size: float, leading: float) -> _Row:
        """A row's text: each cell aligned in its column, its lines around the row's middle."""
        codes = []
        most = 1
        for i, text in enumerate(cells):
            if text:
                lines, code = self._cell(i, font, size, leading, text)
                codes.append(code)
                most = max(most, lines)
        return _Row(most * leading + sum(ROW_PAD), " ".join(codes))

    def _cell(
        self, column: int, font: str, size: float, leading: float, text: str
    ) -> tuple[int, str]:
        """(lines, operators) of one cell; the same text in the same column costs a lookup."""
        key = (column, font, size, text)
        hit = self._cells.get(key)
        if hit is not None:
            return hit
        left, right = self.edges[column] + CELL_PAD, self.edges[column + 1] - CELL_PAD
        lines = [text]
        if any(ch.isspace() for ch in text.strip()):
            lines = self.text.wrap(text, font, size, right - left)
        align = self.columns[column].align
        parts = []
        for k, line in enumerate(lines):
            ops, width = self.text.get(font, size, line)
            if align == "right":
                x = right - width
            elif align == "center":
                x = (left + right - width) / 2
            else:
                x = left
            y = (len(lines) - 1) * leading / 2 - k * leading - size * 0.26
            parts.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm {ops}")
        hit = self._cells[key] = (len(lines), " ".join(parts))
        return hit

    def _rule(self, y: float, width: float, rgb: str) -> str:
        return f"q {width:g} w {rgb} RG {self.left:.2f} {y:.2f} m {self.right:.2f} {y:.2f} l S Q"


def make_canvas(
    buffer: io.BytesIO,
    info: DocInfo,
    title: str,
    size: tuple[float, float],
    decor: Decor | None = None,
) -> NumberedCanvas:
    """A page-numbering canvas for documents drawn straight on it, with the PDF's metadata."""
    fonts.register()
    canvas = NumberedCanvas(
        buffer,
        pagesize=size,
        invariant=1,
        decor=decor or _Decor(info, title, translator(info.language)),
    )
    canvas.setTitle(title)
    canvas.setAuthor(info.hub_name)
    canvas.setSubject(info.cycle_name)
    canvas.setCreator("Food Hub POS")
    return canvas
