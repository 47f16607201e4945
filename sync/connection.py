"""Connection settings and "Test connection": which of five answers it is, in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pos import messages
from pos.domain import settings as s
from pos.errors import KnownError
from pos.store import Store
from sync.errors import ApiError, KeyRejected, NoAccess, NotOFN, SyncError, Unreachable

if TYPE_CHECKING:  # requests loads only when a connection is made (not at the app's start)
    from sync.client import OFNClient
    from sync.transport import RetryPolicy

UNREACHABLE, NOT_OFN, KEY_REJECTED, NO_ACCESS, OK = (
    "unreachable", "not_ofn", "key_rejected", "no_access", "ok",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Settings:
    url: str
    hub_id: int | None
    order_cycle_id: int | None
    pickup_point_id: int | None

    @classmethod
    def load(cls, store: Store) -> Settings:
        get = store.settings.get
        return cls(get(s.OFN_URL), get(s.HUB_ID), get(s.ORDER_CYCLE_ID), get(s.TILL_PICKUP_POINT))

    def save(self, store: Store) -> None:
        with store.transaction():
            store.settings.set(s.OFN_URL, self.url)
            store.settings.set(s.HUB_ID, self.hub_id)
            store.settings.set(s.ORDER_CYCLE_ID, self.order_cycle_id)
            store.settings.set(s.TILL_PICKUP_POINT, self.pickup_point_id)


@dataclass(frozen=True, slots=True)
class Check:
    state: str  # unreachable | not_ofn | key_rejected | no_access | ok
    code: str  # what to say (pos.messages), worded where it is shown
    params: dict[str, Any] = field(default_factory=dict)
    hub_name: str = ""

    @property
    def ok(self) -> bool:
        return self.state == OK

    @property
    def message(self) -> str:
        """In English (logs, the command line words it itself)."""
        return messages.word(self.code, self.params, messages.SOURCE)

    def worded(self, language: str) -> str:
        return messages.word(self.code, self.params, language)

    @classmethod
    def failed(cls, state: str, error: KnownError) -> Check:
        return cls(state, error.code, dict(error.params))


def quick_policy() -> RetryPolicy:
    """For a person waiting on a button: few retries, short timeouts."""
    from sync.transport import RetryPolicy

    return RetryPolicy(attempts=2, exception_attempts=1, base_delay=0.2, connect_timeout=5,
                       read_timeout=15, total_timeout=20)  # fmt: skip


def check_connection(url: str, key: str, hub_id: int | None) -> Check:
    from sync.client import OFNClient
    from sync.transport import Transport

    try:
        transport = Transport(url, key, policy=quick_policy())
    except KnownError as exc:
        return Check.failed(NOT_OFN, exc)
    client = OFNClient(transport)
    try:
        return _check(client, hub_id)
    finally:
        transport.close()


def _check(client: OFNClient, hub_id: int | None) -> Check:
    host = client.t.host
    try:
        alive = client.alive()
        if not isinstance(alive, dict) or "alive" not in alive:
            return Check(NOT_OFN, "sync.check_not_ofn", {"host": host})
    except Unreachable as exc:
        return Check.failed(UNREACHABLE, exc)
    except NotOFN as exc:
        return Check.failed(NOT_OFN, exc)
    except ApiError:
        return Check(NOT_OFN, "sync.check_no_api", {"host": host})
    try:
        if hub_id is None:
            client.order_page(0, None, 1, per_page=1)  # any authenticated call
            return Check(OK, "sync.check_connected", {"host": host})
        try:
            managed = client.my_enterprise_ids()
        except (ApiError, NotOFN):
            managed = None  # an instance without DFC: fall back to the order list
        if managed is not None and hub_id not in managed:
            return Check(NO_ACCESS, "sync.check_not_manager", {"hub": hub_id, "host": host})
        page = client.order_page(hub_id, None, 1, per_page=1)
        if managed is None and page.results == 0:
            return Check(NO_ACCESS, "sync.check_no_orders", {"hub": hub_id})
        name = ""
        try:
            shop = client.shop(hub_id)
            name = str(shop.get("name", "")) if isinstance(shop, dict) else ""
        except (ApiError, NotOFN):
            pass
        if name:
            return Check(OK, "sync.check_hub_named", {"name": name, "host": host}, name)
        return Check(OK, "sync.check_hub", {"hub": hub_id, "host": host}, name)
    except NoAccess as exc:  # the key was accepted, then refused for this hub
        return Check.failed(NO_ACCESS, exc)
    except KeyRejected as exc:
        return Check.failed(KEY_REJECTED, exc)
    except Unreachable as exc:
        return Check.failed(UNREACHABLE, exc)
    except NotOFN as exc:
        return Check.failed(NOT_OFN, exc)
    except SyncError as exc:
        return Check.failed(NOT_OFN, exc)
