"""Windows and macOS behaviour, tested here on Linux (issue 10, point 5).

No Windows or macOS machine is available, so each platform difference is reached the way
the code decides it: printer addresses and their errors take a ``platform`` argument, the
tz database is really removed from this process, ``os.fchmod`` is really deleted, the key
file's permission handling is switched to Windows' rules, and the lock's tests run on both
of its implementations: ``flock`` (Linux, macOS) and the ``filelock`` wrapper Windows uses.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import threading
import zoneinfo
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos import messages
from pos.domain import timezones
from pos.store.lock import FileLock, LockHeld
from receipts import printers
from receipts.printers import PrinterConfigError, PrinterFault, connect, parse_uri

WINDOWS, LINUX, MACOS = "win32", "linux", "darwin"
LINUX_ONLY_ADVICE = ("apt ", "/dev/", "udev", "“lp” group", "dialout")


# printer addresses ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("uri", "scheme", "target"),
    [
        ("win32://EPSON TM-T20II Receipt", "win32", "EPSON TM-T20II Receipt"),
        ("win32://Caisse%20du%20bar", "win32", "Caisse du bar"),
        ("WIN32://Star TSP143/", "win32", "Star TSP143"),
        ("win32://\\\\office-pc\\Receipts", "win32", "\\\\office-pc\\Receipts"),
        ("serial://COM3", "serial", "COM3"),
        ("serial://com12?baudrate=9600", "serial", "COM12"),
        ("serial:///COM4", "serial", "COM4"),
        ("file:///C:/Users/till/receipts.bin", "file", "C:/Users/till/receipts.bin"),
        ("file://C:/Users/till/receipts.bin", "file", "C:/Users/till/receipts.bin"),
        ("file:///D:/Till%20data/out.bin", "file", "D:/Till data/out.bin"),
        ("file://localhost/E:/out.bin", "file", "E:/out.bin"),
        ("file://office-pc/share/out.bin", "file", "\\\\office-pc\\share\\out.bin"),
        ("tcp://192.168.1.50", "tcp", "192.168.1.50"),
    ],
)
def test_windows_printer_addresses(uri: str, scheme: str, target: str) -> None:
    address = parse_uri(uri, platform=WINDOWS)
    assert address.scheme == scheme
    found = {"win32": address.queue, "serial": address.path, "file": address.path}.get(
        scheme, address.host
    )
    assert found == target


def test_serial_baud_rate_on_windows() -> None:
    assert parse_uri("serial://COM3?baudrate=9600", platform=WINDOWS).baudrate == 9600


@pytest.mark.parametrize("platform", [LINUX, MACOS])
def test_unix_addresses_keep_their_meaning(platform: str) -> None:
    assert parse_uri("file:///dev/usb/lp0", platform=platform).path == "/dev/usb/lp0"
    # a drive letter means nothing there: the path is taken as written
    assert parse_uri("file:///C:/x.bin", platform=platform).path == "/C:/x.bin"
    assert parse_uri("serial:///dev/ttyUSB0", platform=platform).path == "/dev/ttyUSB0"
    with pytest.raises(PrinterConfigError, match=r"Windows port name.*/dev/ttyUSB0"):
        parse_uri("serial://COM3", platform=platform)


def test_bad_addresses_suggest_what_this_platform_understands() -> None:
    with pytest.raises(PrinterConfigError) as on_windows:
        parse_uri("lpt1:", platform=WINDOWS)
    assert "win32://Printer name" in on_windows.value.message
    assert "serial://COM3" in on_windows.value.message
    assert "cups://" not in on_windows.value.message
    assert not any(advice in on_windows.value.message for advice in LINUX_ONLY_ADVICE)
    with pytest.raises(PrinterConfigError) as on_linux:
        parse_uri("lpt1:", platform=LINUX)
    assert "cups://QUEUE" in on_linux.value.message and "win32://" not in on_linux.value.message
    with pytest.raises(PrinterConfigError) as on_mac:
        parse_uri("lpt1:", platform=MACOS)
    assert "/dev/cu." in on_mac.value.message
    with pytest.raises(PrinterConfigError, match="names no printer"):
        parse_uri("win32://", platform=WINDOWS)
    with pytest.raises(PrinterConfigError, match="serial://COM3"):
        parse_uri("serial://", platform=WINDOWS)


def _fix_for(uri: str, platform: str) -> str:
    """The sentence a volunteer gets when connecting to ``uri`` fails on ``platform``."""
    with pytest.raises(PrinterFault) as error:
        connect(parse_uri(uri, platform=platform), timeout=0.5, platform=platform).close()
    return error.value.message


def test_windows_errors_name_windows_fixes() -> None:
    # cups:// on Windows: use the Windows queue instead
    cups = _fix_for("cups://Kitchen", WINDOWS)
    assert "win32://" in cups
    # win32:// really reaches python-escpos's Win32Raw: pywin32 is absent on this machine
    queue = _fix_for("win32://EPSON TM-T20II", WINDOWS)
    assert "pywin32" in queue and "reinstall Food Hub POS" in queue
    # no USB printer here: not found, or no libusb backend; both point to the queue
    usb = _fix_for("usb://04b8:0e28", WINDOWS)
    assert "win32://Printer name" in usb
    serial = _fix_for("serial://COM3", WINDOWS)
    assert "Device Manager" in serial
    for message in (cups, queue, usb, serial):
        assert not any(advice in message for advice in LINUX_ONLY_ADVICE), message
        assert message.endswith(".")


def test_unix_errors_name_unix_fixes() -> None:
    win32 = _fix_for("win32://EPSON TM-T20II", LINUX)
    assert "only on Windows" in win32 and "cups://" in win32
    usb_linux = _fix_for("usb://04b8:0e28", LINUX)
    assert "udev" in usb_linux or "apt install libusb" in usb_linux
    usb_mac = _fix_for("usb://04b8:0e28", MACOS)
    assert "apt" not in usb_mac and "udev" not in usb_mac
    assert "dialout" in _fix_for("serial:///dev/ttyNOPE0", LINUX)


def test_usb_advice_per_platform() -> None:
    def advice(code: str) -> str:
        return messages.word(code, {"device": "04b8:0e28", "detail": "no backend"}, "en")

    for platform, expected in ((WINDOWS, "win32://"), (MACOS, "brew"), (LINUX, "apt install")):
        _not_found, no_libusb = printers._usb_fixes(platform)
        assert expected in advice(no_libusb)
    assert "udev" in advice(printers._usb_fixes(LINUX)[0])
    assert "udev" not in advice(printers._usb_fixes(WINDOWS)[0])


# time zones ------------------------------------------------------------------------------
@pytest.fixture
def no_tz_database(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process without a system tz database and without the tzdata package (Windows
    with a broken install): ``ZoneInfo`` then finds nothing, not even UTC."""
    monkeypatch.setitem(sys.modules, "tzdata", None)  # import tzdata -> ImportError
    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    timezones.clear_cache()
    try:
        yield
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
        timezones.clear_cache()


