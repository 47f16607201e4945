"""One sync run as the CLI and the GUI worker start it: push the outbox, then pull.

Push goes first so what the till did reaches OFN as soon as possible, and the pull that
follows sees OFN after those changes (fewer conflicts).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from pos import messages
from pos.domain.settings import DEMO
from pos.errors import KnownError
from pos.languages import SOURCE
from pos.store import Store
from pos.store.ingest import Ingest
from pos.store.lock import FileLock, LockHeld, holder_role
from pos.store.orders import OrderRepository
from pos.store.outbox import Outbox, StaffActionRow, SyncStatus
from sync.client import OFNClient
from sync.connection import Settings
from sync.errors import KeyRejected, NoAccess, SyncError
from sync.pull import Progress, Puller, PullReport
from sync.push import Pusher, PushReport
from sync.transport import RetryPolicy, Transport

EXIT_OK, EXIT_FAILED, EXIT_STAFF = 0, 1, 3
EMAILS_DELAYED = messages.PHRASES["sync.emails_delayed"]  # the English line


@dataclass
class SyncResult:
    pull: PullReport | None = None
    push: PushReport | None = None
    status: SyncStatus = field(default_factory=SyncStatus)
    staff_actions: list[StaffActionRow] = field(default_factory=list)  # open, oldest first
    jobs_alive: bool | None = None  # OFN's job_queue: False = its emails and invoices wait

    @property
    def failed(self) -> list[tuple[str, str]]:
        return list(self.push.failed) if self.push else []

    @property
    def needs_staff(self) -> bool:
        skipped = bool(self.pull and self.pull.skipped)
        return skipped or self.status.needs_staff > 0 or self.status.open_staff_actions > 0

    @property
    def exit_code(self) -> int:
        if self.failed:
            return EXIT_FAILED
        return EXIT_STAFF if self.needs_staff else EXIT_OK

    def lines(self, language: str = SOURCE, *, locale: str | None = None) -> list[str]:
        """The summary the command line prints, in ``language`` (amounts in ``locale``)."""

        def say(code: str, **params: object) -> str:
            return messages.word(code, params, language, locale=locale)

        def reason(text: str) -> str:
            return messages.word_said(text, language, locale=locale)

        def details(code: str, items: list[tuple[str, str]]) -> list[str]:
            return [say(code, number=reason(n), reason=reason(why)) for n, why in items]

        out: list[str] = []
        if self.push:
            p = self.push
            out.append(say(
                "sync.push.summary",
                pushed=say("sync.pushed", count=p.due),
                done=say("sync.push.done", count=p.done),
                needs_staff=say("sync.push.needs_staff", count=p.needs_staff),
                conflicts=say("sync.conflicts", count=len(p.conflicts)),
                failed=say("sync.push.failed", count=len(p.failed)),
                captured=say("sync.push.captured", count=len(p.captured)),
                shipped=say("sync.push.shipped", count=len(p.shipped)),
                walk_ins=say("sync.push.walk_ins", count=p.walk_ins),
            ))  # fmt: skip
            out += details("sync.line.conflict", p.conflicts)
            out += details("sync.line.failed", p.failed)
        if self.pull:
            r = self.pull
            how = say("sync.pull.incremental" if r.incremental else "sync.pull.full")
            out.append(say(
                "sync.pull.summary",
                pulled=say("sync.pulled", how=how, fetched=r.fetched, count=r.listed),
                new=say("sync.pull.new", count=r.inserted),
                updated=say("sync.pull.updated", count=r.updated),
                cancelled=say("sync.pull.cancelled", count=r.cancelled),
                conflicts=say("sync.conflicts", count=len(r.conflicts)),
                skipped=say("sync.pull.skipped", count=len(r.skipped)),
                customers=say("sync.pull.customers", count=r.customers),
                producers=say("sync.pull.producers", count=r.producers),
            ))  # fmt: skip
            out += details("sync.line.conflict", r.conflicts)
            out += [
                say("sync.line.skipped", what=reason(what), reason=reason(why))
                for what, why in r.skipped
            ]
        s = self.status
        out.append(say(
            "sync.status",
            waiting=say("sync.waiting", count=s.waiting),
            staff=say("sync.staff_open", count=s.open_staff_actions),
        ))  # fmt: skip
        if self.jobs_alive is False:
            out.append(say("sync.emails_delayed"))
        return out


def check_database(store: Store, settings: Settings) -> None:
    """A hub database only ever holds one real hub, never mixed with the demo."""
    if store.settings.get(DEMO):
        raise KnownError("sync.demo_database", file=store.path.name)
    existing = Ingest(store).hub_id()
    if existing is not None and settings.hub_id is not None and existing != settings.hub_id:
        raise KnownError(
            "sync.other_hub", file=store.path.name, hub=existing, wanted=settings.hub_id
        )


def jobs_alive(client: OFNClient) -> bool | None:
    """``GET /api/v0/status/job_queue``: False when OFN's background jobs are stuck, so the
    emails that ship triggers go out late; None when it does not say (never fails a sync)."""
    try:
        data = client.alive()
    except SyncError:
        return None
    alive = data.get("alive") if isinstance(data, dict) else None
    return alive if isinstance(alive, bool) else None


def run_sync(
    store: Store,
    settings: Settings,
    api_key: str,
    *,
    pull: bool = True,
    push: bool = True,
    full: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    policy: RetryPolicy | None = None,
    role: str = "app",
) -> SyncResult:
    """One sync; ``role`` ("app" or "sync" for the command line) names it to a second one.

    Only one sync per database at a time (``<db>.sync.lock``): two pushers on one outbox could
    capture twice. The sync does not hold the till's own lock, so a sync job that hangs never
    keeps the till out of its database.
    """
    if not settings.url:
        raise KnownError("sync.no_address")
    if settings.hub_id is None:
        raise KnownError("sync.no_hub")
    check_database(store, settings)
    sync_lock = FileLock(store.path, name="sync", role=role)
    try:
        sync_lock.acquire()
    except LockHeld as exc:
        pid, holder = holder_role(exc)
        who = "a scheduled sync" if holder == "sync" else "the till's own sync"
        raise KnownError("sync.running", file=store.path.name, who=who, pid=pid) from None
    try:
        return _run(store, settings, api_key, pull, push, full, progress, cancel, policy)
    finally:
        sync_lock.release()


def _till_point(store: Store, point_id: int | None) -> int | None:
    """The pickup point to pull alone, if one is set and it is not a delivery method (the
    order list's filter can show deliveries; a till never stands at one)."""
    if point_id is None:
        return None
    deliveries = {p.id for p in OrderRepository(store).pickup_points() if p.is_delivery}
    return None if point_id in deliveries else point_id


def _run(
    store: Store,
    settings: Settings,
    api_key: str,
    pull: bool,
    push: bool,
    full: bool,
    progress: Progress | None,
    cancel: threading.Event | None,
    policy: RetryPolicy | None,
) -> SyncResult:
    assert settings.hub_id is not None
    transport = Transport(settings.url, api_key, policy=policy, cancel=cancel)
    client = OFNClient(transport)
    result = SyncResult()
    outbox = Outbox(store)
    worked_before = outbox.status().last_ok_pull
    try:
        if push:
            outbox.retry_failed_now()
            result.push = Pusher(client, store, progress=progress).run()
        if pull:
            result.pull = Puller(
                client, store, hub_id=settings.hub_id,
                order_cycle_id=settings.order_cycle_id,
                pickup_point_id=_till_point(store, settings.pickup_point_id),
                progress=progress,
            ).run(full=full)  # fmt: skip
        result.jobs_alive = jobs_alive(client)
    except KeyRejected as exc:
        if isinstance(exc, NoAccess) or not worked_before:
            raise
        # OFN answers 401 to a user without rights too (never 403): a key that worked
        # before has more likely lost its access than become wrong
        raise NoAccess(
            "sync.access_lost",
            host=transport.host,
            when=worked_before[:16].replace("T", " "),
            hub=settings.hub_id,
        ) from None
    finally:
        transport.close()
        result.status = outbox.status()
        result.staff_actions = outbox.staff_actions()
    return result
