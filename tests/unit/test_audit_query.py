"""Audit log filters: period, till, person, kind of action (prefix), free text."""

from __future__ import annotations

from pos.store.audit_query import AuditFilter, AuditQuery


def _fill(store):
    rows = [
        ("2026-11-26T09:00:00Z", "T1", "Ana Müller", "checkout.collect", {"order": "R1"}),
        ("2026-11-26T09:30:00Z", "T2", "Łukasz", "checkout.walk_in", {"receipt_no": "T2-000001"}),
        ("2026-11-26T10:00:00Z", "T1", "Ana Müller", "till.close", {"difference": -200}),
        ("2026-11-26T11:00:00Z", "", "Office Olga", "reconcile.no_show", {"reason": "100%_sure"}),
        ("2026-11-26T11:05:00Z", "", "sync", "checkout_x.odd", {}),
    ]
    with store.transaction():
        for at, till, actor, action, details in rows:
            store.audit(action, actor=actor, till_id=till, details=details)
            store.db.conn.execute(
                "UPDATE audit_log SET at = ? WHERE id = (SELECT MAX(id) FROM audit_log)", (at,)
            )


def test_filters(store):
    _fill(store)
    q = AuditQuery(store)

    def actions(**kw):
        return [e.action for e in q.entries(AuditFilter(**kw))]

    assert actions() == [
        "checkout_x.odd",
        "reconcile.no_show",
        "till.close",
        "checkout.walk_in",
        "checkout.collect",
    ]
    assert actions(action="checkout") == ["checkout.walk_in", "checkout.collect"]
    assert actions(action="checkout.collect") == ["checkout.collect"]
    assert actions(till_id="T1") == ["till.close", "checkout.collect"]
    assert actions(actor="müller") == ["till.close", "checkout.collect"]
    assert actions(text="100%_") == ["reconcile.no_show"]
    assert actions(text="T2-0000") == ["checkout.walk_in"]
    assert actions(since="2026-11-26T09:30:00Z", until="2026-11-26T11:00:00Z") == [
        "till.close",
        "checkout.walk_in",
    ]
    assert actions(limit=2) == ["checkout_x.odd", "reconcile.no_show"]
    entry = q.entries(AuditFilter(action="till"))[0]
    assert entry.details == {"difference": -200} and entry.details_text == "difference: -200"
    assert q.tills() == ["T1", "T2"]
    assert "Office Olga" in q.actors()
    assert "reconcile.no_show" in q.actions()


def test_bad_details_do_not_break_the_viewer(store):
    store.db.conn.execute(
        "INSERT INTO audit_log(at, action, details) VALUES ('2026-11-26T12:00:00Z', 'x.y', 'oops')"
    )
    store.db.conn.commit()
    entry = AuditQuery(store).entries(AuditFilter(action="x"))[0]
    assert entry.details == {"raw": "oops"}
