"""The services one open database offers, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pos.domain import settings as s
from pos.domain.models import FALLBACK_CURRENCY
from pos.services.orders import OrderBrowser
from pos.services.roles import StaffRoles
from pos.store import Store

if TYPE_CHECKING:  # built on first use: reports, PDFs, printing, sync and the checkout's
    # modules stay out of the window's first paint (docs/design.md, "Cold start")
    from pos.services.checkout import CheckoutService
    from pos.services.hub_settings import HubSettingsService
    from pos.services.journal import JournalService
    from pos.services.lists import ListsService
    from pos.services.printing import PrintService
    from pos.services.privacy import PrivacyService
    from pos.services.reconcile import ReconcileService
    from pos.services.rounds import RoundsService, RunSheets
    from pos.services.sync_service import SyncService
    from pos.services.till import TillService


@dataclass
class Services:
    store: Store
    orders: OrderBrowser
    printer_uri: str | None = None
    till_id: str = s.TILL_LABEL.default

    @classmethod
    def open(cls, db_path: str | Path, *, printer_uri: str | None = None) -> Services:
        store = Store.open(db_path)
        till_id = store.settings.get(s.TILL_LABEL)
        return cls(
            store=store, orders=OrderBrowser(store), printer_uri=printer_uri, till_id=till_id
        )

    @cached_property
    def sync(self) -> SyncService:
        """Sync with OFN (settings, key, runs on a worker's own connection)."""
        from pos.services.sync_service import SyncService

        return SyncService(self.store)

    @cached_property
    def printing(self) -> PrintService:
        """Queueing receipts, labels and reports (printing itself runs on a worker)."""
        return self.printing_on(self.store)

    def printing_on(self, store: Store) -> PrintService:
        """Printing on another connection (the print worker's own reader, which it closes)."""
        from pos.services.printing import PrintService

        return PrintService(store, printer_uri=self.printer_uri, till_id=self.till_id)

    @cached_property
    def lists(self) -> ListsService:
        """The "Print lists" choices (cycle, producers, pickup points) on the GUI's connection."""
        return self.lists_on(self.store)

    def lists_on(self, store: Store) -> ListsService:
        """Lists made on another connection (a worker thread's own reader)."""
        from pos.services.lists import ListsService

        return ListsService(store)

    def journal_on(self, store: Store) -> JournalService:
        """The shared journal on another connection (the journal rounds' own reader)."""
        from pos.services.journal import JournalService

        return JournalService(store)

    @cached_property
    def privacy(self) -> PrivacyService:
        """One customer's data: export it or erase it (hub staff)."""
        return self.privacy_on(self.store)

    def privacy_on(self, store: Store) -> PrivacyService:
        """One customer's data on another connection (a worker thread's own)."""
        from pos.services.privacy import PrivacyService

        return PrivacyService(store, self.till_id)

    @property
    def is_demo(self) -> bool:
        hub = self.orders.hub()
        return bool(hub and hub.is_demo) or self.store.settings.get(s.DEMO)

    @property
    def currency(self) -> str:
        hub = self.orders.hub()
        return hub.currency if hub else FALLBACK_CURRENCY

    @cached_property
    def roles(self) -> StaffRoles:
        return StaffRoles(self.store, self.till_id)

    @cached_property
    def till(self) -> TillService:
        from pos.services.till import TillService

        return TillService(self.store, self.roles, till_id=self.till_id, currency=self.currency)

    @cached_property
    def checkout(self) -> CheckoutService:
        """Checkouts (with the journal and outbox beneath them: loaded after the first paint)."""
        from pos.services.checkout import CheckoutService

        return CheckoutService(
            self.store, self.till, self.roles, till_id=self.till_id, currency=self.currency
        )

    @cached_property
    def rounds(self) -> RoundsService:
        """Delivery rounds: run sheets and the round recorded back at the hub."""
        from pos.services.rounds import RoundsService

        return RoundsService(self.store, self.checkout)

    def run_sheets_on(self, store: Store) -> RunSheets:
        """The delivery rounds' run sheets planned on another connection (a worker's reader)."""
        from pos.services.rounds import RunSheets

        return RunSheets(store)

    def hub_settings(self, language: str) -> HubSettingsService:
        """The hub settings, in the hub's currency of the moment (the first pull may change it),
        with method labels in the reader's ``language``."""
        from pos.services.hub_settings import HubSettingsService

        return HubSettingsService(
            self.store, currency=self.currency, till_id=self.till_id, language=language
        )

    @cached_property
    def reconcile(self) -> ReconcileService:
        """Reconciliation and end-of-day reports on the GUI's connection."""
        return self.reconcile_on(self.store)

    def reconcile_on(self, store: Store) -> ReconcileService:
        """Reconciliation on another connection (a worker thread's own reader)."""
        from pos.services.reconcile import ReconcileService

        return ReconcileService(store, till_id=self.till_id)

    def close(self) -> None:
        self.store.close()
