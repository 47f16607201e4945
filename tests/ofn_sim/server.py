"""An OFN API simulator over real HTTP on 127.0.0.1, quirks and faults included.

Implements what the till uses, as OFN's API behaves (its docs and live instances):
- ``GET /api/v0/orders`` (ransack filters, pagination only when ``page``/``per_page`` given,
  capped at 100, carts unless ``q[completed_at_not_null]``, ``q[updated_at_gt]``),
- ``GET /api/v0/orders/{number}`` (detailed), ``PUT .../capture`` (the first pending payment
  in Spree's order, whatever its method: an authorised card before "cash on pickup", see
  :meth:`OFNSimulator.authorise_card`; 422 ``{"error"}`` when there is none), ``PUT .../ship``
  (200 even when nothing shipped), ``PUT /api/v0/orders/{number}`` (note),
- ``GET /api/v1/customers`` (JSON:API, ``links.next``, page size quirk),
- ``GET /api/v0/shops/{id}``, ``GET /api/dfc/enterprises``, ``GET /api/v0/status/job_queue``
  (``jobs_alive``).
Money is decimal strings, ``phone`` is ``"a"`` without a bill address, ``display_total`` is
HTML, ``Date`` comes from the simulator's clock.

Like OFN, the order index has no ORDER BY unless ``q[s]`` is sent: unsorted results come in
"heap order", where an order that is updated moves to the end (Postgres writes a new tuple),
so LIMIT/OFFSET pages shift under an unsorted pull. ``after_page`` lets a test edit orders
between two page requests. ``shipping_method_id`` filters to one pickup point; a v0 request
that runs too long is a 422 ``{"exception"}`` (fault ``timeout``); ``/shops/{id}`` lists only
producers of cycles that are not closed (``closed_producers``) and answers an unknown id with
a 422 ``{"exception"}``; ``completed_at_utc_iso8601`` is ``""`` for a cart.

Faults (scripted with :meth:`OFNSimulator.fail` or random with :meth:`chaos`): ``500``,
``504`` (empty body), ``422`` (``{"exception"}``), ``reset_before`` (connection reset before
the server acts), ``reset_after`` (the server commits, then resets), plus ``latency``,
``revoke_key()`` and ``captive_portal``. It counts captures and ships per order, and any
capture or ship call that found nothing to do.
"""

from __future__ import annotations

import copy
import io
import json
import random
import re
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from pos.domain.models import Snapshot
from pos.services.demo import generate, ofn_order_json

FAULTS = ("500", "504", "422", "reset_before", "reset_after")
TIMEOUT = "timeout"  # rack-timeout in v0: 422 {"exception": "Request ran for longer than …"}
REFUSE = "refuse"  # 422 {"error"}: OFN declines (e.g. "Payment could not be processed")
PENDING = ("pending", "requires_authorization", "processing", "checkout")  # Spree's capture order
DETAIL_ONLY = (
    "customer_id", "shipping_method", "ship_address", "bill_address", "line_items",
    "payments", "adjustments",
)  # fmt: skip
NOT_FOUND = {"error": "The resource you were looking for could not be found."}
NOT_AUTHORIZED = {"error": "You are not authorized to perform that action."}


@dataclass
class ScriptedFault:
    kind: str
    method: str | None
    path: str | None
    times: int


@dataclass
class Chaos:
    rate: float
    kinds: tuple[str, ...]
    methods: tuple[str, ...] | None
    rng: random.Random = field(default_factory=random.Random)


def _money(value: Decimal) -> str:
    text = str(value.normalize()) if value else "0.0"
    return text if "." in text or "E" in text else text + ".0"


def _dec(text: Any) -> Decimal:
    return Decimal(str(text))


