"""Reversing a checkout: the one way, for undo at the till and for staff accepting OFN's
version of a conflicted order.

A reversal is a new checkout event (``kind='reversal'``, :func:`pos.domain.checkout.reversal_of`):
every amount negated, payments refunded by the same methods, numbered by the till's one
receipt sequence, and ``reversed_at`` set on the original. Nothing is deleted. Who may
reverse what (session, PIN, reason) is the caller's rule.
"""

from __future__ import annotations

from pos.domain.checkout import Checkout, reversal_of
from pos.errors import KnownError
from pos.store import Store
from pos.store.checkouts import CheckoutRepository
from pos.store.db import new_id, utcnow


def record_reversal(
    store: Store,
    original: Checkout,
    *,
    till_id: str,
    volunteer: str,
    session_id: str | None,
    note: str,
    role: str,
) -> Checkout:
    """Write the reversal of ``original`` and its audit row; call inside a transaction."""
    repo = CheckoutRepository(store)
    now = utcnow()
    if not repo.mark_reversed(original.id, now):
        raise KnownError("checkout.already_undone", receipt=original.receipt_no)
    reversal = reversal_of(
        original, reversal_id=new_id(), receipt_no=repo.next_receipt_no(till_id),
        till_id=till_id, volunteer=volunteer, created_at=now, session_id=session_id,
        note=note, payment_ids=tuple(new_id() for _ in original.payments),
    )  # fmt: skip
    repo.insert(reversal)
    store.audit(
        "checkout.reverse", entity="checkout", entity_id=reversal.id, actor=volunteer,
        role=role, till_id=till_id,
        details={"reverses": original.id, "receipt_no": original.receipt_no,
                 "order_id": original.order_id, "reason": note,
                 "refund": original.amount_paid},
    )  # fmt: skip
    return reversal
