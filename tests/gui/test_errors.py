"""Failures people see: a dialog naming the log file, never a traceback or silent exit."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pos import logs, paths
from pos.errors import KnownError


def test_unhandled_exception_shows_a_dialog_naming_the_log(qtbot, caplog) -> None:
    from pos.ui import crash

    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.CRITICAL):
            crash.excepthook(type(exc), exc, exc.__traceback__)
    box = crash._open_dialogs[-1]
    qtbot.addWidget(box)
    assert box.isVisible()
    assert str(paths.log_file()) in box.text()
    assert "ZeroDivisionError" in box.detailedText()
    assert "unhandled exception" in caplog.text
    box.close()


def test_known_errors_show_their_own_sentence(qtbot) -> None:
    from pos.ui import crash

    box = crash.error_dialog(KnownError("The printer is out of paper."))
    qtbot.addWidget(box)
    assert box.text() == "The printer is out of paper."
    assert box.detailedText() == ""


def test_create_window_on_a_non_database_raises_a_clear_error(tmp_path: Path) -> None:
    from pos.app import create_window
    from pos.store import StoreError

    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 200)
    with pytest.raises(StoreError, match="not a Food Hub POS database"):
        create_window(bad)


def test_log_file_rotates_in_the_user_log_folder() -> None:
    target = logs.setup()
    try:
        assert target == paths.log_file()
        logging.getLogger("pos.test").warning("hello from the test")
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert "hello from the test" in target.read_text(encoding="utf-8")
    finally:
        logs.shutdown()
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", None) == str(target):
                root.removeHandler(handler)
                handler.close()
