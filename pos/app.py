"""Composition root: parse the command line, then run a command or open the till.

``create_window(db_path)`` builds the window exactly as ``main()`` does, without an event
loop, for pytest-qt and automation.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pos import APP_ID, APP_NAME, __version__, files, languages, logs, messages, paths
from pos.cli import parse_args, run_command
from pos.errors import KnownError

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def resolve_db(db_arg: str | None) -> Path:
    """The database to open: ``--db``, else the saved one, else the demo hub (made on demand)."""
    if db_arg:
        return Path(db_arg).expanduser()
    from pos import config
    from pos.domain.settings import DB_PATH

    saved = config.get(DB_PATH)
    if saved:
        return Path(saved)
    demo = paths.demo_db()
    if not demo.exists():
        from pos.services.demo import write_demo

        write_demo(demo)
    return demo


def _qt_app() -> object:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setOrganizationName("FoodHubPOS")
        app.setApplicationName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName(APP_ID)
    return app


def create_window(db_path: str | Path, *, printer: str | None = None) -> MainWindow:
    """The main window on ``db_path``, as ``python main.py --db`` builds it (no event loop),
    complete: what the app builds in the turns after its first paint is built here too."""
    window = _build_window(db_path, printer=printer)
    window.finish_start()
    return window


def _build_window(db_path: str | Path, *, printer: str | None = None) -> MainWindow:
    """The window as far as its first paint needs (MainWindow builds the rest after it)."""
    _core_before_qt()
    from pos.domain.settings import LANGUAGE
    from pos.services import vault
    from pos.services.context import Services
    from pos.ui import i18n, text_size
    from pos.ui.main_window import MainWindow

    app = _qt_app()
    text_size.apply(app)  # type: ignore[arg-type]
    printer_uri = printer or os.environ.get("FOODHUB_POS_PRINTER") or None
    services = Services.open(db_path, printer_uri=printer_uri)
    try:
        # a real hub's plain database is encrypted before any screen holds its connection
        notice = vault.secure(services.store, is_demo=services.is_demo)
        if notice is not None and notice.kind == "encrypted":  # services held the old connection
            services.close()
            services = Services.open(db_path, printer_uri=printer_uri)
        language = i18n.pick_language(services.store.settings.get(LANGUAGE))
        translators = i18n.install(app, language)  # type: ignore[arg-type]
        window = MainWindow(services)
    except BaseException:
        services.close()
        raise
    window.vault_notice = notice  # shown once by _after_show
    window.setProperty("language", language)
    missing = app.property("missingCatalogue")  # type: ignore[attr-defined]
    if missing:
        window.statusBar().showMessage(str(missing))
    window.translators = translators
    return window


_windows: list[MainWindow] = []  # the window being shown, kept alive while it is rebuilt


def settle_heap() -> None:
    """Put what the start made (modules, classes, Qt wrappers, the window: ~46,000 objects)
    in the garbage collector's permanent generation, once the window is complete.

    Each full collection walked all of them: 23-26 ms on the 2-core laptop (twice that in its
    slow moments), a stall at a random moment of the day (a scan, a filter change). After
    this, a full collection walks only what was made since. What the start left as garbage
    is kept (a little memory); ``reopen_window`` thaws them first."""
    gc.freeze()
    log.info("start settled: %s objects frozen", gc.get_freeze_count())


def reopen_window(old: MainWindow) -> MainWindow:
    """Rebuild the main window on the same database (after the text size changed).

    The old window closes first: it stops its workers and releases the database lock.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    db_path = old.services.store.path
    printer = old.services.printer_uri
    geometry, state = old.geometry(), old.windowState()
    app = QApplication.instance()
    quit_on_close = app.quitOnLastWindowClosed() if isinstance(app, QApplication) else True
    if isinstance(app, QApplication):
        app.setQuitOnLastWindowClosed(False)
    settled = gc.get_freeze_count() > 0
    if settled:  # the old window's objects can be collected once it is gone
        gc.unfreeze()
    try:
        old.close()
        for translator in old.translators:
            QCoreApplication.removeTranslator(translator)
        new = create_window(db_path, printer=printer)
    finally:
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(quit_on_close)
    new.setGeometry(geometry)
    new.setWindowState(state)
    new.show()
    _windows[:] = [new]
    old.deleteLater()
    if settled:
        new.after_start(settle_heap)
    return new


def _core_before_qt() -> None:
    """Import the app's Qt-free core before PySide6: once PySide6 is loaded it reads the
    source of every module imported after it (its ``__feature__`` check), ~0.1 s for the
    ~250 modules of the store and services on this machine."""
    import pos.services.context  # noqa: F401


