"""Every sentence the core says to a person, by code; worded where it is shown.

The core (store, services, domain, sync, receipts) raises :class:`pos.errors.KnownError`
with a code and parameters, and stores staff actions as a code and parameters; it never
makes the sentence. Whoever shows one words it for its reader:

* the UI with the UI language (``pos.ui.tasks.describe``),
* the command line with the user's language (``FOODHUB_POS_LANG``, else the locale),
* the log in English with the code (``for_log``; ``str(error)`` is English too).

The English templates below are the gettext message ids of the ``foodhub`` domain
(``receipts/locale``; ``python tools/i18n.py update`` extracts them), so one catalogue and
one glossary check cover screens, paper and messages. Placeholders are ``{name}``; a
parameter given as :func:`money` is formatted for the reader's locale.

A code that is not here is shown as it is: rows stored before codes (English sentences)
stay readable.
"""

from __future__ import annotations

import gettext
import string
from collections.abc import Mapping
from functools import cache
from typing import Any

from pos.languages import SOURCE, pick

__all__ = ["ERRORS", "SOURCE", "STAFF", "for_log", "money", "word", "word_error"]


def N_(message: str) -> str:
    """Mark a template for extraction; it is translated when worded."""
    return message


# Errors the core raises, by code (KnownError(code, **params)).
ERRORS: dict[str, str] = {
    # till and volunteers
    "till.not_open": N_("Open the till first (volunteer name and cash float)."),
    "till.already_open": N_("The till is already open."),
    "till.name_is_a_code": N_(
        "That looks like an order number or a code, not a name: type the volunteer's name."
    ),
    "till.name_missing": N_("Type the volunteer's name."),
    "till.name_too_long": N_("That name is too long ({limit} characters at most)."),
    "till.float_negative": N_("The cash float cannot be negative."),
    "till.counted_negative": N_("Counted cash cannot be negative."),
    "till.move_zero": N_("Type an amount other than zero."),
    "till.move_reason_missing": N_("Say why the cash goes in or out."),
    "till.move_too_large": N_("There should only be {amount} in the drawer: cannot take out more."),
    "till.checkout_in_progress": N_(
        "Finish or cancel the checkout in progress before closing the till."
    ),
    "till.counts_invalid": N_("Counts of notes and coins must be whole and positive."),
    "till.counts_mismatch": N_("The counted amount does not match the notes and coins."),
    "till.count_missing": N_("Count the cash in the drawer first."),
    "till.session_closed": N_("This till session is already closed."),
    "till.session_missing": N_("There is no such till session."),
    # staff PIN
    "roles.pin_required": N_("This needs the hub-staff PIN."),
    "roles.pin_wrong": N_("That PIN is not right."),
    "roles.pin_length": N_("A PIN is {min} to {max} digits."),
    # checkout
    "checkout.already_collected": N_("Already collected ({receipt})."),
    "checkout.reason_needed": N_("Say why part of the amount is left owing."),
    "checkout.order_missing": N_("This order is not in the database."),
    "checkout.order_cancelled": N_(
        "This order was cancelled in Open Food Network: do not hand it over."
    ),
    "checkout.missing": N_("There is no such checkout."),
    "checkout.walk_in_empty": N_("Add at least one item to sell."),
    "checkout.item_name_missing": N_("Each item needs a name."),
    "checkout.item_invalid": N_("Each item needs a price and a quantity above zero."),
    "checkout.undo_reason_missing": N_("Say why this checkout is undone."),
    "checkout.undo_of_undo": N_("An undo cannot itself be undone; check the order out again."),
    "checkout.already_undone": N_("{receipt} was already undone."),
    "checkout.undo_other_session": N_(
        "Only checkouts of the current till session can be undone here."
    ),
    # sync conflicts
    "sync.conflict_resolved": N_("This conflict is already resolved."),
    "sync.record_unreadable": N_(
        "The till's record of order {number} is unreadable: sort it out in OFN, then accept"
        " OFN's version."
    ),
}

# Staff actions (the reconcile to-do list), stored as kind + code + parameters.
STAFF: dict[str, str] = {}

_ALL = {**ERRORS, **STAFF}
_LOCALES = {"en": "en_GB", "fr": "fr_FR"}  # how amounts read when no hub locale is given


def money(minor: int, currency: str) -> dict[str, Any]:
    """An amount as a parameter: formatted for the reader's locale when worded."""
    return {"minor": int(minor), "currency": str(currency)}


def _shown(value: Any, locale: str) -> str:
    if isinstance(value, Mapping) and set(value) == {"minor", "currency"}:
        from pos.domain.money import format_money

        return format_money(int(value["minor"]), str(value["currency"]), locale)
    return str(value)


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    # pos.resources raises coded errors itself (pos.errors imports this module): late import
    from pos import resources

    return resources.gettext_catalogue("foodhub", language)


def placeholders(template: str) -> set[str]:
    """The ``{name}`` fields of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def word(code: str, params: Mapping[str, Any], language: str, *, locale: str | None = None) -> str:
    """The sentence for ``code`` in ``language`` (``locale`` formats amounts; else the
    language's usual one). An unknown code is a sentence from before codes: shown as is."""
    template = _ALL.get(code)
    if template is None:
        return code
    language = pick(language)
    shown = {k: _shown(v, locale or _LOCALES.get(language, "en_GB")) for k, v in params.items()}
    text = template if language == SOURCE else _catalogue(language).gettext(template)
    try:
        return text.format(**shown)
    except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
        return template.format_map(_Missing(shown))


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def word_error(error: BaseException, language: str, *, locale: str | None = None) -> str:
    """A known error's sentence in ``language``; ``str(error)`` for any other exception."""
    code = getattr(error, "code", None)
    params = getattr(error, "params", None)
    if isinstance(code, str) and isinstance(params, Mapping):
        return word(code, params, language, locale=locale)
    return str(error)


def for_log(error: BaseException) -> str:
    """The English sentence and the code, for the log: ``The till is already open.
    [till.already_open]``."""
    code = getattr(error, "code", None)
    return f"{error} [{code}]" if isinstance(code, str) and code in _ALL else str(error)
