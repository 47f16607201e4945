"""Sync as the GUI uses it: settings, the key, Test connection, and one run on a worker.

The worker thread gets its own database connection (``Store.reader``); the till keeps
writing on the main one (WAL), so the checkout never waits for sync.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from pos import config, languages, paths
from pos.domain import settings as s
from pos.domain.models import Hub, PickupPoint
from pos.errors import KnownError
from pos.services import journal, vault
from pos.services.privacy import purge_quietly
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.outbox import Outbox, SyncStatus
from pos.store.push_review import SeenMethod, collections_waiting_since, seen_payment_methods
from receipts.i18n import translations
from sync.connection import Check, Settings, check_connection
from sync.rules import LATE_SHIP, PushRules

if TYPE_CHECKING:  # the HTTP stack and the keyring load when first needed, not at start
    from sync.pull import Progress
    from sync.run import SyncResult


class SyncService:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def is_demo(self) -> bool:
        return self.store.settings.get(s.DEMO)

    def settings(self) -> Settings:
        return Settings.load(self.store)

    def has_key(self, url: str | None = None) -> bool:
        url = url if url is not None else self.settings().url
        if not url:
            return False
        from sync import credentials

        return credentials.load_key(url) is not None

    def configured(self) -> bool:
        s = self.settings()
        return bool(s.url and s.hub_id is not None and not self.is_demo and self.has_key(s.url))

    def key_storage(self) -> str:
        from sync import credentials

        return credentials.storage()

    def check(self, url: str, api_key: str, hub_id: int | None) -> Check:
        """Test connection; an empty key means the saved one."""
        from sync import credentials
        from sync.transport import normalise_url

        key = api_key.strip()
        if not key:
            try:
                key = credentials.load_key(normalise_url(url)) or ""
            except KnownError as exc:
                return Check.failed("not_ofn", exc)
        if not key:
            return Check("key_rejected", "sync.key_missing")
        return check_connection(url, key, hub_id)

    def save(
        self, settings: Settings, api_key: str, rules: PushRules | None = None,
        actor: str = "staff",
    ) -> Path:  # fmt: skip
        """Save the settings (and the key, if one was typed); returns the database they went to.

        A demo database is never turned into a real hub: a new database file is made for it.
        """
        from sync import credentials
        from sync.transport import normalise_url

        url = normalise_url(settings.url)
        settings = replace(settings, url=url)
        if api_key.strip():
            credentials.save_key(url, api_key)
        if not self.is_demo:
            settings.save(self.store)
            if rules is not None:
                rules.save(self.store, actor)
            return self.store.path
        target = paths.data_dir() / f"ofn-hub-{settings.hub_id or 0}.sqlite"
        with Store.open(target) as store:
            settings.save(store)
            if rules is not None:  # the demo's methods are not the hub's: only the ship choice
                PushRules(PushRules.load(store).at_pickup, rules.mark_shipped).save(store, actor)
        config.put(s.DB_PATH, str(target))
        return target

    # what sync may do in OFN (sync.rules) ------------------------------------------
    def push_rules(self) -> PushRules:
        return PushRules.load(self.store)

    def seen_payment_methods(self) -> list[SeenMethod]:
        """The OFN payment methods on the pulled orders, for staff to say which are paid at
        the pickup point."""
        return seen_payment_methods(self.store)

    def late_collections(self) -> int:
        """Collections waiting to be pushed for longer than a ship may lag unflagged."""
        return collections_waiting_since(self.store, LATE_SHIP)

    def till_methods(self, language: str = languages.SOURCE) -> list[tuple[str, str]]:
        """(code, label) of the till's payment methods (Hub settings), cash first."""
        translate = translations(language).gettext
        methods = self.store.settings.get(s.PAYMENT_METHODS)
        return [(m.code, m.shown(translate)) for m in methods.offered()]

    def hub(self) -> Hub | None:
        return OrderRepository(self.store).hub()

    def pickup_points(self) -> list[PickupPoint]:
        """Pickup points a till can pull alone (deliveries are not places a till stands)."""
        return [p for p in OrderRepository(self.store).pickup_points() if not p.is_delivery]

    def status(self) -> SyncStatus:
        return Outbox(self.store).status()

    def run(
        self,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        pull: bool = True,
        push: bool = True,
    ) -> SyncResult:
        """One sync on the calling (worker) thread, on a connection of its own."""
        from sync import credentials
        from sync.run import run_sync

        settings = self.settings()
        key = credentials.load_key(settings.url) if settings.url else None
        if not key:
            raise KnownError("sync.not_set_up")
        reader = self.store.reader()
        try:
            result = run_sync(
                reader, settings, key, pull=pull, push=push, progress=progress, cancel=cancel
            )
            if pull:
                journal.after_pull(reader)  # held journal events whose order just arrived
            purge_quietly(reader)  # a pull may have settled a cycle past its retention
            vault.backup_now(reader, "after sync")  # on this worker's connection
            return result
        finally:
            reader.close()
