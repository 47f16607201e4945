"""A read-only table model over plain rows, and the table that shows it fitted to its width,
shared by the reconcile and audit views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from pos.ui.reconcile_rows import PackedRows

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's key (order id, action id, ...)

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """``rows`` are tuples of display strings (or :class:`PackedRows`, kept as they are:
    a cell's string is made when asked for); ``keys`` one key per row; ``numeric`` the
    columns aligned right; ``tints`` an optional background colour per row."""

    def __init__(self, headers: list[str], numeric: set[int] | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.headers = headers
        self.numeric = numeric or set()
        self.rows: Sequence[tuple[str, ...]] = []
        self.keys: Sequence[Any] = []
        self.tints: Sequence[str | None] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]], keys: Sequence[Any] | None = None,
                 tints: Sequence[str | None] | None = None) -> None:  # fmt: skip
        self.beginResetModel()
        self.rows = rows if isinstance(rows, PackedRows) else list(rows)  # packed: not copied
        self.keys = keys if keys is not None else [None] * len(rows)
        self.tints = tints if tints is not None else [None] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, col)
        if role == KEY_ROLE:
            return self.keys[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = self.tints[row]
            return QColor(tint) if tint else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def cell(self, row: int, col: int) -> str:
        rows = self.rows
        return rows.cell(row, col) if isinstance(rows, PackedRows) else rows[row][col]


def make_table(
    model: RowsModel,
    name: str,
    accessible: str,
    parent: QWidget | None = None,
    *,
    multi: bool = False,
    stretch: int = 1,
    long: bool = False,
    whole: set[int] | None = None,
    names: set[int] | None = None,
    wrap: set[int] | None = None,
) -> FittedTable:
    """A read-only table whose columns share its width (:class:`FittedTable`), measured
    at every fill for the short tables, once from a sample of rows for a ``long`` one (the
    order list: Qt measuring 20,000 rows on every filter change held the GUI thread for a
    quarter of a second). ``stretch`` is the column that takes the room left; ``whole`` the
    text columns never cut short, besides the model's numeric ones (an order number, a
    time); ``names`` columns of names, cut later than other text; ``wrap`` (short tables
    only) columns of comma-separated amounts ("Cash £12.00, Card £8.50") that wrap onto more
    lines rather than be cut."""
    view = FittedTable(model, stretch, Columns(
        (whole or set()) | model.numeric, names or set(), wrap or set()
    ), parent)  # fmt: skip
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip holds the whole text
    if long:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    model.modelReset.connect(lambda: view.measure(once=long))
    return view


SAMPLE_ROWS = 200  # rows measured, spread over the whole list
MAX_COLUMN = 360  # px: a long note does not push the other columns off screen
LEAST_CHARS = 9  # a text column cut short keeps about this many characters, then "…"
NAME_CHARS = 11  # a name keeps about this many: "Riverside F…", "Zoë's Café…"


@dataclass(frozen=True)
class Columns:
    """How a table's columns may give way (see :func:`make_table`)."""

    whole: set[int]
    names: set[int]
    wrap: set[int]


