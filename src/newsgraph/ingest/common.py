"""What every reader shares: the Rejected record, the read options, dates, short error text."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as dateparser

from newsgraph.model import Document

# 10 MB holds the longest news article many times over (a long feature is ~100 kB of HTML
# with its scripts); anything bigger is a dump or a binary, and reading it whole would
# cost memory for nothing. Streams (JSONL, WARC) apply it per line / per record.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# News sites answer in well under a second; 20 s rides out a slow one without letting a
# dead host stall a batch for minutes.
DEFAULT_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True)
class Rejected:
    """A source, or one item inside it, that gave no article, and why.

    `source` locates it (a path, a URL, `file.jsonl:17`, a WARC record's URL); `reason` is
    one human line that names the source too, so it can be printed alone:

        >>> Rejected("feed.xml", "feed.xml: not an RSS/Atom feed (XML syntax error at line 3)")
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How the readers behave; one object passed down instead of loose keywords."""

    published: str | None = None  # date for articles whose source gives none (ISO)
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT


Item = Document | Rejected

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: object) -> str | None:
    """`YYYY-MM-DD` for a date written by a source ('2023-09-06T08:00Z', 'Sept 6, 2023'); None if none.

    A value with no year ('Tuesday') is not a date: dateutil would fill in this year.
    """
    if isinstance(value, time.struct_time):
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    m = _ISO_PREFIX.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if len(text) > 64 or not re.search(r"\b\d{4}\b", text):
        return None
    try:
        parsed = dateparser.parse(text, default=datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    if parsed.year < 1000:
        return None
    return parsed.strftime("%Y-%m-%d")


def short_error(exc: BaseException, limit: int = 120) -> str:
    """An exception as a short printable line: parsers of raw bytes put raw bytes in messages."""
    text = str(exc).strip() or type(exc).__name__
    text = text.splitlines()[0] if text.splitlines() else text
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def megabytes(n: int) -> str:
    """A byte count the way people say it: '12.3 MB'."""
    value, unit = (n / (1024 * 1024), "MB") if n >= 1024 * 1024 else (n / 1024, "kB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"
