"""JSON Lines: one article per line, read one line at a time (a file of any size streams).

Each line is an object with `text` or `html`, and optionally `id`, `url`, `title`,
`published`, `outlet`. A bad line is one Rejected naming its line number; the rest goes on.

    {"id": "a1", "url": "https://example.com/a", "title": "…", "published": "2023-09-06",
     "outlet": "Example Wire", "text": "Acme agreed to buy Widget…"}

    >>> for item in read_jsonl(open("articles.jsonl", "rb"), "articles.jsonl", ReadOptions()): ...
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

from newsgraph.ingest.common import Item, ReadOptions, Rejected, iso_date, megabytes
from newsgraph.ingest.html import read_html
from newsgraph.model import Document

FIELDS = ("id", "url", "title", "published", "outlet", "text", "html")


class LineReader(Protocol):
    """Anything with a binary readline(limit): an open file, stdin's buffer."""

    def readline(self, size: int = -1, /) -> bytes: ...


def read_jsonl(stream: LineReader, name: str, opts: ReadOptions) -> Iterator[Item]:
    """Every line of a JSONL stream as a Document or a Rejected; blank lines are skipped."""
    lineno = 0
    while True:
        # readline with a limit: a multi-gigabyte file without newlines is never held whole.
        raw = stream.readline(opts.max_bytes + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > opts.max_bytes and not raw.endswith(b"\n"):
            while (more := stream.readline(1024 * 1024)) and not more.endswith(b"\n"):
                pass
            yield Rejected(
                f"{name}:{lineno}", f"{name} line {lineno}: over the {megabytes(opts.max_bytes)} limit"
            )
            continue
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        yield read_jsonl_line(raw, name, lineno, opts)


def read_jsonl_line(raw: bytes, name: str, lineno: int, opts: ReadOptions) -> Item:
    """One line -> Document, or Rejected naming the line and what is wrong with it."""
    where = f"{name}:{lineno}"

    def rejected(why: str) -> Rejected:
        return Rejected(where, f"{name} line {lineno}: {why}")

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return rejected(f"not UTF-8 (byte 0x{raw[exc.start]:02X} at column {exc.start + 1})")
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return rejected(f"not JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return rejected("not JSON (nested too deeply)")
    if not isinstance(obj, dict):
        return rejected(f"not a JSON object (a {type(obj).__name__})")

    for key in FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str) and not (key == "id" and isinstance(value, int)):
            return rejected(f"field {key!r} is not a string")
    doc_id = str(obj["id"]) if obj.get("id") is not None else None
    published = _published(obj.get("published"))
    if published is False:
        return rejected(f"published {obj.get('published')!r} is not a date")

    text = obj.get("text")
    html = obj.get("html")
    if isinstance(text, str) and text.strip():
        return Document(
            text=text,
            id=doc_id,
            url=_str(obj.get("url")),
            title=_str(obj.get("title")),
            published=published or opts.published,
            outlet=_str(obj.get("outlet")),
        )
    if isinstance(html, str) and html.strip():
        label = f"{name} line {lineno}"
        page = read_html(html, label, url=_str(obj.get("url")), fallback_date=opts.published)
        if isinstance(page, Rejected):
            return Rejected(where, page.reason)
        # What the line states outright beats what was read off the page.
        page.id = doc_id or page.id
        page.title = _str(obj.get("title")) or page.title
        page.published = published or page.published
        page.outlet = _str(obj.get("outlet")) or page.outlet
        return page
    return rejected("no text (neither a 'text' nor an 'html' field with content)")


def _published(value: Any) -> str | None | bool:
    """The line's date as ISO; None if absent; False if present but not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return iso_date(value) or False


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
