"""``report`` asks for the hub-staff PIN as the app does: terminal prompt, --pin-file or
FOODHUB_POS_PIN; a wrong PIN is one sentence and a non-zero exit, and is audited."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time

import pytest

from pos.services.roles import StaffRoles
from pos.store import Store
from tests.helpers.cli import ROOT

PIN = "246813"


@pytest.fixture
def pinned_db(demo_db):  # type: ignore[no-untyped-def]
    with Store.open(demo_db) as store:
        StaffRoles(store).set_pin(PIN)
    return demo_db


def _report(db, out, *args: str, pin_env: str | None = None):  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k != "FOODHUB_POS_PIN"}
    if pin_env is not None:
        env["FOODHUB_POS_PIN"] = pin_env
    return subprocess.run(
        [sys.executable, "main.py", "report", "--db", str(db), "--out", str(out), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def _one_sentence(res) -> None:  # type: ignore[no-untyped-def]
    assert res.returncode != 0
    assert res.stderr.startswith("error: ") and res.stderr.count("\n") == 1, res.stderr
    assert "Traceback" not in res.stderr


def test_no_pin_given_is_refused_without_a_terminal(pinned_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    res = _report(pinned_db, tmp_path / "r.csv")
    _one_sentence(res)
    assert "FOODHUB_POS_PIN" in res.stderr and "--pin-file" in res.stderr
    assert not (tmp_path / "r.csv").exists()


def test_wrong_pin_from_the_environment(pinned_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    res = _report(pinned_db, tmp_path / "r.csv", pin_env="111111")
    _one_sentence(res)
    assert "PIN is not right" in res.stderr and not (tmp_path / "r.csv").exists()
    with Store.open(pinned_db) as store:
        assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE action='roles.wrong_pin'") == 1
    res = _report(pinned_db, tmp_path / "r.csv", pin_env=PIN)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "r.csv").exists()


def test_pin_file(pinned_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pin_file = tmp_path / "pin"
    pin_file.write_text(PIN + "\n")
    pin_file.chmod(0o644)
    res = _report(pinned_db, tmp_path / "r.pdf", "--pin-file", str(pin_file))
    _one_sentence(res)
    assert "other users" in res.stderr
    pin_file.chmod(0o600)
    res = _report(pinned_db, tmp_path / "r.pdf", "--pin-file", str(pin_file))
    assert res.returncode == 0, res.stderr
    res = _report(pinned_db, tmp_path / "r2.pdf", "--pin-file", str(tmp_path / "none"))
    _one_sentence(res)


def test_no_pin_set_needs_none(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    res = _report(demo_db, tmp_path / "r.csv")
    assert res.returncode == 0, res.stderr


def test_prompt_on_a_terminal(pinned_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.csv"
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command on a real terminal
        os.chdir(ROOT)
        os.environ.pop("FOODHUB_POS_PIN", None)
        args = ["main.py", "report", "--db", str(pinned_db), "--out", str(out)]
        os.execv(sys.executable, [sys.executable, *args])
    seen = b""
    deadline = time.monotonic() + 60
    while b"PIN:" not in seen and time.monotonic() < deadline:
        seen += os.read(fd, 1024)
    os.write(fd, PIN.encode() + b"\n")
    rest = b""
    try:
        while True:
            chunk = os.read(fd, 1024)
            if not chunk:
                break
            rest += chunk
    except OSError:
        pass
    _, status = os.waitpid(pid, 0)
    assert b"Hub-staff PIN:" in seen
    assert os.waitstatus_to_exitcode(status) == 0, rest
    assert PIN.encode() not in rest  # never echoed
    assert out.exists()
