"""Where extraction results are kept: `open_store(path_or_url)` and `Store.add_results`.

>>> from newsgraph.store import open_store
>>> store = open_store("newsgraph.db")           # SQLite file (WAL, FTS5)
>>> store = open_store("postgresql://localhost/news")
"""

from newsgraph.store.load import ingest
from newsgraph.store.store import DEFAULT_DB, IngestSummary, Store, open_store

__all__ = ["DEFAULT_DB", "IngestSummary", "Store", "ingest", "open_store"]
