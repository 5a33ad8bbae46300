"""The data of each page, computed once; `app.py` renders it as HTML or returns it as JSON.

Every function here takes the store and plain arguments and returns JSON-able dicts, so
a page and its `/api/` twin can never disagree (datasette's "one view, many formats").

    >>> from newsgraph.store import open_store
    >>> entity_page(open_store("news.db"), "e1")["entity"]["name"]  # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsgraph.graph import queries

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
# Claim pages show each source's article text; past this many sources only the first
# ones carry their text (each costs one article read) and the rest are listed.
MAX_SOURCE_TEXTS = 25


class NotFound(LookupError):
    """The entity, claim or article asked for is not in the store."""


@dataclass(slots=True, frozen=True)
class FactFilters:
    """The claim-table filters of the entity page and of /api/facts."""

    type: str | None = None
    status: str | None = None
    certainty: str | None = None
    source_kind: str | None = None
    since: str | None = None
    until: str | None = None

    def as_params(self) -> dict[str, str]:
        return {k: v for k in self.__slots__ if (v := getattr(self, k))}


def page(fetch: Callable[[int, int], list[Any]], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list: asks for one row more than `limit` to know if a next page exists."""
    rows = list(fetch(limit + 1, offset))
    return {
        "items": rows[:limit],
        "limit": limit,
        "offset": offset,
        "has_more": len(rows) > limit,
    }


def lookup(fn: Callable[..., Any], *args: Any) -> Any:
    """Call a query that looks one thing up; a miss (None or KeyError) becomes NotFound."""
    try:
        found = fn(*args)
    except KeyError:
        raise NotFound(str(args[-1])) from None
    if not found:
        raise NotFound(str(args[-1]))
    return found


# -------------------------------------------------------------------------------- pages


