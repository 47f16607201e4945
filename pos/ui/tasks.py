"""Background work: run a function off the GUI thread, get its result or error back on it.

The one way the UI does slow work (Picard's ``run_task``/``to_main`` and Anki's ``QueryOp``
are the models)::

    tasks.run(lambda: service.overview(cycle, point), on_result=self.show,
              on_error=self.failed, owner=self)

* ``fn`` runs on a pool thread. It must not touch widgets; give it plain values and services
  (a worker that reads the database opens its own connection with ``store.reader()``).
* ``on_result(value)`` or ``on_error(exc)`` runs later on the GUI thread, never inside
  ``run``. ``describe(exc)`` turns an error into the one sentence to show.
* An error that is not a :class:`KnownError` is a bug: it is logged with its traceback on
  the worker thread, and ``describe`` says where the log is.
* Lifetime: the pool runs a plain callable that Qt owns and deletes; no Python-owned
  ``QRunnable`` or ``QObject`` is ever deleted on a pool thread (that crashed, rarely). The
  job's record, which holds the callbacks and through them the widgets, stays in ``_live``
  on the GUI thread until its answer is delivered or dropped.
* ``owner``: when that QObject has been deleted (a window closed while the job ran) the
  answer is dropped. ``Job.cancel()`` drops it too; nothing waits, so nothing freezes.

``run_in_process(fn, arg, on_result=...)`` runs pure work in a worker process
(:mod:`pos.services.processes`) instead of a thread: a thread running Python for seconds
holds the interpreter's lock, and the GUI thread waits for it at every call into Python.

``to_main(fn, *args)`` is the other half, for threads that live longer than one call (the
print worker, a sync's progress): it calls ``fn(*args)`` on the GUI thread soon.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QThreadPool, Signal

from pos import messages, paths
from pos.errors import KnownError
from pos.ui import i18n

log = logging.getLogger(__name__)

T = TypeVar("T")
A = TypeVar("A")
MAX_THREADS = 6  # I/O-bound work (network, printers, files): a sync must not queue a PDF


class Job(Generic[T]):
    """One call of ``fn`` off the GUI thread; see :func:`run`."""

    def __init__(
        self,
        job_id: int,
        what: str,
        on_result: Callable[[T], Any] | None,
        on_error: Callable[[BaseException], Any] | None,
        owner: QObject | None,
    ) -> None:
        self.id = job_id
        self.what = what
        self.on_result = on_result
        self.on_error = on_error
        self.owner = owner
        self.returned = threading.Event()  # set on the worker thread once fn has returned
        self.cancelled = False
        self.delivered = False  # True once a callback was called with the answer
        self.future: Future[T] | None = None  # a worker process's job (run_in_process)

    @property
    def running(self) -> bool:
        """True until the function has returned (cancelled or not)."""
        return not self.returned.is_set()

    def cancel(self) -> None:
        """Drop the answer (GUI thread): the function still ends on its own (a worker
        process's job not started yet is dropped)."""
        self.cancelled = True
        if self.future is not None:
            self.future.cancel()
        self.on_result = self.on_error = None
        self.owner = None

    def wait(self, timeout_ms: int) -> bool:
        """Block until the function returned or ``timeout_ms`` passed (closing the app)."""
        return self.returned.wait(timeout_ms / 1000)


_live: dict[int, Job[Any]] = {}  # GUI thread only: jobs whose answer is not delivered yet
_ids = itertools.count(1)
_lock = threading.Lock()
_state: dict[str, Any] = {}


class _Bridge(QObject):
    """Lives on the GUI thread for the whole run; carries answers to it (queued)."""

    answer = Signal(object)  # (job id, ok, value)
    call = Signal(object)  # (fn, args, owner)

    def __init__(self) -> None:
        super().__init__()
        self.answer.connect(self._answer, Qt.ConnectionType.QueuedConnection)
        self.call.connect(self._call, Qt.ConnectionType.QueuedConnection)

    def _answer(self, payload: tuple[int, bool, Any]) -> None:
        job_id, ok, value = payload
        job = _live.pop(job_id, None)
        if job is None or job.cancelled:
            return
        callback = job.on_result if ok else job.on_error
        owner = job.owner
        job.on_result = job.on_error = None
        job.owner = None
        if callback is None or (owner is not None and not shiboken6.isValid(owner)):
            return  # nobody to tell (its window was closed and deleted)
        job.delivered = True
        callback(value)

    def _call(self, payload: tuple[Callable[..., Any], tuple[Any, ...], QObject | None]) -> None:
        fn, args, owner = payload
        if owner is not None and not shiboken6.isValid(owner):
            return
        fn(*args)


def _bridge() -> _Bridge:
    with _lock:
        bridge = _state.get("bridge")
        if bridge is None or not shiboken6.isValid(bridge):
            bridge = _Bridge()
            app = QCoreApplication.instance()
            if app is not None and bridge.thread() is not app.thread():
                bridge.moveToThread(app.thread())
            _state["bridge"] = bridge
        return bridge


def pool() -> QThreadPool:
    """The pool background jobs run on (its own, not Qt's global one)."""
    with _lock:
        found = _state.get("pool")
        if found is None:
            found = QThreadPool()
            found.setObjectName("backgroundJobs")
            found.setMaxThreadCount(max(MAX_THREADS, QThread.idealThreadCount()))
            _state["pool"] = found
        return found


def run(
    fn: Callable[[], T],
    *,
    on_result: Callable[[T], Any] | None = None,
    on_error: Callable[[BaseException], Any] | None = None,
    owner: QObject | None = None,
    what: str = "background job",
) -> Job[T]:
    """Call ``fn()`` on a pool thread; ``on_result``/``on_error`` follow on the GUI thread.

    ``what`` names the job in the log when it fails unexpectedly.
    """
    bridge = _bridge()
    job: Job[T] = Job(next(_ids), what, on_result, on_error, owner)
    _live[job.id] = job
    job_id, returned = job.id, job.returned

    def work() -> None:
        try:
            payload: tuple[int, bool, Any] = (job_id, True, fn())
        except Exception as exc:
            if not isinstance(exc, KnownError):  # a bug: the traceback goes to the log
                log.error("%s failed", what, exc_info=exc)
            payload = (job_id, False, exc)
        finally:
            returned.set()
        bridge.answer.emit(payload)

    pool().start(work)
    return job


def run_in_process(
    fn: Callable[[A], T],
    arg: A,
    *,
    on_result: Callable[[T], Any] | None = None,
    on_error: Callable[[BaseException], Any] | None = None,
    owner: QObject | None = None,
    what: str = "background job",
) -> Job[T]:
    """Call ``fn(arg)`` in the quick lane's worker process (:mod:`pos.services.processes`):
    for pure work that would hold this interpreter's lock for long on a thread, and that a
    person waits for (it never queues behind the PDF workers' documents). ``fn`` is a
    module-level function and ``arg`` picklable; keep the result compact, it is unpickled
    here. Answers come back as with :func:`run`; ``Job.cancel()`` also drops work not
    started."""
    from pos.services import processes

    bridge = _bridge()
    job: Job[T] = Job(next(_ids), what, on_result, on_error, owner)
    _live[job.id] = job
    job_id, returned = job.id, job.returned

    def done(future: Future[T]) -> None:  # on the pool's thread, or here when cancelled
        returned.set()
        if future.cancelled():  # the answer still goes through, to leave ``_live``
            bridge.answer.emit((job_id, False, CancelledError()))
            return
        exc = future.exception()
        if exc is not None and not isinstance(exc, KnownError):
            log.error("%s failed", what, exc_info=exc)
        bridge.answer.emit((job_id, exc is None, future.result() if exc is None else exc))

    try:
        future = processes.pool(processes.QUICK).submit(fn, arg)
    except RuntimeError as exc:  # the pool is shutting down (the app is closing)
        returned.set()
        bridge.answer.emit((job_id, False, exc))
        return job
    job.future = future
    future.add_done_callback(done)
    return job


def to_main(fn: Callable[..., Any], *args: Any, owner: QObject | None = None) -> None:
    """Call ``fn(*args)`` on the GUI thread soon (from any thread), unless ``owner`` is gone."""
    _bridge().call.emit((fn, args, owner))


def describe_stored(text: str) -> str:
    """An error kept in the database as a code (``messages.stored``: a failed push or print,
    the printer's problem), in the UI language; text stored before codes as it is."""
    return messages.word_stored(text, i18n.current_language())


def describe(exc: BaseException) -> str:
    """The one sentence a person sees for ``exc``, in the UI language: a known error's
    code worded (:mod:`pos.messages`), anything else points to the log."""
    if isinstance(exc, KnownError):
        return messages.word_error(exc, i18n.current_language())
    return QCoreApplication.translate(
        "tasks", "Something unexpected went wrong; the details are in the log file %1."
    ).replace("%1", str(paths.log_file()))
