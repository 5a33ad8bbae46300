"""read_sources: any mix of files, folders, URLs and stdin -> a stream of Documents and Rejected.

Which reader a source gets:
  `-`              stdin, sniffed (JSONL, HTML, feed or text)
  http(s)://…      fetched; the Content-Type decides, else the body is sniffed
  a folder         every file below it, recursively, in name order; hidden entries skipped
  a file           its extension (sniff.EXTENSIONS), else its first bytes

    >>> from newsgraph.ingest import read_sources, Rejected
    >>> for item in read_sources(["stories/articles.jsonl", "crawl.warc.gz", "-"]):
    ...     print(item.reason if isinstance(item, Rejected) else item.title)
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from newsgraph.errors import NewsgraphError, NotADate
from newsgraph.ingest import sniff
from newsgraph.ingest.common import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Item, ReadOptions, Rejected, iso_date
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.html import read_html
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.ingest.text import check_size, read_text_source
from newsgraph.ingest.warc import read_warc
from newsgraph.ingest.web import Unreachable, fetch, is_url
from newsgraph.model import Document


def read_sources(
    paths: Iterable[str | os.PathLike[str]],
    published: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Document | Rejected]:
    """Read every source in turn, lazily; a source that gives no article yields a Rejected.

    `published` dates the articles whose source carries no date of its own (a .txt file,
    a JSONL line without one); a date read from the source wins over it. Raises NotADate
    for a `published` that is not a date; never raises for a bad source.
    """
    opts = ReadOptions(published=_checked_date(published), max_bytes=max_bytes, timeout=timeout)
    for path in paths:
        yield from read_source(os.fspath(path), opts)


def read_source(source: str, opts: ReadOptions) -> Iterator[Item]:
    """One path, folder, URL or `-`."""
    if source == "-":
        yield from _read_stdin(opts)
    elif is_url(source):
        yield from _read_url(source, opts)
    elif os.path.isdir(source):
        yield from _read_folder(source, opts)
    elif os.path.isfile(source):
        yield from _read_file(source, opts)
    elif os.path.lexists(source):
        yield Rejected(source, f"{source}: not a regular file")
    else:
        yield Rejected(source, f"{source}: no such file or folder")


def read_data(
    kind: str, data: bytes, name: str, opts: ReadOptions, *, url: str | None = None
) -> Iterator[Item]:
    """Bytes already in memory, by kind (see sniff)."""
    if kind == sniff.HTML:
        yield read_html(data, name, url=url, fallback_date=opts.published)
    elif kind == sniff.FEED:
        yield from read_feed(data, name, opts, url=url)
    elif kind == sniff.JSONL:
        yield from read_jsonl(io.BytesIO(data), name, opts)
    elif kind == sniff.TEXT:
        for item in read_text_source(name, data, opts):
            if url is not None and not isinstance(item, Rejected):
                item.url = url
            yield item
    elif kind == sniff.WARC:
        yield Rejected(name, f"{name}: a WARC archive is read from a file only; save it, give its path")
    else:
        yield Rejected(name, f"{name}: binary data, not an article in a format newsgraph reads")


def _read_file(path: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        with open(path, "rb") as fh:
            head = fh.read(sniff.HEAD_BYTES)
        if not head:
            yield from read_data(sniff.TEXT, head, path, opts)  # says "is empty"
            return
        kind = sniff.kind_from_name(path) or sniff.sniff(head)
        if kind == sniff.WARC:
            yield from read_warc(path, opts)
            return
        if kind == sniff.JSONL:
            with open(path, "rb") as fh:
                yield from read_jsonl(fh, path, opts)
            return
        if kind == sniff.BINARY:
            yield from read_data(kind, head, path, opts)
            return
        check_size(path, os.path.getsize(path), opts.max_bytes)
        with open(path, "rb") as fh:
            data = fh.read(opts.max_bytes + 1)
        check_size(path, len(data), opts.max_bytes)
    except NewsgraphError as exc:
        yield Rejected(path, str(exc))
        return
    except OSError as exc:
        yield Rejected(path, f"{path}: cannot be read ({exc.strerror or exc})")
        return
    yield from read_data(kind, data, path, opts)


def _read_folder(folder: str, opts: ReadOptions) -> Iterator[Item]:
    """Every file below `folder`, depth first in name order (a/, b.txt, c/ ...)."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield Rejected(folder, f"{folder}: cannot be read ({exc.strerror or exc})")
        return
    for entry in entries:
        # Hidden entries are tool state (.git, .DS_Store, editor swap files), never articles.
        if entry.name.startswith("."):
            continue
        try:
            # Linked folders are not followed: a link back up would loop for ever.
            if entry.is_dir(follow_symlinks=False):
                yield from _read_folder(entry.path, opts)
            elif entry.is_file():
                yield from _read_file(entry.path, opts)
        except OSError as exc:
            yield Rejected(entry.path, f"{entry.path}: cannot be read ({exc.strerror or exc})")


def _read_url(url: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        page = fetch(url, opts)
    except Unreachable as exc:
        yield Rejected(url, f"{url}: unreachable ({exc})")
        return
    kind = sniff.kind_from_content_type(page.content_type) or sniff.sniff(page.body[: sniff.HEAD_BYTES])
    if kind == sniff.HTML and page.charset:
        try:
            yield read_html(page.body.decode(page.charset, errors="replace"), url, url=page.url,
                            fallback_date=opts.published)  # fmt: skip
            return
        except (LookupError, ValueError):  # a charset Python does not know: let trafilatura sniff
            pass
    yield from read_data(kind, page.body, url, opts, url=page.url)


def _read_stdin(opts: ReadOptions) -> Iterator[Item]:
    stream = sys.stdin.buffer
    head = stream.read(sniff.HEAD_BYTES)
    kind = sniff.sniff(head)
    if kind == sniff.JSONL:
        yield from read_jsonl(_Prefixed(head, stream), "stdin", opts)
        return
    rest = stream.read(opts.max_bytes + 1 - len(head)) if len(head) == sniff.HEAD_BYTES else b""
    data = head + rest
    try:
        check_size("stdin", len(data), opts.max_bytes)
    except NewsgraphError as exc:
        yield Rejected("stdin", str(exc))
        return
    yield from read_data(kind, data, "stdin", opts)


class _Prefixed:
    """Lines of a stream whose first bytes were already read for sniffing."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = io.BytesIO(head)
        self._rest = rest

    def readline(self, size: int = -1, /) -> bytes:
        line = self._head.readline(size)
        if line.endswith(b"\n") or (size >= 0 and len(line) >= size):
            return line
        return line + self._rest.readline(size - len(line) if size >= 0 else -1)


def _checked_date(published: str | None) -> str | None:
    if published is None or not str(published).strip():
        return None
    date = iso_date(published)
    if date is None:
        raise NotADate(f"published date {published!r} is not a date; give it as YYYY-MM-DD")
    return date
