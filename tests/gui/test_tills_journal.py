"""Several tills through a shared journal folder, seen on screen: real databases (copies of
the demo hub, each its own till), a real folder, the real window merging on its own.

Till A ("T2", no window: the real checkout service) hands orders over and writes its
journal; till B ("T1", the real window) merges on its watcher and timer and must show A's
hand-over as collected on T2 and refuse it; a double hand-over reaches B's staff list; B's
reconcile screen and CSV show per-till figures equal to sums over B's own rows.
"""

from __future__ import annotations

import csv
import shutil
import uuid
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from pos.domain.checkout import Tender, WalkInItem
from pos.domain.settings import JOURNAL_FOLDER, JOURNAL_KEY, TILL_LABEL, TILL_UID
from pos.services.checkout import AlreadyCollected
from pos.services.journal import JournalService
from pos.services.reconcile import ReconcileService
from pos.store import Store
from tests.helpers.reconcile.real_day import RealTill
from tests.helpers.staff import open_reconcile
from tests.helpers.till import find, scan

KEY = "orchard lantern pebble thistle"


def make_till(db: Path, label: str, folder: Path) -> None:
    """Make this copy of the hub its own till: its own uid and label, the shared folder."""
    with Store.open(db) as store:
        store.settings.set(TILL_UID, str(uuid.uuid4()))
        store.settings.set(TILL_LABEL, label)
        store.settings.set(JOURNAL_FOLDER, str(folder))
        store.settings.set(JOURNAL_KEY, KEY)


