"""The customer receipt: what was collected or sold, what is missing, what was paid.

One layout for collections, walk-in sales, reversals and copies; any width from 32 columns
(58 mm paper) to 48 (80 mm). Input is plain data (:class:`ReceiptData`), built by the
printing service from the store at print time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from babel.dates import format_datetime

from pos.domain.models import FALLBACK_LOCALE, FALLBACK_TIMEZONE
from pos.domain.money import format_money
from pos.domain.timezones import zone as tz_zone
from receipts.document import Document
from receipts.i18n import translations
from receipts.text import CodePages


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    name: str  # product name
    variant: str  # unit text, e.g. "Dozen"
    quantity: int  # handed over / sold
    unit_price: int
    amount: int  # value handed over / sold
    quantity_ordered: int = 0
    status: str = "ok"  # ok | short | missing | weighed
    final_weight: str | None = None  # Decimal text, in weight_unit
    weight_unit: str = ""  # "g" or "ml" when weighed/measured

    @property
    def credited(self) -> int:
        """Value of what was ordered but not handed over (missing or short)."""
        if self.status not in ("missing", "short"):
            return 0
        return max(0, self.unit_price * (self.quantity_ordered - self.quantity))


@dataclass(frozen=True, slots=True)
class ReceiptPayment:
    method: str  # code: cash, card, local, ...
    label: str  # as the hub names it, e.g. "Léman"
    amount: int  # applied to the sale
    tendered: int
    change: int = 0


@dataclass(frozen=True)
class ReceiptData:
    hub_name: str
    receipt_no: str
    kind: str  # collection | walk_in | reversal | delivery (a note for the bag, before the round)
    created_at: str  # UTC ISO-8601
    till_id: str
    volunteer: str
    currency: str
    locale: str = FALLBACK_LOCALE
    timezone: str = FALLBACK_TIMEZONE
    pickup_point: str = ""
    order_number: str | None = None
    customer_name: str = ""
    customer_code: str | None = None
    lines: tuple[ReceiptLine, ...] = ()
    goods_total: int = 0
    fees_total: int = 0
    order_total: int | None = None  # the order's value as ordered (collections)
    paid_online: int = 0  # already paid in OFN before the till
    amount_due: int = 0
    amount_paid: int = 0
    change_given: int = 0
    left_owing: int = 0
    credit_amount: int = 0
    payments: tuple[ReceiptPayment, ...] = ()
    local_currency_codes: frozenset[str] = field(default_factory=lambda: frozenset({"local"}))
    note: str = ""
    reverses_receipt_no: str | None = None
    footer: str = ""
    is_copy: bool = False
    #: a delivery note (issue 16): printed for the bag or after the round, with the address
    delivery_note: bool = False
    delivery_address: tuple[str, ...] = ()


def local_time(utc_iso: str, timezone: str, locale: str) -> str:
    """``2026-11-26T09:14:03Z`` in the hub's timezone, formatted for its locale."""
    try:
        moment = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    except ValueError:
        return utc_iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    zone = tz_zone(timezone)
    try:
        return format_datetime(moment, "medium", tzinfo=zone, locale=locale)
    except Exception:  # unknown locale: still an exact time
        return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")


def quantity_text(quantity: Decimal | str, unit: str) -> str:
    """A measured quantity for people: ``1234 g`` -> ``1.234 kg``, ``850 g`` -> ``850 g``."""
    try:
        value = Decimal(str(quantity))
    except InvalidOperation:
        return f"{quantity} {unit}".strip()
    if unit in ("g", "ml") and abs(value) >= 1000:
        big = "kg" if unit == "g" else "l"
        return f"{(value / 1000).normalize():f} {big}"
    return f"{value.normalize():f} {unit}".strip()


