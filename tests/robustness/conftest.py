"""Helpers for driving the real window into failures (full disk, odd input)."""

from __future__ import annotations

from tests.gui.conftest import window  # the real window, built as the app does

__all__ = ["window"]


def fill_disk(window, table: str = "audit_log") -> None:
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


def free_disk(window) -> None:
    conn = window.services.store.db.conn
    conn.execute("DROP TRIGGER IF EXISTS temp.grow")
    conn.execute("PRAGMA max_page_count = 1073741823")
