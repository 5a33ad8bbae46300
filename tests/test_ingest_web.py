"""URLs: pages and feeds fetched from a local server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsgraph.ingest import Rejected, read_sources
from newsgraph.model import Document

DATA = Path(__file__).parent / "data" / "ingest"

ROUTES = {
    "/news/fjordline": ("text/html; charset=utf-8", (DATA / "page.html").read_bytes()),
    "/feeds/companies": ("application/rss+xml", (DATA / "wire.rss").read_bytes()),
    "/feeds/untyped": ("application/octet-stream", (DATA / "wire.atom").read_bytes()),
    "/plain": ("text/plain; charset=utf-8", (DATA / "article.txt").read_bytes()),
    "/dump.jsonl": ("application/x-ndjson", (DATA / "articles.jsonl").read_bytes()),
    "/markets": ("text/html", (DATA / "nav_only.html").read_bytes()),
    "/big": ("text/html", b"<p>" + b"word " * 4000 + b"</p>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/old-link":
            self.send_response(301)
            self.send_header("Location", "/news/fjordline")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path not in ROUTES:
            self.send_error(404, "Not Found")
            return
        content_type, body = ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    # A proxy from the environment would be asked for 127.0.0.1 and answer for it.
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_page_url(server):
    [doc] = read_sources([f"{server}/news/fjordline"])
    assert isinstance(doc, Document)
    assert doc.url == f"{server}/news/fjordline"
    assert doc.title == "Fjordline Ferries wins harbour contract"
    assert doc.published == "2022-11-14"


def test_redirect_is_followed_and_the_final_url_kept(server):
    [doc] = read_sources([f"{server}/old-link"])
    assert doc.url == f"{server}/news/fjordline"


def test_feed_url_by_content_type(server):
    items = list(read_sources([f"{server}/feeds/companies"]))
    assert [type(i) for i in items] == [Document, Document, Rejected]
    assert items[0].url == "https://wire.example/ostrava-forecast"


def test_feed_url_sniffed_when_the_type_says_nothing(server):
    [doc] = read_sources([f"{server}/feeds/untyped"])
    assert doc.outlet == "Harbourside Business Daily"


def test_text_and_jsonl_urls(server):
    [text] = read_sources([f"{server}/plain"], published="2023-05-02")
    assert text.text.startswith("Norrland Paper") and text.url == f"{server}/plain"
    lines = list(read_sources([f"{server}/dump.jsonl"]))
    assert [getattr(i, "id", None) for i in lines] == ["ing-1", "ing-2", None, "ing-3"]


def test_page_with_no_article(server):
    [item] = read_sources([f"{server}/markets"])
    assert item == Rejected(f"{server}/markets", f"{server}/markets: no article text found")


def test_http_error_is_the_reason(server):
    [item] = read_sources([f"{server}/nowhere"])
    assert item.reason == f"{server}/nowhere: unreachable (HTTP 404 Not Found)"


def test_closed_port_is_unreachable():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Nothing listens there now: the connection is refused at once.
    [item] = read_sources([f"http://127.0.0.1:{port}/news"])
    assert isinstance(item, Rejected)
    assert item.reason == f"http://127.0.0.1:{port}/news: unreachable (Connection refused)"


def test_timeout(server):
    [item] = read_sources([f"{server}/slow"], timeout=0.3)
    assert item.reason == f"{server}/slow: unreachable (no answer within 0.3 s)"


def test_too_large_body(server):
    [item] = read_sources([f"{server}/big"], max_bytes=1024)
    assert "unreachable" in item.reason and "over the 1 kB limit" in item.reason


def test_bad_url():
    [item] = read_sources(["http://[::1"])
    assert isinstance(item, Rejected) and item.reason.startswith("http://[::1: unreachable (")
