"""Small helpers every till screen uses: stable names, large targets, inline errors."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def named(widget: QWidget, name: str, accessible: str) -> None:
    """Give a widget its stable object name and the accessible name screen readers speak."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


def big(button: QPushButton, height: int = 52) -> QPushButton:
    """A touch-sized button."""
    button.setMinimumHeight(height)
    return button


def error_label(name: str) -> QLabel:
    """An inline error line: red, bold, wrapping."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")
    label.setWordWrap(True)
    return label
