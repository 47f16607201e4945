"""The ``sync`` command (a real process), Test connection's five answers, and the key store."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from pos.domain.settings import OFN_URL
from pos.store import Store
from sync import credentials
from sync.connection import check_connection
from tests.helpers.cli import sync_cli
from tests.helpers.fixtures import no_keyring
from tests.helpers.sync_tills import collect
from tests.ofn_sim.server import OFNSimulator

__all__ = ["no_keyring"]

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_cli_exit_codes(tmp_path: Path, ofn_sim: OFNSimulator) -> None:
    db = tmp_path / "hub.sqlite"
    flags = ["--server", ofn_sim.url, "--hub", "214", "--order-cycle", "987",
             "--api-key-env", "OFN_TEST_KEY"]  # fmt: skip
    done = sync_cli(db, *flags, key=ofn_sim.key)
    assert done.returncode == 0, done.stderr
    assert "pulled (full) 60 of 60 orders: 60 new" in done.stdout
    assert ofn_sim.key not in done.stdout + done.stderr
    # settings were saved: the next run needs only the key
    again = sync_cli(db, "--api-key-env", "OFN_TEST_KEY", "--pull", key=ofn_sim.key)
    assert again.returncode == 0 and "pulled (incremental)" in again.stdout
    with Store.open(db) as store:
        assert store.settings.get(OFN_URL) == ofn_sim.url
        assert ofn_sim.key not in str(store.query("SELECT * FROM settings"))
        collect(store, ofn_sim.numbers(payment_state="balance_due")[0])  # unpaid handover
    staff = sync_cli(db, "--api-key-env", "OFN_TEST_KEY", "--push", key=ofn_sim.key)
    assert staff.returncode == 3, staff.stderr
    assert "1 needs staff" in staff.stdout
    old_key = ofn_sim.key
    ofn_sim.revoke_key()
    rejected = sync_cli(db, "--api-key-env", "OFN_TEST_KEY", key=old_key)
    assert rejected.returncode == 1
    assert rejected.stderr.startswith("error: ") and "rejected the API key" in rejected.stderr
    assert rejected.stderr.count("\n") == 1 and "Traceback" not in rejected.stderr
    assert old_key not in rejected.stdout + rejected.stderr  # OFN echoed it; we never do
    from pos import paths

    log = paths.log_file().read_text(encoding="utf-8")
    assert "sync" in log and old_key not in log and ofn_sim.key not in log


def test_cli_failures_are_one_sentence(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    port = _free_port()
    down = sync_cli(db, "--server", f"http://127.0.0.1:{port}", "--hub", "1",
                    "--api-key-env", "OFN_TEST_KEY", key="k" * 48)  # fmt: skip
    assert down.returncode == 1 and "Cannot reach 127.0.0.1" in down.stderr
    no_env = sync_cli(db, "--server", f"http://127.0.0.1:{port}", "--hub", "1",
                      "--api-key-env", "NOT_SET_ANYWHERE")  # fmt: skip
    assert no_env.returncode == 1 and "NOT_SET_ANYWHERE is not set" in no_env.stderr
    plain = sync_cli(db, "--server", "http://example.org", "--hub", "1",
                     "--api-key-env", "OFN_TEST_KEY", key="k" * 48)  # fmt: skip
    assert plain.returncode == 1 and "plain http" in plain.stderr
    no_key = sync_cli(db, "--server", f"http://127.0.0.1:{port}", "--hub", "1")
    assert no_key.returncode == 1 and "No API key is saved" in no_key.stderr


def test_cli_refuses_the_demo_database(demo_db: Path, ofn_sim: OFNSimulator) -> None:
    result = sync_cli(demo_db, "--server", ofn_sim.url, "--hub", "214",
                      "--api-key-env", "OFN_TEST_KEY", key=ofn_sim.key)  # fmt: skip
    assert result.returncode == 1 and "demo hub" in result.stderr


def test_connection_says_which_problem_it_is(ofn_sim: OFNSimulator) -> None:
    ok = check_connection(ofn_sim.url, ofn_sim.key, 214)
    assert ok.state == "ok" and ofn_sim.snap.hub.name in ok.message
    assert check_connection(ofn_sim.url, ofn_sim.key, 999).state == "no_access"
    bad = check_connection(ofn_sim.url, "f" * 48, 214)
    assert bad.state == "key_rejected" and "f" * 48 not in bad.message
    assert check_connection(f"http://127.0.0.1:{_free_port()}", ofn_sim.key, 214).state == (
        "unreachable"
    )
    assert check_connection("http://openfoodnetwork.org.uk", ofn_sim.key, 214).state == "not_ofn"
    ofn_sim.captive_portal = True
    portal = check_connection(ofn_sim.url, ofn_sim.key, 214)
    assert portal.state == "not_ofn" and "Wi-Fi" in portal.message


def test_key_file_is_private_and_per_instance() -> None:
    where = credentials.save_key("https://a.example", "a" * 48)
    credentials.save_key("https://b.example", "b" * 48)
    assert where == str(credentials.key_file())
    mode = stat.S_IMODE(credentials.key_file().stat().st_mode)
    assert mode == 0o600
    assert credentials.load_key("https://a.example") == "a" * 48
    assert credentials.load_key("https://b.example") == "b" * 48
    os.chmod(credentials.key_file(), 0o644)
    assert credentials.load_key("https://a.example") == "a" * 48
    assert stat.S_IMODE(credentials.key_file().stat().st_mode) == 0o600
    credentials.delete_key("https://a.example")
    assert credentials.load_key("https://a.example") is None
    with pytest.raises(Exception, match="does not look like"):
        credentials.save_key("https://a.example", "short key")
