"""Where extraction results are kept: `open_store(path_or_url)` and `Store.add_results`.

>>> from newsgraph.store import open_store
>>> store = open_store("newsgraph.db")           # SQLite file (WAL, FTS5)
>>> store = open_store("postgresql://localhost/news")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Loaded on first use (PEP 562), not on import: the CLI names DEFAULT_DB for every verb, and
# the store pulls in SQLAlchemy, numpy and datasketch (~0.5 s) that `newsgraph extract` never needs.
DEFAULT_DB = "newsgraph.db"

__all__ = ["DEFAULT_DB", "IngestSummary", "Store", "ingest", "open_store"]

if TYPE_CHECKING:
    from newsgraph.store.load import ingest
    from newsgraph.store.store import IngestSummary, Store, open_store


def __getattr__(name: str) -> Any:
    if name == "ingest":
        from newsgraph.store.load import ingest

        return ingest
    if name in ("IngestSummary", "Store", "open_store"):
        from newsgraph.store import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
