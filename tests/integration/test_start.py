"""Starting the app for real (a child process, offscreen): no litter, and Qt's abort replaced
by one sentence when a system library is missing (issue 10, points 5 and 6)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(base: Path, **extra: str) -> dict[str, str]:
    env = os.environ.copy()
    for name in ("DATA", "CONFIG", "LOG"):
        env[f"FOODHUB_POS_{name}_DIR"] = str(base / name.lower())
    env.pop("FOODHUB_POS_CACHE_DIR", None)
    env.pop("ESCPOS_CAPABILITIES_PICKLE_DIR", None)
    env.update(extra)
    return env


def _start(
    env: dict[str, str], *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "--no-crash-dialog", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_start_leaves_nothing_in_the_temp_folder(tmp_path: Path) -> None:
    """python-escpos made a tmp* folder with a pickle on every start; now it loads at the
    first print and keeps its pickle in our cache."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    runtime = tmp_path / "runtime"  # Qt's own runtime folder, kept out of TMPDIR
    runtime.mkdir(mode=0o700)
    env = _env(
        tmp_path,
        TMPDIR=str(temp),
        XDG_RUNTIME_DIR=str(runtime),
        QT_QPA_PLATFORM="offscreen",
        FOODHUB_POS_LANG="fr",
    )
    first = _start(env, "--quit-after", "1")
    assert first.returncode == 0, first.stderr
    assert list(temp.iterdir()) == []
    pickles = tmp_path / "data" / "cache" / "escpos"
    # nothing was printed: python-escpos was not even loaded (a faster start)
    assert not list(pickles.glob("*.capabilities.pickle"))
    log = (tmp_path / "log" / "foodhub-pos.log").read_text(encoding="utf-8")
    assert "window shown in fr: Fichier" in log  # the French window really opened
    assert "closing after 1.0 s" in log
    # the first print loads it: the pickle goes to the app's cache folder, not to TMPDIR
    printed = _start(env, "print-test", "--printer", f"file://{tmp_path / 'paper.bin'}")
    assert printed.returncode == 0, printed.stderr
    assert list(temp.iterdir()) == []
    (pickle,) = pickles.glob("*.capabilities.pickle")  # beside FOODHUB_POS_DATA_DIR here
    written = pickle.stat().st_mtime_ns
    # the next start reuses the pickle and still leaves nothing behind
    again = _start(env, "print-test", "--printer", f"file://{tmp_path / 'paper2.bin'}")
    assert again.returncode == 0, again.stderr
    assert list(temp.iterdir()) == []
    assert pickle.stat().st_mtime_ns == written
    assert (tmp_path / "paper2.bin").stat().st_size > 0


