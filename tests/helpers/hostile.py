"""A small hostile HTTP server on 127.0.0.1: it answers each request with whatever a test
scripts, byte by byte if need be (trickling, gzip bombs, endless headers)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator

Behaviour = Callable[[str, socket.socket], None]  # (request path, connection)


def head(status: int = 200, *, ctype: str = "application/json", length: int | None = None,
         extra: str = "") -> bytes:  # fmt: skip
    lines = [f"HTTP/1.1 {status} X", f"Content-Type: {ctype}"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n" + extra + "\r\n").encode()


def answer(conn: socket.socket, body: bytes, status: int = 200, extra: str = "") -> None:
    conn.sendall(head(status, length=len(body), extra=extra) + body)


def trickle(conn: socket.socket, stop: threading.Event, every: float = 1.0) -> None:
    """Headers, then one byte of body every ``every`` seconds, for ever."""
    conn.sendall(head(length=10_000_000) + b"[")
    while not stop.wait(every):
        conn.sendall(b"1")


class HostileServer:
    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.stop = threading.Event()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.paths: list[str] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:
            while not self.stop.is_set():
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                path = data.split(b" ", 2)[1].decode("latin-1")
                self.paths.append(path)
                self.behaviour(path, conn)

    def __enter__(self) -> HostileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.sock.close()
        self.thread.join(2)


@contextlib.contextmanager
def hostile(behaviour: Behaviour) -> Iterator[HostileServer]:
    with HostileServer(behaviour) as server:
        yield server


def timed() -> Callable[[], float]:
    start = time.monotonic()
    return lambda: time.monotonic() - start
