"""NextTurn runs its work after what was already queued (a repaint), once per start, and
never after stop()."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from pos.ui.widgets import NextTurn


def test_runs_after_what_was_queued_once_and_not_after_stop(qtbot) -> None:
    owner = QObject()
    order: list[str] = []
    turn = NextTurn(lambda: order.append("next"), owner)
    QTimer.singleShot(0, lambda: order.append("queued before"))
    turn.start()
    turn.start()  # already waiting: still one call
    assert turn.isActive()
    qtbot.waitUntil(lambda: not turn.isActive())
    qtbot.wait(20)
    assert order == ["queued before", "next"]

    turn.start()
    turn.stop()
    assert not turn.isActive()
    qtbot.wait(20)
    assert order == ["queued before", "next"]
