"""What the hub allows push to do in OFN (ofn-api.md, Corrections 4 and 7).

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

from pos.messages import Phrase, phrase
from pos.store import Store

METHODS_KEY = "ofn_payment_methods"  # {OFN method name: till method code} paid at pickup
SHIP_KEY = "ofn_mark_shipped"  # bool; default True (what sync always did)
LATE_SHIP = timedelta(hours=24)  # a "picked up" email this long after the collection is flagged


@dataclass(frozen=True, slots=True)
class PushRules:
    at_pickup: dict[str, str] = field(default_factory=dict)  # OFN name -> till method code
    mark_shipped: bool = True

    @classmethod
    def load(cls, store: Store) -> PushRules:
        raw = store.get_setting(METHODS_KEY, {})
        at_pickup: dict[str, str] = {}
        if isinstance(raw, dict):
            for name, code in raw.items():
                if isinstance(name, str) and isinstance(code, str) and name.strip() and code:
                    at_pickup[name.strip()] = code
        return cls(at_pickup, store.get_setting(SHIP_KEY, True) is not False)

    def save(self, store: Store, actor: str = "staff") -> None:
        with store.transaction():
            store.set_setting(METHODS_KEY, dict(sorted(self.at_pickup.items())))
            store.set_setting(SHIP_KEY, self.mark_shipped)
            store.audit(
                "settings.sync_rules", entity="settings", entity_id=METHODS_KEY,
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
