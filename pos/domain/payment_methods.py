"""The hub's payment methods: which the till offers, and what each is called for a reader.

One value object read from the ``payment_methods`` setting (a JSON list of
``{"code", "label", "enabled"?}``) replaces the parsers the checkout, Hub settings, printing,
reconciliation and push each had. A label the hub never changed is ours, so it is shown in the
reader's language; a label the hub typed ("Léman") is shown as typed, in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

CASH = "cash"  # always offered, always first; the till counts it


def N_(message: str) -> str:
    """Marks a source text for the gettext catalogue (translated where it is shown)."""
    return message


# Codes as stored in ``payments.method``; the labels are English source texts.
DEFAULT_LABELS: dict[str, str] = {
    CASH: N_("Cash"),
    "card": N_("Card (terminal)"),
    "local": N_("Local currency"),
    "cheque": N_("Cheque"),
    "voucher": N_("Voucher"),
}

Translate = Callable[[str], str]


def untranslated(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Method:
    code: str
    label: str  # as stored: the hub's own words, or our English default
    enabled: bool = True

    @property
    def is_default_label(self) -> bool:
        return DEFAULT_LABELS.get(self.code) == self.label

    def shown(self, translate: Translate = untranslated) -> str:
        """The label for a reader: ours translated, the hub's own as typed."""
        return translate(self.label) if self.is_default_label else self.label


@dataclass(frozen=True, slots=True)
class PaymentMethods:
    """Every method the hub has (cash first and always on), offered or switched off."""

    methods: tuple[Method, ...]

    @classmethod
    def defaults(cls) -> PaymentMethods:
        return cls(tuple(Method(code, label) for code, label in DEFAULT_LABELS.items()))

    @classmethod
    def of(cls, methods: tuple[Method, ...] | list[Method]) -> PaymentMethods:
        """Cash first and on (added when missing); a repeated code keeps its first entry."""
        found: dict[str, Method] = {}
        for m in methods:
            found.setdefault(m.code, m)
        cash = found.pop(CASH, Method(CASH, DEFAULT_LABELS[CASH]))
        return cls((replace(cash, enabled=True), *found.values()))

    @classmethod
    def from_json(cls, value: Any) -> PaymentMethods:
        """The stored list; anything unreadable or empty gives the defaults."""
        methods: list[Method] = []
        if isinstance(value, list):
            for entry in value:
                if isinstance(entry, dict) and entry.get("code"):
                    code = str(entry["code"])
                    label = str(entry.get("label") or code)
                    methods.append(Method(code, label, entry.get("enabled", True) is not False))
        return cls.of(methods) if methods else cls.defaults()

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"code": m.code, "label": m.label, **({} if m.enabled else {"enabled": False})}
            for m in self.methods
        ]

    def __iter__(self) -> Iterator[Method]:
        return iter(self.methods)

    def offered(self) -> tuple[Method, ...]:
        """What the till offers, cash first; a switched-off method still names old payments."""
        return tuple(m for m in self.methods if m.enabled)

    def label(self, code: str, translate: Translate = untranslated) -> str:
        """What to call ``code`` for a reader: the hub's label, ours translated, else the code."""
        for m in self.methods:
            if m.code == code:
                return m.shown(translate)
        if code in DEFAULT_LABELS:
            return translate(DEFAULT_LABELS[code])
        return code

    def labels(self, translate: Translate = untranslated) -> dict[str, str]:
        """Code -> label for every method the hub has and every default code."""
        codes = dict.fromkeys([*DEFAULT_LABELS, *(m.code for m in self.methods)])
        return {code: self.label(code, translate) for code in codes}
