"""Turning stored rows into printed documents: pure functions, no store, no printer.

The queue (:mod:`pos.services.printing`) reads the rows and hands them here; the same
input always gives the same document, so these are tested without a database.
"""

from __future__ import annotations

from typing import Any

from pos.domain.models import FALLBACK_LOCALE, FALLBACK_TIMEZONE
from pos.domain.till import ZReport
from pos.services.print_settings import PrinterSettings
from receipts.document import Document
from receipts.label import LabelData, bags_for
from receipts.receipt import ReceiptData, ReceiptLine, ReceiptPayment, layout_receipt
from receipts.sample import sample_receipt
from receipts.z_report import CashMovement, MethodTotal, ZReportData

WEIGHT_UNITS = {"weight": "g", "volume": "ml"}


def receipt_data(
    row: dict[str, Any],
    settings: PrinterSettings,
    labels: dict[str, str],
    *,
    copy: bool = False,
) -> ReceiptData:
    """``labels``: payment method code -> its label in the receipt's language."""
    """A receipt from a checkout as the store gives it (``PrintJobs.checkout``)."""
    hub = row["hub"] or {}
    order = row["order"] or {}
    lines = tuple(
        ReceiptLine(
            name=line["product_name"],
            variant=line["variant_name"] or "",
            quantity=line["quantity"],
            unit_price=line["unit_price"],
            amount=line["amount"],
            quantity_ordered=line["quantity_ordered"],
            status=line["status"],
            final_weight=line["final_weight"],
            weight_unit=WEIGHT_UNITS.get(line["variant_unit"] or "", ""),
        )
        for line in row["lines"]
    )
    payments = tuple(
        ReceiptPayment(
            method=p["method"],
            label=labels.get(p["method"], p["method"]),
            amount=p["amount"],
            tendered=p["tendered"],
            change=p["change"],
        )
        for p in row["payments"]
    )
    is_collection = row["kind"] == "collection"
    return ReceiptData(
        hub_name=hub.get("name", ""),
        receipt_no=row["receipt_no"],
        kind=row["kind"],
        created_at=row["created_at"],
        till_id=row["till_id"],
        volunteer=row["volunteer"],
        currency=row["currency"],
        locale=hub.get("locale", FALLBACK_LOCALE),
        timezone=hub.get("timezone", FALLBACK_TIMEZONE),
        pickup_point=row["pickup_point_name"],
        order_number=order.get("number"),
        customer_name=order.get("customer_name", ""),
        customer_code=order.get("customer_code"),
        lines=lines,
        goods_total=row["goods_total"],
        fees_total=row["fees_total"],
        order_total=order.get("total") if is_collection else None,
        paid_online=order.get("payment_total", 0) if is_collection else 0,
        amount_due=row["amount_due"],
        amount_paid=row["amount_paid"],
        change_given=row["change_given"],
        left_owing=row["left_owing"],
        credit_amount=row["credit_amount"],
        payments=payments,
        note=row["note"],
        reverses_receipt_no=row["reverses_receipt_no"],
        footer=settings.footer,
        is_copy=copy,
    )


def z_report_data(
    z: ZReport,
    hub: dict[str, Any],
    settings: PrinterSettings,
    labels: dict[str, str],
    *,
    printed_at: str,
    copy: bool = False,
) -> ZReportData:
    """The printed Z report: the same :class:`ZReport` the screen shows, figure for figure."""
    session = z.session
    return ZReportData(
        hub_name=hub.get("name", ""),
        till_id=session.till_id,
        session_number=session.number,
        volunteer=session.volunteer,
        opened_at=session.opened_at,
        currency=z.currency,
        locale=hub.get("locale", FALLBACK_LOCALE),
        timezone=hub.get("timezone", FALLBACK_TIMEZONE),
        pickup_point=z.pickup_point,
        closed_at=session.closed_at,
        closed_by=session.closed_by,
        float_amount=session.float_amount,
        by_method=tuple(
            MethodTotal(labels.get(m.method, m.method), m.amount, m.count) for m in z.by_method
        ),
        movements=tuple(CashMovement(m.amount, m.reason, m.created_at) for m in z.cash_moves),
        expected_cash=z.expected_cash,
        counted_cash=z.counted_cash,
        difference=z.difference,
        collections=z.collections,
        walk_ins=z.walk_ins,
        reversals=z.reversals,
        goods_total=z.goods_total,
        fees_total=z.fees_total,
        left_owing=z.left_owing,
        credit_due=z.credit_amount,
        close_note=session.close_note,
        printed_at=printed_at,
        is_copy=copy,
    )


def label_data(
    row: dict[str, Any], bags: int | None = None, *, copy: bool = False
) -> list[LabelData]:
    """Bag labels for an order as the store gives it (``PrintJobs.order_for_labels``)."""
    hub = row["hub"] or {}
    if bags:
        chilled = [bool(row["has_chilled"]) and not row["has_ambient"]] * bags
    else:
        chilled = bags_for(bool(row["has_chilled"]), bool(row["has_ambient"]))
    return [
        LabelData(
            hub_name=hub.get("name", ""),
            order_number=row["number"],
            customer_name=row["customer_name"],
            customer_code=row["customer_code"],
            pickup_point=row["pickup_point_name"],
            bag=k,
            bags=len(chilled),
            chilled=is_chilled,
            is_copy=copy,
        )
        for k, is_chilled in enumerate(chilled, start=1)
    ]


def sample_document(
    settings: PrinterSettings, hub: dict[str, Any] | None, printed_at: str
) -> Document:
    """The test receipt for ``settings`` (saved or not): accents, columns, QR, cut."""
    hub = hub or {}
    setup = settings.setup
    data = sample_receipt(
        hub_name=hub.get("name", "Food Hub POS"),
        currency=hub.get("currency", "EUR"),
        locale=hub.get("locale", FALLBACK_LOCALE),
        timezone=hub.get("timezone", FALLBACK_TIMEZONE),
        printed_at=printed_at,
        printer=settings.uri or "",
        language=settings.language,
    )
    return layout_receipt(data, setup.line_columns, setup.code_pages(), language=settings.language)
