"""The end-of-day report as CSV and PDF, read back with csv and pypdf."""

from __future__ import annotations

import csv
from decimal import Decimal

import pypdf
import pytest

from pos.domain import reconcile as r
from pos.domain.settings import CSV_BOM, LANGUAGE
from pos.services import export_csv
from pos.services.reconcile import REPORT_CSV_HEADER, ReconcileService
from tests.reconcile.day import recompute, recompute_sync
from tests.reconcile.fixtures import day_store_fixture  # noqa: F401


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_neutralise_rules():
    for bad in ("=1+2", "+44 7700", "-5 eggs", "@SUM(A1)", "\tx", "\rx"):
        assert export_csv.neutralise(bad) == "'" + bad
    for ok in ("Zoë", "", "5 eggs", "x =y", "R123", "  R12", "'quoted'"):
        assert export_csv.neutralise(ok) == ok
    # money stays a signed number
    assert export_csv.cell(export_csv.Amount(-450, "GBP")) == "-4.50"
    assert export_csv.cell(export_csv.Amount(5, "JPY")) == "5"
    assert export_csv.cell(-3) == "-3"


def test_csv_escaping_round_trip(tmp_path):
    rows = [
        ['=HYPERLINK("http://x","y")', 'Chloé, "Pain"\nline 2', export_csv.Amount(-1234, "GBP")],
        ["@cmd", "-5", export_csv.Amount(0, "GBP")],
    ]
    path = export_csv.write_csv(tmp_path / "x.csv", ["a", "b", "c"], rows)
    got = _read(path)
    assert got[0] == ["a", "b", "c"]
    assert got[1] == ['\'=HYPERLINK("http://x","y")', 'Chloé, "Pain"\nline 2', "-12.34"]
    assert got[2] == ["'@cmd", "'-5", "0.00"]
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    bom = export_csv.write_csv(tmp_path / "b.csv", ["a"], [["é"]], bom=True)
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (tmp_path / "b.csv.part").exists()


@pytest.fixture
def hub(day_store):
    store, _, _ = day_store
    # a hostile customer name must not become a formula in the export
    store.db.conn.execute(
        "UPDATE orders SET customer_name = '=cmd|'' /C calc''!A0' WHERE id = "
        "(SELECT MIN(id) FROM orders WHERE pickup_point_id = 63)"
    )
    store.db.conn.commit()
    return store


@pytest.mark.parametrize("point", [None, 61])
def test_report_csv_figures(hub, tmp_path, point):
    store = hub
    svc = ReconcileService(store)
    path = svc.export_csv(tmp_path / "report.csv", point_id=point)
    rows = _read(path)
    assert tuple(rows[0]) == REPORT_CSV_HEADER
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    want = recompute(store, point)
    scope = "All pickup points" if point is None else "St Mark's Hall"
    counts = {
        x["status"]: int(x["count"])
        for x in body
        if x["section"] == "orders" and x["pickup_point"] == scope
    }
    assert counts == want.counts
    total = next(
        x
        for x in body
        if x["section"] == "money" and x["pickup_point"] == scope and x["item"] == "Total"
    )
    assert Decimal(total["expected"]) == Decimal(want.expected) / 100
    assert Decimal(total["recorded"]) == Decimal(want.recorded) / 100
    assert Decimal(total["difference"]) == Decimal(want.recorded - want.expected) / 100
    methods = {
        x["method"]: Decimal(x["amount"])
        for x in body
        if x["section"] == "method" and x["pickup_point"] == scope
    }
    assert methods == {k: Decimal(v) / 100 for k, v in want.by_method.items()}
    sync = {x["status"]: int(x["count"]) for x in body if x["section"] == "sync"}
    assert sync == recompute_sync(store, point)
    orders = [x for x in body if x["section"] == "order"]
    assert len(orders) == sum(want.counts.values())
    todo = [x for x in body if x["section"] == "to_do"]
    assert all(x["detail"] for x in todo)
    if point is None:
        assert len(todo) == 3
        assert any(x["detail"].endswith("/edit") for x in todo)
        hostile = [x for x in orders if "calc" in x["customer"]]
        assert hostile and all(x["customer"].startswith("'=") for x in hostile)
        negative = [x for x in orders if x["difference"].startswith("-")]
        assert negative  # the order left owing: a plain negative number
        assert all(Decimal(x["difference"]) < 0 for x in negative)
    else:
        assert len(todo) == 2  # the conflict belongs to pickup point 62


