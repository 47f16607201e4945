"""The bundled full-Unicode font (DejaVu Sans), embedded in every PDF.

reportlab's built-in Helvetica prints Ł, ő or Þ as black boxes; DejaVu Sans covers them
and is shipped in receipts/fonts (package data) so a machine without it still prints every name.
"""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pos import resources

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_lock = threading.Lock()
_done = False


def register() -> None:
    """Register DejaVu Sans regular and bold once per process (thread-safe).

    Also sets reportlab's one process-wide output option we change: streams are written
    deflated but not ASCII85-wrapped (reportlab's default wraps them in printable text,
    a quarter bigger and about a sixth of a label file's time; no reader needs it).
    """
    global _done
    with _lock:
        if _done:
            return
        rl_config.useA85 = 0
        for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
            pdfmetrics.registerFont(TTFont(name, str(resources.font(file))))
        # <b> in a Paragraph picks the bold face; there is no italic, so use the upright.
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        _done = True
