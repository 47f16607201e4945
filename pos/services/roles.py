"""Volunteers and hub staff: a staff PIN, stored only as a slow salted hash, unlocks the
actions that move money outside a sale (undo, cash in/out, closing with a difference
over the limit, settings).

When no PIN is configured every action is open: a small hub with one person at the till
should not be locked out of its own till.

Guessing at the till is slowed down: after :data:`FREE_TRIES` wrong PINs in a row each
further try must wait longer (2, 4, 8 ... seconds, at most :data:`MAX_DELAY`), and every
:data:`LOCK_AFTER` wrong PINs lock the gate for :data:`LOCK_MINUTES` minutes (doubling each
time), with a ``roles.pin_locked`` audit entry staff see in the audit log. The count lives in
the database, so closing the app does not reset it. The service never sleeps: it refuses
with the time left (:class:`PinThrottled`) and the screen counts down on a timer.

Tampering: a PIN removed or changed with another program (the settings row edited with
``sqlite3``) is detected by a keyed MAC of the PIN record kept *outside* the database, in a
private file of the user's config folder (:class:`PinGuard`). The file holds a random key
and, per database, HMAC-SHA256(key, path + PIN hash): never the hash itself, so an
encrypted database does not leak its PIN hash through it. A mismatch is audited once
(``roles.pin_tampered``), shown to staff, and closes every gated action until hub staff set
a new PIN in the app (which the current PIN record, no longer trusted, cannot block).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pos import paths
from pos.domain import settings as s
from pos.errors import KnownError
from pos.store import Store

FREE_TRIES = 3
MAX_DELAY = 300  # seconds between tries, outside a lockout
LOCK_AFTER = 10  # wrong PINs in a row
LOCK_MINUTES = 15  # first lockout; doubles with each one after, up to a day
GUARD_FILE = "staff-pin-guard.json"
# scrypt cost: ~16 MiB and tens of milliseconds per try, so guessing a 4-6 digit PIN from
# a stolen database takes hours rather than seconds.
_N, _R, _P = 2**14, 8, 1
MIN_LENGTH, MAX_LENGTH = 4, 12


class PinRequired(KnownError):
    """The action needs the hub-staff PIN."""

    def __init__(self, action: str) -> None:
        super().__init__("roles.pin_required")
        self.action = action


class WrongPin(KnownError):
    def __init__(self) -> None:
        super().__init__("roles.pin_wrong")


class PinThrottled(KnownError):
    """Too many wrong PINs: no PIN is checked before ``seconds`` have passed."""

    def __init__(self, seconds: int, *, locked: bool) -> None:
        if locked:
            super().__init__("roles.pin_locked", minutes=max(1, math.ceil(seconds / 60)))
        else:
            super().__init__("roles.pin_throttled", seconds=seconds)
        self.seconds = seconds
        self.locked = locked


class PinTampered(KnownError):
    """The PIN record was changed outside the app: gated actions wait for a new PIN."""

    def __init__(self) -> None:
        super().__init__("roles.pin_tampered")


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong PINs in a row (0: try at once)."""
    if failures < FREE_TRIES:
        return 0
    return min(2 ** (failures - FREE_TRIES + 1), MAX_DELAY)


