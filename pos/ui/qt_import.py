"""PySide6's import hook, made cheap.

Once PySide6 is loaded it checks every module an ``import`` statement names, once, for
whether it uses PySide (for its ``from __feature__ import ...`` switches): it reads the
module's whole source through ``inspect.getsource`` and searches it for "PySide6". At the
till's start that was ~140 modules and ~25 ms (more on a slow moment) before the window
could show. The same question answered by reading the file's bytes takes a fraction of it
and gives the same answer; anything that is not a plain ``.py`` file keeps PySide's own
check. The app never switches a feature, so the answer only has to stay the same.
"""

from __future__ import annotations

import sys
from types import ModuleType


def quicken_feature_check() -> None:
    """Install the cheaper check (idempotent; nothing happens on a PySide6 without it)."""
    import PySide6.QtCore  # noqa: F401  (loads shibokensupport, whose hook this is)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quick", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
