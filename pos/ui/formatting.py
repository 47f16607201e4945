"""Showing money and times to people in the hub's locale."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from pos.domain.money import format_money
from pos.domain.timezones import zone


@lru_cache(maxsize=4096)
def money(minor: int, currency: str, locale: str) -> str:
    """Cached: Babel formatting costs ~0.2 ms and a list repaints hundreds of amounts."""
    return format_money(minor, currency, locale)


def local_time(utc_iso: str | None, timezone: str, fmt: str = "%d/%m %H:%M") -> str:
    """A stored UTC time shown in the hub's timezone."""
    if not utc_iso:
        return ""
    try:
        when = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
        return when.astimezone(zone(timezone)).strftime(fmt)
    except (ValueError, KeyError):
        return utc_iso
