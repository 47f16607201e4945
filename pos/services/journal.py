"""The shared journal: write this till's events as files, merge the other tills' files.

Any folder the hub's tills share (Syncthing, Nextcloud, a shared drive, a USB stick) carries
the journal: this till writes each event, after its transaction committed, as an immutable
file ``<folder>/<till_uid>/<seq:010d>.json`` (a temporary name, then one rename), and reads
the other tills' folders. The folder sync engine is the transport; our part is a format any
such engine can copy safely and a merge that gives the same result whatever order, however
many times and however late the files arrive. Format and rules: docs/journal.md.

Nothing here raises into a checkout: the events are in the database first
(``journal_events``), and a folder that is missing, read-only or full only leaves them
unwritten until :meth:`JournalService.write_pending` runs again (``status().waiting``).
"""

from __future__ import annotations

import errno
import json
import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pos.domain import journal as j
from pos.domain import settings as s
from pos.errors import KnownError
from pos.services.checkout import desired_state_of
from pos.store import Store
from pos.store.checkouts import CheckoutRepository
from pos.store.db import utcnow
from pos.store.driver import sqlite3
from pos.store.journal import JournalRepository, Waiting, held_name

log = logging.getLogger(__name__)

_BATCH = 200  # events applied per transaction (each in its own savepoint)
# A folder with nothing new is not written for (no write lock taken from the till every
# round): only its "last read" time is, when the stored one is older than this.
SEEN_EVERY = timedelta(minutes=1)
# The last write or merge failure (a code) per database: services are made per thread and
# connection (the app's worker tasks), the status is the database's. Set and cleared only by
# JournalService._problem_recorded.
_PROBLEMS: dict[Path, str] = {}


class JournalUnavailable(KnownError):
    """The journal folder cannot be used now (``journal.folder_missing``, ``..._read_only``,
    ``..._full``, ``..._unusable``); events wait in the database."""


