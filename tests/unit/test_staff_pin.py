"""The staff PIN: a growing delay and lockouts after wrong PINs (kept across restarts and
audited), and a PIN record changed outside the app detected and closed off."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from pos.domain import settings as s
from pos.services import roles as r
from pos.services.roles import PinTampered, PinThrottled, StaffRoles, WrongPin
from pos.store import Store

PIN = "482913"


class Clock:
    """The test's own time, moved on explicitly (the service reads it, never sleeps)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _audits(store: Store, action: str) -> int:
    return int(store.scalar("SELECT COUNT(*) FROM audit_log WHERE action = ?", (action,)))


def test_sixty_wrong_pins_slow_down_then_lock(store: Store) -> None:
    clock = Clock()
    roles = StaffRoles(store, clock=clock)
    roles.set_pin(PIN)
    waits: list[int] = []
    locks: list[int] = []
    checked = 0
    while checked < 60:
        try:
            roles.require("reconcile.open", "000000")
        except WrongPin:
            checked += 1
            continue
        except PinThrottled as exc:
            # while waiting even the right PIN is refused, and nothing is counted
            with pytest.raises(PinThrottled):
                StaffRoles(store, clock=clock).require("reconcile.open", PIN)
            (locks if exc.locked else waits).append(exc.seconds)
            clock.advance(exc.seconds)
    assert checked == 60 and _audits(store, "roles.wrong_pin") == 60
    assert roles.attempts().failures == 60
    # the first tries are free, then each wait is at least as long as the one before
    assert waits[0] == r.delay_after(r.FREE_TRIES) and max(waits) == r.MAX_DELAY
    assert len(locks) == 6 - 1  # a lockout every 10 (the last one is still running)
    assert locks == sorted(locks) and locks[0] == r.LOCK_MINUTES * 60
    assert _audits(store, "roles.pin_locked") == 6
    locked = store.query(
        "SELECT details FROM audit_log WHERE action = 'roles.pin_locked' ORDER BY id"
    )
    assert '"failures": 60' in locked[-1][0]
    wait, is_lock = roles.wait_seconds()
    assert is_lock and wait > 60 * 60
    clock.advance(wait)
    assert roles.require("reconcile.open", PIN) == "staff"  # the right PIN, once allowed
    assert roles.attempts().failures == 0


def test_the_count_survives_a_restart(demo_db) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    with Store.open(demo_db) as store:
        StaffRoles(store, clock=clock).set_pin(PIN)
        for _ in range(r.FREE_TRIES):
            with pytest.raises(WrongPin):
                StaffRoles(store, clock=clock).require("till.cash_move", "1111")
    with Store.open(demo_db) as store:
        with pytest.raises(PinThrottled) as exc:
            StaffRoles(store, clock=clock).require("till.cash_move", PIN)
    assert exc.value.seconds == r.delay_after(r.FREE_TRIES)
    assert "try again in" in exc.value.message


def test_a_clock_set_back_does_not_shorten_the_wait(store: Store) -> None:
    clock = Clock()
    roles = StaffRoles(store, clock=clock)
    roles.set_pin(PIN)
    for _ in range(r.FREE_TRIES):
        with pytest.raises(WrongPin):
            roles.require("x", "1111")
    clock.advance(-3600)
    assert roles.wait_seconds()[0] > 0


def _edit_outside(path, value: str | None) -> None:  # type: ignore[no-untyped-def]
    """Another program (sqlite3) edits the settings row while the app is not looking."""
    conn = sqlite3.connect(path)
    if value is None:
        conn.execute("DELETE FROM settings WHERE key = 'staff_pin_hash'")
    else:
        conn.execute("UPDATE settings SET value = ? WHERE key = 'staff_pin_hash'", (value,))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("how", ["removed", "changed"])
def test_a_pin_edited_outside_the_app_is_detected(demo_db, how: str) -> None:  # type: ignore[no-untyped-def]
    with Store.open(demo_db) as store:
        roles = StaffRoles(store)
        roles.set_pin(PIN)
        assert not roles.tampered and not roles.check_tampering()
    import json

    _edit_outside(demo_db, None if how == "removed" else json.dumps(r.hash_pin("0000")))
    with Store.open(demo_db) as store:
        roles = StaffRoles(store)
        assert roles.tampered and roles.pin_configured  # gated actions stay gated
        assert roles.check_tampering() and roles.check_tampering()
        assert _audits(store, "roles.pin_tampered") == 1  # audited once, shown every time
        details = store.scalar("SELECT details FROM audit_log WHERE action='roles.pin_tampered'")
        assert how in str(details)
        for pin in (None, "0000", PIN):  # not even the planted PIN opens anything
            with pytest.raises(PinTampered):
                roles.require("checkout.reverse", pin)
        roles.set_pin("97531")  # staff set a new one: no current PIN is trusted to ask for
        assert not roles.tampered
        assert roles.require("checkout.reverse", "97531") == "staff"


def test_the_guard_file_is_private_and_holds_no_hash(store: Store) -> None:
    roles = StaffRoles(store)
    roles.set_pin(PIN)
    path = roles.guard.path
    assert path.stat().st_mode & 0o777 == 0o600
    stored = str(store.settings.get(s.STAFF_PIN_HASH))
    text = path.read_text()
    assert stored.split("$")[-1] not in text and stored.split("$")[-2] not in text


def test_a_pin_set_before_the_guard_existed_is_adopted(store: Store) -> None:
    store.settings.set(s.STAFF_PIN_HASH, r.hash_pin(PIN))  # as older versions stored it
    roles = StaffRoles(store)
    assert not roles.tampered and roles.require("x", PIN) == "staff"
    assert roles.guard.check(store.path, str(store.settings.get(s.STAFF_PIN_HASH))) is True
