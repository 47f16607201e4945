"""Finding orders: exact scans first, then name prefixes, then full-text matches.

Everything is matched on folded text (see :func:`pos.domain.text.fold`), so "zoe" finds
"Zoë" and "muller" finds "Müller". Each tier is a bounded, indexed query, so a one-letter
query over 50,000 orders costs no more than a precise one.
"""

from __future__ import annotations

import re

from pos.domain.text import fold, looks_like_order_number, normalise_scan
from pos.store.db import Store

_TOKEN = re.compile(r"[\w@.]+", re.UNICODE)


def fts_query(text: str) -> str:
    """A safe FTS5 prefix query for every token of ``text`` ("" when there is none)."""
    tokens = [t.strip(".") for t in _TOKEN.findall(fold(text))]
    return " ".join(f'"{t}"*' for t in tokens if t)


def compact_name_query(text: str) -> str:
    """An FTS5 query on names that ignores punctuation and spaces ("" when not needed).

    The index splits "O'Briain" into "o" + "briain" and "Jean-Luc" into "jean" + "luc".
    Typed without the punctuation ("obriain", "jeanluc") or with a space too many
    ("mac donald" for "MacDonald"), the letters are tried as one word and as every split
    into two (up to 24 letters: three) adjacent words; each alternative is an indexed
    phrase-prefix query, so the cost does not grow with the number of orders.
    """
    letters = "".join(ch for ch in fold(text) if ch.isalnum())
    if len(letters) < 3 or len(letters) > 40:
        return ""
    n = len(letters)
    alternatives = [f'"{letters}"*']
    alternatives += [f'"{letters[:i]} {letters[i:]}"*' for i in range(1, n)]
    if n <= 24:  # "siobhanobriain": three words ("siobhan", "o", "briain")
        alternatives += [
            f'"{letters[:i]} {letters[i:j]} {letters[j:]}"*'
            for i in range(1, n - 1)
            for j in range(i + 1, n)
        ]
    return "name : (" + " OR ".join(alternatives) + ")"


class OrderSearch:
    def __init__(self, store: Store) -> None:
        self.conn = store.db.conn

    def exact(self, text: str) -> list[int]:
        """Orders whose number or customer code is exactly ``text`` (a scan)."""
        key = normalise_scan(text)
        if not key:
            return []
        if looks_like_order_number(key):
            row = self.conn.execute("SELECT id FROM orders WHERE number = ?", (key.upper(),))
            found = row.fetchone()
            if found is not None:
                return [found[0]]
        rows = self.conn.execute(
            "SELECT id FROM orders WHERE number = ? UNION ALL"
            " SELECT id FROM orders WHERE customer_code = ? COLLATE NOCASE",
            (key.upper(), key),
        ).fetchall()
        seen: dict[int, None] = {}
        for (order_id,) in rows:
            seen.setdefault(order_id, None)
        return list(seen)

    def search(
        self, text: str, *, pickup_point_id: int | None = None, limit: int = 50
    ) -> list[int]:
        """Order ids ranked: exact number/code, then sort-name prefix, then the rest."""
        text = text.strip()
        if not text:
            return []
        # A scan opens its order whatever the pickup point; the UI warns if it is elsewhere.
        exact = self.exact(text)
        if exact and looks_like_order_number(text):
            return exact  # an order number is unique: nothing else belongs in the list
        found: dict[int, None] = dict.fromkeys(exact)

        def more(sql: str, params: list[object]) -> None:
            if len(found) >= limit:
                return
            for (order_id,) in self.conn.execute(sql, [*params, limit]):
                found.setdefault(order_id, None)

        pp_sql, pp_params = "", []
        if pickup_point_id is not None:
            pp_sql, pp_params = " AND o.pickup_point_id = ?", [pickup_point_id]
        key = fold(text)
        more(
            "SELECT o.id FROM orders o WHERE o.name_key >= ? AND o.name_key < ?"
            f"{pp_sql} ORDER BY o.name_key LIMIT ?",
            [key, key + "\U0010ffff", *pp_params],
        )
        query = fts_query(text)
        compact = compact_name_query(text)
        for match in (f"name : ({query})" if query else "", query, compact):
            if match:
                more(
                    "SELECT s.rowid FROM order_search s JOIN orders o ON o.id = s.rowid"
                    f" WHERE order_search MATCH ?{pp_sql} LIMIT ?",
                    [match, *pp_params],
                )
        return list(found)[:limit]
