"""Waiting for background work in GUI tests."""

from __future__ import annotations

from typing import Any


def settle(qtbot: Any, reconcile_window: Any, timeout: int = 30_000) -> None:
    """Wait until the reconcile window shows the figures of its latest refresh."""
    qtbot.waitUntil(lambda: not reconcile_window.refreshing, timeout=timeout)
