"""WARC files (a CC-NEWS crawl, a wget --warc-file dump): HTML responses -> articles.

Records are streamed with warcio, one at a time, so a multi-gigabyte crawl never sits in
memory. For each `response` (or `resource`) record holding an HTML page with a 2xx status:
  url   WARC-Target-URI
  date  the page's own date, else the WARC-Date (the crawl date, close to publication for
        a news crawl), else the caller's fallback
and the page goes through the HTML reader. Requests, metadata, robots.txt, images and
redirects are not articles and are skipped without a word: a crawl holds thousands.

A corrupt record gives one Rejected; reading resumes at the next record boundary found
after it (the next gzip member, or the next `WARC/1.x` line of an uncompressed file).

    >>> for item in read_warc("CC-NEWS-20240301.warc.gz", ReadOptions()): ...
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsgraph.ingest.common import Item, ReadOptions, Rejected, iso_date, megabytes, short_error
from newsgraph.ingest.html import read_html

ARTICLE_RECORDS = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_LINE = b"\nWARC/1."
SCAN_CHUNK = 1024 * 1024


def read_warc(path: str, opts: ReadOptions) -> Iterator[Item]:
    """Every HTML page of a WARC file as a Document, or a Rejected saying why not."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        gzipped = fh.read(2) == GZIP_MAGIC[:2]
        marker = GZIP_MAGIC if gzipped else WARC_LINE
        run = _Run(start=0)
        damaged = False  # inside a damaged stretch: a false start there is the same damage
        read_any = False
        while True:
            yield from _read_run(fh, run, path, opts)
            read_any = read_any or run.records > 0
            if run.failure is None and _only_blank(fh, run.position, size):
                return  # a clean end of file
            if run.records or not damaged:
                at = run.position if gzipped else _skip_blank(fh, run.position)
                if not read_any and at == 0:
                    yield Rejected(path, f"{path}: not a WARC file ({run.failure or 'no WARC record'})")
                else:
                    why = run.failure or "the file ends inside it"
                    yield Rejected(f"{path}@{at}", f"{path}: corrupt WARC record at byte {at} ({why})")
            damaged = True
            start = _next_boundary(fh, run.position + 1, marker)
            if start is None:
                return
            run = _Run(start=start)


@dataclass(slots=True)
class _Run:
    """A stretch of records read by one ArchiveIterator, up to the end or a failure."""

    start: int
    position: int = 0  # where the next record starts (the failed one, after a failure)
    records: int = 0
    failure: str | None = None


def _read_run(fh: BinaryIO, run: _Run, path: str, opts: ReadOptions) -> Iterator[Item]:
    fh.seek(run.start)
    run.position = run.start
    records = ArchiveIterator(fh)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # warcio on damaged bytes raises all kinds: report, resync
            run.failure = short_error(exc)
            return
        try:
            if record.format != "warc":
                # warcio also reads ARC, whose loose header line matches almost any text.
                raise ValueError(f"an {record.format.upper()} record, not WARC")
            item = _record_item(record, path, opts)
            # Reading to the record's end here surfaces a body that breaks off now.
            end = records.get_record_offset() + records.get_record_length()
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:  # warcio reads a cut-off record as a short one without complaint
                raise ValueError(f"truncated: {missing} of its {record.length} bytes are missing")
            run.position = end
        except Exception as exc:  # a truncated body, a bad length, a broken gzip member
            run.failure = short_error(exc)
            return
        run.records += 1
        if item is not None:
            yield item


def _record_item(record: Any, path: str, opts: ReadOptions) -> Item | None:
    """One record as a Document or Rejected; None for records that are not pages."""
    if record.rec_type not in ARTICLE_RECORDS:
        return None
    headers = record.http_headers if record.rec_type == "response" else None
    if record.rec_type == "response":
        if headers is None:
            return None
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime not in HTML_TYPES:
        return None

    url = record.rec_headers.get_header("WARC-Target-URI") or None
    label = f"{path}: {url}" if url else path
    body: bytes = record.content_stream().read(opts.max_bytes + 1)
    if len(body) > opts.max_bytes:
        return Rejected(url or path, f"{label}: page over the {megabytes(opts.max_bytes)} limit")
    crawl_date = iso_date(record.rec_headers.get_header("WARC-Date"))
    return read_html(_decoded(body, content_type), label, url=url, fallback_date=crawl_date or opts.published)


def _decoded(body: bytes, content_type: str) -> bytes | str:
    """The page as str when the server named a charset Python knows; else bytes for trafilatura to sniff."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
            try:
                return body.decode(charset, errors="replace")
            except (LookupError, ValueError):  # an unknown name, or a non-text codec like base64
                break
    return body


def _only_blank(fh: BinaryIO, offset: int, size: int) -> bool:
    """True when nothing but line ends follow `offset` (uncompressed records end with two)."""
    if size - offset > 16:
        return False
    fh.seek(offset)
    return not fh.read().strip()


def _skip_blank(fh: BinaryIO, offset: int) -> int:
    """The offset of the first non-blank byte at or after `offset`: where a record really starts."""
    fh.seek(offset)
    head = fh.read(64)
    return offset + len(head) - len(head.lstrip(b"\r\n"))


def _next_boundary(fh: BinaryIO, offset: int, marker: bytes) -> int | None:
    """Offset of the next record start at or after `offset`, scanning in chunks; None at EOF."""
    fh.seek(offset)
    position = offset
    tail = b""
    while True:
        chunk = fh.read(SCAN_CHUNK)
        if not chunk:
            return None
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            at = position - len(tail) + found
            return at + 1 if marker == WARC_LINE else at
        tail = window[-(len(marker) - 1) :]
        position += len(chunk)
