"""What the till wants OFN to show for one order: the outbox's desired state
(docs/design.md rule 3: push desired state, not commands).

The checkout writes it when an order is collected or a collection undone, conflict resolution
when staff keep the till's version or accept OFN's, and push reads it. It is stored as JSON in
``outbox.desired`` with the keys databases already hold, so rows written by earlier versions
read back unchanged. Pure: no SQL, no network.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from pos.domain.checkout import Checkout
from pos.errors import KnownError


class UnreadableDesiredState(KnownError, ValueError):
    """The stored desired state cannot be read (damaged row); the code says which part."""


@dataclass(frozen=True, slots=True)
class TillPayment:
    """A live payment the till took for the order."""

    id: str
    method: str
    amount: int


@dataclass(frozen=True, slots=True)
class ChangedLine:
    """A line handed over other than as ordered (short, missing, weighed)."""

    line_item_id: int | None
    status: str
    quantity: int
    quantity_ordered: int
    final_weight: str | None
    amount: int


@dataclass(frozen=True, slots=True)
class DesiredState:
    collected: bool
    currency: str
    checkout_id: str | None = None
    receipt_no: str = ""
    collected_at: str | None = None  # UTC, when the till handed the order over
    order_total_at_till: int | None = None  # goods + fees as handed over
    payments: tuple[TillPayment, ...] = ()
    left_owing: int = 0
    credit_amount: int = 0
    lines_changed: tuple[ChangedLine, ...] = ()
    staff_kept_local: bool = False  # staff chose the till's version over OFN's change
    accepted_remote: bool = False  # staff chose OFN's version: the collection was reversed
    reversal_id: str | None = None  # the reversal made when OFN's version was accepted

    # making one -------------------------------------------------------------------------
    @classmethod
    def not_collected(cls, currency: str) -> DesiredState:
        return cls(collected=False, currency=currency)

    @classmethod
    def of_collection(cls, live: Checkout) -> DesiredState:
        """The desired state of an order whose live collection is ``live``."""
        return cls(
            collected=True,
            currency=live.currency,
            checkout_id=live.id,
            receipt_no=live.receipt_no,
            collected_at=live.created_at,
            order_total_at_till=live.goods_total + live.fees_total,
            payments=tuple(TillPayment(p.id, p.method, p.amount) for p in live.payments),
            left_owing=live.left_owing,
            credit_amount=live.credit_amount,
            lines_changed=tuple(
                ChangedLine(
                    li.line_item_id, li.status, li.quantity, li.quantity_ordered,
                    None if li.final_weight is None else str(li.final_weight), li.amount,
                )
                for li in live.lines
                if li.status != "ok"
            ),
        )  # fmt: skip

    def kept_local(self) -> DesiredState:
        """Staff keep the till's version: push acts on it despite OFN's change."""
        return replace(self, staff_kept_local=True)

    @classmethod
    def remote_accepted(cls, currency: str, reversal_id: str | None) -> DesiredState:
        """Staff accept OFN's version: nothing collected here any more, nothing to push."""
        return cls(
            collected=False, currency=currency, accepted_remote=True, reversal_id=reversal_id
        )

    # reading ----------------------------------------------------------------------------
    @property
    def paid_at_till(self) -> int:
        return sum(p.amount for p in self.payments)

    @property
    def by_method(self) -> dict[str, int]:
        """Live till payments summed per method (methods summing to zero left out)."""
        sums: dict[str, int] = {}
        for p in self.payments:
            sums[p.method] = sums.get(p.method, 0) + p.amount
        return {m: a for m, a in sums.items() if a}

    @property
    def short_or_missing(self) -> int:
        return sum(1 for x in self.lines_changed if x.status in ("missing", "short"))

    # storing ----------------------------------------------------------------------------
    def to_json(self) -> str:
        data: dict[str, Any] = {
            "collected": self.collected,
            "checkout_id": self.checkout_id,
            "receipt_no": self.receipt_no or None,
            "collected_at": self.collected_at,
            "currency": self.currency,
            "order_total_at_till": self.order_total_at_till,
            "payments": [{"id": p.id, "method": p.method, "amount": p.amount}
                         for p in self.payments],
            "paid_at_till": self.paid_at_till,
            "left_owing": self.left_owing,
            "credit_amount": self.credit_amount,
            "lines_changed": [
                {"line_item_id": x.line_item_id, "status": x.status, "quantity": x.quantity,
                 "quantity_ordered": x.quantity_ordered, "final_weight": x.final_weight,
                 "amount": x.amount}
                for x in self.lines_changed
            ],
        }  # fmt: skip
        if self.staff_kept_local:
            data["staff_kept_local"] = True
        if self.accepted_remote:
            data["accepted_remote"] = True
            data["reversal_id"] = self.reversal_id
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, currency: str) -> DesiredState:
        """Read a stored desired state; ``currency`` is the order's, for rows without one.

        Raises :class:`UnreadableDesiredState` for anything that is not a desired state.
        """
        try:
            d = json.loads(text)
        except (ValueError, TypeError):
            raise UnreadableDesiredState("till.record_unreadable") from None
        if not isinstance(d, dict) or not isinstance(d.get("collected"), bool):
            raise UnreadableDesiredState("till.record_unreadable")
        raw_payments = d.get("payments")
        if raw_payments is None:
            raw_payments = []
        if not isinstance(raw_payments, list):
            raise UnreadableDesiredState("till.payments_unreadable")
        payments = []
        for p in raw_payments:
            if not isinstance(p, dict) or not isinstance(p.get("method"), str):
                raise UnreadableDesiredState("till.payment_unreadable")
            payments.append(TillPayment(str(p.get("id") or ""), p["method"], _amount(p, "amount")))
        lines = d.get("lines_changed") or []
        total = d.get("order_total_at_till")
        return cls(
            collected=d["collected"],
            currency=str(d.get("currency") or currency),
            checkout_id=_text_or_none(d.get("checkout_id")),
            receipt_no=str(d.get("receipt_no") or ""),
            collected_at=_text_or_none(d.get("collected_at")),
            order_total_at_till=total if _is_int(total) else None,
            payments=tuple(payments),
            left_owing=_amount(d, "left_owing"),
            credit_amount=_amount(d, "credit_amount"),
            lines_changed=tuple(
                _line(x) for x in (lines if isinstance(lines, list) else []) if isinstance(x, dict)
            ),
            staff_kept_local=d.get("staff_kept_local") is True,
            accepted_remote=d.get("accepted_remote") is True,
            reversal_id=_text_or_none(d.get("reversal_id")),
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _amount(d: dict[str, Any], key: str) -> int:
    value = d.get(key, 0)
    if value is None:
        return 0
    if not _is_int(value):
        raise UnreadableDesiredState("till.record_amount", field=key)
    return int(value)


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _line(x: dict[str, Any]) -> ChangedLine:
    line_id = x.get("line_item_id")
    weight = x.get("final_weight")
    return ChangedLine(
        line_item_id=line_id if _is_int(line_id) else None,
        status=str(x.get("status") or ""),
        quantity=x["quantity"] if _is_int(x.get("quantity")) else 0,
        quantity_ordered=x["quantity_ordered"] if _is_int(x.get("quantity_ordered")) else 0,
        final_weight=weight if isinstance(weight, str) else None,
        amount=x["amount"] if _is_int(x.get("amount")) else 0,
    )
