"""HTTP to one OFN instance: timeouts, retries with backoff and jitter, errors by kind.

GETs are retried on connection errors, 5xx/504 and 422 ``{"exception": ...}`` (a bounded
number of times). PUTs that change an order (capture, ship) are never retried here: their
response can be lost after the server committed, so the pusher re-reads the order and
decides (design.md rule 3).
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import threading
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from pos import __version__
from sync.errors import ApiError, Cancelled, KeyRejected, NotOFN, Unreachable, redact

log = logging.getLogger(__name__)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def normalise_url(url: str) -> str:
    """``https://host[/prefix]`` without a trailing slash, or raise a clear error."""
    text = (url or "").strip()
    if not text.rstrip("/"):
        raise NotOFN(
            "Enter the address of your Open Food Network site, e.g. https://openfoodnetwork.org.uk."
        )
    if "://" not in text:
        text = "https://" + text
    text = text.rstrip("/")
    shown = _shown(url)
    not_web = NotOFN(f"“{shown}” is not a web address; use e.g. https://openfoodnetwork.org.uk.")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in text):
        raise not_web
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number 0-65535
    except ValueError:
        raise not_web from None
    if parts.scheme not in ("http", "https") or not host or not _HOST.fullmatch(_ascii(host)):
        raise not_web
    if parts.username is not None or parts.password is not None:
        raise NotOFN("Type the site address without a user name or password in it.")
    if parts.scheme == "http" and host not in LOOPBACK:
        raise NotOFN(
            f"“{shown}” uses plain http, which would send the API key unencrypted; use https://."
        )
    if parts.query or parts.fragment:
        raise NotOFN(f"“{shown}” should be just the site address, without ? or #.")
    return text


def _shown(url: str) -> str:
    """The address as typed, fit to quote in one line (no control characters, not too long)."""
    text = "".join("?" if ord(c) < 32 or ord(c) == 127 else c for c in url.strip())
    return text if len(text) <= 80 else text[:79] + "…"


def _ascii(host: str) -> str:
    """An internationalised name (café.fr) as the ASCII form DNS uses, or "" if it has none."""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return ""


# a DNS name (labels of 1-63 letters, digits or hyphens) or an IP address
_HOST = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?|[0-9a-f:.]+")


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    data: Any
    date: datetime | None  # the server's Date header (UTC), for incremental pulls


@dataclass
class RetryPolicy:
    attempts: int = 5  # tries for a GET (first try included)
    exception_attempts: int = 3  # tries when OFN answers 422 {"exception": ...}
    base_delay: float = 0.25
    max_delay: float = 8.0
    connect_timeout: float = 5.0
    read_timeout: float = 30.0

    def delay(self, attempt: int) -> float:
        """Exponential backoff with full jitter (attempt 0 = the first retry)."""
        return random.uniform(0, min(self.max_delay, self.base_delay * (2**attempt)))


