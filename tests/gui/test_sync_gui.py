"""The sync worker, status label and settings dialog against the OFN simulator (offscreen)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from pos.domain.settings import HUB_ID, OFN_URL, ORDER_CYCLE_ID
from pos.store import Store
from sync import credentials
from tests.helpers.fixtures import hub_window, no_keyring
from tests.helpers.sync_tills import collect
from tests.helpers.till import sync_now as _sync
from tests.ofn_sim.fixtures import declare_paid_at_pickup, ofn_sim

__all__ = ["hub_window", "no_keyring", "ofn_sim"]


def test_sync_now_pulls_pushes_and_updates_the_status(qtbot, hub_window, ofn_sim) -> None:  # type: ignore[no-untyped-def]
    win = hub_window
    label = win.findChild(QLabel, "syncStatusLabel")
    assert win.model.rowCount() == 0
    seen_progress: list[int] = []
    win.findChild(QProgressBar, "syncProgress").valueChanged.connect(seen_progress.append)
    assert win.windowTitle().startswith("No hub yet")
    assert _sync(qtbot, win) == "ok"
    assert win.model.rowCount() == 60  # the order list refreshed from the pulled orders
    assert win.windowTitle().startswith(ofn_sim.snap.hub.name)
    assert win.pickup_filter.count() == 1 + len(ofn_sim.snap.pickup_points)
    assert max(seen_progress) == 60
    assert label.text().startswith("Online · last sync ") and label.text().endswith("0 for staff")
    assert label.toolTip().startswith("0 waiting to sync")
    assert not win.findChild(QProgressBar, "syncProgress").isVisible()
    # a collection at the till is pushed by the next sync
    number = ofn_sim.numbers(payment_state="balance_due")[0]
    declare_paid_at_pickup(win.services.store)  # staff chose in Sync settings
    collect(win.services.store, number, pay_due="cash")
    win.sync.refresh_label()
    assert label.toolTip().startswith("1 waiting to sync")
    assert _sync(qtbot, win) == "ok"
    assert ofn_sim.captures[number] == 1 and ofn_sim.ships[number] == 1
    assert label.toolTip().startswith("0 waiting to sync")


def test_cancel_stops_a_slow_sync(qtbot, hub_window, ofn_sim) -> None:  # type: ignore[no-untyped-def]
    win = hub_window
    ofn_sim.latency = 0.05
    cancel = win.findChild(QPushButton, "syncCancelButton")
    with qtbot.waitSignal(win.sync.finished, timeout=30_000) as blocker:
        win.findChild(QAction, "syncNowAction").trigger()
        assert cancel.isVisible()
        qtbot.waitUntil(lambda: ofn_sim.hits["GET /api/v0/orders/{number}"] > 3, timeout=10_000)
        cancel.click()
    assert blocker.args == ["cancelled"]
    assert win.findChild(QLabel, "syncStatusLabel").text().startswith("Sync stopped")
    assert ofn_sim.hits["GET /api/v0/orders/{number}"] < 60


def test_offline_is_shown_and_retried(qtbot, hub_window, ofn_sim) -> None:  # type: ignore[no-untyped-def]
    win = hub_window
    ofn_sim.stop()
    assert _sync(qtbot, win) == "offline"
    assert win.findChild(QLabel, "syncStatusLabel").text().startswith("Offline · never synced")
    assert win.sync.retry.isActive()  # tries again when the connection may be back


def test_settings_dialog_tests_the_connection(qtbot, hub_window, ofn_sim) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.sync_status import open_settings

    dialog = open_settings(hub_window, hub_window.sync)
    qtbot.addWidget(dialog)
    assert dialog.url.text() == ofn_sim.url and dialog.hub.text() == "214"
    assert dialog.key.text() == ""  # a saved key is never shown

    def check(key: str, hub: str) -> str:
        dialog.key.setText(key)
        dialog.hub.setText(hub)
        dialog.result_label.setProperty("state", None)
        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.result_label.property("state") is not None, timeout=20_000)
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=5_000)
        return str(dialog.result_label.property("state"))

    assert check("", "214") == "ok"  # empty: the saved key
    assert ofn_sim.snap.hub.name in dialog.result_label.text()
    assert check("f" * 48, "214") == "key_rejected"
    assert "f" * 48 not in dialog.result_label.text()
    assert check("", "999") == "no_access"
    dialog.hub.setText("214")
    dialog.key.setText("e" * 48)
    dialog.buttons.accepted.emit()
    assert credentials.load_key(ofn_sim.url) == "e" * 48
    assert "e" * 48 not in str(hub_window.services.store.query("SELECT * FROM settings"))


def test_demo_window_is_not_connected(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    label = window.findChild(QLabel, "syncStatusLabel")
    assert label.text() == "Demo data: not connected to Open Food Network"
    assert window.sync.sync_now(manual=True) is False
    assert window.sync.worker is None


def test_first_run_offers_demo_or_ofn_once(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.sync_dialog import SyncSettingsDialog
    from pos.ui.sync_status import offer_first_run

    dialog = offer_first_run(window, window.sync)
    assert dialog is not None and dialog.isVisible()
    dialog.connect_button.click()
    settings = window.findChild(SyncSettingsDialog, "syncSettingsDialog")
    assert settings is not None and settings.isVisible()
    settings.reject()
    assert offer_first_run(window, window.sync) is None  # only once


def test_a_configured_till_syncs_soon_after_opening(qtbot, tmp_path, ofn_sim) -> None:  # type: ignore[no-untyped-def]
    from pos.app import create_window

    db = tmp_path / "hub.sqlite"
    with Store.open(db) as store:
        store.settings.set(OFN_URL, ofn_sim.url)
        store.settings.set(HUB_ID, ofn_sim.hub_id)
        store.settings.set(ORDER_CYCLE_ID, 987)
    credentials.save_key(ofn_sim.url, ofn_sim.key)
    win = create_window(db)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sync.finished, timeout=30_000) as blocker:
        win.show()
    assert blocker.args == ["ok"] and win.model.rowCount() == 60
