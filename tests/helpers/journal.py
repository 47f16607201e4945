"""Tills sharing a journal folder (test helper): real databases, real services, real files."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from pos.domain import settings as s
from pos.domain.checkout import Tender
from pos.services.checkout import CheckoutResult, CheckoutService
from pos.services.journal import JournalService
from pos.services.roles import StaffRoles
from pos.services.till import TillService
from pos.store import Store

PASSPHRASE = "K7QD-M3XP-2RTA-WW9C-HJ4N-ZB8E"


@dataclass
class Till:
    """One till: its own database (a new till_uid), services and journal."""

    store: Store
    till: TillService
    checkout: CheckoutService
    journal: JournalService

    @property
    def uid(self) -> str:
        return self.store.till_uid

    def collect(self, order_id: int, method: str = "cash") -> CheckoutResult:
        """Hand the order over, paying what is due by ``method``."""
        draft = self.checkout.start(order_id)
        due = self.checkout.preview(draft).amount_due
        return self.checkout.collect(draft, [Tender(method, due)] if due > 0 else [])

    def close(self) -> None:
        self.store.close()


def new_till(
    template: Path, path: Path, label: str = "T1", *, passphrase: str = PASSPHRASE
) -> Till:
    """A till from a copy of ``template`` (a pulled or demo hub): a copy is the same till, so
    it gets a till_uid of its own, as a new laptop's database would."""
    shutil.copyfile(template, path)
    store = Store.open(path)
    store.settings.set(s.TILL_UID, str(uuid.uuid4()))
    store.settings.set(s.TILL_LABEL, label)
    store.settings.set(s.JOURNAL_KEY, passphrase)
    return services(store, label)


def services(store: Store, label: str) -> Till:
    roles = StaffRoles(store, label)
    till = TillService(store, roles, till_id=label)
    checkout = CheckoutService(store, till, roles, till_id=label)
    return Till(store, till, checkout, JournalService(store))


def journal_files(folder: Path) -> list[Path]:
    """Every complete journal file under ``folder`` (not temporary ones)."""
    return sorted(p for p in folder.glob("*/*.json") if not p.name.startswith("."))


def copy_file(source_folder: Path, file: Path, target_folder: Path) -> Path:
    """Copy one till's file into another folder as a sync engine would (same relative path)."""
    target = target_folder / file.relative_to(source_folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(file, target)
    return target
