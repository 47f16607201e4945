"""Formula injection in CSV exports: every text cell, whatever hides the formula's first
character (spaces of any kind, zero-width characters, quotes, line breaks, full-width signs)."""

from __future__ import annotations

import csv
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from pos.services import export_csv
from pos.services.reconcile import ReconcileService
from tests.helpers.reconcile.fixtures import day_store_fixture  # noqa: F401

# What a spreadsheet may skip or trim before it decides a cell is a formula.
HIDERS = [" ", "\u00a0", "\u2009", "\u3000", "\u200b", "\u200d", "\u2060", "\ufeff", "'", '"',
          "\u201c", "\n", "\r\n", "\t"]  # fmt: skip
STARTS = ["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r"]


def _significant(text: str) -> str:
    """The first character a spreadsheet would look at, or ''."""
    for ch in text:
        if ch.isspace() or ch in "'\"`\u2018\u2019\u201c\u201d\u00ab\u00bb":
            continue
        if unicodedata.category(ch) in ("Zs", "Cf", "Cc"):
            continue
        return ch
    return ""


@settings(max_examples=400, deadline=None)
@given(
    hide=st.lists(st.sampled_from(HIDERS), max_size=4).map("".join),
    start=st.sampled_from(STARTS),
    rest=st.text(max_size=20),
)
def test_hidden_formula_is_neutralised(hide: str, start: str, rest: str) -> None:
    text = hide + start + rest
    assert export_csv.neutralise(text) == "'" + text


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_inert_or_untouched(text: str) -> None:
    out = export_csv.neutralise(text)
    if out == text:  # left alone: nothing formula-like comes first
        first = _significant(text)
        assert first not in set("=+-@\uff1d\uff0b\uff0d\uff20")
    else:
        assert out == "'" + text


@settings(max_examples=60, deadline=None)
@given(
    cells=st.lists(
        st.tuples(st.lists(st.sampled_from(HIDERS), max_size=3).map("".join),
                  st.sampled_from(STARTS), st.text(max_size=8)).map("".join),
        min_size=1, max_size=5,
    )
)  # fmt: skip
def test_written_file_reads_back_inert(tmp_path_factory, cells: list[str]) -> None:
    path = tmp_path_factory.mktemp("csv") / "x.csv"
    export_csv.write_csv(path, [f"h{i}" for i in range(len(cells))], [cells])
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [c.startswith("'") for c in rows[1]] == [True] * len(cells)
    assert [c[1:] for c in rows[1]] == cells


def test_report_neutralises_pickup_point_and_customer_names(day_store, tmp_path) -> None:
    store, _, _ = day_store
    conn = store.db.conn
    conn.execute("UPDATE pickup_points SET name = '\u00a0\uff1dcmd|'' /C calc''!A0' WHERE id = 61")
    conn.execute(
        "UPDATE orders SET customer_name = ' \u200b+HYPERLINK(\"http://x\")' WHERE id ="
        " (SELECT MIN(id) FROM orders WHERE pickup_point_id = 61)"
    )
    conn.commit()
    path = ReconcileService(store).export_csv(tmp_path / "r.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    cells = [c for row in rows for c in row]
    assert any("calc" in c for c in cells) and any("HYPERLINK" in c for c in cells)
    for c in cells:
        if re.fullmatch(r"-?\d+(\.\d+)?", c):
            continue  # money and counts are numbers, never formulas
        first = _significant(c)
        assert first not in set("=+-@\uff1d\uff0b\uff0d\uff20") or c.startswith("'"), c
