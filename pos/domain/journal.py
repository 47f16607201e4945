"""The shared journal's format: one event per file, checksummed and signed with the hub key.

No I/O and no SQL here: what a journal file holds, how it is sealed and checked, and the
values the journal service reports. The format and the merge rules are in docs/journal.md.

A file is ``<folder>/<till_uid>/<seq:010d>.json``::

    {"format": "foodhub-journal/1", "hub": 7, "till": "<till_uid>", "label": "T1", "seq": 12,
     "kind": "checkout", "at": "2026-12-02T10:00:00.000000Z", "event": {...},
     "sha256": "<hex of the canonical body>", "mac": "<HMAC-SHA256(key, canonical body)>"}

The canonical body is everything but ``sha256`` and ``mac``, dumped with sorted keys, no
spaces, UTF-8. The key is PBKDF2-HMAC-SHA256 of the hub passphrase (``JOURNAL_KEY``), salted
with the hub id, so a file of another hub, or signed with another passphrase, never verifies.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pos.domain.checkout import Checkout, CheckoutLine, Payment

FORMAT = "foodhub-journal/1"

CHECKOUT = "checkout"  # a collection or a walk-in sale, with its lines and payments
REVERSAL = "reversal"  # the negating checkout of an undo (or staff accepting OFN's version)
TILL_OPEN = "till_open"
CASH_MOVE = "cash_move"
TILL_CLOSE = "till_close"  # with the counts
NO_SHOW = "no_show"  # marked, or cleared ("cleared": true)
STAFF_DONE = "staff_done"  # a staff to-do or a conflict decided
KINDS = (CHECKOUT, REVERSAL, TILL_OPEN, CASH_MOVE, TILL_CLOSE, NO_SHOW, STAFF_DONE)

#: the staff action a merge adds when two tills handed the same order over
DOUBLE_HANDOVER = "double_handover"

_ITERATIONS = 200_000
_NAME = re.compile(r"^(\d{10})\.json$")
_UID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,63}$")
_PASSPHRASE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed


#: why a file (not an event in it) is kept aside: see :func:`read`
FILE_REASONS = frozenset({
    "journal.file_incomplete", "journal.file_corrupt", "journal.other_hub", "journal.wrong_key",
    "journal.file_misplaced", "journal.format_unknown", "journal.file_unreadable",
})  # fmt: skip


class Rejected(Exception):
    """A journal file that cannot be merged; ``code`` is its pos.messages code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def file_name(seq: int) -> str:
    return f"{seq:010d}.json"


def seq_of(name: str) -> int | None:
    """The sequence number a file name says, or None for anything else (temporary files)."""
    match = _NAME.match(name)
    return int(match.group(1)) if match else None


def is_till_folder(name: str) -> bool:
    return bool(_UID.match(name))


def normalise_passphrase(passphrase: str) -> str:
    """What the key is made from: spaces, dashes and case do not matter when typing it."""
    text = unicodedata.normalize("NFC", passphrase)
    return "".join(ch for ch in text if not ch.isspace() and ch != "-").casefold()


def new_passphrase() -> str:
    """A random hub passphrase, six groups of four (about 150 bits), e.g. ``K7QD-...``."""
    groups = ("".join(secrets.choice(_PASSPHRASE_ALPHABET) for _ in range(4)) for _ in range(6))
    return "-".join(groups)


@lru_cache(maxsize=8)
def derive_key(passphrase: str, hub_id: int | str) -> bytes:
    """The hub key: PBKDF2-HMAC-SHA256 of the passphrase, salted with the hub id."""
    return hashlib.pbkdf2_hmac(
        "sha256",
        normalise_passphrase(passphrase).encode(),
        f"{FORMAT}:hub:{hub_id}".encode(),
        _ITERATIONS,
    )


