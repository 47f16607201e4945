"""Fixtures shared by several test packages; a conftest or test module imports the ones it
needs (an imported fixture keeps its ``autouse``)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def window(qtbot, demo_db: Path):  # type: ignore[no-untyped-def]
    """The real till window on a copy of the demo hub, built as the app builds it."""
    from pos.app import create_window

    win = create_window(demo_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(autouse=True)
def no_keyring() -> None:
    """No system keyring: API keys go to the private file (autouse where imported)."""
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
