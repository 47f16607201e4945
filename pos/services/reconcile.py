"""Hub staff reconciliation: the overview, the OFN to-do list, no-shows and exports.

The figures come from :class:`pos.store.reconcile.ReconcileQueries`; this service picks
the order cycle and pickup points, groups them for the screen and the report, and runs
the staff's actions (mark done, no-show, resolve a conflict), each one transaction with
its audit row.
"""

from __future__ import annotations

import gettext
import logging
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pos import languages, messages
from pos.domain import reconcile as r
from pos.domain.models import Hub, OrderCycle, PickupPoint
from pos.domain.settings import CSV_BOM, DEMO, LANGUAGE, ORDER_CYCLE_ID, TILL_LABEL
from pos.errors import KnownError
from pos.services import export_csv
from pos.services.conflicts import ConflictService
from pos.services.export_csv import Amount, Cell
from pos.services.methods import method_labels
from pos.store import Store
from pos.store.audit_query import AuditEntry, AuditFilter, AuditQuery
from pos.store.db import utcnow
from pos.store.hub_view import HubViewQueries
from pos.store.orders import OrderRepository
from pos.store.reconcile import ReconcileQueries
from pos.store.rounds import round_lines
from receipts.i18n import translations

# receipts.pdf.report (and reportlab, ~0.2 s to import) loads with the first report, not
# when the reconcile window opens

log = logging.getLogger(__name__)


class NoShowNeedsReason(KnownError):
    """A no-show without a reason: the reason field is where to look."""

    def __init__(self) -> None:
        super().__init__("reconcile.no_show_reason")


REPORT_CSV_HEADER = (
    "section", "pickup_point", "item", "status", "count", "amount", "expected", "recorded",
    "difference", "method", "customer", "detail",
)  # fmt: skip
AUDIT_CSV_HEADER = ("time_utc", "till", "actor", "role", "action", "entity", "entity_id", "details")


@dataclass(frozen=True, slots=True)
class Overview:
    """What the reconcile screen shows for one cycle and scope."""

    cycle: OrderCycle | None
    scope_name: str
    total: r.PointSummary
    points: tuple[r.PointSummary, ...]  # one per pickup point when the scope is "all"
    orders: tuple[r.OrderLine, ...]
    sessions: tuple[r.TillSessionLine, ...]
    actions: tuple[r.StaffActionLine, ...]  # open first, then done
    half_hours: tuple[tuple[str, int], ...]
    rounds: tuple[r.RoundLine, ...] = ()  # delivery rounds, beside the pickup points
    tills: tuple[r.TillLine, ...] = ()  # the day per till (every till whose journal is read)

    @property
    def open_actions(self) -> tuple[r.StaffActionLine, ...]:
        return tuple(a for a in self.actions if a.is_open)


