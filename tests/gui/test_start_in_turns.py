"""The window as `python main.py` opens it: shown first, the rest built in the next turns
(issue 17 point 5). A volunteer can scan before the rest is there, and nothing is lost."""

from __future__ import annotations

from pathlib import Path

from pos.store import Store
from tests.helpers.till import order_number, scan


def test_shown_first_then_completed_in_turns(qtbot, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    from pos.app import _build_window

    window = _build_window(demo_db)
    qtbot.addWidget(window)
    assert window.starting  # the payment panel, printing, sync and journal wait
    assert window._payment is None and window._sync is None
    menus_before = [a.text() for a in window.menuBar().actions()]
    window.show()
    qtbot.waitExposed(window)
    done: list[str] = []
    window.after_start(lambda: done.append("complete"))
    qtbot.waitUntil(lambda: not window.starting, timeout=10_000)
    assert done == ["complete"]
    assert window._payment is not None and window._printing is not None
    assert window._sync is not None and window._journal is not None
    assert window.status_timer.isActive()
    menus_after = [a.text() for a in window.menuBar().actions()]
    assert len(menus_after) > len(menus_before)  # printing and sync added their menus
    assert window.payment_panel.parentWidget() is not None  # laid out above the button
    window.close()


def test_a_scan_before_the_rest_is_built_opens_the_order(qtbot, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    """A code typed in the very first turn: the order opens with its payment panel, built on
    the spot rather than waited for; the rest then comes in its turns."""
    from pos.app import _build_window

    window = _build_window(demo_db)
    qtbot.addWidget(window)
    window.show()  # no event loop turn yet: nothing after the first paint has run
    assert window.starting
    number = order_number(window, "balance_due")  # something to pay: the payment panel shows
    scan(qtbot, window, number)
    assert window.draft is not None and window.draft.order.number == number
    assert window.payment_panel.isVisible()
    assert window._sync is None  # only what the scan needed was built out of turn
    qtbot.waitUntil(lambda: not window.starting, timeout=10_000)
    assert window._sync is not None and window._journal is not None
    assert window.draft is not None and window.draft.order.number == number  # still open
    window.close()


def test_a_hand_over_before_the_checkout_loads_is_stored_once(qtbot, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    """The checkout's rules, journal and outbox load in the turns after the first paint: a
    paid bag handed over before them loads them on the spot, and the collection is stored
    (checkout, receipt job, outbox) once; the count of changes waiting shows."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QLineEdit

    from pos.app import _build_window
    from tests.helpers.till import count, find, give_shift_name

    window = _build_window(demo_db)
    qtbot.addWidget(window)
    window.show()
    assert window.starting and not find(window, QLabel, "pendingSyncLabel").isVisible()
    assert "Till closed" in find(window, QLabel, "tillStatusLabel").text()  # at the first paint
    number = order_number(window, "paid")
    scan(qtbot, window, number)
    qtbot.keyClick(find(window, QLineEdit, "scanInput"), Qt.Key.Key_Return)  # hand it over
    give_shift_name(qtbot, window)
    qtbot.waitUntil(lambda: not window.starting, timeout=10_000)
    order_id = window.services.store.scalar("SELECT id FROM orders WHERE number = ?", (number,))
    assert count(window, "SELECT COUNT(*) FROM checkouts WHERE order_id = ?", (order_id,)) == 1
    assert count(window, "SELECT COUNT(*) FROM print_jobs WHERE kind = 'receipt'") == 1
    assert count(window, "SELECT COUNT(*) FROM outbox WHERE order_id = ?", (order_id,)) == 1
    pending = find(window, QLabel, "pendingSyncLabel")
    assert pending.isVisible() and pending.text().startswith("1 ")
    window.close()


def test_closing_before_the_rest_is_built_stops_cleanly(qtbot, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    from pos.app import _build_window

    window = _build_window(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.close()  # the pieces never built have nothing to stop; the database closes
    assert not window.starting
    assert window._sync is None
    with Store.open(demo_db) as store:  # the lock is released: another writer may open it
        assert store.scalar("SELECT count(*) FROM orders") > 0


def test_the_status_bar_stays_one_line_high(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """QStatusBar takes the height of its tallest widget, hidden ones too: the sync's "Stop
    sync" button at the window's 44 px touch size made it 59 px all day (one order row less
    at 1280x720)."""
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bar.height() > 0)
    touch = 44  # the window's buttons (main_window.big_targets)
    assert bar.height() < touch
    window.sync.bar.show()  # a sync under way shows its progress and its stop button
    window.sync.cancel_button.show()
    qtbot.wait(50)
    assert bar.height() < touch and window.sync.cancel_button.isVisible()
