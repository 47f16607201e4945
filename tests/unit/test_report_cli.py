"""``python main.py report``: PDF and CSV, whole hub or one pickup point, clear errors."""

from __future__ import annotations

import csv
import subprocess
import sys

import pypdf
import pytest

from pos.store import Store
from tests.helpers.reconcile.real_day import build_real_day


@pytest.fixture
def day_db(demo_db):
    with Store.open(demo_db) as s:
        build_real_day(s)
    return demo_db


def _run(*args):
    return subprocess.run(
        [sys.executable, "main.py", *map(str, args)], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("point", [None, 62])
def test_report_pdf_and_csv(day_db, tmp_path, point):
    extra = [] if point is None else ["--pickup-point", point]
    out_pdf = tmp_path / "day.pdf"
    res = _run("report", "--db", day_db, "--out", out_pdf, *extra)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == str(out_pdf)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(out_pdf)).pages)
    assert ("Riverside Farm Shed" in text) and (("St Mark's Hall" in text) == (point is None))
    out_csv = tmp_path / "day.csv"
    res = _run("report", "--db", day_db, "--out", out_csv, *extra)
    assert res.returncode == 0, res.stderr
    with open(out_csv, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    points = {r["pickup_point"] for r in rows if r["section"] == "orders"}
    assert points == (
        {"All pickup points", "St Mark's Hall", "Riverside Farm Shed", "Zoë's Café, Market Street"}
        if point is None
        else {"Riverside Farm Shed"}
    )


def test_report_errors_are_one_sentence(day_db, tmp_path):
    res = _run("report", "--db", day_db, "--out", tmp_path / "x.txt")
    assert (
        res.returncode == 1 and res.stderr.startswith("error: ") and "Traceback" not in res.stderr
    )
    res = _run("report", "--db", tmp_path / "missing.sqlite", "--out", tmp_path / "x.pdf")
    assert res.returncode == 1 and "no database" in res.stderr
    res = _run("report", "--db", day_db, "--out", tmp_path / "x.pdf", "--pickup-point", "999")
    assert res.returncode == 1 and "pickup point 999" in res.stderr
    assert not (tmp_path / "missing.sqlite").exists()


def test_report_runs_while_the_till_has_the_file_open(day_db, tmp_path):
    with Store.open(day_db):
        res = _run("report", "--db", day_db, "--out", tmp_path / "x.csv")
    assert res.returncode == 0, res.stderr
