"""The SQLite driver every store connection uses: SQLCipher's build when it is installed.

``sqlcipher3`` is SQLite with SQLCipher's page encryption, and behaves as plain SQLite when
no key is given, so one driver opens plain and encrypted databases alike and raises one set
of exception classes (they are not the standard library's: catch ``driver.sqlite3.Error``).
Without it (a source checkout that did not install it) the standard ``sqlite3`` opens plain
databases only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    HAS_CIPHER: bool
else:
    try:
        from sqlcipher3 import dbapi2 as sqlite3

        HAS_CIPHER = True
    except ImportError:  # pragma: no cover - sqlcipher3 is a dependency
        import sqlite3

        HAS_CIPHER = False

__all__ = ["HAS_CIPHER", "sqlite3", "uri"]


def uri(path: Path, mode: str) -> str:
    """``path`` as an SQLite URI: ``ro`` reads, ``rw`` writes but never creates the file.

    Every connection by path goes through here: ``as_uri`` percent-encodes what a URI gives
    a meaning to (a folder named "hub #1 ?50%" would otherwise end the path at the ``#``,
    and SQLite would open, even create, another file)."""
    return f"{Path(path).absolute().as_uri()}?mode={mode}"
