"""Printed PDFs speak the hub's language: every string translated, .mo current."""

from __future__ import annotations

import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from pos import resources
from pos.services.lists import ListRequest, ListsService
from pos.store import Store
from tests.helpers import catalogs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import pdf_i18n  # noqa: E402

FIELD = re.compile(r"\{\w+\}")


def test_every_pdf_string_has_a_french_translation_with_its_fields() -> None:
    french = {m.id: m.string for m in pdf_i18n.read("fr") if m.id}
    template = [m.id for m in pdf_i18n.template() if m.id]
    assert len(template) > 40
    missing = [t for t in template if not french.get(t)]
    assert not missing, "run: python tools/pdf_i18n.py update, translate, compile\n" + "\n".join(
        missing
    )
    for source in template:
        assert sorted(FIELD.findall(source)) == sorted(FIELD.findall(french[source])), source


def test_compiled_mo_matches_the_po() -> None:
    stale = catalogs.stale_catalogues(resources.locale_dir(), pdf_i18n.DOMAIN)
    assert not stale, f"{stale}: run python tools/pdf_i18n.py compile"


def test_a_french_hub_gets_french_lists(store: Store, tmp_path: Path) -> None:
    store.set_setting("language", "fr")
    now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    (path,) = ListsService(store).generate(
        ListRequest(kinds=("harvest",), producer_id=57), tmp_path, now=now
    )
    text = PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text()
    text = text.replace("\xa0", " ")  # a no-break space before the colon, as in French
    assert "Liste de récolte : Hillside Hens" in text
    assert "Page 1 sur 1" in text and "Tous les points de retrait" in text
