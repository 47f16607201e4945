"""Logging to a rotating file in the user log folder, plus faulthandler for hard crashes."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
from pathlib import Path
from typing import IO

from pos import paths

_fault_file: IO[str] | None = None


def setup(level: int = logging.INFO) -> Path | None:
    """Log to ``paths.log_file()``; returns it, or None when the folder cannot be written."""
    global _fault_file
    target = paths.log_file()
    root = logging.getLogger()
    root.setLevel(level)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
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
            _fault_file = open(target.with_suffix(".crash"), "a", encoding="utf-8")
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
