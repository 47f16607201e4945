"""Printable text for thermal printers: code pages, switching, and readable transliteration.

A thermal printer prints bytes through a code page selected with ``ESC t n``. No single page
holds every name a hub sees (é ü ø ß œ € are in CP1252, ł only in CP852), so
:class:`CodePages` keeps the printer's usable pages in order of preference and switches page
per character when needed. A character no page holds is transliterated to ASCII
(``Nguyễn`` -> ``Nguyen``, ``€`` -> ``EUR``), never printed as ``?``.

Layout happens *after* :meth:`CodePages.printable`, so every character of a laid-out line
takes exactly one column and columns stay aligned whatever the printer can print.

python-escpos's own MagicEncode also switches pages, but it picks from every page a profile
lists, and profiles list pages that many real printers lack (the capability profiles come
from escpos-printer-db and claim more than the hardware has): the emulated TM-T20III
printed boxes for €, £ and ø. We therefore choose from a short list of
well-known pages only.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

# Pages we are willing to use, best first: CP1252 has € œ ß ø é ü; CP858 has € ø ß but not œ;
# CP852 (Central European) adds ł ś ę; CP437 is what every printer has.
PREFERRED_PAGES: tuple[str, ...] = ("CP1252", "CP858", "CP850", "CP852", "CP437")

# What a character turns into when no usable page has it and anyascii knows nothing better.
_FALLBACK = "_"

# Characters that should become something other than what anyascii gives.
_READABLE = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (Babel's French money format)
    "\u2009": " ",
    "\u2212": "-",  # minus sign
    "\u2013": "-",
    "\u2014": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\t": " ",
}

ESC_T = b"\x1bt"


def _codec(name: str) -> str | None:
    """The Python codec for a profile's page name (``CP858``, ``WPC1252``, ``ISO_8859-2``)."""
    cleaned = name.strip().upper().removeprefix("W").replace("PC", "CP", 1).replace("_", "-")
    try:
        return codecs.lookup(cleaned).name
    except LookupError:
        return None


def transliterate(text: str) -> str:
    """Plain ASCII that still reads right: ``"Łukasz Ø"`` -> ``"Lukasz O"``."""
    out = []
    for ch in text:
        if ch in _READABLE:
            out.append(_READABLE[ch])
        elif ord(ch) < 0x80:
            out.append(ch if ch.isprintable() else "")
        else:
            out.append(anyascii(ch) or _FALLBACK)
    return "".join(out)


@dataclass(frozen=True)
class Page:
    number: int  # ESC t n
    name: str  # as the profile names it, e.g. CP858
    codec: str  # Python codec, e.g. cp858


@dataclass
class CodePages:
    """The code pages one printer can print, best first, and the text they can print.

    ``CodePages.unicode()`` is the page-less variant used for previews: it prints everything.
    """

    pages: tuple[Page, ...]
    _cache: dict[str, Page | None] = field(default_factory=dict, repr=False)

    # construction -------------------------------------------------------------
    @classmethod
    def for_profile(cls, profile_pages: Mapping[str, str], forced: str | None = None) -> CodePages:
        """Pick our preferred pages among those ``profile_pages`` (ESC t number -> name) lists.

        ``forced`` (a setting, e.g. ``"CP858"``) restricts output to that one page.
        """
        by_codec: dict[str, Page] = {}
        for number, name in sorted(profile_pages.items(), key=lambda kv: int(kv[0])):
            codec = _codec(name)
            if codec and codec not in by_codec and int(number) < 256:
                by_codec[codec] = Page(int(number), name.upper(), codec)
        wanted: Iterable[str] = (forced,) if forced else PREFERRED_PAGES
        pages = []
        for name in wanted:
            codec = _codec(name)
            if codec and codec in by_codec:
                pages.append(by_codec[codec])
        if not pages and not forced:
            pages = [Page(0, "CP437", "cp437")]  # every ESC/POS printer has page 0
        if not pages:
            raise ValueError(f"this printer profile has no code page {forced}")
        return cls(tuple(pages))

    @classmethod
    def unicode(cls) -> CodePages:
        return cls(())

    # queries ------------------------------------------------------------------
    @property
    def primary(self) -> Page | None:
        return self.pages[0] if self.pages else None

    def page_for(self, ch: str) -> Page | None:
        """The first usable page that has ``ch`` (None for ASCII or nothing)."""
        if ch in self._cache:
            return self._cache[ch]
        found: Page | None = None
        if ord(ch) >= 0x80:
            for page in self.pages:
                if _encodes(ch, page.codec):
                    found = page
                    break
        self._cache[ch] = found
        return found

    def can_print(self, ch: str) -> bool:
        if not self.pages:
            return ch.isprintable()
        if ord(ch) < 0x80:
            return ch.isprintable()
        return self.page_for(ch) is not None

    def printable(self, text: str) -> str:
        """``text`` with every character this printer cannot print transliterated."""
        text = unicodedata.normalize("NFC", text)
        if all(self.can_print(ch) and ch not in _READABLE for ch in text):
            return text
        out = []
        for ch in text:
            if ch in _READABLE:
                out.append(_READABLE[ch])
            elif self.can_print(ch):
                out.append(ch)
            else:
                out.append(self._substitute(ch))
        return "".join(out)

    def _substitute(self, ch: str) -> str:
        # First try the base letter with its first accent (ễ -> ê), then plain ASCII.
        decomposed = unicodedata.normalize("NFD", ch)
        if len(decomposed) > 2:
            simpler = unicodedata.normalize("NFC", decomposed[:2])
            if len(simpler) == 1 and self.can_print(simpler):
                return simpler
        return transliterate(ch) or _FALLBACK

    # encoding -----------------------------------------------------------------
    def encoder(self) -> Encoder:
        return Encoder(self)


@lru_cache(maxsize=8192)
def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


class Encoder:
    """Turns printable text into bytes, emitting ``ESC t n`` only when the page must change."""

    def __init__(self, pages: CodePages) -> None:
        self.pages = pages
        self.current: Page | None = None

    def start(self) -> bytes:
        """Select the primary page (after ``ESC @`` the printer's own default is unknown)."""
        primary = self.pages.primary
        if primary is None:
            return b""
        self.current = primary
        return ESC_T + bytes([primary.number])

    def encode(self, text: str) -> bytes:
        text = self.pages.printable(text)
        if not self.pages.pages:
            return text.encode("utf-8")
        out = bytearray()
        for ch in text:
            if ord(ch) < 0x80:
                out += ch.encode("ascii")
                continue
            current = self.current
            if current is None or not _encodes(ch, current.codec):
                page = self.pages.page_for(ch)
                if page is None:  # printable() guarantees this does not happen
                    out += transliterate(ch).encode("ascii", "replace")
                    continue
                out += ESC_T + bytes([page.number])
                self.current = current = page
            out += ch.encode(current.codec)
        return bytes(out)
