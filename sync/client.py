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

PER_PAGE = 100  # OFN caps pages at 100 (pagy limit_max)
MAX_PAGES = 10_000  # a server that never stops paginating is a bug, not a hub


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
    ) -> OrderPage:
        params: dict[str, Any] = {
            "q[distributor_id_eq]": hub_id,
            "q[completed_at_not_null]": 1,
            "page": page,
            "per_page": min(per_page, PER_PAGE),
        }
        if order_cycle_id is not None:
            params["q[order_cycle_id_eq]"] = order_cycle_id
        if since:
            params["q[updated_at_gt]"] = since
        reply = self.t.get("/api/v0/orders", params)
        data = reply.data
        if not isinstance(data, dict) or not isinstance(data.get("orders"), list):
            raise BadPayload("OFN's order list is not in the expected form.")
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
    def shop(self, hub_id: int) -> Any:
        return self.t.get(f"/api/v0/shops/{int(hub_id)}").data

    def customers(self, hub_id: int, *, since: str | None = None) -> Iterator[Any]:
        """Every customer record of the hub, page by page, following ``links.next``."""
        params: dict[str, Any] | None = {"enterprise_id": hub_id, "per_page": PER_PAGE}
        if since and params is not None:
            params["q[updated_at_gt]"] = since
        path = "/api/v1/customers"
        for _ in range(MAX_PAGES):
            data = self.t.get(path, params, api="v1").data
            if not isinstance(data, dict) or not isinstance(data.get("data"), list):
                raise BadPayload("OFN's customer list is not in the expected form.")
            yield from data["data"]
            links = data.get("links")
            nxt = links.get("next") if isinstance(links, dict) else None
            if not nxt or not data["data"]:
                return
            path, params = self._same_site(str(nxt)), None
        raise BadPayload("OFN's customer list never ends.")

    def _same_site(self, link: str) -> str:
        """A link OFN gave us, as a path on our instance (the key never goes elsewhere)."""
        if link.startswith("/"):
            return link
        ours, theirs = urlsplit(self.t.base_url), urlsplit(link)
        if (theirs.scheme, theirs.netloc) != (ours.scheme, ours.netloc):
            raise BadPayload("OFN's customer list points to another site; not following it.")
        path = theirs.path + (f"?{theirs.query}" if theirs.query else "")
        prefix = ours.path
        return path[len(prefix) :] if prefix and path.startswith(prefix) else path


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
