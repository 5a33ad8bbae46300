"""The query layer and exports (issue 3), on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pyarrow.parquet as pq
import pytest

from newsgraph.graph import queries as q
from newsgraph.graph.export import UnknownExportFormat, export


@pytest.fixture
def story_store(store, xiaomi_story):
    store.add_results(xiaomi_story)
    return store


def _json_roundtrip(x):
    assert json.loads(json.dumps(x)) == x
    return x


def test_entity_view(story_store):
    v = _json_roundtrip(q.entity_view(story_store, "Xiaomi Corp."))
    assert (v["name"], v["type"]) == ("Xiaomi", "ORG")
    assert v["relations"]["talks"] == 6
    top = v["counterparties"][0]
    assert (top["name"], top["fact_type"], top["support"]) == ("BAIC", "talks", 2)
    assert {c["name"] for c in v["counterparties"]} == {"BAIC", "Brilliance Auto", "Chery"}
    assert v["latest_claims"][0]["type"] == "agreement"
    assert q.entity_view(story_store, "Nobody Inc.") is None
    assert q.entity_view(story_store, v["id"])["name"] == "Xiaomi"


def test_list_facts_filters(story_store):
    all_talks = q.list_facts(story_store, entity="Xiaomi", type="talks")
    assert len(all_talks) == 6
    assert [f["date"] for f in all_talks] == sorted((f["date"] for f in all_talks), reverse=True)
    anon = q.list_facts(
        story_store, entity="Xiaomi", type="talks", since="2022-01-01", source_kind="anonymous"
    )
    assert {f["article"]["outlet"] for f in anon} == {"Bloomberg", "Yahoo Finance"}
    assert q.list_facts(story_store, entity="Xiaomi", since="2023-09-06", until="2023-09-06", type="talks")
    assert not q.list_facts(story_store, entity="Xiaomi", type="talks", since="2023-09-07")
    assert len(q.list_facts(story_store, certainty="denied")) == 1
    assert len(q.list_facts(story_store, status="signed")) == 1
    page = q.list_facts(story_store, limit=3, offset=3)
    assert [f["id"] for f in page] == [f["id"] for f in q.list_facts(story_store)][3:6]
    f = _json_roundtrip(anon[0])
    assert f["args"]["party"]["name"] == "Xiaomi" and f["evidence"][0]["start"] >= 0
    assert q.list_facts(story_store, entity="Nobody") == []


def test_list_claims_and_paging(story_store):
    claims = _json_roundtrip(q.list_claims(story_store))
    assert len(claims) == 8
    assert [c["id"] for c in q.list_claims(story_store, limit=4, offset=4)] == [c["id"] for c in claims[4:8]]
    baic = q.list_claims(story_store, entity="BAIC")
    assert {c["type"] for c in baic} == {"talks", "agreement", "response"}


def test_search_articles(story_store):
    hits = q.search_articles(story_store, "production licence")
    assert {h["outlet"] for h in hits} == {"Bloomberg", "Yahoo Finance"}
    assert "[" in hits[0]["snippet"]
    assert q.search_articles(story_store, '"held talks with Brilliance"')[0]["outlet"] == "Bloomberg"
    assert q.search_articles(story_store, 'NEAR( AND "unbalanced') == []  # never a syntax error
    assert q.search_articles(story_store, "") == []
    assert len(q.search_articles(story_store, "Xiaomi", limit=2)) == 2


def test_article_view(story_store):
    hit = q.search_articles(story_store, "Reporting by staff")[0]
    a = _json_roundtrip(q.article_view(story_store, hit["id"]))
    assert a["outlet"] == "Yahoo Finance"
    assert [d["outlet"] for d in a["duplicates"]] == ["Bloomberg"]
    ev = a["facts"][0]["evidence"][0]
    assert a["text"][ev["start"] : ev["end"]] == ev["text"]
    assert {e["name"] for e in a["entities"]} == {"Xiaomi Corp", "Beijing Automotive Group Co."}
    assert q.article_view(story_store, "nope") is None


@pytest.mark.parametrize("table", ["facts", "claims", "entities", "articles"])
def test_export_jsonl_csv_parquet(story_store, table):
    n_rows = {"facts": 11, "claims": 8, "entities": 5, "articles": 7}[table]
    buf = io.BytesIO()
    assert export(story_store, "jsonl", buf, table=table) == n_rows
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert len(rows) == n_rows
    buf = io.BytesIO()
    export(story_store, "csv", buf, table=table)
    assert len(buf.getvalue().decode().splitlines()) >= n_rows + 1
    buf = io.BytesIO()
    export(story_store, "parquet", buf, table=table)
    t = pq.read_table(io.BytesIO(buf.getvalue()))
    assert t.num_rows == n_rows
    if table == "facts":
        args = json.loads(t.column("args")[0].as_py())
        assert any(isinstance(v, dict) and "name" in v for v in args.values())


def test_export_graphml(story_store):
    buf = io.BytesIO()
    assert export(story_store, "graphml", buf) == 5
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(buf.getvalue())
    nodes = root.findall(".//g:node", ns)
    edges = root.findall(".//g:edge", ns)
    ids = {n.get("id") for n in nodes}
    assert len(nodes) == 5 and all(e.get("source") in ids and e.get("target") in ids for e in edges)
    labels = {n.get("id"): n.find("g:data[@key='n_label']", ns).text for n in nodes}
    pairs = {(labels[e.get("source")], labels[e.get("target")], e.find("g:data[@key='e_type']", ns).text)
             for e in edges}  # fmt: skip
    assert ("Xiaomi", "BAIC", "talks") in pairs and ("Xiaomi", "BAIC", "agreement") in pairs


def test_export_rejects_unknown_format(story_store):
    with pytest.raises(UnknownExportFormat):
        export(story_store, "xlsx", io.BytesIO())
