"""WARC reading: pages out of response records, crawl dates as fallback, corrupt records skipped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest import Rejected, read_sources
from newsgraph.model import Document

DATA = Path(__file__).parent / "data" / "ingest"
CRAWL_DATE = "2024-03-28T09:12:44Z"


def record_bytes(writer: WARCWriter, buf: io.BytesIO, kind: str, uri: str, body: bytes, **http) -> bytes:
    start = buf.tell()
    if kind == "response":
        headers = StatusAndHeaders(
            http.get("status", "200 OK"),
            [("Content-Type", http.get("content_type", "text/html; charset=utf-8"))],
            protocol="HTTP/1.1",
        )
        rec = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": CRAWL_DATE},
        )  # fmt: skip
    else:
        rec = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), length=len(body))
    writer.write_record(rec)
    return buf.getvalue()[start:]


def make_warc(gzip: bool) -> list[bytes]:
    """A small crawl, one bytes chunk per record, as a news crawler would leave it.

    Each record is given its length, or warcio would buffer it in a temp file it never closes.
    """
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzip)
    page = (DATA / "page.html").read_bytes()
    return [
        record_bytes(
            w, buf, "request", "https://courier.example/fjordline", b"GET /fjordline HTTP/1.1\r\n\r\n"
        ),
        record_bytes(w, buf, "response", "https://courier.example/fjordline", page),
        record_bytes(
            w, buf, "response", "https://courier.example/logo.png", b"\x89PNG...", content_type="image/png"
        ),
        record_bytes(
            w, buf, "response", "https://courier.example/gone", b"<p>gone</p>", status="404 Not Found"
        ),
        record_bytes(
            w, buf, "response", "https://courier.example/markets", (DATA / "nav_only.html").read_bytes()
        ),
        record_bytes(
            w, buf, "response", "https://marlow.example/ceo", (DATA / "undated_page.html").read_bytes()
        ),
    ]


def write(tmp_path: Path, name: str, chunks: list[bytes]) -> str:
    p = tmp_path / name
    p.write_bytes(b"".join(chunks))
    return str(p)


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_pages_become_documents(tmp_path, gzip):
    path = write(tmp_path, "crawl.warc.gz" if gzip else "crawl.warc", make_warc(gzip))
    items = list(read_sources([path], published="2000-01-01"))
    # Request, image and 404 records are not articles and say nothing; the nav page is rejected.
    fjord, nav, marlow = items
    assert isinstance(fjord, Document)
    assert fjord.url == "https://courier.example/fjordline"
    assert fjord.published == "2022-11-14"  # the page's own date beats the crawl date
    assert fjord.outlet == "The Quayside Courier"
    assert isinstance(nav, Rejected)
    assert nav.reason == f"{path}: https://courier.example/markets: no article text found"
    assert isinstance(marlow, Document)
    assert marlow.published == "2024-03-28"  # no date on the page: the WARC-Date
    assert marlow.outlet == "marlow.example"  # no site name: the host


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_corrupt_record_is_rejected_and_reading_goes_on(tmp_path, gzip):
    chunks = make_warc(gzip)
    bad = bytearray(chunks[1])
    if gzip:
        bad[30:60] = b"\x00" * 30  # a damaged stretch inside the compressed member
    else:
        bad[:8] = b"GARBAGE!"  # the WARC/1.x version line destroyed
    chunks[1] = bytes(bad)
    path = write(tmp_path, "crawl.warc.gz" if gzip else "crawl.warc", chunks)
    items = list(read_sources([path]))
    assert [type(i).__name__ for i in items] == ["Rejected", "Rejected", "Document"]
    corrupt = items[0]
    assert corrupt.reason.startswith(f"{path}: corrupt WARC record at byte {len(chunks[0])} (")
    assert items[2].url == "https://marlow.example/ceo"


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_truncated_last_record(tmp_path, gzip):
    chunks = make_warc(gzip)
    chunks[-1] = chunks[-1][: len(chunks[-1]) // 2]
    path = write(tmp_path, "cut.warc.gz" if gzip else "cut.warc", chunks)
    items = list(read_sources([path]))
    assert isinstance(items[0], Document)
    last = items[-1]
    assert isinstance(last, Rejected)
    start = sum(len(c) for c in chunks[:-1])
    assert last.reason.startswith(f"{path}: corrupt WARC record at byte {start} (truncated: ")


def test_warc_extension_on_something_else(tmp_path):
    p = tmp_path / "fake.warc"
    p.write_text("Not an archive, just words.\n")
    [item] = list(read_sources([str(p)]))
    assert isinstance(item, Rejected)
    assert item.reason.startswith(f"{p}: not a WARC file (")


def test_warc_is_sniffed_without_an_extension(tmp_path):
    path = write(tmp_path, "crawl-file", make_warc(gzip=True))
    assert sum(isinstance(i, Document) for i in read_sources([path])) == 2


def test_warc_is_read_lazily(tmp_path):
    # The first article arrives before the rest of the file is touched: a 2 GB crawl streams.
    chunks = make_warc(gzip=True)
    path = write(tmp_path, "crawl.warc.gz", chunks + [b"\x1f\x8b\x08" + b"\x00" * 1000])
    items = read_sources([path])
    first = next(items)
    assert isinstance(first, Document) and first.url == "https://courier.example/fjordline"
