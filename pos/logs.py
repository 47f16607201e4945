"""Logging to a rotating file in the user log folder, plus faulthandler for hard crashes."""

from __future__ import annotations

import faulthandler
import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import IO

from pos import files, paths

_fault_file: IO[str] | None = None


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """Each log file (the first, and each one after a rotation) readable by the user only."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, files.FILE_MODE)
        files.make_private(self.baseFilename)  # a log left by an older version
        return io.TextIOWrapper(
            io.FileIO(fd, "a"), encoding=self.encoding or "utf-8", errors=self.errors
        )


def setup(level: int = logging.INFO) -> Path | None:
    """Log to ``paths.log_file()``; returns it, or None when the folder cannot be written."""
    global _fault_file
    target = paths.log_file()
    root = logging.getLogger()
    root.setLevel(level)
    try:
        files.private_dir(target.parent)
        handler: logging.Handler = _PrivateRotatingHandler(
            target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
        target_or_none = None
    else:
        target_or_none = target
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)
    if target_or_none is not None and _fault_file is None:
        try:
            crash = target.with_suffix(".crash")
            fd = os.open(crash, os.O_WRONLY | os.O_APPEND | os.O_CREAT, files.FILE_MODE)
            files.make_private(crash)
            _fault_file = os.fdopen(fd, "a", encoding="utf-8")
            faulthandler.enable(_fault_file)
        except OSError:
            pass
    return target_or_none


def shutdown() -> None:
    """Stop writing crash traces (tests call this; the app keeps them until exit)."""
    global _fault_file
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None
