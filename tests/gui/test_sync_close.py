"""Closing the window, or pressing "Stop sync", while a request hangs in flight."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from pos.domain.settings import HUB_ID, OFN_URL, ORDER_CYCLE_ID, SYNC_ON_START
from pos.store import Store
from sync import credentials
from tests.helpers.hostile import hostile, trickle

pytestmark = pytest.mark.gui
KEY = "0123456789abcdef0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def no_keyring() -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())


def _window(qtbot, tmp_path: Path, url: str):  # type: ignore[no-untyped-def]
    from pos.app import create_window

    db = tmp_path / "hub.sqlite"
    with Store.open(db) as store:
        store.settings.set(OFN_URL, url)
        store.settings.set(HUB_ID, 214)
        store.settings.set(ORDER_CYCLE_ID, 987)
        store.settings.set(SYNC_ON_START, False)
    credentials.save_key(url, KEY)
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def test_closing_the_window_during_a_hung_request_exits_at_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stop = threading.Event()
    with hostile(lambda path, conn: trickle(conn, stop, every=0.5)) as server:
        win = _window(qtbot, tmp_path, server.url)
        win.findChild(QAction, "syncNowAction").trigger()
        qtbot.waitUntil(lambda: bool(server.paths), timeout=10_000)
        time.sleep(0.3)  # the request is in flight, its body trickling
        start = time.monotonic()
        win.close()
        assert time.monotonic() - start < 2  # not the 10 s the window waits at most
        # the sync's threads ended (the request was cut), none left behind
        qtbot.waitUntil(
            lambda: not any(t.name.startswith("ofn-pull") for t in threading.enumerate()),
            timeout=2_000,
        )
        stop.set()


def test_stop_sync_ends_a_hung_request(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stop = threading.Event()
    with hostile(lambda path, conn: trickle(conn, stop, every=0.5)) as server:
        win = _window(qtbot, tmp_path, server.url)
        with qtbot.waitSignal(win.sync.finished, timeout=5_000) as blocker:
            win.findChild(QAction, "syncNowAction").trigger()
            qtbot.waitUntil(lambda: bool(server.paths), timeout=10_000)
            win.findChild(QPushButton, "syncCancelButton").click()
        assert blocker.args == ["cancelled"]
        stop.set()
