"""Run every benchmark module in bench/ (each prints its own figures and baselines)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

SKIP = {"common", "__main__"}


def main() -> None:
    here = Path(__file__).resolve().parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name not in SKIP)
    wanted = sys.argv[1:] or names
    for name in wanted:
        print(f"\n===== bench.{name} =====", flush=True)
        module = importlib.import_module(f"bench.{name}")
        saved = sys.argv
        sys.argv = [f"bench.{name}"]
        try:
            module.main()
        finally:
            sys.argv = saved


if __name__ == "__main__":
    main()
