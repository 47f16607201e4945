"""Printer connections by URI, status checks, and sending rendered bytes.

URIs (docs/interfaces.md): ``tcp://host[:9100]``, ``usb://VID:PID``,
``serial:///dev/ttyUSB0?baudrate=19200``, ``file:///dev/usb/lp0``, ``cups://QUEUE``; on
Windows also ``win32://Printer name`` (a printer queue, sent raw), ``serial://COM3`` and
``file:///C:/folder/file``. Parsing and error messages follow the platform the app runs on
(``platform`` arguments let tests ask for another one), so a Windows volunteer is never told
to ``apt install`` anything.

:func:`send` asks the printer for its status (``DLE EOT``) *before* sending: a printer that
is off line, out of paper or has its cover open gets nothing, so the job can stay queued and
be sent once the fault is fixed without ever printing twice. Bytes that were handed over
are the printer's: if it then reports a fault it holds them and prints when fixed (real
printers and emupos both do), so the job counts as sent. Connections that cannot report
status (device files, CUPS) are trusted once the write succeeds.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from pos.errors import KnownError

DLE_EOT = b"\x10\x04"
FaultKind = Literal[
    "unreachable", "offline", "paper_out", "cover_open", "error", "config", "interrupted"
]


class PrinterFault(KnownError):
    """The printer cannot take the job now; ``sent`` says whether any byte went out."""

    def __init__(self, code: str, kind: FaultKind, *, sent: bool = False, **params: Any) -> None:
        super().__init__(code, **params)
        self.kind: FaultKind = kind
        self.sent = sent


class PrinterConfigError(PrinterFault):
    """The printer setting itself is wrong (bad URI, missing driver): fixing it needs a person."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, "config", **params)


# platforms ------------------------------------------------------------------------
System = Literal["windows", "macos", "linux"]


def system(platform: str | None = None) -> System:
    """``windows``, ``macos`` or ``linux`` (any other Unix) for ``sys.platform``-style names."""
    name = sys.platform if platform is None else platform
    if name.startswith(("win", "cygwin", "msys")):
        return "windows"
    if name.startswith("darwin") or name == "macos":
        return "macos"
    return "linux"


def address_examples(platform: str | None = None) -> str:
    """The printer addresses this platform understands, for hints and error messages."""
    if system(platform) == "windows":
        return (
            "win32://Printer name, tcp://HOST:9100, serial://COM3?baudrate=19200, "
            "usb://VID:PID or file:///C:/folder/file"
        )
    serial_port = "/dev/cu.usbserial" if system(platform) == "macos" else "/dev/ttyUSB0"
    return (
        f"tcp://HOST:9100, usb://VID:PID, serial://{serial_port}?baudrate=19200, "
        "file:///dev/usb/lp0 or cups://QUEUE"
    )


_DRIVE = re.compile(r"^/?([A-Za-z]:)([/\\].*)?$")
_COM_PORT = re.compile(r"^/?(COM[0-9]+)$", re.IGNORECASE)


def _file_path(netloc: str, path: str, platform: str | None) -> str:
    """The file a ``file://`` URI names; on Windows with its drive letter or as a UNC path."""
    if system(platform) != "windows":
        return path
    if netloc.lower() == "localhost":
        netloc = ""
    if netloc and _DRIVE.match(netloc):  # file://C:/folder/file
        return netloc + (path or "\\")
    drive = _DRIVE.match(path)
    if drive and not netloc:  # file:///C:/folder/file
        return drive.group(1) + (drive.group(2) or "\\")
    if netloc:  # file://server/share/file
        return "\\\\" + netloc + path.replace("/", "\\")
    return path


# addresses ------------------------------------------------------------------------
@dataclass(frozen=True)
class PrinterAddress:
    uri: str
    scheme: str  # tcp | usb | serial | file | cups | win32
    host: str = ""
    port: int = 9100
    vendor: int = 0
    product: int = 0
    path: str = ""
    baudrate: int = 19200
    queue: str = ""

    def describe(self) -> str:
        return self.uri


