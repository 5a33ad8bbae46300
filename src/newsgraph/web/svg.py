"""Server-side layouts for the two charts of the entity page: a relation graph and a timeline.

Both are pure functions from query results to positioned shapes; the templates
(`_graph.html`, `_timeline.html`) turn the shapes into SVG, so every label passes through
Jinja's autoescaping and no chart needs JavaScript, a CDN or an npm build.

    >>> g = relation_graph({"id": "e1", "name": "Acme", "type": "ORG"},
    ...                    [{"id": "e2", "name": "Widget", "type": "ORG",
    ...                      "fact_type": "acquisition", "support": 3}])
    >>> [n.name for n in g.nodes]
    ['Acme', 'Widget']
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsgraph.model import FACT_TYPES

# One colour per fact type, the same in the graph, the timeline and the tables. Picked
# from the Tableau 20 palette so that neighbouring types stay apart for most colour-blind
# readers; the order follows FACT_TYPES.
FACT_COLOURS: dict[str, str] = dict(
    zip(
        FACT_TYPES,
        (
            "#1f77b4",  # talks
            "#2ca02c",  # agreement
            "#d62728",  # acquisition
            "#9467bd",  # investment
            "#8c564b",  # approval
            "#e377c2",  # policy
            "#17becf",  # launch
            "#bcbd22",  # financial_result
            "#ff7f0e",  # forecast
            "#7f7f7f",  # market_trend
            "#aec7e8",  # response
            "#98df8a",  # personnel
            "#ff9896",  # legal
        ),
        strict=True,
    )
)
OTHER_COLOUR = "#555555"


def fact_colour(fact_type: str) -> str:
    """The colour of a fact type in every chart (grey for a type FACTS.md does not list)."""
    return FACT_COLOURS.get(fact_type, OTHER_COLOUR)


def short_label(name: str, width: int = 22) -> str:
    """`name` cut to `width` characters with an ellipsis, so 50 labels fit around a ring."""
    name = " ".join(str(name).split())
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


# --------------------------------------------------------------------------- relation graph


@dataclass(slots=True)
class GraphNode:
    id: str
    name: str
    label: str
    type: str
    x: float
    y: float
    r: float
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor of the label
    support: int
    centre: bool = False
    rotate: float = 0.0  # degrees to turn the label about (label_x, label_y)


@dataclass(slots=True)
class GraphEdge:
    source: str
    target: str
    target_name: str
    fact_type: str
    support: int
    path: str  # SVG path data
    width: float
    colour: str


@dataclass(slots=True)
class RelationGraph:
    width: int
    height: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    legend: list[tuple[str, str]]  # (fact type, colour) for the types drawn
    hidden: int = 0  # counterparties left out beyond max_nodes


def edge_width(support: int) -> float:
    """Stroke width for an edge seen in `support` sources: logarithmic so one big edge
    does not drown the rest (1 source -> 1.5px, 8 -> 4.5px, 128+ -> 8.5px)."""
    return round(min(8.5, 1.5 + math.log2(max(1, support))), 2)


def relation_graph(
    entity: dict[str, Any],
    counterparties: list[dict[str, Any]],
    max_nodes: int = 60,
    width: int = 960,
    height: int = 760,
) -> RelationGraph:
    """Lay out `entity` in the centre and its counterparties on a ring around it.

    `counterparties` rows are `{id, name, type, fact_type, support}`, one per
    (counterparty, fact type); a counterparty with several fact types gets one node and
    one curved edge per type. Above 16 neighbours the labels turn to run along their
    spokes so that 50 of them stay readable; beyond `max_nodes` the least supported are
    dropped and counted in `hidden`.
    """
    by_node: dict[str, dict[str, Any]] = {}
    for row in counterparties:
        cid = str(row.get("id"))
        if cid == str(entity.get("id")):
            continue  # a self-loop says nothing in this picture
        node = by_node.setdefault(
            cid,
            {"id": cid, "name": str(row.get("name") or cid), "type": str(row.get("type") or ""), "types": {}},
        )
        ft = str(row.get("fact_type") or "")
        node["types"][ft] = node["types"].get(ft, 0) + int(row.get("support") or 1)
    ranked = sorted(by_node.values(), key=lambda n: (-sum(n["types"].values()), n["name"].lower()))
    hidden = max(0, len(ranked) - max_nodes)
    shown = ranked[:max_nodes]
    # Around the ring, neighbours that share their main fact type sit together, so the
    # colours form arcs instead of confetti.
    type_order = {t: i for i, t in enumerate(FACT_TYPES)}
    shown.sort(
        key=lambda n: (
            type_order.get(max(n["types"], key=n["types"].get), 99),
            -sum(n["types"].values()),
            n["name"].lower(),
        )
    )

    cx, cy = width / 2, height / 2
    count = len(shown)
    # Up to 16 neighbours the labels lie flat beside their nodes; more, and flat labels at
    # the top and bottom of the ring would print over each other, so they turn to run out
    # along their spoke (12px text needs >= 14px between spokes: 60 nodes on a 230px ring
    # leave 24px).
    radial = count > 16
    if not radial:
        height = min(height, 640)  # a few neighbours need less room
    radius = min(width, height) / 2 - (150 if radial else 100)  # room for the labels outside
    centre = GraphNode(
        id=str(entity.get("id")),
        name=str(entity.get("name") or entity.get("id")),
        label=short_label(str(entity.get("name") or entity.get("id")), 30),
        type=str(entity.get("type") or ""),
        x=cx,
        y=cy,
        r=16,
        label_x=cx,
        label_y=cy + 34,
        anchor="middle",
        support=sum(sum(n["types"].values()) for n in shown),
        centre=True,
    )
    nodes = [centre]
    edges: list[GraphEdge] = []
    for i, n in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, count)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        total = sum(n["types"].values())
        r = round(min(11.0, 4.5 + 1.5 * math.log2(max(1, total))), 1)
        cos, sin = math.cos(angle), math.sin(angle)
        rotate = 0.0
        if radial:
            # Text runs outwards along the spoke; on the left half it is turned a further
            # 180 degrees and anchored at its end so that it never reads upside down.
            lx, ly = x + (r + 4) * cos, y + (r + 4) * sin
            deg = math.degrees(angle)
            if cos >= -1e-9:
                anchor, rotate = "start", deg
            else:
                anchor, rotate = "end", deg + 180
            ly += 4 * math.cos(math.radians(rotate))  # centre 12px text on the spoke
            lx -= 4 * math.sin(math.radians(rotate))
        elif abs(cos) < 0.25:
            # Flat labels at the top and bottom sit centred above or below the node.
            anchor = "middle"
            lx, ly = x, y + (r + 13 if sin > 0 else -(r + 5))
        else:
            anchor = "start" if cos > 0 else "end"
            lx, ly = x + (r + 4) * (1 if cos > 0 else -1), y + 4
        nodes.append(
            GraphNode(
                id=n["id"],
                name=n["name"],
                label=short_label(n["name"]),
                type=n["type"],
                x=round(x, 1),
                y=round(y, 1),
                r=r,
                label_x=round(lx, 1),
                label_y=round(ly, 1),
                anchor=anchor,
                support=total,
                rotate=round(rotate, 1),
            )
        )
        kinds = sorted(n["types"].items(), key=lambda kv: type_order.get(kv[0], 99))
        for k, (ft, support) in enumerate(kinds):
            # Several fact types between the same pair: bend each edge by a different
            # amount so they fan out instead of overlapping.
            bend = (k - (len(kinds) - 1) / 2) * 28
            mx, my = (cx + x) / 2, (cy + y) / 2
            dx, dy = x - cx, y - cy
            length = math.hypot(dx, dy) or 1
            qx, qy = mx - dy / length * bend, my + dx / length * bend
            edges.append(
                GraphEdge(
                    source=centre.id,
                    target=n["id"],
                    target_name=n["name"],
                    fact_type=ft,
                    support=support,
                    path=f"M{cx:.1f},{cy:.1f} Q{qx:.1f},{qy:.1f} {x:.1f},{y:.1f}",
                    width=edge_width(support),
                    colour=fact_colour(ft),
                )
            )
    drawn = {e.fact_type for e in edges}
    legend = [(t, fact_colour(t)) for t in FACT_TYPES if t in drawn]
    legend += [(t, OTHER_COLOUR) for t in sorted(drawn - set(FACT_TYPES))]
    return RelationGraph(width, height, nodes, edges, legend, hidden)


# ---------------------------------------------------------------------------------- timeline


@dataclass(slots=True)
class TimelineMark:
    claim_id: str
    fact_type: str
    label: str
    x1: float
    x2: float
    y: float
    colour: str
    start: str
    end: str
    status: str | None
    certainty: str | None


@dataclass(slots=True)
class Timeline:
    width: int
    height: int
    left: int
    right: int
    lanes: list[tuple[str, float, str]]  # (fact type, y, colour)
    ticks: list[tuple[float, str]]  # (x, label)
    marks: list[TimelineMark]
    undated: int = 0
    axis_y: float = 0.0
    start: str = ""
    end: str = ""
    notes: list[str] = field(default_factory=list)


def parse_day(value: Any) -> date | None:
    """The calendar day of an ISO date or timestamp, or None if it is not one."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _ticks(first: date, last: date) -> list[date]:
    span = (last - first).days
    if span <= 45:
        step = max(1, span // 8 or 1)
        out, d = [], first
        while d <= last:
            out.append(d)
            d += timedelta(days=step)
        return out
    if span <= 3 * 366:
        months = span // 30
        step = max(1, math.ceil(months / 10))
        out, y, m = [], first.year, first.month
        while True:
            d = date(y, m, 1)
            if d > last:
                break
            if d >= first:
                out.append(d)
            m += step
            while m > 12:
                m -= 12
                y += 1
        return out
    step = max(1, math.ceil((last.year - first.year) / 10))
    return [date(y, 1, 1) for y in range(first.year + 1, last.year + 1, step)]


def timeline(
    claims: list[dict[str, Any]],
    describe: Any = None,
    width: int = 960,
) -> Timeline:
    """Place each claim on a lane for its fact type, from when it happened to its last report.

    `claims` rows carry `id, type, when, first_reported, last_reported` (ISO dates), plus
    `status` and `certainty`; `describe(claim)` gives the hover label. Claims without a
    date are counted in `undated`, not drawn.
    """
    dated = []
    undated = 0
    for c in claims:
        # `when` is when it happened if the articles say (else first reported).
        a = parse_day(c.get("when")) or parse_day(c.get("first_reported"))
        b = parse_day(c.get("last_reported")) or a
        if a is None:
            undated += 1
            continue
        if b is not None and b < a:
            a, b = b, a
        dated.append((c, a, b or a))
    types_present = {str(c.get("type")) for c, _, _ in dated}
    lane_types = [t for t in FACT_TYPES if t in types_present] + sorted(types_present - set(FACT_TYPES))
    left, right, top, lane_h = 130, 30, 16, 30
    height = top + lane_h * max(1, len(lane_types)) + 44
    axis_y = top + lane_h * max(1, len(lane_types)) + 6
    lanes = [(t, top + lane_h * i + lane_h / 2, fact_colour(t)) for i, t in enumerate(lane_types)]
    lane_y = {t: y for t, y, _ in lanes}
    if not dated:
        return Timeline(width, height, left, right, lanes, [], [], undated, axis_y)
    first = min(a for _, a, _ in dated)
    last = max(b for _, _, b in dated)
    if first == last:  # one day: widen so the mark sits in the middle
        first, last = first - timedelta(days=15), last + timedelta(days=15)
    span = (last - first).days or 1
    usable = width - left - right

    def xpos(d: date) -> float:
        return round(left + usable * (d - first).days / span, 1)

    marks = []
    # Claims on the same lane and day are nudged apart vertically so each stays clickable.
    seen: dict[tuple[str, float], int] = defaultdict(int)
    for c, a, b in sorted(dated, key=lambda t: (t[1], str(t[0].get("id")))):
        t = str(c.get("type"))
        x1, x2 = xpos(a), xpos(b)
        k = seen[(t, x1)]
        seen[(t, x1)] += 1
        dy = (0, -6, 6, -12, 12)[k % 5]
        marks.append(
            TimelineMark(
                claim_id=str(c.get("id")),
                fact_type=t,
                label=describe(c) if describe else t,
                x1=x1,
                x2=x2,
                y=lane_y[t] + dy,
                colour=fact_colour(t),
                start=a.isoformat(),
                end=b.isoformat(),
                status=c.get("status"),
                certainty=c.get("certainty"),
            )
        )
    fmt = "%Y" if span > 3 * 366 else ("%b %Y" if span > 45 else "%d %b")
    ticks = [(xpos(d), d.strftime(fmt)) for d in _ticks(first, last)]
    return Timeline(
        width, height, left, right, lanes, ticks, marks, undated, axis_y, first.isoformat(), last.isoformat()
    )
