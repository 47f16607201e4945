"""In the French till, what the core refuses reads in French: the services raise coded
errors, the screens catch them by type and word them in the UI language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QTableView

from pos.domain.settings import PRINTER_URI
from pos.messages import phrase
from pos.services.reconcile import ReconcileService
from pos.store.db import utcnow
from pos.store.outbox import Outbox, StaffAction
from sync.errors import Unreachable
from tests.helpers.emupos import free_port
from tests.helpers.staff import open_reconcile
from tests.helpers.till import count, find, message, order_number, scan
from tests.helpers.wait import settle


@pytest.fixture
def french(qtbot, demo_db: Path, monkeypatch) -> Iterator:  # type: ignore[no-untyped-def]
    """The real window in French; the UI language and Qt's translators are put back after."""
    from pos.app import create_window

    monkeypatch.setenv("FOODHUB_POS_LANG", "fr")
    window = create_window(demo_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    for translator in window.translators:
        QCoreApplication.removeTranslator(translator)
    window.close()


def test_opening_the_till_twice_is_refused_in_french(qtbot, french) -> None:
    dialog = french.ensure_session()
    french.services.till.open("Mei", 0)  # opened meanwhile (another dialog, the till menu)
    qtbot.keyClicks(find(dialog, QLineEdit, "volunteerName"), "Zoe")
    qtbot.keyClicks(find(dialog, QLineEdit, "floatAmount"), "20")
    qtbot.mouseClick(find(dialog, QPushButton, "openSessionButton"), Qt.MouseButton.LeftButton)
    assert find(dialog, QLabel, "openSessionError").text() == "La caisse est déjà ouverte."
    assert count(french, "SELECT COUNT(*) FROM till_sessions") == 1


def test_the_service_says_a_name_is_missing_in_french(qtbot, french) -> None:
    dialog = french.ensure_session()
    qtbot.keyClicks(find(dialog, QLineEdit, "floatAmount"), "20")
    qtbot.mouseClick(find(dialog, QPushButton, "openSessionButton"), Qt.MouseButton.LeftButton)
    assert find(dialog, QLabel, "openSessionError").text() == "Saisissez le nom du bénévole."
    assert dialog.focusWidget() is find(dialog, QLineEdit, "volunteerName")
    assert count(french, "SELECT COUNT(*) FROM till_sessions") == 0


def test_handing_over_an_order_collected_elsewhere_is_refused_in_french(qtbot, french) -> None:
    services = french.services
    services.till.open("Mei", 0)
    number = order_number(french, "paid")
    scan(qtbot, french, number)
    draft = french.draft
    # another draft of the same bag is handed over first (a second tab, a quick double scan)
    other = services.checkout.start(draft.order.id)
    receipt = services.checkout.collect(other, []).checkout.receipt_no
    french.commit()
    assert message(french) == f"Déjà retirée (reçu {receipt})."
    assert count(french, "SELECT COUNT(*) FROM checkouts WHERE kind = 'collection'") == 1


def test_taking_money_with_the_till_closed_is_refused_by_the_service(qtbot, french) -> None:
    scan(qtbot, french, order_number(french, "balance_due"))
    amount = find(french, QLineEdit, "amountTendered")
    qtbot.keyClick(amount, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # card, all due
    french.commit()
    assert message(french).startswith("Ouvrez d'abord la caisse (F7)")
    assert count(french) == 0


def test_undo_without_a_reason_is_refused_in_french(qtbot, french) -> None:
    services = french.services
    services.till.open("Mei", 0)
    scan(qtbot, french, order_number(french, "paid"))
    french.commit()
    dialog = french.open_undo()
    qtbot.mouseClick(find(dialog, QPushButton, "undoConfirmButton"), Qt.MouseButton.LeftButton)
    assert find(dialog, QLabel, "undoError").text() == (
        "Indiquez pourquoi cet encaissement est annulé."
    )
    assert dialog.focusWidget() is find(dialog, QLineEdit, "undoReason")
    assert count(french, "SELECT COUNT(*) FROM checkouts WHERE kind = 'reversal'") == 0


def test_a_negative_amount_is_refused_in_french(qtbot, french) -> None:
    french.services.till.open("Mei", 0)
    scan(qtbot, french, order_number(french, "balance_due"))
    amount = find(french, QLineEdit, "amountTendered")
    qtbot.keyClicks(amount, "-5")
    french.commit()
    assert find(french, QLabel, "paymentError").text() == (
        "Les montants ne peuvent pas être négatifs."
    )
    assert count(french) == 0


def _collected_checkout(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    window.services.till.open("Mei", 0)
    scan(qtbot, window, order_number(window, "paid"))
    window.commit()
    return str(window.services.store.scalar("SELECT id FROM checkouts LIMIT 1"))


def test_a_staff_action_stored_in_english_reads_in_french(qtbot, french) -> None:
    store = french.services.store
    action = StaffAction.coded(
        "walk_in", "staff.walk_in", locale="en_GB", receipt="T1-0042", items="2 × Leeks",
        paid="£3.00 cash", amount=300, method="cash",
        checkout_id=_collected_checkout(qtbot, french),
    )  # fmt: skip
    assert Outbox(store).add_walk_in_action(action)
    stored = store.query("SELECT reason, reason_code, reason_params FROM staff_actions")[0]
    assert stored["reason"].startswith("Walk-in sale T1-0042: 2 × Leeks; paid £3.00 cash.")
    assert stored["reason_code"] == "staff.walk_in" and "T1-0042" in stored["reason_params"]
    lines = ReconcileService(store).overview().actions
    assert [a.worded("fr") for a in lines] == [
        "Vente directe T1-0042\u00a0: 2 × Leeks\u00a0; payé £3.00 cash. OFN n'a pas de ventes"
        " directes\u00a0: enregistrez-la dans la comptabilité du hub."
    ]
    assert [a.worded("en") for a in lines] == [stored["reason"]]


def test_the_reconcile_to_do_list_words_actions_in_french(qtbot, french) -> None:
    store = french.services.store
    Outbox(store).add_walk_in_action(
        StaffAction.coded(
            "walk_in",
            "staff.walk_in",
            receipt="T1-0042",
            items="2 × Leeks",
            paid="£3.00",
            checkout_id=_collected_checkout(qtbot, french),
        )
    )
    legacy = "Refund the missing items in OFN"  # a row from before codes: shown as stored
    with store.transaction():
        store.db.conn.execute(
            "INSERT INTO staff_actions(id, kind, reason, admin_url, created_at)"
            " VALUES ('old', 'credit', ?, '', ?)",
            (legacy, utcnow()),
        )
    open_reconcile(qtbot, french, name="Olga")
    window = french.reconcile_window
    find(window, QCheckBox, "showDoneActions").setChecked(True)
    model = find(window, QTableView, "actionsTable").model()
    texts = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert legacy in texts
    assert any(t.startswith("Vente directe T1-0042\u00a0: 2 × Leeks") for t in texts), texts


def _reconcile_window(qtbot, window):  # type: ignore[no-untyped-def]
    open_reconcile(qtbot, window, name="Olga")
    return window.reconcile_window


def _cells(view: QTableView) -> list[str]:
    m = view.model()
    return [str(m.index(r, c).data()) for r in range(m.rowCount()) for c in range(m.columnCount())]


def test_a_failed_push_reads_in_french_and_one_stored_in_english_as_it_is(qtbot, french) -> None:
    """outbox.last_error keeps the code: the reconcile screen words it for its reader."""
    store = french.services.store
    checkout = _collected_checkout(qtbot, french)
    order_id = store.scalar("SELECT order_id FROM checkouts WHERE id = ?", (checkout,))
    outbox = Outbox(store)
    item = outbox.get(order_id)
    assert item is not None
    lost = Unreachable("sync.unreachable", host="ofn.example", reason=phrase("net.refused"))
    assert outbox.record_failure(item, lost)
    kept = json.loads(store.scalar("SELECT last_error FROM outbox WHERE order_id = ?", (order_id,)))
    assert kept["code"] == "sync.unreachable"
    window = _reconcile_window(qtbot, french)
    orders = find(window, QTableView, "ordersTable")
    assert "Impossible de joindre ofn.example\u00a0: connexion refusée." in _cells(orders)
    assert not any("Cannot reach" in cell for cell in _cells(orders))
    with store.transaction():  # a row from before codes
        store.db.conn.execute(
            "UPDATE outbox SET last_error = 'OFN timed out (504)' WHERE order_id = ?", (order_id,)
        )
    window.refresh()
    settle(qtbot, window)
    assert "OFN timed out (504)" in _cells(find(window, QTableView, "ordersTable"))


def test_a_failed_print_reads_in_french_in_the_tooltip_and_the_queue(qtbot, french) -> None:
    """print_jobs.last_error and the printer's problem keep the code, worded where shown."""
    store = french.services.store
    _collected_checkout(qtbot, french)  # its receipt waits in the queue (no printer yet)
    legacy = french.services.printing.jobs.enqueue("test")
    french.services.printing.jobs.mark_failed(legacy, "Printer on fire.")  # stored before codes
    store.settings.set(PRINTER_URI, f"tcp://127.0.0.1:{free_port()}")  # nothing listens
    french.printing.worker.wake()
    label = french.findChild(QLabel, "printerStatusLabel")
    qtbot.waitUntil(lambda: "ne répond pas" in label.toolTip(), timeout=10_000)
    assert "does not answer" not in label.toolTip()
    waiting = store.scalar(
        "SELECT last_error FROM print_jobs WHERE status = 'queued' AND last_error != ''"
    )
    assert json.loads(waiting)["code"] == "printer.tcp_silent"
    dialog = french.printing.open_queue()
    qtbot.addWidget(dialog)
    problems = [dialog.jobs.item(r, 4).text() for r in range(dialog.jobs.rowCount())]
    assert any("ne répond pas" in p for p in problems), problems
    assert "Printer on fire." in problems
