"""What can go wrong talking to OFN, as errors a person can act on.

Messages never contain the API key (``redact`` scrubs it from anything echoed back).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from pos.errors import KnownError


class SyncError(KnownError):
    """Sync cannot go on; the message says why in one sentence."""


class Unreachable(SyncError):
    """No answer: no network, wrong address, or the server keeps failing."""


class NotOFN(SyncError):
    """Something answered, but not an OFN API (a captive portal, a web page, a typo)."""


class KeyRejected(SyncError):
    """401: the API key is wrong, revoked, or lacks the API permission."""


class NoAccess(KeyRejected):
    """The key works (or worked a moment ago) but its user has no access to this hub.

    OFN never answers 403: a user without rights gets the same 401 as a bad key, so a 401
    after the key was accepted means "no access", not "wrong key" (OFN's v0 API has no 403).
    """


class Cancelled(SyncError):
    """The person stopped the sync."""


class ApiError(SyncError):
    """OFN answered with an error about one request (the order can be retried or listed)."""

    def __init__(self, code: str, /, *, status: int, kind: str, **params: Any) -> None:
        super().__init__(code, **params)
        self.status = status
        # "error" (a refusal) | "exception" | "not_found" | "server" | "lost" | "bad_json"
        self.kind = kind

    @property
    def transient(self) -> bool:
        """Worth trying again later (the server failed, or the answer was lost)."""
        return self.kind in ("exception", "server", "lost")


class BadPayload(SyncError):
    """An OFN answer that cannot be trusted: not JSON, missing fields, wrong types."""


def redact(text: str, secret: str | None) -> str:
    """``text`` with the secret hidden: whole or in parts, in any letter case.

    OFN echoes the key it was sent (``Invalid API key (…) specified.``), sometimes cut short
    or upper-cased by a proxy; any run of at least ``_part(secret)`` characters of the key is
    hidden, so a truncated echo leaks no more than a few characters.
    """
    if not text or not secret or len(secret) < 4:
        return text
    low_text, low_key = text.lower(), secret.lower()
    size = _part(secret)
    hidden = bytearray(len(text))
    for start in range(len(low_key) - size + 1):
        piece = low_key[start : start + size]
        at = low_text.find(piece)
        while at != -1:
            hidden[at : at + size] = b"\x01" * size
            at = low_text.find(piece, at + 1)
    if not any(hidden):
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        if hidden[i]:
            while i < len(text) and hidden[i]:
                i += 1
            out.append("[key hidden]")
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _part(secret: str) -> int:
    """The shortest run of the key that counts as the key (10 for OFN's 48 characters)."""
    return max(4, min(10, len(secret) // 2))


_secrets: set[str] = set()
_secrets_lock = threading.Lock()


class RedactFilter(logging.Filter):
    """Hides every key in use from every log record, whoever logged it (belt and braces:
    messages are redacted where they are made, too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        with _secrets_lock:
            secrets = list(_secrets)
        if not secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to logging's own error handling
            return True
        clean = message
        for secret in secrets:
            clean = redact(clean, secret)
        if clean != message:
            record.msg, record.args = clean, None
        return True


REDACT = RedactFilter()


def guard_logs(secret: str) -> None:
    """Hide ``secret`` from the log: the filter sits on every handler of the root logger."""
    if not secret or len(secret) < 4:
        return
    with _secrets_lock:
        _secrets.add(secret)
    for handler in logging.getLogger().handlers:
        if REDACT not in handler.filters:
            handler.addFilter(REDACT)