def canonical(doc: dict[str, Any]) -> bytes:
    body = {k: v for k, v in doc.items() if k not in ("sha256", "mac")}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def seal(
    key: bytes,
    *,
    hub: int | str,
    till: str,
    label: str,
    seq: int,
    kind: str,
    at: str,
    event: dict[str, Any],
) -> bytes:
    """The bytes of one journal file."""
    doc: dict[str, Any] = {
        "format": FORMAT, "hub": hub, "till": till, "label": label, "seq": seq,
        "kind": kind, "at": at, "event": event,
    }  # fmt: skip
    body = canonical(doc)
    doc["sha256"] = hashlib.sha256(body).hexdigest()
    doc["mac"] = hmac.new(key, body, hashlib.sha256).hexdigest()
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=0).encode()


@dataclass(frozen=True, slots=True)
class JournalEvent:
    """One verified event of a till's journal."""

    till: str
    label: str
    seq: int
    kind: str
    at: str
    event: dict[str, Any]


def read(raw: bytes, key: bytes, *, hub: int | str, till: str, seq: int) -> JournalEvent:
    """Check one file's bytes (found as ``<till>/<seq>.json``); raise :class:`Rejected`.

    Unreadable JSON (a half-copied or truncated file) is ``journal.file_incomplete``; a
    checksum that does not match is ``journal.file_corrupt``; a file of another hub is
    ``journal.other_hub``; a MAC that does not match (another passphrase, or a file changed
    and re-summed by hand) is ``journal.wrong_key``; a file whose till or number is not
    where it lies is ``journal.file_misplaced``.
    """
    try:
        doc = json.loads(raw.decode())
    except (UnicodeDecodeError, ValueError) as exc:
        raise Rejected("journal.file_incomplete") from exc
    if not isinstance(doc, dict):
        raise Rejected("journal.file_corrupt")
    if doc.get("format") != FORMAT:
        raise Rejected("journal.format_unknown")
    body = canonical(doc)
    if not hmac.compare_digest(str(doc.get("sha256", "")), hashlib.sha256(body).hexdigest()):
        raise Rejected("journal.file_corrupt")
    if str(doc.get("hub")) != str(hub):
        raise Rejected("journal.other_hub")
    if not hmac.compare_digest(
        str(doc.get("mac", "")), hmac.new(key, body, hashlib.sha256).hexdigest()
    ):
        raise Rejected("journal.wrong_key")
    kind, event, at = doc.get("kind"), doc.get("event"), doc.get("at")
    if doc.get("till") != till or doc.get("seq") != seq:
        raise Rejected("journal.file_misplaced")
    if kind not in KINDS or not isinstance(event, dict) or not isinstance(at, str):
        raise Rejected("journal.format_unknown")
    return JournalEvent(till, str(doc.get("label", "")), seq, kind, at, event)


# Event bodies ---------------------------------------------------------------------------------
# Ids, order ids and numbers, amounts, methods, volunteers' names and times. Never a customer's
# name, phone, e-mail or address, and never free text typed about an order (a checkout's note,
# a no-show's reason): the privacy purge erases those here, and a journal file outlives it.
def checkout_event(c: Checkout, order_number: str | None) -> dict[str, Any]:
    return {
        "id": c.id, "receipt_no": c.receipt_no, "kind": c.kind, "till_label": c.till_id,
        "volunteer": c.volunteer, "created_at": c.created_at, "currency": c.currency,
        "order_id": c.order_id, "order_number": order_number, "reverses_id": c.reverses_id,
        "session_id": c.session_id, "pickup_point_id": c.pickup_point_id,
        "goods_total": c.goods_total, "fees_total": c.fees_total,
        "credit_amount": c.credit_amount, "amount_due": c.amount_due,
        "amount_paid": c.amount_paid, "change_given": c.change_given,
        "left_owing": c.left_owing, "has_note": bool(c.note),
        "lines": [
            {"product_name": li.product_name, "variant_name": li.variant_name,
             "quantity_ordered": li.quantity_ordered, "quantity": li.quantity,
             "unit_price": li.unit_price, "amount": li.amount, "status": li.status,
             "line_item_id": li.line_item_id, "variant_id": li.variant_id,
             "producer_id": li.producer_id,
             "final_weight": None if li.final_weight is None else str(li.final_weight)}
            for li in c.lines
        ],
        "payments": [
            {"id": p.id, "method": p.method, "amount": p.amount, "tendered": p.tendered,
             "change": p.change, "reference": p.reference, "created_at": p.created_at}
            for p in c.payments
        ],
    }  # fmt: skip


