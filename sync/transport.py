"""HTTP to one OFN instance: timeouts, retries with backoff and jitter, errors by kind.

GETs are retried on connection errors, 5xx/504 and 422 ``{"exception": ...}`` (a bounded
number of times). PUTs that change an order (capture, ship) are never retried here: their
response can be lost after the server committed, so the pusher re-reads the order and
decides (docs/design.md rule 3).

A hostile or broken server is contained: each exchange runs on a helper thread that the
caller abandons (shutting its socket) at a total deadline or when "Stop sync" is pressed, so
a server trickling a byte every few seconds cannot hold a sync; bodies are capped on the
wire and after decompression (a small gzip bomb cannot take gigabytes); JSON nested deeper
than any OFN answer is refused before it is decoded. The API key is hidden from every
message and log line.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import random
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from pos import __version__
from pos.messages import Phrase, english, phrase
from sync.errors import (
    ApiError,
    Cancelled,
    KeyRejected,
    NoAccess,
    NotOFN,
    Unreachable,
    guard_logs,
    redact,
)

log = logging.getLogger(__name__)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def normalise_url(url: str) -> str:
    """``https://host[/prefix]`` without a trailing slash, or raise a clear error."""
    text = (url or "").strip()
    if not text.rstrip("/"):
        raise NotOFN("sync.address_missing")
    if "://" not in text:
        text = "https://" + text
    text = text.rstrip("/")
    shown = _shown(url)
    not_web = NotOFN("sync.address_not_web", address=shown)
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
        raise NotOFN("sync.address_with_user")
    if parts.scheme == "http" and host not in LOOPBACK:
        raise NotOFN("sync.address_http", address=shown)
    if parts.query or parts.fragment:
        raise NotOFN("sync.address_query", address=shown)
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
    read_timeout: float = 30.0  # silence allowed between two bytes
    total_timeout: float = 90.0  # one exchange, headers and body, however it trickles
    max_body: int = 16 * 1024 * 1024  # bytes on the wire, and again after decompression

    def delay(self, attempt: int) -> float:
        """Exponential backoff with full jitter (attempt 0 = the first retry)."""
        return random.uniform(0, min(self.max_delay, self.base_delay * (2**attempt)))


