"""Golden bytes: every layout at every width through python-escpos ``Dummy``.

The goldens under tests/golden/ are regenerated only on purpose:
``UPDATE_GOLDEN=1 python -m pytest tests/printing/test_golden.py`` (then review the .txt
previews in the diff). Each .bin has a .txt preview next to it for reviewers.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from receipts.document import Document
from receipts.escpos_render import PrinterSetup, render
from receipts.label import layout_labels
from receipts.receipt import layout_receipt
from receipts.z_report import layout_z_report
from tests.helpers import print_samples as samples

GOLDEN = Path(__file__).resolve().parents[1] / "golden"

SETUPS = {
    "58": PrinterSetup("POS-5890", 58),  # 32 columns, raster QR, no cutter in its profile
    "80-42": PrinterSetup("TM-T88V", 80),  # 42 columns (its Font A)
    "80-48": PrinterSetup("TM-T20II", 80),  # 48 columns
}

Layout = Callable[[PrinterSetup], Document]


def _receipt(data_factory: Callable[[], object], **kw: object) -> Layout:
    def make(setup: PrinterSetup) -> Document:
        return layout_receipt(
            data_factory(),  # type: ignore[arg-type]
            setup.line_columns,
            setup.code_pages(),
            **kw,  # type: ignore[arg-type]
        )

    return make


LAYOUTS: dict[str, Layout] = {
    "receipt": _receipt(samples.collection, open_drawer=True),
    "walk_in_copy": _receipt(samples.walk_in),
    "reversal": _receipt(samples.reversal),
    "receipt_fr": _receipt(samples.french, language="fr", open_drawer=True),
    "labels": lambda s: layout_labels(samples.labels(), s.line_columns, s.code_pages()),
    "z_report": lambda s: layout_z_report(samples.z_report(), s.line_columns, s.code_pages()),
    "x_report": lambda s: layout_z_report(
        samples.z_report(closed=False), s.line_columns, s.code_pages()
    ),
}

CASES = [(layout, width) for layout in LAYOUTS for width in SETUPS]


@pytest.mark.parametrize(("layout", "width"), CASES, ids=[f"{lay}-{w}" for lay, w in CASES])
def test_golden_bytes(layout: str, width: str) -> None:
    setup = SETUPS[width]
    doc = LAYOUTS[layout](setup)
    data = render(doc, setup)
    name = f"{layout}-{width}"
    binary, preview = GOLDEN / f"{name}.bin", GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        binary.write_bytes(data)
        preview.write_text(doc.as_text(), encoding="utf-8")
    assert binary.exists(), f"no golden {binary.name}: run with UPDATE_GOLDEN=1 and review it"
    assert doc.as_text() == preview.read_text(encoding="utf-8")
    assert data == binary.read_bytes(), f"{name}: ESC/POS bytes differ from the golden file"


@pytest.mark.parametrize("width", SETUPS)
def test_every_line_fits_the_paper(width: str) -> None:
    setup = SETUPS[width]
    for make in LAYOUTS.values():
        doc = make(setup)
        for line in doc.as_text().splitlines():
            assert len(line) <= setup.line_columns, line


def test_goldens_have_no_question_marks_for_accents() -> None:
    # "?" only where the text itself has one: accented names never become "?"
    for path in GOLDEN.glob("*.txt"):
        assert "?" not in path.read_text(encoding="utf-8"), path.name
