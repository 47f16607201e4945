"""Packed rows (pos.ui.reconcile_rows): the same cells as the plain rows they pack, for
every filter, and small enough to cross a process boundary."""

from __future__ import annotations

import pickle
import tracemalloc
from array import array

from pos.ui.reconcile_rows import PackedRows, Picked, pack


def test_packed_rows_give_back_every_cell_including_empty_and_non_ascii() -> None:
    rows = [("A1", "Zoë Ng", "", "£12.50"), ("", "", "", ""), ("C3", "Øst", "Hall", "€0,00")]
    packed = pack(rows, 4)
    assert len(packed) == 3
    assert [packed[i] for i in range(3)] == rows
    assert packed[-1] == rows[-1] and packed[::2] == rows[::2]
    assert all(packed.cell(r, c) == rows[r][c] for r in range(3) for c in range(4))
    chosen = packed.pick(array("I", [2, 0]))
    assert list(chosen) == [rows[2], rows[0]] and chosen.cell(0, 1) == "Øst"
    again = pickle.loads(pickle.dumps(chosen))
    assert list(again) == [rows[2], rows[0]]


def test_picked_values_and_palette() -> None:
    keys = array("q", [10, 20, 30])
    assert list(Picked(keys)) == [10, 20, 30]
    assert list(Picked(keys, array("I", [1]))) == [20]
    tints = Picked(bytes([0, 2, 1]), None, (None, "#aaa", "#bbb"))
    assert list(tints) == [None, "#bbb", "#aaa"]


def test_unpickling_packed_rows_makes_no_object_per_row() -> None:
    """What the GUI process pays for a refresh's answer: a few memory blocks, whatever the
    number of rows (plain rows are a tuple and strings per row)."""
    rows = [(f"O{i}", f"Customer {i}", "Hall", "£1.00") for i in range(10_000)]
    blocks = []
    for data in (pickle.dumps(pack(rows, 4)), pickle.dumps(rows)):
        tracemalloc.start()
        loaded = pickle.loads(data)
        blocks.append(sum(s.count for s in tracemalloc.take_snapshot().statistics("filename")))
        tracemalloc.stop()
        assert len(loaded) == 10_000
    packed, plain = blocks
    assert packed < 50 and plain > 20_000
    assert isinstance(pack([], 4), PackedRows) and len(pack([], 4)) == 0