def folder_problem(exc: OSError, folder: Path) -> JournalUnavailable:
    """The coded error an OSError on the journal folder means."""
    if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.ESTALE):
        return JournalUnavailable("journal.folder_missing", folder=str(folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return JournalUnavailable("journal.folder_read_only", folder=str(folder))
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return JournalUnavailable("journal.folder_full", folder=str(folder))
    return JournalUnavailable(
        "journal.folder_unusable", folder=str(folder), reason=exc.strerror or str(exc)
    )


class JournalService:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.repo = JournalRepository(store)
        self.checkouts = CheckoutRepository(store)
        # held files unchanged since they were refused are not read again: name -> stat
        self._refused: dict[str, tuple[int, int]] = {}

    # set-up ---------------------------------------------------------------------------
    @staticmethod
    def new_passphrase() -> str:
        return j.new_passphrase()

    def enabled(self) -> bool:
        return bool(self.store.settings.get(s.JOURNAL_KEY).strip())

    def folder(self) -> Path | None:
        """The journal folder set for this till, or None."""
        text = self.store.settings.get(s.JOURNAL_FOLDER).strip()
        return Path(text).expanduser() if text else None

    def hub_id(self) -> int | str:
        hub = self.store.settings.get(s.HUB_ID)
        if hub is None:
            hub = self.store.scalar("SELECT id FROM hub ORDER BY id LIMIT 1")
        return hub if hub is not None else 0

    def _key(self) -> bytes:
        passphrase = self.store.settings.get(s.JOURNAL_KEY)
        if not passphrase.strip():
            raise KnownError("journal.key_missing")
        return j.derive_key(passphrase, self.hub_id())

    def check_folder(self, folder: Path) -> None:
        """Write a test file, read it back and remove it; raise the coded reason it fails."""
        folder = Path(folder)
        if not folder.is_dir():
            raise JournalUnavailable("journal.folder_missing", folder=str(folder))
        probe = folder / f".foodhub-test-{secrets.token_hex(6)}.tmp"
        payload = secrets.token_bytes(64)
        try:
            with open(probe, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            if probe.read_bytes() != payload:
                raise JournalUnavailable(
                    "journal.folder_unusable", folder=str(folder), reason="read back differs"
                )
        except OSError as exc:
            raise folder_problem(exc, folder) from exc
        finally:
            try:
                probe.unlink(missing_ok=True)
            except OSError:
                pass

    def rewrite_all(self) -> int:
        """After the hub passphrase changed: this till's whole journal is written again,
        signed with the new key, at the next ``write_pending`` (a till set up later can then
        read it all). How many events will be rewritten."""
        return self.repo.unwrite_all()

    # writing --------------------------------------------------------------------------
    def write_pending(self, folder: Path) -> int:
        """Write every local event whose file is not written yet; how many were written.

        Raises :class:`JournalUnavailable` when the folder cannot take them (what was written
        before the failure stays written; the rest waits) and ``journal.key_missing`` when the
        hub key is not set."""
        folder = Path(folder)
        key = self._key()
        hub, label = self.hub_id(), self.store.settings.get(s.TILL_LABEL)
        mine = folder / self.store.till_uid
        written = 0
        renumbered = False
        with self._problem_recorded():
            if not folder.is_dir():
                raise JournalUnavailable("journal.folder_missing", folder=str(folder))
            try:
                mine.mkdir(exist_ok=True)
                self._recover(mine, key, hub)
            except OSError as exc:
                raise folder_problem(exc, folder) from exc
            while rows := self.repo.unwritten(_BATCH):
                done: list[int] = []
                try:
                    for row in rows:
                        event = _loads(row["body"])
                        data = j.seal(
                            key, hub=hub, till=self.store.till_uid, label=label, seq=row["seq"],
                            kind=row["kind"], at=row["at"], event=event,
                        )  # fmt: skip
                        target = mine / j.file_name(row["seq"])
                        if _taken(target, row["kind"], row["at"], event):
                            break  # renumbered below, then written on the next pass
                        _write_file(target, data)
                        done.append(row["seq"])
                    else:
                        rows = []
                except OSError as exc:
                    raise folder_problem(exc, folder) from exc
                finally:
                    self.repo.mark_written(done, utcnow())
                    written += len(done)
                if rows:  # a file of ours with another event under this number
                    self._renumber(mine, rows[len(done)]["seq"])
                    renumbered = True
            if renumbered:  # the lost events whose numbers were taken can come back now
                try:
                    self._recover(mine, key, hub)
                except OSError as exc:
                    raise folder_problem(exc, folder) from exc
        return written

    def _recover(self, mine: Path, key: bytes, hub: int | str) -> int:
        """Take back this till's own events that its folder has and its database lost (a
        backup was restored): applied as rows of this till, so its receipt and session
        numbers carry on after them and no published number is used twice."""
        known = self.repo.known_seqs(self.store.till_uid)
        lost = sorted(
            seq for seq in (j.seq_of(p.name) for p in mine.iterdir())
            if seq is not None and seq not in known
        )  # fmt: skip
        recovered = 0
        for seq in lost:
            try:
                event = j.read(
                    (mine / j.file_name(seq)).read_bytes(), key, hub=hub, till=self.store.till_uid,
                    seq=seq,
                )  # fmt: skip
            except (j.Rejected, FileNotFoundError):
                continue  # not ours after all (another key) or gone: nothing to take back
            with self.store.transaction():
                self.repo.recover(event, utcnow())
                if self._apply(event) is not None:
                    recovered += 1
        if recovered:
            log.warning("took back %d event(s) of this till from %s", recovered, mine)
        return recovered

    def _renumber(self, mine: Path, first: int) -> None:
        """This till's folder has files numbered past what the database knows (a backup was
        restored): the unwritten events move past them, so no published number changes
        meaning. Other tills merged those files already; they stay true."""
        numbers = [n for n in (j.seq_of(p.name) for p in mine.iterdir()) if n is not None]
        top = max([first, *numbers, *self.repo.known_seqs(self.store.till_uid)])
        log.warning("journal numbers from %d are taken in %s: moved to %d", first, mine, top + 1)
        self.repo.renumber_unwritten(first, top + 1)

    # merging --------------------------------------------------------------------------
    def merge(self, folder: Path) -> j.MergeReport:
        """Read the other tills' files, keep the verified new events, apply what can be."""
        folder = Path(folder)
        key = self._key()
        hub = self.hub_id()
        rejected = recovered = 0
        with self._problem_recorded():
            if not folder.is_dir():
                raise JournalUnavailable("journal.folder_missing", folder=str(folder))
            try:
                tills = sorted(
                    entry.name for entry in os.scandir(folder)
                    if entry.is_dir() and j.is_till_folder(entry.name)
                    and entry.name != self.store.till_uid
                )  # fmt: skip
                for till in tills:
                    rejected += self._read_till(folder / till, till, key, hub)
                if (folder / self.store.till_uid).is_dir():
                    recovered = self._recover(folder / self.store.till_uid, key, hub)
                self._forget_vanished(folder)
            except OSError as exc:
                raise folder_problem(exc, folder) from exc
        report = self.retry_held()
        result = j.MergeReport(report.merged + recovered, report.held, rejected, report.conflicts)
        if result.merged or result.rejected or result.conflicts:
            with self.store.transaction():
                self.store.audit(
                    "journal.merge", entity="journal", actor="journal", role="system",
                    details={"merged": result.merged, "held": result.held,
                             "rejected": result.rejected, "double_handovers": result.conflicts},
                )  # fmt: skip
        return result

    def _forget_vanished(self, folder: Path) -> None:
        """Files kept aside that are no longer in the folder (a sync engine's leftover it
        removed) are no longer reported."""
        gone = [
            h.name for h in self.repo.held()
            if h.reason_code in j.FILE_REASONS and not (folder / h.name).exists()
        ]  # fmt: skip
        if gone:
            with self.store.transaction():
                for name in gone:
                    self.repo.release(name)
                    self._refused.pop(name, None)

    def _read_till(self, path: Path, till: str, key: bytes, hub: int | str) -> int:
        """Keep the new verified events of one till's folder; files refused newly."""
        known = self.repo.known_seqs(till)
        new = [  # not temporary files (".<name>.tmp"), not events already here
            (entry, seq)
            for entry in sorted(os.scandir(path), key=lambda e: e.name)
            if (seq := j.seq_of(entry.name)) is not None and seq not in known and entry.is_file()
        ]
        now = utcnow()
        if not new and not self._seen_due(till):
            return 0
        rejected = 0
        with self.store.transaction():
            for entry, seq in new:
                name = held_name(till, seq)
                try:
                    stat = entry.stat()
                    signature = (stat.st_size, stat.st_mtime_ns)
                    if self._refused.get(name) == signature:
                        continue
                    with open(entry.path, "rb") as handle:
                        raw = handle.read()
                    event = j.read(raw, key, hub=hub, till=till, seq=seq)
                except FileNotFoundError:
                    continue  # renamed or removed by the sync engine meanwhile
                except OSError as exc:  # this file only (no permission, a bad sector)
                    log.warning("journal file %s cannot be read: %s", name, exc)
                    if self.repo.hold(name, till, seq, "journal.file_unreadable"):
                        rejected += 1
                    continue
                except j.Rejected as exc:
                    # an incomplete file is read again at every merge: a copy in progress may
                    # keep its size (preallocated) and its mtime (sync engines copy it, and
                    # FAT or SMB clocks are coarse) until it is complete
                    if exc.code != "journal.file_incomplete":
                        self._refused[name] = signature
                    if self.repo.hold(name, till, seq, exc.code):
                        rejected += 1
                        log.warning("journal file %s kept aside: %s", name, exc.code)
                    continue
                self._refused.pop(name, None)
                self.repo.release(name)
                self.repo.keep(event)
            self.repo.seen(till, now)
        return rejected

    def _seen_due(self, till: str) -> bool:
        """Time to note again that this till's folder was read (SEEN_EVERY)."""
        last = self.repo.last_seen(till)
        try:
            then = datetime.fromisoformat(last.replace("Z", "+00:00")) if last else None
        except ValueError:
            then = None
        return then is None or datetime.now(UTC) - then >= SEEN_EVERY

    def retry_held(self) -> j.MergeReport:
        """Apply every remote event kept but not applied yet (after a pull brought the orders
        they wait for, or after new files arrived). Idempotent."""
        merged = conflicts = 0
        while True:
            waiting = self.repo.waiting()
            progress = False
            for start in range(0, len(waiting), _BATCH):
                with self.store.transaction():
                    for event in waiting[start : start + _BATCH]:
                        outcome = self._apply(event)
                        if outcome is None:
                            continue
                        progress = True
                        merged += 1
                        conflicts += int(outcome)
            if not progress:
                break
        held = len(self.repo.waiting())  # still waiting after every pass
        return j.MergeReport(merged, held, 0, conflicts)

    def _apply(self, event: j.JournalEvent) -> bool | None:
        """Apply one event in a savepoint: True if it found a conflict, False if applied,
        None if it waits (held), its body is unreadable or it clashes with rows here (held)."""
        name = held_name(event.till, event.seq)
        try:
            with self.store.transaction():
                applied = self.repo.apply(event)
                if applied.order_id is not None:
                    self._follow_outbox(applied.order_id)
                self.repo.mark_merged(event.till, event.seq, utcnow())
                self.repo.release(name)
        except Waiting as exc:
            self.repo.hold(name, event.till, event.seq, exc.code)
            return None
        except sqlite3.IntegrityError as exc:  # e.g. a receipt number issued twice
            log.warning("journal event %s clashes with this database: %s", name, exc)
            self.repo.hold(name, event.till, event.seq, "journal.event_clash")
            return None
        except (
            KeyError, TypeError, ValueError, OverflowError, sqlite3.InterfaceError,
            sqlite3.ProgrammingError,
        ) as exc:  # fmt: skip  # a field missing, or of a type no column takes
            log.warning("journal event %s does not fit its kind %s: %r", name, event.kind, exc)
            self.repo.hold(name, event.till, event.seq, "journal.event_unreadable")
            return None
        return applied.conflict

    def _follow_outbox(self, order_id: int) -> None:
        """The order's outbox as a local checkout would leave it (changed only if it differs)."""
        from pos.store.outbox import Outbox

        def currency() -> str:
            return str(self.store.scalar("SELECT currency FROM orders WHERE id = ?", (order_id,)))

        desired = desired_state_of(self.checkouts, order_id, currency)
        item = Outbox(self.store).get(order_id)
        if item is None and desired.collected is False and not desired.payments:
            return  # nothing to say to OFN, as before any checkout
        if item is not None and item.desired == desired:
            return
        self.checkouts.upsert_outbox(order_id, desired)

    def exchange(self, folder: Path) -> j.MergeReport | None:
        """Write this till's pending events, then merge the others' (the app's timer): a
        folder that cannot be used is not an error here, only the status (``problem``,
        ``waiting``); None then. Raises only ``journal.key_missing``."""
        try:
            self.write_pending(folder)
            return self.merge(folder)
        except JournalUnavailable as exc:
            log.info("journal folder not usable: %s", exc.code)
            return None

    # status ---------------------------------------------------------------------------
    @contextmanager
    def _problem_recorded(self) -> Iterator[None]:
        """The folder's use inside is what the status reports: a :class:`JournalUnavailable`
        raised leaves its code as ``status().problem`` (and goes on); a block that ends well
        clears it."""
        try:
            yield
        except JournalUnavailable as exc:
            _PROBLEMS[self.store.path] = exc.code
            raise
        _PROBLEMS.pop(self.store.path, None)

    def status(self, folder: Path | None) -> j.JournalStatus:
        enabled = folder is not None and self.enabled()
        reachable = False
        problem = _PROBLEMS.get(self.store.path)
        if folder is not None:
            folder = Path(folder)
            reachable = folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
            if not reachable and problem is None:  # gone since the last write or merge
                missing = not folder.is_dir()
                problem = "journal.folder_missing" if missing else "journal.folder_read_only"
        return j.JournalStatus(
            reachable=reachable,
            unwritten=self.repo.unwritten_count(),
            last_written_at=self.repo.last_written_at(),
            last_merged_at=self.repo.last_merged_at(),
            tills=self.repo.tills(),
            held=self.repo.held(),
            problem=problem,
            enabled=enabled,
        )

    def take_unreported(self) -> list[j.HeldFile]:
        """Held files and events not reported yet; they are reported from now on (once)."""
        return self.repo.take_unreported()


def after_pull(store: Store) -> j.MergeReport | None:
    """A pull may have brought the orders held events wait for: apply them now (the sync
    already succeeded, so a failure here is only logged; the next merge tries again)."""
    service = JournalService(store)
    try:
        if not service.repo.waiting():
            return None
        return service.retry_held()
    except Exception:
        log.exception("merging the held journal events after a pull failed")
        return None


def _loads(text: str) -> dict[str, object]:
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


def _taken(path: Path, kind: str, at: str, event: dict[str, object]) -> bool:
    """Whether ``path`` holds another event than this one (the same event written before, even
    under an older label, is not another; nor is a damaged file, which is rewritten)."""
    try:
        doc = json.loads(path.read_bytes())
    except FileNotFoundError:
        return False
    except ValueError:
        return False
    if not isinstance(doc, dict):
        return False
    return (doc.get("kind"), doc.get("at"), doc.get("event")) != (kind, at, event)


def _write_file(path: Path, data: bytes) -> None:
    """Write under a temporary name in the same folder, then rename: a reader (or a sync
    engine) sees the whole file or none of it. The temporary name is this writer's own: the
    till and a ``journal`` command on the same database may write the same event at once (the
    same bytes); with one shared name, one could rename the other's half-written file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
