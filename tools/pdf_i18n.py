"""Maintain the translations of printed PDFs (gettext domain ``foodhub_pdf``).

    python tools/pdf_i18n.py update     # extract _() strings from receipts/pdf into each .po
    python tools/pdf_i18n.py compile    # .po -> .mo (committed; tests check they match)

Catalogues live in receipts/locale/<lang>/LC_MESSAGES/foodhub_pdf.po (package data). The UI's Qt
strings are handled by tools/i18n.py; the PDFs are not Qt, so they use gettext.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "receipts" / "locale"
DOMAIN = "foodhub_pdf"
LANGUAGES = ("fr",)


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def template() -> Catalog:
    """Every ``_("...")`` literal in receipts/pdf, in source order."""
    catalog = Catalog(project="Food Hub POS", fuzzy=False)
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "receipts" / "pdf"), keywords={"_": None}
    ):
        catalog.add(message)
    return catalog


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def update() -> None:
    fresh = template()
    for lang in LANGUAGES:
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = read(lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN)
        catalog.update(fresh, no_fuzzy_matching=True)
        with path.open("wb") as f:
            write_po(f, catalog, omit_header=False, no_location=True, ignore_obsolete=True)


def compile_all() -> None:
    for lang in LANGUAGES:
        po_path(lang).with_suffix(".mo").write_bytes(mo_bytes(read(lang)))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    else:
        print(__doc__)
        raise SystemExit(2)
