"""The print worker: a QThread running the print service's loop, off the GUI thread.

It has its own SQLite connection (``Store.reader()``); the till only inserts jobs and never
waits. State changes come back to the GUI thread as signals and become the status-bar text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from pos.services.printing import JobOutcome, PrintLoop, PrintService, QueueState
from pos.store import Store


class PrintWorker(QThread):
    state_changed = Signal(object)  # QueueState
    job_finished = Signal(object)  # JobOutcome

    def __init__(
        self,
        store: Store,
        *,
        printer_uri: str | None = None,
        till_id: str = "T1",
        poll: float = 0.5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printWorker")
        self._reader = store.reader()
        self.service = PrintService(self._reader, printer_uri=printer_uri, till_id=till_id)
        self.loop = PrintLoop(self.service, poll=poll, report=self._report)
        self.last_state: QueueState | None = None

    def _report(self, state: QueueState, outcome: JobOutcome | None) -> None:
        if outcome is not None:
            self.job_finished.emit(outcome)
        if state != self.last_state:
            self.last_state = state
            self.state_changed.emit(state)

    def run(self) -> None:
        self.loop.run()

    def wake(self) -> None:
        """Look at the queue now (a job was added, settings changed, "retry now")."""
        self.loop.faults_in_a_row = 0
        self.loop.wake()

    def stop(self, timeout_ms: int = 10000) -> None:
        self.loop.stop()
        if self.isRunning():
            self.wait(timeout_ms)
        try:
            self._reader.close()
        except Exception:  # already closed
            pass
