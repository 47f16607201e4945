"""Bag labels: sheets of stickers for an office printer, or 4 x 6 inch thermal labels.

Each label: the customer's name large, code and order number, the order number as a QR
code (any keyboard-wedge scanner opens the order at the till), the pickup point,
"Bag k of n" and a chilled mark. Drawn straight on the canvas: one label is a fixed box.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.units import inch, mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from receipts.pdf import fonts, layout, qr
from receipts.pdf.layout import CHILLED, NumberedCanvas, Translate, fit
from receipts.pdf.model import BagLabel, DocInfo


@dataclass(frozen=True, slots=True)
class SheetSpec:
    """A sticker sheet: label size, grid and the sheet's margins."""

    name: str
    paper: str
    cols: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    col_gap: float
    row_gap: float = 0.0

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows


# A4 21-up (3 x 7, 63.5 x 38.1 mm, e.g. Avery L7160) and US Letter 10-up (2 x 5,
# 4 x 2 in, e.g. Avery 5163): the usual office sheets on each paper.
SHEETS = {
    "a4": SheetSpec("A4 21", "a4", 3, 7, 63.5 * mm, 38.1 * mm, 7.21 * mm, 15.15 * mm, 2.54 * mm),
    "letter": SheetSpec(
        "Letter 10", "letter", 2, 5, 4 * inch, 2 * inch, 0.15625 * inch, 0.5 * inch, 0.1875 * inch
    ),
}
LABEL_4X6 = (4 * inch, 6 * inch)
QUIET = 4  # modules of white around a QR code, as the standard asks
# One fixed mask pattern: qrcode otherwise lays every code out 8 times to score the masks
# (half of the labels' time). Any mask decodes; this one keeps order numbers readable.
QR_MASK = qr.MASK


class _LabelDecor:
    """Header and footer in the sheet's margins, small enough to stay off the stickers."""

    def __init__(self, info: DocInfo, title: str, _: Translate) -> None:
        self.top = f"{info.hub_name} · {info.cycle_name} · {title}"
        self.generated = _("Generated {when}").format(when=layout.local_time(info))
        self.page_text = _("Page {page} of {pages}")
        self.date = layout.pdf_date(info)
        self._fitted: dict[float, str] = {}

    def draw(self, canvas: NumberedCanvas, page: int, pages: int) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFillColor(layout.GREY)
        canvas.setFont(fonts.REGULAR, 6.5)
        if width not in self._fitted:
            self._fitted[width] = fit(self.top, fonts.REGULAR, 6.5, width * 0.7)
        canvas.drawString(8 * mm, height - 6 * mm, self._fitted[width])
        footer = f"{self.generated} · {self.page_text.format(page=page, pages=pages)}"
        canvas.drawRightString(width - 8 * mm, 4 * mm, footer)
        canvas.restoreState()


def _canvas(
    info: DocInfo, title: str, size: tuple[float, float]
) -> tuple[io.BytesIO, NumberedCanvas]:
    buffer = io.BytesIO()
    decor = _LabelDecor(info, title, layout.translator(info.language))
    return buffer, layout.make_canvas(buffer, info, title, size, decor)


