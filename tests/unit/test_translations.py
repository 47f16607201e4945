"""The one translation pipeline (tools/i18n.py): every string translated, placeholders kept,
compiled catalogues current (by content), one term one translation on screen and paper."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import write_po

from pos import languages, resources
from tests.helpers import catalogs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

QT_PLACEHOLDER = re.compile(r"%(?:\d|n)")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ET.Element]:
    target = tmp_path_factory.mktemp("ts") / "current.ts"
    target.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="fr"></TS>\n',
        encoding="utf-8",
    )
    i18n.extract(target)
    found = i18n.ts_messages(target)
    assert len(found) > 40
    return found


def test_every_language_has_both_catalogues() -> None:
    assert languages.SOURCE in languages.LANGUAGES
    for lang in i18n.TARGETS:
        assert resources.qt_catalogue(lang).is_file()
        assert (resources.locale_dir() / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").is_file()


def test_every_language_has_its_name_and_a_locale_in_the_one_list() -> None:
    """Adding a language is one entry in pos/languages.py: its name in the language picker
    and the locale its amounts read in come from there, not from copies elsewhere."""
    assert set(languages.NAMES) == set(languages.LANGUAGES) == set(languages.LOCALES)
    for lang, locale in languages.LOCALES.items():
        assert languages.language_of(locale) == lang


def test_every_ui_string_has_a_french_translation(extracted) -> None:
    french = i18n.ts_messages(i18n.ts_path("fr"))
    missing = [
        f"{ctx}: {src!r}"
        for (ctx, src) in extracted
        if (ctx, src) not in french or not i18n.ts_forms(french[(ctx, src)])
    ]
    assert not missing, "missing French translations (run tools/i18n.py):\n" + "\n".join(missing)


def test_placeholders_survive_translation() -> None:
    for (ctx, src), message in i18n.ts_messages(i18n.ts_path("fr")).items():
        wanted = sorted(set(QT_PLACEHOLDER.findall(src)))
        for form in i18n.ts_forms(message):
            got = sorted(set(QT_PLACEHOLDER.findall(form)))
            assert got == wanted, f"{ctx}: {src!r} -> {form!r}"


def test_printed_text_is_translated_with_its_fields_and_the_glossary_holds() -> None:
    assert len(i18n.template()) > 100
    problems = i18n.problems()
    assert not problems, "run: python tools/i18n.py update / compile / check\n" + "\n".join(
        problems
    )


def test_the_glossary_catches_one_term_translated_two_ways(tmp_path, monkeypatch) -> None:
    french = i18n.read("fr")
    french.get("Left owing").string = "Encore dû"  # the screen says "Reste dû"
    po = tmp_path / "fr" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as f:
        write_po(f, french)
    monkeypatch.setattr(i18n, "LOCALE", tmp_path)
    (clash,) = i18n.glossary_clashes("fr")
    assert "'Left owing'" in clash and "Encore dû" in clash and "Reste dû" in clash


def test_compiled_printed_catalogues_match_the_po_files() -> None:
    stale = catalogs.stale_catalogues(resources.locale_dir(), i18n.DOMAIN)
    assert not stale, f"{stale}: run python tools/i18n.py compile"


def test_a_stale_printed_catalogue_is_caught(tmp_path: Path) -> None:
    folder = tmp_path / "fr" / "LC_MESSAGES"
    shutil.copytree(resources.locale_dir() / "fr" / "LC_MESSAGES", folder)
    po = folder / f"{i18n.DOMAIN}.po"
    text = po.read_text(encoding="utf-8")
    assert '"Total encaissé"' in text
    po.write_text(text.replace('"Total encaissé"', '"Total perçu"'), encoding="utf-8")
    assert catalogs.stale_catalogues(tmp_path, i18n.DOMAIN) == [str(po)]


def stale_qm_entries(ts: Path, qm: Path) -> list[str]:
    """Finished .ts messages the compiled .qm translates otherwise (read back through Qt).

    Compared by content, not bytes: a new lrelease may lay the file out differently.
    """
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(qm)), qm
    stale = []
    for (ctx, src), message in i18n.ts_messages(ts).items():
        forms = i18n.ts_forms(message)
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
