"""One sync run as the CLI and the GUI worker start it: push the outbox, then pull.

Push goes first so what the till did reaches OFN as soon as possible, and the pull that
follows sees OFN after those changes (fewer conflicts).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from pos.errors import KnownError
from pos.store import Store
from pos.store.ingest import Ingest
from pos.store.outbox import Outbox, StaffActionRow, SyncStatus
from sync.client import OFNClient
from sync.connection import Settings
from sync.errors import SyncError
from sync.pull import Progress, Puller, PullReport
from sync.push import Pusher, PushReport
from sync.transport import RetryPolicy, Transport

EXIT_OK, EXIT_FAILED, EXIT_STAFF = 0, 1, 3
EMAILS_DELAYED = (
    "OFN reports its background jobs are stuck: the emails and invoices it sends (such as"
    " 'picked up') are delayed."
)


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

    def lines(self) -> list[str]:
        out: list[str] = []
        if self.push:
            p = self.push
            out.append(
                f"pushed {p.due} order(s): {p.done} done, {p.needs_staff} need staff,"
                f" {len(p.conflicts)} conflict(s), {len(p.failed)} failed;"
                f" {len(p.captured)} payment(s) captured, {len(p.shipped)} order(s) marked"
                f" collected; {p.walk_ins} walk-in sale(s) listed"
            )
            out += [f"  conflict {n}: {why}" for n, why in p.conflicts]
            out += [f"  failed {n}: {why}" for n, why in p.failed]
        if self.pull:
            r = self.pull
            kind = "incremental" if r.incremental else "full"
            out.append(
                f"pulled ({kind}) {r.fetched} of {r.listed} order(s): {r.inserted} new,"
                f" {r.updated} updated, {r.cancelled} cancelled, {len(r.conflicts)} conflict(s),"
                f" {len(r.skipped)} skipped; {r.customers} customer(s), {r.producers} producer(s)"
            )
            out += [f"  conflict {n}: {why}" for n, why in r.conflicts]
            out += [f"  skipped {n}: {why}" for n, why in r.skipped]
        s = self.status
        out.append(f"waiting to push: {s.waiting}; staff actions open: {s.open_staff_actions}")
        if self.jobs_alive is False:
            out.append(EMAILS_DELAYED)
        return out


def check_database(store: Store, settings: Settings) -> None:
    """A hub database only ever holds one real hub, never mixed with the demo."""
    if store.get_setting("demo", False):
        raise KnownError(
            f"{store.path.name} holds the demo hub; sync into a new database file for your"
            " real hub (sync --db NEW_FILE ...)."
        )
    existing = Ingest(store).hub_id()
    if existing is not None and settings.hub_id is not None and existing != settings.hub_id:
        raise KnownError(
            f"{store.path.name} holds hub {existing}, not hub {settings.hub_id}; use a separate"
            " database for each hub."
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
) -> SyncResult:
    if not settings.url:
        raise KnownError("No OFN address is set: give --server URL or connect in Sync settings.")
    if settings.hub_id is None:
        raise KnownError("No hub is set: give --hub ID or choose it in Sync settings.")
    check_database(store, settings)
    transport = Transport(settings.url, api_key, policy=policy, cancel=cancel)
    client = OFNClient(transport)
    result = SyncResult()
    outbox = Outbox(store)
    try:
        if push:
            outbox.retry_failed_now()
            result.push = Pusher(client, store, progress=progress).run()
        if pull:
            result.pull = Puller(
                client, store, hub_id=settings.hub_id,
                order_cycle_id=settings.order_cycle_id, progress=progress,
            ).run(full=full)  # fmt: skip
        result.jobs_alive = jobs_alive(client)
    finally:
        transport.close()
        result.status = outbox.status()
        result.staff_actions = outbox.staff_actions()
    return result
