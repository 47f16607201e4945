"""The database's folder disappears while the till is open (a USB stick pulled out).

A pulled stick takes the folder away at once: the tests rename it away (one step), never
``shutil.rmtree`` it, which deletes file by file while the till's start-up work (the print
worker's first read, the purge) may still open the database and recreate its ``-wal`` in
the half-deleted folder ("Directory not empty").
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
    os.rename(path.parent, backup)  # the stick is pulled out
    scan(qtbot, window, number)  # reading still works on the open file
    assert window.order_panel.order.number == number
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key.Key_Return)
    assert "no longer there" in message(window) and "nothing was saved" in message(window)
    assert window.draft is not None
    assert not path.exists()  # nothing recreated an empty database in its place
    with pytest.raises(Exception, match="no longer there"):
        services.store.reader()
    shutil.copytree(backup, path.parent)  # the stick is back (a new file, as after a remount)
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
    os.rename(db.parent, tmp_path / "pulled-out")
    with qtbot.waitSignal(win.sync.finished, timeout=30_000) as blocker:
        win.findChild(QAction, "syncNowAction").trigger()
    assert blocker.args[0] == "error"
    label = win.findChild(QLabel, "syncStatusLabel")
    shown = label.text() + label.toolTip()
    assert "no longer there" in shown, shown
    assert not db.exists() and not db.parent.exists()  # nothing put the folder back
    scan(qtbot, win, "R0000")  # the till still answers


def test_a_backup_never_puts_back_a_vanished_folder(tmp_path: Path) -> None:
    """A backup after a sync or at till close, once the folder went: refused, nothing made."""
    from pos.store import Store, StoreError, backup

    db = tmp_path / "hub" / "hub.sqlite"
    db.parent.mkdir()
    with Store.open(db) as store:
        backup.make_backup(store)  # the backups folder is made beside a database that is there
        os.rename(db.parent, tmp_path / "pulled-out")
        with pytest.raises(StoreError, match="no longer there") as gone:
            backup.make_backup(store)
        assert gone.value.code == "store.gone"
        with pytest.raises(StoreError, match="no longer there"):
            backup.keep_copy(tmp_path / "pulled-out" / "hub.sqlite", db)
        assert not db.parent.exists()


def test_a_connection_never_makes_an_empty_database_in_place_of_a_removed_one(
    tmp_path: Path,
) -> None:
    """The database file deleted between a reader's check and its connection (a folder
    being removed): an error saying so, not a new empty database in the folder."""
    from pos.store import Store, StoreError
    from pos.store import db as store_db

    db = tmp_path / "hub.sqlite"
    with Store.open(db) as store:
        real_exists = Path.exists

        def gone_after_check(self: Path) -> bool:  # the file goes right after the check
            here = real_exists(self)
            if self == db and here:
                for item in (db, store_db._wal(db), store_db._shm(db)):
                    item.unlink(missing_ok=True)
            return here

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Path, "exists", gone_after_check)
            with pytest.raises(StoreError) as refused:
                store.reader()
        assert refused.value.code == "store.gone"
        assert not db.exists()
