"""The one place that finds the files shipped inside the packages: fonts and catalogues.

They are package data (``receipts/fonts``, ``receipts/locale``, ``pos/ui/translations``),
found through :mod:`importlib.resources`, so a checkout, an installed wheel and the
PyInstaller bundle all read them the same way. A file missing from a broken install is a
:class:`ResourceMissing` with one sentence naming it, never a traceback.
"""

from __future__ import annotations

import gettext
import logging
from importlib.resources import files
from pathlib import Path

from pos.errors import KnownError

log = logging.getLogger(__name__)


class ResourceMissing(KnownError):
    """A file the app ships with is not in this installation."""


def _path(package: str, *parts: str, folder: bool = False) -> Path:
    # Every way we install (editable, wheel, one-folder bundle) unpacks to real files;
    # gettext, Qt and reportlab need paths, so a zipped package is not supported.
    found = Path(str(files(package).joinpath(*parts)))
    if not (found.is_dir() if folder else found.is_file()):
        raise ResourceMissing("install.missing_file", file="/".join(parts), folder=found.parent)
    return found


def font(file_name: str) -> Path:
    """A bundled TrueType font (DejaVu Sans), embedded in every PDF."""
    return _path("receipts", "fonts", file_name)


def locale_dir() -> Path:
    """The gettext folder of everything printed or exported (receipts, PDFs)."""
    return _path("receipts", "locale", folder=True)


def gettext_catalogue(domain: str, language: str) -> gettext.NullTranslations:
    """The printed-text catalogue ``domain`` for ``language``; English when there is none.

    English is the source language and has no catalogue to miss. For any other language a
    missing file still prints (in English) rather than losing a receipt, and the log names
    the file, so a broken install is found.
    """
    folder = locale_dir()
    found = gettext.find(domain, str(folder), languages=[language])
    if found is None and language != "en":
        log.warning(
            "This installation of Food Hub POS is missing the %s catalogue for %r in %s; "
            "printing in English.",
            domain,
            language,
            folder,
        )
    return gettext.translation(domain, localedir=str(folder), languages=[language], fallback=True)


def qt_catalogue(language: str) -> Path:
    """The compiled Qt translation of the screens for ``language``."""
    return _path("pos.ui", "translations", f"foodhub_{language}.qm")
