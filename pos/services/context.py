"""The services one open database offers, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pos.services.checkout import CheckoutService
from pos.services.orders import OrderBrowser
from pos.services.printing import PrintService
from pos.services.roles import StaffRoles
from pos.services.rounds import RoundsService
from pos.services.sync_service import SyncService
from pos.services.till import TillService
from pos.store import Store


@dataclass
class Services:
    store: Store
    orders: OrderBrowser
    printer_uri: str | None = None
    till_id: str = "T1"

    @classmethod
    def open(cls, db_path: str | Path, *, printer_uri: str | None = None) -> Services:
        store = Store.open(db_path)
        till_id = str(store.get_setting("till_id", "T1"))
        return cls(
            store=store, orders=OrderBrowser(store), printer_uri=printer_uri, till_id=till_id
        )

    @cached_property
    def sync(self) -> SyncService:
        """Sync with OFN (settings, key, runs on a worker's own connection)."""
        return SyncService(self.store)

    @cached_property
    def printing(self) -> PrintService:
        """Queueing receipts, labels and reports (printing itself runs on a worker)."""
        return PrintService(self.store, printer_uri=self.printer_uri, till_id=self.till_id)

    @property
    def is_demo(self) -> bool:
        hub = self.orders.hub()
        return bool(hub and hub.is_demo) or bool(self.store.get_setting("demo", False))

    @property
    def currency(self) -> str:
        hub = self.orders.hub()
        return hub.currency if hub else "GBP"

    @cached_property
    def roles(self) -> StaffRoles:
        return StaffRoles(self.store, self.till_id)

    @cached_property
    def till(self) -> TillService:
        return TillService(self.store, self.roles, till_id=self.till_id, currency=self.currency)

    @cached_property
    def checkout(self) -> CheckoutService:
        return CheckoutService(
            self.store, self.till, self.roles, till_id=self.till_id, currency=self.currency
        )

    @cached_property
    def rounds(self) -> RoundsService:
        """Delivery rounds: run sheets and the round recorded back at the hub."""
        return RoundsService(self.store, self.checkout)

    def close(self) -> None:
        self.store.close()
