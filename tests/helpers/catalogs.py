"""Compare message catalogues by what they say, not by their bytes.

A compiled ``.mo`` carries the compiler's version and dates, so comparing bytes fails on
every Babel release; comparing messages, plural forms and the headers that matter still
catches a catalogue that was edited without being compiled.
"""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.messages.pofile import read_po

# Headers that say who or what compiled the file and when, not what it translates.
VOLATILE_HEADERS = {"generated-by", "pot-creation-date", "po-revision-date"}

Messages = dict[str | tuple[str, int], str]


def _headers(text: str) -> dict[str, str]:
    pairs = (line.split(":", 1) for line in text.splitlines() if ":" in line)
    return {
        k.strip().lower(): v.strip() for k, v in pairs if k.strip().lower() not in VOLATILE_HEADERS
    }


def mo_content(path: Path) -> tuple[Messages, dict[str, str]]:
    """Messages (gettext's own keys: ``ctx\\x04id``, ``(id, n)`` for plurals) and headers."""
    with path.open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    messages: Messages = dict(compiled._catalog)  # type: ignore[attr-defined]
    header = messages.pop("", "")
    return messages, _headers(header)


def po_content(path: Path) -> tuple[Messages, dict[str, str]]:
    """What compiling ``path`` must give: translated, non-fuzzy messages and the headers."""
    with path.open("rb") as f:
        catalog = read_po(f, locale=path.parent.parent.name)
    messages: Messages = {}
    for message in catalog:
        if not message.id or message.fuzzy or not message.string:
            continue
        prefix = f"{message.context}\x04" if message.context else ""
        if isinstance(message.id, tuple | list):
            strings = message.string if isinstance(message.string, tuple | list) else ()
            for n, form in enumerate(strings):
                messages[(prefix + message.id[0], n)] = form
        else:
            messages[prefix + message.id] = str(message.string)
    header = "\n".join(f"{k}: {v}" for k, v in catalog.mime_headers)
    return messages, _headers(header)


def stale_catalogues(locale_dir: Path, domain: str) -> list[str]:
    """Each ``.po`` under ``locale_dir`` whose committed ``.mo`` says something else."""
    stale = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po")):
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo_content(mo) != po_content(po):
            stale.append(str(po))
    return stale
