"""The command line as scripts use it: real processes, exit codes, one-sentence errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pos import __version__
from pos.store import Store

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_demo_writes_a_database(tmp_path: Path) -> None:
    out = tmp_path / "demo.sqlite"
    result = run("demo", "--out", str(out), "--orders", "25", "--seed", "5")
    assert result.returncode == 0, result.stderr
    with Store.open(out) as store:
        assert store.scalar("SELECT COUNT(*) FROM orders") == 25


def test_demo_in_a_language_sets_the_database_s_language(tmp_path: Path) -> None:
    """What the smoke test of an install uses to check French lists and reports."""
    from pos.domain.settings import LANGUAGE

    out = tmp_path / "fr.sqlite"
    result = run("demo", "--out", str(out), "--orders", "5", "--language", "fr")
    assert result.returncode == 0, result.stderr
    with Store.open(out) as store:
        assert store.settings.get(LANGUAGE) == "fr"
    refused = run("demo", "--out", str(tmp_path / "de.sqlite"), "--language", "de")
    assert refused.returncode == 2 and "invalid choice" in refused.stderr
    assert not (tmp_path / "de.sqlite").exists()


def test_demo_refuses_bad_counts_and_existing_files(tmp_path: Path) -> None:
    from pos.cli.demo import MAX_ORDERS

    too_many = str(MAX_ORDERS + 1)
    result = run("demo", "--out", str(tmp_path / "x.sqlite"), "--orders", too_many)
    assert result.returncode == 1
    assert f"between 1 and {MAX_ORDERS:,}" in result.stderr
    assert not (tmp_path / "x.sqlite").exists()
    assert "Traceback" not in result.stderr
    existing = tmp_path / "exists.sqlite"
    existing.write_text("keep me")
    result = run("demo", "--out", str(existing))
    assert result.returncode == 1 and "already exists" in result.stderr
    assert existing.read_text() == "keep me"


def test_errors_are_one_sentence_and_logged(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    result = run("lists", "--db", str(bad), "--out", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr
