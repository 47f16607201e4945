"""Staff decide a conflict: OFN changed an order after the till recorded events for it.

Keep the till's version: its desired state is queued again, flagged so push acts on it
despite OFN's change (and lists what it cannot do). Accept OFN's version: the live collection
is reversed by the one reversal rule (:mod:`pos.services.reversal`), the OFN copy kept when
the conflict was found replaces the local order, and nothing is left to push. Either way one
transaction, audited as ``sync.conflict.resolved``.
"""

from __future__ import annotations

from pos.domain import journal
from pos.domain.outbox import DesiredState
from pos.domain.settings import TILL_LABEL
from pos.errors import KnownError
from pos.services.reversal import record_reversal
from pos.store import Store
from pos.store.checkouts import CheckoutRepository
from pos.store.conflicts import ConflictCopies
from pos.store.db import utcnow
from pos.store.journal import JournalRepository
from pos.store.orders import OrderRepository
from pos.store.outbox import Outbox
from pos.store.till import TillRepository


class NoOpenConflict(KnownError):
    def __init__(self) -> None:
        super().__init__("sync.conflict_resolved")


class ConflictService:
    def __init__(self, store: Store, *, till_id: str | None = None) -> None:
        self.store = store
        # the till recording a reversal (its receipt sequence)
        self.till_id = till_id or store.settings.get(TILL_LABEL)

    def resolve(self, order_id: int, *, keep_local: bool, actor: str) -> None:
        outbox = Outbox(self.store)
        copies = ConflictCopies(self.store)
        with self.store.transaction():
            item = outbox.get(order_id)
            if item is None or item.status != "conflict":
                raise NoOpenConflict()
            if keep_local:
                if item.desired is None:
                    raise KnownError("sync.record_unreadable", number=item.number)
                outbox.replace_desired(order_id, item.desired.kept_local(), status="pending")
            else:
                self._accept_remote(order_id, item.currency, actor, copies)
            outbox.close_conflict_actions(order_id, actor)
            JournalRepository(self.store).record(
                journal.STAFF_DONE,
                {"kind": "conflict", "order_id": order_id, "keep_local": keep_local,
                 "done_at": utcnow(), "done_by": actor},
            )  # fmt: skip
            copies.mark_resolved(order_id, actor=actor, kept_local=keep_local)
            self.store.audit(
                "sync.conflict.resolved", entity="order", entity_id=str(order_id), actor=actor,
                role="staff", till_id=self.till_id, details={"keep_local": keep_local},
            )  # fmt: skip

    def _accept_remote(
        self, order_id: int, currency: str, actor: str, copies: ConflictCopies
    ) -> None:
        repo = CheckoutRepository(self.store)
        live_id = repo.live_collection_id(order_id)
        original = repo.get(live_id) if live_id else None
        reversal_id: str | None = None
        if original is not None:
            session = TillRepository(self.store).current(self.till_id)
            reversal = record_reversal(
                self.store, original, till_id=self.till_id, volunteer=actor,
                session_id=session.id if session else None,
                note="OFN copy accepted by staff", role="staff",
            )  # fmt: skip
            reversal_id = reversal.id
        Outbox(self.store).replace_desired(
            order_id, DesiredState.remote_accepted(currency, reversal_id), status="done"
        )
        copy = copies.get(order_id)
        if copy is not None and copy.is_open:
            OrderRepository(self.store).save_orders([copy.remote])
