"""A journal event for an order the till does not have yet is kept aside, then merged by the
next pull (the ``sync`` command as a real process against the OFN simulator)."""

from __future__ import annotations

from pathlib import Path

from pos.domain import settings as s
from pos.store import Store
from pos.store.checkouts import CheckoutRepository
from pos.store.orders import OrderRepository
from pos.store.outbox import Outbox
from tests.helpers.cli import sync_cli
from tests.helpers.journal import PASSPHRASE, services
from tests.ofn_sim.server import OFNSimulator


def test_an_event_held_for_its_order_is_merged_after_the_next_pull(
    pulled_store: Store, ofn_sim: OFNSimulator, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    pulled_store.settings.set(s.JOURNAL_KEY, PASSPHRASE)
    a = services(pulled_store, "T1")
    a.till.open("Ann", 5000)
    number = ofn_sim.numbers(payment_state="paid")[0]
    order = OrderRepository(pulled_store).by_number(number)
    assert order is not None
    done = a.collect(order.id)
    assert a.journal.write_pending(folder) == 2

    # the hub office's new staff copy: set up for the hub, not pulled yet
    staff_path = tmp_path / "staff.sqlite"
    with Store.open(staff_path) as staff:
        staff.settings.set(s.JOURNAL_KEY, PASSPHRASE)
        staff.settings.set(s.HUB_ID, ofn_sim.hub_id)
        report = services(staff, "HUB").journal.merge(folder)
        assert (report.merged, report.held, report.rejected) == (1, 1, 0)  # the session merged
        held = services(staff, "HUB").journal.status(folder).held
        assert [h.reason_code for h in held] == ["journal.order_missing"]

    pulled = sync_cli(
        staff_path, "--server", ofn_sim.url, "--hub", str(ofn_sim.hub_id), "--order-cycle",
        "987", "--api-key-env", "OFN_TEST_KEY", "--pull", key=ofn_sim.key,
    )  # fmt: skip
    assert pulled.returncode == 0, pulled.stderr

    with Store.open(staff_path) as staff:
        info = CheckoutRepository(staff).collection_info(order.id)
        assert info is not None and info.other_till and info.receipt_no == done.receipt_no
        assert staff.query("SELECT * FROM journal_held") == []
        item = Outbox(staff).get(order.id)  # the staff copy may push it, as A may
        assert item is not None and item.desired is not None and item.desired.collected
        assert item.desired.checkout_id == done.checkout.id
