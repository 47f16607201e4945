"""Staff screens in French on a 1280×720 laptop: the reconcile window fits its width (no
sideways scrolling), Hub settings has no sideways scroll bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QPushButton, QScrollArea

from tests.helpers.screen import SMALL
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