class ReconcileService:
    def __init__(self, store: Store, *, till_id: str | None = None) -> None:
        self.store = store
        self.till_id = till_id or store.settings.get(TILL_LABEL)
        self.queries = ReconcileQueries(store)
        self.hub_view = HubViewQueries(store)
        self.audit = AuditQuery(store)
        self.repo = OrderRepository(store)
        self.conflicts = ConflictService(store, till_id=self.till_id)

    # context --------------------------------------------------------------------
    def hub(self) -> Hub:
        return self.repo.hub() or Hub(0, "Food hub")

    def pickup_points(self) -> list[PickupPoint]:
        return self.repo.pickup_points()

    def order_cycles(self) -> list[OrderCycle]:
        return self.repo.order_cycles()

    def current_cycle(self) -> OrderCycle | None:
        cycles = self.order_cycles()
        saved = self.store.settings.get(ORDER_CYCLE_ID)
        for cycle in cycles:
            if cycle.id == saved:
                return cycle
        return max(cycles, key=lambda c: (c.closes_at or "", c.id), default=None)

    def method_labels(self, language: str | None = None) -> dict[str, str]:
        """Method code -> label for a reader of ``language`` (default: the paper's)."""
        return method_labels(self.store, language or self._language())

    # the overview ---------------------------------------------------------------
    def overview(
        self, cycle_id: int | None = None, point_id: int | None = None, language: str | None = None
    ) -> Overview:
        """The day's figures; method labels for a reader of ``language`` (default: paper's)."""
        labels = self.method_labels(language)
        cycle = self._cycle(cycle_id)
        cid = cycle.id if cycle else None
        q = self.queries
        orders = q.orders(cid, point_id)
        points: list[r.PointSummary] = []
        names = {p.id: p.name for p in self.pickup_points()}
        if point_id is None:
            ids = list(names)
            if any(o.pickup_point_id not in names for o in orders):
                ids.append(-1)  # orders without a known pickup point
            for pid in ids:
                mine = [
                    o for o in orders
                    if o.pickup_point_id == pid or (pid == -1 and o.pickup_point_id not in names)
                ]  # fmt: skip
                points.append(
                    r.PointSummary(
                        pid,
                        names.get(pid, "—"),
                        q.counts(mine),
                        q.money(cid, labels, pid) if pid != -1 else _no_money(),
                    )
                )
            scope_name = "All pickup points"
        else:
            scope_name = names.get(point_id, str(point_id))
        total = r.PointSummary(
            point_id, scope_name, q.counts(orders), q.money(cid, labels, point_id)
        )
        sessions = tuple(q.sessions(cid, point_id))
        return Overview(
            cycle=cycle,
            scope_name=scope_name,
            total=total,
            points=tuple(points),
            orders=tuple(orders),
            sessions=sessions,
            actions=tuple(q.staff_actions(cid, point_id)),
            half_hours=tuple(q.half_hours(orders, self.hub().timezone)),
            rounds=tuple(round_lines(self.store, cid, point_id, labels)),
            tills=till_lines(self.hub_view, q._params(cid, point_id), labels, sessions, names),
        )

    def _cycle(self, cycle_id: int | None) -> OrderCycle | None:
        if cycle_id is None:
            return self.current_cycle()
        for cycle in self.order_cycles():
            if cycle.id == cycle_id:
                return cycle
        raise KnownError("reconcile.cycle_missing", cycle=cycle_id)

    def report_data(self, point_id: int | None = None, cycle_id: int | None = None) -> r.ReportData:
        if point_id is not None and point_id not in {p.id for p in self.pickup_points()}:
            raise KnownError("reconcile.point_missing", point=point_id)
        view = self.overview(cycle_id, point_id)
        hub = self.hub()
        from receipts.pdf.report import translator

        _ = translator(self._language())
        scope = _(view.scope_name) if point_id is None else view.scope_name
        return r.ReportData(
            hub_name=hub.name,
            currency=hub.currency,
            locale=hub.locale,
            timezone=hub.timezone,
            order_cycle_name=view.cycle.name if view.cycle else "",
            scope_name=scope,
            generated_at=utcnow(),
            total=replace(view.total, name=scope),
            points=view.points,
            sessions=view.sessions,
            actions=view.open_actions,
            orders=view.orders,
            half_hours=view.half_hours,
            is_demo=bool(hub.is_demo or self.store.settings.get(DEMO)),
            method_labels=self.method_labels(),
            rounds=view.rounds,
            tills=view.tills,
        )

    def _language(self) -> str:
        """The app's language setting, else the hub's (printed text follows the hub)."""
        return languages.pick(self.store.settings.get(LANGUAGE), self.hub().locale)

    # staff actions ----------------------------------------------------------------
    def mark_action_done(self, action_id: str, actor: str) -> bool:
        return self.queries.mark_action_done(
            action_id, actor=_actor(actor), till_id=self.till_id, role="staff"
        )

    def mark_no_show(self, order_id: int, reason: str, actor: str) -> None:
        if not reason.strip():
            raise NoShowNeedsReason()
        self.queries.mark_no_show(order_id, reason, actor=_actor(actor), till_id=self.till_id)

    def clear_no_show(self, order_id: int, actor: str) -> bool:
        return self.queries.clear_no_show(order_id, actor=_actor(actor), till_id=self.till_id)

    can_resolve_conflicts = True  # the window offers "keep" and "accept" on a conflict

    def resolve_conflict(self, order_id: int, *, keep_local: bool, actor: str) -> None:
        """Keep the till's collection (flagged for staff) or accept OFN's state (audited)."""
        self.conflicts.resolve(order_id, keep_local=keep_local, actor=_actor(actor))

    # audit log --------------------------------------------------------------------
    def audit_entries(self, f: AuditFilter | None = None) -> list[AuditEntry]:
        return self.audit.entries(f)

    def export_audit_csv(self, path: str | Path, f: AuditFilter | None = None) -> Path:
        rows = (
            (e.at, e.till_id, e.actor, e.role, e.action, e.entity, e.entity_id, e.details_text)
            for e in self.audit.entries(f)
        )
        return export_csv.write_csv(path, AUDIT_CSV_HEADER, rows, bom=self._bom())

    # the end-of-day report ---------------------------------------------------------
    def export_pdf(
        self, path: str | Path, point_id: int | None = None, cycle_id: int | None = None
    ) -> Path:
        data = self.report_data(point_id, cycle_id)
        target = Path(path)
        try:
            from receipts.pdf.report import build_report_pdf

            return build_report_pdf(data, target, language=self._language())
        except OSError as exc:
            raise KnownError("file.cannot_write", path=target, reason=exc.strerror or exc) from exc

    def export_csv(
        self, path: str | Path, point_id: int | None = None, cycle_id: int | None = None
    ) -> Path:
        data = self.report_data(point_id, cycle_id)
        language = self._language()
        rows = list(report_rows(data, translations(language), language=language))
        return export_csv.write_csv(path, REPORT_CSV_HEADER, rows, bom=self._bom())

    def export(self, path: str | Path, point_id: int | None = None) -> Path:
        """PDF or CSV by the file's extension (the ``report`` command)."""
        suffix = Path(path).suffix.lower()
        if suffix == ".pdf":
            return self.export_pdf(path, point_id)
        if suffix == ".csv":
            return self.export_csv(path, point_id)
        raise KnownError("reconcile.report_suffix", name=Path(path).name)

    def _bom(self) -> bool:
        return self.store.settings.get(CSV_BOM)