def test_cache_folder_override(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    cache = tmp_path / "elsewhere"
    env = _env(tmp_path, TMPDIR=str(temp), FOODHUB_POS_CACHE_DIR=str(cache))
    result = _start(env, "print-test", "--printer", f"file://{tmp_path / 'paper.bin'}")
    assert result.returncode == 0, result.stderr
    assert list((cache / "escpos").glob("*.capabilities.pickle"))
    assert list(temp.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 libraries are Linux's")
def test_missing_x11_library_gets_one_sentence_not_an_abort(tmp_path: Path) -> None:
    """A broken libxcb-cursor.so.0 first on the library path stands for a missing one (the
    dynamic linker stops at it either way); without the check Qt aborts the process."""
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libxcb-cursor.so.0").write_text("not a library")
    env = _env(tmp_path, DISPLAY=":99", LD_LIBRARY_PATH=str(broken))
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = _start(env, timeout=60)
    assert result.returncode == 1  # not -6 (SIGABRT)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: Food Hub POS cannot open its window")
    assert "sudo apt install libxcb-cursor0" in lines[0]
    assert "qt.qpa" not in result.stderr and "Traceback" not in result.stderr


def test_linker_messages_become_package_names() -> None:
    from pos.ui.platform_check import ALL_PACKAGES, sentence_for

    missing = sentence_for(
        "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
    )
    assert "libxcb-icccm.so.4" in missing and missing.endswith("sudo apt install libxcb-icccm4")
    odd = sentence_for("/opt/x/libqxcb.so: undefined symbol: xcb_foo")
    assert ALL_PACKAGES in odd
    assert "libxcb-cursor0" in ALL_PACKAGES and "libxkbcommon-x11-0" in ALL_PACKAGES


def _app_child(script: str, tmp_path: Path, db: Path) -> Any:
    """Run ``script`` (main.py's path with a hook) on ``db`` offscreen; its last line, as JSON."""
    env = _env(tmp_path, QT_QPA_PLATFORM="offscreen", FOODHUB_POS_LANG="en")
    done = subprocess.run(
        [sys.executable, "-c", script, str(db)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


SHOWN_THEN_MODULES = (  # main.py's path; once the window is shown, list what was imported
    "import json, os, sys\n"
    "import pos.app as app\n"
    "def shown(window):\n"
    "    from PySide6 import QtGui, QtWidgets\n"  # the Qt classes PySide has built so far
    "    built = [n for m in (QtGui, QtWidgets) for n in vars(m) if n.startswith('Q')]\n"
    "    print(json.dumps(sorted(sys.modules) + built))\n"
    "    sys.stdout.flush()\n"
    "    os._exit(0)\n"
    "app._after_show = shown\n"
    "app.main(['--db', sys.argv[1], '--no-crash-dialog'])\n"
)
NOT_AT_START = (
    "sqlite_utils",  # a test dependency only: the store has its own thin Database
    "filelock",  # Windows only: flock on Linux and macOS (pos/store/lock.py)
    "reportlab", "escpos", "requests", "keyring", "qrcode",  # at first use
    "receipts.receipt", "receipts.label", "receipts.z_report",  # at the first print
    "pos.services.lists", "receipts.pdf.model",  # the lists command / dialog
    "pos.ui.reconcile_window", "pos.ui.reconcile_rows",  # the reconcile window
    "receipts.pdf.report",  # its end-of-day report (with reportlab)
    # built in the turns after the first paint (docs/design.md, "Cold start"):
    "sync", "pos.services.sync_service", "pos.ui.sync_status", "pos.store.outbox",
    "pos.services.printing", "receipts.printers", "receipts.escpos_render", "pos.ui.printer_menu",
    "pos.ui.journal_status", "pos.ui.vault_dialogs", "pos.ui.undo_dialog", "pos.ui.walk_in_dialog",
    "pos.ui.payment_panel", "pos.ui.till_dialogs",
    "pos.services.checkout", "pos.domain.checkout", "pos.domain.journal", "pos.domain.outbox",
    "pos.store.checkouts", "pos.store.journal",  # the checkout, its journal and outbox
    # PySide classes built on first use, with all their enums (docs/design.md, "Cold start"):
    "QGradient",  # a QBrush made from Python
    "QStyle",  # ~600 enum members: column padding is asked of the delegate (widgets.cell_padding)
    "QFileDialog", "QMdiArea",  # every widget class: a C++-made QWidget handed to Python
)  # fmt: skip


def test_the_window_shows_without_loading_what_it_does_not_show(
    tmp_path: Path, demo_db: Path
) -> None:
    """Issue 17 point 5: the start's critical path loads neither the printing layout, the
    lists, the reconcile screens, nor the libraries only they need."""
    loaded = set(_app_child(SHOWN_THEN_MODULES, tmp_path, demo_db))
    assert "pos.ui.main_window" in loaded  # the window really was built
    assert "QTableView" in loaded  # (and the Qt classes it names are listed)
    assert {m for m in loaded if m.split(".")[0] in NOT_AT_START or m in NOT_AT_START} == set()


SETTLED = (  # main.py's path; once the window is complete, how full collections stand
    "import gc, json, os, sys, time\n"
    "import pos.app as app\n"
    "from PySide6.QtCore import QTimer\n"
    "def check(window, began):\n"
    "    if (window.starting or not gc.get_freeze_count()) and time.monotonic() < began + 60:\n"
    "        QTimer.singleShot(20, lambda: check(window, began))\n"
    "        return\n"
    "    gc.collect()\n"  # what a full collection still walks: only what was made since
    "    print(json.dumps([window.starting, gc.get_freeze_count(), len(gc.get_objects())]))\n"
    "    sys.stdout.flush()\n"
    "    os._exit(0)\n"
    "app._after_show = lambda window: check(window, time.monotonic())\n"
    "app.main(['--db', sys.argv[1], '--no-crash-dialog'])\n"
)


def test_a_full_collection_walks_only_what_was_made_after_the_start(
    tmp_path: Path, demo_db: Path
) -> None:
    """Issue 17 point 3: the start's objects are frozen once the window is complete, so the
    garbage collector's full passes (23-26 ms over them, at any moment) no longer walk them."""
    starting, frozen, walked = _app_child(SETTLED, tmp_path, demo_db)
    assert starting is False
    assert frozen > 20_000  # modules, classes, Qt wrappers, the window
    assert walked < frozen / 10
