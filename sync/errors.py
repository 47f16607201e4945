"""What can go wrong talking to OFN, as errors a person can act on.

Messages never contain the API key (``redact`` scrubs it from anything echoed back).
"""

from __future__ import annotations

from pos.errors import KnownError


class SyncError(KnownError):
    """Sync cannot go on; the message says why in one sentence."""


class Unreachable(SyncError):
    """No answer: no network, wrong address, or the server keeps failing."""


class NotOFN(SyncError):
    """Something answered, but not an OFN API (a captive portal, a web page, a typo)."""


class KeyRejected(SyncError):
    """401: the API key is wrong, revoked, or lacks the API permission."""


class NoAccess(SyncError):
    """The key works but its user does not manage that hub."""


class Cancelled(SyncError):
    """The person stopped the sync."""


class ApiError(SyncError):
    """OFN answered with an error about one request (the order can be retried or listed)."""

    def __init__(self, message: str, *, status: int, kind: str) -> None:
        super().__init__(message)
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
    """``text`` with every occurrence of ``secret`` (and its middle part) hidden."""
    if secret and len(secret) >= 4:
        text = text.replace(secret, "[key hidden]")
    return text