def write_report_pdf(
    db: Path,
    key: bytes | None,
    till_id: str | None,
    path: str,
    point_id: int | None = None,
    cycle_id: int | None = None,
) -> str:
    """In a PDF worker process (:mod:`pos.services.processes`): open the hub file without
    the writer's lock (with the key the app hands over when it is encrypted: a worker has
    no keyring to ask) and write the end-of-day PDF; the path written."""
    store = Store.open(db, lock=False, create=False, key=key)
    try:
        return str(ReconcileService(store, till_id=till_id).export_pdf(path, point_id, cycle_id))
    finally:
        store.close()


def overview_of_file(
    path: Path, key: bytes | None, till_id: str, cycle_id: int | None, point_id: int | None,
    language: str | None,
) -> Overview:  # fmt: skip
    """The overview read through a reader connection of its own, from the database's path
    and key (a worker process has no services of its own: the reconcile window's refresh)."""
    store = Store.open_reader(path, key)
    try:
        return ReconcileService(store, till_id=till_id).overview(cycle_id, point_id, language)
    finally:
        store.close()


def report_rows(
    data: r.ReportData, catalogue: gettext.NullTranslations, *, language: str = "en"
) -> Iterator[tuple[Cell, ...]]:
    """The report as long-format CSV rows (one header, a ``section`` column).

    Sections: ``orders`` (count per status and pickup point), ``money`` (expected,
    recorded, difference, left owing, credit owed), ``method`` (per payment method),
    ``sync`` (orders per OFN sync status), ``till`` (each session's cash count),
    ``to_do`` (open OFN actions), ``order`` (every order with its status and money at
    the till), ``round`` (each delivery round: stops delivered / not delivered / failed and
    its cash count), ``round_method`` (a round's doorstep money per method), and the day
    per pickup point and per till: ``point_sessions`` (till sessions per pickup point),
    ``till_count`` (per till: ``collections``, ``walk_ins``, ``sessions``, ``open_sessions``
    in ``status``), ``till_money`` (expected, recorded, difference; ``status`` ``this_till``
    for the copy that wrote the file; ``detail`` when its journal was last read, UTC) and
    ``till_method`` (a till's money per method).
    """
    cur = data.currency

    def money(minor: int | None) -> Amount | None:
        return None if minor is None else Amount(minor, cur)

    _ = catalogue.gettext
    from receipts.pdf.report import order_count_labels, order_status_labels, sync_status_labels

    status_names = order_status_labels(_)
    count_names = order_count_labels(catalogue.pgettext)
    sync_names = sync_status_labels(_)
    groups = (*data.points, data.total)
    for point in groups:
        for status in r.STATUSES:
            yield ("orders", point.name, count_names[status], status, point.counts.get(status, 0),
                   None, None, None, None, None, None, None)  # fmt: skip
    for point in groups:
        m = point.money
        yield ("money", point.name, _("Owed on orders"), "", None, None,
               money(m.expected_orders), None, None, None, None, None)  # fmt: skip
        yield ("money", point.name, _("Walk-in sales"), "", m.walk_in_count, None,
               money(m.expected_walk_ins), None, None, None, None, None)  # fmt: skip
        yield ("money", point.name, _("Total"), "", None, None, money(m.expected),
               money(m.recorded), money(m.difference), None, None, None)  # fmt: skip
        yield ("money", point.name, _("Left owing"), "", None, money(m.left_owing),
               None, None, None, None, None, None)  # fmt: skip
        yield ("money", point.name, _("Credit owed"), "", None, money(m.credit_owed),
               None, None, None, None, None, None)  # fmt: skip
        for mt in m.by_method:
            yield ("method", point.name, mt.label, "", mt.count, money(mt.amount),
                   None, None, None, mt.method, None, None)  # fmt: skip
    for status, n in r.sync_counts(data.orders).items():
        yield ("sync", data.total.name, sync_names[status], status, n,
               None, None, None, None, None, None, None)  # fmt: skip
    for s in data.sessions:
        yield ("till", s.pickup_point_name, f"{s.till_id} #{s.number}",
               "closed" if s.closed_at else "open", None, money(s.float_amount),
               money(s.expected_cash), money(s.counted_cash), money(s.difference), "cash",
               s.volunteer, s.close_note)  # fmt: skip
    for rd in data.rounds:
        outcome = _("{delivered} delivered, {pending} not delivered, {failed} failed").format(
            delivered=rd.delivered, pending=rd.not_delivered, failed=rd.failed
        )
        yield ("round", rd.name, rd.driver, "closed" if rd.closed_at else "open", rd.stops,
               money(rd.float_amount), money(rd.expected_cash), money(rd.counted_cash),
               money(rd.difference), "cash", None, outcome)  # fmt: skip
        for mt in rd.by_method:
            yield ("round_method", rd.name, mt.label, "", mt.count, money(mt.amount),
                   None, None, None, mt.method, None, None)  # fmt: skip
    yield from _till_rows(data, _, money)
    for a in data.actions:
        detail = " | ".join(x for x in (a.worded(language, locale=data.locale), a.admin_url) if x)
        yield ("to_do", _point_name(data, a.pickup_point_id), a.order_number, a.kind, None,
               money(a.amount), None, None, None, a.method, a.customer_name, detail)  # fmt: skip
    for o in data.orders:
        at_till = o.collected_at is not None
        detail = "; ".join(
            x
            for x in (
                sync_names.get(o.sync_status, ""),
                o.no_show_reason,
                messages.word_stored(o.sync_error, language, locale=data.locale),
            )
            if x
        )
        yield ("order", o.pickup_point_name, o.number, status_names[o.status], None,
               money(o.order_total), money(o.amount_due) if at_till else None,
               money(o.amount_paid) if at_till else None,
               money(o.amount_paid - o.amount_due) if at_till else None, None,
               o.customer_name, detail)  # fmt: skip


