"""Worker processes for heavy, pure work (PDFs): the GUI's interpreter never runs it.

A thread of the GUI process making a PDF holds Python's one lock for most of its time and
the typing in the till stutters; a child process has its own interpreter. Two lanes, each
started on first use and kept warm: ``DOCUMENTS`` (as many workers as cores, at most 4) for
PDFs, and ``QUICK`` (one worker) for what a person is looking at the screen for (the
reconcile window's figures), so it never queues behind a batch of packing lists;
``spawn`` everywhere so Linux behaves like Windows and macOS (and a frozen build, with
``multiprocessing.freeze_support()`` in :func:`pos.app.main`). What runs there must be a
module-level function of picklable arguments that opens what it needs itself.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, ParamSpec, TypeVar

MAX_WORKERS = 4
DOCUMENTS = "documents"  # PDFs: lists, reports
QUICK = "quick"  # one worker for figures a person waits for on screen

P = ParamSpec("P")
T = TypeVar("T")

_lock = threading.Lock()
_state: dict[str, ProcessPoolExecutor] = {}


def workers(lane: str = DOCUMENTS) -> int:
    """Workers in a lane: one for ``QUICK``; else the machine's cores, 1 to MAX_WORKERS."""
    return 1 if lane == QUICK else max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def pool(lane: str = DOCUMENTS) -> ProcessPoolExecutor:
    """The process pool of ``lane`` (created on first use)."""
    with _lock:
        found = _state.get(lane)
        if found is not None and getattr(found, "_broken", False):
            found.shutdown(wait=False, cancel_futures=True)  # a worker died: start afresh
            found = None
        if found is None:
            found = _state[lane] = _Pool(
                max_workers=workers(lane),
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
            )
        return found


# The lowest priority: a worker sharing a core with the till gets ~1.5% of it while the
# till works (10 left it ~10%), and all of it when the till is idle, as it mostly is.
WORKER_NICENESS = 19


class _Pool(ProcessPoolExecutor):
    """A pool whose workers run at the lowest priority from their start.

    A worker lowering its own priority does so only once its interpreter is up and the
    pool's modules are imported (~0.1 s of CPU each): two workers starting at the till's
    priority on 2 cores held the till's window up to ~60 ms when the Print lists dialog
    opened. The pool starts workers inside ``submit``; each new one is lowered by the app
    at once, a moment after its fork, long before its own ``nice``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lowered: set[int] = set()

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future = super().submit(fn, *args, **kwargs)
        for pid in list(getattr(self, "_processes", None) or ()):  # pid -> Process
            if pid not in self._lowered:
                self._lowered.add(pid)
                _lower_priority(pid)
        return future


def _start_worker() -> None:
    """Set up a worker: a lower priority, and an end when the app's process ends."""
    _lower_priority()
    _end_with_parent()


def _lower_priority(pid: int = 0) -> None:
    """Workers yield the cores to the till: on 2 cores, typing must not queue behind a PDF.

    ``pid`` 0 is this process; a worker lowers itself too (its start may have raced ours)."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, WORKER_NICENESS)
    except (AttributeError, OSError):  # Windows has no nice; a worker already gone
        pass


def _end_with_parent() -> None:
    """Exit as soon as the app's process is gone, however it ended (a crash, a kill).

    A pool's worker holds both ends of its job queue, so it never sees the queue close when
    its parent dies: without this it would wait for work for ever, keeping the parent's
    output pipes (and a launcher waiting on them) open.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _warm() -> None:
    """Import the PDF code and load the fonts in a worker, ahead of the first document."""
    from receipts.pdf import fonts, labels, layout, packing, report  # noqa: F401

    fonts.register()


def warm_up() -> list[Future[None]]:
    """Start every worker now (a dialog that will need them calls this when it opens)."""
    executor = pool()
    return [executor.submit(_warm) for _ in range(workers())]


def shutdown() -> None:
    """Stop the workers of every lane (the app is closing); work not started is dropped."""
    with _lock:
        found = list(_state.values())
        _state.clear()
    for executor in found:
        executor.shutdown(wait=False, cancel_futures=True)
