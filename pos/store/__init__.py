"""The local SQLite store: the only package that speaks SQL."""

from pos.store.db import Store, StoreError

__all__ = ["Store", "StoreError"]
