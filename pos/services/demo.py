"""A deterministic demo hub: realistic orders for trying the till and for benchmarks.

The same ``seed`` and ``orders`` always give the same hub, byte for byte. Names come from
many languages on purpose (accents, ø, ł, ß) because real hubs have them.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from pos.domain import settings as s
from pos.domain.models import (
    Customer,
    Hub,
    LineItem,
    Order,
    OrderCycle,
    OrderPayment,
    PickupPoint,
    Producer,
    Snapshot,
)
from pos.store import Store
from pos.store.orders import OrderRepository

DEMO_HUB_ID = 214
DEMO_CYCLE_ID = 987
CYCLE_CLOSES = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)

FIRST_NAMES = (
    "Zoë", "Chloé", "Agnès", "Hélène", "François", "Jérôme", "Léa", "Noël", "Anaïs", "Benoît",
    "Jürgen", "Jörg", "Käthe", "Björn", "Søren", "Åsa", "Øyvind", "Łukasz", "Małgorzata",
    "Paweł", "Siobhán", "Seán", "Niamh", "José", "Inés", "Begoña", "João", "Conceição",
    "Mereana", "Tāne", "Aroha", "Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack",
    "Emily", "Mohammed", "Fatima", "Priya", "Arjun", "Mei", "Kenji", "Olivia", "Noah",
    "Grace", "Thomas", "Sophie", "Liam", "Ella", "Dylan", "Megan", "Rhys", "Ffion", "Ewan",
    "Mårten", "Ugnė", "Dóra", "Zsófia", "Çağla", "Ömer", "Renée", "Maëlys", "Gaëlle",
)  # fmt: skip
LAST_NAMES = (
    "Müller", "Schröder", "Weiß", "Strauß", "Étang", "Lefèvre", "Gagné", "Côté", "Bélanger",
    "Dubois", "Mercier", "Fontaine", "Østergaard", "Sørensen", "Ångström", "Kowalczyk",
    "Wiśniewski", "Łęcki", "Nowak", "Ó Briain", "Ní Dhomhnaill", "O'Connor", "MacLeòid",
    "García", "Núñez", "Peña", "Gonçalves", "Tawhiri", "Ngāta", "Smith", "Jones", "Williams",
    "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Walker",
    "Wright", "Robinson", "Thompson", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris",
    "Clarke", "Patel", "Khan", "Singh", "Ahmed", "Chen", "Nguyễn", "Tanaka", "Kovačević",
    "Dvořák", "Horváth", "Yılmaz", "Şahin", "Þórsdóttir", "Ferreira", "Rossi", "Bianchi",
)  # fmt: skip

PICKUP_POINTS = (
    PickupPoint(61, "St Mark's Hall", "Saturday 10:00–13:00, side entrance"),
    PickupPoint(62, "Riverside Farm Shed", "Saturday 9:00–12:00, by the big barn"),
    PickupPoint(63, "Zoë's Café, Market Street", "Friday 16:00–19:00"),
)


@dataclass(frozen=True)
class DemoProduct:
    name: str
    variant: str
    price: int  # pence
    unit: str = "items"  # weight | volume | items
    unit_value: str | None = None
    chilled: bool = False


PRODUCERS: tuple[tuple[Producer, tuple[DemoProduct, ...]], ...] = (
    (Producer(57, "Hillside Hens"), (
        DemoProduct("Free-range eggs", "Dozen", 450, "items", "12"),
        DemoProduct("Free-range eggs", "Half dozen", 250, "items", "6"),
    )),
    (Producer(63, "Greenacre Organics"), (
        DemoProduct("Seasonal veg box", "Small", 1200),
        DemoProduct("Seasonal veg box", "Large", 1800),
        DemoProduct("Carrots", "1kg", 180, "weight", "1000"),
        DemoProduct("Kale", "Bunch", 150),
    )),
    (Producer(71, "Abbey Bees"), (
        DemoProduct("Raw honey", "500g", 1330, "weight", "500"),
        DemoProduct("Honeycomb", "250g", 950, "weight", "250"),
    )),
    (Producer(72, "Laiterie du Pré Fleuri"), (
        DemoProduct("Crème fraîche", "250ml", 320, "volume", "250", True),
        DemoProduct("Tomme de Savoie", "per kg", 2400, "weight", "1000", True),
        DemoProduct("Whole milk (raw)", "1L", 180, "volume", "1000", True),
    )),
    (Producer(73, "Moorland Beef Co-op"), (
        DemoProduct("Beef mince", "500g", 650, "weight", "500", True),
        DemoProduct("Braising steak", "per kg", 1800, "weight", "1000", True),
        DemoProduct("Sirloin steak", "per kg", 3600, "weight", "1000", True),
    )),
    (Producer(74, "Bäckerei Brötchen"), (
        DemoProduct("Sourdough loaf", "800g", 420),
        DemoProduct("Rye & caraway loaf", "600g", 390),
        DemoProduct("Croissants", "Pack of 4", 480),
    )),
    (Producer(75, "Orchard Lane Fruit"), (
        DemoProduct("Apples (Cox)", "1kg", 280, "weight", "1000"),
        DemoProduct("Pears (Conference)", "1kg", 300, "weight", "1000"),
        DemoProduct("Apple juice", "75cl", 450, "volume", "750"),
    )),
    (Producer(76, "Ferme de l'Étang"), (
        DemoProduct("Chèvre frais", "150g", 380, "weight", "150", True),
        DemoProduct("Yaourt nature", "500g", 290, "weight", "500", True),
    )),
    (Producer(77, "Søndergaard Mushrooms"), (
        DemoProduct("Oyster mushrooms", "250g", 350, "weight", "250", True),
        DemoProduct("Shiitake", "200g", 400, "weight", "200", True),
    )),
    (Producer(78, "Riverside Flour Mill"), (
        DemoProduct("Stoneground wholemeal flour", "1.5kg", 310, "weight", "1500"),
        DemoProduct("Rolled oats", "1kg", 260, "weight", "1000"),
    )),
    (Producer(79, "Łąka Preserves"), (
        DemoProduct("Blackcurrant jam", "340g", 420),
        DemoProduct("Sauerkraut", "500g", 380, "weight", "500", True),
    )),
    (Producer(80, "Coed Cymru Greens"), (
        DemoProduct("Salad bag", "150g", 250, "weight", "150", True),
        DemoProduct("Potatoes (Maris Piper)", "2.5kg", 300, "weight", "2500"),
        DemoProduct("Onions", "1kg", 160, "weight", "1000"),
    )),
)  # fmt: skip

INSTRUCTIONS = (
    "Collecting for my neighbour too",
    "No plastic bag please",
    "Will be late, around 12:45",
    "Allergic to nuts: please keep the honeycomb separate",
    "Mon fils viendra chercher la commande",
    "Can I pay the rest in Léman?",
    "Please leave with the caretaker if I miss the slot",
)

HUB = Hub(
    id=DEMO_HUB_ID,
    name="Riverside Food Hub (demo)",
    currency="GBP",
    locale="en_GB",
    timezone="Europe/London",
    ofn_url="https://openfoodnetwork.org.uk",
    is_demo=True,
)


def _order_number(i: int) -> str:
    # 7919 is prime and coprime with 9e8, so numbers are unique for any i < 9e8.
    return f"R{100_000_000 + (i * 7_919_123) % 900_000_000:09d}"


def generate(orders: int = 180, seed: int = 1) -> Snapshot:
    """A whole hub with ``orders`` completed orders in one order cycle."""
    if orders < 1:
        raise ValueError("a demo hub needs at least one order")
    rng = random.Random(seed)
    producers = [p for p, _ in PRODUCERS]
    catalogue = [(p.id, prod) for p, prods in PRODUCERS for prod in prods]
    customers: list[Customer] = []
    result: list[Order] = []
    line_id = 554_000
    for i in range(orders):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        cust = Customer(
            id=90_000 + i,
            code=f"C{1000 + i}",
            first_name=first,
            last_name=last,
            email=f"{_ascii(first)}.{_ascii(last)}{i}@example.org".lower().replace(" ", ""),
            phone=f"07{rng.randrange(100, 999)} {rng.randrange(100000, 999999)}",
            tags=tuple(
                rng.sample(("volunteer", "member", "solidarity", "staff"), rng.randint(0, 2))
            ),
        )
        customers.append(cust)
        items: list[LineItem] = []
        for prod_producer, prod in rng.sample(catalogue, rng.randint(3, 17)):
            line_id += 1
            qty = rng.choice((1, 1, 1, 2, 2, 3))
            final_weight = None
            if prod.unit == "weight" and prod.variant.startswith("per kg"):
                # pre-weighed by the hub on half of the lines; the rest is weighed at pickup
                if rng.random() < 0.5:
                    final_weight = Decimal(1000 * qty + rng.randrange(-150, 150))
            items.append(
                LineItem(
                    id=line_id,
                    producer_id=prod_producer,
                    product_name=prod.name,
                    variant_name=prod.variant,
                    quantity=qty,
                    unit_price=prod.price,
                    variant_id=30_000 + catalogue.index((prod_producer, prod)),
                    variant_unit=prod.unit,
                    unit_value=None if prod.unit_value is None else Decimal(prod.unit_value),
                    final_weight=final_weight,
                    chilled=prod.chilled,
                )
            )
        item_total = sum(li.amount for li in items)
        fee = 100 + item_total * 5 // 100  # hub handling fee
        total = item_total + fee
        roll = rng.random()
        if roll < 0.03:
            state, pay_state, ship_state = "canceled", "void", "canceled"
            payments = (OrderPayment(total, "Cash on pickup", "void"),)
            payment_total, ready = 0, False
        elif roll < 0.68:
            state, pay_state, ship_state = "complete", "paid", "ready"
            payments = (OrderPayment(total, "Card (Stripe)", "completed"),)
            payment_total, ready = total, False
        else:
            state, pay_state, ship_state = "complete", "balance_due", "pending"
            payments = (OrderPayment(total, "Cash on pickup", "checkout"),)
            payment_total, ready = 0, True
        completed = CYCLE_CLOSES - timedelta(minutes=rng.randrange(10, 6 * 24 * 60))
        result.append(
            Order(
                id=18_000 + i,
                number=_order_number(i + 1),
                hub_id=DEMO_HUB_ID,
                order_cycle_id=DEMO_CYCLE_ID,
                pickup_point_id=rng.choice(PICKUP_POINTS).id,
                customer_id=cust.id,
                customer_name=cust.full_name,
                customer_sort_name=f"{last}, {first}",
                email=cust.email,
                phone=cust.phone,
                state=state,
                payment_state=pay_state,
                shipment_state=ship_state,
                item_total=item_total,
                adjustment_total=fee,
                payment_total=payment_total,
                total=total,
                currency=HUB.currency,
                completed_at=completed.strftime("%Y-%m-%dT%H:%M:%SZ"),
                special_instructions=rng.choice(INSTRUCTIONS) if rng.random() < 0.12 else "",
                ready_to_capture=ready,
                line_items=tuple(items),
                payments=payments,
            )
        )
    snap = Snapshot(
        hub=HUB,
        order_cycles=[
            OrderCycle(
                DEMO_CYCLE_ID,
                "Week 48 – late November harvest",
                "2026-11-18T08:00:00Z",
                CYCLE_CLOSES.strftime("%Y-%m-%dT%H:%M:%SZ"),
            )
        ],
        pickup_points=list(PICKUP_POINTS),
        producers=producers,
        customers=customers,
        orders=result,
    )
    snap.orders = [_with_raw_json(o, snap) for o in snap.orders]
    return snap


def _ascii(text: str) -> str:
    from pos.domain.text import fold

    return "".join(ch for ch in fold(text) if ch.isalnum())


def _money(minor: int) -> str:
    return str(Decimal(minor).scaleb(-2).normalize()) if minor else "0.0"


def ofn_order_json(order: Order, snap: Snapshot, *, detailed: bool = True) -> dict[str, object]:
    """The order as OFN's v0 API sends it (``GET /api/v0/orders/{number}``, money as decimal
    strings): the raw copy kept for conflicts, and the simulator's data."""
    pickup = next((p for p in snap.pickup_points if p.id == order.pickup_point_id), None)
    data: dict[str, object] = {
        "id": order.id,
        "number": order.number,
        "full_name": order.customer_name,
        "full_name_for_sorting": order.customer_sort_name,
        "email": order.email,
        "phone": order.phone or "a",
        "completed_at_utc_iso8601": order.completed_at,
        "state": order.state,
        "payment_state": order.payment_state,
        "shipment_state": order.shipment_state,
        "ready_to_ship": order.shipment_state == "ready",
        "ready_to_capture": order.ready_to_capture,
        "special_instructions": order.special_instructions or None,
        "distributor_name": snap.hub.name,
        "item_total": _money(order.item_total),
        "adjustment_total": _money(order.adjustment_total),
        "payment_total": _money(order.payment_total),
        "total": _money(order.total),
        "item_count": len(order.line_items),
        "distributor": {"id": order.hub_id},
        "order_cycle": {"id": order.order_cycle_id},
        "edit_path": f"/admin/orders/{order.number}/edit",
    }
    if detailed:
        data["customer_id"] = order.customer_id
        data["shipping_method"] = {
            "id": order.pickup_point_id,
            "name": pickup.name if pickup else "",
            "description": pickup.description if pickup else "",
            "require_ship_address": False,
            "price": "0.0",
        }
        data["line_items"] = [
            {
                "id": li.id,
                "quantity": li.quantity,
                "price": _money(li.unit_price),
                "final_weight_volume": None if li.final_weight is None else str(li.final_weight),
                "variant": {
                    "id": li.variant_id,
                    "product_name": li.product_name,
                    "unit_to_display": li.variant_name,
                    "unit_value": None if li.unit_value is None else float(li.unit_value),
                    "variant_unit": li.variant_unit,
                    "producer": {"id": li.producer_id},
                    "tag_list": ["chilled"] if li.chilled else [],
                },
            }
            for li in order.line_items
        ]
        data["payments"] = [
            {"amount": _money(p.amount), "payment_method": p.method, "state": p.state}
            for p in order.payments
        ]
        data["adjustments"] = [
            {"amount": _money(order.adjustment_total), "label": "Hub handling fee",
             "originator_type": "EnterpriseFee"}
        ]  # fmt: skip
    return data


