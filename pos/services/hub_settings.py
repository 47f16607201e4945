"""The hub's own settings (payment methods, till id, limits, privacy): load, check, save.

Each field is a setting declared in :mod:`pos.domain.settings`; this module is the one place
that edits them together, so a change is ONE transaction with its audit row. Payment method
labels the hub kept as ours are shown in the reader's language and saved as ours, so every
till and every paper shows them in its own language.
Problems come back as codes per field so the screen can say them in the user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pos import languages
from pos.domain import settings as s
from pos.domain.models import FALLBACK_CURRENCY
from pos.domain.money import Money, MoneyError
from pos.domain.payment_methods import CASH, DEFAULT_LABELS, Method, PaymentMethods
from pos.services.journal import JournalService
from pos.services.privacy import MAX_KEEP_DAYS, MIN_KEEP_DAYS
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.till import TillRepository
from receipts.i18n import translations

LANGUAGES = ("", *languages.LANGUAGES)  # "" = follow the system
TILL_ID = re.compile(r"^[A-Za-z0-9]{1,8}$")
METHOD_CODE = re.compile(r"^[a-z]{2,20}$")
MAX_LABEL = 30
MAX_BAG_CAPACITY = 999
MIN_JOURNAL_KEY = 12  # characters: a hub key typed by hand, not a PIN


@dataclass(frozen=True, slots=True)
class HubSettings:
    payment_methods: tuple[Method, ...]
    till_id: str = s.TILL_LABEL.default
    pickup_point_id: int | None = None
    close_difference_limit: int = s.CLOSE_DIFFERENCE_LIMIT.default
    language: str = ""
    share_customer_names_with_producers: bool = False
    csv_bom: bool = False
    order_notes: bool = False
    bag_capacity: int = s.BAG_CAPACITY.default
    keep_customer_days: int = s.KEEP_CUSTOMER_DAYS.default  # after the cycle, then purged
    journal_folder: str = ""  # the shared journal folder (this device's path to it)
    journal_key: str = ""  # the hub key: set once, the same passphrase on every till

    def as_settings(self) -> dict[s.Setting[Any], Any]:
        """Each setting and its value."""
        return {
            s.PAYMENT_METHODS: PaymentMethods.of(self.payment_methods),
            s.TILL_LABEL: self.till_id,
            s.TILL_PICKUP_POINT: self.pickup_point_id,
            s.CLOSE_DIFFERENCE_LIMIT: self.close_difference_limit,
            s.LANGUAGE: self.language,
            s.SHARE_NAMES_WITH_PRODUCERS: self.share_customer_names_with_producers,
            s.CSV_BOM: self.csv_bom,
            s.ORDER_NOTES: self.order_notes,
            s.BAG_CAPACITY: self.bag_capacity,
            s.KEEP_CUSTOMER_DAYS: self.keep_customer_days,
            s.JOURNAL_FOLDER: self.journal_folder,
            s.JOURNAL_KEY: self.journal_key,
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


class HubSettingsService:
    """``language``: the reader's, for the labels of the methods the hub kept as ours."""

    def __init__(
        self,
        store: Store,
        *,
        currency: str = FALLBACK_CURRENCY,
        till_id: str | None = None,
        language: str = languages.SOURCE,
    ) -> None:
        self.store = store
        self.currency = currency
        self.till_id = till_id or store.settings.get(s.TILL_LABEL)
        self._translate = translations(language).gettext

    def load(self) -> HubSettings:
        """The saved settings, method labels as this reader sees them."""
        return self._shown(self._saved())

    def _saved(self) -> HubSettings:
        get = self.store.settings.get
        language = get(s.LANGUAGE)
        return HubSettings(
            payment_methods=get(s.PAYMENT_METHODS).methods,
            till_id=get(s.TILL_LABEL) or s.TILL_LABEL.default,
            pickup_point_id=get(s.TILL_PICKUP_POINT),
            close_difference_limit=get(s.CLOSE_DIFFERENCE_LIMIT),
            language=language if language in LANGUAGES else "",
            share_customer_names_with_producers=get(s.SHARE_NAMES_WITH_PRODUCERS),
            csv_bom=get(s.CSV_BOM),
            order_notes=get(s.ORDER_NOTES),
            bag_capacity=get(s.BAG_CAPACITY) or s.BAG_CAPACITY.default,
            keep_customer_days=get(s.KEEP_CUSTOMER_DAYS),
            journal_folder=get(s.JOURNAL_FOLDER),
            journal_key=get(s.JOURNAL_KEY),
        )

    def _shown(self, settings: HubSettings) -> HubSettings:
        shown = self._translate
        methods = tuple(replace(m, label=m.shown(shown)) for m in settings.payment_methods)
        return replace(settings, payment_methods=methods)

    def _as_ours(self, m: Method) -> Method:
        """A label left as ours (in the reader's language) is saved as ours, not as typed."""
        ours = DEFAULT_LABELS.get(m.code)
        if ours is not None and m.label in (ours, self._translate(ours)):
            return replace(m, label=ours)
        return m

    def pickup_points(self) -> list[tuple[int, str]]:
        """Where a till can stand: pickup points, never a delivery method."""
        points = OrderRepository(self.store).pickup_points()
        return [(p.id, p.name) for p in points if not p.is_delivery]

    def parse_limit(self, text: str) -> tuple[int | None, Problem | None]:
        """The close-difference limit typed in the hub currency, as minor units."""
        if not text.strip():
            return None, Problem(s.CLOSE_DIFFERENCE_LIMIT.key, "limit_empty")
        try:
            return Money.parse_input(text, self.currency).minor, None
        except MoneyError as exc:
            code = "limit_negative" if exc.code == "money.negative" else "limit_invalid"
            return None, Problem(s.CLOSE_DIFFERENCE_LIMIT.key, code)

    def validate(self, settings: HubSettings) -> list[Problem]:
        problems: list[Problem] = []
        if not TILL_ID.match(settings.till_id):
            problems.append(Problem(s.TILL_LABEL.key, "till_id_invalid"))
        elif settings.till_id != self.till_id and self._till_open():
            problems.append(Problem(s.TILL_LABEL.key, "till_open"))
        if settings.close_difference_limit < 0:
            problems.append(Problem(s.CLOSE_DIFFERENCE_LIMIT.key, "limit_negative"))
        if settings.language not in LANGUAGES:
            problems.append(Problem(s.LANGUAGE.key, "language_unknown"))
        if not 1 <= settings.bag_capacity <= MAX_BAG_CAPACITY:
            problems.append(Problem(s.BAG_CAPACITY.key, "bag_capacity_range"))
        if not MIN_KEEP_DAYS <= settings.keep_customer_days <= MAX_KEEP_DAYS:
            problems.append(Problem(s.KEEP_CUSTOMER_DAYS.key, "keep_days_range"))
        if settings.pickup_point_id is not None and settings.pickup_point_id not in {
            p for p, _ in self.pickup_points()
        }:
            problems.append(Problem(s.TILL_PICKUP_POINT.key, "pickup_unknown"))
        problems += self._check_methods(settings.payment_methods)
        if settings.journal_key and len(settings.journal_key) < MIN_JOURNAL_KEY:
            problems.append(Problem(s.JOURNAL_KEY.key, "journal_key_short"))
        return problems

    def _check_methods(self, methods: tuple[Method, ...]) -> list[Problem]:
        problems: list[Problem] = []
        seen: set[str] = set()
        for m in methods:
            if not METHOD_CODE.match(m.code):
                problems.append(Problem(s.PAYMENT_METHODS.key, "method_code_invalid", m.code))
            elif m.code in seen:
                problems.append(Problem(s.PAYMENT_METHODS.key, "method_code_taken", m.code))
            seen.add(m.code)
            label = m.label.strip()
            if not label:
                problems.append(Problem(s.PAYMENT_METHODS.key, "method_label_empty", m.code))
            elif len(label) > MAX_LABEL:
                problems.append(Problem(s.PAYMENT_METHODS.key, "method_label_long", m.code))
        if CASH not in seen or not next(m for m in methods if m.code == CASH).enabled:
            problems.append(Problem(s.PAYMENT_METHODS.key, "cash_required"))
        return problems

    def check_new_method(self, code: str, label: str, existing: list[str]) -> list[Problem]:
        """Problems with a method about to be added (the screen adds it only when none)."""
        problems = self._check_methods((Method(code, label),))
        problems = [p for p in problems if p.code != "cash_required"]
        if code in existing:
            problems.insert(0, Problem(s.PAYMENT_METHODS.key, "method_code_taken", code))
        return problems

    def check_journal_folder(self, folder: Path) -> None:
        """Write, read back and remove a test file in ``folder``; a coded error says why it
        does not work (missing, read-only, full). File work only: a worker thread calls it."""
        JournalService(self.store).check_folder(folder)

    def new_journal_key(self) -> str:
        """A new hub key (a passphrase to copy to every till of the hub)."""
        return JournalService(self.store).new_passphrase()

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
            journal_folder=settings.journal_folder.strip(),
            journal_key=" ".join(settings.journal_key.split()),
            payment_methods=tuple(
                self._as_ours(
                    replace(m, code=m.code.strip().lower(), label=" ".join(m.label.split()))
                )
                for m in settings.payment_methods
            ),
        )
        problems = self.validate(settings)
        if problems:
            raise SettingsInvalid(problems)
        old = self._saved().as_settings()
        new = settings.as_settings()
        changed = [setting for setting, value in new.items() if old[setting] != value]
        if not changed:
            return {}
        changes = {
            setting.key: (setting.dump(old[setting]), setting.dump(new[setting]))
            for setting in changed
        }
        if s.JOURNAL_KEY.key in changes:  # the passphrase itself never goes in the log
            was, now = changes[s.JOURNAL_KEY.key]
            changes[s.JOURNAL_KEY.key] = (
                "(set)" if was else "",
                ("(changed)" if was else "(set)") if now else "",
            )
        with self.store.transaction():
            for setting in changed:
                self.store.settings.set(setting, new[setting])
            self.store.audit(
                "settings.change",
                entity="settings",
                actor=actor,
                role=role,
                till_id=self.till_id,
                details={key: {"old": a, "new": b} for key, (a, b) in changes.items()},
            )
        return changes
