"""The bundled full-Unicode font (DejaVu Sans), embedded in every PDF.

reportlab's built-in Helvetica prints Ł, ő or Þ as black boxes; DejaVu Sans covers them
and is shipped in resources/fonts so a machine without it still prints every name.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

_lock = threading.Lock()
_done = False


class FontMissing(RuntimeError):
    """The bundled font files are not where the app expects them."""


def register() -> None:
    """Register DejaVu Sans regular and bold once per process (thread-safe)."""
    global _done
    with _lock:
        if _done:
            return
        for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
            path = FONT_DIR / file
            if not path.is_file():
                raise FontMissing(f"The font file {path} is missing; reinstall Food Hub POS.")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> in a Paragraph picks the bold face; there is no italic, so use the upright.
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        _done = True
