"""The database's folder disappears while the till is open (a USB stick pulled out)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from pos.domain.settings import HUB_ID, OFN_URL, SYNC_ON_START
from tests.helpers.fixtures import no_keyring  # the key goes to a private file
from tests.helpers.till import message, scan

__all__ = ["no_keyring"]


def test_a_sale_after_the_folder_vanished_is_refused_not_lost(qtbot, window, tmp_path) -> None:
    services = window.services
    services.till.open("Zoë", 0)
    number = services.store.scalar(
        "SELECT number FROM orders WHERE payment_state='paid' ORDER BY id LIMIT 1"
    )
    path = services.store.path
    backup = tmp_path.parent / f"{tmp_path.name}-backup"
    shutil.copytree(path.parent, backup)
    shutil.rmtree(path.parent)
    scan(qtbot, window, number)  # reading still works on the open file
    assert window.order_panel.order.number == number
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key.Key_Return)
    assert "no longer there" in message(window) and "nothing was saved" in message(window)
    assert window.draft is not None
    assert not path.exists()  # nothing recreated an empty database in its place
    with pytest.raises(Exception, match="no longer there"):
        services.store.reader()
    shutil.copytree(backup, path.parent)  # the stick is back
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key.Key_Return)
    # the open connection still points at the removed file: the till refuses rather than
    # write where nothing will be kept, and asks for a restart
    assert "restart" in message(window)
    assert services.store.scalar("SELECT COUNT(*) FROM checkouts") == 0


def test_sync_says_the_database_is_gone_and_the_till_still_reads(qtbot, tmp_path) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel

    from pos.app import create_window
    from pos.store import Store

    db = tmp_path / "hub" / "hub.sqlite"
    db.parent.mkdir()
    with Store.open(db) as store:
        store.settings.set(OFN_URL, "http://127.0.0.1:9")
        store.settings.set(HUB_ID, 214)
        store.settings.set(SYNC_ON_START, False)
    from sync import credentials

    credentials.save_key("http://127.0.0.1:9", "k" * 48)
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    shutil.rmtree(db.parent)
    with qtbot.waitSignal(win.sync.finished, timeout=30_000) as blocker:
        win.findChild(QAction, "syncNowAction").trigger()
    assert blocker.args[0] == "error"
    label = win.findChild(QLabel, "syncStatusLabel")
    shown = label.text() + label.toolTip()
    assert "no longer there" in shown, shown
    assert not db.exists()
    scan(qtbot, win, "R0000")  # the till still answers
