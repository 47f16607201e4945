"""The shared journal: file format, signatures, merge rules, bad folders (real files, real
SQLite databases, real services)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import ANY

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos import messages
from pos.domain import journal as j
from pos.domain import settings as s
from pos.domain.checkout import Tender, WalkInItem
from pos.errors import KnownError
from pos.services.journal import JournalService, JournalUnavailable
from pos.services.reconcile import ReconcileService
from pos.store import Store
from pos.store.driver import sqlite3
from pos.store.outbox import Outbox
from pos.store.schema import LATEST
from tests.helpers.journal import (
    PASSPHRASE,
    Till,
    copy_file,
    journal_files,
    new_till,
    services,
)

ROOT = Path(__file__).resolve().parents[2]
KEY = j.derive_key(PASSPHRASE, 1)


# format ----------------------------------------------------------------------------------
def _file(**changes: object) -> bytes:
    fields: dict = {
        "hub": 1, "till": "aaaa-1", "label": "T1", "seq": 3, "kind": j.CHECKOUT,
        "at": "2026-12-02T10:00:00.000000Z", "event": {"id": "x", "amount": 1250},
    }  # fmt: skip
    fields.update(changes)
    return j.seal(KEY, **fields)  # type: ignore[arg-type]


def test_a_sealed_file_reads_back_as_written() -> None:
    event = j.read(_file(), KEY, hub=1, till="aaaa-1", seq=3)
    assert (event.till, event.label, event.seq, event.kind) == ("aaaa-1", "T1", 3, j.CHECKOUT)
    assert event.event == {"id": "x", "amount": 1250}
    doc = json.loads(_file())
    body = {k: v for k, v in doc.items() if k not in ("sha256", "mac")}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert doc["sha256"] == __import__("hashlib").sha256(canonical.encode()).hexdigest()
    assert doc["format"] == "foodhub-journal/1"


def _rejected(raw: bytes, key: bytes = KEY, **where: object) -> str:
    place = {"hub": 1, "till": "aaaa-1", "seq": 3, **where}
    with pytest.raises(j.Rejected) as caught:
        j.read(raw, key, **place)  # type: ignore[arg-type]
    return caught.value.code


def test_tampered_wrong_key_other_hub_truncated_and_misplaced_files_are_refused() -> None:
    good = _file()
    doc = json.loads(good)
    doc["event"]["amount"] = 1  # changed without re-summing
    assert _rejected(json.dumps(doc).encode()) == "journal.file_corrupt"
    body = j.canonical(doc)  # changed and re-summed by hand: only the MAC catches it
    doc["sha256"] = __import__("hashlib").sha256(body).hexdigest()
    assert _rejected(json.dumps(doc).encode()) == "journal.wrong_key"
    assert _rejected(good, j.derive_key("another passphrase", 1)) == "journal.wrong_key"
    assert _rejected(_file(hub=2), j.derive_key(PASSPHRASE, 2)) == "journal.other_hub"
    assert _rejected(good[: len(good) // 2]) == "journal.file_incomplete"
    assert _rejected(b"") == "journal.file_incomplete"
    assert _rejected(good, seq=4) == "journal.file_misplaced"
    assert _rejected(good, till="bbbb-2") == "journal.file_misplaced"
    assert _rejected(_file(kind="format_c")) == "journal.format_unknown"


def test_the_passphrase_is_typed_loosely_but_the_hub_salts_it() -> None:
    assert j.derive_key("k7qd m3xp 2rta ww9c hj4n zb8e", 1) == KEY
    assert j.derive_key(PASSPHRASE, 2) != KEY
    phrase = JournalService.new_passphrase()
    assert len(phrase) == 29 and phrase != JournalService.new_passphrase()


# tills ------------------------------------------------------------------------------------
@pytest.fixture
def tills(demo_template: Path, tmp_path: Path) -> Iterator[tuple[Till, Till, Path]]:
    """Two tills of the demo hub, both labelled T1, and their shared folder."""
    a = new_till(demo_template, tmp_path / "a.sqlite", "T1")
    b = new_till(demo_template, tmp_path / "b.sqlite", "T1")
    folder = tmp_path / "shared"
    folder.mkdir()
    yield a, b, folder
    a.close()
    b.close()


def _orders(till: Till, n: int) -> list[int]:
    rows = till.store.query(
        "SELECT id FROM orders WHERE state = 'complete' ORDER BY id LIMIT ?", (n,)
    )
    return [int(r[0]) for r in rows]


def _second_file_not_there_yet(a: Till, folder: Path, view: Path) -> tuple[Path, Path, Path]:
    """A writes two events (a session, a hand-over); ``view`` (another till's copy of the
    folder) has the first only: (first file, second file, where the second belongs in view)."""
    a.till.open("Ann", 5000)
    a.collect(_orders(a, 1)[0])
    a.journal.write_pending(folder)
    first, second = journal_files(folder)
    copy_file(folder, first, view)
    return first, second, view / second.relative_to(folder)


def _snapshot(store: Store, *uids: str) -> dict[str, object]:
    """What merging gave: those tills' rows, the outbox and the staff list."""
    q = store.query
    marks = ",".join("?" * len(uids))
    return {
        "sessions": [tuple(r) for r in q(
            "SELECT id, number, closed_at, counted_cash FROM till_sessions"
            f" WHERE till_uid IN ({marks}) ORDER BY id", uids)],
        "checkouts": [tuple(r) for r in q(
            "SELECT id, receipt_no, kind, reversed_at, amount_paid, merged FROM checkouts"
            f" WHERE till_uid IN ({marks}) ORDER BY id", uids)],
        "payments": q("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM payments")[0][:],
        "moves": [tuple(r) for r in q("SELECT id, amount FROM cash_movements ORDER BY id")],
        "no_shows": [tuple(r) for r in q("SELECT order_id, marked_by FROM no_shows")],
        "outbox": [tuple(r) for r in q("SELECT order_id, desired FROM outbox ORDER BY 1")],
        "staff": [tuple(r) for r in q(
            "SELECT id, kind, checkout_id, reason_params, done_at IS NULL FROM staff_actions"
            " ORDER BY id")],
        "unapplied": q("SELECT COUNT(*) FROM journal_events WHERE merged_at IS NULL"
                       f" AND till_uid IN ({marks})", uids)[0][0],
    }  # fmt: skip


