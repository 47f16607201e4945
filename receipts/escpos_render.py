"""Documents to ESC/POS bytes through python-escpos, for a given printer profile and paper.

Rendering goes to ``escpos.printer.Dummy`` and yields bytes: the same bytes feed the golden
tests, the print queue and every connection type. Text is encoded by
:class:`receipts.text.CodePages` (pages chosen from the profile, never "?"); QR codes are
native (``GS ( k``) where the profile has them and a raster image otherwise; a cut ends
every document; the drawer kick is ``ESC p``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from pos.errors import KnownError
from receipts.document import QR, Cut, Document, DrawerKick, Feed, Line
from receipts.text import CodePages

if TYPE_CHECKING:  # python-escpos (and qrcode, PIL) load at the first render, not at start
    from receipts.escpos_compat import Dummy

ESC_INIT = b"\x1b@"
DEFAULT_PROFILE = "TM-T20II"
WIDTHS = (58, 80)


class ProfileError(KnownError):
    """An unknown printer profile or code page in the settings."""


def profile_names() -> list[str]:
    """Profiles python-escpos knows (escpos-printer-db), for the settings dialog."""
    from receipts.escpos_compat import CAPABILITIES

    return sorted(CAPABILITIES["profiles"])


@cache
def _profile(name: str) -> Any:
    from receipts.escpos_compat import CAPABILITIES, get_profile

    if name not in CAPABILITIES["profiles"]:
        raise ProfileError(
            f"Unknown printer profile “{name}”. Choose one of: {', '.join(profile_names())}."
        )
    return get_profile(name)


@dataclass(frozen=True)
class PrinterSetup:
    """What the renderer needs to know about the printer and its paper."""

    profile: str = DEFAULT_PROFILE
    width_mm: int = 80
    columns: int | None = None  # None: 32 for 58 mm, the profile's Font A columns for 80 mm
    codepage: str | None = None  # force one code page, e.g. "CP858"

    @property
    def line_columns(self) -> int:
        if self.columns:
            return self.columns
        if self.width_mm == 58:
            return 32
        fonts = _profile(self.profile).profile_data.get("fonts", {})
        found = fonts.get("0", {}).get("columns")
        return int(found) if found in (42, 48) else 48

    def code_pages(self) -> CodePages:
        pages: dict[str, str] = dict(_profile(self.profile).codePages)
        try:
            return CodePages.for_profile(pages, self.codepage)
        except ValueError as exc:
            raise ProfileError(
                f"The profile {self.profile} has no code page {self.codepage}."
            ) from exc

    @property
    def native_qr(self) -> bool:
        return bool(_profile(self.profile).supports("qrCode"))

    @property
    def has_drawer(self) -> bool:
        return bool(_profile(self.profile).supports("pulseStandard"))


def render(doc: Document, setup: PrinterSetup) -> bytes:
    """``doc`` as the bytes to send to a printer described by ``setup``."""
    _profile(setup.profile)  # a clear error for an unknown profile
    from receipts.escpos_compat import Dummy

    printer = Dummy(profile=setup.profile)
    encoder = doc.pages.encoder()
    printer._raw(ESC_INIT + encoder.start())
    style: tuple[str, bool, int] = ("left", False, 1)
    for block in doc.blocks:
        if isinstance(block, Line):
            wanted = (block.align, block.bold, block.size)
            _apply_style(printer, style, wanted)
            style = wanted
            printer._raw(encoder.encode(block.text.rstrip()) + b"\n")
        elif isinstance(block, QR):
            _apply_style(printer, style, ("center", False, 1))
            style = ("center", False, 1)
            if setup.native_qr:
                printer.qr(block.data, size=block.size, native=True)
                printer._raw(b"\n")
            else:
                printer.qr(
                    block.data,
                    size=max(2, block.size // 2 + 1),
                    native=False,
                    image_arguments={"impl": "bitImageRaster", "center": False},
                )
        elif isinstance(block, Feed):
            printer._raw(b"\n" * block.lines)
        elif isinstance(block, Cut):
            _apply_style(printer, style, ("left", False, 1))
            style = ("left", False, 1)
            printer.cut(mode="PART")
        elif isinstance(block, DrawerKick):
            if setup.has_drawer:
                printer.cashdraw(block.pin)
    return bytes(printer.output)


def _apply_style(
    printer: Dummy, current: tuple[str, bool, int], wanted: tuple[str, bool, int]
) -> None:
    align, bold, size = wanted
    if align != current[0]:
        printer.set(align=align)
    if bold != current[1]:
        printer.set(bold=bold)
    if size != current[2]:
        if size == 2:
            printer.set(double_width=True, double_height=True)
        else:
            printer.set(normal_textsize=True)
