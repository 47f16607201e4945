"""The hub's own settings (payment methods, till id, limits, privacy): load, check, save.

Everything here lives as keys of the ``settings`` table (one JSON value each); this module is the
one place that edits them together, so a change is ONE transaction with its audit row.
Problems come back as codes per field so the screen can say them in the user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pos import languages
from pos.domain.checkout import CASH, DEFAULT_METHODS
from pos.domain.money import Money, MoneyError
from pos.services.lists import DEFAULT_BAG_CAPACITY
from pos.services.till import DEFAULT_DIFFERENCE_LIMIT
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.till import TillRepository

LANGUAGES = ("", *languages.LANGUAGES)  # "" = follow the system
TILL_ID = re.compile(r"^[A-Za-z0-9]{1,8}$")
METHOD_CODE = re.compile(r"^[a-z]{2,20}$")
MAX_LABEL = 30
MAX_BAG_CAPACITY = 999


@dataclass(frozen=True, slots=True)
class MethodSetting:
    code: str
    label: str
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class HubSettings:
    payment_methods: tuple[MethodSetting, ...]
    till_id: str = "T1"
    pickup_point_id: int | None = None
    close_difference_limit: int = DEFAULT_DIFFERENCE_LIMIT
    language: str = ""
    share_customer_names_with_producers: bool = False
    csv_bom: bool = False
    order_notes: bool = False
    bag_capacity: int = DEFAULT_BAG_CAPACITY

    def as_settings(self) -> dict[str, Any]:
        """The settings keys and their JSON values."""
        return {
            "payment_methods": [
                {"code": m.code, "label": m.label, **({} if m.enabled else {"enabled": False})}
                for m in self.payment_methods
            ],
            "till_id": self.till_id,
            "pickup_point_id": self.pickup_point_id,
            "close_difference_limit": self.close_difference_limit,
            "language": self.language or None,
            "share_customer_names_with_producers": self.share_customer_names_with_producers,
            "csv_bom": self.csv_bom,
            "order_notes": self.order_notes,
            "bag_capacity": self.bag_capacity,
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with one field: ``code`` picks the message the screen shows."""

    field: str
    code: str
    detail: str = ""


@dataclass
class SettingsInvalid(Exception):
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"{p.field}: {p.code}" for p in self.problems)


def load_methods(value: Any) -> tuple[MethodSetting, ...]:
    """The stored list over the defaults; cash always first and on."""
    methods: dict[str, MethodSetting] = {}
    if isinstance(value, list):
        for entry in value:
            if isinstance(entry, dict) and entry.get("code"):
                code = str(entry["code"])
                label = str(entry.get("label") or code)
                methods[code] = MethodSetting(code, label, entry.get("enabled", True) is not False)
    if not methods:
        methods = {code: MethodSetting(code, label) for code, label in DEFAULT_METHODS}
    cash = methods.pop(CASH, MethodSetting(CASH, "Cash"))
    return (replace(cash, enabled=True), *methods.values())


