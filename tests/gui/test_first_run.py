"""With nothing configured, the app opens a demo hub made in the user data folder."""

from __future__ import annotations

import json

from pos import paths
from pos.app import create_window, resolve_db


def test_first_run_creates_and_opens_the_demo_hub(qtbot) -> None:
    assert not paths.demo_db().exists()
    db = resolve_db(None)
    assert db == paths.demo_db() and db.exists()
    window = create_window(db)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() >= 150
    assert "DEMO" in window.windowTitle()
    window.close()


def test_saved_database_and_command_line_win_over_the_demo(tmp_path) -> None:
    saved = tmp_path / "hub.sqlite"
    paths.config_dir().mkdir(parents=True)
    (paths.config_dir() / "config.json").write_text(json.dumps({"db_path": str(saved)}))
    assert resolve_db(None) == saved
    assert resolve_db(str(tmp_path / "other.sqlite")) == tmp_path / "other.sqlite"
    assert not paths.demo_db().exists()
