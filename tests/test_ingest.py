"""Readers of issue 3: text, HTML, JSONL, feeds, folders, stdin; each bad input a Rejected or an error."""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from newsgraph.errors import BinaryInput, EmptyInput, InputNotFound, InputTooLarge, NotADate, NotUtf8
from newsgraph.ingest import Rejected, read_sources, read_text_file
from newsgraph.ingest.common import iso_date
from newsgraph.ingest.sniff import kind_from_name, sniff
from newsgraph.model import Document

DATA = Path(__file__).parent / "data" / "ingest"


def read_all(*paths: str | Path, **kw) -> list[Document | Rejected]:
    return list(read_sources([str(p) for p in paths], **kw))


def docs(items: list) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def rejected(items: list) -> list[Rejected]:
    return [i for i in items if isinstance(i, Rejected)]


# --- read_text_file: the single-text reader of `newsgraph extract` ---------------------------


def test_text_file_is_returned_unchanged():
    assert read_text_file(str(DATA / "article.txt")) == (DATA / "article.txt").read_text(encoding="utf-8")


def test_text_keeps_crlf_and_drops_only_the_bom(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"\xef\xbb\xbfAcme agreed to buy Widget.\r\nThe deal closes in May.\r\n")
    assert read_text_file(str(p)) == "Acme agreed to buy Widget.\r\nThe deal closes in May.\r\n"


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", EmptyInput, "is empty"),
        (b"  \n\t\r\n  ", EmptyInput, "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput, "binary"),
        (bytes(range(1, 32)) * 20, BinaryInput, "binary"),
        (b"Soci\xe9t\xe9 G\xe9n\xe9rale posted a profit.", NotUtf8, "offset 4"),
        ("Profit rose.".encode("utf-16"), NotUtf8, "UTF-16"),
    ],
    ids=["empty", "whitespace", "png", "control-bytes", "latin-1", "utf-16"],
)
def test_bad_text_raises_an_error_named_for_it(tmp_path, content, error, words):
    p = tmp_path / "in.txt"
    p.write_bytes(content)
    with pytest.raises(error, match=words):
        read_text_file(str(p))


def test_non_utf8_error_suggests_iconv(tmp_path):
    p = tmp_path / "cp1252.txt"
    p.write_bytes(b"Caf\xe9 chain agreed to buy a rival.")
    with pytest.raises(NotUtf8, match=r"byte 0xE9 at offset 3.*iconv"):
        read_text_file(str(p))


def test_missing_file(tmp_path):
    with pytest.raises(InputNotFound, match="no such file"):
        read_text_file(str(tmp_path / "nope.txt"))


def test_folder_is_not_a_text_file(tmp_path):
    with pytest.raises(InputNotFound, match="folder"):
        read_text_file(str(tmp_path))


def test_too_large_says_size_and_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 5000)
    with pytest.raises(InputTooLarge, match=r"24.4 kB is over the 10 kB limit"):
        read_text_file(str(p), max_bytes=10 * 1024)


def test_default_limit_is_ten_megabytes(tmp_path):
    p = tmp_path / "big.txt"
    with open(p, "wb") as fh:
        fh.truncate(10 * 1024 * 1024 + 1)  # sparse: cheap to make, over by one byte
    with pytest.raises(InputTooLarge, match="over the 10 MB limit"):
        read_text_file(str(p))


def test_text_file_from_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Acme agreed to buy Widget.\n")))
    assert read_text_file("-") == "Acme agreed to buy Widget.\n"


# --- text files through read_sources ---------------------------------------------------------


def test_txt_source_gives_one_document_dated_by_the_caller():
    [doc] = read_all(DATA / "article.txt", published="2023-05-02")
    assert isinstance(doc, Document)
    assert doc.text == (DATA / "article.txt").read_text(encoding="utf-8")
    assert doc.published == "2023-05-02"


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "is empty"), (b"\x00\x01\x02\x03binary", "binary"), (b"Caf\xe9", "not UTF-8")],
)
def test_bad_txt_source_is_rejected_not_raised(tmp_path, content, words):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [item] = read_all(p)
    assert isinstance(item, Rejected)
    assert item.source == str(p)
    assert words in item.reason and str(p) in item.reason
    assert str(item) == item.reason


def test_missing_and_too_large_sources_are_rejected(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 3000 + b"</p>")
    items = read_all(tmp_path / "missing.txt", big, max_bytes=1024)
    assert [type(i) for i in items] == [Rejected, Rejected]
    assert "no such file" in items[0].reason
    assert "over the 1 kB limit" in items[1].reason


