"""Fixtures shared by several test packages; a conftest or test module imports the ones it
needs (an imported fixture keeps its ``autouse``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.domain.settings import HUB_ID, OFN_URL, ORDER_CYCLE_ID, SYNC_ON_START


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
        store.settings.set(OFN_URL, ofn_sim.url)
        store.settings.set(HUB_ID, ofn_sim.hub_id)
        store.settings.set(ORDER_CYCLE_ID, 987)
        store.settings.set(SYNC_ON_START, False)
    credentials.save_key(ofn_sim.url, ofn_sim.key)
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win