def layout_receipt(
    data: ReceiptData,
    columns: int,
    pages: CodePages | None = None,
    *,
    language: str | None = None,
    open_drawer: bool = False,
) -> Document:
    """The receipt as a :class:`Document` of ``columns`` characters per line."""
    catalogue = translations(language or data.locale)
    _, pgettext = catalogue.gettext, catalogue.pgettext
    doc = Document(columns, pages or CodePages.unicode())

    def money(minor: int) -> str:
        return format_money(minor, data.currency, data.locale)

    if open_drawer and any(p.method == "cash" for p in data.payments):
        doc.kick_drawer()
    if data.is_copy:
        doc.center(_("*** COPY ***"), bold=True)
    name_size = 2 if len(doc.fit(data.hub_name)) <= columns // 2 else 1
    doc.center(data.hub_name, bold=True, size=name_size)
    if data.pickup_point:
        doc.center(data.pickup_point)
    doc.rule()
    title = {
        "walk_in": _("Sale"),
        "reversal": _("Refund"),
    }.get(data.kind, _("Delivery note") if data.delivery_note else _("Collection"))
    doc.columns_row(f"{title} {data.receipt_no}", "", bold=True)
    doc.line(local_time(data.created_at, data.timezone, data.locale))
    if data.kind != "delivery":  # a note packed before the round: no till, nobody yet
        doc.line(_("Till {till} · {volunteer}").format(till=data.till_id, volunteer=data.volunteer))
    if data.kind == "reversal" and data.reverses_receipt_no:
        doc.line(_("Reverses receipt {number}").format(number=data.reverses_receipt_no))
    if data.order_number:
        doc.rule()
        doc.line(_("Order {number}").format(number=data.order_number), bold=True)
        if data.customer_name:
            doc.line(data.customer_name, bold=True)
        if data.customer_code:
            doc.line(_("Customer code {code}").format(code=data.customer_code))
        for address_line in data.delivery_address:
            doc.line(address_line)
    elif data.kind == "walk_in":
        doc.line(_("Walk-in sale"))
    doc.rule()

    reversal = data.kind == "reversal"
    handed = [line for line in data.lines if line.quantity or line.amount]
    # a reversal undoes what was handed over; what was missing then is not credited again
    missing = [] if reversal else [line for line in data.lines if line.credited > 0]
    if handed:
        if data.kind == "delivery":  # the note packed in the bag, before the round
            doc.line(pgettext("receipt heading", "In your bag"), bold=True)
        elif data.kind == "collection" and data.delivery_note:
            doc.line(pgettext("receipt heading", "Delivered"), bold=True)
        elif data.kind == "collection":
            # A heading ("handed over"), not the report's count of collected orders.
            doc.line(pgettext("receipt heading", "Collected"), bold=True)
        elif reversal:
            doc.line(_("Taken back"), bold=True)
        for line in handed:
            _item(doc, line, abs(line.quantity), line.amount, money, _)
    if missing:
        doc.line(_("Missing (credited)"), bold=True)
        for line in missing:
            short = line.quantity_ordered - line.quantity
            _item(doc, line, short, -line.credited, money, _)
    doc.rule()

    doc.columns_row(_("Items"), money(data.goods_total))
    if data.fees_total:
        doc.columns_row(_("Fees"), money(data.fees_total))
    total = data.goods_total + data.fees_total
    doc.columns_row(_("Total"), money(total), bold=True)
    if data.kind in ("collection", "delivery"):
        if data.order_total is not None and data.order_total != total:
            doc.columns_row(_("Ordered"), money(data.order_total))
        if data.paid_online:
            doc.columns_row(_("Paid online"), money(data.paid_online))
        due_label = _("To pay on delivery") if data.delivery_note else _("To pay at the till")
        doc.columns_row(due_label, money(max(0, data.amount_due)))

    if data.payments:
        doc.rule()
        for payment in data.payments:
            doc.columns_row(payment.label, money(payment.amount))
            if payment.amount < 0:  # a refund: no tendered or change to show
                continue
            if payment.change or payment.tendered != payment.amount:
                doc.indented(_("tendered {tendered}").format(tendered=money(payment.tendered)), 2)
            if payment.change:
                doc.indented(_("change {change}").format(change=money(payment.change)), 2)
        local = [p for p in data.payments if p.method in data.local_currency_codes]
        for payment in local:
            doc.line(
                _("Paid in local currency ({label}): {amount}").format(
                    label=payment.label, amount=money(payment.amount)
                )
            )
        paid_label = _("Refunded at the till") if reversal else _("Paid at the till")
        if data.delivery_note and not reversal:
            paid_label = _("Paid on delivery")
        doc.columns_row(paid_label, money(data.amount_paid), bold=True)
    if data.left_owing > 0:
        doc.columns_row(_("Still owing"), money(data.left_owing), bold=True)
    if data.credit_amount > 0:
        doc.columns_row(_("Credit due to you"), money(data.credit_amount), bold=True)
    if data.note:
        doc.line(data.note)

    doc.feed()
    code = data.order_number or data.receipt_no
    doc.qr(code, 6 if columns > 32 else 5)
    doc.center(code)
    if data.footer:
        doc.feed()
        for paragraph in data.footer.splitlines():
            doc.center(paragraph)
    if data.is_copy:
        doc.center(_("*** COPY ***"), bold=True)
    doc.cut()
    return doc


def _item(
    doc: Document,
    line: ReceiptLine,
    quantity: int,
    amount: int,
    money: Callable[[int], str],
    _: Callable[[str], str],
) -> None:
    name = f"{line.name}, {line.variant}" if line.variant else line.name
    prefix = f"{quantity} x "
    doc.columns_row(prefix + name, money(amount), indent=len(prefix))
    details = []
    if line.final_weight is not None and amount >= 0:
        details.append(
            _("weighed {quantity}").format(
                quantity=quantity_text(line.final_weight, line.weight_unit)
            )
        )
    elif quantity > 1 and amount >= 0:
        details.append(_("{price} each").format(price=money(line.unit_price)))
    if line.status == "short" and amount >= 0:
        details.append(_("{ordered} ordered").format(ordered=line.quantity_ordered))
    if details:
        doc.indented(", ".join(details), len(prefix))
