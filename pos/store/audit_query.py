"""Reading the audit log back: filters for the viewer and its CSV export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pos.store.db import Store


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str  # UTC
    till_id: str
    actor: str
    role: str
    action: str
    entity: str
    entity_id: str
    details: dict[str, Any]

    @property
    def details_text(self) -> str:
        """What changed, as ``key: value`` pairs people can read."""
        parts = []
        for key, value in self.details.items():
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            parts.append(f"{key}: {shown}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class AuditFilter:
    since: str | None = None  # UTC ISO, inclusive
    until: str | None = None  # UTC ISO, exclusive
    till_id: str | None = None
    actor: str | None = None  # case-insensitive substring
    action: str | None = None  # prefix: "checkout" matches checkout.collect, ...
    text: str | None = None  # substring of entity id or details
    limit: int = 5000


class AuditQuery:
    def __init__(self, store: Store) -> None:
        self.store = store

    def entries(self, f: AuditFilter | None = None) -> list[AuditEntry]:
        """Newest first."""
        f = f or AuditFilter()
        where: list[str] = []
        params: list[Any] = []
        if f.since:
            where.append("at >= ?")
            params.append(f.since)
        if f.until:
            where.append("at < ?")
            params.append(f.until)
        if f.till_id:
            where.append("till_id = ?")
            params.append(f.till_id)
        if f.actor:
            where.append("instr(lower(actor), lower(?)) > 0")
            params.append(f.actor)
        if f.action:
            where.append("(action = ? OR action LIKE ? ESCAPE '\\')")
            params.extend([f.action, _like_prefix(f.action) + ".%"])
        if f.text:
            where.append(
                "(instr(lower(entity_id), lower(?)) > 0 OR instr(lower(details), lower(?)) > 0)"
            )
            params.extend([f.text, f.text])
        sql = "SELECT * FROM audit_log"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY at DESC, id DESC LIMIT ?"
        params.append(max(1, int(f.limit)))
        return [_entry(row) for row in self.store.query(sql, tuple(params))]

    def actions(self) -> list[str]:
        return [
            row[0] for row in self.store.query("SELECT DISTINCT action FROM audit_log ORDER BY 1")
        ]

    def tills(self) -> list[str]:
        return [
            row[0]
            for row in self.store.query(
                "SELECT DISTINCT till_id FROM audit_log WHERE till_id != '' ORDER BY 1"
            )
        ]

    def actors(self) -> list[str]:
        return [
            row[0]
            for row in self.store.query(
                "SELECT DISTINCT actor FROM audit_log WHERE actor != '' ORDER BY 1 COLLATE NOCASE"
            )
        ]


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _entry(row: Any) -> AuditEntry:
    try:
        details = json.loads(row["details"] or "{}")
        if not isinstance(details, dict):
            details = {"value": details}
    except ValueError:
        details = {"raw": row["details"]}
    return AuditEntry(
        id=row["id"],
        at=row["at"],
        till_id=row["till_id"],
        actor=row["actor"],
        role=row["role"],
        action=row["action"],
        entity=row["entity"],
        entity_id=row["entity_id"],
        details=details,
    )
