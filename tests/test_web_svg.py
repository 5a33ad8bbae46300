"""The server-side chart layouts: the relation graph stays readable at 50 neighbours and the
timeline puts every dated claim inside the plot."""

from __future__ import annotations

import itertools
import math

import pytest

from newsgraph.web import svg


def _counterparties(n: int, types: tuple[str, ...] = ("talks", "agreement", "acquisition")) -> list[dict]:
    return [
        {
            "id": f"c{i}",
            "name": f"Counterparty Number {i}",
            "type": "ORG",
            "fact_type": types[i % len(types)],
            "support": 1 + i % 9,
        }
        for i in range(n)
    ]


@pytest.mark.parametrize("n", [1, 2, 7, 20, 21, 50, 60])
def test_graph_places_every_node_inside_the_picture(n: int) -> None:
    g = svg.relation_graph({"id": "e0", "name": "Centre Co", "type": "ORG"}, _counterparties(n))
    assert len(g.nodes) == n + 1 and len(g.edges) == n and g.hidden == 0
    for node in g.nodes:
        assert node.r <= node.x <= g.width - node.r
        assert node.r <= node.y <= g.height - node.r
        # Labels start inside the picture; a 22-character label at 12px is ~140px wide.
        assert 0 <= node.label_x <= g.width and 0 <= node.label_y <= g.height


def test_graph_at_50_neighbours_keeps_labels_apart() -> None:
    g = svg.relation_graph({"id": "e0", "name": "Centre", "type": "ORG"}, _counterparties(50))
    ring = g.nodes[1:]
    closest = min(math.dist((a.x, a.y), (b.x, b.y)) for a, b in itertools.combinations(ring, 2))
    assert closest > 2 * max(n.r for n in ring) + 4, "neighbours on the ring would overlap"
    # Labels run along their spokes: two neighbouring label starts must be a text line apart.
    starts = sorted(((n.label_x, n.label_y) for n in ring), key=lambda p: math.atan2(p[1] - 380, p[0] - 480))
    gaps = [math.dist(a, b) for a, b in zip(starts, starts[1:] + starts[:1], strict=True)]
    assert min(gaps) >= 14
    assert all(n.rotate for n in ring if abs(n.y - g.height / 2) > 1)
    assert all(len(n.label) <= 22 for n in ring)


def test_graph_with_few_neighbours_keeps_flat_labels_apart() -> None:
    g = svg.relation_graph({"id": "e0", "name": "Centre", "type": "ORG"}, _counterparties(16))
    ring = g.nodes[1:]
    assert not any(n.rotate for n in ring)
    crowded = [
        (a.id, b.id)
        for a, b in itertools.combinations(ring, 2)
        if a.anchor == b.anchor and abs(a.label_y - b.label_y) < 14 and abs(a.label_x - b.label_x) < 140
    ]
    assert not crowded, "two labels would print over each other"


def test_graph_drops_the_least_supported_beyond_max_nodes() -> None:
    rows = _counterparties(80)
    g = svg.relation_graph({"id": "e0", "name": "Hub", "type": "ORG"}, rows, max_nodes=60)
    assert len(g.nodes) == 61 and g.hidden == 20
    kept = {n.id for n in g.nodes[1:]}
    dropped_support = max(r["support"] for r in rows if r["id"] not in kept)
    kept_support = min(r["support"] for r in rows if r["id"] in kept)
    assert kept_support >= dropped_support


def test_graph_one_node_per_counterparty_one_edge_per_fact_type() -> None:
    rows = [
        {"id": "b", "name": "B", "type": "ORG", "fact_type": "talks", "support": 3},
        {"id": "b", "name": "B", "type": "ORG", "fact_type": "agreement", "support": 1},
        {"id": "a", "name": "Self", "type": "ORG", "fact_type": "talks", "support": 1},  # self-loop
    ]
    g = svg.relation_graph({"id": "a", "name": "A", "type": "ORG"}, rows)
    assert [n.id for n in g.nodes] == ["a", "b"]
    assert sorted(e.fact_type for e in g.edges) == ["agreement", "talks"]
    assert len({e.path for e in g.edges}) == 2, "parallel edges must bend apart"
    assert [t for t, _ in g.legend] == ["talks", "agreement"]


def test_edge_width_grows_with_support_and_is_capped() -> None:
    widths = [svg.edge_width(s) for s in (1, 2, 8, 100, 10_000)]
    assert widths == sorted(widths) and widths[0] == 1.5 and widths[-1] == 8.5


def test_timeline_places_claims_by_date_and_counts_undated() -> None:
    claims = [
        {"id": "c1", "type": "talks", "first_reported": "2023-01-05", "last_reported": "2023-06-01"},
        {"id": "c2", "type": "approval", "first_reported": "2023-03-01", "last_reported": None},
        {"id": "c3", "type": "talks", "first_reported": None},
        {"id": "c4", "type": "talks", "first_reported": "not a date"},
    ]
    t = svg.timeline(claims)
    assert t.undated == 2
    assert [lane for lane, _, _ in t.lanes] == ["talks", "approval"]
    by_id = {m.claim_id: m for m in t.marks}
    assert by_id["c1"].x1 == t.left and by_id["c1"].x2 == t.width - t.right
    assert t.left < by_id["c2"].x1 < by_id["c1"].x2
    assert t.ticks and all(t.left <= x <= t.width - t.right for x, _ in t.ticks)


@pytest.mark.parametrize(
    "first,last",
    [
        ("2023-05-01", "2023-05-01"),
        ("2023-05-01", "2023-05-20"),
        ("2022-01-01", "2023-06-30"),
        ("2001-01-01", "2024-01-01"),
    ],
)
def test_timeline_ticks_fit_any_span(first: str, last: str) -> None:
    t = svg.timeline([{"id": "a", "type": "talks", "first_reported": first, "last_reported": last}])
    assert 1 <= len(t.ticks) <= 16
    assert all(t.left <= x <= t.width - t.right for x, _ in t.ticks)
    assert all(t.left <= m.x1 <= m.x2 <= t.width - t.right for m in t.marks)


def test_stacked_claims_on_one_day_stay_apart() -> None:
    claims = [{"id": f"c{i}", "type": "talks", "first_reported": "2023-05-01"} for i in range(3)]
    t = svg.timeline(claims)
    assert len({m.y for m in t.marks}) == 3
