"""The database's folder disappears while the till is open (a USB stick pulled out)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.robustness.test_full_disk import message, scan

pytestmark = pytest.mark.gui


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