def checkout_of(event: dict[str, Any]) -> Checkout:
    """The checkout a ``checkout`` or ``reversal`` event describes (KeyError/TypeError/
    ValueError on a body that is not one)."""
    e = event
    lines = tuple(
        CheckoutLine(
            product_name=str(li["product_name"]), variant_name=str(li["variant_name"]),
            quantity_ordered=int(li["quantity_ordered"]), quantity=int(li["quantity"]),
            unit_price=int(li["unit_price"]), amount=int(li["amount"]), status=str(li["status"]),
            line_item_id=_opt_int(li.get("line_item_id")),
            variant_id=_opt_int(li.get("variant_id")),
            producer_id=_opt_int(li.get("producer_id")),
            final_weight=None if li.get("final_weight") is None else Decimal(li["final_weight"]),
        )
        for li in e["lines"]
    )  # fmt: skip
    payments = tuple(
        Payment(
            str(p["id"]), str(p["method"]), int(p["amount"]), int(p["tendered"]),
            int(p["change"]), str(p.get("reference") or ""), str(p.get("created_at") or ""),
        )
        for p in e["payments"]
    )  # fmt: skip
    kind = str(e["kind"])
    if kind not in ("collection", "walk_in", "reversal"):
        raise ValueError(kind)
    return Checkout(
        id=str(e["id"]), receipt_no=str(e["receipt_no"]), kind=kind,
        till_id=str(e["till_label"]), volunteer=str(e["volunteer"]),
        created_at=str(e["created_at"]), currency=str(e["currency"]),
        order_id=_opt_int(e.get("order_id")), reverses_id=_opt_str(e.get("reverses_id")),
        session_id=_opt_str(e.get("session_id")),
        pickup_point_id=_opt_int(e.get("pickup_point_id")),
        goods_total=int(e["goods_total"]), fees_total=int(e["fees_total"]),
        credit_amount=int(e["credit_amount"]), amount_due=int(e["amount_due"]),
        amount_paid=int(e["amount_paid"]), change_given=int(e["change_given"]),
        left_owing=int(e["left_owing"]), lines=lines, payments=payments,
    )  # fmt: skip


def _opt_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(value)
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


# What the service reports ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TillSeen:
    """A till whose journal this database has read (or this till itself)."""

    till_uid: str
    label: str
    last_seq: int
    last_event_at: str | None  # UTC of its latest event
    last_seen_at: str | None  # UTC, when a file of it was last read here
    this_till: bool = False


@dataclass(frozen=True, slots=True)
class HeldFile:
    """A file or event kept aside: ``reason_code`` is a pos.messages code."""

    name: str
    till_uid: str | None
    seq: int | None
    reason_code: str
    first_seen_at: str
    reported: bool


@dataclass(frozen=True, slots=True)
class MergeReport:
    merged: int = 0  # events applied now
    held: int = 0  # events kept aside now (their order is not here yet)
    rejected: int = 0  # files newly refused (wrong key, corrupt, other hub)
    conflicts: int = 0  # double hand-overs found now


@dataclass(frozen=True, slots=True)
class JournalStatus:
    reachable: bool  # the folder is there and writable
    unwritten: int  # local events whose file is not written yet
    last_written_at: str | None
    last_merged_at: str | None
    tills: list[TillSeen] = field(default_factory=list)
    held: list[HeldFile] = field(default_factory=list)
    #: why the last write or merge failed (pos.messages code), None when it worked
    problem: str | None = None
    enabled: bool = True  # a folder and a hub key are set

    @property
    def waiting(self) -> bool:
        """The journal is behind: events wait for the folder."""
        return self.enabled and (not self.reachable or self.unwritten > 0)
