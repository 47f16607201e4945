"""A French hub that saves its payment methods in Hub settings reads French method labels
on receipts, the Z report, the reconcile figures, the PDF and the CSV; its own labels
("Léman") stay as typed."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from pos.domain.checkout import Tender
from pos.services.context import Services
from pos.services.hub_settings import HubSettingsService
from pos.services.reconcile import ReconcileService
from receipts.receipt import layout_receipt
from receipts.z_report import layout_z_report

ENGLISH = ("Card (terminal)", "Cash", "Local currency")


def unpaid_orders(services: Services, n: int) -> list[int]:
    rows = services.store.query(
        "SELECT id FROM orders WHERE state = 'complete' AND payment_state = 'balance_due'"
        " ORDER BY id LIMIT ?",
        (n,),
    )
    return [int(r["id"]) for r in rows]


@pytest.fixture
def french_hub(demo_db: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Hub settings saved in French, with the local currency renamed; one sale per method."""
    services = Services.open(demo_db)
    hub_settings = HubSettingsService(
        services.store, currency=services.currency, language=request.param
    )
    shown = hub_settings.load()
    methods = tuple(
        replace(m, label="Léman") if m.code == "local" else m for m in shown.payment_methods
    )
    hub_settings.save(replace(shown, payment_methods=methods, language="fr"), role="staff")
    services.till.open("Ana", 1000)
    ids = []
    for order_id, method in zip(unpaid_orders(services, 3), ("card", "cash", "local"), strict=True):
        draft = services.checkout.start(order_id)
        due = draft.order.total - draft.order.payment_total
        ids.append(services.checkout.collect(draft, [Tender(method, due)]).checkout.id)
    yield services, ids
    services.close()


# the screen in English loads English labels; the French one loads them in French
@pytest.mark.parametrize("french_hub", ["en", "fr"], indirect=True)
def test_receipts_and_z_report_print_french_method_labels(french_hub) -> None:  # type: ignore[no-untyped-def]
    services, ids = french_hub
    printing = services.printing
    settings = printing.settings()
    assert settings.language == "fr"
    printed = {
        p.method: p.label
        for checkout_id in ids
        for p in printing.receipt_data(checkout_id, settings).payments
    }
    assert printed == {"card": "Carte (TPE)", "cash": "Espèces", "local": "Léman"}
    text = layout_receipt(printing.receipt_data(ids[0], settings), 48, language="fr").as_text()
    assert "Carte (TPE)" in text and "Card" not in text
    session = services.till.current()
    assert session is not None
    z = printing.z_report_data(session.id, settings)
    assert {m.label for m in z.by_method} == {"Carte (TPE)", "Espèces", "Léman"}
    z_text = layout_z_report(z, 48, language="fr").as_text()
    assert not [word for word in ENGLISH if word in z_text]


@pytest.mark.parametrize("french_hub", ["en", "fr"], indirect=True)
def test_reconcile_screen_pdf_and_csv_show_french_method_labels(french_hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services, _ = french_hub
    reconcile = ReconcileService(services.store)
    labels = {m.method: m.label for m in reconcile.overview(language="fr").total.money.by_method}
    assert labels == {"card": "Carte (TPE)", "cash": "Espèces", "local": "Léman"}
    english = {m.method: m.label for m in reconcile.overview(language="en").total.money.by_method}
    assert english == {"card": "Card (terminal)", "cash": "Cash", "local": "Léman"}

    pdf = reconcile.export_pdf(tmp_path / "day.pdf")
    text = " ".join(
        " ".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages).split()
    )
    assert "Carte (TPE)" in text and "Espèces" in text and "Léman" in text
    assert not [word for word in ENGLISH if word in text]

    with open(reconcile.export_csv(tmp_path / "day.csv"), encoding="utf-8", newline="") as fh:
        cells = {cell for row in csv.reader(fh) for cell in row}
    assert {"Carte (TPE)", "Espèces", "Léman"} <= cells
    assert not cells & set(ENGLISH)
