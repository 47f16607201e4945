"""Hub settings: checking what staff typed, and saving it as one audited change."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from pos.domain.payment_methods import Method
from pos.domain.settings import CLOSE_DIFFERENCE_LIMIT, CSV_BOM, PAYMENT_METHODS, TILL_LABEL
from pos.services.checkout import CheckoutService
from pos.services.hub_settings import HubSettingsService, SettingsInvalid
from pos.services.roles import StaffRoles
from pos.services.till import TillService
from pos.store import Store


def codes(problems) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.code for p in problems}


def test_defaults_load_with_cash_first_and_on(store: Store) -> None:
    settings = HubSettingsService(store).load()
    assert [m.code for m in settings.payment_methods][:2] == ["cash", "card"]
    assert settings.till_id == "T1" and settings.order_notes is False
    assert settings.share_customer_names_with_producers is False


def test_validation_names_each_bad_field(store: Store) -> None:
    service = HubSettingsService(store)
    good = service.load()
    assert service.validate(good) == []
    bad = replace(
        good,
        till_id="T 1!",
        close_difference_limit=-1,
        bag_capacity=0,
        pickup_point_id=999_999,
        payment_methods=(
            Method("cash", "Cash", enabled=False),
            Method("Gift1", "x"),
            Method("card", ""),
            Method("card", "Card again"),
        ),
    )
    assert codes(service.validate(bad)) == {
        "till_id_invalid", "limit_negative", "bag_capacity_range", "pickup_unknown",
        "cash_required", "method_code_invalid", "method_label_empty", "method_code_taken",
    }  # fmt: skip
    assert codes(service.validate(replace(good, till_id="T12345678"))) == {"till_id_invalid"}


def test_limit_is_parsed_in_the_hub_currency(store: Store) -> None:
    service = HubSettingsService(store, currency="EUR")
    assert service.parse_limit("7,50") == (750, None)
    assert service.parse_limit("-2")[1].code == "limit_negative"  # type: ignore[union-attr]
    assert service.parse_limit("1.234")[1].code == "limit_invalid"  # type: ignore[union-attr]
    assert service.parse_limit(" ")[1].code == "limit_empty"  # type: ignore[union-attr]


def test_till_id_cannot_change_while_the_till_is_open(store: Store) -> None:
    roles = StaffRoles(store)
    TillService(store, roles).open("Ana", 1000)
    service = HubSettingsService(store)
    assert codes(service.validate(replace(service.load(), till_id="T2"))) == {"till_open"}


def test_save_writes_changed_keys_and_one_audit_row(store: Store) -> None:
    service = HubSettingsService(store)
    before = store.scalar("SELECT COUNT(*) FROM audit_log")
    settings = service.load()
    methods = (
        *(
            replace(m, label="Léman") if m.code == "local" else
            replace(m, enabled=False) if m.code == "cheque" else m
            for m in settings.payment_methods
        ),
        Method("gift", "Gift card"),
    )  # fmt: skip
    changes = service.save(
        replace(settings, payment_methods=methods, till_id="t2", close_difference_limit=300),
        role="staff",
    )
    assert set(changes) == {"payment_methods", "till_id", "close_difference_limit"}
    assert store.settings.get(TILL_LABEL) == "T2"
    assert store.settings.get(CLOSE_DIFFERENCE_LIMIT) == 300
    rows = store.query("SELECT * FROM audit_log WHERE action = 'settings.change'")
    assert len(rows) == 1 and rows[0]["role"] == "staff"
    details = json.loads(rows[0]["details"])
    assert details["till_id"] == {"old": "T1", "new": "T2"}
    assert store.scalar("SELECT COUNT(*) FROM audit_log") == before + 1
    # the till offers the renamed and added methods, not the switched-off one
    till = TillService(store, StaffRoles(store))
    offered = CheckoutService(store, till, StaffRoles(store)).payment_methods()
    assert [(m.code, m.label) for m in offered if m.code in ("local", "gift", "cheque")] == [
        ("local", "Léman"), ("gift", "Gift card"),
    ]  # fmt: skip
    # ... while the label of the switched-off method still names old payments
    assert Method("cheque", "Cheque", False) in store.settings.get(PAYMENT_METHODS)
    assert service.save(service.load()) == {}  # nothing changed: nothing written
    assert store.scalar("SELECT COUNT(*) FROM audit_log") == before + 1


def test_invalid_save_writes_nothing(store: Store) -> None:
    service = HubSettingsService(store)
    before = store.scalar("SELECT COUNT(*) FROM audit_log")
    with pytest.raises(SettingsInvalid) as caught:
        service.save(replace(service.load(), till_id="", csv_bom=True))
    assert codes(caught.value.problems) == {"till_id_invalid"}
    assert not store.settings.is_set(CSV_BOM)
    assert store.scalar("SELECT COUNT(*) FROM audit_log") == before
