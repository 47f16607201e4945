"""Small bar charts drawn with QPainter (PySide6-Essentials has no QtCharts).

Each chart also states its numbers in its tooltip and accessible description, so people
who do not look at it lose nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

GREEN = QColor("#2f7d4f")
AMBER = QColor("#d9a441")


class BarChart(QWidget):
    """Vertical bars, optionally stacked: ``bars`` is [(label, (v1, v2, ...))]."""

    def __init__(self, title: str, series: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.series = series
        self.colours = [GREEN, AMBER][: len(series)] or [GREEN]
        self.bars: list[tuple[str, tuple[int, ...]]] = []
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def set_bars(self, bars: list[tuple[str, tuple[int, ...]]]) -> None:
        self.bars = bars
        if bars:
            lines = [
                f"{label}: " + ", ".join(
                    f"{name} {value}" for name, value in zip(self.series, values, strict=False)
                )
                for label, values in bars
            ]  # fmt: skip
            text = f"{self.title}\n" + "\n".join(lines)
        else:
            text = f"{self.title}: " + self.tr("nothing yet")
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.update()

    @property
    def top(self) -> int:
        return max((sum(values) for _, values in self.bars), default=0)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        line = fm.height()
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(0, 0, self.width(), line + 4), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        # legend
        x = 0.0
        if len(self.series) > 1:
            for name, colour in zip(self.series, self.colours, strict=False):
                p.fillRect(QRectF(x, line + 8, 10, 10), colour)
                p.drawText(QRectF(x + 14, line + 4, 200, line + 4), name)
                x += 24 + fm.horizontalAdvance(name)
        area_top = line * 2 + 14
        area = QRectF(
            36, area_top, max(10, self.width() - 44), self.height() - area_top - line - 10
        )
        if not self.bars:
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No collections yet"))
            p.end()
            return
        top = max(1, self.top)
        # axis and gridlines at 0, half and top
        p.setPen(QColor("#888888"))
        for frac in (0.0, 0.5, 1.0):
            y = area.bottom() - frac * area.height()
            p.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            p.drawText(QRectF(0, y - line / 2, 32, line), Qt.AlignmentFlag.AlignRight,
                       str(round(top * frac)))  # fmt: skip
        slot = area.width() / len(self.bars)
        width = max(2.0, min(slot * 0.7, 56.0))
        step = max(1, int(len(self.bars) * fm.horizontalAdvance("00:00 ") / area.width()) + 1)
        for i, (label, values) in enumerate(self.bars):
            left = area.left() + i * slot + (slot - width) / 2
            bottom = area.bottom()
            for value, colour in zip(values, self.colours, strict=False):
                h = area.height() * value / top
                p.fillRect(QRectF(left, bottom - h, width, h), colour)
                bottom -= h
            if i % step == 0:
                p.setPen(self.palette().windowText().color())
                text = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(slot * step))
                p.drawText(QRectF(area.left() + i * slot, area.bottom() + 2, slot * step, line),
                           Qt.AlignmentFlag.AlignLeft, text)  # fmt: skip
        p.end()
