"""Property tests: malformed OFN payloads never crash a pull, never overwrite local data.

Payloads are valid orders with one part broken: a field deleted, a value of the wrong type,
a huge string, an unknown state, or a body that is not JSON at all.
"""

from __future__ import annotations

import copy
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.domain.models import Order
from pos.store import Store
from pos.store.orders import OrderRepository
from sync.errors import BadPayload
from sync.parse import parse_customer, parse_order, remote_state
from sync.pull import pull
from tests.ofn_sim.fixtures import make_client
from tests.ofn_sim.server import OFNSimulator

Path_ = tuple[Any, ...]


def _paths(value: Any, prefix: Path_ = ()) -> Iterator[Path_]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield (*prefix, k)
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:3]):
            yield (*prefix, i)
            yield from _paths(v, (*prefix, i))


SAMPLE_SIM = OFNSimulator(orders=6)
SAMPLE = SAMPLE_SIM.order(SAMPLE_SIM.numbers()[0])
PATHS = sorted(set(_paths(SAMPLE)), key=str)

weird = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.integers(min_value=2_000, max_value=300_000).map(lambda n: "é" * n),
    st.sampled_from(["lost", "shipped_twice", "1e999", "NaN", "-Infinity", "", "a", "R", "0x10",
                     "12,50", " 47.3 ", "47.30000000001", "\x00", "R12\n3"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)  # fmt: skip


@st.composite
def broken(draw: st.DrawFn) -> Any:
    """A detailed order with one thing wrong, or not JSON at all (bytes)."""
    kind = draw(st.sampled_from(["delete", "replace", "replace", "body"]))
    if kind == "body":
        return draw(st.sampled_from([b"", b"{", b"[1, 2", b"null", b"<html>", b"\xff\xfe",
                                     b'{"number": "R1"', b"42"]))  # fmt: skip
    data = copy.deepcopy(SAMPLE)
    path = draw(st.sampled_from(PATHS))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if kind == "delete":
        if isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent.pop(path[-1])
    else:
        parent[path[-1]] = draw(weird)
    return data


@settings(max_examples=400, deadline=None)
@given(broken())
def test_parsing_broken_orders_only_ever_raises_bad_payload(payload: Any) -> None:
    data = payload
    if isinstance(payload, bytes):
        try:
            data = json.loads(payload)
        except ValueError:
            return  # the transport reports non-JSON bodies (see the pull test below)
    for parse in (lambda d: parse_order(d, currency="GBP"), lambda d: remote_state(d, "GBP")):
        try:
            result = parse(data)
        except BadPayload as exc:
            assert exc.message and len(exc.message) < 400
        else:
            if isinstance(result, Order):
                assert all(isinstance(li.unit_price, int) for li in result.line_items)
                assert len(result.customer_name) <= 1_000


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "code", "tags", "email", "first_name",
                                        "billing_address"]), weird))  # fmt: skip
def test_parsing_broken_customers_only_ever_raises_bad_payload(attrs: dict[str, Any]) -> None:
    try:
        parse_customer({"attributes": attrs})
    except BadPayload:
        pass


def _canonical(text: str) -> str:
    return json.dumps(json.loads(text), sort_keys=True)


@pytest.fixture(scope="module")
def small_sim() -> Iterator[OFNSimulator]:
    with OFNSimulator(orders=6) as sim:
        yield sim


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(payload=broken())
def test_a_broken_order_is_skipped_and_nothing_local_is_overwritten(
    small_sim: OFNSimulator, payload: Any
) -> None:
    sim = small_sim
    number, other = sim.numbers()[0], sim.numbers()[1]
    original = sim.order(number)
    client = make_client(sim)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "hub.sqlite") as store:
        try:
            pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            repo = OrderRepository(store)
            before, before_other = repo.by_number(number), repo.by_number(other)
            sim.set_raw(number, payload)
            sim.edit(other, special_instructions="still synced")
            report = pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
            after = repo.by_number(number)
            try:
                data = json.loads(payload) if isinstance(payload, bytes) else payload
                expected: Order | None = parse_order(data, currency="GBP")
            except (BadPayload, ValueError):
                expected = None
            if (
                expected is None
                or expected.number != number
                or expected.hub_id != sim.hub_id
                or (before is not None and expected.id != before.id)  # a number taken
            ):
                assert after == before  # nothing local overwritten with garbage
                # reported (by number when it has one), unless it no longer matches the filters
                assert report.skipped or report.listed == 1
            else:
                assert after is not None
                if report.listed == 1:  # it no longer matches the list filters
                    assert after == before
                else:
                    assert _canonical(after.raw_json) == _canonical(expected.raw_json)
            assert repo.by_number(other).special_instructions == "still synced"  # type: ignore[union-attr]
            assert before_other is not None and repo.count() == 6
        finally:
            sim.set_raw(number, original)
            client.t.close()