class FittedTable(QTableView):
    """Column widths measured from the headers and (a sample of) the rows, then shared out
    at every resize so the columns fit the width without a sideways scroll bar: the
    ``stretch`` column takes what is left; when the room is short, the text columns give
    way (down to ~``LEAST_CHARS`` characters, ``NAME_CHARS`` for names, elided, the tooltip
    holding all of it) while numbers and the ``whole`` columns keep their measure. Headers
    wrap onto a second line rather than widen a column of short amounts ("Cash in/out" over
    "£10.00"). Only when even that does not fit does the scroll bar show.

    Measuring reads at most ``SAMPLE_ROWS`` rows, once per fill (or once, ``long``);
    sharing out is a few additions per column: no per-row work at a resize. ``hug``: as
    tall as its rows (a short table in a scrolling page)."""

    def __init__(
        self, model: RowsModel, stretch: int, columns: Columns, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._stretch = stretch if 0 <= stretch < len(model.headers) else -1
        self._columns = columns
        self.hug = False
        self.wanted: list[int] = []  # per column: its measure
        # per column, how narrow it may get: its header wrapped, then (a column that
        # wraps) its lines wrapped, then (text) cut short, then (a name) cut short
        self.steps: list[tuple[int, int, int, int]] = []
        self._one_line: list[int] = []  # per column: its header on one line
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def measure(self, *, once: bool = False) -> None:
        """Measure the columns from the headers and a sample of the rows (``once``: only
        the first time the list has rows; later fills keep the widths)."""
        model = self.model()
        if not isinstance(model, RowsModel) or (once and self.wanted):
            return
        if not model.rows:
            self.fit_height()
            return
        rows = model.rows
        step = max(1, len(rows) // SAMPLE_ROWS)
        sample = rows[::step][:SAMPLE_ROWS]
        style, columns = self.style(), self._columns
        body = self.fontMetrics()
        head = self.horizontalHeader().fontMetrics()
        pad = 2 * style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 6
        margins = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 2  # Qt's own
        head_pad = margins + 6
        least_text = body.averageCharWidth() * LEAST_CHARS + pad
        name_text = body.averageCharWidth() * NAME_CHARS + pad
        self.wanted, self.steps, self._one_line = [], [], []
        for col, title in enumerate(model.headers):
            texts = [row[col] for row in sample]
            widest = max(map(body.horizontalAdvance, texts), default=0) + pad
            one_line = head.horizontalAdvance(title) + head_pad
            two_lines = _two_lines(head, title) + head_pad
            if col not in columns.whole and col not in columns.wrap:
                widest = min(widest, max(MAX_COLUMN, two_lines))  # a long note
            wanted = max(widest, one_line)
            wrapped = max(widest, two_lines)  # the first way to give: the header wraps
            least = wrapped
            if col in columns.wrap:  # an amount and its method on one line, at least
                pieces = (piece for text in texts for piece in text.split(", "))
                least = max(two_lines, max(map(body.horizontalAdvance, pieces), default=0) + pad)
            elif col not in columns.whole:
                floor = name_text if col in columns.names else least_text
                least = min(wrapped, max(two_lines, floor))
            self.wanted.append(wanted)
            name = col in columns.names
            self.steps.append((wrapped, least if col in columns.wrap else wrapped,
                               wrapped if name else least, least))  # fmt: skip
            self._one_line.append(head.horizontalAdvance(title) + margins)  # else it wraps
        self.spread()
        self.updateGeometry()  # a layout that asks for the measure gets the new one

    def spread(self) -> None:
        """Share the viewport's width out between the columns (see the class): when they
        do not fit, the headers wrap first, then the columns that wrap give way, then the
        other text, names last; each column in proportion to what it can give."""
        header = self.horizontalHeader()
        if not self.wanted or len(self.wanted) != header.count():
            return
        room = self.viewport().width()
        widths = list(self.wanted)
        for stage in range(4):
            excess = sum(widths) - room
            give = [max(0, w - s[stage]) for w, s in zip(widths, self.steps, strict=True)]
            slack = sum(give)
            if excess <= 0 or slack <= 0:
                continue
            for col, g in enumerate(give):  # rounded up: the sum fits
                widths[col] -= g if slack <= excess else -(-excess * g // slack)
        spare = room - sum(widths)
        if spare > 0:
            widths[self._stretch] += spare  # the stretched column, else the last one
        for col, width in enumerate(widths):
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)
        two = any(w < one for w, one in zip(widths, self._one_line, strict=True))
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        lines = 2 * header.fontMetrics().lineSpacing() + 2 * margin + 2
        header.setMinimumHeight(lines if two else 0)
        wrapping = any(widths[c] < self.steps[c][0] for c in self._columns.wrap)
        if wrapping or self.wordWrap():
            self.setWordWrap(wrapping)
            rows, least = self.verticalHeader(), self.verticalHeader().defaultSectionSize()
            for row in range(self.model().rowCount()):  # a short table: a few rows
                rows.resizeSection(row, max(least, self.sizeHintForRow(row)))
        self.fit_height()

    def fit_height(self) -> None:
        """``hug``: as tall as the rows (a few), no empty band under a short table."""
        if not self.hug:
            return
        header = self.horizontalHeader()
        rows = self.model().rowCount()
        height = max(header.minimumHeight(), header.sizeHint().height()) + 2 * self.frameWidth()
        body = sum(self.rowHeight(r) for r in range(rows))
        height += body or self.verticalHeader().defaultSectionSize()
        bar = self.horizontalScrollBar()
        self.setFixedHeight(height + (bar.sizeHint().height() if bar.isVisible() else 0) + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The viewport's resizes come here too (a vertical scroll bar appearing)."""
        super().resizeEvent(event)
        self.spread()

    def sizeHint(self) -> QSize:
        """As wide as the measured columns (a layout may give a short table just that)."""
        hint = super().sizeHint()
        if self.wanted:
            bar = self.verticalScrollBar()
            extra = 2 * self.frameWidth() + (bar.sizeHint().width() if bar.isVisible() else 0)
            hint.setWidth(sum(self.wanted) + extra)
        return hint


def _two_lines(metrics: QFontMetrics, text: str) -> int:
    """The narrowest width that shows ``text`` on at most two lines, broken at a space."""
    words = text.split(" ")
    width = metrics.horizontalAdvance
    return min(
        max(width(" ".join(words[:i])), width(" ".join(words[i:])))
        for i in range(1, len(words) + 1)
    )


def selected_keys(view: QTableView) -> list[Any]:
    model = view.model()
    rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
    return [model.index(r, 0).data(KEY_ROLE) for r in rows]
