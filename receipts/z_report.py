"""The till session's Z report: money by method, cash expected against counted, counts.

Printed when the session closes, or at any time as an interim ("session still open")
report. Input is plain data from the printing service.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.models import FALLBACK_LOCALE, FALLBACK_TIMEZONE
from pos.domain.money import format_money
from receipts.document import Document
from receipts.i18n import translations
from receipts.receipt import local_time
from receipts.text import CodePages


@dataclass(frozen=True, slots=True)
class MethodTotal:
    label: str
    amount: int
    count: int


@dataclass(frozen=True, slots=True)
class CashMovement:
    amount: int
    reason: str
    at: str  # UTC ISO


@dataclass(frozen=True)
class ZReportData:
    hub_name: str
    till_id: str
    session_number: int
    volunteer: str
    opened_at: str
    currency: str
    locale: str = FALLBACK_LOCALE
    timezone: str = FALLBACK_TIMEZONE
    pickup_point: str = ""
    closed_at: str | None = None
    closed_by: str | None = None
    float_amount: int = 0
    by_method: tuple[MethodTotal, ...] = ()
    movements: tuple[CashMovement, ...] = ()
    expected_cash: int = 0
    counted_cash: int | None = None
    difference: int | None = None
    collections: int = 0
    walk_ins: int = 0
    reversals: int = 0
    goods_total: int = 0
    fees_total: int = 0
    left_owing: int = 0
    credit_due: int = 0
    close_note: str = ""
    printed_at: str = ""
    is_copy: bool = False

    @property
    def sales_total(self) -> int:
        """Goods plus fees, net of undone checkouts (as ``pos.domain.till.ZReport``)."""
        return self.goods_total + self.fees_total


def layout_z_report(
    data: ZReportData, columns: int, pages: CodePages | None = None, *, language: str | None = None
) -> Document:
    _ = translations(language or data.locale).gettext
    doc = Document(columns, pages or CodePages.unicode())

    def money(minor: int) -> str:
        return format_money(minor, data.currency, data.locale)

    def when(iso: str) -> str:
        return local_time(iso, data.timezone, data.locale)

    if data.is_copy:
        doc.center(_("*** COPY ***"), bold=True)
    doc.center(_("Z REPORT") if data.closed_at else _("X REPORT"), bold=True, size=2)
    if not data.closed_at:
        doc.center(_("(session still open)"))
    doc.center(data.hub_name, bold=True)
    if data.pickup_point:
        doc.center(data.pickup_point)
    doc.rule()
    doc.line(
        _("Till {till}, session {number}").format(till=data.till_id, number=data.session_number)
    )
    doc.line(_("Opened {at} by {name}").format(at=when(data.opened_at), name=data.volunteer))
    if data.closed_at:
        doc.line(
            _("Closed {at} by {name}").format(
                at=when(data.closed_at), name=data.closed_by or data.volunteer
            )
        )
    doc.rule()
    doc.columns_row(_("Collections"), str(data.collections))
    doc.columns_row(_("Walk-in sales"), str(data.walk_ins))
    doc.columns_row(_("Reversals"), str(data.reversals))
    doc.columns_row(_("Goods"), money(data.goods_total))
    doc.columns_row(_("Fees"), money(data.fees_total))
    doc.columns_row(_("Sales total"), money(data.sales_total), bold=True)
    doc.rule()
    doc.line(_("Payments by method"), bold=True)
    for method in data.by_method:
        doc.columns_row(f"{method.label} ({method.count})", money(method.amount))
    doc.columns_row(_("Total taken"), money(sum(m.amount for m in data.by_method)), bold=True)
    if data.left_owing:
        doc.columns_row(_("Left owing"), money(data.left_owing))
    if data.credit_due:
        doc.columns_row(_("Credit due to customers"), money(data.credit_due))
    doc.rule()
    doc.line(_("Cash"), bold=True)
    doc.columns_row(_("Opening float"), money(data.float_amount))
    for movement in data.movements:
        doc.columns_row(movement.reason, money(movement.amount), indent=2)
    doc.columns_row(_("Expected in drawer"), money(data.expected_cash), bold=True)
    if data.counted_cash is not None:
        doc.columns_row(_("Counted"), money(data.counted_cash))
        difference = (
            data.difference
            if data.difference is not None
            else data.counted_cash - data.expected_cash
        )
        doc.columns_row(_("Difference"), money(difference), bold=True)
    if data.close_note:
        doc.line(data.close_note)
    doc.rule()
    if data.printed_at:
        doc.line(_("Printed {at}").format(at=when(data.printed_at)))
    if data.is_copy:
        doc.center(_("*** COPY ***"), bold=True)
    doc.cut()
    return doc
