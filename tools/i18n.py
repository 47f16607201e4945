"""Maintain the UI translations (Qt .ts/.qm in pos/ui/translations, package data).

    python tools/i18n.py update            # extract tr() strings from pos/ui and pos/app.py
    python tools/i18n.py fill fr DICT.json # fill unfinished entries from {source: translation}
    python tools/i18n.py compile           # .ts -> .qm with lrelease

Plural (%n) entries take a list of forms in DICT.json.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "pos" / "ui" / "translations"
LANGUAGES = ("fr",)


def sources() -> list[str]:
    files = [*sorted((ROOT / "pos" / "ui").rglob("*.py")), ROOT / "pos" / "app.py"]
    return [str(f.relative_to(ROOT)) for f in files]


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    return found


def extract(target: Path) -> None:
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"foodhub_{lang}.ts"


def update() -> None:
    for lang in LANGUAGES:
        target = ts_path(lang)
        if not target.exists():
            target.write_text(
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="{lang}"></TS>\n',
                encoding="utf-8",
            )
        extract(target)


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


def compile_all() -> None:
    for lang in LANGUAGES:
        subprocess.run(
            [tool("lrelease"), str(ts_path(lang)), "-qm", str(TRANSLATIONS / f"foodhub_{lang}.qm")],
            check=True,
            capture_output=True,
        )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "fill":
        fill(sys.argv[2], sys.argv[3])
    elif command == "compile":
        compile_all()
    else:
        print(__doc__)
        raise SystemExit(2)
