"""Showing money and times to people in the hub's locale."""

from __future__ import annotations

from datetime import datetime

from pos.domain.money import format_money
from pos.domain.timezones import zone

_MONEY: dict[tuple[str, str], dict[int, str]] = {}
_MONEY_LIMIT = 250_000  # amounts kept per currency and locale (a few MB at most)


def money(minor: int, currency: str, locale: str) -> str:
    """Cached: Babel formatting costs ~0.2 ms an amount and the reconcile list shows one per
    order. One cache per currency and locale, large enough for every distinct amount of a
    100,000-order cycle (a small LRU missed on nearly every row); safe to call from a worker
    thread (a dict read or write is atomic under the GIL)."""
    cache = _MONEY.get((currency, locale))
    if cache is None:
        cache = _MONEY.setdefault((currency, locale), {})
    text = cache.get(minor)
    if text is None:
        if len(cache) >= _MONEY_LIMIT:
            cache.clear()
        text = cache[minor] = format_money(minor, currency, locale)
    return text


def local_time(utc_iso: str | None, timezone: str, fmt: str = "%d/%m %H:%M") -> str:
    """A stored UTC time shown in the hub's timezone."""
    if not utc_iso:
        return ""
    try:
        when = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
        return when.astimezone(zone(timezone)).strftime(fmt)
    except (ValueError, KeyError):
        return utc_iso
