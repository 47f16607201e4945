"""Shared fixtures: isolated user folders, real SQLite files, offscreen Qt."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    from tests.helpers.screen import LAPTOP, offscreen_platform

    os.environ["QT_QPA_PLATFORM"] = offscreen_platform(*LAPTOP)  # GUI tests run on 1366×768
os.environ.setdefault("FOODHUB_POS_LANG", "en")
# No test reaches the desktop's real keyring (database keys, API keys): a test that needs one
# sets the file-backed backend of tests/helpers/keyring_file.py; processes inherit this.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own data, config and log folders; nothing touches the real ones."""
    base = tmp_path_factory.mktemp("user")
    for name in ("DATA", "CONFIG", "LOG"):
        monkeypatch.setenv(f"FOODHUB_POS_{name}_DIR", str(base / name.lower()))
    monkeypatch.delenv("FOODHUB_POS_PRINTER", raising=False)
    return base


@pytest.fixture(autouse=True)
def ui_language_reset() -> Iterator[None]:
    """A window built in French leaves the UI language set for the process: the next test
    starts from no language installed again (errors are worded in it)."""
    yield
    i18n = sys.modules.get("pos.ui.i18n")  # only where a test loaded the UI
    if i18n is not None:
        i18n._current = None


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 180-order demo hub written once per session; copy it with ``demo_db``."""
    from pos.services.demo import write_demo

    return write_demo(tmp_path_factory.mktemp("demo") / "template.sqlite", orders=180, seed=1)


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo hub for one test (real file, real SQLite)."""
    import shutil

    target = tmp_path / "hub.sqlite"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def store(demo_db: Path):
    from pos.store import Store

    s = Store.open(demo_db)
    yield s
    s.close()


QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}  # every window fixture requests qtbot


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses Qt ``gui`` (qutebrowser's rule), so ``-m "not gui"`` runs
    the fast tests only; a fixture that builds a window counts through its qtbot."""
    for item in items:
        if QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
