"""The commands speak the user's language (FOODHUB_POS_LANG), while the lines scripts read
stay as docs/interfaces.md gives them: real processes on real databases and folders."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from pos import cli, paths
from tests.helpers.journal import new_till

ROOT = Path(__file__).resolve().parents[2]

WRONG_KEY = {  # what a file signed with another passphrase is kept aside for
    "en": "A journal file was not signed with this hub's passphrase",
    "fr": "Un fichier du journal n'a pas été signé avec la phrase secrète de ce hub",
}


def _main(language: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "FOODHUB_POS_LANG": language},
    )  # fmt: skip


@pytest.mark.parametrize("language", ["en", "fr"])
def test_journal_keeps_its_counts_and_words_why_a_file_is_kept_aside(
    language: str, demo_template: Path, tmp_path: Path
) -> None:
    a = new_till(demo_template, tmp_path / "a.sqlite", "T1")
    b = new_till(demo_template, tmp_path / "b.sqlite", "T2", passphrase="not the hub's")
    folder = tmp_path / "shared"
    folder.mkdir()
    a.till.open("Ann", 5000)  # one event to write
    a_path, b_path = a.store.path, b.store.path
    a.close()
    b.close()
    out = _main(language, "journal", "--db", str(a_path), "--folder", str(folder), "--export")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["written: 1"]
    both = _main(language, "journal", "--db", str(b_path), "--folder", str(folder))
    assert both.returncode == 0, both.stderr
    lines = both.stdout.splitlines()
    assert lines[:5] == [
        "written: 0",
        "merged: 0",
        "held: 0",
        "rejected: 1",
        "double hand-overs: 0",
    ]
    (aside,) = lines[5:]
    name, reason = aside.removeprefix("kept aside: ").split(" (journal.wrong_key): ")
    assert (folder / name).is_file(), aside
    assert reason.startswith(WRONG_KEY[language]), aside
    again = _main(language, "journal", "--db", str(b_path), "--folder", str(folder), "--import")
    assert "kept aside" not in again.stdout  # said once


@pytest.mark.parametrize(
    ("language", "orders", "said"),
    [
        ("en", 2, "Wrote 2 demo orders to {out}."),
        ("fr", 1, "1 commande de démonstration écrite dans {out}."),
    ],
)
def test_demo_says_what_it_wrote_with_the_right_plural(
    language: str, orders: int, said: str, tmp_path: Path
) -> None:
    out = tmp_path / "demo.sqlite"
    done = _main(language, "demo", "--out", str(out), "--orders", str(orders))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [said.format(out=out)]


@pytest.mark.parametrize(
    ("language", "raised", "said"),
    [
        ("en", KeyboardInterrupt(), "error: Interrupted.\n"),
        ("fr", KeyboardInterrupt(), "error: Interrompu.\n"),
        ("en", RuntimeError("bug"),
         "error: demo failed unexpectedly (RuntimeError); details are in {log}.\n"),
        ("fr", RuntimeError("bug"),
         "error: demo a échoué de façon inattendue (RuntimeError)\u00a0; les détails sont dans"
         " {log}.\n"),
    ],
)  # fmt: skip
def test_an_interrupted_or_failed_command_says_so_in_the_user_s_language(
    language: str,
    raised: BaseException,
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def run(args: argparse.Namespace) -> int:
        raise raised

    monkeypatch.setenv("FOODHUB_POS_LANG", language)
    monkeypatch.setattr(cli, "_commands", lambda: {"demo": (SimpleNamespace(run=run), "")})
    assert cli.run_command(argparse.Namespace(command="demo")) == 1
    assert capsys.readouterr().err == said.format(log=paths.log_file())
