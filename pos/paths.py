"""Where things live on disk: the one module that resolves data, config and log folders.

Each folder has an environment override for tests, support staff and kiosk set-ups.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from pos import APP_ID

_AUTHOR = "FoodHubPOS"


def _dir(env: str, default: str) -> Path:
    value = os.environ.get(env)
    return Path(value).expanduser() if value else Path(default)


def data_dir() -> Path:
    return _dir("FOODHUB_POS_DATA_DIR", platformdirs.user_data_dir(APP_ID, _AUTHOR))


def config_dir() -> Path:
    return _dir("FOODHUB_POS_CONFIG_DIR", platformdirs.user_config_dir(APP_ID, _AUTHOR))


def log_dir() -> Path:
    return _dir("FOODHUB_POS_LOG_DIR", platformdirs.user_log_dir(APP_ID, _AUTHOR))


def log_file() -> Path:
    return log_dir() / "foodhub-pos.log"


def demo_db() -> Path:
    return data_dir() / "demo-hub.sqlite"
