"""The languages the app speaks, and the one rule that picks one.

Screens (Qt catalogue), printed text and exports (gettext domain ``foodhub``) share this
list; a language is offered only when both catalogues exist for it (a test checks).
"""

from __future__ import annotations

import os

LANGUAGES = ("en", "fr")
SOURCE = "en"  # the language the code is written in; it has no catalogue
# Each language's own name, as its speakers look for it in a list (never translated).
NAMES = {"en": "English", "fr": "Français"}
# How amounts and dates read when no hub locale is given.
LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def language_of(locale_or_language: str | None) -> str | None:
    """``fr_CH`` / ``fr-BE`` / ``FR`` -> ``fr``; a language we do not speak -> None."""
    code = (locale_or_language or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def pick(*candidates: str | None) -> str:
    """The first candidate we speak (a setting, the environment, a locale…); else English."""
    for candidate in candidates:
        found = language_of(candidate)
        if found:
            return found
    return SOURCE


def from_environment() -> str:
    """The user's language without Qt (the command line): FOODHUB_POS_LANG, then the
    POSIX locale variables in their order of precedence; English otherwise."""
    return pick(
        *(os.environ.get(name) for name in ("FOODHUB_POS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"))
    )
