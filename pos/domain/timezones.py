"""The hub's time zone, also on machines without a time zone database.

Windows has no system tz database and a bundled or minimal install may lack one too: the
``tzdata`` package (a dependency) fills that gap. Should both be missing, times are shown in
UTC rather than failing: ``ZoneInfo("UTC")`` itself needs the database, the
:data:`datetime.UTC` constant does not. Every local time the app shows goes through
:func:`zone`.
"""

from __future__ import annotations

import logging
from datetime import UTC, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

log = logging.getLogger(__name__)


@lru_cache(maxsize=32)
def zone(name: str | None) -> tzinfo:
    """The time zone ``name`` (IANA, e.g. ``Europe/Paris``); UTC when unknown or unavailable."""
    if not name or name.upper() in ("UTC", "Z", "ETC/UTC", "GMT"):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        log.warning("time zone %r is unknown on this computer; showing times in UTC", name)
        return UTC


def clear_cache() -> None:
    """Forget looked-up zones (tests that change the tz database, long-running processes)."""
    zone.cache_clear()
