"""The robustness tests drive the real window into failures (full disk, odd input)."""

from tests.helpers.fixtures import window

__all__ = ["window"]
