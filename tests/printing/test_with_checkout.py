"""Receipts and Z reports of checkouts made by the real checkout and till services.

The checkout service queues the receipt (a ``print_jobs`` row) after its transaction;
the print service builds the receipt from the store and prints it, here to a real file.
"""

from __future__ import annotations

from pathlib import Path

from pos.domain.checkout import Tender, WalkInItem
from pos.services.context import Services
from pos.services.printing import PrintService


def _order(services: Services) -> int:
    return int(
        services.store.scalar(
            "SELECT o.id FROM orders o WHERE o.state = 'complete' AND o.payment_total = 0 AND"
            " (SELECT COUNT(*) FROM line_items li WHERE li.order_id = o.id) >= 3 ORDER BY o.id"
        )
    )


def _print_all(service: PrintService) -> int:
    printed = 0
    while (outcome := service.process_next()) is not None:
        assert outcome.printed, outcome
        printed += 1
    return printed


def test_collection_walk_in_reversal_and_z_report(demo_db: Path, tmp_path: Path) -> None:
    paper = tmp_path / "paper.bin"
    services = Services.open(demo_db, printer_uri=f"file://{paper}")
    try:
        services.till.open("Łucja Nowak", 5000)
        draft = services.checkout.start(_order(services))
        missing = draft.order.line_items[0]
        draft.mark_missing(missing.id)
        due = services.checkout.preview(draft).amount_due
        result = services.checkout.collect(draft, [Tender("cash", due + 1000)])
        assert result.print_job_id is not None
        sale = services.checkout.sell_walk_in(
            [WalkInItem("Crème fraîche", 320, 2, "250ml")], [Tender("card", 640)]
        )
        printing = services.printing
        assert _print_all(printing) == 2

        collection = printing.document(
            printing.jobs.get(result.print_job_id),
            printing.settings(),  # type: ignore[arg-type]
        ).as_text()
        checkout = result.checkout
        assert f"Collection {checkout.receipt_no}" in collection
        assert draft.order.customer_name in collection
        assert f"[qr {draft.order.number}]" in collection
        assert "Missing (credited)" in collection and missing.product_name in collection
        assert "change £10.00" in collection
        assert collection.startswith("[drawer]")
        data = paper.read_bytes()
        assert data.count(b"\x1bp") == 1  # the drawer opened for the cash sale only
        assert f"Sale {sale.checkout.receipt_no}".encode() in data
        assert "fraîche, 250ml".encode("cp1252") in data  # (è may follow a page switch)

        reversal = services.checkout.reverse(sale.checkout.id, "Wrong price", pin=None)
        assert _print_all(printing) == 1
        refund = printing.receipt_data(reversal.checkout.id, printing.settings())
        assert refund.kind == "reversal" and refund.reverses_receipt_no == sale.checkout.receipt_no
        assert b"Refund" in paper.read_bytes()

        session = services.till.current()
        assert session is not None
        expected = services.till.expected_cash()
        services.till.close(expected)
        assert _print_all(printing) == 1
        report = printing.z_report_data(session.id, printing.settings())
        assert report.collections == 1 and report.walk_ins == 1 and report.reversals == 1
        assert report.expected_cash == expected and report.counted_cash == expected
        assert b"Z REPORT" in paper.read_bytes()
        assert _print_all(printing) == 0  # each printed exactly once
    finally:
        services.close()
