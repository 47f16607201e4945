"""The one translation pipeline: screens (Qt) and everything printed or exported (gettext).

    python tools/i18n.py update            # extract: tr() from pos/ui + pos/app.py into the .ts;
                                           #   _(), N_(), pgettext() from receipts/,
                                           #   pos/services, pos/domain, pos/messages.py (the error
                                           #   and staff-action templates) into
                                           #   receipts/locale/*/foodhub.po
    python tools/i18n.py fill fr DICT.json # fill unfinished .ts and .po entries from
                                           #   {source: translation}
    python tools/i18n.py compile           # .ts -> .qm (lrelease), .po -> .mo (Babel)
    python tools/i18n.py check             # untranslated, placeholders, stale compiled files,
                                           #   the glossary (same term, same translation)

Why two formats: Qt's own widgets (standard buttons, the file dialog) are translated by
Qt's qtbase catalogues, and ``tr()`` lets Qt Linguist show translators each screen's
context; printing and exports run without Qt (the CLI, scheduled jobs), so they use
gettext. Both sets of translations are checked together by the glossary rule below, so a
term reads the same on screen and on paper. The language list is ``pos.languages``.
Plural (%n) entries take a list of forms in DICT.json; so do gettext plurals (``Nn_``),
keyed by their singular.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from pos.languages import LANGUAGES, SOURCE  # noqa: E402

TRANSLATIONS = ROOT / "pos" / "ui" / "translations"
LOCALE = ROOT / "receipts" / "locale"
DOMAIN = "foodhub"
TARGETS = tuple(lang for lang in LANGUAGES if lang != SOURCE)
GETTEXT_SOURCES = ("receipts", "pos/services", "pos/domain", "pos/messages.py")  # folders or files
KEYWORDS = {"_": None, "N_": None, "gettext": None, "pgettext": ((1, "c"), 2), "Nn_": (1, 2)}
PLACEHOLDER = re.compile(r"%(?:\d|n)|\{\w*\}")

# Where one English term must read differently, the source says why: a Qt disambiguation
# (tr(text, "…")) or a gettext context (pgettext("…", text)). Without one, the glossary
# rule holds: one source term, one translation, on every screen and every paper.
Key = tuple[str, str]  # (disambiguation or context, source)


def tool(name: str) -> str:
    return shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")


# --- Qt (screens) ---------------------------------------------------------------------


def qt_sources() -> list[str]:
    files = [*sorted((ROOT / "pos" / "ui").rglob("*.py")), ROOT / "pos" / "app.py"]
    return [str(f.relative_to(ROOT)) for f in files]


def extract(target: Path) -> None:
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-locations", "none", *qt_sources(), "-ts", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"foodhub_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"foodhub_{lang}.qm"


def ts_messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(Qt context, source) -> the <message> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def ts_forms(message: ET.Element) -> list[str]:
    """The finished translation's forms (one, or one per plural form); [] when unfinished."""
    node = message.find("translation")
    if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
        return []
    forms = [f.text or "" for f in node.findall("numerusform")]
    return forms if forms else [node.text or ""]


def fill(lang: str, mapping_file: str) -> None:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    path = ts_path(lang)
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or source not in mapping:
            continue
        value = mapping[source]
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            for form in value if isinstance(value, list) else [value, value]:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    catalog = read(lang)  # the printed text and the messages (pos/messages.py) too
    for message in catalog:
        if isinstance(message.id, str) and message.id in mapping and not message.string:
            value = mapping[message.id]
            message.string = value[0] if isinstance(value, list) else value
        elif (
            isinstance(message.id, tuple) and message.id[0] in mapping and not any(message.string)
        ):  # a plural (Nn_): the list of forms, in the language's order
            value = mapping[message.id[0]]
            forms = value if isinstance(value, list) else [value]
            count = catalog.num_plurals
            message.string = tuple((forms + forms[-1:] * count)[:count])
    with po_path(lang).open("wb") as f:
        write_po(f, catalog, omit_header=False, no_location=True, ignore_obsolete=True)


