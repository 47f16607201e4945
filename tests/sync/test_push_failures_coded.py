"""A push that fails keeps why as a code in the outbox, worded for whoever reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pos import messages
from pos.services.reconcile import ReconcileService
from pos.store import Store
from sync.client import OFNClient
from sync.errors import Unreachable
from sync.pull import pull
from sync.push import push
from sync.transport import RetryPolicy, Transport
from tests.helpers.sync_tills import collect, outbox_status
from tests.ofn_sim.fixtures import make_client
from tests.ofn_sim.server import OFNSimulator


def test_ofn_gone_mid_push_is_kept_as_a_code_and_read_in_french(tmp_path: Path) -> None:
    with OFNSimulator(orders=6, seed=5) as sim:
        client = make_client(sim)
        with Store.open(tmp_path / "hub.sqlite") as store:
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            number = sim.numbers(state="complete")[0]
            collect(store, number)
        client.t.close()
        address = sim.url
    # the simulator has stopped: OFN cannot be reached while the till pushes
    client = OFNClient(Transport(address, "k" * 48, policy=RetryPolicy(base_delay=0.005)))
    with Store.open(tmp_path / "hub.sqlite") as store:
        with pytest.raises(Unreachable):
            push(client, store)
        assert outbox_status(store)[number] == "failed"
        kept = store.scalar(
            "SELECT x.last_error FROM outbox x JOIN orders o ON o.id = x.order_id"
            " WHERE o.number = ?",
            (number,),
        )
        assert json.loads(kept)["code"] == "sync.unreachable"
        assert messages.word_stored(kept, "en").startswith("Cannot reach 127.0.0.1")
        assert messages.word_stored(kept, "fr").startswith("Impossible de joindre 127.0.0.1")
        (line,) = [o for o in ReconcileService(store).overview().orders if o.number == number]
        assert line.sync_error == kept  # the domain carries the code; screens word it
    client.t.close()


def test_an_error_stored_before_codes_reads_as_it_was_written() -> None:
    assert messages.word_stored("OFN timed out (504)", "fr") == "OFN timed out (504)"
    assert messages.word_stored('{"not": "ours"}', "fr") == '{"not": "ours"}'
    assert messages.word_stored('{"code": "no.such", "params": {}}', "en") == (
        '{"code": "no.such", "params": {}}'
    )
    assert messages.stored("plain text") == "plain text"
    long = messages.stored(Unreachable("sync.refused_x", text="x"))  # not a known code
    assert long == "sync.refused_x"  # kept as its text (the code itself: shown as is)
    reply = messages.stored(Unreachable("sync.refused", text="y" * 5000))
    assert len(json.loads(reply)["params"]["text"]) == 300  # OFN's long reply is cut