@lru_cache(maxsize=4096)
def qr_matrix(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules of ``value`` (error correction M, no border), cached per value.

    Order numbers are made by :mod:`receipts.pdf.qr` (the same modules, five times
    faster); any other value by the ``qrcode`` library.
    """
    fast = qr.matrix(value)
    if fast is not None:
        return fast
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=QR_MASK
    )
    code.add_data(value)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def draw_qr(canvas: NumberedCanvas, value: str, x: float, y: float, size: float) -> None:
    """A QR code of ``value`` with its 4-module quiet zone, in a ``size`` square at x, y.

    Each value is drawn once per document as a form (a PDF XObject, one module = 1 unit)
    and placed, scaled, wherever it is needed: an order's bags share one drawing.
    """
    name = "qr" + value.encode().hex()  # a safe PDF name whatever the value holds
    side = len(qr_matrix(value)) + 2 * QUIET
    if not canvas.hasForm(name):
        canvas.define_form(name, side, side, "0 0 0 rg " + _qr_runs(value))
    canvas.place_form(name, x, y, size / side)


@lru_cache(maxsize=4096)
def _qr_runs(value: str) -> str:
    """The dark modules as one filled path of horizontal runs, in whole module units."""
    matrix = qr_matrix(value)
    side = len(matrix) + 2 * QUIET
    runs: list[str] = []
    for r, row in enumerate(matrix):
        top = side - (QUIET + r + 1)
        for run in _DARK_RUN.finditer(bytes(row)):  # True is byte 1
            runs.append(f"{QUIET + run.start()} {top} {run.end() - run.start()} 1 re")
    return " ".join(runs) + " f"


_DARK_RUN = re.compile(b"\x01+")


def _shrink(text: str, font: str, largest: float, smallest: float, width: float) -> float:
    """The largest font size from ``largest`` down (in half points) that fits ``width``,
    stopping at the first step at or below ``smallest``.

    A string's width grows in proportion to the size, so one measurement is enough.
    """
    per_point = stringWidth(text, font, 1)
    if per_point * largest <= width:
        return largest
    steps = math.ceil(round((largest - width / per_point) * 2, 6))
    floor = math.ceil(round((largest - smallest) * 2, 6))  # the loop's last step
    return largest - 0.5 * min(steps, floor)


def _chilled_badge(canvas: NumberedCanvas, text: str, x: float, y: float, size: float) -> float:
    """White on black "❄ CHILLED" so it is seen from across the room; returns its width."""
    w = stringWidth(text, fonts.BOLD, size) + size * 0.8
    canvas.setFillColor(colors.black)
    canvas.rect(x, y - size * 0.3, w, size * 1.35, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(fonts.BOLD, size)
    canvas.drawString(x + size * 0.4, y, text)
    canvas.setFillColor(colors.black)
    return w


def _sticker(
    canvas: NumberedCanvas, label: BagLabel, x: float, y: float, w: float, h: float, _: Translate
) -> None:
    """One sticker in the box (x, y, w, h); sizes scale with the box height."""
    order = label.order
    pad = min(3 * mm, h * 0.08)
    unit = h / (38.1 * mm)  # 1.0 on the A4 21-up sticker
    qr = min(h - 2 * pad - 7 * unit, w * 0.42)
    name = order.full_name or order.customer_code or order.number
    name_size = _shrink(name, fonts.BOLD, 13 * unit, 7, w - 2 * pad)
    canvas.setFont(fonts.BOLD, name_size)
    top = y + h - pad - name_size * 0.85
    canvas.drawString(x + pad, top, fit(name, fonts.BOLD, name_size, w - 2 * pad))
    draw_qr(canvas, order.number, x + w - pad - qr, y + pad * 0.6, qr)
    text_w = w - 2 * pad - qr - 1 * mm
    small = 7.5 * unit
    line = top - 11 * unit
    canvas.setFont(fonts.BOLD, small + 1)
    canvas.drawString(x + pad, line, fit(order.number, fonts.BOLD, small + 1, text_w))
    line -= small * 1.35
    if order.customer_code:
        canvas.drawString(x + pad, line, fit(order.customer_code, fonts.BOLD, small + 1, text_w))
        line -= small * 1.35
    canvas.setFont(fonts.REGULAR, small)
    canvas.drawString(x + pad, line, fit(order.pickup_point_name, fonts.REGULAR, small, text_w))
    line -= small * 1.75
    bag = _("Bag {k} of {n}").format(k=label.bag, n=label.bags)
    canvas.setFont(fonts.BOLD, 10 * unit)
    canvas.drawString(x + pad, line, fit(bag, fonts.BOLD, 10 * unit, text_w))
    if label.chilled:
        _chilled_badge(canvas, f"{CHILLED} " + _("CHILLED"), x + pad, y + pad + 1, 7.5 * unit)


def build_label_sheets(info: DocInfo, labels: Sequence[BagLabel], *, skip: int = 0) -> bytes:
    """Stickers on A4 21-up or Letter 10-up sheets (``info.paper``), in the given order.

    ``skip`` leaves that many stickers blank at the start of a part-used first sheet.
    """
    _ = layout.translator(info.language)
    spec = SHEETS[info.paper]
    size = layout.page_size(info.paper)
    title = _("Bag labels ({sheet})").format(sheet=spec.name)
    buffer, canvas = _canvas(info, title, size)
    slot = max(0, skip) % spec.per_sheet
    if not labels:
        canvas.setFont(fonts.REGULAR, 10)
        canvas.drawString(20 * mm, size[1] - 30 * mm, _("No bags to label in this order cycle."))
    for label in labels:
        if slot == spec.per_sheet:
            canvas.showPage()
            slot = 0
        row, col = divmod(slot, spec.cols)
        x = spec.left + col * (spec.width + spec.col_gap)
        y = size[1] - spec.top - (row + 1) * spec.height - row * spec.row_gap
        _sticker(canvas, label, x, y, spec.width, spec.height, _)
        slot += 1
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def build_labels_4x6(info: DocInfo, labels: Sequence[BagLabel]) -> bytes:
    """One 4 x 6 inch label per bag (thermal label printers: Zebra, Rollo, DYMO)."""
    _ = layout.translator(info.language)
    title = _("Bag labels (4 x 6 in)")
    width, height = LABEL_4X6
    buffer, canvas = _canvas(info, title, LABEL_4X6)
    margin = 6 * mm
    inner = width - 2 * margin
    if not labels:
        canvas.setFont(fonts.REGULAR, 10)
        canvas.drawString(margin, height - 30 * mm, _("No bags to label in this order cycle."))
        canvas.showPage()
    for label in labels:
        order = label.order
        y = height - 12 * mm - 24
        name = order.full_name or order.customer_code or order.number
        words = name.split()
        # The name, large: one line if it fits at 22 pt or more, else two lines.
        size = _shrink(name, fonts.BOLD, 30, 22, inner)
        if stringWidth(name, fonts.BOLD, size) > inner and len(words) > 1:
            first, last = " ".join(words[:-1]), words[-1]
            size = min(
                _shrink(first, fonts.BOLD, 30, 12, inner), _shrink(last, fonts.BOLD, 30, 12, inner)
            )
            canvas.setFont(fonts.BOLD, size)
            canvas.drawString(margin, y, first)
            y -= size * 1.15
            canvas.drawString(margin, y, last)
        else:
            size = _shrink(name, fonts.BOLD, 30, 10, inner)
            canvas.setFont(fonts.BOLD, size)
            canvas.drawString(margin, y, fit(name, fonts.BOLD, size, inner))
        y -= 24
        canvas.setFont(fonts.BOLD, 18)
        ident = " · ".join(p for p in (order.customer_code, order.number) if p)
        canvas.drawString(margin, y, fit(ident, fonts.BOLD, 18, inner))
        y -= 20
        canvas.setFont(fonts.REGULAR, 13)
        canvas.drawString(margin, y, fit(order.pickup_point_name, fonts.REGULAR, 13, inner))
        if order.pickup_point_note:
            y -= 15
            canvas.setFont(fonts.REGULAR, 10)
            canvas.drawString(margin, y, fit(order.pickup_point_note, fonts.REGULAR, 10, inner))
        qr = 52 * mm
        draw_qr(canvas, order.number, (width - qr) / 2, y - 8 - qr, qr)
        y = y - 8 - qr - 26
        canvas.setFont(fonts.BOLD, 26)
        canvas.drawString(margin, y, _("Bag {k} of {n}").format(k=label.bag, n=label.bags))
        if label.chilled:
            _chilled_badge(canvas, f"{CHILLED} " + _("CHILLED"), margin, y - 34, 20)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
