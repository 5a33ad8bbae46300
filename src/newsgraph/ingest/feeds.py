"""RSS and Atom feeds: each entry with text becomes a Document; the feed's title is the outlet.

feedparser is given bytes, never a string: given a string it would treat it as a URL or a
file name and fetch it. Fetching is ours (ingest/web.py), with a timeout.

    >>> for item in read_feed(open("wire.xml", "rb").read(), "wire.xml", ReadOptions()): ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.sax import SAXParseException

import feedparser

from newsgraph.ingest.common import Item, ReadOptions, Rejected, iso_date, short_error
from newsgraph.ingest.html import fragment_to_text
from newsgraph.model import Document

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(data: bytes, name: str, opts: ReadOptions, *, url: str | None = None) -> Iterator[Item]:
    """The entries of one feed document as Documents; a non-feed as one Rejected."""
    try:
        parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    except Exception as exc:  # feedparser's loose parser on hostile bytes: report it and go on
        yield Rejected(name, f"{name}: not an RSS/Atom feed ({short_error(exc)})")
        return
    entries = list(parsed.get("entries") or [])
    if not parsed.get("version"):
        # No <rss>, <feed> or <rdf:RDF> root: any "entries" are the loose parser's guesses.
        yield Rejected(name, f"{name}: not an RSS/Atom feed ({_why_not_a_feed(parsed)})")
        return
    if not entries:
        yield Rejected(name, f"{name}: the feed has no entries")
        return

    outlet = _text(parsed.get("feed", {}).get("title"))
    items: list[Item] = []
    for number, entry in enumerate(entries, 1):
        text = entry_text(entry)
        link = _text(entry.get("link"))
        where = link or f"{name}#{number}"
        if not text:
            items.append(Rejected(where, f"{name} entry {number}{_about(entry)}: no text in the entry"))
            continue
        items.append(
            Document(
                text=text,
                url=link,
                title=_text(entry.get("title")),
                published=iso_date(entry.get("published_parsed") or entry.get("updated_parsed"))
                or opts.published,
                outlet=outlet,
            )
        )
    if parsed.get("bozo") and not any(isinstance(i, Document) for i in items):
        # Broken XML that the loose parser could not salvage a single article from.
        yield Rejected(name, f"{name}: not an RSS/Atom feed ({_why_not_a_feed(parsed)})")
        return
    yield from items


def entry_text(entry: Any) -> str:
    """The fullest text an entry carries: its content, else its summary, as plain text."""
    candidates = [c for c in entry.get("content") or [] if isinstance(c, dict)]
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    elif entry.get("summary"):
        candidates.append({"type": "text/html", "value": entry["summary"]})
    best = ""
    for c in candidates:
        value = c.get("value") or ""
        if not isinstance(value, str):
            continue
        text = fragment_to_text(value) if c.get("type") in HTML_TYPES else value.strip()
        if len(text) > len(best):
            best = text
    return best


def _why_not_a_feed(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if isinstance(exc, SAXParseException):
        return f"XML syntax error at line {exc.getLineNumber()}: {exc.getMessage()}"
    if exc is not None:
        return short_error(exc)
    return "no <rss>, <feed> or <rdf:RDF> root element"


def _about(entry: Any) -> str:
    title = _text(entry.get("title"))
    return f" ({title[:60]})" if title else ""


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
