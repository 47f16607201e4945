"""Sync settings' second tab (issue 11 points 2 and 3) and the "emails delayed" status, against
the OFN simulator (offscreen): what staff choose is stored, and push follows it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

from pos.domain.settings import OFN_MARK_SHIPPED, OFN_PAYMENT_METHODS
from tests.helpers.fixtures import hub_window, no_keyring
from tests.helpers.sync_tills import collect
from tests.helpers.till import sync_now as _sync
from tests.ofn_sim.fixtures import ofn_sim

__all__ = ["hub_window", "no_keyring", "ofn_sim"]


def _open(qtbot, win):  # type: ignore[no-untyped-def]
    from pos.ui.sync_status import open_settings

    dialog = open_settings(win, win.sync)
    qtbot.addWidget(dialog)
    return dialog


def test_before_a_pull_the_methods_wait_for_one(qtbot, hub_window) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, hub_window)
    assert dialog.findChildren(QComboBox, "ofnPaymentMethodInput") == []
    assert dialog.findChild(QLabel, "ofnPaymentMethodsEmpty") is not None
    shipped = dialog.findChild(QCheckBox, "ofnMarkShippedInput")
    assert shipped.isChecked()  # what sync always did; the note beside it says what it costs
    assert "cannot be switched off" in dialog.findChild(QLabel, "ofnMarkShippedNote").text()
    assert dialog.findChild(QLabel, "ofnLateCollectionsNote").isHidden()  # none waiting


def test_staff_choose_methods_and_shipping_and_push_follows(qtbot, hub_window, ofn_sim) -> None:  # type: ignore[no-untyped-def]
    win = hub_window
    assert _sync(qtbot, win) == "ok"  # the pull shows which methods the hub's orders use
    dialog = _open(qtbot, win)
    combos = {
        c.property("ofnMethod"): c for c in dialog.findChildren(QComboBox, "ofnPaymentMethodInput")
    }
    assert set(combos) == {"Cash on pickup", "Card (Stripe)"}
    assert all(c.currentData() is None for c in combos.values())  # nothing taken by default
    assert combos["Card (Stripe)"].accessibleName() == "How “Card (Stripe)” is paid"
    cash = combos["Cash on pickup"]
    cash.setCurrentIndex(cash.findData("cash"))
    dialog.findChild(QCheckBox, "ofnMarkShippedInput").setChecked(False)
    dialog.buttons.accepted.emit()
    store = win.services.store
    assert store.settings.get(OFN_PAYMENT_METHODS) == {"Cash on pickup": "cash"}
    assert store.settings.get(OFN_MARK_SHIPPED) is False
    # the choice is there when the dialog opens again
    again = _open(qtbot, win)
    chosen = {
        c.property("ofnMethod"): c.currentData()
        for c in again.findChildren(QComboBox, "ofnPaymentMethodInput")
    }
    assert chosen == {"Cash on pickup": "cash", "Card (Stripe)": None}
    assert not again.findChild(QCheckBox, "ofnMarkShippedInput").isChecked()
    again.reject()
    # push: "Cash on pickup" taken as cash is captured; nothing is shipped (no email)
    number = ofn_sim.numbers(payment_state="balance_due")[0]
    collect(store, number, pay_due="cash")
    assert _sync(qtbot, win) == "ok"
    assert [c[:2] for c in ofn_sim.captured_payments] == [(number, "Cash on pickup")]
    assert not ofn_sim.ships


def test_a_stuck_job_queue_says_emails_are_delayed(qtbot, hub_window, ofn_sim) -> None:  # type: ignore[no-untyped-def]
    label = hub_window.findChild(QLabel, "syncStatusLabel")
    ofn_sim.jobs_alive = False
    assert _sync(qtbot, hub_window) == "ok"
    assert label.text().endswith("OFN's emails are delayed")
    assert "background jobs are stuck" in label.toolTip()
    ofn_sim.jobs_alive = True
    assert _sync(qtbot, hub_window) == "ok"
    assert "delayed" not in label.text() and "stuck" not in label.toolTip()


def test_collections_waiting_over_a_day_are_pointed_out_beside_the_ship_choice(
    qtbot, hub_window, ofn_sim
) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.sync_tills import collected_days_ago as _collected_days_ago

    assert _sync(qtbot, hub_window) == "ok"
    store = hub_window.services.store
    number = ofn_sim.numbers(payment_state="paid")[0]
    collect(store, number)
    _collected_days_ago(store, number, 2)
    dialog = _open(qtbot, hub_window)
    late = dialog.findChild(QLabel, "ofnLateCollectionsNote")
    assert not late.isHidden() and late.text().startswith("1 collection(s) made more than a day")


def test_the_demo_hub_asks_about_methods_only_after_a_real_pull(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, window)
    assert dialog.findChildren(QComboBox, "ofnPaymentMethodInput") == []
    assert dialog.findChild(QLabel, "ofnPaymentMethodsEmpty") is not None
