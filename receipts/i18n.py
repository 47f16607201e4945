"""Translations of everything printed or exported (receipts, labels, Z reports, PDFs, CSV).

One gettext domain, ``foodhub``, in ``receipts/locale/<lang>/LC_MESSAGES/foodhub.po``; the
compiled ``.mo`` is committed beside it (a test checks it says the same), so a checkout
prints in French without a build step. After changing printed text:
``python tools/i18n.py update``, translate, ``python tools/i18n.py compile``.
"""

from __future__ import annotations

import gettext
from functools import cache

from pos import languages, resources

DOMAIN = "foodhub"


def language_of(locale_or_language: str | None) -> str:
    """``fr_CH`` -> ``fr``; anything we have no catalog for -> English."""
    return languages.pick(locale_or_language)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog for ``language`` (English text when there is none)."""
    return resources.gettext_catalogue(DOMAIN, language_of(language))


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message
