"""Shiboken's support modules written beside it once, so later starts load their bytecode
instead of compiling them from the zip inside its binary (pos/ui/qt_import.py)."""

from __future__ import annotations

import io
import stat
import sys
import zipfile
from pathlib import Path

import pytest

from pos.ui import qt_import

MODULES = {
    "shibokensupport/__init__.py": "",
    "shibokensupport/feature.py": "X = 1\n",
    "shibokensupport/signature/loader.py": "Y = 2\n",
}


def _archive(extra: dict[str, str] | None = None) -> zipfile.ZipFile:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as made:
        made.writestr("shibokensupport/", "")
        for name, text in {**MODULES, "notes.txt": "not a module", **(extra or {})}.items():
            made.writestr(name, text)
    return zipfile.ZipFile(io.BytesIO(data.getvalue()))


@pytest.fixture()
def install(tmp_path: Path) -> Path:
    """A folder shaped like an installed shiboken6: its binary and its Python stub."""
    folder = tmp_path / "shiboken6"
    folder.mkdir()
    (folder / "Shiboken.abi3.so").write_bytes(b"\x7fELF" + b"0" * 100)
    (folder / "Shiboken.pyi").write_text("# stubs\n")
    return folder


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_the_modules_are_written_once_with_the_stamp_of_the_binary(install: Path) -> None:
    assert qt_import.keep_support_files(install, _archive()) is True

    support = install / qt_import.SUPPORT_DIR
    written = sorted(str(p.relative_to(support)) for p in support.rglob("*.py"))
    assert written == sorted(MODULES)
    assert not (support / "notes.txt").exists()  # only modules, as shiboken's own switch does
    assert (support / "shibokensupport/feature.py").read_text() == "X = 1\n"
    stamp = (support / qt_import.STAMP).read_text(encoding="utf-8")
    assert stamp == qt_import.binary_stamp(install)
    assert stamp.startswith("Shiboken.abi3.so 104 ")  # the binary, not its .pyi
    assert stat.S_IMODE(support.stat().st_mode) == 0o755  # every user of the install reads it
    assert _leftovers(install) == []  # no scratch folder left

    before = (support / qt_import.STAMP).stat().st_mtime_ns
    assert qt_import.keep_support_files(install, _archive()) is False  # there already
    assert (support / qt_import.STAMP).stat().st_mtime_ns == before


def test_a_folder_written_for_this_binary_is_kept(install: Path) -> None:
    qt_import.keep_support_files(install, _archive())
    assert qt_import.drop_stale_support_files(install) is False
    assert (install / qt_import.SUPPORT_DIR / "shibokensupport/feature.py").exists()


def test_a_folder_from_another_build_is_removed_before_pyside_loads(install: Path) -> None:
    qt_import.keep_support_files(install, _archive())
    (install / "Shiboken.abi3.so").write_bytes(b"\x7fELF" + b"1" * 200)  # upgraded

    assert qt_import.drop_stale_support_files(install) is True
    assert not (install / qt_import.SUPPORT_DIR).exists()
    assert _leftovers(install) == []
    assert qt_import.keep_support_files(install, _archive()) is True  # written again


def test_a_folder_without_our_stamp_is_not_trusted(install: Path) -> None:
    stranger = install / qt_import.SUPPORT_DIR / "shibokensupport"
    stranger.mkdir(parents=True)
    (stranger / "__init__.py").write_text("")
    assert qt_import.drop_stale_support_files(install) is True
    assert not (install / qt_import.SUPPORT_DIR).exists()


def test_a_failed_write_leaves_the_install_as_it_was(install: Path) -> None:
    # a module whose path runs through another module's file: extraction fails half way
    broken = _archive({"clash.py": "", "clash.py/inner.py": ""})
    assert qt_import.keep_support_files(install, broken) is False
    assert not (install / qt_import.SUPPORT_DIR).exists()
    assert _leftovers(install) == []


def test_nothing_is_written_without_a_binary_or_an_archive(install: Path) -> None:
    (install / "Shiboken.abi3.so").unlink()
    assert qt_import.keep_support_files(install, _archive()) is False
    assert qt_import.keep_support_files(install.parent / "missing", _archive()) is False
    assert not (install / qt_import.SUPPORT_DIR).exists()


def test_pyside_loads_its_support_modules_from_the_zip_or_the_folder() -> None:
    """What the two functions rely on in the PySide6 this app locks: at this start the
    support modules came either from the zip in the binary or from ``files.dir``."""
    import PySide6.QtCore  # noqa: F401

    archive = qt_import.embedded_support()
    if archive is not None:
        assert "shibokensupport/signature/loader.py" in archive.namelist()
    else:
        loaded = Path(sys.modules["shibokensupport.signature.loader"].__file__ or "")
        assert qt_import.SUPPORT_DIR in loaded.parts
    folder = qt_import.shiboken_dir()
    assert folder is not None and qt_import.binary_stamp(folder) is not None