def _other_day(b: Till, a_order: int) -> None:
    """Till B, out of touch with A: hands over one of A's orders too (a double hand-over),
    and undoes a hand-over of its own."""
    b.till.open("Bob", 3000)
    b.collect(a_order)
    undone = b.collect(_orders(b, 6)[5])
    b.checkout.reverse(undone.checkout.id, "wrong bag Zqx")


def _busy_day(a: Till) -> None:
    """Every kind of event on till A."""
    a.till.open("Ann", 5000)
    first, second, third, fourth = _orders(a, 4)
    a.collect(first)
    undone = a.collect(second)
    a.checkout.reverse(undone.checkout.id, "wrong bag Zqx")
    a.collect(third, "card")
    a.checkout.sell_walk_in([WalkInItem("Kale", 150, 2)], [Tender("cash", 500)])
    a.till.cash_move(-1000, "to the safe")
    ReconcileService(a.store, till_id="T1").mark_no_show(fourth, "on holiday Vqz", "Olga")
    a.till.close(a.till.expected_cash())


def test_every_event_is_recorded_in_its_transaction_without_customer_details(tills) -> None:
    a, _, _ = tills
    _busy_day(a)
    rows = a.store.query("SELECT seq, kind, body FROM journal_events ORDER BY seq")
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    assert [r["kind"] for r in rows] == [
        "till_open", "checkout", "checkout", "reversal", "checkout", "checkout", "cash_move",
        "no_show", "till_close",
    ]  # fmt: skip
    people = a.store.query(
        "SELECT customer_name, email, phone FROM orders WHERE customer_name != ''"
    )
    text = " ".join(r["body"] for r in rows)
    assert "Vqz" not in text and "Zqx" not in text  # typed about an order: stays here
    for person in people:
        for value in person:
            assert not value or value not in text


