"""Customer data kept only as long as needed (retention), erased on request (right to
erasure) and handed over on request (right of access).

Retention: ``keep_customer_days`` days (hub setting, default :data:`DEFAULT_KEEP_DAYS`) after
an order cycle's last activity (its close, its last order, its last checkout at the till),
and only once every event of the cycle is in OFN or resolved by staff and its till sessions
are closed, the cycle's orders lose names, emails, phones, customer codes and notes; customers
no kept order refers to any more are deleted. Every amount, line, payment and state stays, so the
reconciliation figures do not change. The purge runs at start and after each sync (the cycle
the till is set to is never purged) and costs one grouped query when there is nothing to do.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pos.domain import settings as s
from pos.errors import KnownError
from pos.store import Store
from pos.store.privacy import PrivacyRepository

log = logging.getLogger(__name__)

DEFAULT_KEEP_DAYS = s.KEEP_CUSTOMER_DAYS.default
MIN_KEEP_DAYS, MAX_KEEP_DAYS = 1, 3650
CHUNK = 100  # orders per purge transaction: a till waits at most one of them


@dataclass
class PurgeReport:
    cycles: list[int] = field(default_factory=list)
    orders: int = 0
    customers: int = 0
    seconds: float = 0.0


def keep_days(store: Store) -> int:
    days = store.settings.get(s.KEEP_CUSTOMER_DAYS)
    return min(max(days, MIN_KEEP_DAYS), MAX_KEEP_DAYS)


class PrivacyService:
    def __init__(
        self,
        store: Store,
        till_id: str | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.till_id = till_id or store.settings.get(s.TILL_LABEL)
        self.clock = clock
        self.repo = PrivacyRepository(store)

    # retention ----------------------------------------------------------------
    def purge(self) -> PurgeReport:
        """Anonymise every cycle past its retention; delete customers left unused."""
        started = time.perf_counter()
        report = PurgeReport()
        cutoff = (self.clock() - timedelta(days=keep_days(self.store))).strftime(
            "%Y-%m-%dT%H:%M:%S.%fZ"
        )
        current = self.store.settings.get(s.ORDER_CYCLE_ID)  # None: the latest is live
        latest = self.repo.latest_cycle()
        keep = [c for c in (current if current is not None else latest,) if c is not None]
        for cycle in self.repo.purgeable_cycles(cutoff, keep):
            ids = self.repo.cycle_orders(cycle)
            count = 0
            # small transactions: a till checking out meanwhile never waits long
            for start in range(0, len(ids), CHUNK):
                with self.store.transaction():
                    if not self.repo.settled(cycle):
                        break  # something new happened on the cycle: the next run sees it
                    count += self.repo.anonymise(ids[start : start + CHUNK])
            with self.store.transaction():
                self.store.audit(
                    "privacy.purge", entity="order_cycle", entity_id=str(cycle),
                    role="system", till_id=self.till_id,
                    details={"orders": count, "keep_days": keep_days(self.store)},
                )  # fmt: skip
            report.cycles.append(cycle)
            report.orders += count
        if report.orders:  # nothing written at all when there was nothing to purge
            while True:  # in slices, for the same reason
                with self.store.transaction():
                    deleted = self.repo.delete_unused_customers(limit=CHUNK * 5)
                report.customers += deleted
                if deleted < CHUNK * 5:
                    break
            self.repo.compact()
        report.seconds = time.perf_counter() - started
        log.info(
            "retention purge: %d cycle(s), %d order(s), %d customer(s) in %.3f s",
            len(report.cycles), report.orders, report.customers, report.seconds,
        )  # fmt: skip
        return report

    # one customer -------------------------------------------------------------
    def customer_orders(self, order_id: int) -> list[int]:
        return self.repo.orders_of(order_id)

    def erase_customer(self, order_id: int, *, actor: str, role: str) -> int:
        """Remove the personal details of this order's customer from every order now."""
        orders = self.repo.orders_of(order_id)
        if not orders:
            raise KnownError("privacy.no_order")
        with self.store.transaction():
            customers = self.repo.customer_ids(orders)
            numbers = self.repo.order_numbers(orders)
            self.repo.anonymise(orders)
            self.repo.delete_customers(customers)
            self.store.audit(
                "privacy.erase", entity="order", entity_id=str(order_id), actor=actor,
                role=role, till_id=self.till_id,
                details={"orders": numbers, "customers": customers},
            )  # fmt: skip
        self.repo.compact()
        return len(orders)

    def export_customer(self, order_id: int, path: str | Path, *, actor: str, role: str) -> Path:
        """Write what this till holds about the customer of this order (JSON, private)."""
        orders = self.repo.orders_of(order_id)
        if not orders:
            raise KnownError("privacy.no_order")
        data = {
            "about": "What this Food Hub POS till holds about one customer.",
            "exported_at": self.clock().isoformat(),
            **self.repo.holdings(orders),
        }
        target = Path(path)
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
        try:
            tmp.unlink(missing_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(tmp, flags, 0o600), "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise KnownError(
                "privacy.cannot_write", path=str(target), reason=exc.strerror or str(exc)
            ) from exc
        with self.store.transaction():
            self.store.audit(
                "privacy.export", entity="order", entity_id=str(order_id), actor=actor,
                role=role, till_id=self.till_id,
                details={"orders": len(orders), "file": target.name},
            )  # fmt: skip
        return target


def purge_quietly(store: Store, till_id: str | None = None) -> PurgeReport | None:
    """The purge at start and after a sync: a problem is logged, never shown at the till
    (the next start or sync tries again)."""
    try:
        return PrivacyService(store, till_id).purge()
    except Exception:
        log.warning("retention purge not done this time", exc_info=True)
        return None
