"""Printer settings: what the store holds about the printer, read and saved in one place.

Part of printing (with :mod:`pos.services.print_documents`, :mod:`pos.services.printing`
for the queue and :mod:`pos.services.print_loop` for the worker's loop).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pos import languages
from pos.store.db import Store
from pos.store.print_jobs import PrintJobs
from receipts.escpos_render import DEFAULT_PROFILE, PrinterSetup


@dataclass(frozen=True)
class PrinterSettings:
    uri: str | None = None
    profile: str = DEFAULT_PROFILE
    width_mm: int = 80
    columns: int | None = None
    codepage: str | None = None
    footer: str = ""
    open_drawer_on_cash: bool = True
    language: str = "en"
    overridden: bool = False  # uri came from --printer / FOODHUB_POS_PRINTER

    @property
    def setup(self) -> PrinterSetup:
        return PrinterSetup(self.profile, self.width_mm, self.columns, self.codepage)


def load_settings(store: Store, override_uri: str | None = None) -> PrinterSettings:
    """Printer settings from the store; ``override_uri`` (command line, env) wins."""
    hub_locale = PrintJobs(store).hub_locale() or "en"
    saved_uri = store.get_setting("printer_uri") or None
    width = store.get_setting("printer_width", 80)
    columns = store.get_setting("printer_columns")
    return PrinterSettings(
        uri=override_uri or saved_uri,
        profile=str(store.get_setting("printer_profile") or DEFAULT_PROFILE),
        width_mm=58 if str(width) == "58" else 80,
        columns=int(columns) if columns else None,
        codepage=store.get_setting("printer_codepage") or None,
        footer=str(store.get_setting("receipt_footer", "") or ""),
        open_drawer_on_cash=bool(store.get_setting("open_drawer_on_cash", True)),
        language=languages.pick(store.get_setting("language"), hub_locale),
        overridden=bool(override_uri),
    )


def save_settings(store: Store, settings: PrinterSettings, actor: str = "") -> None:
    """Save the printer settings in one transaction, audited."""
    values: dict[str, Any] = {
        "printer_profile": settings.profile,
        "printer_width": settings.width_mm,
        "printer_columns": settings.columns,
        "printer_codepage": settings.codepage,
        "receipt_footer": settings.footer,
        "open_drawer_on_cash": settings.open_drawer_on_cash,
    }
    if not settings.overridden:
        values["printer_uri"] = settings.uri or ""
    with store.transaction():
        for key, value in values.items():
            store.set_setting(key, value)
        store.audit("printer.settings", entity="settings", actor=actor, details=values)


def method_labels(store: Store) -> dict[str, str]:
    """The hub's own payment method labels (setting ``payment_methods``)."""
    return {
        str(m.get("code")): str(m.get("label"))
        for m in (store.get_setting("payment_methods") or [])
        if isinstance(m, dict)
    }
