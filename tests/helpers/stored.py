"""What a database holds, read the way another program would: through sqlite-utils (a test
dependency only; the app has its own thin ``Database``, docs/design.md "Dependencies"), so a
test says which table and which rows rather than writing the SELECT.

``source`` is a database file (a plain one, as a killed process left it: opened on its own
connection and closed again), an open :class:`Store` (its connection, plain or encrypted), or
a ``sqlite_utils.Database`` from :func:`database` (many reads on one connection).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from pos.store import Store
from pos.store.driver import sqlite3

Source = Path | Store | sqlite_utils.Database


@contextmanager
def database(source: Source) -> Iterator[sqlite_utils.Database]:
    if isinstance(source, sqlite_utils.Database):
        yield source
    elif isinstance(source, Store):
        # the store's own connection: no pragma changed, no plugin run on it
        yield sqlite_utils.Database(source.db.conn, recursive_triggers=False, execute_plugins=False)
    else:
        assert Path(source).is_file(), f"no database at {source}"  # never make an empty one
        with closing(sqlite3.connect(str(source))) as conn:
            yield sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


def _table(db: sqlite_utils.Database, name: str) -> sqlite_utils.db.Table:
    table = db.table(name)
    assert table.exists(), f"no table {name}"  # sqlite-utils reads a missing one as empty
    return table


def rows(
    source: Source,
    table: str,
    where: str | None = None,
    args: Sequence[Any] = (),
    *,
    select: str = "*",
    order_by: str | None = None,
) -> list[dict[str, Any]]:
    """The rows of ``table`` (``where``: an SQL condition with ``?`` for ``args``), as dicts."""
    with database(source) as db:
        return list(
            _table(db, table).rows_where(where, list(args), select=select, order_by=order_by)
        )


def row_count(
    source: Source, table: str, where: str | None = None, args: Sequence[Any] = ()
) -> int:
    """How many rows of ``table`` match ``where``."""
    with database(source) as db:
        return _table(db, table).count_where(where, list(args))
