"""The store (issue 3): opening, idempotent ingest, bad results, bad --db, kill -9, on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from newsgraph.errors import StoreError
from newsgraph.model import ArticleFacts, Document, Entity, Fact
from newsgraph.store import IngestSummary, open_store
from newsgraph.store.migrations import SCHEMA_VERSION


def test_a_new_store_is_migrated_and_reopens(store_url):
    with open_store(store_url) as s:
        assert s.counts()["articles"] == 0
    with open_store(store_url, create=False) as s, s.read() as conn:
        rows = dict(conn.execute(text("SELECT key, value FROM meta")).all())
    assert rows == {"application": "newsgraph", "schema_version": str(SCHEMA_VERSION)}


def test_same_article_again_adds_nothing(store, xiaomi_story):
    first = store.add_results(xiaomi_story)
    assert (first.added, first.duplicates, first.rejected) == (7, 0, [])
    counts = store.counts()
    again = store.add_results(xiaomi_story)
    assert (again.added, again.duplicates) == (0, 7)
    assert store.counts() == counts


def test_same_text_under_another_url_or_same_url_with_other_text_is_a_duplicate(store, make_article):
    a = make_article("Acme is in talks with Widget.", url="https://a.example/1")
    same_text = make_article("Acme   is in talks with\nWidget.", url="https://b.example/2")
    same_url = make_article("A corrected text of the story.", url="https://a.example/1")
    summary = store.add_results([a, same_text, same_url])
    assert (summary.added, summary.duplicates) == (1, 2)


def test_a_result_that_cannot_be_stored_is_rejected_and_the_rest_goes_on(store, make_article):
    good = make_article("Acme is in talks with Widget.", {"e1": ("Acme", "ORG", [])},
                        [{"type": "response", "args": {"party": "e1"}, "status": "no_response"}])  # fmt: skip
    bad = ArticleFacts(
        Document("A broken result."), [Entity("e1", "X", "ORG")], [Fact("talks", {}, [(0, "x")])]
    )
    bad.facts[0].evidence = None  # not iterable: the writer fails on it
    later = make_article("Widget confirmed the talks.")
    summary = store.add_results([good, bad, later])
    assert summary.added == 2
    assert len(summary.rejected) == 1 and "cannot store" in summary.rejected[0][1]
    assert store.counts()["articles"] == 2
    assert not store.seen(bad.doc)  # nothing of it was left behind


def test_commits_in_small_batches(store, make_article):
    seen = []
    docs = (make_article(f"Story number {i} about Acme and Widget.") for i in range(7))
    summary = store.add_results(
        docs,
        batch_size=3,
        on_article=lambda r, outcome, n: seen.append((outcome, store.counts()["articles"])),
    )
    assert summary.added == 7
    # A second connection sees the first batch once it is committed, before the end.
    assert seen[3][1] >= 3


def test_a_failing_producer_keeps_what_was_stored(store, make_article):
    def results():
        yield make_article("First story about Acme.")
        yield make_article("Second story about Widget.")
        raise RuntimeError("extraction crashed")

    with pytest.raises(RuntimeError):
        store.add_results(results())
    assert store.counts()["articles"] == 2


def test_summary_formats_what_happened():
    s = IngestSummary(added=2, duplicates=1, rejected=[("feed.xml", "feed.xml: not XML")], facts=5)
    assert s.format().splitlines() == [
        "added 2 articles (5 facts), skipped 1 duplicate, rejected 1",
        "  feed.xml: not XML",
    ]
    assert s.to_json()["rejected"] == [{"source": "feed.xml", "reason": "feed.xml: not XML"}]


# --- bad --db --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: str(p / "missing" / "x.db"), "does not exist"),
        (lambda p: str(p), "is a directory"),
        (lambda p: "mysql://u@localhost/db", "unsupported database"),
        (lambda p: "postgresql://nobody@127.0.0.1:1/none", "cannot open"),
        (
            lambda p: (p / "junk.db").write_bytes(b"not sqlite at all" * 100) and str(p / "junk.db"),
            "cannot open",
        ),
    ],
    ids=["no-folder", "a-folder", "mysql", "pg-unreachable", "not-sqlite"],
)
def test_bad_db_is_one_clear_store_error(tmp_path, make, words):
    with pytest.raises(StoreError, match=words) as info:
        open_store(make(tmp_path))
    assert "\n" not in str(info.value)


def test_another_programs_sqlite_file_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not a newsgraph database"):
        open_store(str(path))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("customers",)]


def test_read_only_open_of_a_missing_file_does_not_create_it(tmp_path):
    with pytest.raises(StoreError, match="no newsgraph database"):
        open_store(str(tmp_path / "none.db"), create=False)
    assert not (tmp_path / "none.db").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o500)
    with pytest.raises(StoreError, match="not writable"):
        open_store(str(ro / "x.db"))


# --- SQLite specifics: WAL, FTS5 usable from plain sqlite3 -----------------------------------


def test_sqlite_file_is_wal_with_fts_usable_by_other_tools(tmp_path, xiaomi_story):
    path = tmp_path / "n.db"
    with open_store(str(path)) as s:
        s.add_results(xiaomi_story)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        hits = conn.execute(
            "SELECT a.outlet FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH 'licence' ORDER BY a.seq"
        ).fetchall()
        assert hits == [("Bloomberg",), ("Yahoo Finance",), ("Bloomberg",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- kill -9 in the middle of an ingest ------------------------------------------------------

_SLOW_INGEST = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from conftest import fake_extract_many
    from newsgraph.model import Document
    from newsgraph.store import ingest, open_store

    def reader(paths):
        for i in range(300):
            yield Document(f"Story {{i}}: Acme{{i}} is in talks with Widget{{i}} about a deal number {{i}}.")

    def slow(docs, model=None, jobs=1):
        for r in fake_extract_many(docs):
            time.sleep(0.01)
            yield r

    store = open_store({url!r})
    s = ingest(store, ["x"], reader=reader, extractor=slow)
    print(s.added, s.duplicates)
    """
)


