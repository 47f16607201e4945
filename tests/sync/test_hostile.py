"""Hostile or broken answers are contained: one order or one page is skipped and reported,
the rest of the sync completes, and the till keeps its database and its key secret."""

from __future__ import annotations

import gzip
import json
import logging
import os
import resource
import subprocess
import sys
import threading
import zlib
from pathlib import Path
from typing import Any

import pytest

from pos.domain.settings import CSV_BOM
from pos.store import Store
from pos.store.orders import OrderRepository
from sync.client import OFNClient
from sync.errors import ApiError, Cancelled, KeyRejected, NoAccess, Unreachable, redact
from sync.pull import pull
from sync.transport import RetryPolicy, Transport
from tests.helpers.hostile import answer, head, hostile, timed, trickle
from tests.ofn_sim.fixtures import make_client
from tests.ofn_sim.server import TIMEOUT, OFNSimulator

ROOT = Path(__file__).resolve().parents[2]
KEY = "0123456789abcdef0123456789abcdef0123456789abcdef"


def _client(url: str, **policy: Any) -> OFNClient:
    base = {"attempts": 1, "base_delay": 0.001, "max_delay": 0.01, "read_timeout": 10}
    return OFNClient(Transport(url, KEY, policy=RetryPolicy(**(base | policy))))