def test_without_any_tz_database_times_are_utc(
    no_tz_database: None, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError):
        zoneinfo.ZoneInfo("UTC")  # the simulation is real: even UTC is missing
    with caplog.at_level(logging.WARNING):
        assert timezones.zone("Europe/Paris") is UTC
    assert "showing times in UTC" in caplog.text
    assert timezones.zone("UTC") is UTC
    assert timezones.zone("") is UTC
    # the places that show times still work, in UTC
    from receipts.receipt import local_time

    assert "09:14" in local_time("2026-11-26T09:14:03Z", "Europe/Paris", "fr_FR")
    from pos.ui.formatting import local_time as ui_time

    assert "09:14" in ui_time("2026-11-26T09:14:03Z", "Europe/London")


def test_tzdata_package_supplies_zones_without_a_system_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("tzdata", reason="tzdata is a declared dependency; not installed here")
    zoneinfo.reset_tzpath(to=[])  # no /usr/share/zoneinfo, as on Windows
    zoneinfo.ZoneInfo.clear_cache()
    timezones.clear_cache()
    try:
        paris = timezones.zone("Europe/Paris")
        assert paris is not UTC
        assert datetime(2026, 1, 15, 12, tzinfo=UTC).astimezone(paris).hour == 13
        assert datetime(2026, 7, 15, 12, tzinfo=UTC).astimezone(paris).hour == 14
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
        timezones.clear_cache()


# the API key file ----------------------------------------------------------------------------
@pytest.fixture
def key_file_storage() -> None:
    from sync import credentials

    if credentials.storage() == "keyring":
        pytest.skip("a keyring is available here: the key file fallback is not used")


