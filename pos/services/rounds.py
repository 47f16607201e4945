"""Delivery rounds: run sheets per delivery method and driver, and the round back at the hub.

A round is opened for one delivery method and driver; its stops are fixed then, in run-sheet
order. Each outcome is one transaction with its audit row: a delivered stop is a collection
checkout (with the doorstep payments and the outbox desired state, so push ships and captures
it exactly like a pickup); a stop nobody was home at, or that was refused, is recorded on the
stop only, and nothing goes to OFN for it. The round's cash is counted against the float plus
the doorstep cash, like a till session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pos.domain import settings as cfg
from pos.domain.checkout import (
    CASH,
    Checkout,
    CheckoutDraft,
    Payment,
    Tender,
    checkout_lines,
    settle,
)
from pos.domain.models import OrderCycle, PickupPoint
from pos.domain.rounds import (
    DELIVERED_MISSING,
    HANDED_OVER,
    NEXT_STEPS,
    NOT_HOME,
    OUTCOMES,
    PENDING,
    Address,
    RoundMoney,
    RoundPlan,
    Stop,
    split_rounds,
)
from pos.domain.text import looks_like_a_code
from pos.errors import KnownError
from pos.services.checkout import CheckoutService, LeftOwingNeedsReason
from pos.services.lists import plan_bags, to_pack_order
from pos.store import Store
from pos.store.checkouts import CheckoutRepository
from pos.store.db import new_id, utcnow
from pos.store.orders import OrderRepository
from pos.store.packing import PackingOrder, PackingQueries
from pos.store.rounds import RoundRepository, RoundRow, StopRow


class OtherRound(KnownError):
    """The scanned order is a stop of another round (or of no round): ask before recording.

    ``kind``: ``round`` (on the round ``name``), ``delivery`` (a delivery of the method
    ``name`` not on any round yet) or ``pickup`` (an order collected at a pickup point).
    """

    def __init__(self, number: str, kind: str, name: str = "") -> None:
        if kind == "round":
            super().__init__("round.other_round", number=number, where=name)
        else:
            super().__init__("round.not_on_a_round", number=number)
        self.number = number
        self.kind = kind
        self.name = name


@dataclass(frozen=True, slots=True)
class RunSheet:
    """One printed sheet: a delivery method, a driver (maybe none), its stops in order."""

    method: PickupPoint
    driver: str
    stops: tuple[Stop, ...]
    settled: int = 0  # orders of the method already handed over, refused or to pick up


class RunSheets:
    """Which delivery orders go on which driver's sheet, in which order (no writing but plans)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.repo = RoundRepository(store)
        self.orders = OrderRepository(store)
        self.packing = PackingQueries(store)

    def delivery_methods(self) -> list[PickupPoint]:
        return [p for p in self.orders.pickup_points() if p.is_delivery]

    def cycle(self) -> OrderCycle | None:
        return self.packing.cycle()

    def plan(self, method_id: int) -> RoundPlan:
        plans: dict[str, object] = self.store.settings.get(cfg.DELIVERY_ROUND_PLANS)
        return RoundPlan.from_json(plans.get(str(method_id)))

    def save_plan(self, method_id: int, plan: RoundPlan, actor: str = "staff") -> None:
        with self.store.transaction():
            stored: dict[str, Any] = self.store.settings.get(cfg.DELIVERY_ROUND_PLANS)
            plans = {**stored, str(method_id): plan.to_json()}
            self.store.settings.set(cfg.DELIVERY_ROUND_PLANS, plans)
            self.store.audit(
                "rounds.plan", entity="pickup_point", entity_id=str(method_id), actor=actor,
                role="staff", details=plan.to_json(),
            )  # fmt: skip

    def save_order(self, method_id: int, driver: str, order_ids: Sequence[int]) -> None:
        """Keep this stop order for the driver; stops are keyed by customer for next cycle."""
        stops = {s.order_id: s for s in self.stops(method_id)}
        keys = [stops[o].key for o in order_ids if o in stops]
        plan = self.plan(method_id)
        saved = dict(plan.saved)
        saved[driver] = keys
        self.save_plan(method_id, RoundPlan(plan.drivers, saved))

    def settled(self, method_id: int, cycle_id: int | None = None) -> int:
        """Orders of the method no round needs any more (handed over, refused, or coming to a
        pickup point instead): a sheet printed after a round leaves them out and says so."""
        return len(self._orders(method_id, cycle_id)[1])

    def _orders(
        self, method_id: int, cycle_id: int | None
    ) -> tuple[list[PackingOrder], list[PackingOrder]]:
        cycle = self.packing.cycle(cycle_id)
        if cycle is None:
            return [], []
        orders = self.packing.orders(cycle.id, pickup_point_id=method_id)
        done = self.repo.settled_orders([o.id for o in orders])
        return (
            [o for o in orders if not o.collected and o.id not in done],
            [o for o in orders if o.collected or o.id in done],
        )

    def stops(self, method_id: int, cycle_id: int | None = None) -> list[Stop]:
        """The orders of the cycle on this delivery method still to deliver, unordered."""
        orders = self._orders(method_id, cycle_id)[0]
        addresses = self.repo.ship_addresses([o.id for o in orders])
        customers = self.repo.customer_ids([o.id for o in orders])
        capacity = max(1, self.store.settings.get(cfg.BAG_CAPACITY))
        result = []
        for o in orders:
            pack = to_pack_order(o, {})
            bags = plan_bags(pack, capacity)
            address = addresses.get(o.id) or Address()
            result.append(
                Stop(
                    order_id=o.id,
                    number=o.number,
                    customer_id=customers.get(o.id),
                    first_name=o.first_name,
                    last_name=o.last_name,
                    phone=address.phone or o.phone,
                    address=address,
                    instructions=o.special_instructions,
                    amount_due=max(0, o.outstanding),
                    payment_method=pack.payment_method,
                    bags=len(bags),
                    chilled_bags=sum(1 for b in bags if b.chilled),
                    pickup_point_id=method_id,
                )
            )
        return result

    def run_sheets(
        self, method_id: int | None = None, cycle_id: int | None = None
    ) -> list[RunSheet]:
        """One sheet per delivery method and driver, each in its stop order."""
        methods = self.delivery_methods()
        if method_id is not None:
            methods = [m for m in methods if m.id == method_id]
        sheets = []
        for method in methods:
            rounds = split_rounds(self.stops(method.id, cycle_id), self.plan(method.id))
            settled = self.settled(method.id, cycle_id)
            for driver, stops in rounds.items():
                sheets.append(RunSheet(method, driver, tuple(stops), settled))
        return sheets


