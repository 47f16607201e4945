"""The one bridge for background work (pos.ui.tasks): answers arrive on the GUI thread, the
job lives until its answer is delivered, and closing a window mid-job neither crashes nor
freezes."""

from __future__ import annotations

import gc
import logging
import threading
import time
import weakref
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from pos import paths
from pos.domain.settings import HUB_ID, OFN_URL, ORDER_CYCLE_ID, SYNC_ON_START
from pos.errors import KnownError
from pos.ui import tasks
from tests.helpers.keyring_file import file_keyring
from tests.helpers.wait import gate_file, load_when_gate_opens
from tests.ofn_sim.fixtures import ofn_sim
from tests.ofn_sim.server import OFNSimulator

__all__ = ["file_keyring", "ofn_sim"]

GUI = threading.get_ident()  # the test runs on the GUI thread


def delivered(job: tasks.Job) -> bool:  # type: ignore[type-arg]
    return job.id not in tasks._live


def test_the_result_arrives_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    ran_on: list[int] = []
    got: list[tuple[object, int]] = []

    def work() -> int:
        ran_on.append(threading.get_ident())
        return 42

    job = tasks.run(work, on_result=lambda v: got.append((v, threading.get_ident())))
    assert got == []  # never called inside run(), even when the pool is quick
    qtbot.waitUntil(lambda: bool(got), timeout=5_000)
    assert got == [(42, GUI)]
    assert ran_on and ran_on[0] != GUI
    assert job.delivered and not job.running and delivered(job)


