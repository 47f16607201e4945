"""Volunteers and hub staff: a staff PIN, stored only as a slow salted hash, unlocks the
actions that move money outside a sale (undo, cash in/out, closing with a difference
over the limit, settings).

When no PIN is configured every action is open: a small hub with one person at the till
should not be locked out of its own till.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from pos.domain import settings as s
from pos.errors import KnownError
from pos.store import Store

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
    def __init__(self, store: Store, till_id: str | None = None) -> None:
        self.store = store
        self.till_id = till_id or store.settings.get(s.TILL_LABEL)

    @property
    def pin_configured(self) -> bool:
        return bool(self.store.settings.get(s.STAFF_PIN_HASH))

    def verify(self, pin: str | None) -> bool:
        stored = self.store.settings.get(s.STAFF_PIN_HASH)
        if not stored:
            return True
        return bool(pin) and verify_pin(str(pin), str(stored))

    def require(self, action: str, pin: str | None) -> str:
        """The role acting ("staff" or "volunteer" when no PIN is set), or raise."""
        if not self.pin_configured:
            return "volunteer"
        if not pin:
            raise PinRequired(action)
        if not self.verify(pin):
            with self.store.transaction():
                self.store.audit(
                    "roles.wrong_pin", entity="action", entity_id=action, till_id=self.till_id
                )
            raise WrongPin()
        return "staff"

    def set_pin(self, new_pin: str | None, *, current_pin: str | None = None) -> None:
        """Set, change (current PIN needed) or remove (``new_pin`` None) the staff PIN."""
        self.require("settings.pin", current_pin)
        if new_pin is not None:
            check_pin_format(new_pin)
        with self.store.transaction():
            self.store.settings.set(s.STAFF_PIN_HASH, hash_pin(new_pin) if new_pin else None)
            self.store.audit(
                "roles.pin_set" if new_pin else "roles.pin_removed",
                role="staff",
                till_id=self.till_id,
            )
