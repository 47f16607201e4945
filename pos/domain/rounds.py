"""Delivery rounds: stops in a driver's order, who drives which, what happened at each door.

Plain rules on plain records, so the ordering and splitting can be tested without a database:
stops go by postcode, then street, then house number; a manual order saved for a round wins
for the customers it names (it is keyed by customer, so it is reused next cycle); a stop
without a usable address always comes first, flagged, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from pos.domain.text import fold

PENDING = "pending"
DELIVERED = "delivered"
DELIVERED_MISSING = "delivered_missing"
NOT_HOME = "not_home"
REFUSED = "refused"
OUTCOMES = (DELIVERED, DELIVERED_MISSING, NOT_HOME, REFUSED)
HANDED_OVER = (DELIVERED, DELIVERED_MISSING)
# What happens to the bags of a stop nobody was home at.
SECOND_ATTEMPT = "second_attempt"
PICKUP_LATER = "pickup_later"
NEXT_STEPS = (SECOND_ATTEMPT, PICKUP_LATER)


@dataclass(frozen=True, slots=True)
class Address:
    """A ship address as OFN sends it (``ship_address``): street lines, city, postcode."""

    line1: str = ""
    line2: str = ""
    city: str = ""
    postcode: str = ""
    phone: str = ""

    @property
    def usable(self) -> bool:
        """A driver can find it: a street line and a postcode or a city."""
        return bool(self.line1.strip()) and bool(self.postcode.strip() or self.city.strip())

    def lines(self) -> tuple[str, ...]:
        town = " ".join(x for x in (self.postcode.strip(), self.city.strip()) if x)
        return tuple(x for x in (self.line1.strip(), self.line2.strip(), town) if x)


_NUMBER_FIRST = re.compile(r"^\s*(\d+)\s*([a-zA-Z]{0,3})\b[\s,]*(.*)$")
_NUMBER_LAST = re.compile(r"^(.*?)[\s,]+(\d+)\s*([a-zA-Z]{0,3})\s*$")


def street_and_number(line: str) -> tuple[str, int, str]:
    """``"12b rue des Lilas"`` or ``"Rue des Lilas 12b"`` -> ``("rue des lilas", 12, "b")``.

    Both house-number orders occur (France and the UK before, Switzerland after); a line
    without a number sorts as number 0 on its street.
    """
    m = _NUMBER_FIRST.match(line)
    if m and m.group(3):
        return fold(m.group(3)).strip(), int(m.group(1)), m.group(2).lower()
    m = _NUMBER_LAST.match(line)
    if m:
        return fold(m.group(1)).strip(), int(m.group(2)), m.group(3).lower()
    return fold(line).strip(), 0, ""


def postcode_key(postcode: str) -> str:
    """Postcodes compare without spaces or case (``"sw1a 1aa"`` = ``"SW1A1AA"``)."""
    return re.sub(r"\s+", "", postcode).upper()


@dataclass(frozen=True, slots=True)
class Stop:
    """One delivery order as the run sheet and the round screen need it."""

    order_id: int
    number: str
    customer_id: int | None
    first_name: str
    last_name: str
    phone: str
    address: Address
    instructions: str
    amount_due: int  # still to collect on the doorstep
    payment_method: str  # as OFN names it
    bags: int
    chilled_bags: int
    pickup_point_id: int
    driver: str = ""

    @property
    def key(self) -> str:
        """Who this stop is, across cycles: the customer, else the folded address."""
        if self.customer_id is not None:
            return f"c{self.customer_id}"
        return "a:" + fold(f"{self.address.line1} {postcode_key(self.address.postcode)}")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def address_missing(self) -> bool:
        return not self.address.usable

    def geo_key(self) -> tuple[str, str, int, str, str]:
        street, number, suffix = street_and_number(self.address.line1)
        return (postcode_key(self.address.postcode), street, number, suffix, self.number)


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """How one delivery method is split between drivers and the stop order saved for each.

    ``drivers``: driver -> postcode prefixes they cover; ``saved``: driver -> stop keys in
    the order the driver wants them. With no drivers, the method is one round (driver "").
    """

    drivers: Mapping[str, Sequence[str]]
    saved: Mapping[str, Sequence[str]]

    @classmethod
    def from_json(cls, raw: object) -> RoundPlan:
        drivers: dict[str, list[str]] = {}
        saved: dict[str, list[str]] = {}
        if isinstance(raw, dict):
            for name, prefixes in (raw.get("drivers") or {}).items():
                if isinstance(name, str) and isinstance(prefixes, list):
                    drivers[name.strip()] = [postcode_key(str(p)) for p in prefixes if str(p)]
            for name, keys in (raw.get("saved") or {}).items():
                if isinstance(name, str) and isinstance(keys, list):
                    saved[name.strip()] = [str(k) for k in keys]
        return cls(drivers, saved)

    def to_json(self) -> dict[str, object]:
        return {
            "drivers": {k: list(v) for k, v in sorted(self.drivers.items())},
            "saved": {k: list(v) for k, v in sorted(self.saved.items())},
        }

    def driver_of(self, stop: Stop) -> str:
        """The driver who saved this customer in their order, else the longest prefix match."""
        for driver, keys in sorted(self.saved.items()):
            if stop.key in keys and (driver in self.drivers or not self.drivers):
                return driver
        code = postcode_key(stop.address.postcode)
        best, length = "", -1
        for driver, prefixes in sorted(self.drivers.items()):
            for prefix in prefixes:
                if code.startswith(prefix) and len(prefix) > length:
                    best, length = driver, len(prefix)
        return best


def order_stops(stops: Iterable[Stop], saved: Sequence[str] = ()) -> list[Stop]:
    """The run-sheet order: address missing first, then the saved order, then geography."""
    rank = {key: i for i, key in enumerate(saved)}
    missing = sorted((s for s in stops if s.address_missing), key=lambda s: (s.last_name, s.number))
    found = [s for s in stops if not s.address_missing]
    kept = sorted((s for s in found if s.key in rank), key=lambda s: rank[s.key])
    rest = sorted((s for s in found if s.key not in rank), key=Stop.geo_key)
    return [*missing, *kept, *rest]


def split_rounds(stops: Iterable[Stop], plan: RoundPlan) -> dict[str, list[Stop]]:
    """Stops per driver (``""``: not assigned to anyone), each in run-sheet order."""
    by_driver: dict[str, list[Stop]] = {}
    for stop in stops:
        driver = plan.driver_of(stop)
        by_driver.setdefault(driver, []).append(replace(stop, driver=driver))
    return {
        driver: order_stops(mine, plan.saved.get(driver, ()))
        for driver, mine in sorted(by_driver.items())
    }


@dataclass(frozen=True, slots=True)
class RoundMoney:
    """The round's cash, counted like a till: float plus doorstep cash against the count."""

    float_amount: int
    cash_taken: int
    counted: int | None

    @property
    def expected(self) -> int:
        return self.float_amount + self.cash_taken

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected
