"""The shared journal folder in the main window: write this till's events, merge the other
tills', and say how it stands in the status bar ("Journal: up to date").

Nothing here runs on the GUI thread: each round (write what is unwritten, merge when asked,
read the status) is one background job (``pos.ui.tasks``) on a connection of its own. A
round is asked for after each local change (the main window's status refresh, every few
seconds and after each checkout), when the folder changes (``QFileSystemWatcher`` on the
folder and each till's subfolder) and on a timer (``MERGE_INTERVAL_MS``) for folders whose
sync engine the watcher cannot see (network drives). Requests made while a round runs are
folded into one more round. The journal is off (and the label hidden) until Hub settings
has both a folder and a hub key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from pos import messages
from pos.domain.journal import HeldFile, JournalStatus
from pos.domain.settings import JOURNAL_FOLDER, JOURNAL_KEY
from pos.errors import KnownError
from pos.services.context import Services
from pos.services.journal import JournalService
from pos.store import Store
from pos.ui import tasks
from pos.ui.formatting import local_time
from pos.ui.i18n import current_language
from pos.ui.widgets import ShrinkingLabel

MERGE_INTERVAL_MS = 15_000
WATCH_SETTLE_MS = 500  # a sync engine writes a burst of files: one merge after it


@dataclass(frozen=True)
class Round:
    """What one round found: the status, events merged now, files newly kept aside."""

    status: JournalStatus
    merged: int = 0
    reported: list[HeldFile] = field(default_factory=list)


class JournalWorker:
    """The worker side: one connection and one :class:`JournalService` for every round
    (rounds run one at a time, each on a pool thread), so the service remembers the files it
    already refused and why the last write failed."""

    def __init__(self, store: Store, make: Callable[[Store], JournalService]) -> None:
        self.store = store
        self.make = make  # the composition root's (Services.journal_on)
        self.reader: Store | None = None
        self.service: JournalService | None = None

    def round(self, folder: Path, merge: bool) -> Round:
        """Write this till's unwritten events, merge the others' (when ``merge``), read the
        status. A folder that is missing, read-only or full is not an error here: the status
        says the journal is waiting, and nothing is lost. Writing and merging fail apart: a
        read-only share still brings the other tills' events."""
        if self.service is None:
            self.reader = self.store.reader()
            self.service = self.make(self.reader)
        service = self.service
        merged, reported = 0, []
        try:
            service.write_pending(folder)
        except (KnownError, OSError):
            pass  # the events stay in the database until the folder is back
        if merge:
            try:
                merged = service.merge(folder).merged
            except (KnownError, OSError):
                pass
            reported = service.take_unreported()  # files kept aside: told once
        return Round(service.status(folder), merged, reported)

    def close(self) -> None:
        if self.reader is not None:
            self.reader.close()
        self.reader = self.service = None