def test_a_hand_over_on_till_a_is_seen_on_till_b(tills) -> None:
    a, b, folder = tills
    order = _orders(a, 1)[0]
    a.till.open("Ann", 5000)
    done = a.collect(order)
    assert a.journal.write_pending(folder) == 2
    assert a.journal.write_pending(folder) == 0
    report = b.journal.merge(folder)
    assert (report.merged, report.held, report.rejected, report.conflicts) == (2, 0, 0, 0)
    info = b.checkout.collection_info(order)
    assert info is not None and info.other_till and info.receipt_no == done.receipt_no
    assert (info.till_id, info.volunteer) == ("T1", "Ann")
    with pytest.raises(KnownError) as refused:  # B cannot hand it over again
        b.collect(order)
    assert refused.value.code == "checkout.already_collected"
    item = Outbox(b.store).get(order)  # B may push it: its outbox says what A's says
    assert item is not None and item.status == "pending"
    assert item.desired == Outbox(a.store).get(order).desired  # type: ignore[union-attr]
    # B's own till is untouched: numbering and open session are B's own
    assert b.till.current() is None
    b.till.open("Bob", 2000)
    assert b.till.current().number == 1  # type: ignore[union-attr]
    receipt = b.collect(_orders(b, 2)[1]).receipt_no
    assert receipt == done.receipt_no == "T1-000001"  # same label, another till: no clash
    assert b.journal.merge(folder).merged == 0  # idempotent
    # merging B into A never changes A's own rows
    before = _snapshot(a.store, a.uid)
    b.journal.write_pending(folder)
    assert a.journal.merge(folder).merged == 2
    after = _snapshot(a.store, a.uid)
    assert before["checkouts"] == after["checkouts"] and before["sessions"] == after["sessions"]
    status = a.journal.status(folder)
    assert [t.this_till for t in status.tills] == [True, False]
    assert status.tills[1].till_uid == b.uid and status.tills[1].last_seq == 2


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_order_any_duplicates_give_the_same_result(
    tills, demo_template: Path, tmp_path: Path, data: st.DataObject
) -> None:
    a, b, folder = tills  # the fixture lives across the examples: the days are written once
    if not journal_files(folder):
        _busy_day(a)
        _other_day(b, _orders(a, 1)[0])
        a.journal.write_pending(folder)
        b.journal.write_pending(folder)
    files = journal_files(folder)
    reference_path = tmp_path / "reference.sqlite"
    if not reference_path.exists():  # a fresh till merging everything at once
        reference = new_till(demo_template, reference_path, "HUB")
        assert reference.journal.merge(folder).conflicts == 1
        reference.close()
    with Store.open(reference_path) as reference_store:
        expected = _snapshot(reference_store, a.uid, b.uid)
    assert expected["unapplied"] == 0 and len(expected["checkouts"]) == 8  # type: ignore[arg-type]
    assert [row[1:] for row in expected["staff"]] == [("double_handover", ANY, ANY, 1)]  # type: ignore[attr-defined]
    # a till that gets the files in any order, some twice, over several merges
    arrivals = list(data.draw(st.permutations(files)))
    arrivals += data.draw(st.lists(st.sampled_from(files), max_size=4))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(arrivals)), min_size=1, max_size=3)))
    name = f"staff{len(list(tmp_path.glob('staff*.sqlite')))}"
    staff = new_till(demo_template, tmp_path / f"{name}.sqlite", "HUB")
    view = tmp_path / f"view-{name}"
    view.mkdir()
    try:
        start = 0
        for cut in [*cuts, len(arrivals)]:
            for file in arrivals[start:cut]:
                copy_file(folder, file, view)
            start = max(start, cut)
            staff.journal.merge(view)
        assert _snapshot(staff.store, a.uid, b.uid) == expected
        assert staff.store.query("SELECT COUNT(*) FROM journal_held")[0][0] == 0
    finally:
        staff.close()


def test_half_copied_and_temporary_files_wait_until_complete(tills, tmp_path: Path) -> None:
    a, b, folder = tills
    view = tmp_path / "view"
    first, second, half = _second_file_not_there_yet(a, folder, view)
    half.write_bytes(second.read_bytes()[:100])  # the sync engine is still copying
    (half.parent / f".{half.name}.tmp").write_bytes(b"{")  # and a temporary name
    report = b.journal.merge(view)
    assert (report.merged, report.held, report.rejected) == (1, 0, 1)
    held = b.journal.status(view).held
    assert [(h.seq, h.reason_code) for h in held] == [(2, "journal.file_incomplete")]
    assert [h.name for h in b.journal.take_unreported()] == [held[0].name]
    assert b.journal.take_unreported() == []  # reported once
    assert b.journal.merge(view).rejected == 0  # still incomplete: not reported again
    shutil.copyfile(second, half)  # the copy completes
    assert b.journal.merge(view).merged == 1
    assert b.journal.status(view).held == []
    # a broken file that the sync engine then removes is no longer reported
    stray = view / first.relative_to(folder).parent / j.file_name(9)
    stray.write_bytes(b"{")
    assert b.journal.merge(view).rejected == 1
    stray.unlink()
    b.journal.merge(view)
    assert b.journal.status(view).held == []


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_a_file_the_disk_cannot_read_is_kept_aside_in_words(tills, tmp_path: Path) -> None:
    """A read error on one file (what a bad sector gives: EIO) holds that file only, worded
    as the status label words it; once it reads again it is merged. The file is a link to
    /proc/self/mem, which every read at offset 0 refuses with EIO, even for root (which a
    chmod 000 would not stop); a folder or a FIFO in its place is not read at all."""
    a, b, folder = tills
    view = tmp_path / "view"
    _, second, bad = _second_file_not_there_yet(a, folder, view)
    bad.symlink_to("/proc/self/mem")
    with pytest.raises(OSError):
        bad.read_bytes()
    report = b.journal.merge(view)
    assert (report.merged, report.held, report.rejected) == (1, 0, 1)
    status = b.journal.status(view)
    assert status.problem is None  # the folder is fine: one file is not
    assert [(h.seq, h.reason_code) for h in status.held] == [(2, "journal.file_unreadable")]
    english = messages.word(status.held[0].reason_code, {}, "en")
    french = messages.word(status.held[0].reason_code, {}, "fr")
    assert english == "A journal file cannot be read (no permission, or a disk error)."
    assert (
        french == "Un fichier du journal est illisible (pas d'autorisation, ou erreur de disque)."
    )
    assert b.journal.merge(view).rejected == 0  # reported once
    bad.unlink()
    shutil.copyfile(second, bad)  # the file reads again (another copy)
    assert b.journal.merge(view).merged == 1
    assert b.journal.status(view).held == []


