"""The OFN endpoints the till uses (v0 orders, v1 customers), as calls over :class:`Transport`.

Returns decoded JSON as OFN sends it; :mod:`sync.parse` turns it into domain records.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

from sync.errors import BadPayload
from sync.transport import Reply, Transport

PER_PAGE = 100  # pages of 100 (v0 does not cap per_page, but 100 is what OFN's own UI uses)
MAX_PAGES = 10_000  # a server that never stops paginating is a bug, not a hub
# Without q[s] OFN's order index has no ORDER BY: LIMIT/OFFSET over Postgres's heap order,
# where an order edited during a pull moves to the end and the later pages shift, skipping
# an order for good (OFN's ``app/services/search_orders.rb``). Sorting by id keeps the pages
# stable.
STABLE_SORT = "id asc"


@dataclass(frozen=True, slots=True)
class OrderPage:
    orders: list[Any]
    page: int
    pages: int
    results: int
    date: datetime | None


def _num(number: str) -> str:
    return quote(number, safe="")


class OFNClient:
    def __init__(self, transport: Transport) -> None:
        self.t = transport

    @property
    def base_url(self) -> str:
        return self.t.base_url

    def admin_url(self, number: str) -> str:
        return f"{self.t.base_url}/admin/orders/{_num(number)}/edit"

    # probes -------------------------------------------------------------------
    def alive(self) -> Any:
        """``GET /api/v0/status/job_queue`` (no key needed): is this an OFN instance?"""
        return self.t.request("GET", "/api/v0/status/job_queue", auth=False).data

    def my_enterprise_ids(self) -> set[int]:
        """Ids of the enterprises the key's user manages (DFC ``/api/dfc/enterprises``)."""
        data = self.t.get("/api/dfc/enterprises", api="v1").data
        graph: list[Any] = []
        if isinstance(data, dict):
            graph = data.get("@graph") or [data]
        elif isinstance(data, list):
            graph = data
        ids: set[int] = set()
        for node in graph:
            if isinstance(node, dict) and "Enterprise" in str(node.get("@type", "")):
                tail = str(node.get("@id", "")).rstrip("/").rsplit("/", 1)[-1]
                if tail.isdigit():
                    ids.add(int(tail))
        return ids

    # orders -------------------------------------------------------------------
    def order_page(
        self,
        hub_id: int,
        order_cycle_id: int | None,
        page: int,
        *,
        since: str | None = None,
        per_page: int = PER_PAGE,
        shipping_method_id: int | None = None,
        sort: str | None = STABLE_SORT,
    ) -> OrderPage:
        params: dict[str, Any] = {
            "q[distributor_id_eq]": hub_id,
            "q[completed_at_not_null]": 1,
            "page": page,
            "per_page": min(per_page, PER_PAGE),
        }
        if sort:
            params["q[s]"] = sort
        if order_cycle_id is not None:
            params["q[order_cycle_id_eq]"] = order_cycle_id
        if since:
            params["q[updated_at_gt]"] = since
        if shipping_method_id is not None:
            params["shipping_method_id"] = shipping_method_id  # top level, not in q
        reply = self.t.get("/api/v0/orders", params)
        data = reply.data
        if not isinstance(data, dict) or not isinstance(data.get("orders"), list):
            raise BadPayload("ofn.order_list_form")
        pag = data.get("pagination")
        pages, results = 1, len(data["orders"])
        if isinstance(pag, dict):
            pages = _int(pag.get("pages"), 1)
            results = _int(pag.get("results"), results)
        return OrderPage(data["orders"], page, max(pages, 1), results, reply.date)

    def order(self, number: str) -> Any:
        return self.t.get(f"/api/v0/orders/{_num(number)}").data

    def capture(self, number: str) -> Reply:
        return self.t.put(f"/api/v0/orders/{_num(number)}/capture")

    def ship(self, number: str) -> Reply:
        return self.t.put(f"/api/v0/orders/{_num(number)}/ship")

    def set_note(self, number: str, note: str) -> Reply:
        return self.t.put(f"/api/v0/orders/{_num(number)}", {"note": note[:280]})

    # reference data -----------------------------------------------------------
    def shop(self, enterprise_id: int) -> Any:
        """The public shopfront record (no key: it is public, and an answer to it must not
        count as the key having worked)."""
        return self.t.request("GET", f"/api/v0/shops/{int(enterprise_id)}", auth=False).data

    def customers(self, hub_id: int, *, since: str | None = None) -> Iterator[Any]:
        """Every customer record of the hub, page by page, following ``links.next``."""
        params: dict[str, Any] | None = {"enterprise_id": hub_id, "per_page": PER_PAGE}
        if since and params is not None:
            params["q[updated_at_gt]"] = since
        path = "/api/v1/customers"
        visited: set[str] = set()
        seen_ids: set[object] = set()
        for _ in range(MAX_PAGES):
            data = self.t.get(path, params, api="v1").data
            if not isinstance(data, dict) or not isinstance(data.get("data"), list):
                raise BadPayload("ofn.customer_list_form")
            ids = {item.get("id") for item in data["data"] if isinstance(item, dict)}
            if ids and ids <= seen_ids:
                raise BadPayload("ofn.customer_list_repeats")
            seen_ids |= ids
            yield from data["data"]
            links = data.get("links")
            nxt = links.get("next") if isinstance(links, dict) else None
            if not nxt or not data["data"]:
                return
            path, params = self._same_site(str(nxt)), None
            if path in visited:
                raise BadPayload("ofn.customer_list_loops")
            visited.add(path)
        raise BadPayload("ofn.customer_list_endless")

    def _same_site(self, link: str) -> str:
        """A link OFN gave us, as a path on our instance (the key never goes elsewhere)."""
        if link.startswith("/"):
            return link
        ours, theirs = urlsplit(self.t.base_url), urlsplit(link)
        if (theirs.scheme, theirs.netloc) != (ours.scheme, ours.netloc):
            raise BadPayload("ofn.customer_list_elsewhere")
        path = theirs.path + (f"?{theirs.query}" if theirs.query else "")
        prefix = ours.path
        return path[len(prefix) :] if prefix and path.startswith(prefix) else path


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