class JournalController(QObject):
    """Owns the watcher, the timers and the status label of one main window.

    ``merged`` fires (GUI thread) with the number of events merged from other tills, so the
    window can show their hand-overs at once."""

    merged = Signal(int)
    status_changed = Signal()
    kept_aside = Signal(str)  # one sentence, once per file kept aside (wrong key, damaged…)

    def __init__(
        self,
        services: Services,
        label: QLabel,
        timezone: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        store = self.store = services.store
        self.timezone = timezone
        self.label = label
        self.status: JournalStatus | None = None
        self.worker = JournalWorker(store, services.journal_on)
        self.job: tasks.Job[Round] | None = None
        self.closed = False
        self._again = False
        self._merge_wanted = True  # the first round merges what arrived while closed
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(WATCH_SETTLE_MS)
        self.settle.timeout.connect(lambda: self.kick(merge=True))
        self.timer = QTimer(self)
        self.timer.setInterval(MERGE_INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.kick(merge=True))
        self.timer.start()
        label.setObjectName("journalStatusLabel")
        label.setAccessibleName(self.tr("Shared journal status"))
        self.reload()

    # settings -----------------------------------------------------------------------
    def folder(self) -> Path | None:
        """The journal folder, or None while the journal is off (no folder or no key)."""
        folder = self.store.settings.get(JOURNAL_FOLDER).strip()
        if not folder or not self.store.settings.get(JOURNAL_KEY):
            return None
        return Path(folder)

    def reload(self) -> None:
        """Hub settings changed: watch the new folder and run a round at once."""
        paths = self.watcher.directories() + self.watcher.files()
        if paths:
            self.watcher.removePaths(paths)
        self.status = None
        self.refresh_label()
        self.kick(merge=True)

    # rounds -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def kick(self, *, merge: bool = False) -> bool:
        """Ask for a round (write; merge too when ``merge``); False while the journal is off."""
        if self.closed:
            return False
        folder = self.folder()
        if folder is None:
            return False
        self._merge_wanted = self._merge_wanted or merge
        if self.job is not None:
            self._again = True
            return True
        worker, do_merge = self.worker, self._merge_wanted
        self._merge_wanted = self._again = False
        self.job = tasks.run(
            lambda: worker.round(folder, do_merge),
            on_result=self._done,
            on_error=self._failed,
            owner=self,
            what="journal round",
        )
        return True

    def _done(self, result: Round) -> None:
        self.job = None
        self.status = result.status
        self._watch()
        self.refresh_label()
        self.status_changed.emit()
        if result.merged:
            self.merged.emit(result.merged)
        if result.reported:
            self.kept_aside.emit(self.kept_aside_text(result.reported))
        if self._again:
            self.kick()

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.label.setToolTip(tasks.describe(exc))
        if self._again:
            self.kick()

    def _folder_changed(self, _path: str) -> None:
        if not self.closed:
            self.settle.start()  # restarts: one merge after a burst of files

    def _watch(self) -> None:
        """Watch the folder and every till's subfolder (new tills appear as new folders)."""
        folder = self.folder()
        if folder is None or self.status is None or not self.status.reachable:
            return
        try:
            wanted = {str(folder)} | {str(p) for p in folder.iterdir() if p.is_dir()}
        except OSError:
            return
        missing = sorted(wanted - set(self.watcher.directories()))
        if missing:
            self.watcher.addPaths(missing)

    def stop(self, timeout_ms: int = 5_000) -> None:
        """Closing the window: no new round; a round still running ends before the database."""
        self.closed = True
        self.timer.stop()
        self.settle.stop()
        self.watcher.directoryChanged.disconnect(self._folder_changed)
        finished = True
        if self.job is not None:
            finished = self.job.wait(timeout_ms)
            self.job.cancel()
            self.job = None
        if finished:  # a round still running past the wait keeps its connection
            self.worker.close()

    # the label ------------------------------------------------------------------------
    def text(self) -> str:
        status = self.status
        if status is None:
            return self.tr("Journal: reading the folder…")
        if not status.reachable or status.problem:
            return self.tr("Journal: waiting for the folder")
        if status.held:
            return self.tr("Journal: %n file(s) kept aside", "", len(status.held))
        if status.unwritten:
            return self.tr("Journal: %n event(s) to write", "", status.unwritten)
        return self.tr("Journal: up to date")

    def kept_aside_text(self, held: list[HeldFile]) -> str:
        """ "Journal: 2 files kept aside: <why>; <why>." in the UI language."""
        language = current_language()
        reasons = dict.fromkeys(messages.word(h.reason_code, {}, language) for h in held)
        return self.tr("Journal: %n file(s) kept aside: %1", "", len(held)).replace(
            "%1", " ".join(reasons)
        )

    def refresh_label(self) -> None:
        if self.closed:
            return
        folder = self.folder()
        self.label.setVisible(folder is not None)
        if folder is None:
            return
        self.label.setText(self.text())
        status = self.status
        tip = [self.tr("Shared journal folder: %1").replace("%1", str(folder))]
        if status is not None:
            if status.last_written_at:
                when = local_time(status.last_written_at, self.timezone)
                tip.append(self.tr("Last written: %1").replace("%1", when))
            if status.last_merged_at:
                when = local_time(status.last_merged_at, self.timezone)
                tip.append(self.tr("Last read from the other tills: %1").replace("%1", when))
            if status.problem:  # why the last write or merge failed, in the UI language
                tip.append(messages.word_error(
                    KnownError(status.problem, folder=str(folder), reason=""), current_language()
                ))  # fmt: skip
            if status.held:
                tip.append(
                    self.tr(
                        "Files kept aside (another hub's key, damaged, or an order not pulled"
                        " yet): they are merged as soon as they can be."
                    )
                )
        self.label.setToolTip("\n".join(tip))
        state = "none" if status is None else "waiting" if not status.reachable or (
            status.problem) else "held" if status.held else "ok"  # fmt: skip
        self.label.setProperty("state", state)


def install_journal(window: QMainWindow, services: Services, timezone: str) -> JournalController:
    """Add the journal's status label to ``window``'s status bar and start its rounds (the
    window calls ``kick`` after local changes, ``reload`` after Hub settings, ``stop``)."""
    label = ShrinkingLabel()
    window.statusBar().addPermanentWidget(label)
    return JournalController(services, label, timezone, window)
