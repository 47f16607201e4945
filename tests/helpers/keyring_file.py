"""A real keyring backend for tests: passwords in a JSON file, not a mock.

The app talks to it through the ordinary ``keyring`` API exactly as to the desktop's
keyring. In-process tests use the ``file_keyring`` fixture; a child process gets it with
``PYTHON_KEYRING_BACKEND=tests.helpers.keyring_file.FileKeyring`` and
``FOODHUB_TEST_KEYRING=<file>`` (see :func:`keyring_env`). Two files are two computers.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

ENV = "FOODHUB_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # usable, lower than any real desktop keyring

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = Path(path or os.environ.get(ENV) or "keyring.json")

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return data if isinstance(data, dict) else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}\n{username}"] = password
        self.path.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(f"{service}\n{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self.path.write_text(json.dumps(data), encoding="utf-8")


def keyring_env(path: Path) -> dict[str, str]:
    """The environment for a child process that should use the keyring file ``path``."""
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "tests.helpers.keyring_file.FileKeyring"
    env[ENV] = str(path)
    return env


@pytest.fixture
def file_keyring(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FileKeyring]:
    """This computer has a keyring (a file, away from the database's folder); the previous
    backend comes back afterwards."""
    previous = keyring.get_keyring()
    backend = FileKeyring(tmp_path_factory.mktemp("keyring") / "keyring.json")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
