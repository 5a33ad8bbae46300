"""Claims (issue 3): what merges, what conflicts, and the stories they make."""

from __future__ import annotations

import pytest

from newsgraph.graph import claims as c
from newsgraph.graph.queries import claim_view, list_claims, timeline

XB = {"e1": ("Xiaomi", "ORG", []), "e2": ("BAIC", "ORG", [])}


def test_signature_is_symmetric_for_talks_not_for_acquisitions():
    assert c.signature("talks", {"party": "a", "counterparty": "b"}, {}) == c.signature(
        "talks", {"party": "b", "counterparty": "a"}, {}
    )
    assert c.signature("acquisition", {"acquirer": "a", "target": "b"}, {}) != c.signature(
        "acquisition", {"acquirer": "b", "target": "a"}, {}
    )
    p1 = {"text": "Q2", "start": "2023-04-01", "end": "2023-06-30"}
    p2 = {"text": "the three months ended June", "start": "2023-04-01", "end": "2023-06-30"}
    fr = {"company": "x"}
    assert c.signature("financial_result", fr, {"metric": "revenue", "period": p1}) == c.signature(
        "financial_result", fr, {"metric": "revenue", "period": p2}
    )
    assert c.signature("financial_result", fr, {"metric": "revenue"}) != c.signature(
        "financial_result", fr, {"metric": "net_income"}
    )


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ({"amount": 100, "currency": "USD"}, {"amount": 100.5, "currency": "USD"}, False),
        ({"amount": 100, "currency": "USD"}, {"amount": 120, "currency": "USD"}, True),
        (
            {"amount": 730, "currency": "CNY", "converted": {"amount": 100, "currency": "USD"}},
            {"amount": 100, "currency": "USD"},
            False,
        ),
        ({"amount": 100, "currency": "USD"}, {"amount": 5, "currency": "EUR"}, False),
    ],
)
def test_values_differ(a, b, differ):
    assert c.values_differ(a, b) is differ


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (("2022-08-01", "2022-08-31"), ("2022-08-15", None), True),
        (("2022-08-01", "2022-08-31"), ("2022-09-20", "2022-09-20"), True),  # a month of slack
        (("2019-01-01", "2019-01-31"), ("2023-01-01", "2023-01-31"), False),
        ((None, None), ("2023-01-01", None), True),
    ],
)
def test_times_compatible(a, b, ok):
    assert c.times_compatible(*a, *b) is ok


def _talks(make_article, text, published, outlet, **kw):
    fact = {
        "type": "talks",
        "args": {"party": "e1", "counterparty": "e2"},
        "status": "ongoing",
        "certainty": "reported",
        "source": ("anonymous", None),
        **kw,
    }
    return make_article(text, XB, [fact], published=published, outlet=outlet)


def test_reports_merge_with_first_last_and_sources(store, make_article):
    store.add_results(
        [
            _talks(make_article, "Xiaomi is in talks with BAIC, people said.", "2022-08-15", "Bloomberg"),
            _talks(
                make_article,
                "BAIC and Xiaomi are negotiating, sources said.",
                "2022-08-20",
                "Reuters",
                args={"party": "e2", "counterparty": "e1"},
            ),
            _talks(
                make_article,
                "Xiaomi held talks with BAIC back in 2019.",
                "2019-05-01",
                "Caixin",
                time=("2019", "2019-01-01", "2019-12-31"),
            ),
        ]
    )
    claims = {x["first_reported"]: x for x in list_claims(store, entity="BAIC")}
    assert set(claims) == {"2022-08-15", "2019-05-01"}  # the 2019 talks are another event
    merged = claims["2022-08-15"]
    assert merged["last_reported"] == "2022-08-20" and merged["support"] == 2 and merged["n_sources"] == 2
    assert [s["outlet"] for s in merged["sources"]] == ["Reuters", "Bloomberg"]
    assert merged["args"]["party"]["name"] in {"Xiaomi", "BAIC"} and merged["conflicts"] == []


