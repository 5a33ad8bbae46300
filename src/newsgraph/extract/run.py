"""Read article files given on the command line and extract them (the `extract` verb's library side)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from newsgraph.model import ArticleFacts, Document
from newsgraph.pipeline import extract_many, load_pipeline

MAX_BYTES = 10 * 1024 * 1024


def read_article(path: str, published: str | None = None) -> Document:
    """One article from a text file or '-' (stdin), with clear errors for what is not one."""
    from newsgraph.ingest.text import check_size, decode_text, read_text_file

    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        check_size("<stdin>", len(data), MAX_BYTES)
        text = decode_text(data, "<stdin>")
    else:
        text = read_text_file(path, max_bytes=MAX_BYTES)
    return Document(text=text, published=_iso_date(published), url=None if path == "-" else None)


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    from datetime import date

    from newsgraph.errors import NewsgraphError

    try:
        if len(value) > 10 and value[10] not in "T ":
            raise ValueError(value)
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise NewsgraphError(f"--published: {value!r} is not a date (use YYYY-MM-DD)") from None


def extract_paths(
    paths: list[str], published: str | None = None, model: str | None = None, jobs: int = 1
) -> Iterator[ArticleFacts]:
    """Facts of every file, in order. Every file is read (and checked) before the model loads."""
    documents = [read_article(p, published) for p in paths]
    load_pipeline(model)  # fail on a missing model before any work
    yield from extract_many(documents, model=model, jobs=jobs)