def test_published_must_be_a_date():
    with pytest.raises(NotADate, match="YYYY-MM-DD"):
        read_all(DATA / "article.txt", published="last Tuesday")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-06", "2023-09-06"),
        ("2023-09-06T08:00:00Z", "2023-09-06"),
        ("Sept 6, 2023", "2023-09-06"),
        ("Wed, 06 Sep 2023 10:00:00 GMT", "2023-09-06"),
        ("Tuesday", None),
        ("2023-02-30", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


# --- HTML ------------------------------------------------------------------------------------


def test_html_page_gives_text_title_date_outlet():
    [doc] = read_all(DATA / "page.html")
    assert isinstance(doc, Document)
    assert doc.title == "Fjordline Ferries wins harbour contract"
    # The page's own date, not the copyright year in its footer.
    assert doc.published == "2022-11-14"
    assert doc.outlet == "The Quayside Courier"
    assert "ten-year contract to run the night crossing" in doc.text
    # Boilerplate is not the article.
    assert "Sign in" not in doc.text and "Copyright" not in doc.text and "Sport" not in doc.text


def test_html_page_without_a_date_takes_the_callers():
    [doc] = read_all(DATA / "undated_page.html", published="2024-02-07")
    assert doc.published == "2024-02-07"
    assert doc.title == "Marlow Foods names new chief executive"


def test_html_page_with_no_article_is_rejected():
    [item] = read_all(DATA / "nav_only.html")
    assert isinstance(item, Rejected)
    assert item.reason == f"{DATA / 'nav_only.html'}: no article text found"


# --- JSONL -----------------------------------------------------------------------------------


def test_jsonl_reads_every_good_line_and_rejects_the_bad_one_by_number():
    items = read_all(DATA / "articles.jsonl")
    assert [getattr(i, "id", None) for i in items] == ["ing-1", "ing-2", None, "ing-3"]
    bad = items[2]
    assert isinstance(bad, Rejected)
    assert bad.source == f"{DATA / 'articles.jsonl'}:3"
    assert "line 3: not JSON" in bad.reason


def test_jsonl_fields_and_text_kept_exactly():
    one, two, _, three = read_all(DATA / "articles.jsonl")
    assert (one.url, one.outlet, one.title, one.published) == (
        "https://wire.example/ing-1",
        "Example Wire",
        "Tallis Mining in talks over copper mine",
        "2021-03-02",
    )
    assert two.published == "2021-03-03"  # a timestamp, cut to its date
    assert "speculation.\r\nThe company" in two.text  # CRLF inside the text is kept
    # An `html` line goes through the HTML reader; the page's metadata fills the gaps.
    assert three.text.startswith("Tallis Mining Corp. agreed on Friday")
    assert (three.outlet, three.published, three.url) == (
        "The Quayside Courier",
        "2021-04-10",
        "https://courier.example/tallis",
    )


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (b"[1, 2, 3]", "not a JSON object"),
        (b'{"title": "no body"}', "no text"),
        (b'{"text": 42}', "field 'text' is not a string"),
        (b'{"text": "Acme agreed to buy Widget.", "published": "soon"}', "published 'soon' is not a date"),
        (b'{"text": "Caf\xe9"}', "not UTF-8"),
        (b'{"text": "unterminated', "not JSON"),
    ],
)
def test_bad_jsonl_lines(tmp_path, line, words):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b'{"text": "Acme agreed to buy Widget."}\n\n' + line + b"\n")
    first, second = read_all(p)
    assert isinstance(first, Document) and first.text == "Acme agreed to buy Widget."
    assert isinstance(second, Rejected)
    assert f"line 3: {words}" in second.reason


def test_jsonl_line_over_the_limit_is_skipped_and_reading_goes_on(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "Acme agreed to buy Widget."}\n')
    first, second = read_all(p, max_bytes=1024)
    assert isinstance(first, Rejected) and "line 1: over the 1 kB limit" in first.reason
    assert isinstance(second, Document)


# --- feeds -----------------------------------------------------------------------------------


def test_rss_feed_entries_become_documents():
    items = read_all(DATA / "wire.rss")
    first, second, gallery = items
    assert first.title == "Ostrava Steel cuts forecast"
    assert first.url == "https://wire.example/ostrava-forecast"
    assert first.published == "2023-02-06"
    assert first.outlet == "Example Wire: Companies"
    # HTML in the description comes out as plain text, one line per paragraph.
    assert first.text == (
        "Ostrava Steel a.s. cut its full-year profit forecast on Monday, blaming weak demand from "
        "carmakers.\n"
        "The company now expects operating profit of about 2 billion koruna."
    )
    assert second.published == "2023-02-07"
    assert isinstance(gallery, Rejected) and "entry 3" in gallery.reason and "no text" in gallery.reason


