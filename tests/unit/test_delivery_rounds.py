"""Issue 16: the rules of a delivery round, on a real demo database (no Qt).

Each outcome is one transaction; a retried outcome records nothing new; another round's
stop is refused until confirmed; the round's cash is counted like a till session.
"""

from __future__ import annotations

import pytest

from pos.domain.checkout import Tender
from pos.domain.rounds import Address, RoundPlan, Stop, order_stops, street_and_number
from pos.errors import KnownError
from pos.services.checkout import LeftOwingNeedsReason
from pos.services.context import Services
from pos.services.demo import add_deliveries
from pos.services.orders import OrderBrowser
from pos.services.rounds import OtherRound
from pos.store import Store
from pos.store.db import new_id


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12b rue des Lilas", ("rue des lilas", 12, "b")),
        ("Chemin du Moulin 7", ("chemin du moulin", 7, "")),
        ("Flat 3, 10 High Street", ("flat 3, 10 high street", 0, "")),
        ("The Old Barn", ("the old barn", 0, "")),
    ],
)
def test_street_and_number_either_way_round(line: str, expected: tuple[str, int, str]) -> None:
    assert street_and_number(line) == expected


def _stop(i: int, line1: str, postcode: str, customer: int | None = None) -> Stop:
    return Stop(i, f"R{i:09d}", customer, "A", f"L{i}", "", Address(line1, "", "Town", postcode),
                "", 0, "", 1, 0, 1)  # fmt: skip


def test_missing_first_then_saved_then_postcode_street_number() -> None:
    stops = [
        _stop(1, "9 Mill Lane", "RV1 1AB", 11),
        _stop(2, "", "RV1 1AB", 12),
        _stop(3, "2 Mill Lane", "RV1 1AB", 13),
        _stop(4, "1 Abbey Road", "RV2 1AB", 14),
        _stop(5, "10 Mill Lane", "RV1 1AB", 15),
    ]
    assert [s.order_id for s in order_stops(stops)] == [2, 3, 1, 5, 4]
    assert [s.order_id for s in order_stops(stops, ["c14", "c13"])] == [2, 4, 3, 1, 5]


def test_drivers_by_postcode_prefix_and_by_saved_customer() -> None:
    plan = RoundPlan({"Ana": ["RV1"], "Ben": ["RV"]}, {"Ben": ["c11"]})
    assert plan.driver_of(_stop(1, "9 Mill Lane", "RV1 1AB", 11)) == "Ben"  # saved wins
    assert plan.driver_of(_stop(3, "2 Mill Lane", "rv1 1ab", 13)) == "Ana"  # longest prefix
    assert plan.driver_of(_stop(4, "1 Abbey Road", "RV2 1AB", 14)) == "Ben"
    assert plan.driver_of(_stop(6, "1 Abbey Road", "ZZ9", 16)) == ""


@pytest.fixture
def services(store: Store) -> Services:
    add_deliveries(store, orders=12, methods=1, missing_addresses=1, seed=5)
    return Services(store=store, orders=OrderBrowser(store))


def _due(store: Store, order_id: int) -> int:
    return int(store.scalar("SELECT outstanding FROM orders WHERE id = ?", (order_id,)))


