"""The locked Qt binding does not leak: a collection day makes hundreds of thousands of calls.

PySide6 6.12.0 dropped a reference to ``None`` on every call that returns nothing; on
Python 3.11 (where ``None`` is not immortal) the till aborted with "none_dealloc" after
some 50,000 label updates. Run in a child process so a regression fails this test instead
of killing the test session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(100_000):
    label.setText("Handed over")
print(sys.getrefcount(None) - before)
"""


def _child(script: str) -> str:
    """Run ``script`` in a Python process of its own; its last line of output."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-1000:]
    return done.stdout.strip().splitlines()[-1]


def test_a_long_day_of_label_updates_neither_leaks_nor_aborts() -> None:
    assert abs(int(_child(SCRIPT))) < 100


CHECKS = """
import json, sys
import pos.ui  # installs the quicker check (pos/ui/qt_import.py)
import pos.ui.main_window, pos.domain.money, pos.store.db, json, sqlite3, math
check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
names = ["pos.ui.main_window", "pos.ui.qt_import", "pos.domain.money", "pos.store.db", "json",
         "sqlite3", "math", "sys", "PySide6.QtCore"]
print(json.dumps({"quick": getattr(check, "quick", False),
                  "same": {n: [check(sys.modules[n]), check.original(sys.modules[n])]
                           for n in names}}))
"""


def test_pyside_s_import_check_is_quicker_and_answers_the_same() -> None:
    """PySide6 reads the source of every module imported after it (pos/ui/qt_import.py):
    the quicker check must give its answer for our Qt modules, our core and the stdlib."""
    found = json.loads(_child(CHECKS))
    assert found["quick"] is True
    for name, (quick, original) in found["same"].items():
        assert quick == original, name
    assert found["same"]["pos.ui.main_window"] == [True, True]
    assert found["same"]["pos.domain.money"] == [False, False]
