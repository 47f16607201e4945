"""Can Qt open a window on this Linux desktop? Asked before ``QApplication`` exists.

When a system library that Qt's X11 plugin needs is missing (``libxcb-cursor0`` since Qt 6.5,
``libxcb-icccm4``, ``libxkbcommon-x11-0``, ...), ``QApplication`` prints a paragraph about
platform plugins and aborts the process. Loading the plugin ourselves first shows which
library is missing without any risk (the dynamic linker only reports it), so a volunteer gets
one sentence naming the package to install instead. Windows and macOS carry their platform
plugin inside the app; nothing to check there.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

# soname -> Debian/Ubuntu package (the libraries Qt's xcb plugin links against)
X11_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}
# What the README and .ci/run install: everything above that a minimal desktop may lack.
ALL_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1 libxkbcommon-x11-0 "
    "libx11-xcb1 libegl1 libgl1 libfontconfig1 libdbus-1-3"
)
_LIBRARY = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*)")


def _platforms() -> list[str]:
    """The platform plugins Qt will try, in order (``QT_QPA_PLATFORM`` or Linux's default)."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [name.split(":")[0].strip().lower() for name in chosen.split(";") if name.strip()]
    return (["wayland"] if os.environ.get("WAYLAND_DISPLAY") else []) + ["xcb"]


def _plugin(name: str) -> Path:
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / f"libq{name}.so"


def load_error(plugin: Path) -> str | None:
    """Why the dynamic linker cannot load ``plugin`` (it names the library), or None.

    A plugin we cannot find is not judged (None): Qt may know a place we do not, and a false
    alarm would keep a working app from starting.
    """
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        # A PyInstaller bundle wraps the linker's message in its own; the cause keeps it.
        return str(exc.__cause__ or exc)
    return None


def sentence_for(error: str) -> str:
    """One sentence for a volunteer from the linker's message about the X11 plugin."""
    names = [n for n in _LIBRARY.findall(error) if not n.startswith(("libqxcb", "libQt6"))]
    library = names[0] if names else ""
    package = X11_PACKAGES.get(library)
    if package:
        return (
            f"Food Hub POS cannot open its window: the system library {library} is missing "
            f"or broken. On Debian or Ubuntu install it with: sudo apt install {package}"
        )
    return (
        f"Food Hub POS cannot open its window: Qt's X11 support does not load ({error}). "
        f"On Debian or Ubuntu install: sudo apt install {ALL_PACKAGES}"
    )


def problem() -> str | None:
    """None when a window can open (or this is not a Linux desktop); else the sentence."""
    if not sys.platform.startswith("linux"):
        return None
    candidates = _platforms()
    if any(name not in ("xcb", "wayland") for name in candidates):
        return None  # offscreen, minimal, vnc, eglfs...: nothing of ours to check
    failure = None
    for name in candidates:
        error = load_error(_plugin(name))
        if error is None:
            if name == "xcb" and not os.environ.get("DISPLAY"):
                failure = failure or (
                    "Food Hub POS cannot open its window: there is no desktop session "
                    "(DISPLAY is not set). Start it from the desktop."
                )
                continue
            if name == "wayland" and not os.environ.get("WAYLAND_DISPLAY"):
                continue
            return None
        if name == "xcb":
            failure = sentence_for(error)
    return failure