class OFNSimulator:
    """Holds the instance's state; :meth:`start` serves it on ``127.0.0.1:<free port>``."""

    def __init__(
        self,
        snap: Snapshot | None = None,
        *,
        orders: int = 60,
        seed: int = 1,
        key: str = "0123456789abcdef0123456789abcdef0123456789abcdef",
    ) -> None:
        self.snap = snap or generate(orders, seed)
        self.key = key
        self.lock = threading.RLock()
        self.hub_id = self.snap.hub.id
        self.managed: set[int] = {self.hub_id}
        self.latency = 0.0
        self.captive_portal = False
        self.clock_offset = timedelta(0)
        self.faults: list[ScriptedFault] = []
        self.after_page: Callable[[int], None] | None = None  # called after each list page
        self.closed_producers: set[int] = set()  # supplied only closed cycles: not in /shops
        self.ignore_sort = False  # an older or broken instance that drops q[s]
        # a broken or hostile instance: (path, query, payload) -> the payload actually sent
        self.tamper: Callable[[str, dict[str, list[str]], Any], Any] | None = None
        self._chaos: Chaos | None = None
        self.orders: dict[str, dict[str, Any]] = {}
        self.updated_at: dict[str, datetime] = {}
        self.notes: dict[str, str] = {}
        self.captures: Counter[str] = Counter()
        self.captured_payments: list[tuple[str, str, str]] = []  # (number, method, amount)
        self.jobs_alive = True  # GET /api/v0/status/job_queue; False: OFN's emails are stuck
        self.ships: Counter[str] = Counter()
        self.redundant: Counter[str] = Counter()  # capture/ship calls that found nothing to do
        self.hits: Counter[str] = Counter()  # by route
        self.faults_served: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        self.connections = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        seeded = self.now() - timedelta(hours=1)
        for i, order in enumerate(self.snap.orders):
            data = ofn_order_json(order, self.snap, detailed=True)
            self._decorate(data, i)
            self.orders[order.number] = data
            self.updated_at[order.number] = seeded
        self._created = {number: i for i, number in enumerate(self.orders)}
        # two carts: they must not come back when the client filters completed orders
        for j, number in enumerate(("R000000001", "R000000002")):
            cart = copy.deepcopy(next(iter(self.orders.values())))
            cart.update(id=9_000_000 + j, number=number, state="cart", completed_at=None)
            cart.update(completed_at_utc_iso8601="", payment_state=None, shipment_state=None)
            self.orders[number] = cart
            self.updated_at[number] = seeded
        self.customers = [
            {
                "id": c.id, "enterprise_id": self.hub_id, "first_name": c.first_name,
                "last_name": c.last_name, "code": c.code, "email": c.email,
                "allow_charges": False, "terms_and_conditions_accepted_at": None,
                "tags": list(c.tags),
                "billing_address": {"phone": c.phone, "first_name": c.first_name,
                                    "last_name": c.last_name},
                "shipping_address": None,
            }
            for c in self.snap.customers
        ]  # fmt: skip

    # state helpers --------------------------------------------------------------
    def now(self) -> datetime:
        return datetime.now(UTC) + self.clock_offset

    def _decorate(self, data: dict[str, Any], i: int) -> None:
        """Add the fields real OFN sends that the demo generator leaves out (quirks)."""
        total = data["total"]
        data["display_total"] = (
            "<span style='white-space: nowrap;'><span class=\"money-currency-symbol\">£"
            f'</span><span class="money-whole">{total}</span></span>'
        )
        data["completed_at"] = "November 20, 2026"
        data["created_at"] = "November 19, 2026"
        data["user_id"] = 5000 + i
        data["payments_path"] = f"/admin/orders/{data['number']}/payments"
        data["display_outstanding_balance"] = ""
        data["bill_address"] = {"firstname": data["full_name"], "phone": data["phone"]}
        if i % 10 == 9:  # no bill address: OFN sends the phone as "a"
            data["phone"] = "a"
            data["bill_address"] = None
        self._refresh(data)

    def _refresh(self, data: dict[str, Any]) -> None:
        total, paid = _dec(data["total"]), _dec(data["payment_total"])
        outstanding = total - paid
        data["display_outstanding_balance"] = f"£{outstanding:.2f}" if outstanding else ""
        payments = data.get("payments") or []
        # OFN: total above 0 and a pending payment not awaiting authorisation; no balance or
        # order state check (order_serializer.rb)
        data["ready_to_capture"] = total > 0 and any(
            p["state"] in PENDING and p["state"] != "requires_authorization" for p in payments
        )
        data["ready_to_ship"] = data.get("shipment_state") == "ready"

    def _touch(self, number: str) -> None:
        """``updated_at`` bumped; the row moves to the end of the heap (a new tuple)."""
        self.updated_at[number] = self.now()
        self.orders[number] = self.orders.pop(number)

    def order(self, number: str) -> dict[str, Any]:
        with self.lock:
            return copy.deepcopy(self.orders[number])

    def numbers(self, **where: Any) -> list[str]:
        """Order numbers in creation order (stable, whatever the heap order has become)."""
        with self.lock:
            found = [
                n
                for n, o in self.orders.items()
                if o["state"] != "cart" and all(o.get(k) == v for k, v in where.items())
            ]
            return sorted(found, key=lambda n: self._created.get(n, len(self._created)))

    def edit(self, number: str, **changes: Any) -> None:
        """Change an order as hub staff would in the OFN admin (bumps ``updated_at``)."""
        with self.lock:
            self.orders[number].update(changes)
            self._refresh(self.orders[number])
            self._touch(number)

    def cancel(self, number: str) -> None:
        with self.lock:
            data = self.orders[number]
            data.update(state="canceled", payment_state="void", shipment_state="canceled")
            for p in data.get("payments") or []:
                p["state"] = "void"
            data["payment_total"] = "0.0"
            self._refresh(data)
            self._touch(number)

    def make_delivery(self, numbers: list[str], method_id: int = 70,
                      name: str = "Home delivery, Riverton", *,
                      addresses: bool = False, paid_by: str | None = None) -> None:  # fmt: skip
        """These orders chose a delivery method (``require_ship_address: true``).

        ``addresses``: each gets a ship address as OFN sends it; ``paid_by``: their pending
        payments are of that method (e.g. "Cash on delivery").
        """
        with self.lock:
            for i, number in enumerate(numbers):
                data = self.orders[number]
                data["shipping_method"] = {
                    "id": method_id, "name": name, "description": "Thursday evenings",
                    "require_ship_address": True, "price": "3.5",
                }  # fmt: skip
                if addresses:
                    data["ship_address"] = {
                        "id": 5000 + i, "firstname": "", "lastname": "",
                        "address1": f"{10 + i} Mill Lane", "address2": None,
                        "city": "Riverton", "zipcode": f"RV1 {i % 9 + 1}AB",
                        "phone": f"07700 90{i:04d}", "state_name": None,
                        "country_name": "United Kingdom",
                    }  # fmt: skip
                if paid_by:
                    for p in data.get("payments") or []:
                        if p["state"] in PENDING:
                            p["payment_method"] = paid_by
                self._touch(number)

    def authorise_card(
        self, number: str, method: str = "Card (Stripe)", *, amount: str | None = None,
        state: str = "pending", keep_others: bool = False,
    ) -> None:  # fmt: skip
        """The shopper paid by card online and the gateway authorised it, not yet taken.

        ``state="pending"`` is Spree's state after authorisation; capture charges the card.
        ``keep_others`` keeps the order's other payments (e.g. its "Cash on pickup" one).
        """
        with self.lock:
            data = self.orders[number]
            card = {"amount": amount or data["total"], "payment_method": method,
                    "state": state, "redirect_auth_url": None}  # fmt: skip
            data["payments"] = [*(data.get("payments") or [])] if keep_others else []
            data["payments"].append(card)
            self._refresh(data)
            self._touch(number)

    def set_raw(self, number: str, data: Any) -> None:
        """Replace an order's detail with any payload at all (bytes: sent as they are)."""
        with self.lock:
            self.orders[number] = data
            self._touch(number)

    def revoke_key(self) -> None:
        with self.lock:
            self.key = "revoked-" + self.key

    # faults -------------------------------------------------------------------
    def fail(self, kind: str, *, method: str | None = None, path: str | None = None,
             times: int = 1) -> None:  # fmt: skip
        """The next ``times`` requests matching ``method`` and ``path`` (a substring) fail."""
        assert kind in (*FAULTS, REFUSE, TIMEOUT), kind
        with self.lock:
            self.faults.append(ScriptedFault(kind, method, path, times))

    def chaos(self, rate: float, kinds: tuple[str, ...] = FAULTS, *, seed: int = 0,
              methods: tuple[str, ...] | None = None) -> None:  # fmt: skip
        with self.lock:
            self._chaos = Chaos(rate, kinds, methods, random.Random(seed)) if rate else None

    def _fault_for(self, method: str, path: str) -> str | None:
        with self.lock:
            for f in self.faults:
                if f.times > 0 and f.method in (None, method) and (f.path or "") in path:
                    f.times -= 1
                    if f.times == 0:
                        self.faults.remove(f)
                    return f.kind
            c = self._chaos
            if c and (c.methods is None or method in c.methods) and c.rng.random() < c.rate:
                return c.rng.choice(c.kinds)
        return None

    # serving ------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> OFNSimulator:
        sim = self

        class Handler(_Handler):
            simulator = sim

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="ofn-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> OFNSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # the API ------------------------------------------------------------------
    def handle(
        self, method: str, path: str, query: dict[str, list[str]], form: dict[str, list[str]],
        headers: dict[str, str],
    ) -> tuple[int, Any, str | None]:  # fmt: skip
        """(status, JSON body or None, fault to apply after acting)."""

        def arg(name: str) -> str | None:
            values = query.get(name)
            return values[0] if values else None

        v1 = path.startswith("/api/v1/") or path.startswith("/api/dfc/")
        sent = headers.get("x-api-token" if v1 else "x-spree-token") or arg("token")
        if path == "/api/v0/status/job_queue":
            return 200, {"alive": self.jobs_alive}, None
        m = re.fullmatch(r"/api/v0/shops/(\d+)", path)
        if m and method == "GET":
            return self._shop(int(m.group(1)))
        if sent is None:
            if path == "/api/v1/customers":
                return 200, self._customers_page([], 1, 1, 50, query), None
            return 401, NOT_AUTHORIZED, None
        if sent != self.key:
            # OFN echoes the key it was sent; the client must never show or log it
            if v1:
                return 401, {"errors": [{"detail": f"Invalid API key ({sent}) specified."}]}, None
            return 401, {"error": f"Invalid API key ({sent}) specified."}, None
        if path == "/api/v0/orders" and method == "GET":
            return self._list(query)
        if path == "/api/v1/customers" and method == "GET":
            return self._customers(query)
        if path == "/api/dfc/enterprises" and method == "GET":
            graph = [
                {"@id": f"{self.url}/api/dfc/enterprises/{i}", "@type": "dfc-b:Enterprise",
                 "dfc-b:name": self.snap.hub.name if i == self.hub_id else f"Enterprise {i}"}
                for i in sorted(self.managed)
            ]  # fmt: skip
            return 200, {"@context": "https://www.datafoodconsortium.org", "@graph": graph}, None
        m = re.fullmatch(r"/api/v0/orders/([^/]+)(/capture|/ship)?", path)
        if m:
            number, action = m.group(1), m.group(2)
            data = self.orders.get(number)
            if data is None:
                return 404, NOT_FOUND, None
            if _hub_of(data) is None:  # garbage from set_raw: served as it is
                return 200, data, None
            if _hub_of(data) not in self.managed:
                return 401, NOT_AUTHORIZED, None
            if method == "GET" and action is None:
                return 200, copy.deepcopy(data), None
            if method == "PUT" and action == "/capture":
                return self._capture(number, data)
            if method == "PUT" and action == "/ship":
                return self._ship(number, data)
            if method == "PUT" and action is None:
                self.notes[number] = (form.get("note") or [""])[0]
                return 200, copy.deepcopy(data), None
        return 404, NOT_FOUND, None

    def _concise(self, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return {k: copy.deepcopy(v) for k, v in data.items() if k not in DETAIL_ONLY}

    def _list(self, query: dict[str, list[str]]) -> tuple[int, Any, None]:
        def arg(name: str) -> str | None:
            values = query.get(name)
            return values[0] if values else None

        rows = []
        since = arg("q[updated_at_gt]")
        since_dt = datetime.fromisoformat(since.replace("Z", "+00:00")) if since else None
        for number, data in self.orders.items():
            if _hub_of(data) is None:
                rows.append({"number": number})  # the list is fine, the detail is garbage
                continue
            if _hub_of(data) not in self.managed:
                continue
            hub, oc = arg("q[distributor_id_eq]"), arg("q[order_cycle_id_eq]")
            if hub is not None and str(_hub_of(data)) != hub:
                continue
            cycle = data.get("order_cycle")
            cycle_id = cycle.get("id") if isinstance(cycle, dict) else None
            if oc is not None and str(cycle_id) != oc:
                continue
            if arg("q[completed_at_not_null]") in ("1", "true") and not data.get(
                "completed_at_utc_iso8601"
            ):
                continue
            if since_dt is not None and self.updated_at[number] <= since_dt:
                continue
            method = arg("shipping_method_id")
            if method is not None and str((data.get("shipping_method") or {}).get("id")) != method:
                continue
            rows.append(self._concise(data))
        rows = _sorted(rows, None if self.ignore_sort else arg("q[s]"))
        if arg("page") is None and arg("per_page") is None:
            return 200, {"orders": rows, "pagination": None}, None
        page = int(arg("page") or 1)
        if page < 1:
            return 422, {"exception": f"expected :page >= 1; got {page}"}, None
        requested = int(arg("per_page") or 0)
        per_page = min(requested or 100, 100)
        pages = max(1, -(-len(rows) // per_page))
        chunk = rows[(page - 1) * per_page : page * per_page]
        meta = {"results": len(rows), "pages": pages, "page": page, "per_page": requested}
        return 200, {"orders": chunk, "pagination": meta}, None

    def _customers(self, query: dict[str, list[str]]) -> tuple[int, Any, None]:
        def arg(name: str) -> str | None:
            values = query.get(name)
            return values[0] if values else None

        page = int(arg("page") or 1)
        if page < 1:
            return 422, {"errors": [{"detail": f"expected :page >= 1; got {page}"}]}, None
        ent = arg("enterprise_id")
        rows = [
            c
            for c in self.customers
            if c["enterprise_id"] in self.managed
            and (ent is None or str(c["enterprise_id"]) == ent)
        ]
        requested = int(arg("per_page") or 0)
        per_page = min(requested or 100, 100)  # effective size; meta says 50 or the request
        return 200, self._customers_page(rows, page, per_page, requested or 50, query), None

    def _customers_page(
        self, rows: list[dict[str, Any]], page: int, per_page: int, meta_per_page: int,
        query: dict[str, list[str]],
    ) -> dict[str, Any]:  # fmt: skip
        pages = max(1, -(-len(rows) // per_page))
        chunk = rows[(page - 1) * per_page : page * per_page]

        def link(p: int) -> str:
            q = {k: v[0] for k, v in query.items() if k != "page"}
            q["page"] = str(p)
            return f"{self.url}/api/v1/customers?{urlencode(q)}"

        return {
            "data": [
                {"id": str(c["id"]), "type": "customer", "attributes": copy.deepcopy(c),
                 "relationships": {"enterprise": {"data": {"id": str(c["enterprise_id"]),
                                                           "type": "enterprise"}}}}
                for c in chunk
            ],
            "meta": {"pagination": {"results": len(rows), "pages": pages, "page": page,
                                    "per_page": meta_per_page}},
            "links": {"self": link(page), "first": link(1),
                      "prev": link(page - 1) if page > 1 else None,
                      "next": link(page + 1) if page < pages else None, "last": link(pages)},
        }  # fmt: skip

    def _shop(self, hub_id: int) -> tuple[int, Any, None]:
        producer = next((p for p in self.snap.producers if p.id == hub_id), None)
        if producer is not None:  # a producer's own shopfront (any enterprise has one)
            return 200, {
                "id": producer.id, "name": producer.name, "producers": [], "hubs": [],
                "pickup": False, "delivery": False, "is_primary_producer": True,
            }, None  # fmt: skip
        if hub_id != self.hub_id:  # OFN serialises nil: an exception, not a 404
            return 422, {"exception": "undefined method `name' for nil"}, None
        producers = [
            {"id": p.id, "name": p.name, "active": True, "path": f"/producers/{p.id}",
             "visible": True, "address": {"city": "Riverton"}}
            for p in self.snap.producers
            if p.id not in self.closed_producers
        ]  # fmt: skip
        return 200, {
            "id": hub_id, "name": self.snap.hub.name, "email_address": "gro.elpmaxe@buh",
            "pickup": True, "delivery": False, "producers": producers, "hubs": [],
            "orders_close_at": "2026-11-24T20:00:00Z",
        }, None  # fmt: skip

    def _capture(self, number: str, data: dict[str, Any]) -> tuple[int, Any, None]:
        """``Orders::CaptureService``: the first of ``pending_payments`` (by state, then
        position), whatever its method; a card a gateway authorised is charged."""
        payments = data.get("payments") or []
        pending = [p for state in PENDING for p in payments if p["state"] == state]
        if not pending or _dec(data["total"]) <= 0:
            self.redundant[f"capture:{number}"] += 1
            return (
                422,
                {"error": "Payment could not be processed, please check the details you entered"},
                None,
            )
        payment = pending[0]
        if payment["state"] == "requires_authorization":  # the gateway refuses: 3-D Secure
            return 422, {"exception": "This payment requires the customer's authorisation."}, None
        payment["state"] = "completed"
        self.captured_payments.append((number, payment["payment_method"], payment["amount"]))
        paid = _dec(data["payment_total"]) + _dec(payment["amount"])
        data["payment_total"] = _money(paid)
        total = _dec(data["total"])
        data["payment_state"] = (
            "paid" if paid == total else "credit_owed" if paid > total else "balance_due"
        )
        if data["payment_state"] in ("paid", "credit_owed") and data["shipment_state"] == "pending":
            data["shipment_state"] = "ready"
        self._refresh(data)
        self._touch(number)
        self.captures[number] += 1
        return 200, self._concise(data), None

    def _ship(self, number: str, data: dict[str, Any]) -> tuple[int, Any, None]:
        if data.get("shipment_state") == "ready":
            data["shipment_state"] = "shipped"
            self._refresh(data)
            self._touch(number)
            self.ships[number] += 1
        else:
            self.redundant[f"ship:{number}"] += 1
        return 200, self._concise(data), None  # 200 even when nothing shipped (the quirk)


def _sorted(rows: list[Any], sort: str | None) -> list[Any]:
    """``q[s]`` as ransack reads it ("id asc", "completed_at desc"); without it, heap order."""
    if not sort:
        return rows
    field, _, direction = sort.strip().partition(" ")
    keys = {"id": "id", "number": "number", "completed_at": "completed_at_utc_iso8601"}
    if field not in keys:
        return rows  # ransack ignores an attribute it cannot sort by
    key = keys[field]
    return sorted(rows, key=lambda r: (r.get(key) is None, r.get(key) or 0),
                  reverse=direction.lower() == "desc")  # fmt: skip


def _hub_of(data: Any) -> int | None:
    dist = data.get("distributor") if isinstance(data, dict) else None
    hub = dist.get("id") if isinstance(dist, dict) else None
    return hub if isinstance(hub, int) else None


class _Handler(BaseHTTPRequestHandler):
    simulator: OFNSimulator
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.simulator.lock:
            self.simulator.connections += 1

    def date_time_string(self, timestamp: float | None = None) -> str:
        return format_datetime(self.simulator.now(), usegmt=True)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        sim = self.simulator
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        with sim.lock:
            sim.in_flight += 1
            sim.max_in_flight = max(sim.max_in_flight, sim.in_flight)
        try:
            if sim.latency:
                time.sleep(sim.latency)
            if sim.captive_portal:
                self._send(200, b"<html><body>Please log in to the Wi-Fi</body></html>",
                           "text/html; charset=utf-8")  # fmt: skip
                return
            route = re.sub(r"R\d+", "{number}", parts.path)
            fault = sim._fault_for(method, parts.path)
            with sim.lock:
                sim.hits[f"{method} {route}"] += 1
                if fault:
                    sim.faults_served[fault] += 1
            if fault == REFUSE:
                return self._json(422, {"error": "Payment could not be processed, please check"
                                                 " the details you entered"})  # fmt: skip
            if fault == "reset_before":
                return self._reset()
            if fault == "500":
                return self._json(500, {"error": "Internal Server Error"})
            if fault == "504":
                return self._send(504, b"", "application/json")
            if fault == "422":
                return self._json(
                    422, {"exception": "PG::ConnectionBad: server closed the connection"}
                )
            if fault == TIMEOUT:
                return self._json(422, {"exception": "Request ran for longer than 15000ms "})
            headers = {k.lower(): v for k, v in self.headers.items()}
            form = parse_qs(body.decode("utf-8", "replace")) if body else {}
            with sim.lock:
                try:
                    status, payload, _ = sim.handle(
                        method, parts.path, parse_qs(parts.query), form, headers
                    )
                except Exception as exc:  # OFN's catch-all: any exception is a 422
                    status, payload = 422, {"exception": f"{type(exc).__name__}: {exc}"}
                if sim.tamper is not None:
                    payload = sim.tamper(parts.path, parse_qs(parts.query), payload)
                if parts.path == "/api/v0/orders" and method == "GET" and sim.after_page:
                    # the page is already computed: edits land "between two page requests"
                    page = parse_qs(parts.query).get("page", ["1"])[0]
                    sim.after_page(int(page) if page.isdigit() else 1)
            if fault == "reset_after":
                return self._reset()
            self._json(status, payload)
        finally:
            with sim.lock:
                sim.in_flight -= 1

    def _json(self, status: int, payload: Any) -> None:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self._send(status, body, "application/json; charset=utf-8")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _reset(self) -> None:
        """Drop the connection with a TCP reset and send nothing."""
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass
        self.close_connection = True
        self.wfile = io.BytesIO()
