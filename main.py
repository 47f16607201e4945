"""Launcher: ``python main.py`` opens the till; see ``python main.py --help``."""

from pos.app import main

if __name__ == "__main__":
    raise SystemExit(main())
