"""Device settings kept outside any database: which database this till opens."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from pos import files, paths

log = logging.getLogger(__name__)


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
