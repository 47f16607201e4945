"""python-escpos, imported without its side effect on logging.

``escpos.capabilities`` calls ``logging.basicConfig()`` when imported, which adds a stderr
handler to the root logger: every log line of the app would then also go to stderr (and the
CLI promises one sentence there). Import python-escpos through this module only.
"""

from __future__ import annotations

import logging

_root = logging.getLogger()
_before = list(_root.handlers)

from escpos.capabilities import CAPABILITIES, get_profile  # noqa: E402
from escpos.printer import Dummy  # noqa: E402

for _handler in list(_root.handlers):
    if _handler not in _before:
        _root.removeHandler(_handler)

__all__ = ["CAPABILITIES", "Dummy", "get_profile"]
