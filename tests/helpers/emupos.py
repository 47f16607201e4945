"""Run the emupos ESC/POS printer emulator on 127.0.0.1 for tests and benchmarks.

emupos lives in its own Python 3.13 virtual environment (tests/tools/setup-emupos.sh makes
it at ``.emupos-venv``); it runs as a subprocess and is driven through its control API:
receipts as text dumps, faults on and off, the cash drawer's state.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SETUP = ROOT / "tests" / "tools" / "setup-emupos.sh"
DEVICE = "front"


class EmuposUnavailable(RuntimeError):
    """emupos could not be installed or started; the message says why."""


def venv_dir() -> Path:
    return Path(os.environ.get("EMUPOS_VENV", ROOT / ".emupos-venv"))


def emupos_executable(setup: bool = True) -> Path:
    exe = venv_dir() / "bin" / "emupos"
    if not exe.exists() and setup:
        done = subprocess.run(
            ["bash", str(SETUP)], capture_output=True, text=True, timeout=600, cwd=ROOT
        )
        if done.returncode != 0:
            raise EmuposUnavailable(f"setup-emupos.sh failed: {done.stderr.strip()[-500:]}")
    if not exe.exists():
        raise EmuposUnavailable(f"emupos is not installed in {venv_dir()}")
    return exe


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Emupos:
    """One running emulator: printer on ``printer_port``, control API on ``api_port``."""

    workdir: Path
    printer_port: int = 0
    api_port: int = 0
    idle_timeout_ms: int = 400
    process: subprocess.Popen[bytes] | None = None
    log_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.printer_port = self.printer_port or free_port()
        self.api_port = self.api_port or free_port()
        self.log_path = self.workdir / "emupos.log"

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.printer_port}"

    # lifecycle --------------------------------------------------------------------
    def start(self, timeout: float = 30.0) -> Emupos:
        exe = emupos_executable()
        config = self.workdir / "emupos.yaml"
        config.write_text(
            "schema: 1\n"
            f"api: {{ host: 127.0.0.1, port: {self.api_port} }}\n"
            "devices:\n"
            f"  - id: {DEVICE}\n"
            "    type: printer\n"
            "    profile: epson-tm-t20iii\n"
            "    connections:\n"
            f"      - tcp: {{ host: 127.0.0.1, port: {self.printer_port} }}\n"
            "      - serial: { pty: true }\n"
            f"    job_idle_timeout_ms: {self.idle_timeout_ms}\n"
            f"    receipts_dir: {self.workdir / 'receipts'}\n",
            encoding="utf-8",
        )
        log = open(self.log_path, "wb")
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "TMPDIR": str(self.workdir)}
        self.process = subprocess.Popen(
            [str(exe), "run", "--config", str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.workdir,
            env=env,
        )
        self._log = log
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise EmuposUnavailable(f"emupos exited: {self.log_text()[-800:]}")
            try:
                if self.api("GET", "/health").get("status") == "ok" and self._port_open():
                    return self
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.1)
        self.stop()
        raise EmuposUnavailable(f"emupos did not start in {timeout} s: {self.log_text()[-800:]}")

    def _port_open(self) -> bool:
        with socket.socket() as s:
            s.settimeout(0.5)
            return s.connect_ex(("127.0.0.1", self.printer_port)) == 0

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if getattr(self, "_log", None):
            self._log.close()

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    # control API -------------------------------------------------------------------
    def api(self, method: str, path: str) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.api_port}/api/v1{path}", method=method
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        if not body:
            return None
        try:
            return json.loads(body)
        except ValueError:
            return body.decode("utf-8")

    def receipts(self) -> list[dict[str, Any]]:
        """Completed receipts, oldest first."""
        found = list(self.api("GET", f"/devices/{DEVICE}/receipts"))
        return sorted(found, key=lambda r: (r["completed_at"], r["id"]))

    def image(self, receipt_id: str) -> bytes:
        url = (
            f"http://127.0.0.1:{self.api_port}/api/v1/devices/{DEVICE}/receipts/{receipt_id}/image"
        )
        with urllib.request.urlopen(url, timeout=10) as response:
            return bytes(response.read())

    def receipt_text(self, receipt_id: str) -> str:
        return str(self.api("GET", f"/devices/{DEVICE}/receipts/{receipt_id}/text"))

    def texts(self) -> list[str]:
        return [self.receipt_text(r["id"]) for r in self.receipts()]

    def wait_receipts(self, count: int, timeout: float = 10.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.receipts()
            if len(found) >= count:
                return [self.receipt_text(r["id"]) for r in found]
            time.sleep(0.1)
        raise AssertionError(f"expected {count} receipts, emupos has {len(self.receipts())}")

    def set_fault(self, fault: str, active: bool = True) -> None:
        self.api("PUT" if active else "DELETE", f"/devices/{DEVICE}/faults/{fault}")

    def state(self) -> dict[str, Any]:
        return dict(self.api("GET", f"/devices/{DEVICE}")["state"])

    def serial_path(self) -> str | None:
        """The pty emupos publishes for its serial connection (Linux, macOS)."""
        for connection in self.api("GET", f"/devices/{DEVICE}")["connections"]:
            if connection["kind"] == "serial":
                return connection.get("link_path") or connection.get("device_path")
        return None

    def close_drawer(self) -> None:
        self.api("POST", f"/devices/{DEVICE}/drawer/close")


def python313_available() -> bool:
    return (
        any(shutil.which(name) for name in ("python3.13", "python3.14"))
        or Path("/root/.pyenv/versions/3.13.0/bin/python3.13").exists()
    )
