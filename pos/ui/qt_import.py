"""PySide6's import hook, made cheap.

Once PySide6 is loaded it checks every module an ``import`` statement names, once, for
whether it uses PySide (for its ``from __feature__ import ...`` switches): it reads the
module's whole source through ``inspect.getsource`` and searches it for "PySide6". At the
till's start that was ~140 modules and ~25 ms (more on a slow moment) before the window
could show. The same question answered by reading the file's bytes takes a fraction of it
and gives the same answer; anything that is not a plain ``.py`` file keeps PySide's own
check. The app never switches a feature, so the answer only has to stay the same.

Shiboken's own Python modules (``shibokensupport``, ~13 modules) ship as a zip inside its
binary and are compiled from source at every start: ~30 ms of each cold start on the 2-core
till laptop. Shiboken imports them from a ``files.dir`` folder beside itself instead when
that folder exists (its ``SBK_EMBED=0`` switch writes it; see ``signature_bootstrap.py`` in
pyside-setup), and from a folder Python keeps their bytecode like any other module's. The
app writes that folder once, after its window is up (``keep_support_files``), with a stamp
of the shiboken binary it came from; before PySide loads, a folder whose stamp does not
match (shiboken upgraded or reinstalled) is removed (``drop_stale_support_files``), so
shiboken never runs modules from another build. A bundled (frozen) app and a read-only
install are left as they are.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
import tempfile
import zipfile
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)

SUPPORT_DIR = "files.dir"  # the name shiboken looks for
STAMP = ".foodhub-pos-stamp"


def quicken_feature_check() -> None:
    """Install the cheaper check (idempotent; nothing happens on a PySide6 without it)."""
    if "shiboken6" not in sys.modules:
        drop_stale_support_files()
    import PySide6.QtCore  # noqa: F401  (loads shibokensupport, whose hook this is)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quick", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


def shiboken_dir() -> Path | None:
    """The installed shiboken6 package's folder, found without importing it."""
    if getattr(sys, "frozen", False):
        return None
    try:
        spec = importlib.util.find_spec("shiboken6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def binary_stamp(folder: Path) -> str | None:
    """Size and time of the shiboken binary in ``folder``: a reinstall or upgrade changes it."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("Shiboken.") and not entry.name.endswith(".pyi"):
                    info = entry.stat()
                    return f"{entry.name} {info.st_size} {info.st_mtime_ns}"
    except OSError:
        pass
    return None


def drop_stale_support_files(folder: Path | None = None) -> bool:
    """Remove a support folder not written for this shiboken binary (True if removed)."""
    folder = folder or shiboken_dir()
    if folder is None:
        return False
    support = folder / SUPPORT_DIR
    if not support.is_dir():
        return False
    try:
        stamp: str | None = (support / STAMP).read_text(encoding="utf-8")
    except OSError:
        stamp = None
    if stamp is not None and stamp == binary_stamp(folder):
        return False
    import shutil

    try:  # aside first (one rename), so shiboken never sees half a folder
        aside = Path(tempfile.mkdtemp(prefix=".stale-", dir=folder))
        os.replace(support, aside / SUPPORT_DIR)
        shutil.rmtree(aside, ignore_errors=True)
    except OSError as exc:
        log.warning("could not remove shiboken's old support folder %s: %s", support, exc)
        return False
    log.info("removed shiboken's support folder from another build: %s", support)
    return True


def embedded_support() -> zipfile.ZipFile | None:
    """The zip shiboken loaded its support modules from at this start (None: from files)."""
    loader = getattr(sys.modules.get("shibokensupport"), "__loader__", None)
    archive = getattr(loader, "zfile", None)
    return archive if isinstance(archive, zipfile.ZipFile) else None


def keep_support_files(folder: Path | None = None, archive: zipfile.ZipFile | None = None) -> bool:
    """Write shiboken's support modules out beside it for the next starts (True if written).

    Once per shiboken build, after the window is up; any failure (read-only install, full
    disk) leaves things as they were: the next start uses the embedded copy again."""
    folder = folder or shiboken_dir()
    archive = archive or embedded_support()
    stamp = binary_stamp(folder) if folder is not None else None
    if folder is None or archive is None or stamp is None:
        return False
    if (folder / SUPPORT_DIR).exists() or not os.access(folder, os.W_OK):
        return False
    import shutil

    scratch: Path | None = None
    try:
        scratch = Path(tempfile.mkdtemp(prefix=".support-", dir=folder))
        modules = [name for name in archive.namelist() if name.endswith(".py")]
        archive.extractall(scratch, members=modules)
        (scratch / STAMP).write_text(stamp, encoding="utf-8")
        for path in (scratch, *scratch.rglob("*")):  # readable by every user of the install
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        os.rename(scratch, folder / SUPPORT_DIR)  # whole or not at all
    except OSError as exc:
        log.info("shiboken's support modules stay embedded: %s", exc)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
        return False
    log.info("wrote shiboken's support modules to %s", folder / SUPPORT_DIR)
    return True