def test_denial_figure_and_status_conflicts(store, make_article):
    result = {
        "type": "financial_result",
        "args": {
            "company": "e1",
            "metric": "net_income",
            "value": {"amount": 3.67e9, "currency": "CNY"},
            "period": {"text": "Q2", "start": "2023-04-01", "end": "2023-06-30"},
        },
    }
    other = {**result, "args": {**result["args"], "value": {"amount": 4.1e9, "currency": "CNY"}}}
    close = {**result, "args": {**result["args"], "value": {"amount": 3.68e9, "currency": "CNY"}}}
    store.add_results(
        [
            _talks(make_article, "Xiaomi is in talks with BAIC.", "2022-08-15", "Bloomberg"),
            _talks(make_article, "Xiaomi denied talks with BAIC.", "2022-08-16", "SCMP", certainty="denied"),
            _talks(make_article, "Xiaomi's talks with BAIC ended.", "2022-10-01", "Caixin", status="ended"),
            make_article("Xiaomi earned 3.67 billion yuan.", XB, [result], outlet="A"),
            make_article("Xiaomi earned 4.1 billion yuan.", XB, [other], outlet="B"),
            make_article("Xiaomi earned 3.68 billion yuan.", XB, [close], outlet="C"),
        ]
    )
    talks = list_claims(store, entity="Xiaomi", type="talks")[0]
    kinds = {x["kind"]: x for x in talks["conflicts"]}
    assert set(kinds) == {"denial", "status"}
    assert kinds["denial"]["outlet"] == "SCMP"
    assert kinds["status"]["detail"]["from"] == "ongoing" and kinds["status"]["detail"]["to"] == "ended"
    assert talks["status"] == "ended" and talks["support"] == 2  # the denial is no support
    fin = list_claims(store, entity="Xiaomi", type="financial_result")
    assert len(fin) == 1 and fin[0]["n_sources"] == 3
    assert [x["kind"] for x in fin[0]["conflicts"]] == ["figure"]
    assert fin[0]["conflicts"][0]["outlet"] == "B"


def test_talks_then_agreement_then_completed_is_a_story(store, make_article):
    store.add_results(
        [
            _talks(
                make_article,
                "Xiaomi is in talks with BAIC about EVs.",
                "2022-08-15",
                "Bloomberg",
                time=("August", "2022-08-01", "2022-08-31"),
            ),
            make_article(
                "Xiaomi and BAIC signed an agreement.",
                XB,
                [{"type": "agreement", "args": {"party": "e1", "counterparty": "e2"}, "status": "signed"}],
                published="2023-01-10",
                outlet="Caixin",
            ),
            make_article(
                "Xiaomi completed its purchase of a BAIC unit.",
                XB,
                [{"type": "acquisition", "args": {"acquirer": "e1", "target": "e2"}, "status": "completed"}],
                published="2023-06-01",
                outlet="Reuters",
            ),
        ]
    )
    story = timeline(store, "Xiaomi")
    assert [(x["type"], x["when"], x["when_kind"]) for x in story] == [
        ("talks", "2022-08-01", "happened"),
        ("agreement", "2023-01-10", "reported"),
        ("acquisition", "2023-06-01", "reported"),
    ]
    assert [x["counterparties"][0]["name"] for x in story] == ["BAIC"] * 3
    moved = {x["type"]: sorted(m["detail"]["to_type"] for m in x["conflicts"]) for x in story}
    assert moved == {"talks": ["acquisition", "agreement"], "agreement": ["acquisition"], "acquisition": []}
    assert timeline(store, "Xiaomi", limit=1, offset=1)[0]["type"] == "agreement"
    view = claim_view(store, story[0]["id"])
    assert view["sources"][0]["evidence"][0]["text"] == "Xiaomi is in talks with BAIC about EVs."
    assert claim_view(store, "0" * 16) is None


def test_a_response_denial_counts_against_the_articles_other_claims(store, make_article):
    store.add_results(
        [
            make_article(
                "Xiaomi is in talks with BAIC, a report said. Xiaomi denied the report.",
                XB,
                [
                    {
                        "type": "talks",
                        "args": {"party": "e1", "counterparty": "e2"},
                        "certainty": "reported",
                        "source": ("publication", "Bloomberg"),
                    },
                    {"type": "response", "args": {"party": "e1"}, "status": "denied"},
                ],
            ),
        ]
    )
    (talks,) = list_claims(store, type="talks")
    assert [x["kind"] for x in talks["conflicts"]] == ["denial"]


def test_a_claim_with_many_conflicts_lists_the_first_ones_and_counts_the_rest(store, make_article):
    # A wire rumour denied by a dozen outlets: lists stay short, the claim page shows them all.
    articles = [_talks(make_article, "Xiaomi is in talks with BAIC.", "2022-08-01", "Bloomberg")]
    articles += [
        _talks(make_article, f"Xiaomi denied talks with BAIC, outlet {i} said.", f"2022-08-{i + 2:02d}",
               f"Outlet {i}", certainty="denied")
        for i in range(14)
    ]  # fmt: skip
    store.add_results(articles)
    listed = list_claims(store, entity="Xiaomi", type="talks")[0]
    assert listed["n_conflicts"] == 14
    assert [x["outlet"] for x in listed["conflicts"]] == [f"Outlet {i}" for i in range(10)]
    full = claim_view(store, listed["id"])
    assert len(full["conflicts"]) == full["n_conflicts"] == 14
