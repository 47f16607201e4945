"""The PDF worker pool never outlives the app (pos/services/processes.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos.services import processes

ROOT = Path(__file__).resolve().parents[2]


def _app_process(code: str) -> str:
    """Run ``code`` as an app process of its own; what it printed."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


ABRUPT_END = """
import os
from pos.services import processes
for job in processes.warm_up():
    job.result(timeout=60)
print("warm", flush=True)
os._exit(0)  # as a crash or a kill would: no pool shutdown, no atexit
"""


def test_workers_end_when_the_app_process_ends_abruptly() -> None:
    # The launcher reads the app's output to its end: that end comes only once every worker,
    # which inherited the pipe, has gone. Orphaned workers would make this wait for ever.
    assert _app_process(ABRUPT_END) == "warm"


BUSY_DOCUMENTS = """
import os, time
from pos.services import processes
busy = [processes.pool().submit(time.sleep, 20) for _ in range(processes.workers() * 2)]
began = time.monotonic()
answer = processes.pool(processes.QUICK).submit(abs, -7).result(timeout=60)
waited = time.monotonic() - began
print(answer, "waited behind documents" if waited >= 20 else "not behind documents", flush=True)
os._exit(0)  # the busy workers end with this process (no 20 s wait at exit)
"""


def test_figures_a_person_waits_for_do_not_queue_behind_documents() -> None:
    """Every PDF worker busy for 20 s: the quick lane's worker answers at once."""
    assert _app_process(BUSY_DOCUMENTS) == "7 not behind documents"


LOW_FROM_THE_START = """
import os
from pos.services import processes
own = os.getpriority(os.PRIO_PROCESS, 0)
jobs = processes.warm_up()
# read at once, while the workers are still starting their interpreters, long before
# their own initializer could lower them
started = [os.getpriority(os.PRIO_PROCESS, pid) for pid in processes.pool()._processes]
for job in jobs:
    job.result(timeout=60)
print(own, os.getpriority(os.PRIO_PROCESS, 0), sorted(set(started)), len(started), flush=True)
os._exit(0)
"""


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="no process priorities here")
def test_workers_start_at_the_lowest_priority_and_the_app_keeps_its_own() -> None:
    """Starting workers on 2 cores must not slow the till's window (issue 17 point 3)."""
    own, after, started, count = _app_process(LOW_FROM_THE_START).split(" ", 3)
    assert after == own
    assert started == f"[{processes.WORKER_NICENESS}]"
    assert int(count) == processes.workers()