def lock_minutes(failures: int) -> int:
    """Lockout length when ``failures`` reaches a multiple of :data:`LOCK_AFTER`, else 0."""
    if failures == 0 or failures % LOCK_AFTER:
        return 0
    return int(min(LOCK_MINUTES * 2 ** (failures // LOCK_AFTER - 1), 24 * 60))


class PinGuard:
    """The MAC of each database's PIN record, in a private file outside the database."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / GUARD_FILE

    def _load(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, data: dict[str, object]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)  # fmt: skip
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, self.path)

    def _key(self, data: dict[str, object]) -> bytes:
        key = data.get("key")
        if isinstance(key, str):
            try:
                return base64.b64decode(key)
            except ValueError:
                pass
        fresh = os.urandom(32)
        data["key"] = _b64(fresh)
        return fresh

    @staticmethod
    def _mac(key: bytes, db: str, record: str) -> str:
        return hmac.new(key, f"{db}\0{record}".encode(), hashlib.sha256).hexdigest()

    def seal(self, db: Path, record: str) -> None:
        """Remember ``record`` (the stored PIN hash, "" for none) as the app wrote it."""
        data = self._load()
        key = self._key(data)
        macs = data.get("databases")
        macs = macs if isinstance(macs, dict) else {}
        macs[str(db)] = self._mac(key, str(db), record)
        data["databases"] = macs
        self._save(data)

    def check(self, db: Path, record: str) -> bool | None:
        """True: as the app wrote it; False: changed outside; None: never sealed here."""
        data = self._load()
        macs = data.get("databases")
        key = data.get("key")
        if not isinstance(macs, dict) or str(db) not in macs or not isinstance(key, str):
            return None
        want = self._mac(base64.b64decode(key), str(db), record)
        return hmac.compare_digest(str(macs[str(db)]), want)


@dataclass(frozen=True)
class Attempts:
    failures: int = 0
    last: datetime | None = None
    locked_until: datetime | None = None


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (base64): what the settings store instead of the PIN."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """Check ``pin`` against a stored hash (scrypt, or pbkdf2_sha256$iterations$salt$hash)."""
    try:
        parts = stored.split("$")
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
            salt, want = base64.b64decode(parts[4]), base64.b64decode(parts[5])
            got = hashlib.scrypt(
                pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(want), maxmem=2**26
            )
        elif parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            salt, want = base64.b64decode(parts[2]), base64.b64decode(parts[3])
            got = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, int(parts[1]))
        else:
            return False
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


def check_pin_format(pin: str) -> None:
    if not (pin.isdigit() and MIN_LENGTH <= len(pin) <= MAX_LENGTH):
        raise KnownError("roles.pin_length", min=MIN_LENGTH, max=MAX_LENGTH)


class StaffRoles:
    def __init__(
        self,
        store: Store,
        till_id: str | None = None,
        *,
        clock: Callable[[], datetime] = _utc_now,
        guard: PinGuard | None = None,
    ) -> None:
        self.store = store
        self.till_id = till_id or store.settings.get(s.TILL_LABEL)
        self.clock = clock
        self.guard = guard or PinGuard()

    def _record(self) -> str:
        return self.store.settings.get(s.STAFF_PIN_HASH) or ""

    @property
    def tampered(self) -> bool:
        """The PIN record differs from what this app last wrote (another program edited it)."""
        record = self._record()
        state = self.guard.check(self.store.path, record)
        if state is None and record:
            self.guard.seal(self.store.path, record)  # a PIN set before the guard existed
        return state is False

    @property
    def pin_configured(self) -> bool:
        return bool(self._record()) or self.tampered

    def check_tampering(self) -> bool:
        """At start: audit (once per tampered record) and tell whether staff must be told."""
        if not self.tampered:
            return False
        record = self._record()
        seen = hashlib.sha256(record.encode()).hexdigest()[:16]
        if self.store.settings.get(s.STAFF_PIN_TAMPER_SEEN) != seen:
            with self.store.transaction():
                self.store.settings.set(s.STAFF_PIN_TAMPER_SEEN, seen)
                self.store.audit(
                    "roles.pin_tampered",
                    role="system",
                    till_id=self.till_id,
                    details={"pin_record": "removed" if not record else "changed"},
                )
        return True

    def verify(self, pin: str | None) -> bool:
        stored = self.store.settings.get(s.STAFF_PIN_HASH)
        if not stored:
            return True
        return bool(pin) and verify_pin(str(pin), str(stored))

    # throttling ---------------------------------------------------------------
    def attempts(self) -> Attempts:
        raw = self.store.settings.get(s.STAFF_PIN_ATTEMPTS)

        def when(key: str) -> datetime | None:
            try:
                return datetime.fromisoformat(str(raw[key])) if raw.get(key) else None
            except ValueError:
                return None

        failures = raw.get("failures", 0)
        return Attempts(failures if isinstance(failures, int) else 0, when("last"),
                        when("locked_until"))  # fmt: skip

    def wait_seconds(self) -> tuple[int, bool]:
        """Seconds before the next PIN may be tried, and whether that is a lockout."""
        a = self.attempts()
        now = self.clock()
        if a.locked_until is not None and now < a.locked_until:
            return math.ceil((a.locked_until - now).total_seconds()), True
        delay = delay_after(a.failures)
        if delay and a.last is not None:
            if a.last > now:  # the clock was set back: the wait starts again from now
                with self.store.transaction():
                    self.store.settings.set(s.STAFF_PIN_ATTEMPTS, {
                        "failures": a.failures, "last": now.isoformat(),
                        "locked_until": a.locked_until.isoformat() if a.locked_until else None,
                    })  # fmt: skip
                return delay, False
            ready = a.last + timedelta(seconds=delay)
            if now < ready:
                return math.ceil((ready - now).total_seconds()), False
        return 0, False

    def _failed(self, action: str) -> None:
        a = self.attempts()
        now = self.clock()
        failures = a.failures + 1
        minutes = lock_minutes(failures)
        until = now + timedelta(minutes=minutes) if minutes else a.locked_until
        with self.store.transaction():
            self.store.settings.set(s.STAFF_PIN_ATTEMPTS, {
                "failures": failures, "last": now.isoformat(),
                "locked_until": until.isoformat() if until else None,
            })  # fmt: skip
            self.store.audit(
                "roles.wrong_pin", entity="action", entity_id=action, till_id=self.till_id,
                details={"failures": failures},
            )  # fmt: skip
            if minutes:
                self.store.audit(
                    "roles.pin_locked", entity="action", entity_id=action,
                    till_id=self.till_id, role="system",
                    details={"failures": failures, "minutes": minutes,
                             "until": until.isoformat() if until else ""},
                )  # fmt: skip

    def _succeeded(self) -> None:
        if self.attempts().failures:
            with self.store.transaction():
                self.store.settings.set(s.STAFF_PIN_ATTEMPTS, {})

    def require(self, action: str, pin: str | None) -> str:
        """The role acting ("staff" or "volunteer" when no PIN is set), or raise."""
        if self.tampered:
            raise PinTampered()
        if not self.pin_configured:
            return "volunteer"
        if not pin:
            raise PinRequired(action)
        wait, locked = self.wait_seconds()
        if wait:
            raise PinThrottled(wait, locked=locked)
        if not self.verify(pin):
            self._failed(action)
            raise WrongPin()
        self._succeeded()
        return "staff"

    def set_pin(self, new_pin: str | None, *, current_pin: str | None = None) -> None:
        """Set, change (current PIN needed) or remove (``new_pin`` None) the staff PIN.

        After tampering the current record is not trusted, so no current PIN is asked.
        """
        tampered = self.tampered
        if not tampered:
            self.require("settings.pin", current_pin)
        if new_pin is not None:
            check_pin_format(new_pin)
        record = hash_pin(new_pin) if new_pin else None
        with self.store.transaction():
            self.store.settings.set(s.STAFF_PIN_HASH, record)
            self.store.settings.set(s.STAFF_PIN_ATTEMPTS, {})
            self.store.audit(
                "roles.pin_set" if new_pin else "roles.pin_removed",
                role="staff",
                till_id=self.till_id,
                details={"after_tampering": True} if tampered else None,
            )
        self.guard.seal(self.store.path, record or "")
