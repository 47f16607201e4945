"""The print queue and service on a real demo database, printing to a real file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from pos import messages
from pos.cli import build_parser, run_command
from pos.services.print_loop import PrintLoop, wait_until
from pos.services.print_settings import PrinterSettings, load_settings, save_settings
from pos.services.printing import PrintService
from pos.store import Store
from pos.store.print_jobs import INTERRUPTED, PrintJobs
from receipts.printers import PrinterConfigError, parse_uri
from tests.helpers import checkout_rows
from tests.helpers.emupos import free_port


@pytest.fixture
def collected(store: Store) -> str:
    session = checkout_rows.open_session(store)
    return checkout_rows.collect(
        store, checkout_rows.order_with_items(store), session_id=session, missing=1, tendered=50000
    )


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    return tmp_path / "paper.bin"


def test_a_job_is_claimed_once(store: Store, collected: str) -> None:
    jobs = PrintJobs(store)
    job_id = jobs.enqueue("receipt", collected)
    claimed = jobs.claim_next()
    assert claimed is not None and claimed.id == job_id and claimed.attempts == 1
    assert jobs.claim_next() is None  # a second worker gets nothing
    jobs.mark_done(job_id)
    assert jobs.get(job_id).status == "done"  # type: ignore[union-attr]


def test_printing_to_a_file_once(store: Store, collected: str, paper: Path) -> None:
    service = PrintService(store, printer_uri=f"file://{paper}")
    job_id = service.enqueue_receipt(collected)
    expected = service.render_job(service.jobs.get(job_id))  # type: ignore[arg-type]
    outcome = service.process_next()
    assert outcome is not None and outcome.printed
    assert paper.read_bytes() == expected
    assert service.process_next() is None  # nothing left: never printed twice
    assert paper.read_bytes() == expected
    assert service.jobs.get(job_id).printed_at  # type: ignore[union-attr]


def test_unreachable_printer_keeps_the_job(store: Store, collected: str, paper: Path) -> None:
    port = free_port()  # nothing listens there
    service = PrintService(store, printer_uri=f"tcp://127.0.0.1:{port}")
    job_id = service.enqueue_receipt(collected)
    for _ in range(2):
        outcome = service.process_next()
        assert outcome is not None and not outcome.printed and outcome.fault == "unreachable"
    job = service.jobs.get(job_id)
    assert job is not None and job.status == "queued" and job.attempts == 2
    assert "does not answer" in job.error_in("en")
    assert "ne répond pas" in job.error_in("fr")  # kept as a code, worded for its reader
    assert service.state().waiting == 1
    fixed = PrintService(store, printer_uri=f"file://{paper}")  # the printer is back
    assert fixed.process_next().printed  # type: ignore[union-attr]
    assert fixed.jobs.get(job_id).status == "done"  # type: ignore[union-attr]


def test_interrupted_job_is_reprinted_as_copy(store: Store, collected: str, paper: Path) -> None:
    service = PrintService(store, printer_uri=f"file://{paper}")
    job_id = service.enqueue_receipt(collected)
    assert service.jobs.claim_next() is not None  # ... and the app dies while sending
    assert PrintService(store).recover() == 1
    job = service.jobs.get(job_id)
    assert job is not None and job.status == "queued" and job.is_copy
    assert job.last_error == INTERRUPTED
    assert job.error_in("en").startswith("The app stopped while this job was printing")
    service.process_next()
    assert b"*** COPY ***" in paper.read_bytes()
    assert b"\x1bp" not in paper.read_bytes()  # a copy never opens the cash drawer


def test_reprint_any_past_receipt(store: Store, collected: str, paper: Path) -> None:
    service = PrintService(store, printer_uri=f"file://{paper}")
    service.enqueue_receipt(collected)
    service.process_next()
    order_id = store.scalar("SELECT order_id FROM checkouts WHERE id = ?", (collected,))
    service.reprint_last_for_order(order_id, actor="Hélène")
    service.process_next()
    data = paper.read_bytes()
    assert data.count(b"R1") >= 2 and data.count(b"*** COPY ***") == 2
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'print.reprint'") == 1


def test_broken_job_is_set_aside(store: Store, collected: str, paper: Path) -> None:
    service = PrintService(store, printer_uri=f"file://{paper}")
    broken = service.jobs.enqueue("label", "R000000000")  # no such order
    good = service.enqueue_receipt(collected)
    first = service.process_next()
    assert first is not None and first.fault == "render"
    assert "no order" in messages.word_stored(first.error, "en")
    assert service.process_next().printed  # type: ignore[union-attr]
    assert service.jobs.get(broken).status == "failed"  # type: ignore[union-attr]
    assert service.jobs.get(good).status == "done"  # type: ignore[union-attr]
    assert service.state().failed == 1


def test_no_printer_leaves_jobs_queued(store: Store, collected: str) -> None:
    service = PrintService(store)
    job_id = service.enqueue_receipt(collected)
    assert service.process_next() is None
    assert service.jobs.get(job_id).status == "queued"  # type: ignore[union-attr]
    assert not service.state().configured


def test_z_report_and_labels_from_the_store(store: Store, paper: Path) -> None:
    session = checkout_rows.open_session(store, float_amount=5000)
    order_id = checkout_rows.order_with_items(store)
    checkout_rows.collect(store, order_id, session_id=session, tendered=100000)
    checkout_rows.walk_in(store, session_id=session, items=[("Jam", "340g", 2, 420)], tendered=1000)
    service = PrintService(store, printer_uri=f"file://{paper}")
    data = service.z_report_data(session, service.settings())
    assert data.collections == 1 and data.walk_ins == 1
    cash = sum(m.amount for m in data.by_method)
    assert data.expected_cash == 5000 + cash
    checkout_rows.close_session(store, session, counted=5000 + cash - 20)
    service.enqueue_z_report(session)
    pickup = store.scalar("SELECT pickup_point_id FROM orders WHERE id = ?", (order_id,))
    count = service.enqueue_labels_for_pickup(pickup)
    assert count == store.scalar(
        "SELECT COUNT(*) FROM orders WHERE pickup_point_id = ? AND state != 'canceled'", (pickup,)
    )
    while service.process_next() is not None:
        pass
    text = paper.read_bytes()
    assert b"Z REPORT" in text and b"-\xa30.20" in text  # difference -£0.20 in CP1252
    assert text.count(b"Bag 1 of") == count


def test_print_loop_prints_each_job_once(store: Store, collected: str, paper: Path) -> None:
    service = PrintService(store.reader(), printer_uri=f"file://{paper}")
    states = []
    loop = PrintLoop(service, poll=0.05, report=lambda state, outcome: states.append(state))
    thread = threading.Thread(target=loop.run)
    thread.start()
    try:
        enqueuer = PrintService(store)
        ids = [enqueuer.enqueue_receipt(collected, copy=bool(i)) for i in range(3)]
        loop.wake()
        assert wait_until(lambda: all(enqueuer.jobs.get(i).status == "done" for i in ids), 10)  # type: ignore[union-attr]
    finally:
        loop.stop()
        thread.join(5)
    assert paper.read_bytes().count(b"\x1dV") == 3  # three cuts: three receipts
    assert states[-1].waiting == 0


def test_settings_round_trip_and_override(store: Store) -> None:
    save_settings(
        store,
        PrinterSettings(
            uri="tcp://10.0.0.9",
            profile="TM-T88V",
            width_mm=58,
            footer="Merci !",
            open_drawer_on_cash=False,
        ),
    )
    settings = load_settings(store)
    assert (settings.uri, settings.profile, settings.width_mm, settings.footer) == (
        "tcp://10.0.0.9",
        "TM-T88V",
        58,
        "Merci !",
    )
    assert not settings.open_drawer_on_cash
    assert load_settings(store, "file:///dev/usb/lp0").uri == "file:///dev/usb/lp0"


@pytest.mark.parametrize(
    ("uri", "scheme", "detail"),
    [
        ("tcp://printer.local", "tcp", ("printer.local", 9100)),
        ("usb://04b8:0e28", "usb", (0x04B8, 0x0E28)),
        ("serial:///dev/ttyUSB0?baudrate=9600", "serial", ("/dev/ttyUSB0", 9600)),
        ("file:///dev/usb/lp0", "file", ("/dev/usb/lp0",)),
        ("cups://Kitchen_Printer", "cups", ("Kitchen_Printer",)),
    ],
)
def test_printer_uris(uri: str, scheme: str, detail: tuple[object, ...]) -> None:
    address = parse_uri(uri)
    assert address.scheme == scheme
    values = {
        "tcp": (address.host, address.port),
        "usb": (address.vendor, address.product),
        "serial": (address.path, address.baudrate),
        "file": (address.path,),
        "cups": (address.queue,),
    }[scheme]
    assert values == detail


@pytest.mark.parametrize("uri", ["", "http://x", "usb://nothex", "tcp://", "cups://"])
def test_bad_uris_say_why(uri: str) -> None:
    with pytest.raises(PrinterConfigError) as error:
        parse_uri(uri)
    assert error.value.message.endswith(".")


def test_cli_print_test(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "lp0"
    args = build_parser().parse_args(
        ["print-test", "--printer", f"file://{target}", "--width", "58", "--profile", "TM-T20II"]
    )
    assert run_command(args) == 0
    assert "32 columns" in capsys.readouterr().out
    data = target.read_bytes()
    assert b"\x1d(k" in data and b"\x1dV" in data  # native QR and a cut
    args = build_parser().parse_args(["print-test", "--printer", f"tcp://127.0.0.1:{free_port()}"])
    assert run_command(args) == 1
    assert "Nothing was printed" in capsys.readouterr().err


def test_enqueue_wakes_the_worker_at_once(store: Store, collected: str, paper: Path) -> None:
    service = PrintService(store.reader(), printer_uri=f"file://{paper}")
    loop = PrintLoop(service, poll=30.0)  # polling alone would take 30 s
    thread = threading.Thread(target=loop.run)
    thread.start()
    try:
        assert wait_until(lambda: loop._job_added in PrintJobs.listeners, 5)
        job_id = PrintService(store).enqueue_receipt(collected)
        assert wait_until(lambda: PrintJobs(store).get(job_id).status == "done", 5)  # type: ignore[union-attr]
    finally:
        loop.stop()
        thread.join(5)
    assert loop._job_added not in PrintJobs.listeners


def test_test_job_prints_the_sample(store: Store, paper: Path) -> None:
    service = PrintService(store, printer_uri=f"file://{paper}")
    service.jobs.enqueue("test", "")  # a "test" job some queues still hold (none are added now)
    assert service.process_next().printed  # type: ignore[union-attr]
    data = paper.read_bytes()
    assert b"TEST-000000" in data and "Weißbrot".encode("cp1252") in data


@pytest.mark.parametrize(
    "uri", ["usb://04b8:0e28", "serial:///dev/ttyNOPE0", "file:///nonexistent/dir/lp0"]
)
def test_absent_printers_say_why_and_keep_the_job(store: Store, collected: str, uri: str) -> None:
    service = PrintService(store, printer_uri=uri)
    job_id = service.enqueue_receipt(collected)
    outcome = service.process_next()
    assert outcome is not None and not outcome.printed
    assert outcome.fault in ("unreachable", "config")
    assert messages.word_stored(outcome.error, "en").endswith(".")
    assert service.jobs.get(job_id).status == "queued"  # type: ignore[union-attr]


def test_network_printer_that_never_answers_status(store: Store, collected: str) -> None:
    """A plain TCP sink (like ``nc -l 9100 > capture``): status unknown, the job still prints."""
    import socket
    import time

    received: list[bytes] = []
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def sink() -> None:
        conn, _ = server.accept()
        with conn:
            chunks = []
            while data := conn.recv(65536):
                chunks.append(data)
            received.append(b"".join(chunks))

    thread = threading.Thread(target=sink)
    thread.start()
    try:
        service = PrintService(store, printer_uri=f"tcp://127.0.0.1:{port}")
        job_id = service.enqueue_receipt(collected)
        started = time.monotonic()
        outcome = service.process_next()
        elapsed = time.monotonic() - started
        thread.join(5)
    finally:
        server.close()
    assert outcome is not None and outcome.printed and outcome.after is not None
    assert not outcome.after.known  # unknown, not "fine"
    assert elapsed < 3.0  # one status wait, not one per query
    expected = service.render_job(service.jobs.get(job_id))  # type: ignore[arg-type]
    assert received == [b"\x10\x04\x01\x10\x04\x02\x10\x04\x04" + expected]