MAX_DEPTH = 64  # OFN's deepest answer nests about 6 levels
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_PAIR = re.compile(r"\[\]|\{\}")


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when ``text`` nests brackets deeper than ``limit`` (cheap: C-speed regexes only)."""
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(limit):
        brackets, n = _PAIR.subn("", brackets)
        if not brackets or not n:
            return False
    return bool(brackets)


class _Deadline(requests.Timeout):
    """The exchange passed :attr:`RetryPolicy.total_timeout` (not retried: a server that
    takes that long for one answer is not healthy, and retrying would hold the sync)."""


class TooLarge(Exception):
    """The body passed :attr:`RetryPolicy.max_body` (on the wire or decompressed)."""


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    headers: CaseInsensitiveDict[str]
    body: bytes


_tls = threading.local()  # the exchange the current helper thread works for


class _Helpers:
    """Daemon threads that run exchanges, reused (starting a thread per request costs CPU).

    Daemon: a helper cut off in the middle of a connect never delays the app's exit.
    """

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0
        self._threads = 0

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._idle:
                self._idle -= 1
            else:
                self._threads += 1
                threading.Thread(target=self._loop, name="ofn-http", daemon=True).start()
        self._jobs.put(job)

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            job()
            with self._lock:
                self._idle += 1

    def close(self) -> None:
        with self._lock:
            count, self._threads, self._idle = self._threads, 0, 0
        for _ in range(count):
            self._jobs.put(None)


class _Exchange:
    """One request and its body on a helper thread; the caller may abandon it at any time."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.answer: _Answer | None = None
        self.error: BaseException | None = None
        self.abandoned = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()

    def attach(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
            abandoned = self.abandoned
        if abandoned:
            _shut(sock)

    def abandon(self) -> None:
        """Cut the exchange: the helper's blocking read fails at once and the thread ends."""
        with self._lock:
            self.abandoned = True
            sock = self._sock
        _shut(sock)


def _shut(sock: socket.socket | None) -> None:
    """Shut the connection down under a reader blocked on it (from another thread).

    Done on a duplicate of the descriptor, so the socket object the reader uses (an
    ``SSLSocket`` for https) is not touched while it is inside a read.
    """
    if sock is None:
        return
    try:
        fd = sock.fileno()
        if fd < 0:
            return
        dup = socket.fromfd(fd, sock.family, sock.type)
        try:
            dup.shutdown(socket.SHUT_RDWR)
        finally:
            dup.close()
    except OSError:
        pass


class _Conn(HTTPConnection):
    """Tells the exchange which socket it waits on (so it can be cut from another thread)."""

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        exchange = getattr(_tls, "exchange", None)
        if exchange is not None:
            exchange.attach(self.sock)
        return super().getresponse(*args, **kwargs)


class _SConn(HTTPSConnection):
    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        exchange = getattr(_tls, "exchange", None)
        if exchange is not None:
            exchange.attach(self.sock)
        return super().getresponse(*args, **kwargs)


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Conn


class _SPool(HTTPSConnectionPool):
    ConnectionCls = _SConn


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
        guard_logs(api_key)
        self.policy = policy or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max_in_flight, max_retries=0)
        adapter.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _SPool}
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
        self.session.headers["Accept-Encoding"] = "gzip, deflate"  # what _body can decode
        self.requests_sent = 0
        self.key_accepted = False  # an authenticated request succeeded (a later 401 = no access)
        self._count_lock = threading.Lock()
        self.max_in_flight = max_in_flight  # pull and push run this many workers
        self._slots = threading.BoundedSemaphore(max_in_flight)  # requests in flight, at most
        self._helpers = _Helpers()

    def close(self) -> None:
        self._helpers.close()
        self.session.close()

    def __repr__(self) -> str:  # never show the key
        return f"Transport({self.base_url!r})"

    def redact(self, text: str) -> str:
        return redact(text, self._key)

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
        shown = self.redact(path)
        while True:
            if self.cancel.is_set():
                raise Cancelled("sync.stopped")
            attempt += 1
            try:
                with self._count_lock:
                    self.requests_sent += 1
                resp = self._exchange(method, url, params=params, data=data, headers=headers)
            except TooLarge:
                log.info("%s %s: body over %d bytes", method, shown, policy.max_body)
                raise ApiError(
                    "sync.answer_too_large",
                    status=0,
                    kind="too_large",
                    host=self.host,
                    mib=policy.max_body // 1024 // 1024,
                ) from None
            except (requests.RequestException, OSError) as exc:
                reason = _reason(exc)
                log.info("%s %s: %s (try %d)", method, shown, english(reason), attempt)
                if attempt >= tries or isinstance(exc, _Deadline):
                    if idempotent:
                        raise Unreachable(
                            "sync.unreachable", host=self.host, reason=reason
                        ) from None
                    raise ApiError(
                        "sync.no_answer", status=0, kind="lost", host=self.host, reason=reason
                    ) from None
                self._sleep(attempt - 1)
                continue
            status = resp.status
            if status >= 500:
                log.info("%s %s: HTTP %d (try %d)", method, shown, status, attempt)
                if attempt >= tries:
                    if idempotent:
                        raise Unreachable("sync.server_failing", host=self.host, status=status)
                    raise ApiError(
                        "sync.server_failing", status=status, kind="server", host=self.host
                    )
                self._sleep(attempt - 1)
                continue
            if status == 401:
                log.info("%s %s: HTTP 401", method, shown)
                if self.key_accepted:
                    raise NoAccess("sync.no_access", host=self.host)
                raise KeyRejected("sync.key_rejected", host=self.host)
            if 300 <= status < 400:
                where = resp.headers.get("Location", "")
                raise NotOFN("sync.redirected", host=self.host, target=self.redact(where)[:200])
            body = self._json(resp)
            if status == 422 and isinstance(body, dict) and "exception" in body:
                exception_tries += 1
                text = self.redact(_text(body.get("exception")))
                log.info("%s %s: 422 exception %s", method, shown, text[:200])
                if idempotent and exception_tries < policy.exception_attempts:
                    self._sleep(exception_tries - 1)
                    continue
                if "longer than" in text or "timeout" in text.lower():
                    raise ApiError("sync.ofn_timeout", status=422, kind="exception", host=self.host)
                raise ApiError("sync.ofn_exception", status=422, kind="exception", text=text[:300])
            if status == 404:
                raise ApiError("sync.not_found", status=404, kind="not_found")
            if status >= 400:
                raise ApiError(
                    "sync.refused",
                    status=status,
                    kind="error",
                    text=self.redact(_error_text(body))[:300],
                )
            if auth:
                self.key_accepted = True
            return Reply(status, body, _date(resp.headers))

    # one exchange -------------------------------------------------------------
    def _exchange(
        self, method: str, url: str, *, params: Any, data: Any, headers: dict[str, str]
    ) -> _Answer:
        """Send, read the whole body, and give up at the total deadline or on "Stop sync"."""
        policy = self.policy
        if not self._acquire_slot():
            raise Cancelled("sync.stopped")
        exchange = _Exchange()
        released = threading.Lock()

        def release() -> None:
            if released.acquire(blocking=False):
                self._slots.release()

        def work() -> None:
            _tls.exchange = exchange
            try:
                exchange.answer = self._send(method, url, params, data, headers)
            except BaseException as exc:  # handed to the caller
                exchange.error = exc
            finally:
                _tls.exchange = None
                release()
                exchange.done.set()

        self._helpers.submit(work)
        deadline = time.monotonic() + policy.total_timeout
        while not exchange.done.wait(0.05):
            if self.cancel.is_set() or time.monotonic() >= deadline:
                exchange.abandon()
                release()  # the helper may linger a moment: its slot is free now
                if self.cancel.is_set():
                    raise Cancelled("sync.stopped")
                raise _Deadline("total deadline")
        if exchange.error is not None:
            raise exchange.error
        assert exchange.answer is not None
        return exchange.answer

    def _acquire_slot(self) -> bool:
        while not self._slots.acquire(timeout=0.05):
            if self.cancel.is_set():
                return False
        return True

    def _send(
        self, method: str, url: str, params: Any, data: Any, headers: dict[str, str]
    ) -> _Answer:
        policy = self.policy
        resp = self.session.request(
            method,
            url,
            params=params,
            data=data,
            headers=headers,
            timeout=(policy.connect_timeout, policy.read_timeout),
            allow_redirects=False,
            stream=True,
        )
        try:
            body = _body(resp, policy.max_body)
        except urllib3.exceptions.ReadTimeoutError:
            raise requests.Timeout("no answer in time") from None
        except urllib3.exceptions.HTTPError as exc:
            raise requests.ConnectionError("the connection was cut") from exc
        finally:
            resp.close()
        return _Answer(resp.status_code, resp.headers, body)

    def _sleep(self, attempt: int) -> None:
        if self.cancel.wait(self.policy.delay(attempt)):
            raise Cancelled("sync.stopped")

    def _json(self, resp: _Answer) -> Any:
        ctype = resp.headers.get("Content-Type", "")
        if "json" not in ctype.lower():
            raise NotOFN("sync.not_json", host=self.host, type=ctype.split(";")[0] or "?")
        bad = ApiError("sync.bad_json", status=resp.status, kind="bad_json", host=self.host)
        try:
            text = resp.body.decode("utf-8")
        except UnicodeDecodeError:
            raise bad from None
        if not text.strip():
            return None
        if too_deep(text):
            raise ApiError("sync.too_deep", status=resp.status, kind="bad_json", host=self.host)
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            raise bad from None


