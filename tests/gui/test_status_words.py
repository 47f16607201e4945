"""Issue 13 bug 4: an order's status reads the same on the reconcile screen, its PDF and CSV.

The screen words statuses with Qt's ``tr()`` and paper with gettext (see README, Layout);
the glossary test keeps their French alike, and this keeps their English alike, in English
and in French, so neither copy can drift into "Conflict" on one and "Conflict with OFN" on
the other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from receipts.pdf import report


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_screen_words_statuses_as_paper_does(  # type: ignore[no-untyped-def]
    qtbot, demo_db: Path, monkeypatch, language
) -> None:
    from pos.app import create_window
    from pos.ui.reconcile_window import ReconcileWindow

    monkeypatch.setenv("FOODHUB_POS_LANG", language)
    window = create_window(demo_db)
    qtbot.addWidget(window)
    try:
        assert window.property("language") == language
        screen = ReconcileWindow(window.services, "Office Olga", window)
        qtbot.addWidget(screen)
        _ = report.translator(language)
        assert screen.status_names == report.order_status_labels(_)
        assert screen.sync_names == report.sync_status_labels(_)
        if language == "fr":
            assert screen.status_names != report.order_status_labels(str)
        qtbot.waitUntil(lambda: not screen.refreshing)
    finally:
        for translator in window.translators:
            QCoreApplication.removeTranslator(translator)
        window.close()
