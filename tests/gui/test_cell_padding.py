"""A table's cell padding asked of its delegate (pos/ui/widgets.py ``cell_padding``) instead of
its style, so the till's first paint does not build PySide's QStyle class."""

from __future__ import annotations

from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QTableView
from pytestqt.qtbot import QtBot

from pos.ui.widgets import cell_padding


def _style_pad(view: QTableView) -> int:
    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)


def _view(qtbot: QtBot, *texts: str) -> QTableView:
    model = QStandardItemModel(len(texts), 1)
    for row, text in enumerate(texts):
        model.setItem(row, 0, QStandardItem(text))
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    return view


def test_the_delegate_asks_at_least_the_style_s_margins(qtbot: QtBot) -> None:
    view = _view(qtbot, "Agnès Dupont-Moreau")
    pad = cell_padding(view)
    # the style's focus-frame margins, plus at most the text layout's rounding up
    assert _style_pad(view) <= pad <= _style_pad(view) + 2


def test_a_bold_larger_cell_gives_the_same_room(qtbot: QtBot) -> None:
    view = _view(qtbot, "R362172945")
    plain = cell_padding(view)
    font = QFont(view.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.6)
    model = view.model()
    assert isinstance(model, QStandardItemModel)
    model.item(0, 0).setFont(font)  # measured in the cell's own font, not the view's
    assert abs(cell_padding(view) - plain) <= 1


def test_an_empty_table_asks_the_style(qtbot: QtBot) -> None:
    view = _view(qtbot)
    assert cell_padding(view) == _style_pad(view)
    assert cell_padding(_view(qtbot, "")) == _style_pad(view)
