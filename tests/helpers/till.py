"""Driving the real till window the way a volunteer does, and making its disk fill up."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

TABLES = ("checkouts", "payments", "outbox", "print_jobs", "audit_log", "till_sessions")


def counts(window: Any) -> dict[str, int]:
    """Rows in every table a till action writes."""
    store = window.services.store
    return {t: int(store.scalar(f"SELECT COUNT(*) FROM {t}")) for t in TABLES}


def scan(qtbot: Any, window: Any, code: str) -> None:
    """Type ``code`` into the scan field and press Enter, as a barcode scanner does."""
    field = window.findChild(QLineEdit, "scanInput")
    field.setFocus()
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


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