class RoundsService:
    def __init__(self, store: Store, checkout: CheckoutService) -> None:
        self.store = store
        self.checkout = checkout
        self.repo = RoundRepository(store)
        self.orders = OrderRepository(store)
        self.checkouts = CheckoutRepository(store)
        self.packing = PackingQueries(store)
        self.sheets = RunSheets(store)

    @property
    def till_id(self) -> str:
        """Rounds number their receipts apart from the till's ("T1D-000001")."""
        return f"{self.checkout.till_id}D"

    # the round back at the hub ---------------------------------------------------
    def open_round(
        self, method_id: int, driver: str, volunteer: str, float_amount: int = 0
    ) -> RoundRow:
        """Start recording a round (or return the one already open for this driver)."""
        volunteer = volunteer.strip()
        if not volunteer:
            raise KnownError("round.volunteer_missing")
        if float_amount < 0:
            raise KnownError("round.float_negative")
        cycle = self.packing.cycle()
        cycle_id = cycle.id if cycle else None
        existing = self.repo.open_round_for(method_id, driver, cycle_id)
        if existing:
            row = self.repo.get_round(existing)
            assert row is not None
            return row
        sheet = next(
            (s for s in self.sheets.run_sheets(method_id) if s.driver == driver),
            None,
        )
        if sheet is None and driver:
            raise KnownError("round.no_such_driver", driver=driver)
        stops = sheet.stops if sheet else ()
        row = RoundRow(
            new_id(), method_id, "", driver, cycle_id, utcnow(), volunteer, float_amount,
            None, None, None, None,
        )  # fmt: skip
        with self.store.transaction():
            self.repo.insert_round(
                row, [(new_id(), s.order_id, i) for i, s in enumerate(stops, start=1)]
            )
            self.store.audit(
                "round.open", entity="round", entity_id=row.id, actor=volunteer,
                till_id=self.till_id,
                details={"method": method_id, "driver": driver, "stops": len(stops),
                         "float": float_amount},
            )  # fmt: skip
        result = self.repo.get_round(row.id)
        assert result is not None
        return result

    def get_round(self, round_id: str) -> RoundRow:
        row = self.repo.get_round(round_id)
        if row is None:
            raise KnownError("round.missing")
        return row

    def open_rounds(self) -> list[RoundRow]:
        cycle = self.packing.cycle()
        return self.repo.rounds(cycle.id if cycle else None, open_only=True)

    def round_stops(self, round_id: str) -> list[StopRow]:
        return self.repo.stops(round_id)

    def find(self, round_id: str, text: str) -> StopRow:
        """The stop a scanned QR or typed order number names; another round's is refused."""
        number = text.strip().upper()
        for stop in self.repo.stops(round_id):
            if stop.number.upper() == number:
                return stop
        order = self.orders.by_number(number)
        if order is None:
            raise KnownError("round.order_unknown", number=text.strip())
        others = [s for s in self.repo.stops_of_order(order.id) if s.round_id != round_id]
        if others:
            other = self.repo.get_round(others[-1].round_id)
            where = "" if other is None else other.method_name
            if other is not None and other.driver:
                where += f" · {other.driver}"
            raise OtherRound(order.number, "round", where)
        point = next(
            (p for p in self.orders.pickup_points() if p.id == order.pickup_point_id), None
        )
        if point is None or not point.is_delivery:
            raise OtherRound(order.number, "pickup")
        raise OtherRound(order.number, "delivery", point.name)

    def add_stop(self, round_id: str, number: str, volunteer: str) -> StopRow:
        """Record a stop of another round here, after the volunteer confirmed it."""
        row = self.get_round(round_id)
        order = self.orders.by_number(number.strip().upper())
        if order is None:
            raise KnownError("round.order_unknown", number=number.strip())
        with self.store.transaction():
            self.repo.add_stop(row.id, new_id(), order.id)
            self.store.audit(
                "round.add_stop", entity="round", entity_id=row.id, actor=volunteer,
                till_id=self.till_id, details={"order": order.number},
            )  # fmt: skip
        return next(s for s in self.repo.stops(row.id) if s.order_id == order.id)

    def record(
        self,
        round_id: str,
        order_id: int,
        outcome: str,
        *,
        event_id: str,
        volunteer: str,
        tenders: Sequence[Tender] = (),
        missing: Sequence[int] = (),
        next_step: str = "",
        note: str = "",
    ) -> StopRow:
        """Record what happened at one door: one transaction, one event id (retry-safe)."""
        row = self.get_round(round_id)
        stop = next((s for s in self.repo.stops(round_id) if s.order_id == order_id), None)
        if stop is None:
            raise KnownError("round.not_a_stop")
        if stop.id == event_id:  # the same event committed again: nothing new happens
            return stop
        if row.closed_at is not None:
            raise KnownError("round.closed")
        if outcome not in OUTCOMES:
            raise KnownError("round.outcome_unknown", outcome=outcome)
        if stop.outcome in HANDED_OVER:
            raise KnownError("round.already_delivered", number=stop.number)
        if outcome == NOT_HOME and next_step not in NEXT_STEPS:
            raise KnownError("round.next_step_missing")
        note = note.strip()
        now = utcnow()
        checkout_id = None
        with self.store.transaction():
            if outcome in HANDED_OVER:
                checkout_id = self._deliver(row, order_id, outcome, event_id, volunteer,
                                            tenders, missing, note, now)  # fmt: skip
            self.repo.set_outcome(
                round_id, order_id, event_id=event_id, outcome=outcome,
                next_step=next_step if outcome == NOT_HOME else "", checkout_id=checkout_id,
                note=note, at=now, by=volunteer,
            )  # fmt: skip
            self.store.audit(
                f"round.{outcome}", entity="order", entity_id=str(order_id), actor=volunteer,
                till_id=self.till_id,
                details={"round": round_id, "order": stop.number, "next_step": next_step,
                         "checkout_id": checkout_id, "note": note},
            )  # fmt: skip
        return next(s for s in self.repo.stops(round_id) if s.order_id == order_id)

    def _deliver(
        self,
        row: RoundRow,
        order_id: int,
        outcome: str,
        event_id: str,
        volunteer: str,
        tenders: Sequence[Tender],
        missing: Sequence[int],
        note: str,
        now: str,
    ) -> str:
        """The collection checkout of a delivered stop (inside the caller's transaction)."""
        order = self.orders.get(order_id)
        if order is None:
            raise KnownError("checkout.order_missing")
        if order.is_cancelled:
            raise KnownError("checkout.order_cancelled")
        if self.checkouts.live_collection_id(order_id):
            raise KnownError("round.handed_over_at_till", number=order.number)
        draft = CheckoutDraft(order=order, checkout_id=event_id)
        for line_id in missing:
            draft.mark_missing(line_id)
        if outcome == DELIVERED_MISSING and not draft.edits:
            raise KnownError("round.missing_items_unmarked")
        handover = draft.handover()
        settlement = settle(handover.amount_due, tuple(tenders))
        if settlement.left_owing > 0 and (not note or looks_like_a_code(note)):
            raise LeftOwingNeedsReason(settlement.left_owing)
        checkout = Checkout(
            id=event_id, receipt_no=self.checkouts.next_receipt_no(self.till_id),
            kind="collection", till_id=self.till_id, volunteer=volunteer, created_at=now,
            currency=order.currency, order_id=order.id, session_id=None,
            pickup_point_id=row.pickup_point_id, goods_total=handover.goods_total,
            fees_total=handover.fees_total, credit_amount=settlement.credit_amount,
            amount_due=settlement.amount_due, amount_paid=settlement.amount_paid,
            change_given=settlement.change_given, left_owing=settlement.left_owing, note=note,
            lines=checkout_lines(handover),
            payments=tuple(
                Payment(new_id(), p.method, p.amount, p.tendered, p.change, p.reference, now)
                for p in settlement.payments
            ),
        )  # fmt: skip
        self.checkouts.insert(checkout)
        self.checkouts.upsert_outbox(order.id, self.checkout.desired_state(order.id))
        return checkout.id

    def close_round(
        self, round_id: str, counted: int, volunteer: str, note: str = ""
    ) -> RoundMoney:
        """Count the round's cash against the float plus what was taken on the doorstep."""
        row = self.get_round(round_id)
        if counted < 0:
            raise KnownError("round.counted_negative")
        money = self.money(round_id)
        counted_money = RoundMoney(money.float_amount, money.cash_taken, counted)
        pending = [s for s in self.repo.stops(round_id) if s.outcome == PENDING]
        if pending and not note.strip():
            raise KnownError("round.stops_pending", count=len(pending))
        with self.store.transaction():
            if not self.repo.close_round(
                row.id, at=utcnow(), by=volunteer, expected=counted_money.expected,
                counted=counted, note=note.strip(),
            ):  # fmt: skip
                raise KnownError("round.already_closed")
            self.store.audit(
                "round.close", entity="round", entity_id=row.id, actor=volunteer,
                till_id=self.till_id,
                details={"expected": counted_money.expected, "counted": counted,
                         "difference": counted_money.difference, "note": note.strip()},
            )  # fmt: skip
        return counted_money

    def money(self, round_id: str) -> RoundMoney:
        row = self.get_round(round_id)
        return RoundMoney(row.float_amount, self.repo.cash_taken(round_id, CASH), row.counted_cash)
