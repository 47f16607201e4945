"""The printer settings dialog shows the addresses of the platform it runs on (issue 10)."""

from __future__ import annotations

import pytest

from receipts import printers


def test_windows_volunteers_see_windows_printer_addresses(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printers, "system", lambda platform=None: "windows")
    dialog = window.printing.open_settings()
    qtbot.addWidget(dialog)
    hint = dialog.uri_help.text()
    assert "win32://" in hint and "serial://COM3" in hint and "file:///C:/" in hint
    assert "/dev/" not in hint and "cups://" not in hint


def test_linux_volunteers_see_device_files_and_cups(qtbot, window) -> None:
    if printers.system() == "windows":
        pytest.skip("this machine is Windows")
    dialog = window.printing.open_settings()
    qtbot.addWidget(dialog)
    hint = dialog.uri_help.text()
    assert "cups://QUEUE" in hint and "win32://" not in hint
