"""An offscreen Qt screen of a given size, like the laptop at the folding table.

Qt's offscreen platform reads its screens from a JSON file (``offscreen:configfile=``);
the GUI tests run on 1366×768, the most common cheap laptop screen.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

LAPTOP = (1366, 768)
SMALL = (1280, 720)
TITLE_AND_TASK_BARS = 68  # what a desktop keeps: ~700 px usable on a 768 px screen


def offscreen_platform(width: int, height: int) -> str:
    """A ``QT_QPA_PLATFORM`` value for an offscreen screen of ``width`` × ``height``."""
    folder = Path(tempfile.gettempdir()) / "foodhub-pos-screens"
    folder.mkdir(exist_ok=True)
    config = folder / f"screen-{width}x{height}.json"
    text = json.dumps(
        {
            "synchronousWindowSystemEvents": False,
            "windowFrameMargins": False,
            "screens": [
                {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                 "logicalDpi": 96, "dpr": 1}
            ],
        }
    )  # fmt: skip
    if not config.exists() or config.read_text(encoding="utf-8") != text:
        tmp = config.with_suffix(f".{id(text)}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(config)
    return f"offscreen:configfile={config}"