def _till_rows(
    data: r.ReportData, _: Callable[[str], str], money: Callable[[int | None], Amount | None]
) -> Iterator[tuple[Cell, ...]]:
    """The CSV's per pickup point and per till sections (see :func:`report_rows`)."""
    sessions = Counter(s.pickup_point_id for s in data.sessions)
    for point in data.points:
        yield ("point_sessions", point.name, _("Till sessions"), "",
               sessions.get(point.pickup_point_id, 0), None, None, None, None, None, None,
               None)  # fmt: skip
    yield ("point_sessions", data.total.name, _("Till sessions"), "", len(data.sessions),
           None, None, None, None, None, None, None)  # fmt: skip
    for t in data.tills:
        where = ", ".join(t.pickup_points)
        counts = {"collections": t.collections, "walk_ins": t.walk_ins,
                  "sessions": t.sessions, "open_sessions": t.open_sessions}  # fmt: skip
        for metric, n in counts.items():
            yield ("till_count", where, t.label, metric, n, None, None, None, None, None,
                   None, None)  # fmt: skip
        yield ("till_money", where, t.label, "this_till" if t.is_this_till else "", None, None,
               money(t.expected), money(t.recorded), money(t.difference), None, None,
               t.reported_at or "")  # fmt: skip
        for mt in t.by_method:
            yield ("till_method", where, t.label, "", mt.count, money(mt.amount), None, None,
                   None, mt.method, None, None)  # fmt: skip


