"""``python main.py lists``: writes the PDFs, prints their paths, fails in one sentence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def lists(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "lists", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_one_kind_for_one_producer_prints_the_path(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdfs"
    result = lists("--db", str(demo_db), "--out", str(out), "--kind", "harvest", "--producer", "57")
    assert result.returncode == 0, result.stderr
    printed = result.stdout.split()
    assert printed == [str(out / "oc987-harvest-57-hillside-hens.pdf")]
    reader = PdfReader(printed[0])
    assert "Harvest list: Hillside Hens" in reader.pages[0].extract_text()
    assert reader.metadata is not None and reader.metadata.title == "Harvest list: Hillside Hens"


def test_every_kind_for_one_pickup_point_on_letter(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdfs"
    result = lists(
        "--db", str(demo_db), "--out", str(out), "--pickup-point", "62", "--paper", "letter"
    )
    assert result.returncode == 0, result.stderr
    printed = [Path(p) for p in result.stdout.split()]
    assert printed and all(p.is_file() and p.parent == out for p in printed)
    assert sorted(printed) == sorted(out.glob("*.pdf"))
    names = [p.name for p in printed]
    assert "oc987-sheet-62-riverside-farm-shed.pdf" in names
    assert "oc987-labels-letter-pp62.pdf" in names
    assert not any(n.startswith("oc987-sheet-61") for n in names)
    box = PdfReader(out / "oc987-pack-customer-pp62.pdf").pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)


def test_unknown_producer_is_one_clear_sentence(demo_db: Path, tmp_path: Path) -> None:
    result = lists("--db", str(demo_db), "--out", str(tmp_path), "--producer", "9999")
    assert result.returncode == 1
    assert result.stderr.startswith("error: There is no producer 9999; known: ")
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_missing_database(tmp_path: Path) -> None:
    result = lists("--db", str(tmp_path / "nope.sqlite"), "--out", str(tmp_path))
    assert result.returncode == 1
    assert "There is no database at" in result.stderr
    assert not (tmp_path / "nope.sqlite").exists()
