"""Errors and staff actions are codes with parameters, worded where they are shown.

The code is read as it is written: every coded error raised in pos/, sync/ and receipts/
names a code that has an English template, and gives the template's placeholders; every
template has a French translation with the same placeholders.
"""

from __future__ import annotations

import ast
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos import messages
from pos.errors import KnownError
from receipts.i18n import translations

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pos", "sync", "receipts")
TEMPLATES = {**messages.ERRORS, **messages.PHRASES, **messages.STAFF}


def _files() -> Iterator[Path]:
    for folder in SOURCES:
        yield from sorted((ROOT / folder).rglob("*.py"))


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """KnownError and every class deriving from it, by name (to a fixed point)."""
    found = {"KnownError"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in found:
                    bases = {
                        b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                        for b in node.bases
                    }
                    if bases & found:
                        found.add(node.name)
                        grew = True
    return found


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        if func.attr == "__init__" and isinstance(func.value, ast.Call):
            return "super().__init__"
        return func.attr
    return ""


# Calls that name a message code, and which positional argument it is.
CODE_ARGUMENT = {"error": 0, "phrase": 0, "said": 0, "coded": 1, "Check": 1}
CODED = ("phrase", "said", "coded", "Check")


def _coded_calls() -> Iterator[tuple[str, ast.Call, str]]:
    """(where, call, kind) for every call that names a message code."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _files()}
    errors = _error_classes(trees)
    for path, tree in trees.items():
        inside_errors = {
            id(call)
            for cls in ast.walk(tree)
            if isinstance(cls, ast.ClassDef) and cls.name in errors
            for call in ast.walk(cls)
            if isinstance(call, ast.Call) and _name(call) == "super().__init__"
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            kind = (
                "error"
                if name in errors or id(node) in inside_errors
                else name
                if name in CODED
                else ""
            )
            relative = path.relative_to(ROOT).as_posix()
            if kind and len(node.args) > CODE_ARGUMENT[kind]:
                yield f"{relative}:{node.lineno}", node, kind


def _given(call: ast.Call, kind: str) -> set[str] | None:
    """The parameters a call gives (None when they cannot be read: ``**params``)."""
    if kind == "Check":
        given = call.args[2] if len(call.args) > 2 else None
        if given is None:
            return set()
        if isinstance(given, ast.Dict) and all(isinstance(k, ast.Constant) for k in given.keys):
            return {str(k.value) for k in given.keys if isinstance(k, ast.Constant)}
        return None
    names = {k.arg for k in call.keywords}
    return None if None in names else {str(n) for n in names}


def test_every_code_raised_has_a_template_and_gets_its_parameters() -> None:
    checked, problems = 0, []
    for where, call, kind in _coded_calls():
        first = call.args[CODE_ARGUMENT[kind]]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            code = first.value
            template = TEMPLATES.get(code) or " ".join(messages.PLURALS.get(code, ()))
            if not template:
                problems.append(f"{where}: {code!r} has no template")
                continue
            given = _given(call, kind)
            if given is None:  # **params: checked where they are built
                continue
            missing = messages.placeholders(template) - given
            if missing:
                problems.append(f"{where}: {code!r} lacks {sorted(missing)}")
            checked += 1
        elif isinstance(first, ast.JoinedStr):  # f"printer.no_permission.{system()}"
            prefix = "".join(v.value for v in first.values if isinstance(v, ast.Constant))
            if not any(code.startswith(prefix) for code in TEMPLATES):
                problems.append(f"{where}: no template starts with {prefix!r}")
            checked += 1
        elif isinstance(first, ast.Constant):
            problems.append(f"{where}: a message is a code, not {first.value!r}")
    assert problems == []
    assert checked > 150  # the scan saw the raise sites (about 180 today)


def test_no_known_error_is_raised_with_a_sentence() -> None:
    """A sentence (spaces, capital letter) where a code belongs would reach a French
    volunteer in English: the scan above would skip it, so refuse it here."""
    sentences = []
    for where, call, kind in _coded_calls():
        first = call.args[CODE_ARGUMENT[kind]]
        if kind == "error" and isinstance(first, ast.Constant) and isinstance(first.value, str):
            if " " in first.value:
                sentences.append(f"{where}: {first.value!r}")
    assert sentences == []


@pytest.mark.parametrize("language", ["fr"])
def test_every_template_is_translated_with_the_same_placeholders(language: str) -> None:
    catalogue = translations(language)
    untranslated, mismatched = [], []
    for code, template in TEMPLATES.items():
        french = catalogue.gettext(template)
        if template not in getattr(catalogue, "_catalog", {}):  # "{paid} {label}" is the same
            untranslated.append(code)
        elif messages.placeholders(french) != messages.placeholders(template):
            mismatched.append(f"{code}: {template!r} -> {french!r}")
    assert untranslated == [] and mismatched == []


@pytest.mark.parametrize("language", ["fr"])
def test_every_plural_has_its_forms_with_the_same_placeholders(language: str) -> None:
    catalogue = translations(language)
    problems = []
    for code, (singular, plural) in messages.PLURALS.items():
        wanted = messages.placeholders(plural)
        forms = [catalogue.ngettext(singular, plural, n) for n in (0, 1, 2, 1_000_000)]
        if any(form in (singular, plural) for form in forms) or any(
            messages.placeholders(form) != wanted for form in forms
        ):
            problems.append(f"{code}: {forms!r}")
    assert problems == []


def test_a_count_picks_its_plural_form_in_each_language() -> None:
    said = [
        messages.word("sync.waiting", {"count": n}, lang)
        for lang in ("en", "fr")
        for n in (0, 1, 2)
    ]
    assert said == [
        "0 orders waiting to push", "1 order waiting to push", "2 orders waiting to push",
        "0 commande en attente d'envoi", "1 commande en attente d'envoi",
        "2 commandes en attente d'envoi",
    ]  # fmt: skip


def test_a_said_reason_reads_as_english_and_is_worded_for_its_reader() -> None:
    error = KnownError("ofn.not_amount", field="total")
    reason = messages.said("sync.skip.not_saved", reason=messages.phrase_of(error))
    assert reason == "not saved: OFN's total is not an amount."  # logs, JSON summaries
    assert "total" in reason and pickle.loads(pickle.dumps(reason)) == reason
    again = pickle.loads(pickle.dumps(reason))
    assert messages.word_said(again, "fr") == (
        "non enregistrée\u00a0: Le champ total d'OFN n'est pas un montant."
    )
    assert messages.word_said("plain text", "fr") == "plain text"  # not coded: as it is
    assert messages.said_error(error) == error.message
    assert messages.word_said(messages.said_error(ValueError("odd")), "fr") == "odd"


def test_an_error_is_english_in_logs_and_worded_for_its_reader() -> None:
    error = KnownError("till.move_too_large", amount=messages.money(1250, "EUR"))
    assert (
        str(error)
        == error.message
        == ("There should only be €12.50 in the drawer: cannot take out more.")
    )
    french = messages.word_error(error, "fr")
    assert french.startswith("Le tiroir ne devrait contenir que 12,50") and "€" in french
    assert messages.for_log(error).endswith("[till.move_too_large amount='€12.50']")
    # a phrase inside a message is worded in the same language
    lost = KnownError("sync.unreachable", host="ofn.example", reason=messages.phrase("net.refused"))
    assert (
        messages.word_error(lost, "fr")
        == "Impossible de joindre ofn.example\u00a0: connexion refusée."
    )
    assert str(lost) == "Cannot reach ofn.example: connection refused."


def test_a_sentence_from_before_codes_and_a_broken_translation_still_read() -> None:
    assert messages.word_error(KnownError("Printer on fire."), "fr") == "Printer on fire."
    assert messages.word_staff("", {}, "Refund the missing items in OFN", "fr") == (
        "Refund the missing items in OFN"
    )
    # a parameter missing at the raise site shows its name rather than failing
    assert messages.word("till.name_too_long", {}, "en") == (
        "That name is too long ({limit} characters at most)."
    )


def test_a_coded_error_survives_pickling_with_its_parameters() -> None:
    from pos.domain.checkout import CollectionInfo
    from pos.services.checkout import AlreadyCollected

    info = CollectionInfo("c1", "T1-0007", "2026-12-02T10:00:00Z", "T1", "Mei", "Hall")
    error = pickle.loads(pickle.dumps(AlreadyCollected(info)))
    assert type(error) is AlreadyCollected and error.info == info
    assert messages.word_error(error, "fr") == "Déjà retirée (T1-0007)."


def test_the_command_line_speaks_the_users_language(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite"
    for lang, expected in (
        ("fr", "Il n'y a pas de base de données"),
        ("en", "There is no database"),
    ):
        done = subprocess.run(
            [sys.executable, "main.py", "lists", "--db", str(missing), "--out", str(tmp_path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env={**__import__("os").environ, "FOODHUB_POS_LANG": lang},
            check=False,
        )
        assert done.returncode == 1
        assert done.stderr.startswith(f"error: {expected}"), done.stderr
        assert "Traceback" not in done.stderr
