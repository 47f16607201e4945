"""The till speaks French when asked to (setting, environment or system locale)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit


def test_window_in_french(qtbot, demo_db: Path, monkeypatch) -> None:
    from pos.app import create_window

    monkeypatch.setenv("FOODHUB_POS_LANG", "fr")
    window = create_window(demo_db)
    qtbot.addWidget(window)
    window.show()
    try:
        scan = window.findChild(QLineEdit, "scanInput")
        assert scan.placeholderText().startswith("Scannez un sac")
        assert "DÉMO" in window.findChild(QLabel, "demoLabel").text()
        assert window.property("language") == "fr"
    finally:
        for translator in window.translators:
            QCoreApplication.removeTranslator(translator)
        window.close()
