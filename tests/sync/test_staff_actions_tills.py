"""Two tills that both push after a journal merge list each staff action once, under one id,
and one decision closes it on both, whichever came first (issue 14: no sale entered twice)."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from pos.domain import settings as s
from pos.domain.checkout import Tender, WalkInItem
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.outbox import Outbox
from pos.store.reconcile import ReconcileQueries
from sync.push import push
from tests.helpers.journal import PASSPHRASE, Till, services
from tests.ofn_sim.server import OFNSimulator


def _open(path: Path, label: str) -> Till:
    store = Store.open(path)
    store.settings.set(s.TILL_UID, str(uuid.uuid4()))  # each laptop is a till of its own
    store.settings.set(s.TILL_LABEL, label)
    store.settings.set(s.JOURNAL_KEY, PASSPHRASE)
    till = services(store, label)
    till.till.open(label, 0)
    return till


def _actions(store: Store) -> dict[tuple[str, str | None], tuple[str, bool]]:
    """(kind, order number or walk-in receipt) -> (id, done)."""
    out = {}
    for a in Outbox(store).staff_actions(open_only=False):
        if a.kind in ("walk_in", "unpaid_handover"):
            out[(a.kind, a.order_number or a.checkout_id)] = (a.id, a.done_at is not None)
    return out


def test_one_action_one_id_one_decision_on_every_till(
    pulled_store: Store, ofn_sim: OFNSimulator, ofn_client, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "shared"
    folder.mkdir()
    path_a = pulled_store.path
    pulled_store.close()
    path_b, path_c = tmp_path / "b.sqlite", tmp_path / "c.sqlite"
    for other in (path_b, path_c):  # the same pulled hub on other laptops
        shutil.copyfile(path_a, other)
    a = _open(path_a, "T1")
    b = _open(path_b, "T2")
    try:
        sale = a.checkout.sell_walk_in([WalkInItem("Kale", 250, 2)], [Tender("cash", 500)])
        number = ofn_sim.numbers(payment_state="balance_due")[0]
        order = OrderRepository(a.store).by_number(number)
        assert order is not None
        draft = a.checkout.start(order.id)
        a.checkout.collect(draft, [], note="pays next week")  # handed over unpaid
        a.journal.write_pending(folder)
        b.journal.merge(folder)

        push(ofn_client, a.store)
        push(ofn_client, b.store)  # B pushes the same merged events: nothing new in OFN
        on_a, on_b = _actions(a.store), _actions(b.store)
        assert set(on_a) == {("walk_in", sale.checkout.id), ("unpaid_handover", number)}
        assert on_a == on_b  # the same ids, open on both

        # staff enter the walk-in in OFN and tick it on A: closed on B by the journal
        walk_in_id = on_a[("walk_in", sale.checkout.id)][0]
        assert ReconcileQueries(a.store).mark_action_done(walk_in_id, actor="Sam")
        a.journal.write_pending(folder)
        b.journal.merge(folder)
        assert _actions(b.store)[("walk_in", sale.checkout.id)] == (walk_in_id, True)

        # the hub office's copy hears of the decision before it lists the walk-in itself:
        # it lists it as done; the unpaid hand-over nobody decided on stays open
        c = _open(path_c, "HUB")
        try:
            c.journal.merge(folder)
            push(ofn_client, c.store)
            on_c = _actions(c.store)
            assert on_c[("walk_in", sale.checkout.id)] == (walk_in_id, True)
            assert on_c[("unpaid_handover", number)] == on_a[("unpaid_handover", number)]
            assert Outbox(c.store).status().walk_ins_unlisted == 0
        finally:
            c.close()
    finally:
        a.close()
        b.close()