@pytest.fixture
def tills(qtbot, demo_db: Path, tmp_path: Path):
    """(till A's store, till B's window, the shared folder)."""
    folder = tmp_path / "journal"
    folder.mkdir()
    a_db = tmp_path / "a.sqlite"
    shutil.copyfile(demo_db, a_db)
    make_till(a_db, "T2", folder)
    make_till(demo_db, "T1", folder)
    a = Store.open(a_db)
    from pos.app import create_window

    win = create_window(demo_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield a, win, folder
    a.close()


def till_a(store: Store) -> RealTill:
    till = RealTill(store, "T2", "Ana Müller", 61)
    till.open(2000)
    return till


def order_ids(store: Store, payment_state: str, n: int) -> list[int]:
    return [
        int(row["id"])
        for row in store.query(
            "SELECT id FROM orders WHERE payment_state = ? AND pickup_point_id = 61"
            " AND state = 'complete' ORDER BY id LIMIT ?",
            (payment_state, n),
        )
    ]


def merged_on(win, order_id: int) -> bool:  # type: ignore[no-untyped-def]
    return bool(
        win.services.store.scalar(
            "SELECT 1 FROM checkouts WHERE order_id = ? AND merged = 1", (order_id,)
        )
    )


def test_a_hand_over_on_another_till_shows_collected_there_and_is_refused(tills, qtbot):
    a, win, folder = tills
    oid = order_ids(a, "paid", 1)[0]
    till_a(a).collect(oid)
    JournalService(a).write_pending(folder)
    number = str(a.scalar("SELECT number FROM orders WHERE id = ?", (oid,)))
    receipt = str(a.scalar("SELECT receipt_no FROM checkouts WHERE order_id = ?", (oid,)))

    win.journal.kick(merge=True)  # the watcher or the 15 s timer would do it too
    qtbot.waitUntil(lambda: merged_on(win, oid), timeout=20_000)
    qtbot.waitUntil(lambda: "up to date" in find(win, QLabel, "journalStatusLabel").text())

    # the order list says which till handed it over
    model = win.model
    qtbot.waitUntil(lambda: any(r.id == oid and r.collected_on for r in model.rows()))
    row = next(i for i, r in enumerate(model.rows()) if r.id == oid)
    assert model.index(row, 1).data() == "Collected\non T2"  # two lines: names stay whole

    scan(qtbot, win, number)
    panel = win.order_panel
    assert find(panel, QLabel, "orderState").text() == "Collected on T2"
    banner = find(win, QLabel, "collectedBanner")
    assert banner.isVisible()
    assert "COLLECTED ON TILL T2" in banner.text()
    assert "Ana Müller" in banner.text() and receipt in banner.text()
    assert "T2" in find(win, QLabel, "scanMessage").text()
    assert not find(win, QPushButton, "collectButton").isVisible()
    qtbot.keyClick(win, Qt.Key.Key_F12)  # the hand-over key does nothing
    store = win.services.store
    me = store.till_uid
    assert store.scalar("SELECT COUNT(*) FROM checkouts WHERE till_uid = ?", (me,)) == 0
    # and the service refuses it too, naming the other till's receipt
    with pytest.raises(AlreadyCollected) as refused:
        win.services.checkout.collect(win.services.checkout.start(oid))
    assert refused.value.info.receipt_no == receipt and refused.value.info.other_till


def test_a_double_hand_over_reaches_the_staff_list_with_both_receipts(tills, qtbot):
    a, win, folder = tills
    oid = order_ids(a, "paid", 1)[0]
    till_a(a).collect(oid)
    services = win.services  # B hands the same order over before A's file arrived
    services.till.open("Bea", 0)
    local = services.checkout.collect(services.checkout.start(oid)).checkout.receipt_no
    JournalService(a).write_pending(folder)
    remote = str(a.scalar("SELECT receipt_no FROM checkouts WHERE order_id = ?", (oid,)))
    win.journal.kick(merge=True)
    store = services.store
    qtbot.waitUntil(
        lambda: (
            store.scalar("SELECT COUNT(*) FROM staff_actions WHERE kind = 'double_handover'") == 1
        ),
        timeout=20_000,
    )
    assert store.scalar("SELECT COUNT(*) FROM checkouts WHERE order_id = ?", (oid,)) == 2

    open_reconcile(qtbot, win)
    rec = win.reconcile_window
    table = find(rec, QTableView, "actionsTable")
    m = table.model()
    rows = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    view = ReconcileService(store, till_id=services.till_id).overview(rec.cycle_id, rec.point_id)
    orders = [o.order_id for o in view.orders]  # the window's own list is packed rows
    assert orders.count(oid) == 1  # one order, counted once, though handed over twice
    twice = [r for r in rows if r[2] == "Handed over twice"]
    assert len(twice) == 1
    assert local in twice[0][3] and remote in twice[0][3] and "T2" in twice[0][3]


def test_the_hub_view_per_till_equals_sums_of_the_rows(tills, qtbot, tmp_path: Path):
    a, win, folder = tills
    paid, due = order_ids(a, "paid", 6), order_ids(a, "balance_due", 4)
    t2 = till_a(a)
    for oid in paid[:3]:
        t2.collect(oid)
    total = int(a.scalar("SELECT total FROM orders WHERE id = ?", (due[0],)))
    t2.collect(due[0], [Tender("cash", total + 50)])
    total = int(a.scalar("SELECT total FROM orders WHERE id = ?", (due[1],)))
    t2.collect(due[1], [Tender("card", total)])
    t2.checkout.sell_walk_in([WalkInItem("Kale", 150, 2)], [Tender("cash", 300)])
    JournalService(a).write_pending(folder)
    services = win.services  # B works too, on other orders
    services.till.open("Bea", 1000)
    for oid in paid[3:5]:
        services.checkout.collect(services.checkout.start(oid))
    total = int(a.scalar("SELECT total FROM orders WHERE id = ?", (due[2],)))
    services.checkout.collect(services.checkout.start(due[2]), [Tender("cash", total)])
    win.journal.kick(merge=True)
    store = services.store
    qtbot.waitUntil(lambda: merged_on(win, due[1]), timeout=20_000)

    open_reconcile(qtbot, win)
    rec = win.reconcile_window
    table = find(rec, QTableView, "tillsTable")
    m = table.model()
    shown = {
        m.index(r, 0).data(): [m.index(r, c).data() for c in range(m.columnCount())]
        for r in range(m.rowCount())
    }
    assert set(shown) == {"T1 (this till)", "T2"}
    for label, uid in (
        ("T1 (this till)", store.till_uid),
        ("T2", a.till_uid),
    ):
        row = shown[label]
        collections = store.scalar(
            "SELECT COUNT(*) FROM checkouts WHERE till_uid = ? AND kind = 'collection'"
            " AND reversed_at IS NULL",
            (uid,),
        )
        walk_ins = store.scalar(
            "SELECT COUNT(*) FROM checkouts WHERE till_uid = ? AND kind = 'walk_in'", (uid,)
        )
        recorded = store.scalar(
            "SELECT COALESCE(SUM(p.amount), 0) FROM payments p"
            " JOIN checkouts c ON c.id = p.checkout_id WHERE c.till_uid = ?",
            (uid,),
        )
        assert row[2] == str(collections) and row[3] == str(walk_ins)
        assert row[6] == f"£{Decimal(recorded) / 100:,.2f}"
        assert row[4].startswith("1")  # one till session each
    assert shown["T2"][2] == "5" and shown["T1 (this till)"][2] == "3"
    assert shown["T2"][7] != "this till"  # when B last read T2's journal

    # the CSV says the same per till
    target = tmp_path / "day.csv"
    with qtbot.waitSignal(rec.exported, timeout=30_000):
        rec.export(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        money = {r["item"]: r for r in csv.DictReader(handle) if r["section"] == "till_money"}
    assert set(money) == {"T1", "T2"}
    for label, uid in (("T1", store.till_uid), ("T2", a.till_uid)):
        recorded = store.scalar(
            "SELECT COALESCE(SUM(p.amount), 0) FROM payments p"
            " JOIN checkouts c ON c.id = p.checkout_id WHERE c.till_uid = ?",
            (uid,),
        )
        assert Decimal(money[label]["recorded"]) == Decimal(recorded) / 100
    assert money["T1"]["status"] == "this_till"
    # and the PDF prints the per-till table with T2's money
    pdf = tmp_path / "day.pdf"
    with qtbot.waitSignal(rec.exported, timeout=30_000):
        rec.export(pdf)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Per till" in text and "Per pickup point" in text
    assert shown["T2"][6] in text and "this till" in text


def open_settings(qtbot, win) -> QDialog:  # type: ignore[no-untyped-def]
    win.findChild(QAction, "hubSettingsAction").trigger()  # no PIN set: straight in
    shown = [d for d in win.findChildren(QDialog, "hubSettingsDialog") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_the_folder_test_says_missing_and_read_only(tills, qtbot, tmp_path: Path):
    _a, win, folder = tills
    dialog = open_settings(qtbot, win)
    field = find(dialog, QLineEdit, "journalFolderInput")
    result = find(dialog, QLabel, "journalTestResult")
    test = find(dialog, QPushButton, "journalFolderTest")

    def tested(path: str) -> str:
        field.setText(path)
        test.click()
        qtbot.waitUntil(lambda: test.isEnabled() and not result.text().startswith("Testing"))
        return result.text()

    said = tested(str(tmp_path / "not-there"))
    assert said.startswith("The shared journal folder") and "is not there" in said
    assert "not-there" in said and result.property("ok") is False
    # /sys refuses new files to everyone, root included (a chmod does not stop root)
    said = tested("/sys")
    assert "/sys cannot be written to" in said and result.property("ok") is False
    assert tested(str(folder)).startswith("The folder works")
    assert result.property("ok") is True
    assert list(folder.iterdir()) == [p for p in folder.iterdir() if p.is_dir()]  # no test file


def test_a_new_key_is_shown_as_text_and_qr_and_saved_without_logging_it(
    demo_db: Path, qtbot, tmp_path: Path
):
    from pos.app import create_window

    win = create_window(demo_db)
    qtbot.addWidget(win)
    win.show()
    assert not find(win, QLabel, "journalStatusLabel").isVisible()  # off: no folder, no key
    dialog = open_settings(qtbot, win)
    find(dialog, QLineEdit, "journalFolderInput").setText(str(tmp_path))
    find(dialog, QPushButton, "journalKeyNew").click()
    key = find(dialog, QLineEdit, "journalKeyInput").text()
    assert len(key) >= 12
    assert not find(dialog, QLabel, "journalKeyQr").pixmap().isNull()
    find(dialog, QPushButton, "saveSettingsButton").click()
    store = win.services.store
    assert store.settings.get(JOURNAL_KEY) == key
    assert store.settings.get(JOURNAL_FOLDER) == str(tmp_path)
    logged = store.scalar("SELECT details FROM audit_log WHERE action = 'settings.change'")
    assert key not in logged and "(set)" in logged
    label = find(win, QLabel, "journalStatusLabel")
    qtbot.waitUntil(lambda: label.isVisible() and "up to date" in label.text(), timeout=20_000)
    # set once: the next time the key is hidden, read-only, shown on request
    dialog = open_settings(qtbot, win)
    field = find(dialog, QLineEdit, "journalKeyInput")
    assert field.isReadOnly() and field.echoMode() == QLineEdit.EchoMode.Password
    find(dialog, QPushButton, "journalKeyShow").click()
    assert field.echoMode() == QLineEdit.EchoMode.Normal and field.text() == key
    assert isinstance(find(dialog, QWidget, "journalKeyQr"), QLabel)
    # a key typed wrong can be typed again (the same on every till)
    find(dialog, QPushButton, "journalKeyChange").click()
    assert not field.isReadOnly() and "same key" in find(dialog, QLabel, "journalKeyError").text()
    field.setText("short")
    find(dialog, QPushButton, "saveSettingsButton").click()
    assert dialog.isVisible() and "12 characters" in find(dialog, QLabel, "journalKeyError").text()
    assert store.settings.get(JOURNAL_KEY) == key  # nothing saved


def test_a_folder_that_goes_away_says_waiting_and_nothing_is_lost(tills, qtbot):
    _a, win, folder = tills
    label = find(win, QLabel, "journalStatusLabel")
    qtbot.waitUntil(lambda: "up to date" in label.text(), timeout=20_000)
    away = folder.with_name("journal-unplugged")
    folder.rename(away)  # the USB stick is pulled out
    services = win.services
    services.till.open("Bea", 0)
    oid = order_ids(services.store, "paid", 1)[0]
    services.checkout.collect(services.checkout.start(oid))
    win.refresh_status()  # as after every checkout: a round is asked for
    qtbot.waitUntil(lambda: label.text() == "Journal: waiting for the folder", timeout=20_000)
    assert "is not there" in label.toolTip()
    me = services.store.till_uid
    unwritten = services.store.scalar(
        "SELECT COUNT(*) FROM journal_events WHERE till_uid = ? AND written_at IS NULL", (me,)
    )
    assert unwritten >= 2  # the till opened, the hand-over: kept in the database
    away.rename(folder)  # back
    win.journal.kick(merge=True)
    qtbot.waitUntil(lambda: label.text() == "Journal: up to date", timeout=20_000)
    assert len(list((folder / me).glob("*.json"))) == services.store.scalar(
        "SELECT COUNT(*) FROM journal_events WHERE till_uid = ?", (me,)
    )


def test_a_file_from_another_hub_is_kept_aside_and_said_once(tills, qtbot):
    a, win, folder = tills
    till_a(a).collect(order_ids(a, "paid", 1)[0])
    a.settings.set(JOURNAL_KEY, "another hub's passphrase entirely")  # signed with another key
    JournalService(a).write_pending(folder)
    label = find(win, QLabel, "journalStatusLabel")
    message = find(win, QLabel, "scanMessage")
    win.journal.kick(merge=True)
    qtbot.waitUntil(lambda: "kept aside" in label.text(), timeout=20_000)
    assert label.text() == "Journal: 2 file(s) kept aside"  # the till opened, the hand-over
    assert message.text() == (
        "Journal: 2 file(s) kept aside: A journal file was not signed with this hub's"
        " passphrase (another passphrase, or the file was changed)."
    )  # one reason, said once for both
    store = win.services.store
    assert store.scalar("SELECT COUNT(*) FROM checkouts WHERE merged = 1") == 0
    message.clear()
    win.journal.kick(merge=True)  # the next round: still kept aside, not said again
    qtbot.waitUntil(lambda: not win.journal.running)
    qtbot.wait(200)
    assert message.text() == "" and "kept aside" in label.text()
