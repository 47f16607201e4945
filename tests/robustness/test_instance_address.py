"""A mistyped OFN address: Test connection and the sync command answer with one sentence."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sync.connection import check_connection
from sync.errors import NotOFN
from sync.transport import normalise_url
from tests.helpers.cli import sync_cli
from tests.helpers.fixtures import no_keyring

__all__ = ["no_keyring"]

MALFORMED = [
    "https://",
    "http://127.0.0.1:99999",
    "https://127.0.0.1:abc",
    "https://exa mple.org",
    "https://[::1",
    "\x00http://127.0.0.1",
    "https://under_score.org",
    "https://" + "a" * 300 + ".org",
]


def one_sentence(text: str) -> None:
    assert text and "\n" not in text.strip() and "Traceback" not in text
    assert "\x00" not in text and len(text) < 250


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_addresses_are_refused_before_any_request(url: str) -> None:
    with pytest.raises(NotOFN) as info:
        normalise_url(url)
    one_sentence(info.value.message)
    check = check_connection(url, "k" * 48, 214)
    assert check.state == "not_ofn"
    one_sentence(check.message)


def test_credentials_in_the_address_are_refused_and_not_echoed() -> None:
    check = check_connection("http://alice:s3cret@127.0.0.1:1", "k" * 48, 214)
    assert check.state == "not_ofn" and "s3cret" not in check.message


def test_an_internationalised_name_is_a_web_address() -> None:
    assert normalise_url("https://café.example/") == "https://café.example"


class _HtmlSite(BaseHTTPRequestHandler):
    """A hub's ordinary web site: every path answers 200 with an HTML page."""

    def do_GET(self) -> None:
        body = b"<!doctype html><html><body><h1>Our farm shop</h1></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def html_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HtmlSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_address_that_serves_html_is_not_ofn(html_site: str, tmp_path: Path) -> None:
    check = check_connection(html_site, "k" * 48, 214)
    assert check.state == "not_ofn"
    one_sentence(check.message)
    result = sync_cli(tmp_path / "hub.sqlite", "--server", html_site, "--hub", "214",
                      "--api-key-env", "OFN_TEST_KEY", key="k" * 48)  # fmt: skip
    assert result.returncode == 1
    one_sentence(result.stderr)


@pytest.mark.parametrize("url", ["https://127.0.0.1:abc", "https://exa mple.org"])
def test_sync_command_with_a_malformed_server(url: str, tmp_path: Path) -> None:
    result = sync_cli(tmp_path / "hub.sqlite", "--server", url, "--hub", "214",
                      "--api-key-env", "OFN_TEST_KEY", key="k" * 48)  # fmt: skip
    assert result.returncode == 1
    one_sentence(result.stderr)
    assert "is not a web address" in result.stderr
