"""Sync in the main window: a worker thread, progress and cancel, periodic auto sync, and the
``syncStatusLabel`` text (online/offline, last successful sync, what is waiting).

The till never waits: a sync runs off the GUI thread (``pos.ui.tasks``) with its own database
connection. When a sync finds OFN unreachable, it tries again every 30 seconds, so it resumes
soon after the connection comes back; otherwise it runs every few minutes (setting
``sync_interval_minutes``, default 5).
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.settings import FIRST_RUN_OFFERED, SYNC_INTERVAL_MINUTES, SYNC_ON_START
from pos.services.sync_service import SyncService
from pos.ui import tasks
from pos.ui.shell import Shell
from pos.ui.widgets import fit_to_screen
from sync.errors import Cancelled as SyncCancelled
from sync.errors import KeyRejected, NotOFN, Unreachable

if TYPE_CHECKING:
    from sync.run import SyncResult

OFFLINE_RETRY_MS = 30_000
START_DELAY_MS = 3_000


def _failure(exc: BaseException) -> tuple[str, str]:
    """(state, message) for a sync that raised: what the label and its tooltip say."""
    if isinstance(exc, SyncCancelled):
        return "cancelled", ""
    for kind, state in (
        (Unreachable, "offline"),
        (KeyRejected, "key_rejected"),
        (NotOFN, "not_ofn"),
    ):
        if isinstance(exc, kind):
            return state, tasks.describe(exc)
    return "error", tasks.describe(exc)  # KnownError: its sentence; a bug: logged, the log named


class SyncController(QObject):
    """Owns the worker, the timers and the status widgets of one main window."""

    finished = Signal(str)  # state: ok | offline | key_rejected | not_ofn | cancelled | error

    def __init__(
        self, service: SyncService, label: QLabel, bar: QProgressBar, cancel: QPushButton,
        parent: QObject | None = None, *, shell: Shell,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.service = service
        self.shell = shell
        self.settings_dialog: QDialog | None = None  # the last Sync settings opened
        self.label, self.bar, self.cancel_button = label, bar, cancel
        self.worker: tasks.Job[SyncResult] | None = None
        self._cancel = threading.Event()
        self.closed = False
        self.state = "idle"
        self.message = ""
        self.jobs_alive: bool | None = None  # OFN's job queue, as the last sync saw it
        self.auto = QTimer(self)
        minutes = service.store.settings.get(SYNC_INTERVAL_MINUTES)
        self.auto.setInterval(max(1, minutes) * 60_000)
        self.auto.timeout.connect(lambda: self.sync_now(manual=False))
        self.auto.start()
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(OFFLINE_RETRY_MS)
        self.retry.timeout.connect(lambda: self.sync_now(manual=False))
        self.label_timer = QTimer(self)  # keeps "waiting" current as the till checks out
        self.label_timer.setInterval(5_000)
        self.label_timer.timeout.connect(self.refresh_label)
        self.label_timer.start()
        cancel.clicked.connect(self.cancel)
        self._name_widgets()
        bar.hide()
        cancel.hide()
        self.refresh_label()
        self.start_timer = QTimer(self)  # catch up soon after opening
        self.start_timer.setSingleShot(True)
        self.start_timer.setInterval(START_DELAY_MS)
        self.start_timer.timeout.connect(lambda: self.sync_now(manual=False))
        if service.store.settings.get(SYNC_ON_START):
            self.start_timer.start()

    def _name_widgets(self) -> None:
        self.bar.setObjectName("syncProgress")
        self.bar.setAccessibleName(self.tr("Sync progress"))
        self.bar.setMaximumWidth(220)
        self.cancel_button.setText(self.tr("Stop sync"))
        self.cancel_button.setObjectName("syncCancelButton")
        self.cancel_button.setAccessibleName(self.tr("Stop sync"))

    def build_menu(self, window: QMainWindow) -> None:
        menu = window.menuBar().addMenu(self.tr("&Sync"))
        now = QAction(self.tr("Sync &now"), window)
        now.setObjectName("syncNowAction")
        now.triggered.connect(lambda: self.sync_now(manual=True))
        menu.addAction(now)
        settings = QAction(self.tr("Sync &settings…"), window)
        settings.setObjectName("syncSettingsAction")
        settings.triggered.connect(lambda: open_settings(window, self))
        menu.addAction(settings)

    @property
    def running(self) -> bool:
        return self.worker is not None

    def sync_now(self, manual: bool = True) -> bool:
        """Start a sync unless one is running (auto syncs only when set up)."""
        if self.running or self.closed:
            return False
        if not self.service.configured():
            if manual:
                self.state, self.message = "not_configured", ""
                self.refresh_label()
            return False
        self.retry.stop()
        service, cancel = self.service, threading.Event()
        self._cancel = cancel

        def progress(what: str, done: int, total: int) -> None:  # on the worker thread
            tasks.to_main(self._progress, what, done, total, owner=self)

        self.state = "running"
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.refresh_label()
        self.worker = tasks.run(
            lambda: service.run(progress=progress, cancel=cancel),
            on_result=self._succeeded,
            on_error=lambda exc: self._failed(*_failure(exc)),
            owner=self,
            what="sync",
        )
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Cancel and wait (closing the window)."""
        self.closed = True
        self.start_timer.stop()
        self.auto.stop()
        self.retry.stop()
        self.label_timer.stop()
        if self.worker is not None:
            self._cancel.set()
            self.worker.wait(timeout_ms)  # a request still in flight ends on its own
            self.worker.cancel()  # the window is going: nothing is delivered to it
            self.worker = None

    def _progress(self, what: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(
            self.tr("Orders %v/%m") if what == "orders" else self.tr("Pushing %v/%m")
        )

    def _succeeded(self, result: SyncResult) -> None:
        self.state, self.message = "ok", ""
        self.jobs_alive = result.jobs_alive
        self._worker_done()

    def _failed(self, state: str, message: str) -> None:
        self.state, self.message = state, message
        if state == "offline":
            self.retry.start()
        self._worker_done()

    def _worker_done(self) -> None:
        self.worker = None
        if self.closed:  # the window closed (and its database) while the worker ended
            return
        self.bar.hide()
        self.cancel_button.hide()
        self.refresh_label()
        self.finished.emit(self.state)

    # the label ----------------------------------------------------------------
    def refresh_label(self) -> None:
        if self.closed:
            return
        self.label.setText(self.status_text())
        waiting = self.tr("%1 waiting to sync").replace("%1", str(self.service.status().waiting))
        if self.jobs_alive is False:
            waiting += "\n" + self.tr(
                "Open Food Network reports its background jobs are stuck: the emails it sends"
                " customers (such as 'picked up') and its invoices are delayed until it recovers."
            )
        self.label.setToolTip(f"{waiting}\n{self.message}".strip())
        self.label.setProperty("state", self.state)

    def status_text(self) -> str:
        """State · last sync · staff to-dos (what waits to sync: the tooltip, and beside it)."""
        status = self.service.status()
        staff = status.open_staff_actions + status.walk_ins_unlisted
        last = _local_time(status.last_ok_pull)
        if self.state == "running":
            return self.tr("Syncing with Open Food Network…")
        if not self.service.configured():
            if self.service.is_demo:
                return self.tr("Demo data: not connected to Open Food Network")
            return self.tr("Not connected to Open Food Network: see Sync ▸ Settings")
        tail = self.tr("%1 for staff").replace("%1", str(staff))
        since = self.tr("last sync %1").replace("%1", last) if last else self.tr("never synced")
        if self.state == "offline":
            return self.tr("Offline") + f" · {since} · {tail}"
        if self.state == "key_rejected":
            return self.tr("OFN rejected the API key: check Sync ▸ Settings") + f" · {tail}"
        if self.state == "not_ofn":
            return self.tr("The OFN address does not answer like OFN") + f" · {tail}"
        if self.state == "cancelled":
            return self.tr("Sync stopped") + f" · {since} · {tail}"
        if self.state == "error":
            return self.tr("Sync failed (see tooltip)") + f" · {since} · {tail}"
        if self.state == "ok":
            delayed = (
                " · " + self.tr("OFN's emails are delayed") if self.jobs_alive is False else ""
            )
            return self.tr("Online") + f" · {since} · {tail}{delayed}"
        return f"{since} · {tail}"


def _local_time(utc_iso: str | None) -> str:
    if not utc_iso:
        return ""
    try:
        at = datetime.fromisoformat(utc_iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return ""
    today = datetime.now().astimezone().date()
    return at.strftime("%H:%M") if at.date() == today else at.strftime("%d %b %H:%M")


def install_sync(window: QMainWindow, shell: Shell, label: QLabel) -> SyncController:
    """Add sync to ``window``: status widgets, the Sync menu, auto sync (the window stops it).

    The window hears of each finished sync through the controller's ``finished`` signal.
    """
    bar = QProgressBar()
    cancel = QPushButton()
    # The status bar takes the height of its tallest widget, hidden ones too (QStatusBar
    # measures every item): the window's 44 px touch-size buttons made it 59 px high all day.
    cancel.setStyleSheet("QPushButton { min-height: 0px; padding: 1px 10px; }")
    status_bar = window.statusBar()
    status_bar.addPermanentWidget(bar)
    status_bar.addPermanentWidget(cancel)
    controller = SyncController(shell.services.sync, label, bar, cancel, window, shell=shell)
    controller.build_menu(window)
    return controller


def open_settings(window: QWidget, controller: SyncController) -> object:
    from pos.ui.sync_dialog import SyncSettingsDialog

    services = controller.shell.services

    def show(role: str) -> SyncSettingsDialog:
        points = [(p.id, p.name) for p in controller.service.pickup_points()]
        actor = services.checkout.volunteer()
        dialog = SyncSettingsDialog(controller.service, points, window, actor=actor or "")
        dialog.accepted.connect(controller.refresh_label)
        fit_to_screen(dialog)
        dialog.open()
        controller.settings_dialog = dialog
        return dialog

    return controller.shell.gate.open("sync.settings", show)


class FirstRunDialog(QDialog):
    """Shown once on the demo hub: keep trying the demo, or connect to OFN."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Food Hub POS"))
        text = QLabel(
            self.tr("A demo hub with made-up orders: try the till, or connect to your OFN hub.")
        )
        text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Use the demo hub"))
        self.demo_button.setObjectName("useDemoButton")
        self.connect_button = QPushButton(self.tr("Connect to Open Food Network…"))
        self.connect_button.setObjectName("connectOfnButton")
        self.demo_button.clicked.connect(self.reject)
        self.connect_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(buttons)


def offer_first_run(window: QWidget, controller: SyncController) -> FirstRunDialog | None:
    """On the very first start (demo hub, never offered), offer demo or OFN; non-blocking."""
    service = controller.service
    if not service.is_demo or service.store.settings.get(FIRST_RUN_OFFERED):
        return None
    service.store.settings.set(FIRST_RUN_OFFERED, True)
    dialog = FirstRunDialog(window)
    dialog.accepted.connect(lambda: open_settings(window, controller))
    fit_to_screen(dialog)
    dialog.open()
    return dialog
