"""The reconcile window's figures and rows, made in a worker process (Qt-free).

A refresh at 100,000 orders builds 100,000 order records and 1.3 million strings. On a
thread of the GUI process that work holds Python's one lock for seconds (and the garbage
collector's full passes over it cannot be interrupted), so the till stalled although the
GUI thread itself had little to do. :func:`load` runs in :mod:`pos.services.processes`
instead and sends back compact data: the figures without the order records, and every
list's text packed in one byte string with the cells' end offsets (:class:`PackedRows`), the
rows of each filter as an array of row numbers. Unpickling that is a few memory copies; a
cell becomes a Python string only when the table paints it.

This module imports no Qt (a worker loads it without PySide6); the window imports
:class:`Names`, :class:`ActionNames` and :class:`Shown` from here.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate
from pathlib import Path
from typing import Any, overload

from pos import messages
from pos.domain import reconcile as r
from pos.services.reconcile import Overview, overview_of_file
from pos.ui.formatting import local_time, money

TINTS = {
    r.SYNC_STAFF: "#fde8c8",
    r.SYNC_CONFLICT: "#f8d0d0",
    r.SYNC_WAITING: "#eeeeee",
}
FILTERS: tuple[str | None, ...] = (None, *r.STATUSES, "attention", "owing", "credit")


@dataclass(frozen=True)
class Names:
    """What the order list shows for a status and a sync status (translated on the GUI
    thread, handed to the worker)."""

    currency: str
    locale: str
    timezone: str
    status: dict[str, str]
    sync: dict[str, str]
    language: str = "en"  # a stored error (a failed push) is worded in it


@dataclass(frozen=True)
class ActionNames:
    """The words of the to-do list (translated on the GUI thread, handed to the worker)."""

    currency: str
    locale: str
    timezone: str
    kinds: dict[str, str]
    methods: dict[str, str]
    done_by: str  # "%1 by %2"
    language: str = "en"  # what to do is worded in it (a staff action's code and parameters)


@dataclass(frozen=True)
class Shown:
    """One filter's rows, ready for the table."""

    rows: Sequence[tuple[str, ...]]
    keys: Sequence[Any]  # order ids, action ids
    tints: Sequence[str | None]


class PackedRows(Sequence[tuple[str, ...]]):
    """Rows of ``width`` text cells kept in one UTF-8 byte string; ``ends[k]`` is where
    cell ``k`` (row-major) ends. ``order`` picks and orders the rows shown (a filter), None:
    all. Bytes, not a str: unpickling them is one copy (a str is decoded whole, ~15 ms at
    100,000 orders on the GUI process's side); a cell is decoded when it is shown."""

    __slots__ = ("ends", "order", "text", "width")

    def __init__(self, text: bytes, ends: array[int], width: int,
                 order: array[int] | None = None) -> None:  # fmt: skip
        self.text, self.ends, self.width, self.order = text, ends, width, order

    def __len__(self) -> int:
        return len(self.order) if self.order is not None else len(self.ends) // self.width

    def cell(self, row: int, col: int) -> str:
        if self.order is not None:
            row = self.order[row]
        k = row * self.width + col
        return self.text[self.ends[k - 1] if k else 0 : self.ends[k]].decode()

    @overload
    def __getitem__(self, row: int) -> tuple[str, ...]: ...
    @overload
    def __getitem__(self, row: slice) -> list[tuple[str, ...]]: ...
    def __getitem__(self, row: int | slice) -> tuple[str, ...] | list[tuple[str, ...]]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        if not -len(self) <= row < len(self):
            raise IndexError(row)
        row %= len(self)
        return tuple(self.cell(row, c) for c in range(self.width))

    def pick(self, chosen: array[int]) -> PackedRows:
        """The rows numbered ``chosen`` (of all the rows), sharing the text."""
        return PackedRows(self.text, self.ends, self.width, chosen)


class Picked(Sequence[Any]):
    """``values[order[i]]``, or ``palette[values[order[i]]]`` when a palette is given (a
    byte per row naming a colour); ``order`` None: every value in turn."""

    __slots__ = ("order", "palette", "values")

    def __init__(self, values: Sequence[Any], order: array[int] | None = None,
                 palette: tuple[Any, ...] | None = None) -> None:  # fmt: skip
        self.values, self.order, self.palette = values, order, palette

    def __len__(self) -> int:
        return len(self.order) if self.order is not None else len(self.values)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        value = self.values[self.order[i] if self.order is not None else i]
        return value if self.palette is None else self.palette[value]

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(len(self)))


def pack(rows: Iterable[tuple[str, ...]], width: int) -> PackedRows:
    """Pack ``rows`` of ``width`` strings (a worker's side)."""
    cells = [text.encode() for row in rows for text in row]
    ends = array("I", accumulate(map(len, cells)))  # C loops: 1.3 million cells at 100k
    return PackedRows(b"".join(cells), ends, width)