def test_csv_bom_setting(hub, tmp_path):
    hub.settings.set(CSV_BOM, True)
    path = ReconcileService(hub).export_csv(tmp_path / "r.csv")
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"


def _pdf_text(path):
    reader = pypdf.PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())  # cells wrap: compare word runs


def test_report_pdf_reads_back(hub, tmp_path):
    store = hub
    svc = ReconcileService(store)
    path = svc.export_pdf(tmp_path / "report.pdf")
    reader, text = _pdf_text(path)
    n = len(reader.pages)
    assert n >= 2
    assert f"Page 1 of {n}" in text and f"Page {n} of {n}" in text
    assert "End-of-day report — Riverside Food Hub (demo)" in text
    assert "DEMO DATA" in text
    view = svc.overview()
    from pos.domain.money import format_money

    for figure in (
        view.total.money.expected,
        view.total.money.recorded,
        view.total.money.difference,
    ):
        assert format_money(figure, "GBP", "en_GB") in text
    for s in view.sessions:
        if s.difference is not None:
            assert format_money(s.difference, "GBP", "en_GB") in text
    open_session = next(s for s in view.sessions if s.closed_at is None)
    # one database is one till: T2's session is its second when the real services wrote T1's
    assert f"Still open, cash not counted: T2 #{open_session.number}." in text
    assert "Failed to push to OFN (retried)" in text and "OFN timed out (504)" in text
    assert "Łukasz Nowak" in text  # the T2 volunteer, in an embedded Unicode font
    assert "Collections per half hour" in text
    assert "Collected and remaining per pickup point" in text
    assert "OFN cancelled this order after the till downloaded it" in text
    fonts = {
        str(f)
        for page in reader.pages
        for f in page["/Resources"]["/Font"].get_object().values()
        for f in [f.get_object()["/BaseFont"]]
    }
    assert any("DejaVu" in f or "Vera" in f for f in fonts)
    assert reader.metadata.title.startswith("End-of-day report")
    # same data, same bytes (invariant): rebuild with the same ReportData
    data = svc.report_data()
    from receipts.pdf.report import build_report_pdf

    a = build_report_pdf(data, tmp_path / "a.pdf").read_bytes()
    b = build_report_pdf(data, tmp_path / "b.pdf").read_bytes()
    assert a == b


def test_report_pdf_one_point(hub, tmp_path):
    svc = ReconcileService(hub)
    _, text = _pdf_text(svc.export_pdf(tmp_path / "p.pdf", point_id=62))
    assert "Pickup point: Riverside Farm Shed" in text
    assert "St Mark's Hall" not in text
    data = svc.report_data(point_id=62)
    assert data.points == () and data.total.pickup_point_id == 62
    assert all(a.pickup_point_id == 62 for a in data.actions)
    assert all(o.pickup_point_id == 62 for o in data.orders)
    assert data.total.counts[r.COLLECTED] == 5


def test_unknown_point_and_bad_extension(hub, tmp_path):
    from pos.errors import KnownError

    svc = ReconcileService(hub)
    with pytest.raises(KnownError):
        svc.export(tmp_path / "r.pdf", point_id=999)
    with pytest.raises(KnownError):
        svc.export(tmp_path / "r.xlsx")


def test_report_follows_the_hub_language(hub, tmp_path):
    hub.settings.set(LANGUAGE, "fr")
    svc = ReconcileService(hub)
    _, text = _pdf_text(svc.export_pdf(tmp_path / "fr.pdf"))
    text = text.replace("\xa0", " ")
    assert "Rapport de fin de journée — Riverside Food Hub (demo)" in text
    assert "Page 1 sur" in text and "Sessions de caisse" in text
    rows = _read(svc.export_csv(tmp_path / "fr.csv"))
    assert rows[0][0] == "section"  # the header stays machine-readable
    assert any(r[0] == "orders" and r[2] == "Non retirées" for r in rows[1:])
    assert any(r[0] == "money" and r[1] == "Tous les points de retrait" for r in rows[1:])
