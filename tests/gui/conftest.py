"""GUI tests build the window exactly as the app does, through pos.app.create_window."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def window(qtbot, demo_db: Path):
    from pos.app import create_window

    win = create_window(demo_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
