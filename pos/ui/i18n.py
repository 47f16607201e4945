"""Loading translations: ours (package data, see pos.resources), Qt's own for standard buttons."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pos import languages, messages, resources

log = logging.getLogger(__name__)
_current: str | None = None


def current_language() -> str:
    """The language installed for the UI; before ``install`` runs (a database that cannot be
    opened), the one it would install without a setting."""
    return _current or pick_language()


def pick_language(setting: str | None = None) -> str:
    """A setting wins, then FOODHUB_POS_LANG, then the system locale; English otherwise."""
    return languages.pick(setting, os.environ.get("FOODHUB_POS_LANG"), QLocale.system().name())


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install translators on ``app``; keep the returned list alive as long as the app."""
    global _current
    _current = language
    installed: list[QTranslator] = []
    if language == languages.SOURCE:
        return installed
    ours = QTranslator(app)
    try:
        catalogue = resources.qt_catalogue(language)
    except resources.ResourceMissing as missing:
        # The till still works in English; the sentence goes to the log and the status bar.
        log.warning("%s", messages.for_log(missing))
        app.setProperty("missingCatalogue", missing.message)
    else:
        if ours.load(str(catalogue)):
            app.installTranslator(ours)
            installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
