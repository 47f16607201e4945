"""``sync`` speaks the user's language (FOODHUB_POS_LANG): its progress, its summary with
plural forms, a skipped order's reason (kept as a code by the pull, worded when printed) and
the staff's to-do list. Real processes against the OFN simulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.domain.money import format_money
from pos.errors import KnownError
from pos.messages import money, phrase, said, said_error
from pos.store import Store
from sync.push import PushReport
from sync.run import SyncResult
from tests.helpers.cli import sync_cli
from tests.helpers.fixtures import no_keyring
from tests.helpers.sync_tills import collect
from tests.ofn_sim.server import OFNSimulator

__all__ = ["no_keyring"]

NB = "\u00a0"  # French puts a no-break space before ":" and ";"

SAID = {
    "en": {
        "progress": "fetching orders: 6/60",
        "pulled": "pulled (full) 60 of 60 orders: 59 new, 0 updated, 0 cancelled, 0 conflicts,"
        " 1 skipped; 60 customers, 12 producers",
        "skipped": "  skipped {bad}: not saved: OFN's total is not an amount.",
        "waiting": "0 orders waiting to push; 0 staff actions open",
        "pushing": "pushing collections: 1/1",
        "pushed": "pushed 1 order: 0 done, 1 needs staff, 0 conflicts, 0 failed;"
        " 0 payments captured, 0 orders marked collected; 0 walk-in sales listed",
        "to_do": "to do in the OFN admin:",
        "staff": "was handed over with",
    },
    "fr": {
        "progress": f"téléchargement des commandes{NB}: 6/60",
        "pulled": f"reçu (complet){NB}: 60 commandes sur 60{NB}: 59 nouvelles, 0 mise à jour,"
        f" 0 annulée, 0 conflit, 1 ignorée{NB}; 60 clients, 12 producteurs",
        "skipped": f"  ignoré {{bad}}{NB}: non enregistrée{NB}: Le champ total d'OFN n'est pas"
        " un montant.",
        "waiting": f"0 commande en attente d'envoi{NB}; 0 action de l'équipe en cours",
        "pushing": f"envoi des retraits{NB}: 1/1",
        "pushed": f"1 commande envoyée{NB}: 0 faite, 1 à traiter par l'équipe, 0 conflit,"
        f" 0 en échec{NB}; 0 paiement encaissé, 0 commande marquée retirée{NB};"
        " 0 vente directe listée",
        "to_do": f"à faire dans l'administration OFN{NB}:",
        "staff": "a été remise avec",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_sync_prints_in_the_user_s_language(
    language: str, tmp_path: Path, ofn_sim: OFNSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = SAID[language]
    monkeypatch.setenv("FOODHUB_POS_LANG", language)
    bad = ofn_sim.numbers()[3]
    data = ofn_sim.order(bad)
    data["total"] = "forty-two"  # a malformed order: skipped, the rest saved
    ofn_sim.set_raw(bad, data)
    db = tmp_path / "hub.sqlite"
    flags = ["--server", ofn_sim.url, "--hub", "214", "--order-cycle", "987",
             "--api-key-env", "OFN_TEST_KEY"]  # fmt: skip
    pulled = sync_cli(db, *flags, "--pull", key=ofn_sim.key)
    assert pulled.returncode == 3, pulled.stderr  # a skipped order needs staff
    lines = pulled.stdout.splitlines()
    assert said["progress"] in lines
    assert said["pulled"] in lines, pulled.stdout
    assert said["skipped"].format(bad=bad) in lines, pulled.stdout
    assert lines[-1] == said["waiting"]

    with Store.open(db) as store:
        collect(store, ofn_sim.numbers(payment_state="balance_due")[0])  # unpaid hand-over
    pushed = sync_cli(db, "--api-key-env", "OFN_TEST_KEY", "--push", key=ofn_sim.key)
    assert pushed.returncode == 3, pushed.stderr
    lines = pushed.stdout.splitlines()
    assert said["pushing"] in lines and said["pushed"] in lines, pushed.stdout
    to_do = lines.index(said["to_do"])
    assert said["staff"] in lines[to_do + 1] and lines[to_do + 1].startswith("  - ")


def test_the_summary_words_failures_and_conflicts_for_the_reader() -> None:
    lost = KnownError("sync.unreachable", host="ofn.example", reason=phrase("net.refused"))
    changed = said(
        "sync.conflict.total", number="R2", before=money(1250, "GBP"), after=money(1500, "GBP")
    )
    report = PushReport(due=2, failed=[("R1", said_error(lost))], conflicts=[("R2", changed)])
    result = SyncResult(push=report)
    assert "  failed R1: Cannot reach ofn.example: connection refused." in result.lines()
    assert "  conflict R2: Order R2 was changed in OFN (total £12.50 → £15.00) after the till" in (
        "\n".join(result.lines())
    )
    french = result.lines("fr", locale="fr_FR")  # amounts as the hub writes them
    assert f"  échec R1{NB}: Impossible de joindre ofn.example{NB}: connexion refusée." in french
    before, after = format_money(1250, "GBP", "fr_FR"), format_money(1500, "GBP", "fr_FR")
    assert (
        f"  conflit R2{NB}: La commande R2 a été modifiée dans OFN (total {before} → {after})"
        " après que la caisse a enregistré un retrait."
    ) in french