def test_files_of_another_passphrase_are_kept_aside_and_reported_once(tills, tmp_path) -> None:
    a, b, folder = tills
    a.till.open("Ann", 5000)
    b.store.settings.set(s.JOURNAL_KEY, "not the hub's passphrase")
    report = JournalService(b.store).merge(folder) if a.journal.write_pending(folder) else None
    assert report is not None and (report.merged, report.rejected) == (0, 1)
    again = JournalService(b.store)  # a new service (the app restarted) reads it again
    assert again.merge(folder).rejected == 0  # same reason: reported once
    assert [h.reason_code for h in again.status(folder).held] == ["journal.wrong_key"]
    b.store.settings.set(s.JOURNAL_KEY, PASSPHRASE)  # staff fix the passphrase
    assert JournalService(b.store).merge(folder).merged == 1
    assert JournalService(b.store).status(folder).held == []


def test_a_double_hand_over_keeps_both_and_lists_a_conflict(tills) -> None:
    a, b, folder = tills
    order = _orders(a, 1)[0]
    a.till.open("Ann", 5000)
    b.till.open("Bob", 5000)
    mine, theirs = a.collect(order), b.collect(order)  # out of touch: both hand it over
    a.journal.write_pending(folder)
    b.journal.write_pending(folder)
    assert a.journal.merge(folder).conflicts == 1
    assert a.journal.merge(folder).conflicts == 0
    live = a.store.query(
        "SELECT receipt_no, merged FROM checkouts WHERE order_id = ? AND reversed_at IS NULL"
        " ORDER BY merged",
        (order,),
    )
    assert [tuple(r) for r in live] == [(mine.receipt_no, 0), (theirs.receipt_no, 1)]
    action = a.store.query("SELECT * FROM staff_actions WHERE kind = 'double_handover'")[0]
    assert action["checkout_id"] == theirs.checkout.id and action["order_id"] == order
    assert action["reason_code"] == "journal.double_handover"
    assert json.loads(action["reason_params"])["local"] == mine.receipt_no
    assert json.loads(action["reason_params"])["remote"] == theirs.receipt_no
    assert json.loads(action["reason_params"])["till"] == "T1"
    # A's outbox keeps A's own hand-over
    assert Outbox(a.store).get(order).desired.checkout_id == mine.checkout.id  # type: ignore[union-attr]
    # B undoes its hand-over: merged into A, the conflict is settled by that undo
    b.checkout.reverse(theirs.checkout.id, "the customer had A's bag")
    b.journal.write_pending(folder)
    a.journal.merge(folder)
    done = a.store.query("SELECT done_at, done_by FROM staff_actions WHERE id = ?", (action["id"],))
    assert done[0]["done_at"] is not None and done[0]["done_by"] == "journal: undone"


