"""The story corpus reads cleanly and expected.json agrees with the articles."""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path

import pytest

from newsgraph.ingest import read_sources
from newsgraph.model import Document

STORIES = Path(__file__).parent.parent / "stories"


@pytest.fixture(scope="module")
def articles() -> dict[str, Document]:
    items = list(read_sources([str(STORIES / "articles.jsonl")]))
    assert all(isinstance(i, Document) for i in items), [i for i in items if not isinstance(i, Document)]
    return {d.id: d for d in items}


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((STORIES / "expected.json").read_text(encoding="utf-8"))


def shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def test_corpus_size_and_shape(articles):
    assert len(articles) >= 22
    for doc in articles.values():
        assert 100 <= len(doc.text.split()) <= 300, doc.id
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.published or ""), doc.id
        assert doc.outlet and doc.title and doc.url.startswith("https://")
    assert len({d.outlet for d in articles.values()}) >= 8


def test_every_reference_is_an_article(articles, expected):
    ids = set(articles)
    story_ids = [i for s in expected["stories"].values() for i in s["articles"]]
    assert sorted(story_ids) == sorted(ids)
    for claim in expected["claims"]:
        assert set(claim["supported_by"]) <= ids
        for arg in claim["args"].values():
            for key in [arg] if isinstance(arg, str) else arg:
                assert key in expected["entities"], (claim["id"], key)
    for cluster in expected["syndication_clusters"]:
        assert {cluster["original"], *cluster["copies"], *cluster["rewrites"]} <= ids
    for conflict in expected["conflicts"]:
        assert set(conflict.get("report", [])) | set(conflict.get("against", [])) <= ids


def test_aliases_are_spellings_the_articles_use(articles, expected):
    corpus = "\n".join(f"{d.title}\n{d.text}" for d in articles.values())
    for key, entity in expected["entities"].items():
        for alias in entity["aliases"]:
            assert alias in corpus, (key, alias)


def test_syndicated_copies_are_near_duplicates_and_rewrites_are_not(articles, expected):
    clustered = set()
    for cluster in expected["syndication_clusters"]:
        wire = articles[cluster["original"]].text
        for copy in cluster["copies"]:
            assert jaccard(wire, articles[copy].text) > 0.7, copy
        for rewrite in cluster["rewrites"]:
            assert jaccard(wire, articles[rewrite].text) < 0.2, rewrite
        clustered |= {cluster["original"], *cluster["copies"]}
    # Outside the copies, no two articles share wording: similarity must come from facts.
    for a, b in combinations(sorted(articles), 2):
        if not {a, b} <= clustered:
            assert jaccard(articles[a].text, articles[b].text) < 0.1, (a, b)


def test_at_least_three_copies_and_two_rewrites(expected):
    clusters = expected["syndication_clusters"]
    assert max(len(c["copies"]) for c in clusters) >= 3
    assert sum(len(c["rewrites"]) for c in clusters) >= 2


def test_the_wrong_figure_is_in_the_rewrite_only(articles, expected):
    [conflict] = [c for c in expected["conflicts"] if c["kind"] == "figure"]
    for value, ids in conflict["values"].items():
        shown = "$25.4 billion" if value.startswith("254") else "$52.4 billion"
        for i in ids:
            assert shown in articles[i].text, (i, shown)


def test_timelines_are_in_date_order(articles, expected):
    for events in expected["timelines"].values():
        dates = [e["date"] for e in events]
        assert dates == sorted(dates)
        for e in events:
            # An event cannot be reported before it happened.
            assert articles[e["article"]].published >= e["date"], e
