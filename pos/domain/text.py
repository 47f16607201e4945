"""Text folding shared by search and scanning: accent- and case-insensitive keys."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ā": "a",
    }
)


def fold(text: str) -> str:
    """Lower-case, strip accents: ``"Zoë Müller-Øster"`` -> ``"zoe muller-oster"``."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_SPECIAL)


_ORDER_NUMBER = re.compile(r"^R\d{6,12}$")


def looks_like_order_number(text: str) -> bool:
    return bool(_ORDER_NUMBER.match(text.strip().upper()))


def normalise_scan(text: str) -> str:
    """Turn a scanned or typed code into a lookup key.

    Scanners may add whitespace or control characters; our QR codes hold the bare order
    number, but a URL ending in ``/orders/R123...`` is accepted too.
    """
    cleaned = "".join(ch for ch in text if ch.isprintable()).strip()
    match = re.search(r"(R\d{6,12})(?:/edit)?/?$", cleaned, flags=re.IGNORECASE)
    if match and ("/" in cleaned or _ORDER_NUMBER.match(cleaned.upper())):
        return match.group(1).upper()
    return cleaned


def quoted(text: str, limit: int = 40) -> str:
    """What someone typed, fit to echo in a one-line message: no control characters, short."""
    shown = "".join("?" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


_CODE_LIKE = re.compile(r"^[A-Za-z]{0,3}[-_ ]?\d{3,}$")


def looks_like_a_code(text: str) -> bool:
    """Text a scanner would type rather than a person: an order number, a customer code
    ("C1000"), a URL or QR payload, or a run of digits. Used to refuse such a "name"."""
    cleaned = "".join(ch for ch in text if ch.isprintable()).strip()
    if not cleaned:
        return False
    if looks_like_order_number(normalise_scan(cleaned)) or "://" in cleaned or "/" in cleaned:
        return True
    if _CODE_LIKE.match(cleaned):
        return True
    letters = sum(ch.isalpha() for ch in cleaned)
    digits = sum(ch.isdigit() for ch in cleaned)
    return letters == 0 or digits >= 4
