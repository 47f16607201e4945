"""Bag labels on the thermal printer: who the bag is for, big enough to read across a hall.

Customer name large, customer code, the order number as text and QR (scanning it opens the
order at the till), pickup point, "bag k of n" and a chilled mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from receipts.document import Document
from receipts.i18n import translations
from receipts.text import CodePages


@dataclass(frozen=True, slots=True)
class LabelData:
    hub_name: str
    order_number: str
    customer_name: str
    customer_code: str | None
    pickup_point: str
    bag: int = 1
    bags: int = 1
    chilled: bool = False
    is_copy: bool = False


def bags_for(has_chilled: bool, has_ambient: bool) -> list[bool]:
    """Which bags an order needs, as chilled flags: chilled goods travel in their own bag."""
    if has_chilled and has_ambient:
        return [False, True]
    return [has_chilled]


def layout_labels(
    labels: Sequence[LabelData],
    columns: int,
    pages: CodePages | None = None,
    *,
    language: str = "en",
) -> Document:
    """One label per item of ``labels``, each ended by a cut."""
    _ = translations(language).gettext
    doc = Document(columns, pages or CodePages.unicode())
    for label in labels:
        if label.is_copy:
            doc.center(_("*** COPY ***"), bold=True)
        if label.chilled:
            doc.center(_("*** CHILLED ***"), bold=True, size=2)
        doc.center(label.customer_name or label.order_number, bold=True, size=2)
        if label.customer_code:
            doc.center(_("Code {code}").format(code=label.customer_code), bold=True)
        doc.center(_("Order {number}").format(number=label.order_number))
        doc.qr(label.order_number, 6 if columns > 32 else 5)
        doc.center(label.pickup_point, bold=True)
        doc.center(
            _("Bag {bag} of {bags}").format(bag=label.bag, bags=label.bags), bold=True, size=2
        )
        doc.center(label.hub_name)
        doc.cut()
    return doc
