"""python-escpos, imported without its side effects on logging and on the temp folder.

``escpos.capabilities`` runs code when imported:

- it calls ``logging.basicConfig()``, which adds a stderr handler to the root logger: every
  log line of the app would then also go to stderr (and the CLI promises one sentence there);
- it calls ``tempfile.mkdtemp()`` on every import, even when ``ESCPOS_CAPABILITIES_PICKLE_DIR``
  is set, and leaves that folder (with its capabilities pickle) behind: one more ``tmp*``
  folder per start. Here the pickle goes to the app's cache folder instead, where the next
  start reuses it (see :func:`pos.paths.cache_dir`); ``ESCPOS_CAPABILITIES_PICKLE_DIR`` still
  wins when set.

Import python-escpos through this module only (it must run before anything else imports
``escpos``).
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from typing import Any

from pos import paths


def _pickle_dir() -> str:
    """The cache folder for the pickle; a temp folder removed at exit when it is read-only."""
    folder = paths.cache_dir() / "escpos"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return str(folder)
    except OSError:
        pass
    fallback = tempfile.mkdtemp(prefix="foodhub-pos-escpos-")
    atexit.register(shutil.rmtree, fallback, ignore_errors=True)
    return fallback


_root = logging.getLogger()
_before = list(_root.handlers)
_mkdtemp: Callable[..., Any] = tempfile.mkdtemp
_target = os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR") or _pickle_dir()
tempfile.mkdtemp = lambda *args, **kwargs: _target  # type: ignore[assignment]  # bound at import
try:
    from escpos.capabilities import CAPABILITIES, get_profile
    from escpos.printer import Dummy
finally:
    tempfile.mkdtemp = _mkdtemp

for _handler in list(_root.handlers):
    if _handler not in _before:
        _root.removeHandler(_handler)

__all__ = ["CAPABILITIES", "Dummy", "get_profile"]