def test_folder_gone_read_only_or_full_leaves_events_waiting(tills, tmp_path: Path) -> None:
    a, _, _ = tills
    folder = tmp_path / "usb"
    a.till.open("Ann", 5000)  # the till works without the folder
    with pytest.raises(JournalUnavailable) as gone:
        a.journal.write_pending(folder)
    assert gone.value.code == "journal.folder_missing"
    status = a.journal.status(folder)
    assert status.waiting and not status.reachable and status.unwritten == 1
    assert status.problem == "journal.folder_missing"
    with pytest.raises(JournalUnavailable):
        a.journal.check_folder(folder)
    a.collect(_orders(a, 1)[0])
    folder.mkdir()  # the stick is back
    a.journal.check_folder(folder)
    assert list(folder.iterdir()) == []  # the test file is gone
    assert a.journal.write_pending(folder) == 2
    status = a.journal.status(folder)
    assert not status.waiting and status.problem is None and status.unwritten == 0
    # the folder is emptied (a new stick): everything is rewritten from the database
    shutil.rmtree(folder)
    folder.mkdir()
    a.store.db.conn.execute("UPDATE journal_events SET written_at = NULL")
    assert a.journal.write_pending(folder) == 2 and len(journal_files(folder)) == 2


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB tmpfs (needs mount rights, else skipped)."""
    point = tmp_path / "mnt"
    point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(point)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_full_or_read_only_folder_is_said_and_nothing_is_lost(tills, small_mount) -> None:
    a, b, _ = tills
    a.till.open("Ann", 5000)
    (small_mount / "filler").write_bytes(b"x" * 60_000)
    for order in _orders(a, 6):
        a.collect(order)
    with pytest.raises(JournalUnavailable) as full:
        a.journal.write_pending(small_mount)
    assert full.value.code == "journal.folder_full"
    with pytest.raises(JournalUnavailable):
        a.journal.check_folder(small_mount)
    status = a.journal.status(small_mount)
    assert status.waiting and status.unwritten > 0
    assert not [p for p in small_mount.rglob(".*.tmp")]  # no half file left behind
    (small_mount / "filler").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_mount)], check=True)
    with pytest.raises(JournalUnavailable) as read_only:
        a.journal.write_pending(small_mount)
    assert read_only.value.code == "journal.folder_read_only"
    subprocess.run(["mount", "-o", "remount,rw", str(small_mount)], check=True)
    a.journal.write_pending(small_mount)
    assert a.journal.status(small_mount).unwritten == 0
    assert b.journal.merge(small_mount).merged == 7


# the command line ---------------------------------------------------------------------------
def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "journal", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "FOODHUB_POS_LANG": "fr"},
    )  # fmt: skip


def test_the_journal_command_exports_and_imports(tills, tmp_path: Path) -> None:
    a, b, folder = tills
    a.till.open("Ann", 5000)
    a.collect(_orders(a, 1)[0])
    a_path, b_path = a.store.path, b.store.path
    a.close()
    b.close()
    out = _cli("--db", str(a_path), "--folder", str(folder), "--export")
    assert out.returncode == 0, out.stderr
    assert "written: 2" in out.stdout
    both = _cli("--db", str(b_path), "--folder", str(folder))
    assert both.returncode == 0, both.stderr
    assert "merged: 2" in both.stdout and "written: 0" in both.stdout
    missing = _cli("--db", str(b_path), "--folder", str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert missing.stderr.startswith("error: ") and "Traceback" not in missing.stderr
    assert "journal" in missing.stderr and "nowhere" in missing.stderr
    assert "dossier" in missing.stderr  # worded in French (FOODHUB_POS_LANG=fr)
    with Store.open(b_path) as store:
        store.settings.set(s.JOURNAL_KEY, "")
    off = _cli("--db", str(b_path), "--folder", str(folder), "--import")
    assert off.returncode == 1 and "Traceback" not in off.stderr


def test_the_migration_keeps_a_till_s_day(tmp_path: Path) -> None:
    """A schema-8 database with a session, a walk-in sale and a cash move opens at the latest
    schema intact: the rows keep their till_uid, are this till's own (merged = 0), references
    hold."""
    path = tmp_path / "old.sqlite"
    old = Store.open(path, schema_version=8)
    with old.transaction():
        for statement in (
            "INSERT INTO till_sessions(id, till_id, number, volunteer, opened_at, float_amount)"
            " VALUES ('s1', 'T1', 1, 'Ann', '2026-11-28T09:00:00Z', 5000)",
            "INSERT INTO cash_movements(id, session_id, amount, reason, created_at, created_by)"
            " VALUES ('m1', 's1', -1000, 'safe', '2026-11-28T10:00:00Z', 'Ann')",
            "INSERT INTO checkouts(id, receipt_no, kind, session_id, till_id, volunteer,"
            " created_at, currency, goods_total, amount_due, amount_paid)"
            " VALUES ('c1', 'T1-000001', 'walk_in', 's1', 'T1', 'Ann', '2026-11-28T10:05:00Z',"
            " 'GBP', 300, 300, 300)",
            "INSERT INTO checkout_lines(checkout_id, product_name, quantity, unit_price, amount)"
            " VALUES ('c1', 'Kale', 2, 150, 300)",
            "INSERT INTO payments(id, checkout_id, method, amount, tendered, created_at)"
            " VALUES ('p1', 'c1', 'cash', 300, 500, '2026-11-28T10:05:00Z')",
        ):
            old.db.conn.execute(statement)
    uid = old.settings.get(s.TILL_UID)
    old.close()
    store = Store.open(path)
    try:
        assert store.version == LATEST and store.scalar("PRAGMA foreign_keys") == 1
        assert store.query("PRAGMA foreign_key_check") == []
        row = store.query("SELECT till_uid, merged, receipt_no FROM checkouts")[0]
        assert tuple(row) == (uid, 0, "T1-000001")
        till = services(store, "T1")
        assert till.till.current() is not None and till.till.current().id == "s1"  # type: ignore[union-attr]
        assert till.till.expected_cash() == 5000 + 300 - 1000
        sale = till.checkout.sell_walk_in([WalkInItem("Eggs", 200, 1)], [Tender("cash", 200)])
        assert sale.receipt_no == "T1-000002"
        with pytest.raises(sqlite3.IntegrityError):  # a session a checkout points at stays
            with store.transaction():
                store.db.conn.execute("DELETE FROM till_sessions WHERE id = 's1'")
    finally:
        store.close()


def _restore(a: Till, backup: Path) -> Till:
    """Put an older copy of A's database in its place (the laptop's disk died)."""
    path = a.store.path
    a.close()
    shutil.copyfile(backup, path)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return services(Store.open(path), "T1")


def _backup(a: Till, tmp_path: Path) -> Path:
    a.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = tmp_path / "backup.sqlite"
    shutil.copyfile(a.store.path, backup)
    return backup


def test_a_restored_till_takes_its_lost_events_back_from_the_folder(tills, tmp_path) -> None:
    a, b, folder = tills
    a.till.open("Ann", 5000)
    backup = _backup(a, tmp_path)  # knows seq 1 only
    first, second = _orders(a, 2)
    lost = a.collect(first)  # seq 2, published, then the disk dies
    a.journal.write_pending(folder)
    assert b.journal.merge(folder).merged == 2
    restored = _restore(a, backup)
    try:
        assert restored.journal.merge(folder).merged == 1  # its own seq 2, taken back
        info = restored.checkout.collection_info(first)
        assert info is not None and info.receipt_no == lost.receipt_no
        later = restored.collect(second)
        assert later.receipt_no == "T1-000002"  # numbering carries on after the lost one
        assert restored.journal.write_pending(folder) == 2  # seq 1 again (same bytes), seq 3
        assert b.journal.merge(folder).merged == 1
        assert b.store.scalar("SELECT COUNT(*) FROM checkouts WHERE merged = 1") == 2
    finally:
        restored.close()


def test_a_number_taken_by_a_lost_event_is_never_reused(tills, tmp_path) -> None:
    """A checkout made on the restored till before it saw the folder: its event moves past
    the published numbers; the clash of receipt numbers is held and reported, no crash."""
    a, b, folder = tills
    a.till.open("Ann", 5000)
    backup = _backup(a, tmp_path)
    first, second = _orders(a, 2)
    lost = a.collect(first)
    a.journal.write_pending(folder)
    restored = _restore(a, backup)
    try:
        later = restored.collect(second)  # seq 2 and receipt T1-000001 again
        assert later.receipt_no == lost.receipt_no
        assert restored.journal.write_pending(folder) == 2  # seq 1 again (same bytes), seq 3
        seqs = [r[0] for r in restored.store.query("SELECT seq FROM journal_events ORDER BY 1")]
        assert seqs == [1, 2, 3]  # 2: the lost event, taken back; 3: the new one, moved
        held = restored.journal.status(folder).held
        assert [h.reason_code for h in held] == ["journal.event_clash"]
        report = b.journal.merge(folder)
        assert (report.merged, report.held) == (2, 1)
        assert [h.reason_code for h in b.journal.take_unreported()] == ["journal.event_clash"]
    finally:
        restored.close()


def test_a_double_hand_over_is_one_order_line_on_the_reconcile_screen(tills) -> None:
    a, b, folder = tills
    order = _orders(a, 1)[0]
    a.till.open("Ann", 5000)
    b.till.open("Bob", 5000)
    a.collect(order)
    b.collect(order)
    b.journal.write_pending(folder)
    a.journal.merge(folder)
    lines = [o for o in ReconcileService(a.store).overview().orders if o.order_id == order]
    assert len(lines) == 1 and lines[0].receipt_no == "T1-000001"


def test_a_reversal_made_elsewhere_of_this_till_s_hand_over_is_followed(tills) -> None:
    """Staff on till A reverse the collection B made (accepting OFN's version): B marks its
    own checkout reversed and its outbox follows, so A and B push the same state."""
    from pos.services.reversal import record_reversal

    a, b, folder = tills
    order = _orders(a, 1)[0]
    b.till.open("Bob", 5000)
    theirs = b.collect(order)
    b.journal.write_pending(folder)
    a.journal.merge(folder)
    a.till.open("Ann", 5000)
    merged = a.checkout.repo.get(theirs.checkout.id)
    assert merged is not None
    with a.store.transaction():
        record_reversal(a.store, merged, till_id="T1", volunteer="Olga",
                        session_id=a.till.current().id, note="OFN's version", role="staff")  # type: ignore[union-attr]  # fmt: skip
        a.checkout.repo.upsert_outbox(order, a.checkout.desired_state(order))
    a.journal.write_pending(folder)
    assert b.journal.merge(folder).merged == 2  # A's session and its reversal
    assert b.checkout.repo.get(theirs.checkout.id).reversed_at is not None  # type: ignore[union-attr]
    assert b.checkout.collection_info(order) is None
    assert Outbox(b.store).get(order).desired.collected is False  # type: ignore[union-attr]


def test_the_timer_s_exchange_reports_a_missing_folder_in_the_status_only(tills, tmp_path) -> None:
    a, b, folder = tills
    a.till.open("Ann", 5000)
    gone = tmp_path / "gone"
    assert a.journal.exchange(gone) is None
    other = JournalService(a.store)  # another task's service: the database's status
    assert other.status(gone).problem == "journal.folder_missing" and other.status(gone).waiting
    b.till.open("Bob", 5000)
    b.journal.write_pending(folder)
    report = a.journal.exchange(folder)
    assert report is not None and report.merged == 1
    assert other.status(folder).problem is None and not other.status(folder).waiting


def test_a_failed_merge_then_a_good_one_clears_the_status_problem(tills, tmp_path) -> None:
    a, b, folder = tills
    b.till.open("Bob", 5000)
    b.journal.write_pending(folder)
    with pytest.raises(JournalUnavailable):
        a.journal.merge(tmp_path / "unplugged")
    assert a.journal.status(folder).problem == "journal.folder_missing"
    assert a.journal.merge(folder).merged == 1
    assert JournalService(a.store).status(folder).problem is None  # the database's status


def test_rewriting_after_a_label_change_is_the_same_event(tills) -> None:
    a, b, folder = tills
    a.till.open("Ann", 5000)
    a.journal.write_pending(folder)
    a.store.settings.set(s.TILL_LABEL, "T7")  # Hub settings, then the folder is rewritten
    a.store.db.conn.execute("UPDATE journal_events SET written_at = NULL")
    assert a.journal.write_pending(folder) == 1
    assert [r[0] for r in a.store.query("SELECT seq FROM journal_events")] == [1]
    assert b.journal.merge(folder).merged == 1


def test_another_till_s_hand_over_cannot_be_undone_here(tills) -> None:
    a, b, folder = tills
    order = _orders(a, 1)[0]
    b.till.open("Bob", 5000)
    theirs = b.collect(order)
    b.journal.write_pending(folder)
    a.journal.merge(folder)
    assert a.checkout.reversible() == []
    with pytest.raises(KnownError) as refused:
        a.checkout.reverse(theirs.checkout.id, "not ours")
    assert refused.value.code == "checkout.undo_other_till"
    assert refused.value.params == {"till": "T1"}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=8)
    | st.floats(allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)  # fmt: skip
_FIELDS = [
    "id", "session_id", "order_id", "reverses_id", "number", "kind", "lines", "payments",
    "amount", "receipt_no", "till_label", "float", "counted", "expected", "marked_at", "cleared",
    "action_id", "done_at", "done_by", "pickup_point_id",
]  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    events=st.lists(
        st.tuples(
            st.sampled_from(j.KINDS),
            st.dictionaries(st.sampled_from(_FIELDS) | st.text(max_size=5), _JSON, max_size=8),
        ),
        min_size=1, max_size=6,
    )
)  # fmt: skip
def test_signed_events_of_any_shape_never_crash_the_merge(tills, events) -> None:
    """A till of this hub with a bug (or a newer version) writes bodies that do not fit their
    kind: each is held as unreadable or waiting, or applied; the merge never raises."""
    import uuid

    a, b, _ = tills
    folder = Path(a.store.path).parent / f"odd-{uuid.uuid4().hex[:8]}"
    till = str(uuid.uuid4())
    (folder / till).mkdir(parents=True)
    key = j.derive_key(PASSPHRASE, b.journal.hub_id())
    for seq, (kind, body) in enumerate(events, start=1):
        data = j.seal(key, hub=b.journal.hub_id(), till=till, label="T9", seq=seq, kind=kind,
                      at="2026-12-02T10:00:00.000000Z", event=body)  # fmt: skip
        (folder / till / j.file_name(seq)).write_bytes(data)
    before = len(b.journal.repo.waiting())  # held by earlier examples (the fixture lives on)
    report = b.journal.merge(folder)
    assert report.merged + report.held - before == len(events) and report.rejected == 0
    assert b.journal.merge(folder).merged == 0


def test_a_new_passphrase_rewrites_the_journal_for_tills_set_up_later(tills, tmp_path) -> None:
    a, b, folder = tills
    a.till.open("Ann", 5000)
    a.collect(_orders(a, 1)[0])
    a.journal.write_pending(folder)
    a.store.settings.set(s.JOURNAL_KEY, "a new hub passphrase")
    assert a.journal.rewrite_all() == 2
    assert a.journal.write_pending(folder) == 2
    b.store.settings.set(s.JOURNAL_KEY, "a new hub passphrase")  # a till set up later
    assert b.journal.merge(folder).merged == 2
    audit = b.store.query("SELECT details FROM audit_log WHERE action = 'journal.merge'")
    assert json.loads(audit[-1]["details"])["merged"] == 2


def test_an_event_lives_and_dies_with_its_transaction(tills) -> None:
    from pos.domain.till import CashMovement

    a, _, _ = tills
    session = a.till.open("Ann", 5000)
    with pytest.raises(RuntimeError), a.store.transaction():
        a.till.repo.add_movement(CashMovement("m-x", session.id, 100, "float top-up", "t", "Ann"))
        raise RuntimeError("power cut before the commit")
    kinds = [r[0] for r in a.store.query("SELECT kind FROM journal_events ORDER BY seq")]
    assert kinds == ["till_open"]
    assert a.store.query("SELECT * FROM cash_movements") == []


def test_a_merge_with_nothing_new_takes_no_write_lock(tills) -> None:
    """The journal rounds run every 15 s: with nothing new they must not queue for the write
    lock (a till committing a hand-over holds it) nor write; "last read" is noted again once
    SEEN_EVERY has passed."""
    a, b, folder = tills
    a.till.open("Ann", 5000)
    a.journal.write_pending(folder)
    assert b.journal.merge(folder).merged == 1
    seen = b.journal.repo.last_seen(a.store.till_uid)
    assert seen is not None
    writer = sqlite3.connect(b.store.path)  # another connection writing (the sync worker)
    b.store.db.conn.execute("PRAGMA busy_timeout = 300")
    try:
        writer.execute("BEGIN IMMEDIATE")
        report = b.journal.merge(folder)  # would wait, then fail "database is locked"
        assert (report.merged, report.rejected) == (0, 0)
        writer.rollback()
        assert b.journal.repo.last_seen(a.store.till_uid) == seen  # nothing written
        stale = "2026-01-01T00:00:00.000000Z"
        with b.store.transaction():
            b.journal.repo.seen(a.store.till_uid, stale)
        b.journal.merge(folder)
        assert b.journal.repo.last_seen(a.store.till_uid) > stale  # noted again, once due
    finally:
        writer.close()


def test_a_folder_gone_since_the_last_round_has_its_reason_in_the_status(tills) -> None:
    """The status bar says why it waits even before a write or merge failed on it."""
    a, _, folder = tills
    a.till.open("Ann", 5000)
    a.journal.write_pending(folder)
    assert a.journal.status(folder).problem is None
    shutil.rmtree(folder)  # the stick is pulled out between two rounds
    status = a.journal.status(folder)
    assert not status.reachable and status.problem == "journal.folder_missing"
