"""The hub's payment methods as a reader sees them: one place turns the stored setting into
labels in a language (the hub's own words as typed, built-in ones translated)."""

from __future__ import annotations

from pos.domain import settings as s
from pos.store.db import Store
from receipts.i18n import translations


def method_labels(store: Store, language: str) -> dict[str, str]:
    """Method code -> label in ``language``, for every method, offered or not (past payments
    name retired ones too)."""
    return store.settings.get(s.PAYMENT_METHODS).labels(translations(language).gettext)
