"""Read, extract and store in one stream: the library side of `newsgraph ingest`.

    >>> from newsgraph.store import open_store, ingest
    >>> summary = ingest(open_store("newsgraph.db"), ["feeds/", "story.html"])

Articles already stored (same URL or same text) are skipped before extraction, so a rerun
after an interrupted ingest only does the work that is left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsgraph.model import ArticleFacts, Document
from newsgraph.store.store import IngestSummary, Store

Reader = Callable[[list[str]], Iterable[Any]]
Extractor = Callable[..., Iterable[ArticleFacts]]


def default_reader(paths: list[str]) -> Iterable[Any]:
    from newsgraph.ingest import read_sources

    return read_sources(paths)


def default_extractor(
    documents: Iterable[Document], model: str | None = None, jobs: int = 1
) -> Iterator[ArticleFacts]:
    from newsgraph.pipeline import extract_many

    return extract_many(documents, model=model, jobs=jobs)


def ingest(
    store: Store,
    paths: list[str],
    *,
    model: str | None = None,
    jobs: int = 1,
    reader: Reader | None = None,
    extractor: Extractor | None = None,
    on_article: Callable[[str, int], None] | None = None,
) -> IngestSummary:
    """Ingest every article under `paths` into `store`; return what was added and skipped.

    `on_article(outcome, n_facts)` is called once per item read, outcome one of "added",
    "duplicate", "rejected".
    """
    reader = reader or default_reader
    extractor = extractor or default_extractor
    early = IngestSummary()
    seen_here: set[str] = set()

    def note(outcome: str, n: int = 0) -> None:
        if on_article is not None:
            on_article(outcome, n)

    def documents() -> Iterator[Document]:
        for item in reader(list(paths)):
            if not isinstance(item, Document):
                # A reader's Rejected: a corrupt record, a page with no article, bad JSON.
                early.rejected.append((str(getattr(item, "source", "?")), str(getattr(item, "reason", item))))
                note("rejected")
                continue
            if item.id in seen_here or store.seen(item):
                early.duplicates += 1
                note("duplicate")
                continue
            seen_here.add(item.id)
            yield item

    summary = store.add_results(
        extractor(documents(), model=model, jobs=jobs),
        on_article=lambda _r, outcome, n: note(outcome, n),
    )
    early.merge(summary)
    return early
