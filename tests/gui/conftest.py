"""GUI tests build the window exactly as the app does, through pos.app.create_window."""

from tests.helpers.fixtures import window

__all__ = ["window"]