def parse_uri(uri: str, *, platform: str | None = None) -> PrinterAddress:
    """Parse a printer URI or raise :class:`PrinterConfigError` with a sentence saying why.

    Every scheme parses everywhere (a hub database may move between computers); whether the
    connection exists on this platform is :func:`connect`'s business.
    """
    text = (uri or "").strip()
    if not text:
        raise PrinterConfigError("printer.none")
    if text.lower().startswith("win32:"):
        # Windows printer names have spaces and other characters a URL parser would mangle.
        name = unquote(text[len("win32:") :].lstrip("/")).strip().rstrip("/")
        if not name:
            raise PrinterConfigError("printer.win32_no_name", address=text)
        return PrinterAddress(text, "win32", queue=name)
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "tcp":
        if not parts.hostname:
            raise PrinterConfigError("printer.tcp_no_host", address=text)
        try:
            port = parts.port or 9100
        except ValueError as exc:
            raise PrinterConfigError("printer.bad_port", address=text) from exc
        return PrinterAddress(text, "tcp", host=parts.hostname, port=port)
    if scheme == "usb":
        ids = (parts.netloc or parts.path.strip("/")).split(":")
        try:
            vendor, product = (int(value, 16) for value in ids)
        except ValueError as exc:
            raise PrinterConfigError("printer.usb_bad", address=text) from exc
        return PrinterAddress(text, "usb", vendor=vendor, product=product)
    if scheme == "serial":
        path = unquote(parts.netloc + parts.path)
        com_port = _COM_PORT.match(path)
        if system(platform) == "windows":
            if com_port:  # serial://COM3, as Windows names its ports
                path = com_port.group(1).upper()
            if not path:
                raise PrinterConfigError("printer.serial_no_port_windows", address=text)
        elif com_port:
            raise PrinterConfigError("printer.serial_com_elsewhere", address=text)
        elif not path.startswith("/"):
            raise PrinterConfigError("printer.serial_no_port", address=text)
        query = parse_qs(parts.query)
        try:
            baud = int(query.get("baudrate", ["19200"])[0])
        except ValueError as exc:
            raise PrinterConfigError("printer.bad_baud", address=text) from exc
        return PrinterAddress(text, "serial", path=path, baudrate=baud)
    if scheme == "file":
        path = _file_path(unquote(parts.netloc), unquote(parts.path), platform)
        if not path:
            example = (
                "file:///C:/folder/file" if system(platform) == "windows" else "file:///dev/usb/lp0"
            )
            raise PrinterConfigError("printer.file_no_path", address=text, example=example)
        return PrinterAddress(text, "file", path=path)
    if scheme == "cups":
        queue = unquote(parts.netloc or parts.path.strip("/"))
        if not queue:
            raise PrinterConfigError("printer.cups_no_queue", address=text)
        return PrinterAddress(text, "cups", queue=queue)
    raise PrinterConfigError(
        "printer.not_an_address", address=text, examples=address_examples(platform)
    )


