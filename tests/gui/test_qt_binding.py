"""The locked Qt binding does not leak: a collection day makes hundreds of thousands of calls.

PySide6 6.12.0 dropped a reference to ``None`` on every call that returns nothing; on
Python 3.11 (where ``None`` is not immortal) the till aborted with "none_dealloc" after
some 50,000 label updates. Run in a child process so a regression fails this test instead
of killing the test session.
"""

from __future__ import annotations

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


def test_a_long_day_of_label_updates_neither_leaks_nor_aborts() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 100
