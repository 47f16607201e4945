"""Search: accent- and case-insensitive, exact scans first, then name prefixes."""

from __future__ import annotations

import pytest

from pos.domain.text import fold, normalise_scan
from pos.store import Store
from pos.store.orders import OrderRepository
from pos.store.search import OrderSearch, fts_query


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Zoë", "zoe"), ("Müller", "muller"), ("Étang", "etang"), ("Østergaard", "ostergaard"),
     ("Łukasz", "lukasz"), ("Strauß", "strauss"), ("Þórsdóttir", "thorsdottir"), ("ŒUF", "oeuf")],
)  # fmt: skip
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("scanned", "key"),
    [("R100000001\n", "R100000001"), ("r100000001", "R100000001"),
     ("https://openfoodnetwork.org.uk/admin/orders/R100000001/edit", "R100000001"),
     ("\x02C1005\x03", "C1005"), ("  Zoë ", "Zoë")],
)  # fmt: skip
def test_normalise_scan(scanned: str, key: str) -> None:
    assert normalise_scan(scanned) == key


def test_fts_query_is_safe_against_syntax() -> None:
    assert fts_query('zoë "AND" OR (mül*') == '"zoe"* "and"* "or"* "mul"*'
    assert fts_query("***") == ""


def names(store: Store, ids: list[int]) -> list[str]:
    return [s.customer_name for s in OrderRepository(store).summaries_by_ids(ids)]


def test_accent_and_case_insensitive(store: Store) -> None:
    words = sorted(
        {w for (n,) in store.query("SELECT customer_name FROM orders") for w in n.split()
         if fold(w) != w.lower() and len(w) > 2}
    )  # fmt: skip
    assert {"Zoë", "Müller", "Étang"} <= set(words)
    search = OrderSearch(store)
    for word in words:
        for query in (fold(word), fold(word).upper()):
            found = names(store, search.search(query, limit=1000))
            assert found and word in found[0], (query, found[:3])
            total = store.scalar(
                "SELECT COUNT(*) FROM orders WHERE customer_name LIKE ?", (f"%{word}%",)
            )
            assert sum(word in n for n in found) == total, query


def test_exact_order_number_jumps_first(store: Store) -> None:
    number, _name = store.query("SELECT number, customer_name FROM orders LIMIT 1 OFFSET 17")[0]
    search = OrderSearch(store)
    ids = search.search(number)
    assert OrderRepository(store).get(ids[0]).number == number  # type: ignore[union-attr]
    assert search.exact(number.lower()) == ids[:1]
    assert search.exact(f"https://x.example/admin/orders/{number}/edit") == ids[:1]


def test_customer_code_is_exact_then_prefix(store: Store) -> None:
    order_id, _code = store.query(
        "SELECT id, customer_code FROM orders WHERE customer_code = 'C1010'"
    )[0]
    ids = OrderSearch(store).search("c1010")
    assert ids[0] == order_id
    assert OrderSearch(store).exact("C1010") == [order_id]


def test_last_name_prefix_ranks_before_other_matches(store: Store) -> None:
    # "wil" is the start of Wilson/Williams (last names) and also appears elsewhere
    ids = OrderSearch(store).search("wil", limit=200)
    rows = OrderRepository(store).summaries_by_ids(ids)
    keys = [fold(r.customer_sort_name).startswith("wil") for r in rows]
    assert any(keys)
    first_other = keys.index(False) if False in keys else len(keys)
    assert all(keys[:first_other]) and not any(keys[first_other:])


def test_product_and_email_and_phone_are_searchable(store: Store) -> None:
    search = OrderSearch(store)
    assert search.search("sourdough")
    email, phone = store.query("SELECT email, phone FROM orders LIMIT 1")[0]
    assert search.search(email)
    assert search.search(phone.replace(" ", ""))


def test_pickup_point_filter_but_scans_ignore_it(store: Store) -> None:
    row = store.query("SELECT id, number, pickup_point_id FROM orders LIMIT 1")[0]
    other = store.scalar(
        "SELECT id FROM pickup_points WHERE id != ? LIMIT 1", (row["pickup_point_id"],)
    )
    search = OrderSearch(store)
    for order_id in search.search("a", pickup_point_id=other, limit=100):
        assert store.scalar("SELECT pickup_point_id FROM orders WHERE id = ?", (order_id,)) == other
    assert search.search(row["number"], pickup_point_id=other)[0] == row["id"]


def test_nonsense_finds_nothing(store: Store) -> None:
    assert OrderSearch(store).search("qqqzzz") == []
    assert OrderSearch(store).search("   ") == []


def rename(store: Store, order_id: int, name: str, sort_name: str) -> None:
    """Rename a customer through the same write path a pull uses (search text included)."""
    import dataclasses

    repo = OrderRepository(store)
    order = repo.get(order_id)
    assert order is not None
    with store.transaction():
        repo.save_orders([dataclasses.replace(order, customer_name=name,
                                              customer_sort_name=sort_name)])  # fmt: skip


@pytest.mark.parametrize(
    ("name", "sort_name", "typed"),
    [("Siobhán O'Briain", "O'Briain, Siobhán", "obriain"),
     ("Siobhán O'Briain", "O'Briain, Siobhán", "OBriain"),
     ("Siobhán O'Briain", "O'Briain, Siobhán", "o briain"),
     ("Siobhán O’Briain", "O’Briain, Siobhán", "obri"),
     ("Jean-Luc Bézier", "Bézier, Jean-Luc", "jeanluc"),
     ("Ruairí MacDonald", "MacDonald, Ruairí", "mac donald")],
)  # fmt: skip
def test_punctuation_and_spaces_are_ignored(
    store: Store, name: str, sort_name: str, typed: str
) -> None:
    order_id = int(store.scalar("SELECT id FROM orders ORDER BY id LIMIT 1 OFFSET 40"))
    rename(store, order_id, name, sort_name)
    found = OrderSearch(store).search(typed, limit=1000)
    assert order_id in found
    letters = "".join(ch for ch in fold(typed) if ch.isalnum())
    for shown in names(store, found):  # "Ó Briain" of the demo hub is found too, no one else
        assert letters in "".join(ch for ch in fold(shown) if ch.isalnum()), shown


def test_letters_typed_together_find_every_apostrophe_name(store: Store) -> None:
    """Every "O'Connor" of the demo hub is found by "oconnor", and nothing else first."""
    sql = "SELECT id FROM orders WHERE customer_name LIKE '%O''Connor%'"
    expected = {oid for (oid,) in store.query(sql)}
    assert expected
    found = OrderSearch(store).search("oconnor", limit=1000)
    assert set(found[: len(expected)]) == expected
