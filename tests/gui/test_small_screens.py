"""Staff screens in French on a 1280×720 laptop: the reconcile window fits its width (no
sideways scrolling, in the window nor in any of its tables, amounts never cut), Hub settings
has no sideways scroll bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QPushButton, QScrollArea, QTableView

from tests.helpers.reconcile.real_day import build_real_day
from tests.helpers.screen import SMALL, TITLE_AND_TASK_BARS
from tests.helpers.staff import open_reconcile
from tests.helpers.wait import settle


@pytest.fixture
def french_window(qtbot, demo_db: Path, monkeypatch) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from pos.app import create_window

    monkeypatch.setenv("FOODHUB_POS_LANG", "fr")
    window = create_window(demo_db)
    qtbot.addWidget(window)
    window.show()
    yield window
    for translator in window.translators:
        QCoreApplication.removeTranslator(translator)
    window.close()


def test_the_reconcile_window_fits_1280_px_in_french(qtbot, french_window) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.reconcile_window import ReconcileWindow

    rw = ReconcileWindow(french_window.services, "Marie-Hélène Dubois-Lefèvre", french_window)
    qtbot.addWidget(rw)
    rw.show()
    settle(qtbot, rw)
    assert rw.findChild(QPushButton, "reconcileRefresh").text() == "Actualiser"
    for tab in range(rw.tabs.count()):
        rw.tabs.setCurrentIndex(tab)
        assert rw.minimumSizeHint().width() <= SMALL[0], rw.tabs.tabText(tab)


def test_hub_settings_never_scroll_sideways_in_french(qtbot, french_window) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.settings_dialog import open_hub_settings

    dialog = open_hub_settings(french_window, french_window, lambda: None)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QCheckBox, "csvBomInput").text().startswith("Marque d'ordre")
    scroll = dialog.findChild(QScrollArea)
    assert dialog.width() <= SMALL[0]
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()


# --- the reconcile window's tables on a 1280×720 laptop ------------------------------------
def _text_fits(view: QTableView, row: int, col: int) -> bool:
    """The cell's whole text shows (not elided): it fits its column, margins and grid
    included (Qt leaves 3 px each side)."""
    text = view.model().index(row, col).data() or ""
    return view.fontMetrics().horizontalAdvance(text) + 8 <= view.columnWidth(col)


@pytest.fixture
def reconcile_small(request, qtbot, demo_db: Path, monkeypatch) -> Iterator[QDialog]:  # type: ignore[no-untyped-def]
    """The reconcile window over a real collection day (two tills), in ``request.param``'s
    language, at the size ``fit_to_screen`` gives it on a 1280×720 laptop (the session's
    offscreen screen is 1366×768; the fit walk runs a real 1280×720 screen in a child)."""
    from pos.app import create_window
    from pos.store import Store

    with Store.open(demo_db) as store:
        build_real_day(store)
    monkeypatch.setenv("FOODHUB_POS_LANG", request.param)
    window = create_window(demo_db)
    qtbot.addWidget(window)
    window.show()
    open_reconcile(qtbot, window)
    rw = window.reconcile_window
    rw.resize(SMALL[0], SMALL[1] - TITLE_AND_TASK_BARS)  # what fit_to_screen gives it there
    settle(qtbot, rw)
    yield rw
    rw.close()
    for translator in window.translators:
        QCoreApplication.removeTranslator(translator)
    window.close()


@pytest.mark.parametrize("reconcile_small", ["fr", "en"], indirect=True)
def test_every_reconcile_table_fits_1280_px_without_cutting_amounts(  # type: ignore[no-untyped-def]
    qtbot, reconcile_small
) -> None:
    rw = reconcile_small
    assert rw.width() == SMALL[0]
    checked = set()
    for tab in range(rw.tabs.count()):
        rw.tabs.setCurrentIndex(tab)
        qtbot.wait(20)  # laid out
        for view in rw.tabs.currentWidget().findChildren(QTableView):
            model = view.model()
            if not view.isVisible() or not model.rowCount():
                continue
            name = view.objectName()
            checked.add(name)
            header = view.horizontalHeader()
            widths = [header.sectionSize(c) for c in range(model.columnCount())]
            assert sum(widths) <= view.viewport().width(), (name, widths)
            assert not view.horizontalScrollBar().isVisible(), name
            for row in range(min(model.rowCount(), 40)):  # amounts are never cut short
                for col in model.numeric:
                    assert _text_fits(view, row, col), (name, model.index(row, col).data())
                for col in range(model.columnCount()):  # the tooltip holds a cut name
                    index = model.index(row, col)
                    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    assert {"moneyTable", "methodTable", "sessionsTable", "pointsBreakdownTable", "tillsTable",
            "ordersTable", "actionsTable"} <= checked  # fmt: skip
    day = rw.day
    # the money table names every pickup point whole ("Zoë's Café, Market Street",
    # "Tous les points de retrait"), the till sessions a typical one ("Riverside Farm Shed")
    money = day.money_table
    for row in range(money.model().rowCount()):
        assert _text_fits(money, row, 0), money.model().index(row, 0).data()
    points = day.tills_box.points_table
    for row in range(points.model().rowCount()):
        assert _text_fits(points, row, 0), points.model().index(row, 0).data()
    sessions = day.sessions_table
    typical = sessions.fontMetrics().horizontalAdvance("Riverside Farm Shed") + 8
    assert sessions.columnWidth(2) >= typical
    # the order list, 13 columns: names cut last among the text, after ~12 characters
    orders = rw.orders.orders_table
    least = orders.fontMetrics().averageCharWidth() * 11
    assert orders.columnWidth(1) >= least and orders.columnWidth(2) >= least
    for row in range(orders.model().rowCount()):  # its status, order number and time whole
        for col in (0, 3, 4, 5):
            assert _text_fits(orders, row, col), orders.model().index(row, col).data()


@pytest.mark.parametrize("reconcile_small", ["fr"], indirect=True)
def test_the_reconcile_window_has_normal_buttons_not_the_tills_touch_targets(  # type: ignore[no-untyped-def]
    reconcile_small,
) -> None:
    """The main window's style sheet (big_targets) reaches its child dialogs; a staff screen
    at the laptop opts out: its buttons are the normal height, the till's stay 44 px."""
    rw = reconcile_small
    touch = 44  # main_window.big_targets
    assert rw.parentWidget().findChild(QPushButton, "walkInButton").height() >= touch
    for name in ("reconcileRefresh", "reconcileExportPdf", "reconcileExportCsv"):
        button = rw.findChild(QPushButton, name)
        assert button.isVisible() and button.height() < touch - 8, name


def test_hub_settings_a_staff_screen_has_normal_buttons(qtbot, french_window) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.settings_dialog import open_hub_settings

    dialog = open_hub_settings(french_window, french_window, lambda: None)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    normal = [b for b in buttons if b.minimumHeight() < 52]  # not made touch-sized (big())
    assert normal and all(b.height() < 44 - 8 for b in normal), [
        (b.text(), b.height()) for b in normal
    ]
