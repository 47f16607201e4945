"""One composition root builds every service (``pos.services.context.Services``): the screens
get theirs from it, and no module in ``pos/ui`` constructs one itself."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pos

UI = Path(pos.__file__).parent / "ui"


def _built_on_a_store(module: str, name: str) -> bool:
    """A service is a class of ``pos.services`` whose constructor takes the store first."""
    found = getattr(importlib.import_module(module), name, None)
    if not inspect.isclass(found) or found.__init__ is object.__init__:
        return False
    params = list(inspect.signature(found.__init__).parameters)
    return len(params) > 1 and params[1] == "store"


def _service_constructions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    services: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pos.services"):
            for alias in node.names:
                if _built_on_a_store(str(node.module), alias.name):
                    services.add(alias.asname or alias.name)
    return [
        f"{path.name}:{node.lineno} {node.func.id}(...)"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in services
    ]


def test_the_rule_sees_a_service_built_in_a_screen(tmp_path: Path) -> None:
    screen = tmp_path / "screen.py"
    screen.write_text(
        "from pos.services.lists import ListsService\n"
        "from pos.services.printing import QueueState\n"
        "def show(store):\n"
        "    QueueState(configured=True, waiting=0, failed=0)\n"
        "    return ListsService(store)\n",
        encoding="utf-8",
    )
    assert _service_constructions(screen) == ["screen.py:5 ListsService(...)"]


def test_no_screen_builds_its_own_service() -> None:
    found = [hit for path in sorted(UI.glob("*.py")) for hit in _service_constructions(path)]
    assert found == []
