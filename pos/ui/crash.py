"""Unexpected errors: log the traceback and show a dialog naming the log file.

A volunteer never sees a traceback, and the app never vanishes silently.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from pos import paths
from pos.errors import KnownError
from pos.ui import tasks

log = logging.getLogger(__name__)


def error_dialog(exc: BaseException) -> QMessageBox:
    """A non-blocking message box for ``exc``: its own words if known, else the log path."""
    box = QMessageBox()
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("crash", "Something went wrong"))
    if isinstance(exc, KnownError):
        box.setText(tasks.describe(exc))
    else:
        box.setText(
            QApplication.translate(
                "crash",
                "An unexpected error happened. Nothing already saved has been lost.\n\n"
                "Please tell the hub, and give them the log file:\n%1",
            ).replace("%1", str(paths.log_file()))
        )
        box.setDetailedText("".join(traceback.format_exception(exc)))
    return box


_open_dialogs: list[QMessageBox] = []


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    log.critical("unhandled exception", exc_info=(kind, exc, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, exc, tb)
        return
    box = error_dialog(exc)
    _open_dialogs.append(box)
    box.finished.connect(lambda _=0: _open_dialogs.remove(box))
    box.open()


def install() -> None:
    sys.excepthook = excepthook
