"""Till sessions: open with a float, move cash with a reason, close by counting, Z report."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pos.domain import settings as s
from pos.domain.models import FALLBACK_CURRENCY
from pos.domain.text import looks_like_a_code
from pos.domain.till import CashMovement, TillSession, ZReport, count_total, denominations
from pos.errors import KnownError
from pos.messages import money
from pos.services.roles import StaffRoles
from pos.store import Store
from pos.store.db import new_id, utcnow
from pos.store.search import OrderSearch
from pos.store.till import SessionAlreadyOpen, TillRepository

log = logging.getLogger(__name__)

SHIFT_HOURS = 12  # a name given for sessionless hand-overs is kept this long (one shift)


class NoTillSession(KnownError):
    def __init__(self) -> None:
        super().__init__("till.not_open")


class TillAlreadyOpen(KnownError):
    """This till has an open session already (opened meanwhile, from another dialog)."""

    def __init__(self) -> None:
        super().__init__("till.already_open")


class NameMissing(KnownError):
    """No volunteer name was typed (the name field is where to look)."""

    def __init__(self) -> None:
        super().__init__("till.name_missing")


class NameLooksLikeACode(KnownError):
    """A "volunteer name" that is really a scan (order number, customer code, QR payload)."""

    def __init__(self, name: str) -> None:
        super().__init__("till.name_is_a_code")
        self.name = name


@dataclass(frozen=True, slots=True)
class CloseCheck:
    """What closing with ``counted`` would record, shown to confirm before closing."""

    expected: int
    counted: int
    difference: int
    needs_pin: bool  # a PIN is set and the difference is over the hub's limit


class TillService:
    def __init__(
        self,
        store: Store,
        roles: StaffRoles,
        *,
        till_id: str | None = None,
        currency: str = FALLBACK_CURRENCY,
    ) -> None:
        self.store = store
        self.roles = roles
        self.till_id = till_id or store.settings.get(s.TILL_LABEL)
        self.currency = currency
        self.repo = TillRepository(store)
        # The checkout service tells us whether a checkout is half-way through.
        self.busy: Callable[[], bool] = lambda: False
        #: False when the last close was saved but its Z report could not be queued
        self.z_report_queued = True

    # reading --------------------------------------------------------------------
    def current(self) -> TillSession | None:
        return self.repo.current(self.till_id)

    def require_open(self) -> TillSession:
        session = self.current()
        if session is None:
            raise NoTillSession()
        return session

    def expected_cash(self, session_id: str | None = None) -> int:
        sid = session_id or self.require_open().id
        return self.repo.expected_cash(sid)

    def denominations(self) -> tuple[int, ...]:
        return denominations(self.currency)

    @property
    def difference_limit(self) -> int:
        return self.store.settings.get(s.CLOSE_DIFFERENCE_LIMIT)

    def close_check(self, counted: int) -> CloseCheck:
        """The difference closing now would record, and whether it needs the staff PIN."""
        session = self.require_open()
        if counted < 0:
            raise KnownError("till.counted_negative")
        expected = self.repo.expected_cash(session.id)
        difference = counted - expected
        over = abs(difference) > self.difference_limit
        return CloseCheck(expected, counted, difference, over and self.roles.pin_configured)

    # who is at the till ---------------------------------------------------------------
    def volunteer_name(self, name: str) -> str:
        """A volunteer's name as typed, tidied; refuses empty, too long and scanned codes."""
        name = " ".join("".join(ch for ch in name if ch.isprintable()).split())
        if not name:
            raise NameMissing()
        if len(name) > 80:
            raise KnownError("till.name_too_long", limit=80)
        if looks_like_a_code(name) or OrderSearch(self.store).exact(name):
            raise NameLooksLikeACode(name)
        return name

    def shift_volunteer(self) -> str:
        """Who is at the till: the open session's volunteer, else the name given this shift."""
        session = self.current()
        if session is not None:
            return session.volunteer
        saved = self.store.settings.get(s.SHIFT_VOLUNTEER)
        if not saved or not saved.get("name"):
            return ""
        try:
            since = datetime.fromisoformat(str(saved.get("at", "")).replace("Z", "+00:00"))
        except ValueError:
            return ""
        if datetime.now(UTC) - since > timedelta(hours=SHIFT_HOURS):
            return ""
        return str(saved["name"])

    def set_shift_volunteer(self, name: str) -> str:
        """Remember who hands bags over while no till is open (asked once per shift)."""
        name = self.volunteer_name(name)
        self.store.settings.set(s.SHIFT_VOLUNTEER, {"name": name, "at": utcnow()})
        return name

    # writing --------------------------------------------------------------------
    def open(
        self, volunteer: str, float_amount: int, *, pickup_point_id: int | None = None
    ) -> TillSession:
        volunteer = self.volunteer_name(volunteer)
        if float_amount < 0:
            raise KnownError("till.float_negative")
        if self.current() is not None:
            raise TillAlreadyOpen()
        if pickup_point_id is None:
            pickup_point_id = self.store.settings.get(s.TILL_PICKUP_POINT)
        session = TillSession(
            id=new_id(), till_id=self.till_id, number=self.repo.next_number(self.till_id),
            volunteer=volunteer, opened_at=utcnow(), float_amount=float_amount,
            pickup_point_id=pickup_point_id,
        )  # fmt: skip
        try:
            with self.store.transaction():
                self.repo.insert(session)
                self.store.audit(
                    "till.open", entity="till_session", entity_id=session.id, actor=volunteer,
                    till_id=self.till_id,
                    details={"number": session.number, "float": float_amount},
                )  # fmt: skip
        except SessionAlreadyOpen as exc:
            raise TillAlreadyOpen() from exc
        return session

    def cash_move(self, amount: int, reason: str, *, pin: str | None = None) -> CashMovement:
        """Cash in (positive) or out (negative) of the drawer, outside any sale."""
        session = self.require_open()
        reason = reason.strip()
        if amount == 0:
            raise KnownError("till.move_zero")
        if not reason:
            raise KnownError("till.move_reason_missing")
        expected = self.repo.expected_cash(session.id)
        if expected + amount < 0:
            raise KnownError("till.move_too_large", amount=money(expected, self.currency))
        role = self.roles.require("till.cash_move", pin)
        move = CashMovement(new_id(), session.id, amount, reason, utcnow(), session.volunteer)
        with self.store.transaction():
            self.repo.add_movement(move)
            self.store.audit(
                "till.cash_in" if amount > 0 else "till.cash_out", entity="cash_movement",
                entity_id=move.id, actor=session.volunteer, role=role, till_id=self.till_id,
                details={"amount": amount, "reason": reason, "session_id": session.id},
            )  # fmt: skip
        return move

    def close(
        self,
        counted: int | None = None,
        *,
        counts: dict[int, int] | None = None,
        note: str = "",
        closed_by: str = "",
        pin: str | None = None,
    ) -> ZReport:
        """Close by counting: ``counted`` cash, or a denomination count that adds up to it."""
        session = self.require_open()
        if self.busy():
            raise KnownError("till.checkout_in_progress")
        if counts is not None:
            try:
                total = count_total(counts)
            except ValueError as exc:
                raise KnownError("till.counts_invalid") from exc
            if counted is not None and counted != total:
                raise KnownError("till.counts_mismatch")
            counted = total
        if counted is None:
            raise KnownError("till.count_missing")
        if counted < 0:
            raise KnownError("till.counted_negative")
        expected = self.repo.expected_cash(session.id)
        difference = counted - expected
        role = "volunteer"
        if abs(difference) > self.difference_limit:
            role = self.roles.require("till.close_difference", pin)
        closer = " ".join(closed_by.split()) or session.volunteer
        with self.store.transaction():
            if not self.repo.close(
                session.id, closed_at=utcnow(), closed_by=closer, expected=expected,
                counted=counted, denominations=counts, note=note.strip(),
            ):  # fmt: skip
                raise KnownError("till.session_closed")
            self.store.settings.set(s.SHIFT_VOLUNTEER, None)  # the shift ends with the till
            self.store.audit(
                "till.close", entity="till_session", entity_id=session.id, actor=closer,
                role=role, till_id=self.till_id,
                details={"expected": expected, "counted": counted, "difference": difference},
            )  # fmt: skip
        from pos.store.checkouts import CheckoutRepository

        try:  # the close is saved: a report that cannot be queued is only logged and flagged
            CheckoutRepository(self.store).queue_print("z_report", session.id)
            self.z_report_queued = True
        except Exception:
            log.exception("could not queue the Z report for session %s", session.id)
            self.z_report_queued = False
        return self.z_report(session.id)

    # report ---------------------------------------------------------------------
    def z_report(self, session_id: str | None = None) -> ZReport:
        session = self.repo.get(session_id) if session_id else self.current()
        if session is None:
            raise KnownError("till.session_missing")
        return build_z_report(self.repo, session, self.currency)


def build_z_report(repo: TillRepository, session: TillSession, currency: str) -> ZReport:
    """The session's Z report from the till's own figures: shown on screen, printed alike."""
    sums = repo.checkout_sums(session.id)
    by_method = tuple(repo.totals_by_method(session.id))
    expected = (
        session.expected_cash
        if session.expected_cash is not None
        else repo.expected_cash(session.id)
    )
    return ZReport(
        session=session, currency=currency, by_method=by_method,
        collections=sums["collections"], walk_ins=sums["walk_ins"],
        reversals=sums["reversals"], goods_total=sums["goods_total"],
        fees_total=sums["fees_total"], left_owing=sums["left_owing"],
        credit_amount=sums["credit_amount"],
        cash_payments=sum(m.amount for m in by_method if m.method == "cash"),
        cash_moves=tuple(repo.movements(session.id)), expected_cash=expected,
        counted_cash=session.counted_cash, difference=session.difference,
        pickup_point=repo.pickup_point_name(session.id),
    )  # fmt: skip
