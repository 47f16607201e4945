"""CSV files that open cleanly in spreadsheets and cannot run formulas.

Choices (kept here so every export behaves the same):

* UTF-8, with a byte-order mark when the hub sets ``csv_bom`` (Excel on Windows needs it
  to read accents); comma separator, ``\\r\\n`` line ends, every text cell quoted only when
  needed (Python's csv module).
* Money and counts are written as *numbers*: ``int`` counts as they are and money as a
  plain decimal in major units with a leading minus when negative (``-4.50``). A number
  cannot hold a formula, so these are never altered and stay summable in a spreadsheet.
* Every *text* cell (headers, names, pickup points, notes: all of them) whose first
  significant character is ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or line feed,
  or their full-width forms ``＝＋－＠``, gets a leading apostrophe (OWASP "CSV injection"):
  spreadsheets show the text and run nothing. "First significant" skips what a spreadsheet
  may skip or trim before it looks for a formula: spaces of any kind (no-break, thin, ...),
  zero-width characters and byte-order marks, line breaks and quotes. A customer named
  ``=HYPERLINK(...)``, ``" =1+1`` or ``\u200b＝cmd`` stays readable and inert.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pos import files
from pos.domain.money import minor_digits
from pos.errors import KnownError

DANGEROUS_FIRST = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\u2212")
"""Characters that may start a formula (with their full-width and small forms, and the
minus sign some spreadsheets read as ``-``)."""
_SKIPPED = frozenset(
    "'\"`\u2018\u2019\u201c\u201d\u00ab\u00bb"  # quotes
    "\u200b\u200c\u200d\u2060\ufeff\u180e"  # zero-width characters, byte-order mark
)


@dataclass(frozen=True, slots=True)
class Amount:
    """Money in a CSV cell: written as a signed decimal number, never neutralised."""

    minor: int
    currency: str

    def __str__(self) -> str:
        digits = minor_digits(self.currency)
        return f"{Decimal(self.minor).scaleb(-digits):.{digits}f}"


Cell = str | int | Amount | Decimal | None


def neutralise(text: str) -> str:
    """A text cell made safe against formula injection."""
    for ch in text:
        if ch in DANGEROUS_FIRST:
            return "'" + text
        if ch in _SKIPPED or ch.isspace() or unicodedata.category(ch) in ("Zs", "Cf", "Cc"):
            continue
        return text
    return text


def cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | Decimal | Amount):
        return str(value)
    return neutralise(str(value))


def render(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return buffer.getvalue()


def write_csv(
    path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Cell]], *, bom: bool = False
) -> Path:
    """Write the file in one go (a half-written CSV never replaces a good one)."""
    target = Path(path)
    text = render(header, rows)
    try:
        files.write_bytes(target, text.encode("utf-8-sig" if bom else "utf-8"))
    except OSError as exc:
        raise KnownError("file.cannot_write", path=target, reason=exc.strerror or exc) from exc
    return target
