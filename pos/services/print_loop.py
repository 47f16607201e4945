"""The print worker's loop: prints queued jobs until stopped, on any thread (no Qt here).

The GUI wraps it in a QThread (:mod:`pos.ui.printer_worker`); the benchmark runs it on a
plain thread. The queue it drains is :class:`pos.services.printing.PrintService`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from pos import messages
from pos.errors import KnownError
from pos.services.printing import JobOutcome, PrintService, QueueState
from pos.store.print_jobs import PrintJobs

log = logging.getLogger(__name__)


class PrintLoop:
    """Prints queued jobs until stopped: at once when woken, else polling the queue.

    After a printer fault it waits ``backoff`` seconds (growing) before asking again; a
    wake (new job, settings changed, "retry now") cuts the wait short. While idle it asks
    the printer for its status every ``probe_every`` seconds (a quarter of that while a
    problem is shown), so "out of paper" shows before the next customer, not after.
    """

    def __init__(
        self,
        service: PrintService,
        *,
        poll: float = 0.5,
        backoff: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0),
        probe_every: float = 20.0,
        report: Callable[[QueueState, JobOutcome | None], None] | None = None,
    ) -> None:
        self.service = service
        self.probe_every = probe_every
        self.poll = poll
        self.backoff = backoff
        self.report = report or (lambda state, outcome: None)
        self.stop_event = threading.Event()
        self.wake_event = threading.Event()
        self.faults_in_a_row = 0

    def wake(self) -> None:
        self.wake_event.set()

    def stop(self) -> None:
        self.stop_event.set()
        self.wake_event.set()

    def _job_added(self, _job_id: str) -> None:
        self.wake_event.set()

    def run(self) -> None:
        PrintJobs.listeners.append(self._job_added)
        try:
            self._run()
        finally:
            if self._job_added in PrintJobs.listeners:
                PrintJobs.listeners.remove(self._job_added)

    def _run(self) -> None:
        recovered = False
        self.report(self.service.state(), None)
        problem = fault = ""
        last_probe = -float("inf")
        while not self.stop_event.is_set():
            self.wake_event.clear()
            try:
                if not recovered:  # until it succeeds (the file may be read-only for a while)
                    self.service.recover()
                    recovered = True
                outcome = self.service.process_next()
            except KnownError as exc:  # e.g. the database cannot be written: say so, retry
                log.warning("print loop: %s", messages.for_log(exc))
                outcome = JobOutcome(None, False, messages.stored(exc), "error", failure=exc)
            except Exception:  # never let the worker die: the till relies on it
                log.exception("print loop error")
                stopped = KnownError("print.loop_error")
                outcome = JobOutcome(None, False, messages.stored(stopped), "error")
            if outcome is not None and outcome.printed:
                self.faults_in_a_row = 0
                after = outcome.after.problem if outcome.after else None
                problem, fault = (messages.stored(after), after.kind) if after else ("", "")
                self.report(self.service.state(problem, fault), outcome)
                continue  # there may be more
            if outcome is not None and outcome.fault != "render":
                problem, fault = outcome.error, outcome.fault
                self.report(self.service.state(problem, fault), outcome)
                delay = self.backoff[min(self.faults_in_a_row, len(self.backoff) - 1)]
                self.faults_in_a_row += 1
            elif outcome is not None:  # a broken job was set aside: go on with the next
                self.report(self.service.state(problem, fault), outcome)
                continue
            else:
                now = time.monotonic()
                every = self.probe_every / 4 if problem else self.probe_every
                if self.probe_every and now - last_probe >= every:
                    last_probe = now
                    problem, fault = self.service.probe()
                self.report(self.service.state(problem, fault), None)
                delay = self.poll
            self.wake_event.wait(delay)


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
