"""The one way to read and write a setting (declared in :mod:`pos.domain.settings`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TypeVar

from pos.domain.settings import ALL, DATABASE, TILL_UID, Setting

if TYPE_CHECKING:
    from pos.store.db import Store

T = TypeVar("T")


class Settings:
    """Typed access to the ``settings`` table; only declared settings pass."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, setting: Setting[T]) -> T:
        return setting.read(self._stored(setting))

    def is_set(self, setting: Setting[Any]) -> bool:
        """Whether a value was ever saved (a default is not)."""
        return self._stored(setting) is not None

    def set(self, setting: Setting[T], value: T) -> None:
        """Save one value (inside the caller's transaction when there is one)."""
        self._check(setting)
        with self.store.transaction() as db:
            db.conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (setting.key, json.dumps(setting.dump(value), ensure_ascii=False)),
            )
        if setting is TILL_UID:
            self.store.__dict__.pop("till_uid", None)  # Store.till_uid reads it again

    def _stored(self, setting: Setting[Any]) -> Any:
        self._check(setting)
        raw = self.store.scalar("SELECT value FROM settings WHERE key = ?", (setting.key,))
        return None if raw is None else json.loads(raw)

    @staticmethod
    def _check(setting: Setting[Any]) -> None:
        if ALL.get(setting.key) is not setting or setting.where != DATABASE:
            raise KeyError(f"{setting.key!r} is not a declared database setting")
