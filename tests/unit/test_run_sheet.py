"""Issue 16 point 1: run sheets read back from the real PDFs.

Every delivery order of the cycle is on exactly one sheet, exactly once, in the order the
driver saved (or by postcode, street and number), with the amount the store says is still
due; pickup orders never are; an order without a street comes first, flagged.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from pos.domain.money import format_money
from pos.domain.rounds import RoundPlan, postcode_key, street_and_number
from pos.domain.settings import LANGUAGE
from pos.services.demo import add_deliveries
from pos.services.lists import ListRequest, ListsService
from pos.services.rounds import RunSheets
from pos.store import Store

NOW = datetime(2026, 11, 26, 9, 14, 3, tzinfo=UTC)
NUMBER = re.compile(r"\bR\d{9}\b")


def _text(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@pytest.fixture
def deliveries(store: Store) -> Store:
    add_deliveries(store, orders=40, methods=2, missing_addresses=2, seed=3)
    return store


def _sheets(store: Store, tmp_path: Path, **kwargs: object) -> list[Path]:
    request = ListRequest(kinds=("run-sheet",), **kwargs)  # type: ignore[arg-type]
    return ListsService(store).generate(request, tmp_path / "out", now=NOW)


def _due(store: Store) -> dict[str, int]:
    rows = store.query(
        "SELECT o.number, o.outstanding FROM orders o JOIN pickup_points p"
        " ON p.id = o.pickup_point_id WHERE p.is_delivery = 1 AND o.state <> 'canceled'"
    )
    return {r["number"]: max(0, int(r["outstanding"])) for r in rows}


def test_every_delivery_order_once_no_pickup_order_amounts_as_stored(
    deliveries: Store, tmp_path: Path
) -> None:
    methods = RunSheets(deliveries).delivery_methods()
    RunSheets(deliveries).save_plan(methods[0].id, RoundPlan({"Ana": ["RV"], "Ben": ["AS"]}, {}))
    paths = _sheets(deliveries, tmp_path)
    due = _due(deliveries)
    seen: list[str] = []
    for path in paths:
        text = "\n".join(_text(path))
        numbers = NUMBER.findall(text)
        seen += numbers
        # the amount of each stop sits on its row, between the previous number and its own
        chunks = NUMBER.split(text)
        for number, chunk in zip(numbers, chunks, strict=False):
            amount = due[number]
            assert (format_money(amount, "GBP") if amount else "paid") in chunk, number
        total = sum(due[n] for n in numbers)
        assert f"{format_money(total, 'GBP')} to collect" in re.sub(r"\s+", " ", text)
    assert sorted(seen) == sorted(due)  # each delivery order exactly once, nothing else
    # one sheet per driver of the split method, one for the method that is not split
    names = sorted(p.name for p in paths)
    assert len(names) >= 3 and any("-ana" in n for n in names) and any("-ben" in n for n in names)


def test_stops_go_missing_address_first_then_postcode_street_number(
    deliveries: Store, tmp_path: Path
) -> None:
    paths = _sheets(deliveries, tmp_path)
    sheets = RunSheets(deliveries).run_sheets()
    for path, sheet in zip(sorted(paths), sorted(sheets, key=lambda s: s.method.id), strict=True):
        printed = NUMBER.findall("\n".join(_text(path)))
        assert printed == [s.number for s in sheet.stops]
        rows = deliveries.query(
            "SELECT number, json_extract(raw_json, '$.ship_address.address1') AS a1,"
            " json_extract(raw_json, '$.ship_address.zipcode') AS zip FROM orders"
        )
        where = {r["number"]: (r["a1"] or "", r["zip"] or "") for r in rows}
        missing = [n for n in printed if not where[n][0]]
        assert printed[: len(missing)] == missing
        rest = printed[len(missing) :]
        keys = [(postcode_key(where[n][1]), *street_and_number(where[n][0])[:2]) for n in rest]
        assert keys == sorted(keys)
    text = "\n".join(t for p in paths for t in _text(p))
    assert text.count("ADDRESS MISSING") == 2


def test_a_saved_order_is_printed_and_kept_by_customer(deliveries: Store, tmp_path: Path) -> None:
    sheets = RunSheets(deliveries)
    method = sheets.delivery_methods()[1]
    (sheet,) = sheets.run_sheets(method.id)
    wanted = [s.order_id for s in reversed(sheet.stops) if not s.address_missing]
    sheets.save_order(method.id, "", wanted)
    # saved as customers, so the next cycle's orders of the same customers keep the order
    plan = RunSheets(deliveries).plan(method.id)
    assert all(k.startswith("c") for k in plan.saved[""])
    paths = _sheets(deliveries, tmp_path, pickup_point_id=method.id)
    (path,) = paths
    printed = NUMBER.findall("\n".join(_text(path)))
    by_id = {s.order_id: s.number for s in sheet.stops}
    missing = [s.number for s in sheet.stops if s.address_missing]
    assert printed == missing + [by_id[i] for i in wanted]


def test_same_input_same_bytes_french_and_page_x_of_y(deliveries: Store, tmp_path: Path) -> None:
    deliveries.settings.set(LANGUAGE, "fr")
    first = [p.read_bytes() for p in _sheets(deliveries, tmp_path / "a")]
    second = [p.read_bytes() for p in _sheets(deliveries, tmp_path / "b")]
    assert first == second
    reader = PdfReader(io.BytesIO(first[0]))
    texts = [page.extract_text() for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} sur {len(texts)}" in text
        assert "Feuille de route" in text
    fonts = {
        str(page["/Resources"]["/Font"][k].get_object()["/BaseFont"])
        for page in reader.pages
        for k in page["/Resources"]["/Font"]
    }
    assert fonts and all("DejaVuSans" in f for f in fonts)


def test_a_pickup_point_has_no_run_sheet(store: Store, tmp_path: Path) -> None:
    point = store.query("SELECT id FROM pickup_points WHERE is_delivery = 0 LIMIT 1")[0]["id"]
    assert _sheets(store, tmp_path, pickup_point_id=point) == []