def run_gui(args: argparse.Namespace) -> int:
    _core_before_qt()
    from pos.ui import crash, platform_check

    problem = platform_check.problem()
    if problem:  # QApplication would abort the process with Qt's own paragraph
        log.error("no window: %s", problem)
        print(f"error: {problem}", file=sys.stderr)
        return 1
    _qt_app()
    if not args.no_crash_dialog:
        crash.install()
    window = _open_first_window(args)
    if window is None:
        return 1
    window.show()
    _windows[:] = [window]
    _after_show(window)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def started() -> None:
        from pos.ui.sync_status import offer_first_run

        menus = ", ".join(a.text().replace("&", "") for a in window.menuBar().actions())
        log.info("window shown in %s: %s", window.property("language"), menus)
        offer_first_run(window, window.sync)
        settle_heap()

    window.after_start(started)
    if args.quit_after is not None:  # smoke tests and unattended demos: leave as a person would

        def leave() -> None:
            log.info("closing after %s s (--quit-after)", args.quit_after)
            QApplication.closeAllWindows()
            QApplication.quit()

        QTimer.singleShot(int(args.quit_after * 1000), leave)
    try:
        return QApplication.exec()
    finally:
        from pos.services import processes

        processes.shutdown()  # PDF workers (pos/services/processes.py) end with the app


def _open_first_window(args: argparse.Namespace) -> MainWindow | None:
    """The window, or None after telling why not; a damaged or locked database gets a way out.

    Damaged: one sentence and an offer to restore the latest good backup. Encrypted with a
    key this computer lacks: the recovery code. Either way the window then opens.
    """
    from pos.store.db import DatabaseDamaged, KeyMissing
    from pos.ui import crash, i18n, tasks

    for _attempt in range(3):
        try:
            db_path = resolve_db(args.db)
            return _build_window(db_path, printer=args.printer)
        except (KeyMissing, DatabaseDamaged) as exc:
            log.error("cannot open: %s", messages.for_log(exc))
            if getattr(args, "no_crash_dialog", False):  # kiosks and CI: no dialog to wait on
                _say_on_stderr(exc)
                return None
            # No database, so no language setting yet: the dialogs speak the language the
            # window would without one (FOODHUB_POS_LANG, else the system's), sentence included.
            from pos.ui import vault_dialogs  # (only on this way out: not on a cold start's path)

            app = _qt_app()
            early = i18n.install(app, i18n.pick_language())  # type: ignore[arg-type]
            try:
                sentence = tasks.describe(exc)
                if isinstance(exc, KeyMissing):
                    answered = vault_dialogs.ask_recovery_code(exc.path, sentence)
                else:
                    answered = vault_dialogs.offer_restore(exc.path, sentence)
            finally:
                for translator in early:
                    app.removeTranslator(translator)  # type: ignore[attr-defined]
            if not answered:
                return None
        except KnownError as exc:  # a newer version's database, one in use, a bad path...
            log.error("cannot open: %s", messages.for_log(exc))
            if getattr(args, "no_crash_dialog", False):  # a modal dialog nobody can close
                _say_on_stderr(exc)
            else:
                crash.error_dialog(exc).exec()
            return None
    return None


def _say_on_stderr(exc: KnownError) -> None:
    """Why the window cannot open, as the command line says it: one sentence in the user's
    language, then the restore command when a backup can help."""
    from pos.cli import restore_hint

    language = languages.from_environment()
    print(f"error: {messages.word_error(exc, language)}", file=sys.stderr)
    hint = restore_hint(exc, language)
    if hint:
        print(hint, file=sys.stderr)


def _after_show(window: MainWindow) -> None:
    """Once the window is up: the recovery code until staff keep it (behind the staff PIN
    when one is set), the no-keyring notice once, and the backup taken at start."""
    from pos.services import vault
    from pos.ui import tasks

    notice = window.vault_notice
    store = window.services.store
    code = vault.pending_recovery_code(store)
    if code is not None:
        from pos.ui import vault_dialogs

        def show(role: str) -> None:
            dialog = vault_dialogs.RecoveryCodeDialog(code, store.path, window)
            if dialog.exec() == vault_dialogs.RecoveryCodeDialog.DialogCode.Accepted:
                vault.recovery_code_kept(store)

        window.gate.open("vault.recovery_code", show)
    elif notice is not None and notice.kind == "no_keyring":
        from pos.ui import vault_dialogs

        vault.told_no_keyring(store)
        vault_dialogs.no_keyring_message(window).exec()
    tasks.run(lambda: vault.backup_own_connection(store, "start"), what="backup at start")


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    # A frozen build's PDF worker processes start this same program: let them be workers.
    multiprocessing.freeze_support()
    files.restrict_umask()  # everything this process writes is the user's only
    args = parse_args(argv)
    logs.setup()
    log.info("Food Hub POS %s starting: %s", __version__, args.command or "gui")
    if args.command:
        return run_command(args)
    return run_gui(args)
