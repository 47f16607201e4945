"""The custom Qt models pass Qt's model tester (pytest-qt's ``qtmodeltester``) on real data,
after loading and again after the changes the screens make to them."""

from __future__ import annotations

from pos.ui.reconcile_tables import RowsModel
from tests.helpers.wait import settle


def test_order_list_model(qtmodeltester, qtbot, window) -> None:  # type: ignore[no-untyped-def]
    model = window.model
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    window.scan_input.setText("C1005")  # search narrows the list
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    window.scan_input.setText("no such customer at all")
    qtmodeltester.check(model)
    window.scan_input.clear()
    window.pickup_filter.setCurrentIndex(1)  # one pickup point
    qtmodeltester.check(model)


def test_line_item_model(qtmodeltester, qtbot, window) -> None:  # type: ignore[no-untyped-def]
    store = window.services.store
    first, second = (
        r[0]
        for r in store.query(
            "SELECT o.id FROM orders o WHERE state != 'canceled' AND EXISTS (SELECT 1 FROM"
            " line_items li WHERE li.order_id = o.id GROUP BY li.order_id HAVING COUNT(*) > 2)"
            " ORDER BY o.id LIMIT 2"
        )
    )
    panel = window.order_panel
    window.open_order(first)
    model = panel.items_model
    assert model.rowCount() > 2
    qtmodeltester.check(model)
    panel.items_view.selectRow(0)
    panel.line_action("missing")  # a line changes its quantity and status
    assert model.lines[0].status == "missing"
    qtmodeltester.check(model)
    window.open_order(second)
    qtmodeltester.check(model)


def test_rows_model_of_the_reconcile_window(qtmodeltester, qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.reconcile_window import ReconcileWindow

    rw = ReconcileWindow(window.services, "Office Olga", window)
    qtbot.addWidget(rw)
    rw.show()
    settle(qtbot, rw)
    models = [rw.day.money_model, rw.day.method_model, rw.day.sessions_model,
              rw.orders.orders_model, rw.todo.actions_model, rw.audit_view.model]  # fmt: skip
    assert all(isinstance(m, RowsModel) for m in models)
    assert rw.orders.orders_model.rowCount() > 0
    for model in models:
        qtmodeltester.check(model)
    rw.point.setCurrentIndex(1)  # another pickup point: every model is filled again
    settle(qtbot, rw)
    rw.orders.status_filter.setCurrentIndex(rw.orders.status_filter.findData("not_collected"))
    for model in models:
        qtmodeltester.check(model)


def test_rows_model_of_the_delivery_rounds(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The rounds box's model: keys, right-aligned numbers and a tinted row (a cash
    difference), then no rounds at all."""
    from pos.domain.reconcile import MethodTotal, RoundLine
    from pos.ui.rounds_box import RoundsBox

    box = RoundsBox()
    qtbot.addWidget(box)

    def line(name: str, counted: int | None) -> RoundLine:
        cash = MethodTotal("cash", "Cash", 2, 1250)
        return RoundLine(name, 9100, "Ana", 5, 3, 1, 1, (cash,), 2000, 3250, counted, None)

    box.set_rounds((line("Home delivery · Ana", 3000), line("Home delivery · Ben", None)), str)
    model = box.model
    assert model.rowCount() == 2 and model.tints == ["#f8d0d0", None]
    qtmodeltester.check(model)
    box.set_rounds((), str)
    assert model.rowCount() == 0 and box.isHidden()
    qtmodeltester.check(model)