def _gzip_bomb(megabytes: int) -> bytes:
    """About ``megabytes`` MiB of JSON-ish zeros, gzipped to about 1/1000 of that."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"0" * (1 << 20)
    parts = [z.compress(b"[")] + [z.compress(block) for _ in range(megabytes)] + [z.flush()]
    return b"".join(parts)


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    bomb = _gzip_bomb(600)  # ~600 KiB on the wire, ~600 MiB inflated
    assert len(bomb) < 1024 * 1024

    def serve(path: str, conn) -> None:  # type: ignore[no-untyped-def]
        answer(conn, bomb, extra="Content-Encoding: gzip\r\n")

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with hostile(serve) as server:
        client = _client(server.url)
        elapsed = timed()
        with pytest.raises(ApiError, match="too large") as caught:
            client.order("R123")
        assert caught.value.kind == "too_large"
        assert elapsed() < 10
        client.t.close()
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mib < 100  # the cap (16 MiB) and a few buffers, never the 600 MiB


def test_a_huge_plain_body_is_refused_on_its_length() -> None:
    def serve(path: str, conn) -> None:  # type: ignore[no-untyped-def]
        conn.sendall(head(length=50 * 1024 * 1024) + b"[" + b"1," * 1000)

    with hostile(serve) as server:
        client = _client(server.url)
        with pytest.raises(ApiError, match="too large"):
            client.order("R123")
        client.t.close()


def test_a_small_gzip_answer_is_read() -> None:
    body = gzip.compress(json.dumps({"alive": True}).encode())

    def serve(path: str, conn) -> None:  # type: ignore[no-untyped-def]
        answer(conn, body, extra="Content-Encoding: gzip\r\n")

    with hostile(serve) as server:
        client = _client(server.url)
        assert client.alive() == {"alive": True}
        client.t.close()


def test_a_server_trickling_bytes_cannot_hold_a_request() -> None:
    stop = threading.Event()
    with hostile(lambda path, conn: trickle(conn, stop, every=0.5)) as server:
        client = _client(server.url, total_timeout=2.0, attempts=5)
        elapsed = timed()
        with pytest.raises(Unreachable, match="no answer in time"):
            client.order("R123")
        assert 1.9 < elapsed() < 4  # cut at the deadline, and not tried four more times
        stop.set()
        client.t.close()


def test_stop_sync_interrupts_a_request_in_flight() -> None:
    stop = threading.Event()
    with hostile(lambda path, conn: trickle(conn, stop, every=0.5)) as server:
        client = _client(server.url)
        threading.Timer(0.5, client.t.cancel.set).start()
        elapsed = timed()
        with pytest.raises(Cancelled):
            client.order("R123")
        assert elapsed() < 1.5  # not the 90 s deadline, not the 10 s read timeout
        stop.set()
        client.t.close()


def test_a_server_that_never_answers_is_cut_at_the_deadline_too() -> None:
    hold = threading.Event()
    with hostile(lambda path, conn: hold.wait(30)) as server:
        client = _client(server.url, total_timeout=1.0, read_timeout=60)
        elapsed = timed()
        with pytest.raises(Unreachable):
            client.order("R123")
        assert elapsed() < 3
        hold.set()
        client.t.close()


def _pull(store: Store, sim: OFNSimulator) -> Any:
    client = make_client(sim)
    try:
        return pull(client, store, hub_id=sim.hub_id, order_cycle_id=987)
    finally:
        client.t.close()


def test_deeply_nested_json_skips_that_order_only(tmp_path: Path) -> None:
    with OFNSimulator(orders=20) as sim:
        deep, nested = sim.numbers()[3], sim.numbers()[4]
        sim.set_raw(deep, b"[" * 200_000 + b"]" * 200_000)
        data = sim.order(nested)
        data["special_instructions"] = json.loads("[" * 900 + "]" * 900)  # under json's limit
        sim.set_raw(nested, json.dumps(data).encode())
        with Store.open(tmp_path / "hub.sqlite") as store:
            report = _pull(store, sim)
            repo = OrderRepository(store)
            assert repo.count() == 18
        skipped = dict(report.skipped)
        assert "deeper" in skipped[deep] and "deeper" in skipped[nested]


def test_a_line_item_of_another_order_is_skipped_and_reported(tmp_path: Path) -> None:
    with OFNSimulator(orders=20) as sim:
        a, b = sim.numbers()[2], sim.numbers()[7]
        with Store.open(tmp_path / "hub.sqlite") as store:
            _pull(store, sim)
            repo = OrderRepository(store)
            before = repo.by_number(a)
            assert before is not None
            lines = sim.order(b)["line_items"]
            stolen = dict(lines[0], id=sim.order(a)["line_items"][0]["id"], quantity=99)
            sim.edit(b, line_items=[stolen, *lines[1:]])
            report = _pull(store, sim)
            assert repo.by_number(a) == before  # a's line was not overwritten
            assert any(n == b and "belongs to another order" in why for n, why in report.skipped)
            # a brand-new order stealing a line is skipped the same way
            c = sim.numbers()[9]
            lines_c = sim.order(c)["line_items"]
            sim.edit(c, line_items=[dict(lines_c[0], id=sim.order(a)["line_items"][0]["id"])])
            report = _pull(store, sim)
            assert repo.by_number(a) == before
            assert any(n == c for n, _ in report.skipped)


def test_pagination_that_repeats_itself_stops_with_a_sentence(tmp_path: Path) -> None:
    with OFNSimulator(orders=230) as sim:

        def loop(path: str, query: dict[str, list[str]], payload: Any) -> Any:
            if path == "/api/v0/orders" and isinstance(payload, dict):
                first = sim.handle("GET", path, dict(query, page=["1"]), {}, {"x-spree-token":
                                   sim.key})[1]  # fmt: skip
                first["pagination"].update(pages=10**9, results=10**9)
                return first
            if path == "/api/v1/customers" and isinstance(payload, dict):
                payload["links"]["next"] = payload["links"]["self"]  # a links.next loop
            return payload

        sim.tamper = loop
        with Store.open(tmp_path / "hub.sqlite") as store:
            report = _pull(store, sim)
            assert OrderRepository(store).count() == 100  # the first page, saved
        reasons = [why for what, why in report.skipped if what in ("order list", "customers")]
        assert any("again (a loop)" in why for why in reasons), report.skipped
        assert any("customer list repeats" in why for why in reasons), report.skipped
        assert sim.hits["GET /api/v0/orders"] == 2
        assert report.watermark is not None  # but not saved: the next pull lists everything


def test_a_v0_timeout_is_retried_then_said_plainly(ofn_sim: OFNSimulator) -> None:
    client = make_client(ofn_sim)
    ofn_sim.fail(TIMEOUT, path="/api/v0/orders/", times=1)
    number = ofn_sim.numbers()[0]
    assert client.order(number)["number"] == number  # retried like any 422 {"exception"}
    ofn_sim.fail(TIMEOUT, path="/api/v0/orders/", times=5)
    with pytest.raises(ApiError, match="took too long") as caught:
        client.order(number)
    assert caught.value.transient
    client.t.close()


def test_the_key_never_reaches_the_log_or_a_message(caplog: pytest.LogCaptureFixture) -> None:
    echoed = {
        "exact": KEY,
        "upper": KEY.upper(),
        "cut": KEY[5:30],
        "mixed": KEY[:20].upper() + KEY[20:40],
    }
    for how, text in echoed.items():
        message = {"exception": f"ActiveRecord: token = '{text}' (exception)"}

        def serve(path: str, conn, message=message) -> None:  # type: ignore[no-untyped-def]
            answer(conn, json.dumps(message).encode(), status=422)

        caplog.clear()
        with caplog.at_level(logging.DEBUG), hostile(serve) as server:
            client = _client(server.url, exception_attempts=2)
            with pytest.raises(ApiError) as caught:
                client.order("R123")
            client.t.close()
        logged = caplog.text + str(caught.value)
        assert "[key hidden]" in str(caught.value), how
        for run in (KEY[i : i + 10] for i in range(len(KEY) - 9)):
            assert run.lower() not in logged.lower(), (how, run)


def test_redact_hides_the_key_in_any_case_and_in_parts() -> None:
    assert KEY[:12] not in redact(f"x {KEY[:12]} y", KEY)
    assert redact(f"({KEY.upper()})", KEY) == "([key hidden])"
    assert redact("order R1234 on 2026-11-20", KEY) == "order R1234 on 2026-11-20"


def test_401_after_the_key_worked_means_no_access(ofn_sim: OFNSimulator) -> None:
    client = make_client(ofn_sim)
    number = ofn_sim.numbers()[0]
    client.order(number)
    ofn_sim.managed.clear()  # the hub removed the user's access
    with pytest.raises(NoAccess, match="no access to this hub"):
        client.order(number)
    client.t.close()
    fresh = make_client(ofn_sim, key="f" * 48)
    with pytest.raises(KeyRejected) as caught:
        fresh.order(number)
    assert not isinstance(caught.value, NoAccess)
    fresh.t.close()


def _sync_cli(db: Path, url: str, *extra: str) -> subprocess.Popen[str]:
    env = dict(
        os.environ,
        OFN_TEST_KEY=KEY,
        FOODHUB_POS_CONFIG_DIR=str(db.parent / "cfg"),
        FOODHUB_POS_LOG_DIR=str(db.parent / "log"),
        FOODHUB_POS_DATA_DIR=str(db.parent),
    )
    return subprocess.Popen(
        [sys.executable, "main.py", "sync", "--db", str(db), "--server", url, "--hub", "214",
         "--api-key-env", "OFN_TEST_KEY", *extra],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_a_hung_scheduled_sync_does_not_lock_the_till_out(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    Store.open(db).close()
    hold = threading.Event()
    with hostile(lambda path, conn: hold.wait(60)) as server:
        hung = _sync_cli(db, server.url)
        try:
            for _ in range(200):
                if server.paths or hung.poll() is not None:
                    break
                threading.Event().wait(0.05)
            assert server.paths, hung.communicate(timeout=5)
            with Store.open(db) as till:  # the till opens its database while the job hangs
                till.settings.set(CSV_BOM, True)  # still works
            second = _sync_cli(db, server.url)
            _, err = second.communicate(timeout=60)
            assert second.returncode == 1
            assert "Another sync" in err and "scheduled sync" in err
            assert "another Food Hub POS window" not in err
        finally:
            hung.kill()  # the process this test started
            hung.communicate(timeout=10)
            hold.set()


def test_any_log_line_with_a_key_in_use_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        transport = Transport("http://127.0.0.1:9", KEY)
        logging.getLogger("pos.somewhere").warning("echoed %s and %s", KEY.upper(), KEY[3:20])
        transport.close()
    assert "echoed [key hidden] and [key hidden]" in caplog.text
    assert KEY[3:20] not in caplog.text


def test_a_broken_list_page_is_skipped_and_the_rest_is_pulled(tmp_path: Path) -> None:
    with OFNSimulator(orders=250) as sim:

        def break_page_2(path: str, query: dict[str, list[str]], payload: Any) -> Any:
            if path == "/api/v0/orders" and query.get("page") == ["2"]:
                return b'{"orders": [{"number": "R1"'  # cut short
            return payload

        sim.tamper = break_page_2
        with Store.open(tmp_path / "hub.sqlite") as store:
            report = _pull(store, sim)
            assert OrderRepository(store).count() == 150  # pages 1 and 3
            assert any(what == "order list page 2" for what, _ in report.skipped)
            sim.tamper = None
            again = _pull(store, sim)
            assert not again.incremental  # the watermark did not move: page 2 asked again
            assert OrderRepository(store).count() == 250