def till_lines(
    queries: HubViewQueries,
    params: Mapping[str, Any],
    labels: Mapping[str, str],
    sessions: tuple[r.TillSessionLine, ...],
    point_names: Mapping[int, str],
) -> tuple[r.TillLine, ...]:
    """The day per till (by ``till_uid``): its checkouts and sessions in the scope, and
    every till known from the journal even when it did nothing here yet (it reported).

    This till first, then by label; two tills with one label are told apart by the start
    of their uid."""
    totals = {t.till_uid: t for t in queries.till_totals(params, labels)}
    seen = queries.tills_seen()
    mine = queries.store.till_uid
    by_till: dict[str, list[r.TillSessionLine]] = {}
    for s in sessions:
        by_till.setdefault(s.till_uid, []).append(s)
    uids = set(totals) | set(by_till) | {u for u, t in seen.items() if t.reported_at}
    label_of = {u: (seen[u].label if u in seen else "") for u in uids}
    for s in sessions:
        label_of[s.till_uid] = label_of.get(s.till_uid) or s.till_id
    repeated = Counter(label_of.values())
    lines = []
    for uid in uids:
        t = totals.get(uid)
        mine_sessions = by_till.get(uid, [])
        point_ids = {*(t.point_ids if t else ()), *(s.pickup_point_id for s in mine_sessions)}
        label = label_of[uid] or "?"
        if repeated[label_of[uid]] > 1:
            label = f"{label} · {uid[:4]}"
        known = seen.get(uid)
        lines.append(
            r.TillLine(
                till_uid=uid,
                label=label,
                is_this_till=uid == mine,
                pickup_points=tuple(
                    sorted(point_names.get(p, "—") for p in point_ids if p is not None)
                ),
                collections=t.collections if t else 0,
                walk_ins=t.walk_ins if t else 0,
                expected=t.expected if t else 0,
                by_method=t.by_method if t else (),
                sessions=len(mine_sessions),
                open_sessions=sum(1 for s in mine_sessions if s.closed_at is None),
                reported_at=known.reported_at if known else None,
                last_event_at=known.last_event_at if known else None,
            )
        )
    lines.sort(key=lambda x: (not x.is_this_till, x.label.casefold(), x.till_uid))
    return tuple(lines)


def _point_name(data: r.ReportData, point_id: int | None) -> str:
    for p in data.points:
        if p.pickup_point_id == point_id:
            return p.name
    return data.total.name if data.total.pickup_point_id == point_id else ""


def _no_money() -> r.MoneySummary:
    return r.MoneySummary(0, 0, 0, 0, 0, 0, ())


def _actor(name: str) -> str:
    name = name.strip()
    if not name:
        raise KnownError("reconcile.actor_missing")
    return name
