"""Packing lists, harvest totals, sheets and labels read back from the real PDFs.

Quantities are checked against sums computed here with SQL on the same demo database, not
with the code under test.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from pos.domain.settings import SHARE_NAMES_WITH_PRODUCERS
from pos.services.lists import KINDS, ListRequest, ListsService, plan_bags
from pos.store import Store
from receipts.pdf import labels, packing
from receipts.pdf.model import BagLabel, DocInfo, PackLine, PackOrder

NOW = datetime(2026, 11, 26, 9, 14, 3, tzinfo=UTC)
CYCLE = 987
HUB = "Riverside Food Hub (demo)"
CYCLE_NAME = "Week 48 – late November harvest"


def pages(path: Path | bytes) -> list[str]:
    import io

    source = io.BytesIO(path) if isinstance(path, bytes) else path
    return [page.extract_text() or "" for page in PdfReader(source).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def sql(db: Path, query: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def kg(grams: Decimal) -> str:
    """Independent formatting of a weight as the lists print it (en_GB)."""
    if grams >= 1000:
        text = f"{grams / 1000:,.3f}".rstrip("0").rstrip(".")
        return f"{text} kg"
    return f"{grams.normalize():f} g"


def live_numbers(db: Path, where: str = "", params: tuple[object, ...] = ()) -> set[str]:
    rows = sql(
        db,
        f"SELECT number FROM orders WHERE state <> 'canceled' AND order_cycle_id = ? {where}",
        (CYCLE, *params),
    )
    return {r["number"] for r in rows}


def numbers_in(text: str) -> Counter[str]:
    return Counter(re.findall(r"R\d{9}", text))


@pytest.fixture
def generate(store: Store, tmp_path: Path):
    def run(**kwargs: object) -> list[Path]:
        out = tmp_path / "out"
        return ListsService(store).generate(ListRequest(**kwargs), out, now=NOW)  # type: ignore[arg-type]

    return run


# Harvest totals -----------------------------------------------------------------------
@pytest.mark.parametrize("producer_id", [73, 57, 72])
def test_harvest_totals_equal_the_database_sums(generate, demo_db: Path, producer_id: int) -> None:
    (path,) = generate(kinds=("harvest",), producer_id=producer_id)
    text = flat(" ".join(pages(path)))
    overall, *per_point = re.split(r"Pickup point: ", text.split("All pickup points", 1)[1])
    base = (
        "FROM line_items li JOIN orders o ON o.id = li.order_id"
        " WHERE li.producer_id = ? AND o.state <> 'canceled' AND o.order_cycle_id = ?"
    )
    rows = sql(
        demo_db,
        "SELECT li.product_name AS product, li.variant_name AS variant, li.variant_unit AS unit,"
        " SUM(li.quantity) AS qty, COUNT(DISTINCT o.id) AS orders,"
        " SUM(COALESCE(CAST(li.final_weight AS REAL), li.quantity * CAST(li.unit_value AS REAL)))"
        f" AS measure {base} GROUP BY 1, 2, 3",
        (producer_id, CYCLE),
    )
    assert rows
    for r in rows:
        expected = f"{r['product']} {r['variant']} {r['qty']}"
        if r["unit"] == "weight":
            expected += f" {kg(Decimal(str(round(r['measure'], 3))))}"
        assert expected in overall, expected
    total = sum(r["qty"] for r in rows)
    assert f"Total {total}" in overall
    # per pickup point: every point's section holds its own sums
    joined = base.replace("WHERE", "JOIN pickup_points p ON p.id = o.pickup_point_id WHERE")
    by_point = sql(
        demo_db,
        "SELECT p.name AS point, li.product_name AS product, li.variant_name AS variant,"
        f" SUM(li.quantity) AS qty {joined} GROUP BY 1, 2, 3",
        (producer_id, CYCLE),
    )
    sections = {s.split(" · ", 1)[0]: s for s in per_point}
    for r in by_point:
        assert f"{r['product']} {r['variant']} {r['qty']}" in sections[r["point"]]


def test_weighed_lines_use_the_final_weight(generate, demo_db: Path) -> None:
    # Moorland's "per kg" steaks are pre-weighed on about half the lines.
    weighed = sql(
        demo_db,
        "SELECT COUNT(*) AS n FROM line_items li JOIN orders o ON o.id = li.order_id"
        " WHERE li.producer_id = 73 AND li.product_name = 'Sirloin steak'"
        " AND li.final_weight IS NOT NULL AND o.state <> 'canceled'",
    )[0]["n"]
    assert weighed > 0
    (path,) = generate(kinds=("harvest",), producer_id=73)
    assert f"({weighed} weighed)" in flat(pages(path)[0])


# Every order exactly once -------------------------------------------------------------
def test_hub_pack_by_customer_lists_each_live_order_once(generate, demo_db: Path) -> None:
    (path,) = generate(kinds=("pack-customer",))
    found = numbers_in(" ".join(pages(path)))
    live = live_numbers(demo_db)
    assert set(found) == live
    assert set(found.values()) == {1}
    cancelled = {
        r["number"] for r in sql(demo_db, "SELECT number FROM orders WHERE state = 'canceled'")
    }
    assert cancelled and not cancelled & set(found)


def test_no_bag_is_split_across_pages(generate) -> None:
    # Every block that starts on a page ends there: banner (with the order number) and
    # "Total by customer" come in pairs on each page.
    (path,) = generate(kinds=("pack-customer",))
    texts = pages(path)
    assert len(texts) > 5
    for text in texts:
        assert len(numbers_in(text)) == flat(text).count("Total by customer") > 0


def test_pack_by_product_quantities_match_per_variant(generate, demo_db: Path) -> None:
    (path,) = generate(kinds=("pack-product",))
    text = flat(" ".join(pages(path)))
    rows = sql(
        demo_db,
        "SELECT li.product_name AS product, li.variant_name AS variant, SUM(li.quantity) AS qty"
        " FROM line_items li JOIN orders o ON o.id = li.order_id"
        " WHERE o.state <> 'canceled' GROUP BY 1, 2 ORDER BY 1, 2",
    )
    for r in rows:
        block = text.split(f"{r['product']} - {r['variant']}", 1)[1]
        totals = re.findall(r"Total (\d+)", block)
        assert int(totals[0]) == r["qty"], r["product"]
    lines = sql(
        demo_db,
        "SELECT COUNT(*) AS n FROM line_items li JOIN orders o ON o.id = li.order_id"
        " WHERE o.state <> 'canceled'",
    )[0]["n"]
    assert sum(numbers_in(text).values()) == lines  # one row per line item


def test_sheets_hold_each_order_of_their_pickup_point_once(generate, demo_db: Path) -> None:
    paths = generate(kinds=("sheet",))
    points = sql(demo_db, "SELECT id, name, description FROM pickup_points")
    assert len(paths) == len(points)
    for p in points:
        (path,) = [x for x in paths if f"sheet-{p['id']}-" in x.name]
        text = " ".join(pages(path))
        found = numbers_in(text)
        assert set(found) == live_numbers(demo_db, "AND pickup_point_id = ?", (p["id"],))
        assert set(found.values()) == {1}
        assert f"Collection sheet: {p['name']}" in text
        assert p["description"] and p["description"] in text  # day and opening times


def test_sheet_is_sorted_by_last_name_with_amount_due(generate, demo_db: Path) -> None:
    (path,) = generate(kinds=("sheet",), pickup_point_id=61)
    text = " ".join(pages(path))
    order = [n for n in re.findall(r"R\d{9}", text)]
    rows = sql(
        demo_db,
        "SELECT number, outstanding FROM orders WHERE pickup_point_id = 61"
        " AND state <> 'canceled' ORDER BY name_key, number",
    )
    assert order == [r["number"] for r in rows]
    owing = next(r for r in rows if r["outstanding"] > 0)
    amount = f"£{Decimal(owing['outstanding']) / 100:,.2f}"
    rows_text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    line = next(ln for ln in rows_text.splitlines() if owing["number"] in ln)
    assert amount in line and "Cash on pickup" in line


def test_producer_pack_holds_orders_with_that_producers_lines(generate, demo_db: Path) -> None:
    (path,) = generate(kinds=("pack-producer",), producer_id=71)
    found = numbers_in(" ".join(pages(path)))
    expected = live_numbers(
        demo_db, "AND id IN (SELECT order_id FROM line_items WHERE producer_id = 71)"
    )
    assert set(found) == expected and set(found.values()) == {1}


# Privacy ------------------------------------------------------------------------------
def test_producer_lists_hide_names_unless_the_hub_allows(
    generate, store: Store, demo_db: Path
) -> None:
    people = sql(
        demo_db,
        "SELECT o.customer_name AS name, o.phone FROM orders o WHERE o.state <> 'canceled'"
        " AND o.id IN (SELECT order_id FROM line_items WHERE producer_id = 57)",
    )
    (path,) = generate(kinds=("pack-producer",), producer_id=57)
    text = " ".join(pages(path))
    assert not [p["name"] for p in people if p["name"] in text]
    assert not [p["phone"] for p in people if p["phone"] in text]
    assert "names are hidden" in flat(text)

    store.settings.set(SHARE_NAMES_WITH_PRODUCERS, True)
    (path,) = generate(kinds=("pack-producer",), producer_id=57)
    text = " ".join(pages(path))
    assert all(p["name"] in text for p in people)


# Quality: fonts, pages, paper, determinism --------------------------------------------
def _info(**kwargs: object) -> DocInfo:
    return DocInfo("Hub & Co <test>", "Week 1", NOW, **kwargs)  # type: ignore[arg-type]


def _order(i: int, first: str, last: str, lines: int = 3) -> PackOrder:
    items = tuple(
        PackLine(57, "Hillside Hens", f"Product {n}", "Dozen", 1 + n % 3, chilled=n % 2 == 0)
        for n in range(lines)
    )
    return PackOrder(i, f"R{100000000 + i}", f"C{i}", first, last, "", 61, "St Mark's Hall", items)


def test_names_in_any_script_come_out_as_text_with_dejavu_embedded() -> None:
    names = [("Zoë", "Müller"), ("Łukasz", "Þórsdóttir"), ("Mei", "Nguyễn"), ("Őrs", "Dvořák")]
    orders = [_order(i, f, last) for i, (f, last) in enumerate(names)]
    data = packing.build_customer_pack(_info(), orders)
    text = " ".join(pages(data))
    for first, last in names:
        assert first in text and last in text
    assert "Hub & Co <test>" in text  # escaped, not eaten as markup
    reader = PdfReader(__import__("io").BytesIO(data))
    fonts = {str(f) for page in reader.pages for f in _font_names(page)}
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts


def _font_names(page) -> list[str]:
    resources = page["/Resources"]["/Font"]
    return [resources[key].get_object()["/BaseFont"] for key in resources]


def test_every_page_has_hub_cycle_time_and_page_x_of_y(generate) -> None:
    (path,) = generate(kinds=("pack-customer",))
    texts = pages(path)
    assert len(texts) > 5
    for number, text in enumerate(texts, start=1):
        assert HUB in text and CYCLE_NAME in text
        assert "Generated 2026-11-26 09:14 GMT" in text
        assert f"Page {number} of {len(texts)}" in text


def test_a_long_bag_repeats_its_heading_and_header_on_every_page() -> None:
    big = _order(7, "Åsa", "Ångström", lines=90)
    data = packing.build_producer_pack(_info(), "Hillside Hens", [big], show_names=True)
    texts = pages(data)
    assert len(texts) >= 2
    for text in texts:
        assert "C7 · R100000007" in text
        assert "Packed Qty Product" in flat(text)


def test_paper_sizes(generate) -> None:
    sizes = {}
    for paper in ("a4", "letter"):
        for path in generate(kinds=("harvest", "sheet", "labels"), producer_id=57, paper=paper):
            box = PdfReader(path).pages[0].mediabox
            sizes[(paper, path.name.split("-", 1)[1].split("-")[0])] = (
                round(box.width),
                round(box.height),
            )
    assert sizes[("a4", "harvest")] == (595, 842)
    assert sizes[("letter", "harvest")] == (612, 792)
    assert sizes[("a4", "sheet")] == (842, 595)  # landscape
    assert sizes[("letter", "sheet")] == (792, 612)
    labels = {k: v for k, v in sizes.items() if k[1] == "labels"}
    assert labels  # sheets and 4x6, keyed by file name below
    boxes = {}
    for paper in ("a4", "letter"):
        for path in generate(kinds=("labels",), paper=paper):
            boxes[path.name] = tuple(round(x) for x in PdfReader(path).pages[0].mediabox[2:])
    assert boxes["oc987-labels-a4.pdf"] == (595, 842)
    assert boxes["oc987-labels-letter.pdf"] == (612, 792)
    assert boxes["oc987-labels-4x6.pdf"] == (288, 432)


def test_same_input_gives_the_same_bytes(store: Store, tmp_path: Path) -> None:
    service = ListsService(store)
    first = service.generate(ListRequest(producer_id=57), tmp_path / "a", now=NOW)
    second = service.generate(ListRequest(producer_id=57), tmp_path / "b", now=NOW)
    assert [p.name for p in first] == [p.name for p in second]
    # harvest + pack-producer for one producer, two hub lists, three sheets, two label files
    assert len(first) == 9
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert b"2026112609" in first[0].read_bytes()  # the creation date passed in


def test_pages_written_directly_are_the_bytes_reportlab_writes(monkeypatch) -> None:
    """Our page and form writers (layout._FastPage, _FastForm) against reportlab's own, on
    labels with their QR forms (21 to a page: more than one line of references) and a long
    packing list."""
    from reportlab.pdfbase import pdfdoc

    from receipts.pdf import layout

    orders = [_order(i, "Zoë", f"Müller {i}", lines=1 + i % 7) for i in range(60)]
    bags = [BagLabel(order, 1, 1) for order in orders]

    def documents() -> list[bytes]:
        return [
            labels.build_label_sheets(_info(), bags, skip=2),
            labels.build_labels_4x6(_info(), bags[:5]),
            packing.build_customer_pack(_info(paper="letter"), orders),
        ]

    ours = documents()
    monkeypatch.setattr(layout._FastPage, "format", pdfdoc.PDFPage.format)
    monkeypatch.setattr(layout._FastForm, "format", pdfdoc.PDFFormXObject.format)
    assert documents() == ours


def test_same_bytes_in_a_fresh_process(store: Store, demo_db: Path, tmp_path: Path) -> None:
    (here,) = ListsService(store).generate(
        ListRequest(kinds=("harvest",), producer_id=72), tmp_path / "here", now=NOW
    )
    script = (
        "import sys; from datetime import datetime, UTC; from pos.store import Store;"
        "from pos.services.lists import ListsService, ListRequest;"
        "s = Store.open(sys.argv[1], lock=False);"
        "ListsService(s).generate(ListRequest(kinds=('harvest',), producer_id=72), sys.argv[2],"
        " now=datetime(2026, 11, 26, 9, 14, 3, tzinfo=UTC))"
    )
    store.close()
    subprocess.run(
        [sys.executable, "-c", script, str(demo_db), str(tmp_path / "there")],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert (tmp_path / "there" / here.name).read_bytes() == here.read_bytes()


# Labels -------------------------------------------------------------------------------
def _decode(pdf: Path, page: int, tmp_path: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    stem = tmp_path / f"{pdf.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
        check=True,
    )
    (png,) = tmp_path.glob(f"{stem.name}-*.png")
    found = zxingcpp.read_barcodes(Image.open(png))
    png.unlink()
    return sorted(b.text for b in found)


def test_label_qr_codes_decode_to_the_order_numbers(generate, store: Store, tmp_path: Path) -> None:
    paths = generate(kinds=("labels",), pickup_point_id=63)
    sheet = next(p for p in paths if "labels-a4" in p.name)
    four_by_six = next(p for p in paths if "labels-4x6" in p.name)
    service = ListsService(store)
    from pos.services.lists import to_pack_order

    orders = service.queries.orders(CYCLE, pickup_point_id=63)
    names = {p.id: p.name for p in service.repo.producers()}
    bags = service.bag_labels(to_pack_order(o, names) for o in orders)
    assert len(bags) > 21
    assert _decode(sheet, 1, tmp_path) == sorted(b.order.number for b in bags[:21])
    for page in (1, 2, 3):
        assert _decode(four_by_six, page, tmp_path) == [bags[page - 1].order.number]
    assert len(PdfReader(four_by_six).pages) == len(bags)
    text = pages(four_by_six)[0]
    first = bags[0]
    assert first.order.full_name in text
    assert f"Bag {first.bag} of {first.bags}" in text
    assert "Friday 16:00–19:00" in text  # when to collect, from the pickup point


def test_bags_split_chilled_items_and_count_k_of_n() -> None:
    order = _order(1, "Zoë", "Müller", lines=0)
    lines = (
        PackLine(57, "H", "Eggs", "Dozen", 14),
        PackLine(72, "L", "Milk", "1L", 3, chilled=True),
    )
    bags = plan_bags(PackOrder(**{**_fields(order), "lines": lines}), capacity=12)
    assert [(b.bag, b.bags, b.chilled) for b in bags] == [
        (1, 3, False),
        (2, 3, False),
        (3, 3, True),
    ]
    data = labels.build_label_sheets(_info(), bags)
    text = pages(data)[0]
    assert "Bag 3 of 3" in text and "CHILLED" in text


def _fields(order: PackOrder) -> dict[str, object]:
    return {name: getattr(order, name) for name in order.__dataclass_fields__}


def test_label_sheet_skip_leaves_used_stickers_blank(tmp_path: Path) -> None:
    bags = [BagLabel(_order(i, "A", "B"), 1, 1) for i in range(3)]
    data = labels.build_label_sheets(_info(), bags, skip=19)
    assert len(PdfReader(__import__("io").BytesIO(data)).pages) == 2  # 19 + 2 | 1


def test_all_kinds_without_filters_write_one_file_per_producer(generate, demo_db: Path) -> None:
    paths = generate()
    producers = sql(
        demo_db,
        "SELECT DISTINCT producer_id FROM line_items li JOIN orders o ON o.id = li.order_id"
        " WHERE o.state <> 'canceled'",
    )
    points = sql(demo_db, "SELECT id FROM pickup_points")
    names = [p.name for p in paths]
    assert sum(n.startswith("oc987-harvest-") for n in names) == len(producers)
    assert sum(n.startswith("oc987-pack-producer-") for n in names) == len(producers)
    assert sum(n.startswith("oc987-sheet-") for n in names) == len(points)
    assert "oc987-pack-customer.pdf" in names and "oc987-pack-product.pdf" in names
    assert "oc987-labels-a4.pdf" in names and "oc987-labels-4x6.pdf" in names
    assert not any(n.startswith("oc987-run-sheet") for n in names)  # the demo delivers nothing
    assert len(KINDS) == 7