def _body(resp: requests.Response, cap: int) -> bytes:
    """The body, decompressed, refusing more than ``cap`` bytes on the wire or after."""
    length = resp.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > cap:
        raise TooLarge()
    encoding = resp.headers.get("Content-Encoding", "").strip().lower()
    inflate = None
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflate = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
    elif encoding not in ("", "identity"):
        raise requests.exceptions.ContentDecodingError(f"unknown encoding {encoding[:20]}")
    wire = 0
    out: list[bytes] = []
    size = 0
    for chunk in resp.raw.stream(65536, decode_content=False):
        wire += len(chunk)
        if wire > cap:
            raise TooLarge()
        if inflate is None:
            out.append(chunk)
            size = wire
            continue
        data = chunk
        while data:
            try:
                piece = inflate.decompress(data, cap - size + 1)
            except zlib.error as exc:
                raise requests.exceptions.ContentDecodingError("bad compressed body") from exc
            size += len(piece)
            if size > cap:
                raise TooLarge()
            out.append(piece)
            data = inflate.unconsumed_tail
    if inflate is not None:
        out.append(inflate.flush())
        if size + len(out[-1]) > cap:
            raise TooLarge()
    return b"".join(out)


def _reason(exc: Exception) -> Phrase:
    """Why the network failed, as a phrase worded in the reader's language."""
    if isinstance(exc, requests.Timeout | socket.timeout):
        return phrase("net.timeout")
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return phrase("net.decompress")
    text = str(exc).lower()
    if (
        "name or service not known" in text
        or "nodename nor servname" in text
        or ("getaddrinfo" in text)
    ):
        return phrase("net.no_name")
    if "refused" in text:
        return phrase("net.refused")
    if "ssl" in text or "certificate" in text:
        return phrase("net.tls")
    if "reset" in text or "aborted" in text or "remote end closed" in text:
        return phrase("net.cut")
    return phrase("net.other")


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


def _date(headers: CaseInsensitiveDict[str]) -> datetime | None:
    value = headers.get("Date")
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
