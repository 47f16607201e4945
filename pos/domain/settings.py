"""Every setting, declared once: its stored key, type, default and scope.

This table is the only place a setting's key or default is written. Read and write one through
the store's accessor, never by key::

    from pos.domain import settings as s
    label = store.settings.get(s.TILL_LABEL)          # typed: str
    store.settings.set(s.CSV_BOM, True)               # one transaction
    with store.transaction():                         # several, with their audit row
        store.settings.set(s.SYNC_ON_START, False)
        store.audit(...)

Adding a setting is one line here, e.g. ``RETENTION_DAYS = whole("retention_days", 90, HUB,
"days before …")``. Values are stored as JSON in the ``settings`` table of the hub database
(one hub per file) under the key given; a stored value that is missing, ``null`` or unreadable
reads as the default, so old databases keep working. The few settings needed before a
database is open (which database, the text size) are declared here too, with
``where=CONFIG_FILE``, and live in the device's ``config.json``: read and write those through
:func:`pos.config.get` and :func:`pos.config.put`.

Scope says whose choice a setting is. ``DEVICE``: this till's own (its label, its pickup point,
its printer, the list filter); it is never shared with other tills. ``HUB``: the hub's choice
(payment methods, limits, privacy), the same for every till of the hub.

Till identity: ``TILL_UID`` is a random UUID generated once per database by the migration that
added it (``V4_TILL_UID`` in ``pos/store/schema.py``), stored with every till session and
checkout (``till_uid`` columns) next to the short label. The label (``TILL_LABEL``, "T1") is
what people read (receipts, receipt numbers) and may be changed in Hub settings; the UUID is
never shown and never changes, so two laptops both labelled "T1" stay apart: anything that
brings several tills' rows together (the shared journal) keys on ``till_uid``, not on the
label. Session numbers and receipt numbers are unique per till (``UNIQUE (till_uid, number)``,
``UNIQUE (till_uid, receipt_no)``, since ``V9_JOURNAL``); rows merged from another till keep
their own uid (the trigger fills only rows written without one) and ``checkouts.merged = 1``.
A copy of the database file (a backup restored on a new laptop)
is the same till; a new till starts from a new database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pos.domain.payment_methods import PaymentMethods

T = TypeVar("T")
Scope = Literal["device", "hub"]
DEVICE: Scope = "device"
HUB: Scope = "hub"
Where = Literal["database", "config file"]
DATABASE: Where = "database"
CONFIG_FILE: Where = "config file"

ALL_PICKUP_POINTS = 0  # ORDER_LIST_PICKUP_POINT when the volunteer chose "All pickup points"


@dataclass(frozen=True, eq=False)
class Setting(Generic[T]):
    """One declared setting. ``parse`` turns the stored JSON into the value (raising
    ``ValueError``/``TypeError`` on something unreadable); ``dump`` does the reverse."""

    key: str
    default: T
    scope: Scope
    doc: str
    parse: Callable[[Any], T]
    dump: Callable[[T], Any] = field(default=lambda value: value)
    where: Where = DATABASE

    def read(self, stored: Any) -> T:
        """The value from the stored JSON (``None`` = never set)."""
        if stored is None:
            return self.default
        try:
            return self.parse(stored)
        except (TypeError, ValueError):
            return self.default

    def __repr__(self) -> str:
        return f"Setting({self.key!r})"


ALL: dict[str, Setting[Any]] = {}


def declare(setting: Setting[T]) -> Setting[T]:
    if setting.key in ALL:
        raise ValueError(f"setting {setting.key!r} declared twice")
    ALL[setting.key] = setting
    return setting


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise TypeError(value)
    return int(value)


def _id(value: Any) -> int | None:
    """An OFN id: a whole number stored as such (not a flag, not text)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(value)
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise TypeError(value)
    return str(value)


def _optional_text(value: Any) -> str | None:
    return _text(value) or None


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(value)
    return value


def text(key: str, default: str, scope: Scope, doc: str) -> Setting[str]:
    return declare(Setting(key, default, scope, doc, _text))


def optional_text(key: str, scope: Scope, doc: str) -> Setting[str | None]:
    return declare(Setting[str | None](key, None, scope, doc, _optional_text))


def flag(key: str, default: bool, scope: Scope, doc: str) -> Setting[bool]:
    return declare(Setting(key, default, scope, doc, bool))


def whole(key: str, default: int, scope: Scope, doc: str) -> Setting[int]:
    return declare(Setting(key, default, scope, doc, _int))


def optional_whole(key: str, scope: Scope, doc: str) -> Setting[int | None]:
    return declare(Setting[int | None](key, None, scope, doc, _int))


def ofn_id(key: str, scope: Scope, doc: str) -> Setting[int | None]:
    return declare(Setting[int | None](key, None, scope, doc, _id))


def mapping(key: str, scope: Scope, doc: str) -> Setting[dict[str, Any]]:
    return declare(Setting[dict[str, Any]](key, {}, scope, doc, _dict))


# --- this device, before any database is open (config.json) ---------------------------------
DB_PATH = declare(
    Setting("db_path", "", DEVICE, "the database this till opens", _text, where=CONFIG_FILE)
)
TEXT_SIZE = declare(
    Setting("text_size", "normal", DEVICE, "small, normal, large, larger", _text, where=CONFIG_FILE)
)

