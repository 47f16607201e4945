"""Connection settings and "Test connection": which of five answers it is, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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
    message: str
    hub_name: str = ""

    @property
    def ok(self) -> bool:
        return self.state == OK


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
        return Check(NOT_OFN, exc.message)
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
            return Check(NOT_OFN, f"{host} answered, but not like Open Food Network does.")
    except Unreachable as exc:
        return Check(UNREACHABLE, exc.message)
    except NotOFN as exc:
        return Check(NOT_OFN, exc.message)
    except ApiError:
        return Check(NOT_OFN, f"{host} does not offer the Open Food Network API.")
    try:
        if hub_id is None:
            client.order_page(0, None, 1, per_page=1)  # any authenticated call
            return Check(OK, f"Connected to {host}. Now enter the hub (enterprise) id.")
        try:
            managed = client.my_enterprise_ids()
        except (ApiError, NotOFN):
            managed = None  # an instance without DFC: fall back to the order list
        if managed is not None and hub_id not in managed:
            return Check(
                NO_ACCESS,
                f"The key works, but its user does not manage hub {hub_id} on {host}."
                " Ask the hub to give that user access.",
            )
        page = client.order_page(hub_id, None, 1, per_page=1)
        if managed is None and page.results == 0:
            return Check(
                NO_ACCESS,
                f"The key works, but no orders of hub {hub_id} are visible: check the hub id"
                " and that the user manages it.",
            )
        name = ""
        try:
            shop = client.shop(hub_id)
            name = str(shop.get("name", "")) if isinstance(shop, dict) else ""
        except (ApiError, NotOFN):
            pass
        return Check(OK, f"Connected: {name or f'hub {hub_id}'} on {host}.", name)
    except NoAccess as exc:  # the key was accepted, then refused for this hub
        return Check(NO_ACCESS, exc.message)
    except KeyRejected as exc:
        return Check(KEY_REJECTED, exc.message)
    except Unreachable as exc:
        return Check(UNREACHABLE, exc.message)
    except NotOFN as exc:
        return Check(NOT_OFN, exc.message)
    except SyncError as exc:
        return Check(NOT_OFN, exc.message)
