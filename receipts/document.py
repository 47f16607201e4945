"""A printed document as plain blocks, independent of the printer's command language.

Layouts (receipt, label, Z report) produce a :class:`Document`; :mod:`receipts.escpos_render`
turns it into ESC/POS bytes and :meth:`Document.as_text` into a preview. Text is already
fitted to the paper's columns by the helpers below, so every renderer prints it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from receipts.text import CodePages

Align = Literal["left", "center", "right"]


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    bold: bool = False
    size: int = 1  # 1 normal, 2 double width and height
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class QR:
    data: str
    size: int = 6  # module size in dots


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    pass


@dataclass(frozen=True, slots=True)
class DrawerKick:
    pin: int = 2


Block = Line | QR | Feed | Cut | DrawerKick


@dataclass
class Document:
    """Blocks for one printer of ``columns`` characters per line (Font A, normal size)."""

    columns: int
    pages: CodePages = field(default_factory=CodePages.unicode)
    blocks: list[Block] = field(default_factory=list)

    # building -----------------------------------------------------------------
    def fit(self, text: str) -> str:
        """The text as this printer will print it (one character per column)."""
        return self.pages.printable(text)

    def line(
        self, text: str = "", *, bold: bool = False, size: int = 1, align: Align = "left"
    ) -> None:
        """One or more lines: ``text`` is wrapped to the width at this size."""
        width = self.columns // size
        for part in wrap(self.fit(text), width) or [""]:
            self.blocks.append(Line(part, bold=bold, size=size, align=align))

    def center(self, text: str, *, bold: bool = False, size: int = 1) -> None:
        self.line(text, bold=bold, size=size, align="center")

    def rule(self, char: str = "-") -> None:
        self.blocks.append(Line(char * self.columns))

    def columns_row(self, left: str, right: str, *, indent: int = 0, bold: bool = False) -> None:
        """``left`` wrapped on the left, ``right`` flush right on the first line."""
        for text in row(self.fit(left), self.fit(right), self.columns, indent=indent):
            self.blocks.append(Line(text, bold=bold))

    def indented(self, text: str, indent: int) -> None:
        """``text`` wrapped ``indent`` columns in (details under an item)."""
        for part in wrap(self.fit(text), self.columns - indent):
            self.blocks.append(Line(" " * indent + part))

    def qr(self, data: str, size: int = 6) -> None:
        self.blocks.append(QR(data, size))

    def feed(self, lines: int = 1) -> None:
        self.blocks.append(Feed(lines))

    def cut(self) -> None:
        self.blocks.append(Cut())

    def kick_drawer(self) -> None:
        self.blocks.append(DrawerKick())

    # reading ------------------------------------------------------------------
    def as_text(self) -> str:
        """A plain-text preview: what the paper shows, QR codes as ``[qr DATA]``."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Line):
                width = self.columns // block.size
                text = block.text
                if block.align == "center":
                    text = " " * ((width - len(text)) // 2 * block.size) + text
                elif block.align == "right":
                    text = " " * ((width - len(text)) * block.size) + text
                out.append(text)
            elif isinstance(block, QR):
                out.append(f"[qr {block.data}]")
            elif isinstance(block, Feed):
                out.extend([""] * block.lines)
            elif isinstance(block, Cut):
                out.append("[cut]")
            elif isinstance(block, DrawerKick):
                out.append("[drawer]")
        return "\n".join(out) + "\n"


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns, at spaces when possible.

    A word longer than the line breaks after a hyphen if it has one, else anywhere.
    """
    if width <= 0:
        raise ValueError("width must be positive")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for index, word in enumerate(paragraph.split(" ")):
            for piece_index, piece in enumerate(_split_long(word, width)):
                glue = "" if piece_index else (" " if index else "")
                while len(piece) > width:  # no hyphen to break at: break anywhere
                    room = width - len(current) - len(glue)
                    if room <= 0:
                        lines.append(current)
                        current, glue = "", ""
                        continue
                    lines.append(current + glue + piece[:room])
                    piece, current, glue = piece[room:], "", ""
                if len(current) + len(glue) + len(piece) <= width:
                    current = current + glue + piece
                else:
                    lines.append(current)
                    current = piece
        lines.append(current.rstrip(" "))
    return lines


def _split_long(word: str, width: int) -> list[str]:
    """A word longer than the line, split after its hyphens where it has some."""
    if len(word) <= width or "-" not in word.strip("-"):
        return [word]
    parts = word.split("-")
    return [part + "-" for part in parts[:-1]] + [parts[-1]]


def row(left: str, right: str, width: int, *, indent: int = 0) -> list[str]:
    """Two columns: the right text on the first line, the left wrapped beside and below it.

    Continuation lines start ``indent`` columns in (under the item name, after ``2 x``).
    """
    if not right:
        first, *rest = wrap(left, width) or [""]
        return [first] + [" " * indent + r for r in _rewrap(rest, width - indent)]
    room = width - len(right) - 1
    if room < max(6, width // 3):  # the amount is too wide to share a line
        return [*wrap(left, width), right.rjust(width)]
    first_lines = wrap(left, room)
    remainder = " ".join(first_lines[1:])
    lines = [first_lines[0].ljust(room) + " " + right]
    if remainder:
        lines += [" " * indent + r for r in wrap(remainder, width - indent)]
    return lines


def _rewrap(parts: list[str], width: int) -> list[str]:
    return wrap(" ".join(parts), width) if parts else []
