"""Fixed documents for golden and layout tests: every field set, nothing depends on the clock."""

from __future__ import annotations

from receipts.label import LabelData
from receipts.receipt import ReceiptData, ReceiptLine, ReceiptPayment
from receipts.z_report import CashMovement, MethodTotal, ZReportData

LINES = (
    ReceiptLine("Free-range eggs", "Dozen", 2, 450, 900, 2),
    ReceiptLine("Stoneground wholemeal flour, extra long description", "1.5kg", 1, 310, 310, 1),
    ReceiptLine("Sirloin steak", "per kg", 1, 3600, 4057, 1, "weighed", "1127", "g"),
    ReceiptLine("Crème fraîche", "250ml", 1, 320, 320, 2, "short"),
    ReceiptLine("Honeycomb", "250g", 0, 950, 0, 1, "missing"),
    ReceiptLine("Smørrebrød", "", 1, 500, 500, 1),
)


def collection(**changes: object) -> ReceiptData:
    data = ReceiptData(
        hub_name="Riverside Food Hub",
        receipt_no="T1-000042",
        kind="collection",
        created_at="2026-11-28T10:14:03.000000Z",
        till_id="T1",
        volunteer="Łucja Nowak",
        currency="GBP",
        locale="en_GB",
        timezone="Europe/London",
        pickup_point="St Mark's Hall",
        order_number="R123456789",
        customer_name="Zoë Müller-Østergaard",
        customer_code="ZM-12",
        lines=LINES,
        goods_total=6087,
        fees_total=150,
        order_total=7857,
        paid_online=2000,
        amount_due=4237,
        amount_paid=4000,
        change_given=1000,
        left_owing=237,
        payments=(
            ReceiptPayment("cash", "Cash", 3000, 4000, 1000),
            ReceiptPayment("local", "Bristol Pound", 1000, 1000),
        ),
        footer="Thank you! Next collection: Saturday 5 Dec.",
    )
    return _replace(data, changes)


def walk_in(**changes: object) -> ReceiptData:
    data = ReceiptData(
        hub_name="Riverside Food Hub",
        receipt_no="T1-000043",
        kind="walk_in",
        created_at="2026-11-28T11:02:00.000000Z",
        till_id="T1",
        volunteer="Søren",
        currency="GBP",
        timezone="Europe/London",
        pickup_point="St Mark's Hall",
        lines=(
            ReceiptLine("Blackcurrant jam", "340g", 2, 420, 840, 2),
            ReceiptLine("Sourdough loaf", "800g", 1, 420, 420, 1),
        ),
        goods_total=1260,
        amount_due=1260,
        amount_paid=1260,
        payments=(ReceiptPayment("card", "Card", 1260, 1260),),
        is_copy=True,
    )
    return _replace(data, changes)


def reversal() -> ReceiptData:
    return ReceiptData(
        hub_name="Riverside Food Hub",
        receipt_no="T1-000044",
        kind="reversal",
        created_at="2026-11-28T11:30:00.000000Z",
        till_id="T1",
        volunteer="Łucja Nowak",
        currency="GBP",
        timezone="Europe/London",
        pickup_point="St Mark's Hall",
        order_number="R123456789",
        customer_name="Zoë Müller-Østergaard",
        reverses_receipt_no="T1-000042",
        lines=(
            ReceiptLine("Free-range eggs", "Dozen", -2, 450, -900, 2),
            ReceiptLine("Sirloin steak", "per kg", -1, 3600, -4057, 1, "weighed", "1127", "g"),
            ReceiptLine("Honeycomb", "250g", 0, 950, 0, 1, "missing"),
        ),
        goods_total=-6087,
        fees_total=-150,
        amount_due=-4237,
        amount_paid=-3000,
        payments=(ReceiptPayment("cash", "Cash", -3000, -3000),),
        note="Wrong bag handed over",
    )


def french() -> ReceiptData:
    return collection(
        hub_name="Épicerie du Lac",
        currency="CHF",
        locale="fr_CH",
        timezone="Europe/Zurich",
        pickup_point="Salle communale, Lœche",
        customer_name="Françoise Weiß-Łęcka",
        payments=(
            ReceiptPayment("cash", "Espèces", 3000, 4000, 1000),
            ReceiptPayment("local", "Léman", 1000, 1000),
        ),
        footer="Merci et à bientôt ! Prix en € sur demande.",
    )


def labels() -> list[LabelData]:
    common = dict(
        hub_name="Riverside Food Hub",
        order_number="R123456789",
        customer_name="Zoë Müller-Østergaard",
        customer_code="ZM-12",
        pickup_point="St Mark's Hall",
        bags=2,
    )
    return [LabelData(bag=1, **common), LabelData(bag=2, chilled=True, **common)]  # type: ignore[arg-type]


def z_report(closed: bool = True) -> ZReportData:
    return ZReportData(
        hub_name="Riverside Food Hub",
        till_id="T1",
        session_number=3,
        volunteer="Łucja Nowak",
        opened_at="2026-11-28T09:00:00.000000Z",
        currency="GBP",
        timezone="Europe/London",
        pickup_point="St Mark's Hall",
        closed_at="2026-11-28T13:05:00.000000Z" if closed else None,
        closed_by="Hélène" if closed else None,
        float_amount=5000,
        by_method=(
            MethodTotal("Cash", 12840, 14),
            MethodTotal("Card", 20310, 9),
            MethodTotal("Bristol Pound", 2500, 2),
        ),
        movements=(CashMovement(-2000, "Bank run to the post office", "2026-11-28T11:00:00Z"),),
        expected_cash=15840,
        counted_cash=15790 if closed else None,
        difference=-50 if closed else None,
        collections=21,
        walk_ins=4,
        reversals=1,
        goods_total=34900,
        fees_total=750,
        left_owing=237,
        credit_due=950,
        printed_at="2026-11-28T13:06:00.000000Z",
    )


def _replace(data: ReceiptData, changes: dict[str, object]) -> ReceiptData:
    from dataclasses import replace

    return replace(data, **changes)  # type: ignore[arg-type]
