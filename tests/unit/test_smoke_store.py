from pos.store import Store
from pos.store.orders import OrderRepository


def test_demo_store_has_orders(store: Store) -> None:
    assert OrderRepository(store).count() == 180
