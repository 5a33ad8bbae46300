"""The store and query verbs through click's runner (issue 3)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import open_store


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(store_url, xiaomi_story):
    with open_store(store_url) as s:
        s.add_results(xiaomi_story)
    return store_url


@pytest.fixture
def fake_extraction(monkeypatch, fake_extract_many):
    """Ingest with the regex stand-in for extraction: CLI tests need no spaCy model."""
    monkeypatch.setattr("newsgraph.store.load.default_extractor", fake_extract_many)


def invoke(runner, *args):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_ingest_files_folders_and_rejects(runner, tmp_path, store_url, fake_extraction):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Acme Corp is in talks with Widget Inc about a merger.\n")
    (tmp_path / "in" / "b.jsonl").write_text(
        json.dumps(
            {"text": "Globex was in talks with Initech over a supply deal.", "url": "https://x.example/1"}
        )
        + "\n{not json\n"
    )
    (tmp_path / "feed.xml").write_text("<rss><channel><item>unclosed")
    args = ["ingest", tmp_path / "in", tmp_path / "feed.xml", tmp_path / "missing.html", "--db", store_url]
    r = invoke(runner, *args)
    assert r.exit_code == 0, r.output
    first, *rejects = r.output.splitlines()
    assert first == "added 2 articles (2 facts), skipped 0 duplicates, rejected 3"
    assert any("b.jsonl" in x for x in rejects) and any("feed.xml" in x for x in rejects)
    assert any("missing.html" in x for x in rejects)
    again = invoke(runner, *args, "--json")
    assert json.loads(again.output)["duplicates"] == 2 and json.loads(again.output)["added"] == 0
    facts = json.loads(invoke(runner, "facts", "--entity", "Acme", "--json", "--db", store_url).output)
    assert facts[0]["args"]["counterparty"]["name"] == "Widget Inc"


def test_ingest_stdin_with_progress_bar(runner, tmp_path, fake_extraction):
    dbp = tmp_path / "n.db"
    r = runner.invoke(
        main, ["ingest", "-", "--db", str(dbp), "--progress", "--published", "2023-01-02"],
        input="Acme is in talks with Widget about a deal.\n",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "added 1 article (1 facts)" in r.stdout
    assert "facts=1" in r.stderr and "1 articles" in r.stderr


def test_ingest_with_the_real_extraction(runner, tmp_path):
    pytest.importorskip("newsgraph.nlp.factories")
    (tmp_path / "a.txt").write_text(
        "Acme Corp. is in talks to buy Widget Inc., people familiar with the matter said.\n"
    )
    dbp = str(tmp_path / "n.db")
    r = invoke(runner, "ingest", tmp_path / "a.txt", "--db", dbp, "--published", "2023-09-06")
    assert r.exit_code == 0 and r.output.startswith("added 1 article")
    view = json.loads(invoke(runner, "entity", "Acme", "--json", "--db", dbp).output)
    assert view["name"] == "Acme" and "Acme Corp." in {a["name"] for a in view["aliases"]}


def test_entity(runner, db):
    r = invoke(runner, "entity", "Xiaomi", "--db", db)
    assert r.exit_code == 0
    assert r.output.startswith("Xiaomi  (ORG, 7 mentions")
    assert "aliases: Xiaomi ×7, Xiaomi Corp. ×2" in r.output
    assert "BAIC" in r.output and "latest claims" in r.output
    j = json.loads(invoke(runner, "entity", "xiaomi corporation", "--json", "--db", db).output)
    assert j["name"] == "Xiaomi"


def test_facts(runner, db):
    r = invoke(runner, "facts", "--entity", "Xiaomi", "--type", "talks", "--since", "2022-01-01",
               "--source-kind", "anonymous", "--db", db)  # fmt: skip
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0].split()[:3] == ["date", "type", "who"] and len(lines) == 2 + 4
    assert "people familiar with the matter" in r.output
    j = json.loads(invoke(runner, "facts", "--entity", "Xiaomi", "--limit", "2", "--json", "--db", db).output)
    assert len(j) == 2
    bad = runner.invoke(main, ["facts", "--since", "last year", "--db", db])
    assert bad.exit_code == 2 and "not a date" in bad.output


def test_claims_and_claim(runner, db):
    r = invoke(runner, "claims", "--entity", "Xiaomi", "--db", db)
    assert "then agreement signed" in r.output and "[denies]" in r.output
    j = json.loads(
        invoke(runner, "claims", "--entity", "Xiaomi", "--type", "talks", "--json", "--db", db).output
    )
    baic = next(c for c in j if c["args"]["counterparty"]["name"] == "BAIC")
    assert baic["support"] == 2 and {x["kind"] for x in baic["conflicts"]} == {"denial", "moved_on"}
    one = invoke(runner, "claim", baic["id"], "--db", db)
    assert "support 2 independent of 4 sources" in one.output and "Yahoo Finance" in one.output


def test_timeline(runner, db):
    r = invoke(runner, "timeline", "Xiaomi", "--db", db)
    rows = r.output.splitlines()[2:]
    assert rows[0].startswith("2022-08-01") and "Xiaomi – BAIC" in rows[0]
    assert "then agreement signed" in rows[0] and "Reuters (Reuters)" in rows[0]
    assert any("Xiaomi – Chery" in x for x in rows) and rows[-1].startswith(
        "2023-10-01 (reported)  agreement"
    )
    j = json.loads(invoke(runner, "timeline", "Xiaomi", "--json", "--db", db).output)
    assert [x["when"] for x in j] == sorted(x["when"] for x in j)


def test_search_and_article(runner, db):
    r = invoke(runner, "search", "production licence", "--db", db)
    assert "[production] [licence]" in r.output
    hits = json.loads(invoke(runner, "search", "production licence", "--json", "--db", db).output)
    a = invoke(runner, "article", hits[0]["id"], "--db", db)
    assert a.exit_code == 0 and "Bloomberg" in a.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "graphml", "parquet"])
def test_export(runner, db, tmp_path, fmt):
    out = tmp_path / f"x.{fmt}"
    r = invoke(runner, "export", "--format", fmt, "-o", out, "--db", db)
    assert r.exit_code == 0 and out.stat().st_size > 0
    assert "exported" in r.stderr


def test_export_to_stdout(runner, db):
    r = invoke(runner, "export", "--format", "jsonl", "--table", "entities", "--db", db)
    assert len([json.loads(x) for x in r.stdout.splitlines()]) == 5


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["entity", "Nobody"], "no entity named 'Nobody'"),
        (["timeline", "Nobody"], "no entity named"),
        (["claim", "0000000000000000"], "no claim"),
        (["article", "nope"], "no article"),
    ],
)
def test_unknown_things_are_one_line_errors(runner, db, args, words):
    r = runner.invoke(main, [*args, "--db", db])
    assert r.exit_code == 1 and words in r.stderr and len(r.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "dbarg",
    ["{tmp}/no/such/dir/x.db", "{tmp}", "postgresql://nobody@127.0.0.1:1/x", "mysql://x@y/z", "{tmp}/junk.db",
     "{tmp}/other.db"],
)  # fmt: skip
@pytest.mark.parametrize("verb", [["ingest", "-"], ["entity", "Xiaomi"], ["export", "--format", "jsonl"]])
def test_bad_db_is_one_line_no_traceback(runner, tmp_path, dbarg, verb, fake_extraction):
    import sqlite3

    (tmp_path / "junk.db").write_bytes(b"\x00garbage" * 512)
    with sqlite3.connect(tmp_path / "other.db") as conn:
        conn.execute("CREATE TABLE t (x)")
    r = runner.invoke(
        main, [*verb, "--db", dbarg.format(tmp=tmp_path)], input="Acme is in talks with Widget."
    )
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("newsgraph: error: ") and len(r.stderr.splitlines()) == 1
    assert "Traceback" not in r.output