def test_atom_feed_prefers_content_over_summary():
    [doc] = read_all(DATA / "wire.atom")
    assert doc.outlet == "Harbourside Business Daily"
    assert doc.published == "2024-01-08"  # published, not updated
    assert doc.text.startswith("Lumen Grid Ltd. won a licence from the energy regulator")


def test_feed_that_is_not_xml_is_rejected_with_the_line():
    [item] = read_all(DATA / "broken_feed.xml")
    assert isinstance(item, Rejected)
    assert item.reason.startswith(
        f"{DATA / 'broken_feed.xml'}: not an RSS/Atom feed (XML syntax error at line 3"
    )


def test_xml_that_is_not_a_feed_is_rejected(tmp_path):
    p = tmp_path / "config.xml"
    p.write_text("<?xml version='1.0'?><config><item>1</item></config>")
    [item] = read_all(p)
    assert isinstance(item, Rejected) and "not an RSS/Atom feed" in item.reason


def test_feed_extension_with_garbage_is_rejected(tmp_path):
    p = tmp_path / "news.rss"
    p.write_text("this is plainly not a feed")
    [item] = read_all(p)
    assert isinstance(item, Rejected) and "not an RSS/Atom feed" in item.reason


# --- folders and sniffing --------------------------------------------------------------------


def test_folder_is_read_recursively_in_name_order(tmp_path):
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    shutil.copy(DATA / "article.txt", tmp_path / "a.txt")
    shutil.copy(DATA / "page.html", tmp_path / "b" / "page")  # no extension: sniffed as HTML
    shutil.copy(DATA / "wire.atom", tmp_path / "b" / "deeper" / "feed.xml")  # .xml: sniffed as a feed
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")  # hidden: skipped
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    items = read_all(tmp_path)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Document", "Rejected"]
    assert items[0].text.startswith("Norrland Paper")
    assert items[1].outlet == "Harbourside Business Daily"  # b/deeper/feed.xml before b/page
    assert items[2].outlet == "The Quayside Courier"
    assert "photo.jpg: binary data" in items[3].reason


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'{"text": "x"}\n', "jsonl"),
        (b'\xef\xbb\xbf  {"text": 1}', "jsonl"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b"<?xml version='1.0'?>\n<!-- x --><rss version='2.0'>", "feed"),
        (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
        (b"<p>A fragment of a page.</p>", "html"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"Plain prose, written by a person.", "text"),
        (b"\x00\x01\x02\x03", "binary"),
    ],
)
def test_sniff(head, kind):
    assert sniff(head) == kind


def test_extension_wins_and_warc_gz_is_warc():
    assert kind_from_name("CC-NEWS-20240301.warc.gz") == "warc"
    assert kind_from_name("a.HTM") == "html"
    assert kind_from_name("feed.xml") is None


# --- stdin -----------------------------------------------------------------------------------


def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_jsonl(monkeypatch):
    feed_stdin(monkeypatch, (DATA / "articles.jsonl").read_bytes())
    items = read_all("-")
    assert [getattr(i, "id", None) for i in items] == ["ing-1", "ing-2", None, "ing-3"]
    assert items[2].source == "stdin:3"


def test_stdin_jsonl_longer_than_the_sniffed_head(monkeypatch):
    line = b'{"text": "' + b"Acme agreed to buy Widget. " * 200 + b'"}\n'
    feed_stdin(monkeypatch, line * 40)  # ~220 kB: crosses the 64 kB sniffing head mid-line
    items = read_all("-")
    assert len(items) == 40 and all(isinstance(i, Document) for i in items)


def test_stdin_html(monkeypatch):
    feed_stdin(monkeypatch, (DATA / "page.html").read_bytes())
    [doc] = read_all("-")
    assert doc.title == "Fjordline Ferries wins harbour contract"


def test_stdin_text(monkeypatch):
    feed_stdin(monkeypatch, (DATA / "article.txt").read_bytes())
    [doc] = read_all("-", published="2023-05-02")
    assert doc.text.startswith("Norrland Paper agrees") and doc.published == "2023-05-02"


def test_stdin_empty(monkeypatch):
    feed_stdin(monkeypatch, b"")
    [item] = read_all("-")
    assert isinstance(item, Rejected) and item.reason == "stdin: is empty"


def test_reading_is_lazy(tmp_path):
    # A generator: nothing is read until asked, so a caller can stop early on a huge input.
    missing = tmp_path / "not-yet.txt"
    gen = read_sources([str(missing)])
    missing.write_text("Acme agreed to buy Widget.")
    [doc] = list(gen)
    assert isinstance(doc, Document)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_rejected(tmp_path):
    p = tmp_path / "locked.txt"
    p.write_text("Acme agreed to buy Widget.")
    p.chmod(0)
    [item] = read_all(p)
    assert isinstance(item, Rejected) and "permission denied" in item.reason.lower()
