"""Syndication (issue 3): copies and light rewrites cluster, across runs; support counts clusters."""

from __future__ import annotations

import pytest

from newsgraph.graph.queries import article_view, list_claims
from newsgraph.store import open_store, syndication

STORY = (
    "Xiaomi Corp. has held talks with established automakers on potential production partnerships, "
    "people familiar with the matter said, as it waits for Beijing to approve a license that would give "
    "it the right to manufacture electric cars itself. The Chinese smartphone giant has engaged with "
    "several carmakers including Brilliance Auto Group Holdings Co. and Chery Automobile Co., the people "
    "said, asking not to be identified because the discussions are private."
)
REWRITE = (
    "Smartphone maker Xiaomi has held talks with established automakers on potential production "
    "partnerships, people familiar with the matter said, as it waits for Beijing to approve a license "
    "that would give it the right to manufacture electric cars itself. The Chinese giant has engaged "
    "with several carmakers including Brilliance Auto Group Holdings Co. and Chery Automobile Co., "
    "according to the people, who asked not to be identified because the discussions are private."
)
OTHER = (
    "Xiaomi reported second-quarter net income of 3.67 billion yuan, beating analysts' estimates, as "
    "smartphone shipments recovered and its internet services revenue rose to a record."
)


def test_similarity_of_copies_rewrites_and_other_stories():
    sig = syndication.signature(STORY)
    assert syndication.similarity(sig, syndication.signature(STORY + " Copyright 2023.")) > 0.8
    assert syndication.similarity(sig, syndication.signature(REWRITE)) >= syndication.THRESHOLD
    assert syndication.similarity(sig, syndication.signature(OTHER)) < 0.2


def _talks(make_article, text, outlet, published="2023-09-06"):
    return make_article(
        text,
        {"e1": ("Xiaomi", "ORG", []), "e2": ("Chery", "ORG", [])},
        [{"type": "talks", "args": {"party": "e1", "counterparty": "e2"}, "status": "ongoing",
          "certainty": "reported", "source": ("anonymous", "people familiar with the matter")}],
        outlet=outlet,
        published=published,
    )  # fmt: skip


def test_a_wire_story_in_many_outlets_is_one_independent_source(store, make_article):
    store.add_results(
        [
            _talks(make_article, STORY, "Bloomberg"),
            _talks(make_article, STORY + " (Bloomberg)", "Yahoo Finance"),
            _talks(make_article, REWRITE, "Blog"),
            _talks(make_article, "Reuters: Xiaomi held talks with Chery on EVs, sources said.", "Reuters"),
        ]
    )
    (claim,) = list_claims(store, entity="Xiaomi")
    assert claim["n_sources"] == 4
    assert claim["support"] == 2
    assert {s["outlet"] for s in claim["sources"]} == {"Bloomberg", "Yahoo Finance", "Blog", "Reuters"}
    clusters = {s["outlet"]: s["cluster_id"] for s in claim["sources"]}
    assert clusters["Bloomberg"] == clusters["Yahoo Finance"] == clusters["Blog"] != clusters["Reuters"]


def test_clusters_persist_across_runs(store_url, make_article):
    with open_store(store_url) as s:
        s.add_results([_talks(make_article, STORY, "Bloomberg")])
    with open_store(store_url) as s:
        s.add_results([_talks(make_article, REWRITE, "Blog")])
        (claim,) = list_claims(s, entity="Xiaomi")
        assert claim["support"] == 1 and claim["n_sources"] == 2
        first = next(x for x in claim["sources"] if x["outlet"] == "Bloomberg")["article_id"]
        view = article_view(s, first)
    assert [d["outlet"] for d in view["duplicates"]] == ["Blog"]


@pytest.mark.parametrize("n", [1, 2])
def test_tiny_texts_do_not_crash(n):
    assert len(syndication.band_keys(syndication.signature("word " * n))) == syndication.BANDS
