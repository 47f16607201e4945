"""Printer settings: what the store holds about the printer, read and saved in one place.

Part of printing (with :mod:`pos.services.print_documents`, :mod:`pos.services.printing`
for the queue and :mod:`pos.services.print_loop` for the worker's loop).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pos import languages
from pos.domain import settings as s
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
    get = store.settings.get
    return PrinterSettings(
        uri=override_uri or get(s.PRINTER_URI) or None,
        profile=get(s.PRINTER_PROFILE) or DEFAULT_PROFILE,
        width_mm=58 if get(s.PRINTER_WIDTH) == 58 else 80,
        columns=get(s.PRINTER_COLUMNS) or None,
        codepage=get(s.PRINTER_CODEPAGE),
        footer=get(s.RECEIPT_FOOTER),
        open_drawer_on_cash=get(s.OPEN_DRAWER_ON_CASH),
        language=languages.pick(get(s.LANGUAGE), hub_locale),
        overridden=bool(override_uri),
    )


def save_settings(store: Store, settings: PrinterSettings, actor: str = "") -> None:
    """Save the printer settings in one transaction, audited."""
    with store.transaction():
        set_ = store.settings.set
        set_(s.PRINTER_PROFILE, settings.profile)
        set_(s.PRINTER_WIDTH, settings.width_mm)
        set_(s.PRINTER_COLUMNS, settings.columns)
        set_(s.PRINTER_CODEPAGE, settings.codepage)
        set_(s.RECEIPT_FOOTER, settings.footer)
        set_(s.OPEN_DRAWER_ON_CASH, settings.open_drawer_on_cash)
        saved: list[s.Setting[Any]] = [
            s.PRINTER_PROFILE,
            s.PRINTER_WIDTH,
            s.PRINTER_COLUMNS,
            s.PRINTER_CODEPAGE,
            s.RECEIPT_FOOTER,
            s.OPEN_DRAWER_ON_CASH,
        ]
        if not settings.overridden:
            set_(s.PRINTER_URI, settings.uri or "")
            saved.append(s.PRINTER_URI)
        details = {k.key: store.settings.get(k) for k in saved}
        store.audit("printer.settings", entity="settings", actor=actor, details=details)