# --- this till ----------------------------------------------------------------------------
TILL_LABEL = text("till_id", "T1", DEVICE, "short label on receipts and receipt numbers")
TILL_UID = text("till_uid", "", DEVICE, "stable unique id, generated once, never shown")
TILL_PICKUP_POINT = ofn_id("pickup_point_id", DEVICE, "where this till stands (Hub settings, sync)")
ORDER_LIST_PICKUP_POINT = ofn_id(
    "order_list_pickup_point", DEVICE, "the order list's filter; None: the till's own point"
)
SHIFT_VOLUNTEER = declare(
    Setting[dict[str, Any] | None](
        "shift_volunteer", None, DEVICE, "who works the open till: {name, at}", _dict
    )
)
LANGUAGE = text("language", "", DEVICE, "screens and paper: en, fr; empty: follow the system")
FIRST_RUN_OFFERED = flag("first_run_offered", False, DEVICE, "the demo's first-run offer shown")
SYNC_ON_START = flag("sync_on_start", True, DEVICE, "sync with OFN when the app starts")
SYNC_INTERVAL_MINUTES = whole("sync_interval_minutes", 5, DEVICE, "minutes between syncs")
LISTS_PAPER = text("lists_paper", "a4", DEVICE, "paper for packing lists: a4 or letter")
LISTS_FOLDER = text("lists_folder", "", DEVICE, "where lists are saved; empty: data folder")
JOURNAL_FOLDER = text(
    "journal_folder", "", DEVICE, "the shared journal folder (Syncthing, shared drive); empty: none"
)

# --- this till's printer --------------------------------------------------------------------
PRINTER_URI = text("printer_uri", "", DEVICE, "receipt printer; empty: none")
PRINTER_PROFILE = text("printer_profile", "", DEVICE, "ESC/POS profile; empty: the default")
PRINTER_WIDTH = whole("printer_width", 80, DEVICE, "paper width in mm: 58 or 80")
PRINTER_COLUMNS = optional_whole("printer_columns", DEVICE, "characters a line; None: by width")
PRINTER_CODEPAGE = optional_text("printer_codepage", DEVICE, "code page; None: automatic")
OPEN_DRAWER_ON_CASH = flag("open_drawer_on_cash", True, DEVICE, "kick the drawer on cash")
RECEIPT_FOOTER = text("receipt_footer", "", HUB, "printed at the foot of every receipt")

# --- the hub's choices ------------------------------------------------------------------------
PAYMENT_METHODS = declare(
    Setting(
        "payment_methods",
        PaymentMethods.defaults(),
        HUB,
        "methods offered and their labels",
        PaymentMethods.from_json,
        PaymentMethods.to_json,
    )
)
CLOSE_DIFFERENCE_LIMIT = whole(
    "close_difference_limit", 500, HUB, "minor units a till may close off by, unchallenged"
)
BAG_CAPACITY = whole("bag_capacity", 12, HUB, "items a bag holds before a second bag")
SHARE_NAMES_WITH_PRODUCERS = flag(
    "share_customer_names_with_producers", False, HUB, "customer names on producers' lists"
)
CSV_BOM = flag("csv_bom", False, HUB, "CSV exports start with a BOM (for Excel)")
ORDER_NOTES = flag("order_notes", False, HUB, "push writes a note on each order in OFN")
STAFF_PIN_HASH = optional_text("staff_pin_hash", HUB, "hash of the staff PIN; None: no PIN")
STAFF_PIN_ATTEMPTS = mapping(
    "staff_pin_attempts", DEVICE, "wrong PINs in a row: {failures, last, locked_until}"
)
STAFF_PIN_TAMPER_SEEN = text(
    "staff_pin_tamper_seen", "", DEVICE, "the PIN record last reported as changed outside"
)
KEEP_CUSTOMER_DAYS = whole(
    "keep_customer_days", 28, HUB, "days customer details stay after a cycle, then purged"
)
DEMO = flag("demo", False, HUB, "this database is the demo hub")

# --- the database on this computer: encryption and backups ----------------------------------
ENCRYPT_DATABASE = flag(
    "encrypt_database", True, HUB, "encrypt a real hub's database where a keyring exists"
)
RECOVERY_CODE_KEPT = flag(
    "recovery_code_kept", False, HUB, "hub staff confirmed they keep the recovery code"
)
ENCRYPTION_UNAVAILABLE_TOLD = flag(
    "encryption_unavailable_told", False, DEVICE, "staff were told this computer has no keyring"
)
BACKUP_KEEP = whole("backup_keep", 10, HUB, "automatic backups kept beside the database")

# --- OFN connection and push rules --------------------------------------------------------
OFN_URL = text("ofn_url", "", HUB, "the OFN instance")
HUB_ID = ofn_id("hub_id", HUB, "the hub's OFN enterprise id")
ORDER_CYCLE_ID = ofn_id("order_cycle_id", HUB, "the order cycle pulled; None: the latest")
CURRENCY = optional_text("currency", HUB, "ISO code overriding the hub's; None: OFN's")
OFN_PAYMENT_METHODS = mapping(
    "ofn_payment_methods", HUB, "{OFN method name: till method code} paid at pickup"
)
DELIVERY_ROUND_PLANS = mapping(
    "delivery_round_plans", HUB, "{delivery method id: {drivers: postcode prefixes, saved order}}"
)
JOURNAL_KEY = text(
    "journal_key", "", HUB, "hub passphrase signing the tills' journal files; empty: off"
)
OFN_MARK_SHIPPED = flag("ofn_mark_shipped", True, HUB, "push ships collected orders in OFN")
