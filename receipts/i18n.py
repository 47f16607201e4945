"""Translations of printed text (receipts, labels, Z reports) through gettext.

Catalogs live in ``receipts/locale/<lang>/LC_MESSAGES/receipts.po``; the compiled ``.mo``
files are committed next to them (a test checks they match the ``.po``), so a plain
``pip install -e .`` prints in French without a build step. To update after changing text:

    pybabel extract -o receipts/locale/receipts.pot receipts
    pybabel update -i receipts/locale/receipts.pot -d receipts/locale -D receipts
    pybabel compile -d receipts/locale -D receipts
"""

from __future__ import annotations

import gettext
from functools import cache

from pos import resources

DOMAIN = "receipts"
LANGUAGES = ("en", "fr")


def language_of(locale_or_language: str | None) -> str:
    """``fr_CH`` -> ``fr``; anything we have no catalog for -> ``en``."""
    code = (locale_or_language or "en").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else "en"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog for ``language`` (English text when there is none)."""
    return resources.gettext_catalogue(DOMAIN, language_of(language))


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message
