"""The order list's pickup point filter and the till's own pickup point are two settings:
looking at every pickup point's orders never moves the till."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from pos.domain.settings import ALL_PICKUP_POINTS, ORDER_LIST_PICKUP_POINT, TILL_PICKUP_POINT
from pos.store.till import TillRepository
from tests.helpers.till import find


def test_all_pickup_points_then_opening_the_till_keeps_its_pickup_point(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    store = window.services.store
    point = next(p.id for p in window.services.orders.pickup_points() if not p.is_delivery)
    store.settings.set(TILL_PICKUP_POINT, point)  # saved in Hub settings
    window.apply_hub_settings()
    combo = find(window, QComboBox, "pickupFilter")
    assert combo.currentData() == point  # the list starts at the till's own point

    combo.setCurrentIndex(combo.findText(window.tr("All pickup points")))
    assert combo.currentData() is None and window.pickup_point_id is None
    assert store.settings.get(ORDER_LIST_PICKUP_POINT) == ALL_PICKUP_POINTS
    assert store.settings.get(TILL_PICKUP_POINT) == point

    qtbot.mouseClick(find(window, QPushButton, "tillSessionButton"), Qt.MouseButton.LeftButton)
    dialog = window.session_dialog
    find(dialog, QLineEdit, "volunteerName").setText("Zoë")
    find(dialog, QLineEdit, "floatAmount").setText("50")
    qtbot.mouseClick(find(dialog, QPushButton, "openSessionButton"), Qt.MouseButton.LeftButton)

    session = TillRepository(store).current(window.services.till_id)
    assert session is not None and session.volunteer == "Zoë"
    assert session.pickup_point_id == point
    stored = store.scalar("SELECT pickup_point_id FROM till_sessions WHERE id = ?", (session.id,))
    assert stored == point
    assert combo.currentData() is None  # the list still shows every pickup point


def test_the_list_filter_is_remembered_apart_from_the_till(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from pos.app import create_window

    def start():  # type: ignore[no-untyped-def]
        win = create_window(demo_db)
        qtbot.addWidget(win)
        return win, find(win, QComboBox, "pickupFilter")

    window, combo = start()
    store = window.services.store
    points = [p.id for p in window.services.orders.pickup_points() if not p.is_delivery]
    assert len(points) >= 2
    store.settings.set(TILL_PICKUP_POINT, points[0])
    combo.setCurrentIndex(combo.findData(points[1]))
    window.close()

    window, combo = start()  # the next start shows the list as it was left
    assert combo.currentData() == points[1]
    assert window.services.store.settings.get(TILL_PICKUP_POINT) == points[0]
    combo.setCurrentIndex(0)  # All pickup points
    window.close()

    window, combo = start()
    assert combo.currentData() is None
    assert window.services.store.settings.get(TILL_PICKUP_POINT) == points[0]
    window.close()
