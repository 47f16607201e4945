"""One text-size setting for the whole till, chosen per device (View ▸ Text size).

Every font in the till is the application font or a ratio of it, and every style sheet
size goes through :func:`pt`, so changing the base size scales everything together. The
default is larger than Qt's 9 pt: the screen is read at arm's length, often standing.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from pos import config
from pos.domain.settings import TEXT_SIZE

SIZES: dict[str, int] = {"small": 10, "normal": 12, "large": 14, "larger": 16}
DEFAULT = TEXT_SIZE.default


def current_name() -> str:
    """The saved size for this device (config.json), the default when unset or unknown."""
    name = config.get(TEXT_SIZE)
    return name if name in SIZES else DEFAULT


def save(name: str) -> None:
    if name not in SIZES:
        raise ValueError(name)
    config.put(TEXT_SIZE, name)


def apply(app: QApplication, name: str | None = None) -> int:
    """Set the application font to the chosen size; returns the point size."""
    size = SIZES.get(name or current_name(), SIZES[DEFAULT])
    font = app.font()
    font.setPointSize(size)
    app.setFont(font)
    return size


def base_pt() -> float:
    app = QApplication.instance()
    font = app.font() if isinstance(app, QApplication) else QFont()
    return font.pointSizeF() if font.pointSizeF() > 0 else 12.0


def pt(ratio: float) -> str:
    """A style sheet font size as a ratio of the base size: ``pt(1.5)`` -> ``"18pt"``."""
    return f"{max(6, round(base_pt() * ratio))}pt"


def scale_font(widget: QWidget, ratio: float, *, bold: bool | None = None) -> QFont:
    """Give ``widget`` the base font times ``ratio`` (and bold when asked)."""
    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, base_pt() * ratio))
    if bold is not None:
        font.setBold(bold)
    widget.setFont(font)
    return font


DESIGN_PT = 12.0  # the size style sheets with fixed "NNpt" values were drawn at
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")


def scaled(css: str) -> str:
    """A style sheet (or rich text) whose "NNpt" sizes follow the text-size setting."""
    factor = base_pt() / DESIGN_PT
    return _POINTS.sub(lambda m: f"{max(6, round(float(m.group(1)) * factor))}pt", css)
