"""A test receipt for "Test print" and ``print-test``: accented names, money, a QR code.

It exercises what goes wrong first on a new printer: the code page (é ü ø ł ß œ €), column
alignment, the QR code and the cut.
"""

from __future__ import annotations

from receipts.i18n import translations
from receipts.receipt import ReceiptData, ReceiptLine, ReceiptPayment


def sample_receipt(
    *,
    hub_name: str = "Food Hub POS",
    currency: str = "EUR",
    locale: str = "en_GB",
    timezone: str = "UTC",
    printed_at: str = "2026-11-26T09:00:00Z",
    printer: str = "",
    language: str = "en",
) -> ReceiptData:
    _ = translations(language).gettext
    lines = (
        ReceiptLine("Crème fraîche", "250ml", 2, 320, 640, 2),
        ReceiptLine("Smørrebrød & œufs", "", 1, 450, 450, 1),
        ReceiptLine("Łąka Preserves: blackcurrant jam, extra long name", "340g", 1, 420, 420, 1),
        ReceiptLine("Weißbrot", "800g", 0, 390, 0, 1, "missing"),
    )
    return ReceiptData(
        hub_name=hub_name,
        receipt_no="TEST-000000",
        kind="walk_in",
        created_at=printed_at,
        till_id="T0",
        volunteer="Zoë Ørsted-Łukasiewicz",
        currency=currency,
        locale=locale,
        timezone=timezone,
        pickup_point=_("Test print"),
        customer_name="",
        lines=lines,
        goods_total=1510,
        amount_due=1510,
        amount_paid=1510,
        payments=(ReceiptPayment("cash", _("Cash"), 1510, 2000, 490),),
        footer="é ü ø ł ß œ € £\n"
        + (_("Printer: {printer}").format(printer=printer) if printer else ""),
    )
