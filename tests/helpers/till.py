"""Driving the real till window the way a volunteer does, and making its disk fill up."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget

TABLES = ("checkouts", "payments", "outbox", "print_jobs", "audit_log", "till_sessions")


def find(window: QWidget, cls: type, name: str) -> Any:
    """The widget of that class and object name, which must have an accessible name."""
    widget = window.findChild(cls, name)
    assert widget is not None, name
    assert widget.accessibleName() or cls in (QLabel, QSpinBox), f"{name} has no accessible name"
    return widget


def order_number(window: Any, payment_state: str, offset: int = 0) -> str:
    """The number of an order in that OFN payment state (the ``offset``-th by id)."""
    return str(
        window.services.store.scalar(
            "SELECT number FROM orders WHERE payment_state = ? ORDER BY id LIMIT 1 OFFSET ?",
            (payment_state, offset),
        )
    )


def count(
    window: Any, sql: str = "SELECT COUNT(*) FROM checkouts", params: tuple[Any, ...] = ()
) -> int:
    return int(window.services.store.scalar(sql, params))


def counts(window: Any) -> dict[str, int]:
    """Rows in every table a till action writes."""
    store = window.services.store
    return {t: int(store.scalar(f"SELECT COUNT(*) FROM {t}")) for t in TABLES}


def scan(qtbot: Any, window: Any, code: str) -> None:
    """Type ``code`` into the scan field and press Enter, as a barcode scanner does."""
    field = find(window, QLineEdit, "scanInput")
    field.setFocus()
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def give_shift_name(qtbot: Any, window: Any, name: str = "Zoë") -> None:
    """The first sessionless hand-over of a shift asks who is at the table, once."""
    dialog = window.name_dialog
    assert dialog.isVisible()
    find(dialog, QLineEdit, "shiftVolunteerName").setText(name)  # keyClicks is ASCII only
    qtbot.keyClick(find(dialog, QLineEdit, "shiftVolunteerName"), Qt.Key.Key_Return)


def message(window: Any) -> str:
    """The inline message under the scan field."""
    return str(window.findChild(QLabel, "scanMessage").text())


def fill_disk(window: Any, table: str = "audit_log") -> None:
    """Cap the till's database at its current size (``PRAGMA max_page_count``).

    Empty tables still have room in their pages, so a small sale would fit; a TEMP trigger
    (this connection only) makes every row in ``table`` (by default the audit row, the
    last write of each action's transaction) also need fresh
    pages, so the write fails with SQLITE_FULL as on a full disk.
    """
    conn = window.services.store.db.conn
    conn.execute("CREATE TABLE IF NOT EXISTS ballast(b BLOB)")
    conn.execute(
        f"CREATE TEMP TRIGGER IF NOT EXISTS grow AFTER INSERT ON main.{table} "
        "BEGIN INSERT INTO ballast VALUES (zeroblob(200000)); END"
    )
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")


def free_disk(window: Any) -> None:
    conn = window.services.store.db.conn
    conn.execute("DROP TRIGGER IF EXISTS temp.grow")
    conn.execute("PRAGMA max_page_count = 1073741823")


def sync_now(qtbot: Any, window: Any, timeout: int = 30_000) -> str:
    """Sync ▸ Sync now, then wait for the sync's end state (ok, offline, cancelled, ...)."""
    with qtbot.waitSignal(window.sync.finished, timeout=timeout) as blocker:
        window.findChild(QAction, "syncNowAction").trigger()
    return str(blocker.args[0])
