"""The OFN API key: in the OS keyring, else in a file only this user can read.

Never in the database, the log, an exception message or a command line. The key is stored
per instance URL so a till can be moved between instances without mixing keys.

The file is private by mode 0600 on Linux and macOS. Windows has no such modes (permission
bits there only toggle "read-only", and ``os.fchmod`` does not exist before Python 3.13):
the file lives in the user's own profile folder (``%LOCALAPPDATA%``), whose access list
already admits only that user (and administrators), so nothing is changed on Windows.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import keyring
import keyring.errors
from keyring.backends import fail

from pos import files, paths
from pos.errors import KnownError

log = logging.getLogger(__name__)
SERVICE = "foodhub-pos-ofn"
FILE_NAME = "ofn-api-keys.json"


def check_key(key: str) -> str:
    """The key without surrounding spaces, or a clear error (never echoing the key)."""
    key = (key or "").strip()
    if not key:
        raise KnownError("sync.key_missing")
    if len(key) < 16 or len(key) > 200 or not key.isascii() or any(c.isspace() for c in key):
        raise KnownError("sync.key_malformed")
    return key


def _keyring_usable() -> bool:
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0


def _posix_modes() -> bool:
    """Whether permission bits mean "who may read" here (not on Windows)."""
    return os.name == "posix"


def key_file() -> Path:
    return paths.config_dir() / FILE_NAME


def storage() -> str:
    """Where keys go on this machine: ``"keyring"`` or the file path."""
    return "keyring" if _keyring_usable() else str(key_file())


def save_key(url: str, key: str) -> str:
    """Store ``key`` for instance ``url``; returns where it went (for the settings dialog)."""
    key = check_key(key)
    if _keyring_usable():
        try:
            keyring.set_password(SERVICE, url, key)
            _file_delete(url)
            return "keyring"
        except keyring.errors.KeyringError as exc:
            log.warning("keyring refused the key (%s); using the private file", type(exc).__name__)
    _file_write(url, key)
    return str(key_file())


def load_key(url: str) -> str | None:
    if _keyring_usable():
        try:
            value = keyring.get_password(SERVICE, url)
            if value:
                return value
        except keyring.errors.KeyringError as exc:
            log.warning("keyring unavailable (%s); trying the private file", type(exc).__name__)
    return _file_read().get(url)


def delete_key(url: str) -> None:
    if _keyring_usable():
        try:
            keyring.delete_password(SERVICE, url)
        except keyring.errors.KeyringError:
            pass
    _file_delete(url)


# the private file --------------------------------------------------------------
def _file_read() -> dict[str, str]:
    path = key_file()
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return {}
    if _posix_modes() and mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s was readable by others; making it private", path)
        os.chmod(path, 0o600)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("ignoring unreadable %s", path)
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _file_write(url: str, key: str) -> None:
    data = _file_read()
    data[url] = key
    _file_replace(data)


def _file_delete(url: str) -> None:
    data = _file_read()
    if url in data:
        del data[url]
        _file_replace(data)


def _file_replace(data: dict[str, str]) -> None:
    path = key_file()
    files.private_dir(path.parent)
    files.write_bytes(path, json.dumps(data).encode("utf-8"))  # 0600, exclusive temporary file