def test_key_file_without_os_fchmod(
    key_file_storage: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python before 3.13 on Windows has no ``os.fchmod``."""
    from sync import credentials

    monkeypatch.delattr(os, "fchmod")
    where = credentials.save_key("https://openfoodnetwork.org.uk", "k" * 48)
    assert where == str(credentials.key_file())
    assert credentials.load_key("https://openfoodnetwork.org.uk") == "k" * 48
    if os.name == "posix":  # still created private (0600 at creation)
        assert stat.S_IMODE(credentials.key_file().stat().st_mode) == 0o600
    credentials.delete_key("https://openfoodnetwork.org.uk")
    assert credentials.load_key("https://openfoodnetwork.org.uk") is None


def test_key_file_on_windows_leaves_permissions_to_the_profile_acl(
    key_file_storage: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """On Windows mode bits only toggle read-only: no "readable by others" alarm, no chmod."""
    from sync import credentials

    monkeypatch.setattr(credentials, "_posix_modes", lambda: False)
    monkeypatch.delattr(os, "fchmod")
    credentials.save_key("https://openfoodnetwork.org.uk", "w" * 48)
    os.chmod(credentials.key_file(), 0o666)  # what Windows reports for any writable file
    with caplog.at_level(logging.WARNING):
        assert credentials.load_key("https://openfoodnetwork.org.uk") == "w" * 48
        credentials.save_key("https://openfoodnetwork.org.au", "a" * 48)
    assert "readable by others" not in caplog.text
    assert credentials.load_key("https://openfoodnetwork.org.au") == "a" * 48


# the database lock ---------------------------------------------------------------------------
@pytest.fixture(params=["flock", "windows"], autouse=False)
def lock_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each lock test on both implementations (the Windows one through filelock here)."""
    from pos.store import lock

    kind = {"flock": lock._Flock, "windows": lock._WindowsLock}[request.param]
    monkeypatch.setattr(lock, "_os_lock", kind)
    return str(request.param)


@pytest.mark.usefixtures("lock_kind")
def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    first = FileLock(db)
    first.acquire()
    second = FileLock(db)
    with pytest.raises(LockHeld):
        second.acquire()
    first.release()
    first.release()  # twice is harmless
    second.acquire()
    assert second.held
    second.release()
    assert not second.held


@pytest.mark.usefixtures("lock_kind")
def test_lock_taken_on_one_thread_is_released_on_another(tmp_path: Path) -> None:
    """A store opened by a worker and closed by the GUI thread must free the database."""
    db = tmp_path / "hub.sqlite"
    lock = FileLock(db)
    worker = threading.Thread(target=lock.acquire)
    worker.start()
    worker.join(10)
    assert lock.held
    lock.release()
    again = FileLock(db)
    again.acquire()
    again.release()


@pytest.mark.usefixtures("lock_kind")
def test_lock_in_a_read_only_folder_is_an_os_error_not_held(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        folder = Path("/proc")  # root ignores permission bits
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    with pytest.raises(OSError):
        FileLock(folder / "hub.sqlite").acquire()


# the console entry point ----------------------------------------------------------------------
def test_a_console_entry_point_runs_the_same_program() -> None:
    """Windows gives the ``foodhub-pos`` gui-script no console, so ``report``, ``lists``,
    ``sync``, ``print-test`` and ``demo`` print through ``foodhub-pos-cli``; the bundle's spec
    makes both programs."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["foodhub-pos-cli"] == project["gui-scripts"]["foodhub-pos"]
    spec = (root / "packaging" / "foodhub-pos.spec").read_text(encoding="utf-8")
    assert 'name=f"{APP}-cli"' in spec and "console=True" in spec and "console=False" in spec
    from pos.app import main

    module, _, function = project["scripts"]["foodhub-pos-cli"].partition(":")
    assert getattr(__import__(module, fromlist=[function]), function) is main


@pytest.fixture
def in_process_main() -> Iterator[None]:
    """``main()`` sets up file logging and crash traces: undo both after the test."""
    from pos import logs

    root = logging.getLogger()
    before = list(root.handlers)
    try:
        yield
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        logs.shutdown()


def test_windowed_program_without_console_streams(
    in_process_main: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """On Windows the windowed ``foodhub-pos.exe`` has ``sys.stdout = sys.stderr = None``:
    a command typed there must still run and exit with its code, not crash on printing."""
    from pos.app import main

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0
    assert main(["report", "--db", str(tmp_path / "none.sqlite"), "--out", "x.pdf"]) == 1
    out = tmp_path / "demo.sqlite"
    assert main(["demo", "--out", str(out), "--orders", "5"]) == 0 and out.exists()