# status -------------------------------------------------------------------------------
@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself; None where it did not answer (unknown)."""

    online: bool | None = None
    paper: Literal["ok", "near_end", "out"] | None = None
    cover_open: bool | None = None
    error: bool | None = None

    @property
    def problem(self) -> PrinterFault | None:
        if self.paper == "out":
            return PrinterFault("printer.paper_out", "paper_out")
        if self.cover_open:
            return PrinterFault("printer.cover_open", "cover_open")
        if self.error:
            return PrinterFault("printer.error", "error")
        if self.online is False:
            return PrinterFault("printer.offline", "offline")
        return None

    @property
    def known(self) -> bool:
        return self.online is not None or self.paper is not None


def _valid(reply: int | None) -> int | None:
    """A DLE EOT reply byte has bits 1 and 4 set and bits 0 and 7 clear."""
    return reply if reply is not None and reply & 0x93 == 0x12 else None


def status_from_replies(n1: int | None, n2: int | None, n4: int | None) -> PrinterStatus:
    n1, n2, n4 = _valid(n1), _valid(n2), _valid(n4)
    paper: Literal["ok", "near_end", "out"] | None = None
    if n4 is not None:
        paper = "out" if n4 & 0x60 else "near_end" if n4 & 0x0C else "ok"
    if n2 is not None and n2 & 0x20:
        paper = "out"
    return PrinterStatus(
        online=None if n1 is None else not (n1 & 0x08),
        paper=paper,
        cover_open=None if n2 is None else bool(n2 & 0x04),
        error=None if n2 is None else bool(n2 & 0x40),
    )


# connections ----------------------------------------------------------------------------
class Connection(Protocol):
    def status(self) -> PrinterStatus: ...
    def write(self, data: bytes) -> None: ...
    def close(self) -> None: ...


class _EscposConnection:
    """A python-escpos printer object used as a byte pipe plus DLE EOT status queries."""

    def __init__(self, printer: Any, status_timeout: float) -> None:
        self.printer = printer
        self.status_timeout = status_timeout

    def _read_some(self) -> bytes:
        """One read of whatever the printer sent back; empty when it sent nothing."""
        try:
            return bytes(self.printer._read() or b"")
        except Exception:  # timeouts and transport errors (pyusb, pyserial)
            return b""

    def status(self) -> PrinterStatus:
        """Ask DLE EOT 1, 2 and 4 in one go (one round trip) and read the three replies."""
        try:
            self.printer._raw(DLE_EOT + b"\x01" + DLE_EOT + b"\x02" + DLE_EOT + b"\x04")
        except Exception:
            return PrinterStatus()
        replies = b""
        deadline = time.monotonic() + self.status_timeout
        while len(replies) < 3 and time.monotonic() < deadline:
            chunk = self._read_some()
            if not chunk:
                break
            replies += chunk
        replies = replies[-3:]
        if len(replies) < 3:  # no (complete) answer: status unknown, not "fine"
            return PrinterStatus()
        return status_from_replies(replies[0], replies[1], replies[2])

    def write(self, data: bytes) -> None:
        self.printer._raw(data)

    def close(self) -> None:
        try:
            self.printer.close()
        except Exception:  # closing a broken connection must not hide the real error
            pass


class _TcpConnection(_EscposConnection):
    def _read_some(self) -> bytes:
        sock: socket.socket = self.printer.device
        previous = sock.gettimeout()
        sock.settimeout(self.status_timeout)
        try:
            return sock.recv(16)
        except OSError:
            return b""
        finally:
            sock.settimeout(previous)


class _FileConnection:
    """A device file (``/dev/usb/lp0``) or, for testing and archiving, a regular file (appended)."""

    def __init__(self, path: str, *, platform: str | None = None) -> None:
        self.path = path
        target = Path(path)
        regular = not target.exists() or stat.S_ISREG(target.stat().st_mode)
        if not target.exists() and not target.parent.is_dir():
            raise PrinterFault("printer.no_device", "unreachable", path=path)
        try:
            if regular:  # a receipt archive holds customers' names: private, like the rest
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                self.handle = os.fdopen(fd, "ab", buffering=0)
            else:
                self.handle = open(path, "wb", buffering=0)
        except PermissionError as exc:
            code = f"printer.no_permission.{system(platform)}"
            raise PrinterConfigError(code, path=path) from exc
        except OSError as exc:
            raise PrinterFault(
                "printer.cannot_open", "unreachable", path=path, reason=exc.strerror
            ) from exc

    def status(self) -> PrinterStatus:
        return PrinterStatus()

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.handle.flush()
        try:
            os.fsync(self.handle.fileno())
        except OSError:
            pass  # character devices cannot be synced

    def close(self) -> None:
        self.handle.close()


class _CupsConnection:
    """The system print queue through ``lp -o raw`` (the ESC/POS bytes pass unchanged)."""

    def __init__(self, queue: str, timeout: float) -> None:
        self.queue = queue
        self.timeout = timeout
        self.lp = shutil.which("lp")
        if self.lp is None:
            raise PrinterConfigError("printer.no_lp")

    def status(self) -> PrinterStatus:
        lpstat = shutil.which("lpstat")
        if lpstat is None:
            return PrinterStatus()
        try:
            done = subprocess.run(
                [lpstat, "-p", self.queue], capture_output=True, text=True, timeout=self.timeout
            )
        except (OSError, subprocess.TimeoutExpired):
            return PrinterStatus()
        if done.returncode != 0:
            raise PrinterConfigError("printer.no_queue", queue=self.queue)
        return PrinterStatus(online="disabled" not in done.stdout)

    def write(self, data: bytes) -> None:
        assert self.lp is not None
        try:
            done = subprocess.run(
                [self.lp, "-d", self.queue, "-o", "raw", "-t", "Food Hub POS"],
                input=data,
                capture_output=True,
                timeout=max(self.timeout, 30),
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrinterFault("printer.queue_silent", "unreachable", queue=self.queue) from exc
        if done.returncode != 0:
            reason = done.stderr.decode(errors="replace").strip().splitlines()
            if reason:
                raise PrinterFault(
                    "printer.queue_refused_why", "unreachable", queue=self.queue, reason=reason[-1]
                )
            raise PrinterFault("printer.queue_refused", "unreachable", queue=self.queue)

    def close(self) -> None:
        pass


def _usb_fixes(platform: str | None) -> tuple[str, str]:
    """The codes of what to do when the USB printer is not found / when libusb is missing,
    per platform (``pos.messages`` has their sentences)."""
    here = system(platform)
    return f"printer.usb_not_found.{here}", f"printer.no_libusb.{here}"


class _SpoolerConnection(_EscposConnection):
    """A Windows printer queue (python-escpos ``Win32Raw``): one raw job per connection.

    The spooler gives no way to read the printer's answer, so the status is unknown and the
    job counts as sent once Windows accepted it (like a CUPS queue).
    """

    def status(self) -> PrinterStatus:
        return PrinterStatus()


def connect(
    address: PrinterAddress,
    *,
    timeout: float = 5.0,
    status_timeout: float = 1.0,
    platform: str | None = None,
) -> Connection:
    """Open a connection or raise :class:`PrinterFault` (``unreachable``/``config``)."""
    from escpos.exceptions import DeviceNotFoundError

    import receipts.escpos_compat  # noqa: F401  (python-escpos without its side effects)

    here = system(platform)
    if address.scheme == "tcp":
        from escpos.printer import Network

        printer = Network(address.host, address.port, timeout=timeout)
        try:
            # Network.open() leaks its socket when the connection is refused; this does not.
            printer.device = socket.create_connection((address.host, address.port), timeout)
        except OSError as exc:
            raise PrinterFault(
                "printer.tcp_silent", "unreachable", host=address.host, port=address.port
            ) from exc
        return _TcpConnection(printer, status_timeout)
    if address.scheme == "usb":
        from escpos.printer import Usb

        not_found, no_libusb = _usb_fixes(platform)
        if not Usb.is_usable():
            raise PrinterConfigError("printer.no_pyusb")
        usb_printer = Usb(address.vendor, address.product, timeout=int(timeout * 1000))
        try:
            usb_printer.open()
        except DeviceNotFoundError as exc:
            raise PrinterFault(
                not_found, "unreachable", device=f"{address.vendor:04x}:{address.product:04x}"
            ) from exc
        except Exception as exc:  # no libusb backend
            raise PrinterConfigError(no_libusb, detail=str(exc).rstrip(".")) from exc
        return _EscposConnection(usb_printer, status_timeout)
    if address.scheme == "serial":
        from escpos.printer import Serial

        if not Serial.is_usable():
            raise PrinterConfigError("printer.no_pyserial")
        serial_printer = Serial(address.path, baudrate=address.baudrate, timeout=status_timeout)
        try:
            serial_printer.open()
        except DeviceNotFoundError as exc:
            raise PrinterFault(
                f"printer.serial_cannot_open.{here}", "unreachable", port=address.path
            ) from exc
        return _EscposConnection(serial_printer, status_timeout)
    if address.scheme == "file":
        return _FileConnection(address.path, platform=platform)
    if address.scheme == "cups":
        if here == "windows":
            raise PrinterConfigError("printer.cups_on_windows")
        return _CupsConnection(address.queue, timeout)
    if address.scheme == "win32":
        if here != "windows":
            raise PrinterConfigError("printer.win32_elsewhere")
        from escpos.printer import Win32Raw

        if not Win32Raw.is_usable():
            raise PrinterConfigError("printer.no_pywin32")
        spooled = Win32Raw(address.queue)
        try:
            spooled.open(job_name="Food Hub POS")
        except DeviceNotFoundError as exc:
            raise PrinterFault(
                "printer.win32_no_printer", "unreachable", queue=address.queue
            ) from exc
        return _SpoolerConnection(spooled, status_timeout)
    raise PrinterConfigError("printer.unsupported", address=address.uri)


def query_status(address: PrinterAddress, *, timeout: float = 3.0) -> PrinterStatus:
    """Ask the printer how it is, sending no print data (device files: is it there?)."""
    if address.scheme == "file":
        target = Path(address.path)
        if not target.exists() and not target.parent.is_dir():
            raise PrinterFault("printer.no_device", "unreachable", path=address.path)
        return PrinterStatus()
    conn = connect(address, timeout=timeout)
    try:
        return conn.status()
    finally:
        conn.close()


def send(
    address: PrinterAddress, data: bytes, *, timeout: float = 5.0, status_timeout: float = 1.0
) -> PrinterStatus:
    """Send ``data`` if the printer is ready; return its status afterwards.

    Raises :class:`PrinterFault` with ``sent=False`` when nothing was sent (the job can be
    retried safely), or ``sent=True`` when the connection broke during the write.
    """
    conn = connect(address, timeout=timeout, status_timeout=status_timeout)
    try:
        before = conn.status()
        if before.problem is not None:
            raise before.problem
        try:
            conn.write(data)
        except PrinterFault:
            raise
        except Exception as exc:
            raise PrinterFault("printer.broke", "interrupted", sent=True, detail=str(exc)) from exc
        if not before.known:  # it did not answer before: do not wait for it again
            return before
        try:
            return conn.status()
        except Exception:
            return PrinterStatus()
    finally:
        conn.close()
