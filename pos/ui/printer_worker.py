"""The print worker: a QThread running the print service's loop, off the GUI thread.

Its print service is built by the composition root (``Services.printing_on``) on a
connection of its own (``Store.reader()``), which the worker owns and closes when it stops;
the till only inserts jobs and never waits. It keeps its own thread (the loop runs all day)
but reports like every background job, through :mod:`pos.ui.tasks`: state changes reach
the GUI thread with ``to_main`` and become the status-bar text, and an error that stops the
loop is described by ``tasks.describe``.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QObject, QThread, Signal

from pos.services.print_loop import PrintLoop
from pos.services.printing import JobOutcome, PrintService, QueueState
from pos.ui import tasks

log = logging.getLogger(__name__)


class PrintWorker(QThread):
    state_changed = Signal(object)  # QueueState, emitted on the GUI thread
    job_finished = Signal(object)  # JobOutcome, emitted on the GUI thread

    def __init__(
        self,
        service: PrintService,
        *,
        poll: float = 0.5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printWorker")
        self.service = service
        self.loop = PrintLoop(self.service, poll=poll, report=self._report)
        self.last_state: QueueState | None = None

    def _report(self, state: QueueState, outcome: JobOutcome | None) -> None:
        """On the worker thread: pass what changed to the GUI thread."""
        changed = state != self.last_state
        self.last_state = state
        if outcome is not None or changed:
            tasks.to_main(self._deliver, state if changed else None, outcome, owner=self)

    def _deliver(self, state: QueueState | None, outcome: JobOutcome | None) -> None:
        if outcome is not None:
            self.job_finished.emit(outcome)
        if state is not None:
            self.state_changed.emit(state)

    def run(self) -> None:
        try:
            self.loop.run()
        except Exception as exc:  # the loop guards each job; this is a bug in the loop itself
            log.error("the print loop stopped", exc_info=exc)
            base = self.last_state or QueueState(configured=True, waiting=0, failed=0)
            stopped = dataclasses.replace(base, problem=tasks.describe(exc), fault="error")
            tasks.to_main(self._deliver, stopped, None, owner=self)

    def wake(self) -> None:
        """Look at the queue now (a job was added, settings changed, "retry now")."""
        self.loop.faults_in_a_row = 0
        self.loop.wake()

    def stop(self, timeout_ms: int = 10000) -> None:
        self.loop.stop()
        if self.isRunning():
            self.wait(timeout_ms)
        try:
            self.service.store.close()
        except Exception:  # already closed
            pass
