"""Every UI string has a French translation, placeholders survive, and the .qm is current."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pos import resources

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

PLACEHOLDER = re.compile(r"%(?:\d|n)")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ET.Element]:
    target = tmp_path_factory.mktemp("ts") / "current.ts"
    target.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="fr"></TS>\n',
        encoding="utf-8",
    )
    i18n.extract(target)
    found = messages(target)
    assert len(found) > 40
    return found


def translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
        return []
    forms = [f.text or "" for f in node.findall("numerusform")]
    return forms if forms else [node.text or ""]


def test_every_ui_string_has_a_french_translation(extracted) -> None:
    french = messages(i18n.ts_path("fr"))
    missing = [
        f"{ctx}: {src!r}"
        for (ctx, src) in extracted
        if (ctx, src) not in french
        or not all(translations(french[(ctx, src)]) or [""])
        or not translations(french[(ctx, src)])
    ]
    assert not missing, "missing French translations (run tools/i18n.py):\n" + "\n".join(missing)


def test_placeholders_survive_translation() -> None:
    for (ctx, src), message in messages(i18n.ts_path("fr")).items():
        wanted = sorted(set(PLACEHOLDER.findall(src)))
        for form in translations(message):
            got = sorted(set(PLACEHOLDER.findall(form)))
            assert got == wanted, f"{ctx}: {src!r} -> {form!r}"


def stale_qm_entries(ts: Path, qm: Path) -> list[str]:
    """Finished .ts messages the compiled .qm translates otherwise (read back through Qt).

    Compared by content, not bytes: a new lrelease may lay the file out differently.
    """
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(qm)), qm
    stale = []
    for (ctx, src), message in messages(ts).items():
        forms = translations(message)
        comment = message.findtext("comment")
        # French plural rule: form 0 for n <= 1, form 1 above.
        counts = (1, 5) if message.get("numerus") == "yes" else (-1,)
        for n, form in zip(counts, forms, strict=False):
            if form and translator.translate(ctx, src, comment, n) != form:
                stale.append(f"{ctx}: {src!r}")
    return stale


def test_compiled_qm_matches_the_ts() -> None:
    stale = stale_qm_entries(i18n.ts_path("fr"), resources.qt_catalogue("fr"))
    assert not stale, "run: python tools/i18n.py compile\n" + "\n".join(stale)


def test_a_stale_qm_is_caught(tmp_path: Path) -> None:
    ts = tmp_path / "foodhub_fr.ts"
    text = i18n.ts_path("fr").read_text(encoding="utf-8")
    ts.write_text(
        text.replace(">%1 en attente de synchro<", ">%1 pas encore synchronisé<", 1),
        encoding="utf-8",
    )
    assert ">%1 pas encore synchronisé<" in ts.read_text(encoding="utf-8")
    assert len(stale_qm_entries(ts, resources.qt_catalogue("fr"))) == 1