def _with_raw_json(order: Order, snap: Snapshot) -> Order:
    from dataclasses import replace

    # The concise form keeps demo databases small; the simulator serves the detailed one.
    concise = ofn_order_json(order, snap, detailed=False)
    raw = json.dumps(concise, ensure_ascii=False, separators=(",", ":"))
    return replace(order, raw_json=raw)


def write_demo(path: str | Path, *, orders: int = 180, seed: int = 1) -> Path:
    """Create (or refresh) a demo database at ``path``."""
    path = Path(path)
    snap = generate(orders, seed)
    with Store.open(path) as store:
        OrderRepository(store).save_snapshot(snap)
        store.settings.set(s.DEMO, True)
        store.settings.set(s.HUB_ID, snap.hub.id)
        store.settings.set(s.ORDER_CYCLE_ID, DEMO_CYCLE_ID)
    return path


STREETS = (
    "High Street", "Mill Lane", "Station Road", "Church Street", "rue des Lilas",
    "Chemin du Moulin", "Orchard Close", "Victoria Road", "Avenue de la Gare", "Park Lane",
)  # fmt: skip
TOWNS = (("RV1", "Riverton"), ("RV2", "Riverton"), ("AS3", "Ashby"), ("BK4", "Brookfield"))


def add_deliveries(
    store: Store,
    *,
    orders: int = 30,
    methods: int = 1,
    missing_addresses: int = 1,
    seed: int = 1,
) -> list[int]:
    """Turn ``orders`` orders of the demo cycle into home deliveries with ship addresses.

    ``methods`` delivery methods share them; the first ``missing_addresses`` get no street
    (a run sheet must list them first). The ship address is written into each order's OFN
    copy under the keys OFN sends, as a pull would. Returns the changed order ids.
    """
    from pos.domain.models import PickupPoint

    rng = random.Random(seed)
    repo = OrderRepository(store)
    points = [
        PickupPoint(9_100 + m, f"Home delivery {m + 1}", "Thursday evenings", is_delivery=True)
        for m in range(methods)
    ]
    ids = repo.ids()
    step = max(1, len(ids) // max(1, orders))
    chosen = ids[::step][:orders]
    with store.transaction():
        repo.save_pickup_points(points)
        for i, order_id in enumerate(chosen):
            prefix, town = TOWNS[rng.randrange(len(TOWNS))]
            street = "" if i < missing_addresses else rng.choice(STREETS)
            number = rng.randrange(1, 120)
            line1 = "" if not street else (
                f"{street} {number}" if street.startswith("Chemin") else f"{number} {street}"
            )  # fmt: skip
            address = {
                "firstname": "", "lastname": "", "address1": line1, "address2": "",
                "city": town, "zipcode": f"{prefix} {rng.randrange(1, 9)}AB",
                "phone": f"07{rng.randrange(100, 999)} {rng.randrange(100000, 999999)}",
            }  # fmt: skip
            data = repo.raw(order_id)
            data["ship_address"] = address
            point = points[i % methods]
            data["shipping_method"] = {
                "id": point.id, "name": point.name, "description": point.description,
                "require_ship_address": True, "price": "3.5",
            }  # fmt: skip
            repo.move_to(order_id, point.id, data)
    return chosen
