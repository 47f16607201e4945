"""A read-only table model over plain rows, shared by the reconcile and audit views."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

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
    fit: bool = True,
    long: bool = False,
) -> QTableView:
    """A read-only table. ``fit`` sizes columns to their contents: on every change for the
    short tables, once from a sample of rows for a ``long`` one (the order list: Qt measuring
    20,000 rows on every filter change held the GUI thread for a quarter of a second)."""
    view = QTableView(parent)
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
    header = view.horizontalHeader()
    if fit and not long:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if long:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        if fit:
            model.modelReset.connect(lambda: _fit_once(view, model, stretch))
    if 0 <= stretch < len(model.headers):
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


SAMPLE_ROWS = 200  # rows measured, spread over the whole list
MAX_COLUMN = 360  # px: a long note does not push the other columns off screen


def _fit_once(view: QTableView, model: RowsModel, stretch: int) -> None:
    """Column widths from the headers and a sample of rows, measured the first time the
    list has rows; later fills (refresh, filter) keep them, and staff can drag them."""
    if view.property("columnsFitted") or not model.rows:
        return
    view.setProperty("columnsFitted", True)
    rows = model.rows
    step = max(1, len(rows) // SAMPLE_ROWS)
    sample = rows[::step][:SAMPLE_ROWS]
    body = view.fontMetrics()
    head = view.horizontalHeader().fontMetrics()
    pad = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 16
    header = view.horizontalHeader()
    if 0 <= stretch < len(model.headers):  # measured too: the others may fill the width
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
    for col, title in enumerate(model.headers):
        widest = max((body.horizontalAdvance(row[col]) for row in sample), default=0)
        width = max(head.horizontalAdvance(title) + 24, widest + pad)
        view.setColumnWidth(col, min(width, MAX_COLUMN))


def selected_keys(view: QTableView) -> list[Any]:
    model = view.model()
    rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
    return [model.index(r, 0).data(KEY_ROLE) for r in rows]
