"""Collection-day checkout: hand an order over, take what is owed, sell walk-ins, undo.

Each commit is ONE transaction holding the checkout, its lines and payments, the audit
row and (for orders) the outbox desired state; the receipt print job is queued right
after it commits. A draft carries the checkout's UUID from the start, so committing it
twice returns the first result instead of writing a second event.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pos.domain import settings as s
from pos.domain.checkout import (
    Checkout,
    CheckoutDraft,
    CheckoutLine,
    CollectionInfo,
    Payment,
    Settlement,
    Tender,
    WalkInItem,
    WalkInProduct,
    checkout_lines,
    settle,
)
from pos.domain.models import FALLBACK_CURRENCY
from pos.domain.money import format_money
from pos.domain.outbox import DesiredState
from pos.domain.text import looks_like_a_code
from pos.errors import KnownError
from pos.languages import SOURCE
from pos.services.methods import method_labels
from pos.services.reversal import record_reversal
from pos.services.roles import StaffRoles
from pos.services.till import NoTillSession, TillService
from pos.store import Store
from pos.store.checkouts import CheckoutRepository, DuplicateCollection
from pos.store.db import new_id, utcnow
from pos.store.orders import OrderRepository
from receipts.i18n import translations

log = logging.getLogger(__name__)


class AlreadyCollected(KnownError):
    def __init__(self, info: CollectionInfo) -> None:
        super().__init__("checkout.already_collected", receipt=info.receipt_no)
        self.info = info


class LeftOwingNeedsReason(KnownError):
    """Money would be left owing and nobody said why: a deliberate step, never a default."""

    def __init__(self, left_owing: int) -> None:
        super().__init__("checkout.reason_needed")
        self.left_owing = left_owing


class UndoNeedsReason(KnownError):
    """An undo without a reason: the reason field is where to look."""

    def __init__(self) -> None:
        super().__init__("checkout.undo_reason_missing")


@dataclass(frozen=True, slots=True)
class UndoCandidate:
    """A checkout that can be undone, with whom it was for (the undo list shows it)."""

    checkout: Checkout
    customer_name: str  # "" for a walk-in sale


@dataclass(frozen=True, slots=True)
class PaymentMethod:
    code: str
    label: str


@dataclass(frozen=True, slots=True)
class CheckoutResult:
    checkout: Checkout
    print_job_id: str | None
    #: the sale is saved but its receipt could not be queued (e.g. the disk filled up)
    receipt_failed: bool = False

    @property
    def receipt_no(self) -> str:
        return self.checkout.receipt_no


def desired_state_of(
    repo: CheckoutRepository, order_id: int, currency: Callable[[], str]
) -> DesiredState:
    """The desired state of an order: its live collection's, else not collected. The live
    collection is this till's own, else another till's merged from the journal, so a merged
    hand-over leaves the outbox as a local one would."""
    live_id = repo.live_collection_id(order_id)
    live = repo.get(live_id) if live_id else None
    if live is None:
        return DesiredState.not_collected(currency())
    return DesiredState.of_collection(live)


class CheckoutService:
    def __init__(
        self,
        store: Store,
        till: TillService,
        roles: StaffRoles,
        *,
        till_id: str | None = None,
        currency: str = FALLBACK_CURRENCY,
    ) -> None:
        self.store = store
        self.till = till
        self.roles = roles
        self.till_id = till_id or store.settings.get(s.TILL_LABEL)
        self.currency = currency
        self.repo = CheckoutRepository(store)
        self.orders = OrderRepository(store)
        self._drafts: dict[str, CheckoutDraft] = {}
        till.busy = self.busy

    # payment methods ----------------------------------------------------------------
    def payment_methods(self, language: str = SOURCE) -> list[PaymentMethod]:
        """The methods the hub offers, cash first, labelled for a reader of ``language``."""
        translate = translations(language).gettext
        methods = self.store.settings.get(s.PAYMENT_METHODS)
        return [PaymentMethod(m.code, m.shown(translate)) for m in methods.offered()]

    def method_labels(self, language: str = SOURCE) -> dict[str, str]:
        """Code -> label of every method, offered or not (old payments name them too)."""
        return method_labels(self.store, language)

    # drafts -------------------------------------------------------------------------
    def start(self, order_id: int) -> CheckoutDraft:
        """Begin checking out an order (nothing is written until commit)."""
        order = self.orders.get(order_id)
        if order is None:
            raise KnownError("checkout.order_missing")
        draft = CheckoutDraft(order=order, checkout_id=new_id())
        self._drafts = {draft.checkout_id: draft}  # one checkout at a time at a till
        return draft

    def discard(self, draft: CheckoutDraft | None) -> None:
        if draft is not None:
            self._drafts.pop(draft.checkout_id, None)

    def busy(self) -> bool:
        """A checkout is under way: lines edited or money entered, not yet committed."""
        return any(d.in_progress for d in self._drafts.values())

    def collection_info(self, order_id: int) -> CollectionInfo | None:
        return self.repo.collection_info(order_id)

    def volunteer(self) -> str:
        """Who is at the till: the open session's volunteer, else the name given this shift."""
        return self.till.shift_volunteer()

    def needs_volunteer_name(self) -> bool:
        """No open till and no name given this shift: ask once, so hand-overs say who."""
        return not self.till.shift_volunteer()

    def collected_checkout(self, order_id: int) -> Checkout | None:
        """The live collection of an order, with its lines as actually handed over."""
        live_id = self.repo.live_collection_id(order_id)
        return self.repo.get(live_id) if live_id else None

    # collection ---------------------------------------------------------------------
    def preview(
        self,
        draft: CheckoutDraft,
        tenders: list[Tender] | tuple[Tender, ...] = (),
        *,
        keep_change_as_credit: bool = False,
        refund_credit_in_cash: bool = False,
    ) -> Settlement:
        return settle(
            draft.handover().amount_due, tenders,
            keep_change_as_credit=keep_change_as_credit,
            refund_credit_in_cash=refund_credit_in_cash,
        )  # fmt: skip

    def collect(
        self,
        draft: CheckoutDraft,
        tenders: list[Tender] | tuple[Tender, ...] = (),
        *,
        note: str = "",
        keep_change_as_credit: bool = False,
        refund_credit_in_cash: bool = False,
    ) -> CheckoutResult:
        """Hand the order over and record the payments: one transaction, then the receipt."""
        existing = self.repo.get(draft.checkout_id)
        if existing is not None:  # the same draft committed again: nothing new happens
            return CheckoutResult(existing, None)
        order = draft.order
        if order.is_cancelled:
            raise KnownError("checkout.order_cancelled")
        info = self.repo.collection_info(order.id)
        if info is not None:
            raise AlreadyCollected(info)
        handover = draft.handover()
        settlement = self.preview(
            draft, tenders, keep_change_as_credit=keep_change_as_credit,
            refund_credit_in_cash=refund_credit_in_cash,
        )  # fmt: skip
        session = self.till.current()
        if session is None and (settlement.payments or settlement.amount_due > 0):
            raise NoTillSession()  # before the reason: opening the till comes first
        note = note.strip()
        if settlement.left_owing > 0 and (not note or looks_like_a_code(note)):
            raise LeftOwingNeedsReason(settlement.left_owing)  # a scanned bag is no reason
        now = utcnow()
        lines = checkout_lines(handover)
        volunteer = self.volunteer()
        with self.store.transaction():
            checkout = Checkout(
                id=draft.checkout_id, receipt_no=self.repo.next_receipt_no(self.till_id),
                kind="collection", till_id=self.till_id, volunteer=volunteer, created_at=now,
                currency=order.currency, order_id=order.id,
                session_id=session.id if session else None,
                pickup_point_id=self._pickup_point(session),
                goods_total=handover.goods_total, fees_total=handover.fees_total,
                credit_amount=settlement.credit_amount, amount_due=settlement.amount_due,
                amount_paid=settlement.amount_paid, change_given=settlement.change_given,
                left_owing=settlement.left_owing, note=note, lines=lines,
                payments=self._payments(settlement, now),
            )  # fmt: skip
            try:
                self.repo.insert(checkout)
            except DuplicateCollection as exc:
                info = self.repo.collection_info(order.id)
                if info is None:  # pragma: no cover - the index and the query disagree
                    raise
                raise AlreadyCollected(info) from exc
            self.repo.upsert_outbox(order.id, self.desired_state(order.id))
            self.store.audit(
                "checkout.collect", entity="checkout", entity_id=checkout.id, actor=volunteer,
                till_id=self.till_id,
                details={
                    "order": order.number, "receipt_no": checkout.receipt_no,
                    "amount_due": checkout.amount_due, "paid": checkout.amount_paid,
                    "change": checkout.change_given, "left_owing": checkout.left_owing,
                    "credit": checkout.credit_amount,
                    "changed_lines": [
                        {"line_item_id": li.line_item_id, "status": li.status,
                         "quantity": li.quantity} for li in lines if li.status != "ok"
                    ],
                },
            )  # fmt: skip
        self.discard(draft)
        return self._with_receipt(checkout)

    def _pickup_point(self, session: Any) -> int | None:
        if session is not None and session.pickup_point_id is not None:
            return int(session.pickup_point_id)
        return self.store.settings.get(s.TILL_PICKUP_POINT)

    @staticmethod
    def _payments(settlement: Settlement, now: str) -> tuple[Payment, ...]:
        return tuple(
            Payment(new_id(), p.method, p.amount, p.tendered, p.change, p.reference, now)
            for p in settlement.payments
        )

    def _with_receipt(self, checkout: Checkout) -> CheckoutResult:
        """Queue the receipt; the sale is already safe, so a failure is logged and reported."""
        try:
            return CheckoutResult(checkout, self.repo.queue_print("receipt", checkout.id))
        except Exception:
            log.exception("could not queue the receipt for %s", checkout.receipt_no)
            return CheckoutResult(checkout, None, receipt_failed=True)

    def reprint(self, checkout_id: str) -> str:
        if not self.repo.exists(checkout_id):
            raise KnownError("checkout.missing")
        return self.repo.queue_print("receipt", checkout_id, is_copy=True)

    # outbox -------------------------------------------------------------------------
    def desired_state(self, order_id: int) -> DesiredState:
        """What the till believes about the order: what push makes OFN show."""

        def currency() -> str:
            order = self.orders.get(order_id)
            return order.currency if order else self.currency

        return desired_state_of(self.repo, order_id, currency)

    # walk-in sales ------------------------------------------------------------------
    def walk_in_products(self) -> list[WalkInProduct]:
        return self.repo.walk_in_products(self.store.settings.get(s.ORDER_CYCLE_ID))

    def sell_walk_in(
        self,
        items: list[WalkInItem] | tuple[WalkInItem, ...],
        tenders: list[Tender] | tuple[Tender, ...],
        *,
        note: str = "",
        keep_change_as_credit: bool = False,
        checkout_id: str | None = None,
    ) -> CheckoutResult:
        """Sell items to someone with no order: always paid through an open till."""
        if checkout_id and (existing := self.repo.get(checkout_id)) is not None:
            return CheckoutResult(existing, None)
        if not items:
            raise KnownError("checkout.walk_in_empty")
        for item in items:
            if not item.product_name.strip():
                raise KnownError("checkout.item_name_missing")
            if item.unit_price <= 0 or item.quantity <= 0:
                raise KnownError("checkout.item_invalid")
        session = self.till.require_open()
        goods = sum(item.amount for item in items)
        settlement = settle(goods, tenders, keep_change_as_credit=keep_change_as_credit)
        note = note.strip()
        if settlement.left_owing > 0 and (not note or looks_like_a_code(note)):
            raise LeftOwingNeedsReason(settlement.left_owing)  # a scanned bag is no reason
        now = utcnow()
        lines = tuple(
            CheckoutLine(
                product_name=item.product_name.strip(),
                variant_name=item.variant_name,
                quantity_ordered=0,
                quantity=item.quantity,
                unit_price=item.unit_price,
                amount=item.amount,
                variant_id=item.variant_id,
                producer_id=item.producer_id,
            )
            for item in items
        )
        with self.store.transaction():
            checkout = Checkout(
                id=checkout_id or new_id(), receipt_no=self.repo.next_receipt_no(self.till_id),
                kind="walk_in", till_id=self.till_id, volunteer=session.volunteer,
                created_at=now, currency=self.currency, session_id=session.id,
                pickup_point_id=self._pickup_point(session), goods_total=goods,
                credit_amount=settlement.credit_amount, amount_due=goods,
                amount_paid=settlement.amount_paid, change_given=settlement.change_given,
                left_owing=settlement.left_owing, note=note, lines=lines,
                payments=self._payments(settlement, now),
            )  # fmt: skip
            self.repo.insert(checkout)
            self.store.audit(
                "checkout.walk_in", entity="checkout", entity_id=checkout.id,
                actor=session.volunteer, till_id=self.till_id,
                details={"receipt_no": checkout.receipt_no, "goods": goods,
                         "paid": checkout.amount_paid, "items": len(lines)},
            )  # fmt: skip
        return self._with_receipt(checkout)

    # undo ---------------------------------------------------------------------------
    def reversible(self) -> list[Checkout]:
        """Checkouts of the current session (and sessionless hand-overs since it opened)."""
        session = self.till.current()
        rows = self.repo.recent(session_id=session.id if session else None, till_id=self.till_id)
        return [c for c in rows if c.kind != "reversal" and c.reversed_at is None]

    def undo_candidates(self) -> list[UndoCandidate]:
        """``reversible()`` with the customer's name of each collected order."""
        rows = self.reversible()
        ids = [c.order_id for c in rows if c.order_id is not None]
        names = {o.id: o.customer_name for o in self.orders.summaries_by_ids(ids)}
        return [UndoCandidate(c, names.get(c.order_id or -1, "")) for c in rows]

    def reverse(self, checkout_id: str, reason: str, *, pin: str | None = None) -> CheckoutResult:
        """Undo a checkout with a new, negating event; the original is kept and marked."""
        reason = reason.strip()
        if not reason:
            raise UndoNeedsReason()
        original = self.repo.get(checkout_id)
        if original is None:
            raise KnownError("checkout.missing")
        if original.kind == "reversal":
            raise KnownError("checkout.undo_of_undo")
        if original.reversed_at is not None:
            raise KnownError("checkout.already_undone", receipt=original.receipt_no)
        if self.repo.is_other_till(original.id):  # merged from its journal: undone there
            raise KnownError("checkout.undo_other_till", till=original.till_id)
        session = self.till.current()
        in_session = session is not None and session.id == original.session_id
        if original.session_id is not None and not in_session:
            raise KnownError("checkout.undo_other_session")
        if original.payments and session is None:
            raise NoTillSession()
        role = self.roles.require("checkout.reverse", pin)
        with self.store.transaction():
            reversal = record_reversal(
                self.store, original, till_id=self.till_id, volunteer=self.volunteer(),
                session_id=session.id if session else None, note=reason, role=role,
            )  # fmt: skip
            if original.order_id is not None:
                self.repo.upsert_outbox(original.order_id, self.desired_state(original.order_id))
        return self._with_receipt(reversal)

    # status -------------------------------------------------------------------------
    def pending_sync_count(self) -> int:
        return self.repo.pending_sync_count()

    def money(self, minor: int) -> str:
        return format_money(minor, self.currency)
