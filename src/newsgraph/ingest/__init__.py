"""Reading articles in: text, HTML, JSONL, RSS/Atom, WARC, folders, stdin and URLs.

One module per format; `read_sources` picks the reader for each source and streams
Documents, with a `Rejected` (source, one-line reason) for whatever gave no article.

    >>> from newsgraph.ingest import Rejected, read_sources
    >>> for item in read_sources(["stories/articles.jsonl"], published="2023-09-06"):
    ...     print(item.reason if isinstance(item, Rejected) else item.id)
"""

from newsgraph.ingest.common import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, ReadOptions, Rejected
from newsgraph.ingest.sources import read_source, read_sources
from newsgraph.ingest.text import read_text_file

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "ReadOptions",
    "Rejected",
    "read_source",
    "read_sources",
    "read_text_file",
]
