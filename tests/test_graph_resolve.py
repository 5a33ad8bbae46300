"""Entity resolution (issue 3): one entity per company across articles, and no false merges."""

from __future__ import annotations

import pytest

from newsgraph.graph.queries import entity_view, find_entities, resolve_entity
from newsgraph.graph.resolve import is_acronym_of, is_name_like, link_acronyms, normalize_name
from newsgraph.model import Entity


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Beijing Automotive Group Co.", "beijing automotive"),
        ("BAIC Group", "baic"),
        ("BAIC", "baic"),
        ("Xiaomi Corp", "xiaomi"),
        ("Xiaomi Corporation", "xiaomi"),
        ("Brilliance Auto Group Holdings Co., Ltd.", "brilliance auto"),
        ("The Coca-Cola Co.", "coca cola"),
        ("Group", "group"),  # never empty
        ("Société Générale SA", "societe generale"),
        ("AT&T Inc.", "at and t"),
    ],
)
def test_normalize_name(name, key):
    assert normalize_name(name) == key


@pytest.mark.parametrize(
    ("alias", "expected"),
    [("BAIC Group", True), ("the company", False), ("The Chinese smartphone giant", False),
     ("The Coca-Cola Co.", True), ("its rival", False), ("Company", False), ("3M", True)],
)  # fmt: skip
def test_is_name_like(alias, expected):
    assert is_name_like(alias) is expected


def test_acronyms():
    assert is_acronym_of("BAIC", "Beijing Automotive Industry Corp.")
    assert is_acronym_of("MIIT", "Ministry of Industry and Information Technology")
    assert not is_acronym_of("BAIC", "Brilliance Auto")
    ents = [Entity("e1", "Beijing Automotive Industry Corp.", "ORG"), Entity("e2", "BAIC", "ORG"),
            Entity("e3", "BA", "GOV")]  # fmt: skip
    assert link_acronyms(ents) == {"e2": "e1"}


def _ent_article(make_article, text, ents, outlet="X"):
    ents = {f"e{i + 1}": e for i, e in enumerate(ents)}
    facts = [{"type": "response", "args": {"party": lid}, "status": "no_response"} for lid in ents]
    return make_article(text, ents, facts, outlet=outlet)


def test_baic_in_its_many_names_is_one_entity_beijing_stays_apart(store, make_article):
    store.add_results(
        [
            _ent_article(
                make_article, "One.", [("BAIC", "ORG", ["Beijing Automotive Group Co.", "BAIC Group"])]
            ),
            _ent_article(make_article, "Two.", [("Beijing Automotive Group Co.", "ORG", [])]),
            _ent_article(make_article, "Three.", [("BAIC Group", "ORG", [])]),
            _ent_article(make_article, "Four.", [("Beijing", "GOV", [])]),
            _ent_article(make_article, "Five.", [("Beijing Automotive", "ORG", [])]),
            _ent_article(make_article, "Six.", [("Xiaomi Corp", "ORG", [])]),
            _ent_article(make_article, "Seven.", [("Xiaomi", "ORG", ["the company"])]),
            _ent_article(make_article, "Eight.", [("Xiaomi", "ORG", [])]),
        ]
    )
    baic = entity_view(store, "BAIC")
    assert baic["name"] == "BAIC" and baic["mentions"] == 4
    assert {a["name"]: a["count"] for a in baic["aliases"]} == {
        "BAIC": 1, "Beijing Automotive Group Co.": 2, "BAIC Group": 2, "Beijing Automotive": 1,
    }  # fmt: skip
    for name in ("Beijing Automotive Group", "baic group", "Beijing Automotive"):
        assert resolve_entity(store, name)["id"] == baic["id"]
    beijing = entity_view(store, "Beijing")
    assert beijing["type"] == "GOV" and beijing["id"] != baic["id"]
    xiaomi = entity_view(store, "Xiaomi Corporation")
    assert xiaomi["name"] == "Xiaomi" and xiaomi["mentions"] == 3
    assert store.counts()["entities"] == 3


def test_different_companies_with_similar_names_stay_apart(store, make_article):
    store.add_results(
        [
            _ent_article(make_article, "A.", [("Great Wall Motor", "ORG", ["Great Wall Motor Co."])]),
            _ent_article(make_article, "B.", [("Great Wall Securities", "ORG", [])]),
            _ent_article(make_article, "C.", [("Geely Automobile Holdings", "ORG", [])]),
            _ent_article(make_article, "D.", [("Zhejiang Geely Holding Group", "ORG", [])]),
            # A description used as an alias must not glue two companies together.
            _ent_article(make_article, "E.", [("Chery", "ORG", ["the carmaker"])]),
            _ent_article(make_article, "F.", [("Brilliance", "ORG", ["the carmaker"])]),
        ]
    )
    assert store.counts()["entities"] == 6
    assert [e["name"] for e in find_entities(store, "great wall")] == [
        "Great Wall Motor",
        "Great Wall Securities",
    ]


def test_an_acronym_entity_of_one_article_joins_its_long_form(store, make_article):
    store.add_results(
        [
            _ent_article(
                make_article, "G.", [("Beijing Automotive Industry Corp.", "ORG", []), ("BAIC", "ORG", [])]
            )
        ]
    )
    assert store.counts()["entities"] == 1
    assert resolve_entity(store, "BAIC")["name"] == "Beijing Automotive Industry Corp."


def test_find_entities_ranks_exact_then_by_mentions(store, xiaomi_story):
    store.add_results(xiaomi_story)
    assert find_entities(store, "xiaomi")[0]["name"] == "Xiaomi"
    names = [e["name"] for e in find_entities(store, "b")]
    assert names[0] == "BAIC" and {"Beijing", "Brilliance Auto"} <= set(names)
    assert find_entities(store, "b", limit=1, offset=1)[0]["name"] == names[1]
    assert find_entities(store, "%") == []
    assert find_entities(store, "nothing like it") == []
