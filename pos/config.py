"""Device settings kept outside any database (which database this till opens, the text size).

They are declared with the others in :mod:`pos.domain.settings` (``where=CONFIG_FILE``); read
and write them with :func:`get` and :func:`put`.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, TypeVar

from pos import files, paths
from pos.domain.settings import ALL, CONFIG_FILE, Setting

log = logging.getLogger(__name__)
T = TypeVar("T")


def _file() -> Path:
    return paths.config_dir() / "config.json"


def load() -> dict[str, Any]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable %s: %s", _file(), exc)
        return {}
    return data if isinstance(data, dict) else {}


def save(data: dict[str, Any]) -> None:
    target = _file()
    files.private_dir(target.parent)
    files.write_bytes(target, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))


def _check(setting: Setting[Any]) -> None:
    if ALL.get(setting.key) is not setting or setting.where != CONFIG_FILE:
        raise KeyError(f"{setting.key!r} is not a declared config file setting")


def get(setting: Setting[T]) -> T:
    _check(setting)
    return setting.read(load().get(setting.key))


def put(setting: Setting[T], value: T) -> None:
    _check(setting)
    data = load()
    data[setting.key] = setting.dump(value)
    save(data)
