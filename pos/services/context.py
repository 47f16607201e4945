"""The services one open database offers, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pos.services.orders import OrderBrowser
from pos.services.sync_service import SyncService
from pos.store import Store


@dataclass
class Services:
    store: Store
    orders: OrderBrowser
    printer_uri: str | None = None
    till_id: str = "T1"
    extras: dict[str, object] = field(default_factory=dict)

    @classmethod
    def open(cls, db_path: str | Path, *, printer_uri: str | None = None) -> Services:
        store = Store.open(db_path)
        till_id = str(store.get_setting("till_id", "T1"))
        return cls(
            store=store, orders=OrderBrowser(store), printer_uri=printer_uri, till_id=till_id
        )

    @property
    def sync(self) -> SyncService:
        """Sync with OFN (settings, key, runs on a worker's own connection)."""
        service = self.extras.get("sync")
        if not isinstance(service, SyncService):
            service = self.extras["sync"] = SyncService(self.store)
        return service

    @property
    def is_demo(self) -> bool:
        hub = self.orders.hub()
        return bool(hub and hub.is_demo) or bool(self.store.get_setting("demo", False))

    def close(self) -> None:
        self.store.close()
