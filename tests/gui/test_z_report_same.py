"""One Z report: the till's screen and the printed report show the same figures.

The bug this guards: the printed sales total included the orders' fees, the screen's had
none. Sales are goods plus fees, net of undone checkouts (``pos.domain.till.ZReport``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from pos.domain.checkout import Tender, WalkInItem
from pos.domain.money import format_money
from pos.services.context import Services
from pos.ui.till_dialogs import z_report_text


def _order_with_fees(services: Services) -> int:
    return int(
        services.store.scalar(
            "SELECT id FROM orders WHERE state = 'complete' AND payment_total = 0"
            " AND adjustment_total > 0 ORDER BY id"
        )
    )


def test_screen_and_printed_z_report_show_the_same_sales(qtbot, demo_db: Path, tmp_path) -> None:
    services = Services.open(demo_db, printer_uri=f"file://{tmp_path / 'paper.bin'}")
    try:
        services.till.open("Zoë", 5000)
        draft = services.checkout.start(_order_with_fees(services))
        due = services.checkout.preview(draft).amount_due
        services.checkout.collect(draft, [Tender("cash", due)])
        sale = services.checkout.sell_walk_in(
            [WalkInItem("Jam", 450, 2, "")], [Tender("card", 900)]
        )
        services.checkout.sell_walk_in([WalkInItem("Eggs", 300, 1, "")], [Tender("cash", 300)])
        services.checkout.reverse(sale.checkout.id, "Wrong price", pin=None)
        session = services.till.current()
        assert session is not None
        services.till.close(services.till.expected_cash())

        # what was stored, summed independently
        goods, fees = services.store.db.conn.execute(
            "SELECT SUM(goods_total), SUM(fees_total) FROM checkouts WHERE session_id = ?",
            (session.id,),
        ).fetchone()
        assert fees > 0 and goods > 0

        screen_report = services.till.z_report(session.id)
        assert (screen_report.goods_total, screen_report.fees_total) == (goods, fees)
        assert screen_report.sales_total == goods + fees
        widget = QWidget()
        qtbot.addWidget(widget)
        screen = z_report_text(widget, screen_report, "en_GB", "Europe/London")

        printing = services.printing
        job_id = services.store.scalar(
            "SELECT id FROM print_jobs WHERE kind = 'z_report' AND ref = ?", (session.id,)
        )
        printed = printing.document(printing.jobs.get(job_id), printing.settings()).as_text()

        def money(minor: int) -> str:
            return format_money(minor, "GBP", "en_GB")

        assert f"Sales total: {money(goods + fees)}" in screen
        assert f"Fees: {money(fees)}" in screen and f"Goods: {money(goods)}" in screen
        for label, amount in (("Sales total", goods + fees), ("Fees", fees), ("Goods", goods)):
            line = next(ln for ln in printed.splitlines() if ln.startswith(label))
            assert line.split()[-1] == money(amount), line
        # the rest agrees too: money taken and the drawer
        takings = money(screen_report.takings)
        assert f"Total taken: {takings}" in screen
        assert next(ln for ln in printed.splitlines() if "Total taken" in ln).endswith(takings)
        expected = money(screen_report.expected_cash)
        assert f"Expected cash: {expected}" in screen
        assert next(ln for ln in printed.splitlines() if "Expected in drawer" in ln).endswith(
            expected
        )
    finally:
        services.close()
