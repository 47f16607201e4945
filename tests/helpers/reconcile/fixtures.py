"""Fixtures shared by the reconcile tests (import them into a test module to use them)."""

from __future__ import annotations

import pytest

from tests.helpers.reconcile.day import build_day
from tests.helpers.reconcile.real_day import build_real_day

BUILDERS = {"real_checkouts": build_real_day, "contract_rows": build_day}


@pytest.fixture(name="day_store", params=list(BUILDERS))
def day_store_fixture(request, store):
    """The demo hub after a collection day, made by the real checkout service or, for
    timed scenarios, row by row per the contract. Yields (store, day, builder name)."""
    day = BUILDERS[request.param](store)
    return store, day, request.param
