"""Printed PDFs speak the hub's language (catalogue checks: tests/unit/test_translations.py)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from pos.domain.settings import LANGUAGE
from pos.services.lists import ListRequest, ListsService
from pos.store import Store


def test_a_french_hub_gets_french_lists(store: Store, tmp_path: Path) -> None:
    store.settings.set(LANGUAGE, "fr")
    now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    (path,) = ListsService(store).generate(
        ListRequest(kinds=("harvest",), producer_id=57), tmp_path, now=now
    )
    text = PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text()
    text = text.replace("\xa0", " ")  # a no-break space before the colon, as in French
    assert "Liste de récolte : Hillside Hens" in text
    assert "Page 1 sur 1" in text and "Tous les points de retrait" in text
