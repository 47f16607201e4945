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


@pytest.fixture
def hub_window(qtbot, tmp_path: Path, ofn_sim):  # type: ignore[no-untyped-def]
    """The window on a new hub database set up for the OFN simulator (``ofn_sim``); no sync
    at start: each test starts its syncs itself."""
    from pos.app import create_window
    from pos.store import Store
    from sync import credentials

    db = tmp_path / "hub.sqlite"
    with Store.open(db) as store:
        store.set_setting("ofn_url", ofn_sim.url)
        store.set_setting("hub_id", ofn_sim.hub_id)
        store.set_setting("order_cycle_id", 987)
        store.set_setting("sync_on_start", False)
    credentials.save_key(ofn_sim.url, ofn_sim.key)
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win