def search_page(store: Any, q: str, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Entities whose name or alias matches `q`, and articles whose text matches it."""
    q = clean_query(q)
    if not q:
        return {
            "q": q,
            "entities": page(lambda lim, off: [], limit, 0),
            "articles": page(lambda lim, off: [], limit, 0),
        }
    return {
        "q": q,
        "entities": page(
            lambda lim, off: queries.find_entities(store, q, limit=lim, offset=off), limit, offset
        ),
        "articles": page(
            lambda lim, off: queries.search_articles(store, q, limit=lim, offset=off), limit, offset
        ),
    }


def entity_page(
    store: Any,
    entity_id: str,
    filters: FactFilters | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    timeline_limit: int = 150,
) -> dict[str, Any]:
    """An entity with its aliases and counterparties, its dated claims and one page of facts."""
    # The page shows neither the latest claims nor the sources of its timeline's claims.
    entity = lookup(queries.entity_view, store, entity_id, 0)
    filters = filters or FactFilters()
    eid = entity["id"]
    claims = queries.timeline(store, eid, limit=timeline_limit, offset=0, n_sources=0)
    return {
        "entity": entity,
        "filters": filters.as_params(),
        "facts": page(
            lambda lim, off: queries.list_facts(
                store, entity=eid, limit=lim, offset=off, **filters.as_params()
            ),
            limit,
            offset,
        ),
        "timeline": claims,
        "counterparties": graph_counterparties(entity, claims),
    }


def claim_page(store: Any, claim_id: str) -> dict[str, Any]:
    """A claim with every source, each source's evidence cut out of its article's text."""
    claim = lookup(queries.claim_view, store, claim_id)
    sources = []
    for i, src in enumerate(claim.get("sources") or []):
        src = dict(src)
        if i < MAX_SOURCE_TEXTS and src.get("article_id"):
            try:
                article = queries.article_view(store, src["article_id"])
            except KeyError:
                article = None
            if article:
                src["title"] = src.get("title") or article.get("title")
                src["url"] = src.get("url") or article.get("url")
                src["text"] = article.get("text") or ""
        sources.append(src)
    return {**claim, "sources": sources}


def article_page(store: Any, article_id: str) -> dict[str, Any]:
    """An article's text, the facts read from it with their evidence, and its near-duplicates."""
    return dict(lookup(queries.article_view, store, article_id))


def store_version(store: Any) -> Any:
    """Something that changes whenever articles are added to the store: the highest article
    sequence number (facts, entities and claims only ever change with an article)."""
    from sqlalchemy import func, select

    from newsgraph.store.schema import articles

    with store.read() as conn:
        return conn.execute(select(func.max(articles.c.seq))).scalar()


# ---------------------------------------------------------------------------- text helpers

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_query(q: str | None, max_len: int = 200) -> str:
    """A search string as the store should see it: no control characters, bounded length."""
    return " ".join(_CONTROL.sub(" ", q or "").split())[:max_len]


def segments(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[str, list[int]]]:
    """Cut `text` at every span boundary: [(piece, [indices of the spans covering it])].

    `spans` are (start, end, index) character offsets; offsets outside the text are
    clipped and empty spans dropped, so a bad offset from the store cannot break a page.
    """
    n = len(text)
    clean = []
    for start, end, idx in spans:
        try:
            s, e = max(0, min(n, int(start))), max(0, min(n, int(end)))
        except (TypeError, ValueError):
            continue
        if e > s:
            clean.append((s, e, idx))
    cuts = sorted({0, n, *(s for s, _, _ in clean), *(e for _, e, _ in clean)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b > a:
            out.append((text[a:b], [idx for s, e, idx in clean if s <= a and b <= e]))
    return out


def evidence_spans(items: list[Any] | None, index: int = 0) -> list[tuple[int, int, int]]:
    """[(start, end, index)] from `[{start, end}]` or `[[start, end]]` evidence lists."""
    out = []
    for ev in items or []:
        if isinstance(ev, dict):
            out.append((ev.get("start", 0), ev.get("end", 0), index))
        elif isinstance(ev, list | tuple) and len(ev) == 2:
            out.append((ev[0], ev[1], index))
    return out


def format_value(value: Any) -> str:
    """One argument of a fact as a reader wants it: names for entities, money as money."""
    if value is None:
        return ""
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        if "amount" in value:
            text = f"{format_amount(value.get('amount'))} {value.get('currency') or ''}".strip()
            conv = value.get("converted")
            if isinstance(conv, dict) and "amount" in conv:
                text += f" ({format_amount(conv.get('amount'))} {conv.get('currency') or ''})".rstrip()
            return text
        if "text" in value:
            return str(value["text"])
        return ", ".join(f"{k}: {format_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_amount(amount: Any) -> str:
    """3670000000 -> '3.67 bn'; keeps small numbers as they are."""
    try:
        x = float(amount)
    except (TypeError, ValueError):
        return str(amount)
    if not math.isfinite(x):
        return str(amount)
    for size, unit in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(x) >= size:
            return f"{x / size:.3g} {unit}"
    return f"{x:,.0f}" if x.is_integer() else f"{x:g}"


# The arguments of each fact type in the order FACTS.md lists them: entities first, so a
# claim reads "acquisition: Acme → Widget · 2 bn USD".
ROLE_ORDER: dict[str, tuple[str, ...]] = {
    "talks": ("party", "counterparty", "subject"),
    "agreement": ("party", "counterparty", "subject", "value"),
    "acquisition": ("acquirer", "target", "value", "stake_pct"),
    "investment": ("investor", "target", "amount", "subject"),
    "approval": ("applicant", "authority", "subject"),
    "policy": ("authority", "subject", "direction"),
    "launch": ("company", "product", "date"),
    "financial_result": ("company", "metric", "value", "period", "change_pct", "estimate", "vs_estimate"),
    "forecast": ("source", "subject", "statement", "metric", "value"),
    "market_trend": ("market", "statement"),
    "response": ("party",),
    "personnel": ("person", "company", "role"),
    "legal": ("claimant", "defendant", "subject", "amount"),
}
# Types whose two entities are one acting on the other; the rest are joined with a dash.
DIRECTED = frozenset({"acquisition", "investment", "approval", "legal", "launch", "personnel"})


def ordered_args(claim: dict[str, Any]) -> list[tuple[str, Any]]:
    """A claim's (role, value) pairs in FACTS.md order, unknown roles last."""
    args = claim.get("args") or {}
    if not isinstance(args, dict):
        return []
    order = ROLE_ORDER.get(str(claim.get("type")), ())
    return sorted(args.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))


def _is_entity(v: Any) -> bool:
    return (isinstance(v, dict) and "id" in v and "name" in v) or (
        isinstance(v, list) and bool(v) and all(isinstance(x, dict) and "name" in x for x in v)
    )


def describe_claim(claim: dict[str, Any]) -> str:
    """A one-line reading of a claim or fact: 'talks: Xiaomi – Chery · batteries'."""
    pairs = ordered_args(claim)
    names = [format_value(v) for _, v in pairs if _is_entity(v)]
    rest = [format_value(v) for _, v in pairs if not _is_entity(v) and format_value(v)]
    joiner = " → " if claim.get("type") in DIRECTED else " – "
    text = joiner.join(n for n in names if n)
    if rest:
        text = f"{text} · {', '.join(rest)}" if text else ", ".join(rest)
    return f"{claim.get('type', '')}: {text}" if text else str(claim.get("type", ""))


def graph_counterparties(
    entity: dict[str, Any], claims: list[dict[str, Any]], want: int = 60
) -> list[dict[str, Any]]:
    """Counterparty rows for the relation graph: the entity's own best-supported ones, then
    more read off its timeline claims until `want` distinct neighbours are there."""
    rows = [dict(r) for r in entity.get("counterparties") or []]
    seen = {r.get("id") for r in rows}
    extra: dict[tuple[str, str], dict[str, Any]] = {}
    for c in claims:
        for cp in c.get("counterparties") or []:
            if (
                not isinstance(cp, dict)
                or not cp.get("id")
                or cp["id"] in seen
                or cp["id"] == entity.get("id")
            ):
                continue
            key = (cp["id"], str(c.get("type")))
            row = extra.setdefault(
                key,
                {
                    "id": cp["id"],
                    "name": cp.get("name"),
                    "type": cp.get("type"),
                    "fact_type": c.get("type"),
                    "support": 0,
                },
            )
            row["support"] += int(c.get("support") or 1)
    ranked = sorted(extra.values(), key=lambda r: -r["support"])
    ids = set(seen)
    for r in ranked:
        if len(ids) >= want and r["id"] not in ids:
            continue
        ids.add(r["id"])
        rows.append(r)
    return rows
