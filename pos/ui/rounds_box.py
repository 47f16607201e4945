"""Delivery rounds on the reconcile screen, beside the pickup points and till sessions.

One row per round: stops delivered, not delivered and failed (not home or refused), the
doorstep money per method, and the round's cash count against the float plus doorstep cash.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from pos.domain.reconcile import RoundLine
from pos.ui.reconcile_tables import RowsModel, make_table


class RoundsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Delivery rounds"))
        self.setObjectName("roundsBox")
        self.model = RowsModel(
            [
                self.tr("Round"), self.tr("Stops"), self.tr("Delivered"),
                self.tr("Not delivered"), self.tr("Failed"), self.tr("Taken by method"),
                self.tr("Expected cash"), self.tr("Counted"), self.tr("Difference"),
            ],
            numeric={1, 2, 3, 4, 6, 7, 8},
        )  # fmt: skip
        self.table = make_table(
            self.model, "roundsTable", self.tr("Delivery rounds"), stretch=5, wrap={5},
            names={0},
        )  # fmt: skip
        self.table.hug = True  # as tall as its rows: the page scrolls, not the table
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def set_rounds(self, rounds: tuple[RoundLine, ...], money: Callable[[int | None], str]) -> None:
        """Hidden when the cycle has no round (a hub that only has pickup points)."""
        self.model.set_rows(
            [
                (
                    rd.name,
                    str(rd.stops),
                    str(rd.delivered),
                    str(rd.not_delivered),
                    str(rd.failed),
                    ", ".join(f"{mt.label} {money(mt.amount)}" for mt in rd.by_method) or "—",
                    money(rd.expected_cash),
                    self.tr("open") if rd.counted_cash is None else money(rd.counted_cash),
                    "—" if rd.difference is None else money(rd.difference),
                )
                for rd in rounds
            ],
            keys=[rd.name for rd in rounds],
            tints=["#f8d0d0" if rd.difference else None for rd in rounds],
        )
        self.setVisible(bool(rounds))