def test_a_known_error_arrives_as_its_own_sentence(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    errors: list[tuple[BaseException, int]] = []

    def work() -> None:
        raise KnownError("The disk is full: free some space, then try again.")

    tasks.run(work, on_error=lambda e: errors.append((e, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    exc, thread = errors[0]
    assert thread == GUI
    assert tasks.describe(exc) == "The disk is full: free some space, then try again."
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # not a bug


def test_a_bug_is_logged_with_its_traceback_and_shown_in_one_sentence(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def work() -> None:
        {}["internal detail"]

    with caplog.at_level(logging.ERROR, logger="pos.ui.tasks"):
        tasks.run(work, on_error=errors.append, what="bench job")
        qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], KeyError)
    (record,) = [r for r in caplog.records if r.name == "pos.ui.tasks"]
    assert record.getMessage() == "bench job failed" and record.exc_info is not None
    assert "internal detail" in caplog.text and "Traceback" in caplog.text
    sentence = tasks.describe(errors[0])
    assert str(paths.log_file()) in sentence
    assert "Traceback" not in sentence and "internal detail" not in sentence
    assert "\n" not in sentence and sentence.endswith(".")


def test_the_job_stays_alive_until_its_answer_is_delivered(qtbot) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    got: list[str] = []

    def start() -> weakref.ref:  # type: ignore[type-arg]
        job = tasks.run(lambda: "done" if gate.wait(10) else "timeout", on_result=got.append)
        return weakref.ref(job)  # the caller keeps nothing

    ref = start()
    gc.collect()
    assert ref() is not None and ref().running  # type: ignore[union-attr]
    gate.set()
    qtbot.waitUntil(lambda: got == ["done"], timeout=5_000)
    gc.collect()
    assert ref() is None  # let go once delivered


def test_many_jobs_whose_owners_come_and_go(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The lifetime crash of the old workers: owners deleted while answers are in flight."""
    got: list[int] = []
    owners = []
    jobs = []
    gate = threading.Event()
    for i in range(300):
        owner = QLabel()
        owners.append(owner)
        jobs.append(tasks.run(lambda i=i: gate.wait(10) and i, on_result=got.append, owner=owner))
    for owner in owners[1::2]:
        owner.deleteLater()
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(o) for o in owners[1::2]), timeout=5_000)
    gate.set()  # the answers come now, half of them for deleted owners
    qtbot.waitUntil(lambda: all(delivered(j) for j in jobs), timeout=20_000)
    assert sorted(got) == list(range(0, 300, 2))  # the deleted owners got nothing


def test_to_main_calls_on_the_gui_thread_from_any_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[str, int]] = []

    def record(text: str) -> None:
        calls.append((text, threading.get_ident()))

    worker = threading.Thread(target=lambda: tasks.to_main(record, "hi"))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(calls), timeout=5_000)
    assert calls == [("hi", GUI)]


def test_a_window_closed_mid_job_gets_nothing_and_nothing_crashes(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    gate = threading.Event()
    got: list[object] = []
    job = tasks.run(lambda: gate.wait(10), on_result=got.append, on_error=got.append, owner=dialog)
    dialog.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5_000)
    gate.set()
    assert job.wait(5_000)
    qtbot.waitUntil(lambda: delivered(job), timeout=5_000)
    assert got == []


# the real windows --------------------------------------------------------------------
def test_reconcile_window_closed_while_it_refreshes(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pos.ui import reconcile_window
    from pos.ui.reconcile_window import ReconcileWindow

    # the database is slow today: the worker process waits for the gate file
    monkeypatch.setattr(reconcile_window, "load", load_when_gate_opens)
    gate = gate_file(window.services.store.path)
    rw = ReconcileWindow(window.services, "Office Olga", window)
    rw.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    rw.show()
    assert rw.refreshing
    qtbot.waitUntil(lambda: rw._refresh_job is not None, timeout=5_000)  # after it shows
    job = rw._refresh_job
    # the GUI thread is free while the figures load: the till answers a search at once
    window.scan_input.setText("C1005")
    assert window.model.rowCount() == 1
    started = time.perf_counter()
    rw.close()
    assert time.perf_counter() - started < 0.5  # closing does not wait for the job
    qtbot.waitUntil(lambda: not shiboken6.isValid(rw), timeout=5_000)
    gate.touch()
    assert job is not None and job.wait(30_000)
    qtbot.waitUntil(lambda: delivered(job), timeout=5_000)
    assert job.cancelled and not job.delivered


def test_reconcile_refresh_shows_only_the_latest_choice(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.reconcile_window import ReconcileWindow

    rw = ReconcileWindow(window.services, "Office Olga", window)
    qtbot.addWidget(rw)
    rw.show()
    qtbot.waitUntil(lambda: not rw.refreshing, timeout=30_000)
    shown: list[int] = []
    rw.refreshed.connect(lambda: shown.append(1))
    for index in (1, 2, 0, 1):  # quick clicks through the pickup points
        rw.point.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not rw.refreshing, timeout=30_000)
    qtbot.wait(100)
    assert shown == [1]  # the three superseded answers were dropped
    assert rw.view is not None and rw.view.total.pickup_point_id == rw.point.currentData()


def test_lists_dialog_closed_while_pdfs_are_made(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.lists_dialog import open_lists_dialog

    dialog = open_lists_dialog(window, window.services)
    dialog.folder.setText(str(tmp_path))
    dialog.generate()
    job = dialog._job
    assert job is not None and dialog.busy
    dialog.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5_000)
    assert job.wait(120_000)
    qtbot.waitUntil(lambda: delivered(job), timeout=5_000)
    assert not job.delivered  # its owner went: dropped
    assert any(tmp_path.rglob("*.pdf"))  # the work itself finished


def test_sync_settings_closed_during_a_slow_test_does_not_freeze(
    qtbot, window, ofn_sim: OFNSimulator
) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.sync_dialog import SyncSettingsDialog

    ofn_sim.latency = 1.5
    dialog = SyncSettingsDialog(window.sync.service, [], window)
    dialog.url.setText(ofn_sim.url)
    dialog.key.setText(ofn_sim.key)
    dialog.hub.setText(str(ofn_sim.hub_id))
    dialog.show()
    dialog.test_button.click()
    job = dialog._job
    assert job is not None and job.running
    started = time.perf_counter()
    dialog.reject()
    assert time.perf_counter() - started < 0.5  # it used to wait up to 20 s
    assert job.wait(30_000)
    qtbot.waitUntil(lambda: delivered(job), timeout=5_000)
    assert not job.delivered
    assert dialog.result_label.property("state") is None


@pytest.mark.parametrize("stop_after_ms", [0, 200])
def test_main_window_closed_during_a_sync(
    qtbot, tmp_path: Path, ofn_sim: OFNSimulator, stop_after_ms: int
) -> None:  # type: ignore[no-untyped-def]
    import keyring
    from keyring.backends import fail

    from pos.app import create_window
    from pos.store import Store
    from sync import credentials

    keyring.set_keyring(fail.Keyring())
    db = tmp_path / "hub.sqlite"
    with Store.open(db) as store:
        store.settings.set(OFN_URL, ofn_sim.url)
        store.settings.set(HUB_ID, ofn_sim.hub_id)
        store.settings.set(ORDER_CYCLE_ID, 987)
        store.settings.set(SYNC_ON_START, False)
    credentials.save_key(ofn_sim.url, ofn_sim.key)
    ofn_sim.latency = 0.05
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    finished: list[str] = []
    win.sync.finished.connect(finished.append)
    assert win.sync.sync_now(manual=True)
    job = win.sync.worker
    assert job is not None
    qtbot.wait(stop_after_ms)
    started = time.perf_counter()
    win.close()
    assert time.perf_counter() - started < 10.5  # cancelled between requests
    assert not job.running
    qtbot.waitUntil(lambda: delivered(job), timeout=5_000)
    assert finished == []  # nothing reaches a closed window


def test_reconcile_figures_load_in_a_worker_process_on_an_encrypted_hub(
    qtbot, file_keyring, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The figures come from a worker process; it is handed the key with the job, so it
    needs no keyring (the file keyring here is this process's only)."""
    from pos import app
    from pos.domain import settings as s
    from pos.store import Store
    from pos.ui import reconcile_window as rw_module
    from pos.ui.reconcile_window import ReconcileWindow

    rw_tasks = rw_module.tasks
    with Store.open(demo_db) as store:  # a real hub: encrypted at start
        store.settings.set(s.DEMO, False)
        with store.transaction():
            store.db.conn.execute("UPDATE hub SET is_demo = 0")
    window = app.create_window(demo_db)
    qtbot.addWidget(window)
    assert window.services.store.encrypted
    rw = ReconcileWindow(window.services, "Office Olga", window)
    qtbot.addWidget(rw)
    jobs: list[object] = []
    real_run = rw_tasks.run_in_process

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        job = real_run(*args, **kwargs)
        jobs.append(job)
        return job

    monkeypatch.setattr(rw_tasks, "run_in_process", recording)
    rw.show()
    # after it shows; a warm pool may answer before a poll sees the job, so record it
    qtbot.waitUntil(lambda: bool(jobs), timeout=10_000)
    job = jobs[0]
    assert getattr(job, "future", None) is not None  # a worker process's job
    qtbot.waitUntil(lambda: not rw.refreshing, timeout=60_000)
    assert rw.message.text() == ""  # no error shown
    table = rw.orders.orders_table
    expected = window.services.store.scalar("SELECT COUNT(*) FROM orders")
    assert table.model().rowCount() == expected > 0
    numbers = {table.model().index(r, 0).data() for r in range(table.model().rowCount())}
    assert numbers == {r[0] for r in window.services.store.query("SELECT number FROM orders")}
    assert job.future.result().view.orders == ()  # the order records stayed in the worker


def test_opening_the_reconcile_window_does_not_load_the_report_code() -> None:
    """The end-of-day report (reportlab: ~0.2 s to import) loads with the first report, not
    at the reconcile window's first opening on the GUI thread."""
    import os
    import subprocess
    import sys

    code = (
        "import sys; import pos.ui.reconcile_window\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'receipts.pdf'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.stdout.strip() == "[]"