def _filters(orders: Sequence[r.OrderLine]) -> dict[str, array[int]]:
    """Each filter's row numbers, in one pass: its status; "attention" (needs staff or in
    conflict), "owing" (left owing), "credit" (credit owed back)."""
    chosen: dict[str, array[int]] = {wanted: array("I") for wanted in FILTERS if wanted}
    attention, owing, credit = chosen["attention"], chosen["owing"], chosen["credit"]
    for i, o in enumerate(orders):
        chosen[o.status].append(i)
        if o.sync_status in (r.SYNC_STAFF, r.SYNC_CONFLICT):
            attention.append(i)
        if o.left_owing > 0:
            owing.append(i)
        if o.credit_amount > 0:
            credit.append(i)
    return chosen


def _order_row(o: r.OrderLine, names: Names) -> tuple[str, ...]:
    cur, loc = names.currency, names.locale
    at_till = o.collected_at is not None
    return (
        o.number,
        o.customer_name,
        o.pickup_point_name,
        names.status[o.status],
        local_time(o.collected_at, names.timezone) if at_till else "",
        o.receipt_no,
        money(o.order_total, cur, loc),
        money(o.amount_due, cur, loc) if at_till else "",
        money(o.amount_paid, cur, loc) if at_till else "",
        money(o.left_owing, cur, loc) if o.left_owing else "",
        money(o.credit_amount, cur, loc) if o.credit_amount else "",
        names.sync.get(o.sync_status, o.sync_status),
        o.no_show_reason or messages.word_stored(o.sync_error, names.language),
    )


ORDER_COLUMNS = 13
_PALETTE: tuple[str | None, ...] = (None, *TINTS.values())
_TINT_CODE = {status: i + 1 for i, status in enumerate(TINTS)}


def prepare_orders(orders: Sequence[r.OrderLine], names: Names) -> dict[str | None, Shown]:
    """The order list's text (money through the shared cache) and every filter's rows,
    packed (see the module's docstring)."""
    rows = pack((_order_row(o, names) for o in orders), ORDER_COLUMNS)
    keys = array("q", (o.order_id for o in orders))
    tints = bytes(_TINT_CODE.get(o.sync_status, 0) for o in orders)
    everything = Shown(rows, Picked(keys), Picked(tints, None, _PALETTE))
    shown: dict[str | None, Shown] = {None: everything}
    for wanted, chosen in _filters(orders).items():
        shown[wanted] = Shown(rows.pick(chosen), Picked(keys, chosen),
                              Picked(tints, chosen, _PALETTE))  # fmt: skip
    return shown


def prepare_actions(actions: Sequence[r.StaffActionLine], names: ActionNames) -> dict[bool, Shown]:
    """The to-do list's rows with the done actions (True) and without (False)."""
    tz = names.timezone
    rows: list[tuple[str, ...]] = []
    for a in actions:
        rows.append(
            (
                a.order_number,
                a.customer_name,
                names.kinds.get(a.kind, a.kind),
                a.worded(names.language, locale=names.locale),
                "" if a.amount is None else money(a.amount, names.currency, names.locale),
                names.methods.get(a.method or "", a.method or ""),
                local_time(a.created_at, tz),
                ""
                if a.is_open
                else names.done_by.replace("%1", local_time(a.done_at, tz)).replace(
                    "%2", a.done_by or ""
                ),
            )
        )
    keys = [a.id for a in actions]
    tints = [
        TINTS[r.SYNC_CONFLICT]
        if a.kind in ("conflict", "pending_payment", "double_handover") and a.is_open
        else None
        for a in actions
    ]
    chosen = [i for i, a in enumerate(actions) if a.is_open]
    return {
        True: Shown(rows, keys, tints),
        False: Shown(
            [rows[i] for i in chosen], [keys[i] for i in chosen], [tints[i] for i in chosen]
        ),
    }


@dataclass(frozen=True)
class Loaded:
    """Everything a refresh shows. ``view.orders`` is empty: the order records stay in the
    worker; the list's rows, the sync counts and the order count come instead."""

    view: Overview
    sync: dict[str, int]  # orders per sync status
    orders: dict[str | None, Shown]  # the order list per filter
    actions: dict[bool, Shown]  # the to-do list with (True) and without done actions


@dataclass(frozen=True)
class Request:
    """What to load: plain values a worker process can receive. The key goes with the path
    (over the pipe to our own child): a worker does not ask the keyring, which may be one
    only this process can reach."""

    db: str
    key: bytes | None = field(repr=False)  # the database's key, held by the app already
    till_id: str
    cycle_id: int | None
    point_id: int | None
    language: str
    names: Names
    action_names: ActionNames


def warm() -> None:
    """In a worker process: nothing to do; unpickling this call imported the module (the
    store, the services, the report code), so the first refresh does not wait for it."""


def load(request: Request) -> Loaded:
    """In a worker process: read the figures from the database file and make every list."""
    view = overview_of_file(Path(request.db), request.key, request.till_id, request.cycle_id,
                            request.point_id, request.language)  # fmt: skip
    return Loaded(
        replace(view, orders=()),
        r.sync_counts(view.orders),
        prepare_orders(view.orders, request.names),
        prepare_actions(view.actions, request.action_names),
    )
