"""A broken installation (a file missing from the packages) gets one sentence, not a traceback.

Each test copies the packages without one shipped file and runs the copy in a child
process, exactly as a volunteer would meet it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from pos.domain.settings import LANGUAGE
from pos.store import Store

ROOT = Path(__file__).resolve().parents[2]


def broken_copy(tmp_path: Path, missing: str) -> Path:
    """The app's packages copied to ``tmp_path/app`` without ``missing`` (a path in ROOT)."""
    app = tmp_path / "app"
    app.mkdir()
    shutil.copy(ROOT / "main.py", app)
    for package in ("pos", "sync", "receipts"):
        shutil.copytree(ROOT / package, app / package, ignore=shutil.ignore_patterns("__pycache__"))
    target = app / missing
    assert target.exists(), missing
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    return app


def run(app: Path, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    folders = {
        f"FOODHUB_POS_{name}_DIR": str(tmp_path / name.lower())
        for name in ("DATA", "CONFIG", "LOG")
    }
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=app,
        env={**os.environ, **folders, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_missing_font_is_one_sentence(tmp_path: Path) -> None:
    app = broken_copy(tmp_path, "receipts/fonts/DejaVuSans.ttf")
    assert run(app, tmp_path, "demo", "--out", str(tmp_path / "hub.sqlite")).returncode == 0
    done = run(app, tmp_path, "lists", "--db", str(tmp_path / "hub.sqlite"), "--out", "out")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "missing fonts/DejaVuSans.ttf" in line and "reinstall" in line


def test_a_missing_screen_catalogue_opens_in_english_and_says_so(tmp_path: Path) -> None:
    app = broken_copy(tmp_path, "pos/ui/translations/foodhub_fr.qm")
    script = (
        "import sys\n"
        "from pos.app import create_window\n"
        "w = create_window(sys.argv[1])\n"
        "print([a.text().replace('&', '') for a in w.menuBar().actions()][0])\n"
        "print(w.statusBar().currentMessage())\n"
        "w.close()\n"
    )
    assert run(app, tmp_path, "demo", "--out", str(tmp_path / "hub.sqlite")).returncode == 0
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "hub.sqlite")],
        cwd=app,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "FOODHUB_POS_LANG": "fr",
             "FOODHUB_POS_LOG_DIR": str(tmp_path / "log")},
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    menu, status = done.stdout.strip().splitlines()
    assert menu == "File"
    assert "missing translations/foodhub_fr.qm" in status


def test_a_missing_printed_catalogue_prints_in_english_and_logs_it(tmp_path: Path) -> None:
    app = broken_copy(tmp_path, "receipts/locale/fr/LC_MESSAGES/foodhub.mo")
    db = str(tmp_path / "hub.sqlite")
    assert run(app, tmp_path, "demo", "--out", db).returncode == 0
    store = Store.open(db)
    store.settings.set(LANGUAGE, "fr")
    store.close()
    done = run(app, tmp_path, "report", "--db", db, "--out", "day.pdf")
    assert done.returncode == 0, done.stderr
    text = PdfReader(app / "day.pdf").pages[0].extract_text()
    assert "End-of-day report" in text  # English, rather than no report at all
    log = (tmp_path / "log" / "foodhub-pos.log").read_text(encoding="utf-8")
    assert "missing the foodhub catalogue for 'fr'" in log