def test_outcomes_are_single_events_and_retries_record_nothing(services: Services) -> None:
    store, rounds = services.store, services.rounds
    method = rounds.sheets.delivery_methods()[0].id
    row = rounds.open_round(method, "", "Sam", float_amount=1000)
    assert rounds.open_round(method, "", "Sam").id == row.id  # resumed, not a second round
    stops = rounds.round_stops(row.id)
    owing = next(s for s in stops if _due(store, s.order_id) > 0)
    event = new_id()
    with pytest.raises(LeftOwingNeedsReason):
        rounds.record(row.id, owing.order_id, "delivered", event_id=event, volunteer="Sam")
    due = _due(store, owing.order_id)
    tenders = [Tender("cash", due + 500)]  # change given on the doorstep
    rounds.record(row.id, owing.order_id, "delivered", event_id=event, volunteer="Sam",
                  tenders=tenders)  # fmt: skip
    rounds.record(row.id, owing.order_id, "delivered", event_id=event, volunteer="Sam",
                  tenders=tenders)  # fmt: skip
    assert store.scalar("SELECT COUNT(*) FROM checkouts WHERE order_id = ?", (owing.order_id,)) == 1
    outbox = store.scalar("SELECT desired FROM outbox WHERE order_id = ?", (owing.order_id,))
    assert '"collected": true' in outbox
    with pytest.raises(KnownError):  # delivered is final on the round
        rounds.record(row.id, owing.order_id, "not_home", event_id=new_id(), volunteer="Sam",
                      next_step="pickup_later")  # fmt: skip
    other = next(s for s in stops if s.order_id != owing.order_id)
    with pytest.raises(KnownError):  # not home needs to say what happens to the bags
        rounds.record(row.id, other.order_id, "not_home", event_id=new_id(), volunteer="Sam")
    rounds.record(row.id, other.order_id, "not_home", event_id=new_id(), volunteer="Sam",
                  next_step="second_attempt")  # fmt: skip
    assert store.scalar("SELECT COUNT(*) FROM outbox WHERE order_id = ?", (other.order_id,)) == 0
    # the second attempt the same evening: delivered after all
    paid = _due(store, other.order_id)
    rounds.record(row.id, other.order_id, "delivered", event_id=new_id(), volunteer="Sam",
                  tenders=[Tender("card", paid)] if paid > 0 else [])  # fmt: skip
    money = rounds.money(row.id)
    assert money.expected == 1000 + due
    with pytest.raises(KnownError):  # stops left without an outcome need a word
        rounds.close_round(row.id, money.expected, "Sam")
    closed = rounds.close_round(row.id, money.expected - 50, "Sam", "two stops left for Friday")
    assert closed.difference == -50
    audit = store.query("SELECT action FROM audit_log WHERE action LIKE 'round.%' ORDER BY id")
    assert [a["action"] for a in audit] == [
        "round.open", "round.delivered", "round.not_home", "round.delivered", "round.close",
    ]  # fmt: skip


def test_a_stop_of_another_round_is_refused_until_confirmed(services: Services) -> None:
    store, rounds = services.store, services.rounds
    method = rounds.sheets.delivery_methods()[0].id
    rounds.sheets.save_plan(method, RoundPlan({"Ana": ["RV"], "Ben": ["AS", "BK"]}, {}))
    ana = rounds.open_round(method, "Ana", "Sam")
    ben = rounds.open_round(method, "Ben", "Sam")
    ben_stop = rounds.round_stops(ben.id)[0]
    with pytest.raises(OtherRound) as found:
        rounds.find(ana.id, ben_stop.number)
    assert found.value.kind == "round" and "Ben" in found.value.name
    pickup = store.scalar(
        "SELECT number FROM orders o JOIN pickup_points p ON p.id = o.pickup_point_id"
        " WHERE p.is_delivery = 0 LIMIT 1"
    )
    with pytest.raises(OtherRound):
        rounds.find(ana.id, pickup)
    assert len(rounds.round_stops(ana.id)) == len(rounds.sheets.run_sheets(method)[0].stops)
    added = rounds.add_stop(ana.id, ben_stop.number, "Sam")  # the volunteer said yes
    assert rounds.find(ana.id, ben_stop.number).order_id == added.order_id


def test_a_sheet_printed_after_a_round_keeps_only_what_is_left_to_deliver(
    services: Services,
) -> None:
    rounds = services.rounds
    method = rounds.sheets.delivery_methods()[0].id
    before = [s.order_id for s in rounds.sheets.stops(method)]
    row = rounds.open_round(method, "", "Sam")
    delivered, refused, later, again = [
        s.order_id for s in rounds.round_stops(row.id) if _due(services.store, s.order_id) <= 0
    ][:4]
    rounds.record(row.id, delivered, "delivered", event_id=new_id(), volunteer="Sam")
    rounds.record(row.id, refused, "refused", event_id=new_id(), volunteer="Sam")
    rounds.record(row.id, later, "not_home", event_id=new_id(), volunteer="Sam",
                  next_step="pickup_later")  # fmt: skip
    rounds.record(row.id, again, "not_home", event_id=new_id(), volunteer="Sam",
                  next_step="second_attempt")  # fmt: skip
    (sheet,) = rounds.sheets.run_sheets(method)
    left = [s.order_id for s in sheet.stops]
    assert sorted(left) == sorted(set(before) - {delivered, refused, later})
    assert again in left and sheet.settled == 3
