"""Which reader a source needs: by its name first, by its first bytes when the name says nothing.

>>> kind_from_name("crawl.warc.gz"), sniff(b"<?xml version='1.0'?><rss version='2.0'>")
('warc', 'feed')
"""

from __future__ import annotations

import re
import zlib

# The kinds of source we read. "binary" means: no reader, say so.
TEXT, HTML, JSONL, FEED, WARC, BINARY = "text", "html", "jsonl", "feed", "warc", "binary"

# Rules as data: an extension that names its format unambiguously. `.xml` and `.json` are
# left out on purpose: an .xml file may be a feed or XHTML, a .json file one object or
# lines, so those are sniffed.
EXTENSIONS = {
    ".txt": TEXT,
    ".text": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".rss": FEED,
    ".atom": FEED,
    ".warc": WARC,
    ".warc.gz": WARC,
}

# Content-Type families of an HTTP answer; the rest is sniffed.
CONTENT_TYPES = (
    ("rss", FEED),
    ("atom", FEED),
    ("html", HTML),
    ("ndjson", JSONL),
    ("jsonl", JSONL),
    ("text/plain", TEXT),
)

# Roots that make an XML document a feed (RSS 2.0, Atom, RSS 1.0 / RDF).
FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
# Tags that only a page or a page fragment starts with.
HTML_ROOTS = {"html", "head", "body", "article", "div", "p", "main", "section", "meta", "title", "span"}

HEAD_BYTES = 64 * 1024  # enough to get past a long <head> or a big first JSON line's start

_FIRST_TAG = re.compile(rb"<([A-Za-z][\w:.-]*)")
_SKIPPABLE = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)


def kind_from_name(name: str) -> str | None:
    """The kind an extension promises, or None when the name does not say."""
    lower = name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):  # .warc.gz before .gz-less .warc
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    return None


def kind_from_content_type(content_type: str | None) -> str | None:
    """The kind an HTTP Content-Type promises, or None."""
    ct = (content_type or "").lower()
    for needle, kind in CONTENT_TYPES:
        if needle in ct:
            return kind
    return None


def sniff(head: bytes) -> str:
    """The kind of a source from its first bytes (up to HEAD_BYTES)."""
    if head.startswith(b"\x1f\x8b"):
        return WARC if _gunzip_head(head).startswith(b"WARC/") else BINARY
    if head.startswith(b"WARC/"):
        return WARC
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 text: the text reader names the encoding instead of calling it binary.
        return TEXT
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if looks_binary(head):
        return BINARY
    if body.startswith(b"{"):
        return JSONL
    if body.startswith(b"<"):
        return _markup_kind(body)
    return TEXT


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding: NULs, or many control bytes.

    Text in a legacy 8-bit encoding (cp1252, latin-1) has almost no bytes below 0x20 other
    than whitespace; compressed or image data has about one in eight. 10 % separates them
    with room on both sides.
    """
    if not data:
        return False
    if b"\x00" in data:
        return True
    sample = data[:HEAD_BYTES]
    controls = sum(1 for b in sample if (b < 0x20 and b not in (9, 10, 12, 13)) or b == 0x7F)
    if controls / len(sample) > 0.10:
        return True
    # Mostly undecodable as UTF-8 and high bytes everywhere: a compressed stream, not prose.
    decoded = sample.decode("utf-8", errors="replace")
    return decoded.count("\ufffd") / max(len(decoded), 1) > 0.30


def _markup_kind(body: bytes) -> str:
    rest = body
    while True:  # skip <?xml ...?>, comments and the doctype to reach the root element
        m = _SKIPPABLE.match(rest)
        if not m:
            break
        if m.group(1).lower().startswith(b"<!doctype html"):
            return HTML
        rest = rest[m.end() :]
    m = _FIRST_TAG.search(rest[:4096])
    root = m.group(1).decode("ascii", "replace").lower() if m else ""
    if root in FEED_ROOTS:
        return FEED
    if root in HTML_ROOTS or b"<html" in body[:HEAD_BYTES].lower():
        return HTML
    # Other XML: let the feed reader say it is not a feed, with the parser's reason.
    return FEED if body.startswith(b"<?xml") else HTML


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""