class Transport:
    """One keep-alive ``requests.Session`` to one instance, shared by a few worker threads."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        policy: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        max_in_flight: int = 4,
    ) -> None:
        self.base_url = normalise_url(base_url)
        self.host = urlsplit(self.base_url).netloc
        self._key = api_key
        self.policy = policy or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max_in_flight, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        # Read proxy and CA settings from the environment once, not on every request
        # (requests re-reads them per call, which costs milliseconds each time).
        self.session.proxies.update(requests.utils.get_environ_proxies(self.base_url))
        ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        if ca_bundle and self.base_url.startswith("https://"):
            self.session.verify = ca_bundle
        self.session.trust_env = False
        self.session.headers["User-Agent"] = f"FoodHubPOS/{__version__}"
        self.session.headers["Accept"] = "application/json"
        self.requests_sent = 0
        self._count_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_in_flight)  # requests in flight, at most

    def close(self) -> None:
        self.session.close()

    def __repr__(self) -> str:  # never show the key
        return f"Transport({self.base_url!r})"

    # --------------------------------------------------------------------------
    def get(self, path: str, params: dict[str, Any] | None = None, *, api: str = "v0") -> Reply:
        return self.request("GET", path, params=params, api=api, idempotent=True)

    def put(self, path: str, data: dict[str, Any] | None = None) -> Reply:
        return self.request("PUT", path, data=data, idempotent=False)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        api: str = "v0",
        idempotent: bool = True,
        auth: bool = True,
    ) -> Reply:
        url = self.base_url + path
        headers: dict[str, str] = {}
        if auth:
            headers["X-Api-Token" if api == "v1" else "X-Spree-Token"] = self._key
        policy = self.policy
        tries = policy.attempts if idempotent else 1
        attempt = exception_tries = 0
        while True:
            if self.cancel.is_set():
                raise Cancelled("Sync stopped.")
            attempt += 1
            try:
                with self._count_lock:
                    self.requests_sent += 1
                with self._slots:
                    resp = self.session.request(
                        method,
                        url,
                        params=params,
                        data=data,
                        headers=headers,
                        timeout=(policy.connect_timeout, policy.read_timeout),
                        allow_redirects=False,
                    )
            except (requests.ConnectionError, requests.Timeout) as exc:
                reason = _reason(exc)
                log.info("%s %s: %s (try %d)", method, path, reason, attempt)
                if attempt >= tries:
                    if idempotent:
                        raise Unreachable(f"Cannot reach {self.host}: {reason}.") from None
                    raise ApiError(
                        f"No answer from {self.host} ({reason}).", status=0, kind="lost"
                    ) from None
                self._sleep(attempt - 1)
                continue
            status = resp.status_code
            if status >= 500:
                log.info("%s %s: HTTP %d (try %d)", method, path, status, attempt)
                if attempt >= tries:
                    message = f"{self.host} keeps failing (HTTP {status}); try again later."
                    if idempotent:
                        raise Unreachable(message)
                    raise ApiError(message, status=status, kind="server")
                self._sleep(attempt - 1)
                continue
            if status == 401:
                raise KeyRejected(
                    f"{self.host} rejected the API key: check it in Sync settings (it may have"
                    " been regenerated, or the user may lack API access)."
                )
            if 300 <= status < 400:
                where = resp.headers.get("Location", "")
                raise NotOFN(
                    f"{self.host} redirected the request to {redact(where, self._key)[:200]}:"
                    " check the address (a Wi-Fi login page can do this)."
                )
            body = self._json(resp)
            if status == 422 and isinstance(body, dict) and "exception" in body:
                exception_tries += 1
                text = _text(body.get("exception"))
                log.info("%s %s: 422 exception %s", method, path, text[:200])
                if idempotent and exception_tries < policy.exception_attempts:
                    self._sleep(exception_tries - 1)
                    continue
                raise ApiError(
                    f"OFN reported a server error: {redact(text, self._key)[:300]}",
                    status=422,
                    kind="exception",
                )
            if status == 404:
                raise ApiError("OFN has no such record.", status=404, kind="not_found")
            if status >= 400:
                raise ApiError(
                    f"OFN refused: {redact(_error_text(body), self._key)[:300]}",
                    status=status,
                    kind="error",
                )
            return Reply(status, body, _date(resp))

    def _sleep(self, attempt: int) -> None:
        if self.cancel.wait(self.policy.delay(attempt)):
            raise Cancelled("Sync stopped.")

    def _json(self, resp: requests.Response) -> Any:
        ctype = resp.headers.get("Content-Type", "")
        text = resp.text
        if "json" not in ctype.lower():
            raise NotOFN(
                f"{self.host} answered with {ctype.split(';')[0] or 'something'} instead of the"
                " Open Food Network API: check the address (a Wi-Fi login page can do this)."
            )
        try:
            return json.loads(text) if text.strip() else None
        except ValueError:
            raise ApiError(
                f"{self.host} sent a reply that is not valid JSON.",
                status=resp.status_code,
                kind="bad_json",
            ) from None


def _reason(exc: Exception) -> str:
    if isinstance(exc, requests.Timeout):
        return "no answer in time"
    text = str(exc).lower()
    if (
        "name or service not known" in text
        or "nodename nor servname" in text
        or ("getaddrinfo" in text)
    ):
        return "the name does not resolve (no network, or a typo in the address)"
    if "refused" in text:
        return "connection refused"
    if "ssl" in text or "certificate" in text:
        return "the secure connection failed (certificate problem)"
    if "reset" in text or "aborted" in text or "remote end closed" in text:
        return "the connection was cut"
    return "network error"


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)[:300]


def _error_text(body: object) -> str:
    if isinstance(body, dict):
        if "error" in body:
            return _text(body["error"])
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            return _text(errors[0].get("detail", ""))
    return "unknown error"


def _date(resp: requests.Response) -> datetime | None:
    value = resp.headers.get("Date")
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