class HubSettingsService:
    def __init__(self, store: Store, *, currency: str = "GBP", till_id: str = "T1") -> None:
        self.store = store
        self.currency = currency
        self.till_id = till_id

    def load(self) -> HubSettings:
        get = self.store.get_setting
        point = get("pickup_point_id")
        language = get("language") or ""
        return HubSettings(
            payment_methods=load_methods(get("payment_methods")),
            till_id=str(get("till_id", "T1") or "T1"),
            pickup_point_id=None if point is None else int(point),
            close_difference_limit=int(get("close_difference_limit", DEFAULT_DIFFERENCE_LIMIT)),
            language=language if language in LANGUAGES else "",
            share_customer_names_with_producers=bool(
                get("share_customer_names_with_producers", False)
            ),
            csv_bom=bool(get("csv_bom", False)),
            order_notes=bool(get("order_notes", False)),
            bag_capacity=int(get("bag_capacity", DEFAULT_BAG_CAPACITY) or DEFAULT_BAG_CAPACITY),
        )

    def pickup_points(self) -> list[tuple[int, str]]:
        """Where a till can stand: pickup points, never a delivery method."""
        points = OrderRepository(self.store).pickup_points()
        return [(p.id, p.name) for p in points if not p.is_delivery]

    def parse_limit(self, text: str) -> tuple[int | None, Problem | None]:
        """The close-difference limit typed in the hub currency, as minor units."""
        if not text.strip():
            return None, Problem("close_difference_limit", "limit_empty")
        try:
            return Money.parse_input(text, self.currency).minor, None
        except MoneyError as exc:
            code = "limit_negative" if exc.code == "money.negative" else "limit_invalid"
            return None, Problem("close_difference_limit", code)

    def validate(self, settings: HubSettings) -> list[Problem]:
        problems: list[Problem] = []
        if not TILL_ID.match(settings.till_id):
            problems.append(Problem("till_id", "till_id_invalid"))
        elif settings.till_id != self.till_id and self._till_open():
            problems.append(Problem("till_id", "till_open"))
        if settings.close_difference_limit < 0:
            problems.append(Problem("close_difference_limit", "limit_negative"))
        if settings.language not in LANGUAGES:
            problems.append(Problem("language", "language_unknown"))
        if not 1 <= settings.bag_capacity <= MAX_BAG_CAPACITY:
            problems.append(Problem("bag_capacity", "bag_capacity_range"))
        if settings.pickup_point_id is not None and settings.pickup_point_id not in {
            p for p, _ in self.pickup_points()
        }:
            problems.append(Problem("pickup_point_id", "pickup_unknown"))
        problems += self._check_methods(settings.payment_methods)
        return problems

    def _check_methods(self, methods: tuple[MethodSetting, ...]) -> list[Problem]:
        problems: list[Problem] = []
        seen: set[str] = set()
        for m in methods:
            if not METHOD_CODE.match(m.code):
                problems.append(Problem("payment_methods", "method_code_invalid", m.code))
            elif m.code in seen:
                problems.append(Problem("payment_methods", "method_code_taken", m.code))
            seen.add(m.code)
            label = m.label.strip()
            if not label:
                problems.append(Problem("payment_methods", "method_label_empty", m.code))
            elif len(label) > MAX_LABEL:
                problems.append(Problem("payment_methods", "method_label_long", m.code))
        if CASH not in seen or not next(m for m in methods if m.code == CASH).enabled:
            problems.append(Problem("payment_methods", "cash_required"))
        return problems

    def check_new_method(self, code: str, label: str, existing: list[str]) -> list[Problem]:
        """Problems with a method about to be added (the screen adds it only when none)."""
        problems = self._check_methods((MethodSetting(code, label),))
        problems = [p for p in problems if p.code != "cash_required"]
        if code in existing:
            problems.insert(0, Problem("payment_methods", "method_code_taken", code))
        return problems

    def _till_open(self) -> bool:
        return TillRepository(self.store).current(self.till_id) is not None

    def save(
        self, settings: HubSettings, *, actor: str = "", role: str = "volunteer"
    ) -> dict[str, tuple[Any, Any]]:
        """Check, then write every changed key and one audit row in ONE transaction.

        Returns the changes (key -> (old, new)); raises :class:`SettingsInvalid`.
        """
        settings = replace(
            settings,
            till_id=settings.till_id.strip().upper(),
            payment_methods=tuple(
                replace(m, code=m.code.strip().lower(), label=" ".join(m.label.split()))
                for m in settings.payment_methods
            ),
        )
        problems = self.validate(settings)
        if problems:
            raise SettingsInvalid(problems)
        old = self.load().as_settings()
        new = settings.as_settings()
        changes = {key: (old[key], value) for key, value in new.items() if old[key] != value}
        if not changes:
            return {}
        with self.store.transaction():
            for key, (_before, value) in changes.items():
                self.store.set_setting(key, value)
            self.store.audit(
                "settings.change",
                entity="settings",
                actor=actor,
                role=role,
                till_id=self.till_id,
                details={key: {"old": a, "new": b} for key, (a, b) in changes.items()},
            )
        return changes