def test_kill_9_loses_nothing_committed_and_a_rerun_completes(store_url):
    script = _SLOW_INGEST.format(tests=str(Path(__file__).parent), url=store_url)
    with open_store(store_url):
        pass
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    with open_store(store_url, create=False) as s:
        while s.counts()["articles"] < 60 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kept = s.counts()
    assert 60 <= kept["articles"] < 300
    assert kept["facts"] == kept["articles"] == kept["claims"]
    if not store_url.startswith("postgresql"):
        with sqlite3.connect(store_url) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    added, duplicates = map(int, out.split())
    assert (added, duplicates) == (300 - kept["articles"], kept["articles"])
    with open_store(store_url, create=False) as s:
        assert s.counts()["articles"] == s.counts()["facts"] == 300


def test_ingest_of_one_url_twice_in_a_run_counts_a_duplicate(store, fake_extract_many):
    from newsgraph.store import ingest

    docs = [Document("Acme is in talks with Widget.", url="https://x.example/a"),
            Document("Acme is in talks with Widget, updated.", url="https://x.example/a"),
            Document("Acme is in talks with Widget.")]  # fmt: skip
    summary = ingest(store, ["x"], reader=lambda _p: iter(docs), extractor=fake_extract_many)
    assert (summary.added, summary.duplicates, summary.rejected) == (1, 2, [])


def test_an_older_store_is_migrated_on_open(store_url, xiaomi_story):
    from newsgraph.graph.queries import entity_view

    with open_store(store_url) as s:
        s.add_results(xiaomi_story)
        before = entity_view(s, "Xiaomi")["counterparties"]
        with s.engine.begin() as conn:  # what a store made before migration 3 looks like
            conn.execute(text("DROP TABLE entity_pairs"))
            conn.execute(text("DROP INDEX ix_facts_claim_recent"))
            conn.execute(text("CREATE INDEX ix_facts_claim ON facts (claim_id)"))
            conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    with open_store(store_url) as s:
        assert entity_view(s, "Xiaomi")["counterparties"] == before
        with s.read() as conn:
            version = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("facts")}
        assert version == str(SCHEMA_VERSION)
        assert "ix_facts_claim_recent" in indexes and "ix_facts_claim" not in indexes
