"""After the first pull into a new database the till shows the hub in its own currency."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pos.services.demo import generate
from pos.store import Store
from pos.store.orders import OrderRepository


def test_first_pull_switches_the_window_to_the_hubs_currency(qtbot, tmp_path: Path) -> None:
    from pos.app import create_window

    db = tmp_path / "ofn-hub-501.sqlite"
    with Store.open(db):
        pass
    window = create_window(db)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 0
    assert window.hub.id == 0

    snap = generate(30, seed=2)
    snap.hub = replace(snap.hub, id=501, name="Épicerie du Léman", currency="CHF",
                       locale="fr_CH", is_demo=False)  # fmt: skip
    snap.orders = [replace(o, hub_id=501, currency="CHF") for o in snap.orders]
    writer = window.services.store.reader()  # what the sync worker does
    try:
        OrderRepository(writer).save_snapshot(snap)
    finally:
        writer.close()

    window.after_sync()  # what a finished sync triggers
    assert window.windowTitle().startswith("Épicerie du Léman")
    assert window.model.rowCount() == 30
    due = window.model.COLUMNS.index("due")
    dues = [window.model.index(r, due).data() for r in range(window.model.rowCount())]
    assert any("CHF" in (d or "") for d in dues)
    assert window.services.checkout.currency == "CHF"
    assert window.pickup_filter.count() == 4  # "all" + the hub's three points
    window.close()
