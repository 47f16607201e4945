"""Issue 15 point 6: backups at start, till close and after sync; rotation; restore; a
really corrupted database at start (command line here, the window in tests/gui)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pos.domain import settings as s
from pos.store import Store, backup
from pos.store.db import DatabaseDamaged
from tests.helpers.cli import ROOT, sync_cli
from tests.ofn_sim.fixtures import ofn_sim
from tests.ofn_sim.server import OFNSimulator

__all__ = ["ofn_sim"]


def app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def corrupt(db: Path) -> None:
    """Damage the file as a failing disk does: the schema page and data pages overwritten."""
    with open(db, "r+b") as fh:
        fh.seek(100)
        fh.write(os.urandom(3900))
        fh.seek(4096 * 3)
        fh.write(os.urandom(4096 * 4))


def orders_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        n = int(conn.execute("SELECT count(*) FROM orders").fetchone()[0])
    conn.close()
    return n


def test_backups_are_complete_databases_and_rotate(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        store.settings.set(s.BACKUP_KEEP, 3)
        made = [backup.make_backup(store) for _ in range(5)]
    kept = backup.backups_of(demo_db)
    assert kept == list(reversed(made[-3:]))  # the newest three, newest first
    assert not any(p.exists() for p in made[:2])
    for item in kept:
        assert backup.check(item) and orders_in(item) == orders_in(demo_db)
    assert [p.name for p in kept[0].parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_backup_taken_while_the_till_writes_is_consistent(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        reader = store.reader()  # as the worker after a sync does
        with store.transaction():
            store.settings.set(s.RECEIPT_FOOTER, "mid-write")
        made = backup.make_backup(reader)
        reader.close()
    assert backup.check(made)
    with sqlite3.connect(made) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (s.RECEIPT_FOOTER.key,))
        assert row.fetchone() == ('"mid-write"',)
    conn.close()


def test_a_sync_leaves_a_backup(tmp_path: Path, ofn_sim: OFNSimulator) -> None:
    db = tmp_path / "hub.sqlite"
    done = sync_cli(
        db, "--server", ofn_sim.url, "--hub", str(ofn_sim.hub_id), "--order-cycle", "987",
        "--api-key-env", "OFN_TEST_KEY", "--pull", key=ofn_sim.key,
    )  # fmt: skip
    assert done.returncode in (0, 3), done.stderr
    kept = backup.backups_of(db)
    assert len(kept) == 1 and orders_in(kept[0]) == orders_in(db) > 0


def test_a_corrupted_database_gets_one_sentence_and_the_restore_command(demo_db: Path) -> None:
    good = orders_in(demo_db)
    made = app("backup", "--db", str(demo_db))
    assert made.returncode == 0, made.stderr
    corrupt(demo_db)
    with pytest.raises(DatabaseDamaged):
        Store.open(demo_db)
    failed = app("report", "--db", str(demo_db), "--out", str(demo_db.with_name("r.csv")))
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    lines = failed.stderr.strip().splitlines()
    assert lines[0].startswith("error: ") and "damaged" in lines[0]
    assert "python main.py restore --db" in lines[1] and Path(made.stdout.strip()).name in lines[1]

    restored = app("restore", "--db", str(demo_db))
    assert restored.returncode == 0, restored.stderr
    assert orders_in(demo_db) == good
    aside = [p for p in demo_db.parent.iterdir() if ".replaced-" in p.name and p.name.endswith("Z")]
    assert aside, "the damaged file is kept aside, not deleted"
    again = app("report", "--db", str(demo_db), "--out", str(demo_db.with_name("r.csv")))
    assert again.returncode == 0, again.stderr


def test_restore_skips_damaged_backups_and_refuses_while_a_till_is_open(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        older = backup.make_backup(store)
        newer = backup.make_backup(store)
        corrupt(newer)
        assert backup.latest_good(demo_db) == older
        refused = app("restore", "--db", str(demo_db))
        assert refused.returncode == 1 and "open in Food Hub POS" in refused.stderr
    listed = app("restore", "--db", str(demo_db), "--list")
    assert listed.returncode == 0
    assert listed.stdout.splitlines()[0].endswith("DAMAGED or key missing")
    assert app("restore", "--db", str(demo_db)).returncode == 0


def test_a_database_damaged_in_its_data_pages_never_rotates_good_backups_out(
    demo_db: Path,
) -> None:
    with Store.open(demo_db) as store:
        store.settings.set(s.BACKUP_KEEP, 2)
        good = [backup.make_backup(store), backup.make_backup(store)]
    size = demo_db.stat().st_size
    with open(demo_db, "r+b") as fh:  # the middle of the file: data, not the schema page
        fh.seek((size // 2) // 4096 * 4096)
        fh.write(os.urandom(4096 * 8))
    with Store.open(demo_db) as store:  # the schema still reads: it opens
        with pytest.raises(DatabaseDamaged):
            backup.make_backup(store)
    assert backup.backups_of(demo_db) == list(reversed(good))
    assert [p for p in good[0].parent.iterdir() if p.name.endswith(".tmp")] == []


def test_the_window_on_a_corrupted_database_without_dialogs_says_one_sentence(
    demo_db: Path,
) -> None:
    """``--no-crash-dialog`` (kiosks, CI): no dialog to wait on, no Qt abort, no traceback."""
    assert app("backup", "--db", str(demo_db)).returncode == 0
    corrupt(demo_db)
    shown = app("--db", str(demo_db), "--no-crash-dialog", "--quit-after", "1")
    assert shown.returncode == 1, shown.stderr
    assert "Traceback" not in shown.stderr
    lines = [line for line in shown.stderr.splitlines() if line.strip()]
    assert lines[0].startswith("error: ") and "damaged" in lines[0]
    assert "python main.py restore --db" in lines[1]


def test_a_database_of_a_newer_version_without_dialogs_says_one_sentence(
    demo_db: Path,
) -> None:
    """Any reason the window cannot open, not only damage: with ``--no-crash-dialog`` it
    used to open a modal message box that nobody could close (a kiosk or CI hung)."""
    from pos.store import Store

    with Store.open(demo_db) as store:
        store.db.conn.execute("PRAGMA user_version = 999")  # as a newer version leaves it
    shown = app("--db", str(demo_db), "--no-crash-dialog", "--quit-after", "1")
    assert shown.returncode == 1, shown.stderr
    lines = [line for line in shown.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), shown.stderr
    assert "newer version" in lines[0] and "Traceback" not in shown.stderr
