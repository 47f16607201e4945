"""The ``gui`` marker follows the fixtures a test uses (tests/conftest.py)."""

from __future__ import annotations

import pytest


def test_a_test_without_qt_is_not_marked(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("gui") is None


def test_a_test_with_qtbot_is_marked(request: pytest.FixtureRequest, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert request.node.get_closest_marker("gui") is not None
