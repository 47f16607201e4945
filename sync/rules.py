"""What the hub allows push to do in OFN, given how OFN's capture and ship behave (read in
OFN's ``order.rb``, ``payment_serializer.rb`` and ``shipment_mailer.rb``).

OFN's ``capture`` takes the order's first pending payment whatever its method, including a card
payment an online gateway authorised but has not taken; the API gives only the method's name.
So push captures only payments whose OFN method hub staff declared "paid at the pickup point"
and tied to a till method; every other name, known or not, is never captured.

``ship`` makes OFN email the customer at that moment, and nothing can stop or undo the email:
the hub chooses whether sync ships at all, and a ship long after the collection is flagged.

Both live in the hub database's settings (one hub per database file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pos.domain.settings import OFN_MARK_SHIPPED, OFN_PAYMENT_METHODS
from pos.messages import Phrase, phrase
from pos.store import Store

LATE_SHIP = timedelta(hours=24)  # a "picked up" email this long after the collection is flagged


@dataclass(frozen=True, slots=True)
class PushRules:
    at_pickup: dict[str, str] = field(default_factory=dict)  # OFN name -> till method code
    mark_shipped: bool = True

    @classmethod
    def load(cls, store: Store) -> PushRules:
        at_pickup: dict[str, str] = {}
        for name, code in store.settings.get(OFN_PAYMENT_METHODS).items():
            if isinstance(name, str) and isinstance(code, str) and name.strip() and code:
                at_pickup[name.strip()] = code
        return cls(at_pickup, store.settings.get(OFN_MARK_SHIPPED))

    def save(self, store: Store, actor: str = "staff") -> None:
        with store.transaction():
            store.settings.set(OFN_PAYMENT_METHODS, dict(sorted(self.at_pickup.items())))
            store.settings.set(OFN_MARK_SHIPPED, self.mark_shipped)
            store.audit(
                "settings.sync_rules", entity="settings", entity_id=OFN_PAYMENT_METHODS.key,
                actor=actor, role="staff",
                details={"at_pickup": self.at_pickup, "mark_shipped": self.mark_shipped},
            )  # fmt: skip

    def till_method(self, ofn_name: str) -> str | None:
        """The till method an OFN payment method is paid by at pickup; None: never capture."""
        return self.at_pickup.get(ofn_name.strip())


def collected_long_ago(collected_at: Any, now: datetime | None = None) -> timedelta | None:
    """How long ago the till collected the order, if that is longer than :data:`LATE_SHIP`."""
    if not isinstance(collected_at, str) or not collected_at:
        return None
    try:
        at = datetime.fromisoformat(collected_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    age = (now or datetime.now(UTC)) - at
    return age if age > LATE_SHIP else None


def describe_age(age: timedelta) -> Phrase:
    """How long ago, as a phrase worded in the reader's language."""
    hours = int(age.total_seconds() // 3600)
    return phrase("age.days", days=hours // 24) if hours >= 48 else phrase("age.hours", hours=hours)
