"""The print worker's own connection refuses writes: it says why, keeps going, prints once."""

from __future__ import annotations

import threading
from pathlib import Path

from pos.messages import word_stored
from pos.services.print_loop import PrintLoop, wait_until
from pos.services.printing import PrintService
from pos.store import Store
from tests.helpers import checkout_rows


def test_print_loop_on_a_read_only_connection(store: Store, tmp_path: Path) -> None:
    session = checkout_rows.open_session(store)
    checkout = checkout_rows.collect(
        store, checkout_rows.order_with_items(store), session_id=session
    )
    paper = tmp_path / "paper.bin"
    reader = store.reader()
    reader.db.conn.execute("PRAGMA query_only = ON")  # e.g. the file turned read-only
    service = PrintService(reader, printer_uri=f"file://{paper}")
    states = []
    loop = PrintLoop(service, poll=0.05, report=lambda state, outcome: states.append(state))
    loop.backoff = (0.05,)
    thread = threading.Thread(target=loop.run)
    thread.start()
    try:
        job = PrintService(store).enqueue_receipt(checkout)
        loop.wake()
        assert wait_until(
            lambda: any("Cannot write" in word_stored(s.problem, "en") for s in states), 10
        )
        assert thread.is_alive()  # the worker did not die
        assert not paper.exists() or paper.read_bytes().count(b"\x1dV") == 0
        reader.db.conn.execute("PRAGMA query_only = OFF")  # space or permission back
        loop.wake()
        assert wait_until(lambda: PrintService(store).jobs.get(job).status == "done", 10)  # type: ignore[union-attr]
    finally:
        loop.stop()
        thread.join(5)
        reader.close()
    assert paper.read_bytes().count(b"\x1dV") == 1  # printed exactly once
