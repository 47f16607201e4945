"""Finding and reading orders for the till: search, scans, the order list."""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.models import Hub, Order, OrderSummary, PickupPoint
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.search import OrderSearch


@dataclass(frozen=True, slots=True)
class ScanResult:
    """What a scan or Enter found: one order to open, several to choose from, or none."""

    order_ids: tuple[int, ...]

    @property
    def unique(self) -> int | None:
        return self.order_ids[0] if len(self.order_ids) == 1 else None


class OrderBrowser:
    def __init__(self, store: Store) -> None:
        self.repo = OrderRepository(store)
        self.index = OrderSearch(store)

    def hub(self) -> Hub | None:
        return self.repo.hub()

    def pickup_points(self) -> list[PickupPoint]:
        return self.repo.pickup_points()

    def producer_names(self) -> dict[int, str]:
        return {p.id: p.name for p in self.repo.producers()}

    def count(self) -> int:
        return self.repo.count()

    def listing(
        self, *, pickup_point_id: int | None = None, limit: int = 500
    ) -> list[OrderSummary]:
        return self.repo.summaries(pickup_point_id=pickup_point_id, limit=limit)

    def search(
        self, text: str, *, pickup_point_id: int | None = None, limit: int = 50
    ) -> list[OrderSummary]:
        ids = self.index.search(text, pickup_point_id=pickup_point_id, limit=limit)
        return self.repo.summaries_by_ids(ids)

    def scan(self, text: str) -> ScanResult:
        """An exact order number, customer code or QR payload (any pickup point)."""
        return ScanResult(tuple(self.index.exact(text)))

    def order(self, order_id: int) -> Order | None:
        return self.repo.get(order_id)