# --- gettext (printed and exported) -----------------------------------------------------


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def template() -> Catalog:
    """Every translatable literal of the printed and exported text, in source order."""
    catalog = Catalog(project="Food Hub POS", domain=DOMAIN, fuzzy=False)
    for source in GETTEXT_SOURCES:
        path = ROOT / source
        if path.is_file():
            found = ((path.name, *m) for m in extract_from_file("python", str(path), KEYWORDS))
        else:
            found = extract_from_dir(str(path), keywords=KEYWORDS)
        for _file, _line, message, _comments, context in found:
            catalog.add(message, context=context)
    return catalog


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def update() -> None:
    fresh = template()
    for lang in TARGETS:
        target = ts_path(lang)
        if not target.exists():
            target.write_text(
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="{lang}"></TS>\n',
                encoding="utf-8",
            )
        extract(target)
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = read(lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN)
        catalog.update(fresh, no_fuzzy_matching=True)
        with path.open("wb") as f:
            write_po(f, catalog, omit_header=False, no_location=True, ignore_obsolete=True)


def compile_all() -> None:
    for lang in TARGETS:
        subprocess.run(
            [tool("lrelease"), str(ts_path(lang)), "-qm", str(qm_path(lang))],
            check=True,
            capture_output=True,
        )
        buffer = io.BytesIO()
        write_mo(buffer, read(lang))
        po_path(lang).with_suffix(".mo").write_bytes(buffer.getvalue())


# --- checks -------------------------------------------------------------------------------


def glossary_clashes(lang: str) -> list[str]:
    """Source terms translated two ways (screens and paper together), with where."""
    seen: dict[Key, set[tuple[str, str]]] = defaultdict(set)
    for (context, source), message in ts_messages(ts_path(lang)).items():
        forms = ts_forms(message)
        if forms and message.get("numerus") != "yes":
            key = (message.findtext("comment") or "", source)
            seen[key].add((forms[0], f"screen {context}"))
    for message in read(lang):
        if message.id and isinstance(message.id, str) and message.string:
            seen[(message.context or "", message.id)].add((str(message.string), "printed"))
    return [
        f"{source!r}{f' ({why})' if why else ''}: "
        + "; ".join(f"{text!r} on {where}" for text, where in sorted(places))
        for (why, source), places in sorted(seen.items())
        if len({text for text, _ in places}) > 1
    ]


def problems() -> list[str]:
    found = []
    fresh = template()
    for lang in TARGETS:
        catalog = read(lang)
        for message in fresh:
            if not message.id:
                continue
            have = catalog.get(message.id, context=message.context)
            if isinstance(message.id, tuple):  # a plural: every form, each with the fields
                wanted = sorted(PLACEHOLDER.findall(message.id[1]))
                forms = have.string if have is not None else None
                if have is None or not isinstance(forms, tuple) or not all(forms) or have.fuzzy:
                    found.append(f"{lang}: printed text not translated: {message.id!r}")
                elif any(sorted(PLACEHOLDER.findall(f)) != wanted for f in forms):
                    found.append(f"{lang}: placeholders differ: {message.id!r} -> {forms!r}")
                continue
            if have is None or not have.string or have.fuzzy:
                found.append(f"{lang}: printed text not translated: {message.id!r}")
            elif isinstance(message.id, str) and sorted(PLACEHOLDER.findall(message.id)) != sorted(
                PLACEHOLDER.findall(str(have.string))
            ):
                found.append(f"{lang}: placeholders differ: {message.id!r} -> {have.string!r}")
        found += [f"{lang}: glossary: {clash}" for clash in glossary_clashes(lang)]
    return found


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "fill":
        fill(sys.argv[2], sys.argv[3])
    elif command == "compile":
        compile_all()
    elif command == "check":
        issues = problems()
        print("\n".join(issues) or "translations complete and consistent")
        raise SystemExit(1 if issues else 0)
    else:
        print(__doc__)
        raise SystemExit(2)
