"""Issue 13 point 8: tests share code only through tests/helpers/ (and the OFN simulator).

A helper left beside the tests that use it ends up imported from other packages, and then a
test module imports another; this reads every test module's imports to keep it that way.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
SHARED = ("tests.helpers", "tests.ofn_sim")


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append("." * node.level + (node.module or ""))
    return found


def _outside_shared(path: Path) -> list[str]:
    return [
        name
        for name in _imports(path)
        if (name == "tests" or name.startswith(("tests.", "."))) and not name.startswith(SHARED)
    ]


def test_test_modules_import_only_the_shared_helpers() -> None:
    wrong = {}
    for path in TESTS.rglob("*.py"):
        if path.is_relative_to(TESTS / "helpers") or path.is_relative_to(TESTS / "ofn_sim"):
            continue
        if bad := _outside_shared(path):
            wrong[str(path.relative_to(TESTS))] = bad
    assert wrong == {}


def test_the_check_catches_a_test_importing_another(tmp_path: Path) -> None:
    module = tmp_path / "test_x.py"
    module.write_text(
        "from tests.sync.test_push import collect\nfrom tests.helpers.till import scan\n"
        "from .day import build\n",
        encoding="utf-8",
    )
    assert _outside_shared(module) == ["tests.sync.test_push", ".day"]
