"""The query layer over a newsgraph store: what the CLI verbs and the web app show.

Every function takes a `Store` (newsgraph.store.open_store) and returns plain JSON-able
dicts and lists; every list is paginated with `limit`/`offset` (ask for limit+1 to know
whether there is a next page). Dates are ISO strings "YYYY-MM-DD".

    find_entities(store, q, limit=20, offset=0) -> [{id, name, type, mentions}]
        Entities whose name or an alias matches `q` (exact key first, then prefix, then
        substring), most mentioned first.
    entity_view(store, name_or_id) -> dict | None
        {id, name, type, mentions, aliases: [{name, count}], relations: {fact_type: count},
         counterparties: [{id, name, type, fact_type, claims, support}],
         latest_claims: [claim, ...]}   (claim as in list_claims; at most 10)
    list_facts(store, entity=None, type=None, since=None, until=None, source_kind=None,
               status=None, certainty=None, limit=50, offset=0) -> [fact]
        fact = {id, type, args, status, certainty, source: {kind, name}, time: {text, start,
                end} | None, date, published, evidence: [{start, end}], claim_id,
                article: {id, url, title, outlet, published}}
        Newest first by `date` (when it happened if the article says, else when reported);
        since/until filter on that date, inclusive.
    list_claims(store, entity=None, type=None, limit=50, offset=0) -> [claim]
        claim = {id, type, args, status, certainty, first_reported, last_reported,
                 event: {start, end}, support, n_facts, n_sources,
                 sources: [{article_id, fact_id, outlet, url, title, published, source_kind,
                            source_name, certainty, status, cluster_id}],   (newest 10)
                 conflicts: [{kind, fact_id, other_claim_id, detail, outlet, published}],
                 n_conflicts}   (the oldest 10 conflicts; n_conflicts counts them all)
        `args` maps each role to {id, name, type} for an entity (a list of those when a role
        has several) or to the plain value (text, money, period). `support` is the number of
        independent sources: distinct syndication clusters among non-denying facts.
        Most recently reported first.
    claim_view(store, claim_id) -> claim | None
        As in list_claims with every source and conflict (up to 500), each source also with
        evidence: [{start, end, text}].
    timeline(store, entity, limit=200, offset=0) -> [claim + {when, when_kind, counterparties}]
        The entity's claims in the order they happened (event start) or, where the articles
        do not say, were first reported; when_kind is "happened" or "reported".
    search_articles(store, q, limit=20, offset=0) -> [{id, title, url, published, outlet,
        snippet}]   Full text over titles and texts, best match first; words are ANDed,
        "double quotes" make a phrase.
    article_view(store, article_id) -> dict | None
        {id, url, title, published, outlet, language, note, text, cluster_id,
         entities: [{local_id, id, name}], facts: [fact + evidence text],
         duplicates: [{id, url, title, outlet, published}]}   (same syndication cluster)

`resolve_entity(store, name_or_id)` gives the {id, name, type, mentions} a name means, or
None; functions taking an `entity` accept a name or an id and return [] for an unknown one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, or_, select, text

from newsgraph.errors import NoSuchEntity
from newsgraph.graph.resolve import normalize_name
from newsgraph.store.schema import (
    article_entities,
    articles,
    claim_entities,
    claims,
    conflicts,
    entities,
    entity_aliases,
    entity_keys,
    entity_pairs,
    fact_entities,
    facts,
)
from newsgraph.store.store import Store, expanding

__all__ = [
    "NoSuchEntity",
    "article_view",
    "claim_view",
    "entity_view",
    "find_entities",
    "list_claims",
    "list_facts",
    "resolve_entity",
    "search_articles",
    "timeline",
]

_ID = re.compile(r"^[0-9a-f]{16}$")
LATEST_CLAIMS = 10
COUNTERPARTIES = 20
LIST_SOURCES = 10
VIEW_SOURCES = 500


# The statements of the entity page and its API twin, built once: SQLAlchemy spends ~70 us
# building and hashing a statement, more than SQLite spends running most of these.
_ENTITY_COLS = (entities.c.id, entities.c.name, entities.c.type, entities.c.mentions)
_BY_ID = select(*_ENTITY_COLS).where(entities.c.id == bindparam("q"))
_BY_KEY = (
    select(*_ENTITY_COLS)
    .join(entity_keys, entity_keys.c.entity_id == entities.c.id)
    .where(entity_keys.c.norm == bindparam("q"))
    .order_by(entities.c.mentions.desc())
    .limit(1)
)
_BY_ALIAS = (
    select(*_ENTITY_COLS)
    .join(entity_aliases, entity_aliases.c.entity_id == entities.c.id)
    .where(func.lower(entity_aliases.c.alias) == bindparam("q"))
    .order_by(entities.c.mentions.desc())
    .limit(1)
)
_ALIASES = (
    select(entity_aliases.c.alias, entity_aliases.c.count)
    .where(entity_aliases.c.entity_id == bindparam("eid"))
    .order_by(entity_aliases.c.count.desc(), entity_aliases.c.alias)
    .limit(50)
)
_RELATIONS = (
    select(fact_entities.c.type, func.count())
    .where(fact_entities.c.entity_id == bindparam("eid"))
    .group_by(fact_entities.c.type)
    .order_by(func.count().desc())
)
_COUNTERPARTIES = (
    select(
        entity_pairs.c.other_id,
        entity_pairs.c.type,
        entity_pairs.c.claims,
        entity_pairs.c.support,
        entities.c.name,
        entities.c.type,
    )
    .join(entities, entities.c.id == entity_pairs.c.other_id)
    .where(entity_pairs.c.entity_id == bindparam("eid"))
    .order_by(entity_pairs.c.support.desc(), entity_pairs.c.claims.desc(), entity_pairs.c.other_id)
    .limit(bindparam("n"))
)
_LATEST = (
    select(claim_entities.c.claim_id)
    .where(claim_entities.c.entity_id == bindparam("eid"))
    .order_by(claim_entities.c.last_reported.desc().nulls_last(), claim_entities.c.claim_id)
    .limit(bindparam("n"))
)
_TIMELINE = (
    select(claim_entities.c.claim_id, claim_entities.c.when)
    .where(claim_entities.c.entity_id == bindparam("eid"))
    .order_by(claim_entities.c.when.asc().nulls_last(), claim_entities.c.claim_id)
    .limit(bindparam("n"))
)
_NAMES = select(entities.c.id, entities.c.name, entities.c.type).where(entities.c.id.in_(expanding("ids")))
_CLAIM_ROWS = select(claims).where(claims.c.id.in_(expanding("ids")))


# -- entities ---------------------------------------------------------------------------


def resolve_entity(store: Store, name_or_id: str) -> dict[str, Any] | None:
    """The entity a name, alias or id means (the most mentioned one if several types match)."""
    with store.read() as conn:
        return _resolve(conn, name_or_id)


def _resolve(conn: Connection, name_or_id: str) -> dict[str, Any] | None:
    if _ID.match(name_or_id):
        row = conn.execute(_BY_ID, {"q": name_or_id}).mappings().first()
        if row:
            return dict(row)
    row = conn.execute(_BY_KEY, {"q": normalize_name(name_or_id)}).mappings().first()
    if row is None:
        row = conn.execute(_BY_ALIAS, {"q": name_or_id.casefold()}).mappings().first()
    return dict(row) if row else None


def find_entities(store: Store, q: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Entities whose name or alias matches `q`: exact key first, then prefix, then substring."""
    norm = normalize_name(q)
    if not norm:
        return []
    exact = select(entity_keys.c.entity_id).where(entity_keys.c.norm == norm)
    # A range on the key index is a prefix search that both databases run from the index.
    prefix = select(entity_keys.c.entity_id).where(
        and_(entity_keys.c.norm >= norm, entity_keys.c.norm < norm + "\uffff")
    )
    is_exact = entities.c.id.in_(exact)
    stmt = (
        select(entities.c.id, entities.c.name, entities.c.type, entities.c.mentions)
        .where(or_(entities.c.id.in_(prefix), entities.c.name.ilike(f"%{_like(q)}%", escape="\\")))
        .order_by(is_exact.desc(), entities.c.mentions.desc(), entities.c.name)
        .limit(limit)
        .offset(offset)
    )
    with store.read() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def entity_view(store: Store, name_or_id: str, latest_claims: int = LATEST_CLAIMS) -> dict[str, Any] | None:
    """One entity with its aliases, relations by type, counterparties and latest claims."""
    with store.read() as conn:
        ent = _resolve(conn, name_or_id)
        if ent is None:
            return None
        eid = ent["id"]
        aliases = [{"name": a, "count": c} for a, c in conn.execute(_ALIASES, {"eid": eid})]
        relations = dict(conn.execute(_RELATIONS, {"eid": eid}).all())
        cp_rows = conn.execute(_COUNTERPARTIES, {"eid": eid, "n": COUNTERPARTIES}).all()
        counterparties = [
            {
                "id": r[0],
                "name": r[4],
                "type": r[5],
                "fact_type": r[1],
                "claims": r[2],
                "support": int(r[3] or 0),
            }
            for r in cp_rows
        ]
        latest = []
        if latest_claims > 0:
            ids = conn.execute(_LATEST, {"eid": eid, "n": latest_claims * 2}).scalars().all()
            latest = _claims(conn, list(dict.fromkeys(ids))[:latest_claims], LIST_SOURCES)
    return {
        **ent,
        "aliases": aliases,
        "relations": relations,
        "counterparties": counterparties,
        "latest_claims": latest,
    }


def _entity_names(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = sorted(set(ids))
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        for eid, name, typ in conn.execute(_NAMES, {"ids": ids[i : i + 500]}):
            out[eid] = {"id": eid, "name": name, "type": typ}
    return out


def _render_args(args: dict[str, Any], names: dict[str, dict[str, Any]]) -> dict[str, Any]:
    def one(v: Any) -> Any:
        if isinstance(v, str) and v in names:
            return dict(names[v])
        if isinstance(v, list) and v and all(isinstance(x, str) and x in names for x in v):
            return [dict(names[x]) for x in v]
        return v

    return {role: one(v) for role, v in args.items()}


def _ids_in(args_list: Iterable[dict[str, Any]]) -> set[str]:
    out = set()
    for args in args_list:
        for v in args.values():
            for x in v if isinstance(v, list) else [v]:
                if isinstance(x, str) and _ID.match(x):
                    out.add(x)
    return out


# -- facts ------------------------------------------------------------------------------


def list_facts(
    store: Store,
    entity: str | None = None,
    type: str | None = None,  # noqa: A002  (the CLI's and the web's word for it)
    since: str | None = None,
    until: str | None = None,
    source_kind: str | None = None,
    status: str | None = None,
    certainty: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Facts, newest first, filtered by entity (name or id), type, date range and attribution."""
    with store.read() as conn:
        if entity is not None:
            ent = _resolve(conn, entity)
            if ent is None:
                return []
            fe = fact_entities
            date_col = fe.c.date
            stmt = select(facts).join(fe, fe.c.fact_id == facts.c.id).where(fe.c.entity_id == ent["id"])
            if type:
                stmt = stmt.where(fe.c.type == type)
        else:
            date_col = facts.c.date
            stmt = select(facts)
            if type:
                stmt = stmt.where(facts.c.type == type)
        if since:
            stmt = stmt.where(date_col >= since)
        if until:
            # An inclusive end: "2023-06-30" keeps facts dated that day.
            stmt = stmt.where(date_col <= until + "\uffff")
        for col, val in (
            (facts.c.source_kind, source_kind),
            (facts.c.status, status),
            (facts.c.certainty, certainty),
        ):
            if val:
                stmt = stmt.where(col == val)
        stmt = stmt.order_by(date_col.desc().nulls_last(), facts.c.id).limit(limit).offset(offset)
        rows = [dict(r) for r in conn.execute(stmt).mappings()]
        rows = list({r["id"]: r for r in rows}.values())  # an entity in two roles of one fact
        return _facts_out(conn, rows)


def _facts_out(conn: Connection, rows: list[dict[str, Any]], with_text: bool = False) -> list[dict[str, Any]]:
    for r in rows:
        r["args"] = json.loads(r["args"])
    names = _entity_names(conn, _ids_in(r["args"] for r in rows))
    arts = {}
    aids = sorted({r["article_id"] for r in rows})
    cols = [articles.c.id, articles.c.url, articles.c.title, articles.c.outlet, articles.c.published]
    if with_text:
        cols.append(articles.c.text)
    for i in range(0, len(aids), 500):
        for a in conn.execute(select(*cols).where(articles.c.id.in_(aids[i : i + 500]))).mappings():
            arts[a["id"]] = dict(a)
    out = []
    for r in rows:
        art = arts.get(r["article_id"], {"id": r["article_id"]})
        ev = [{"start": s, "end": e} for s, e in json.loads(r["evidence"])]
        if with_text and "text" in art:
            for span in ev:
                span["text"] = art["text"][span["start"] : span["end"]]
        out.append(
            {
                "id": r["id"],
                "type": r["type"],
                "args": _render_args(r["args"], names),
                "status": r["status"],
                "certainty": r["certainty"],
                "source": {"kind": r["source_kind"], "name": r["source_name"]},
                "time": (
                    {"text": r["time_text"], "start": r["time_start"], "end": r["time_end"]}
                    if r["time_text"] or r["time_start"]
                    else None
                ),
                "date": r["date"],
                "published": r["published"],
                "evidence": ev,
                "claim_id": r["claim_id"],
                "article": {k: v for k, v in art.items() if k != "text"},
            }
        )
    return out


# -- claims -----------------------------------------------------------------------------


def list_claims(
    store: Store,
    entity: str | None = None,
    type: str | None = None,  # noqa: A002
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Merged claims with their sources, support and conflicts, most recently reported first."""
    with store.read() as conn:
        if entity is not None:
            ent = _resolve(conn, entity)
            if ent is None:
                return []
            ce = claim_entities
            stmt = select(ce.c.claim_id).where(ce.c.entity_id == ent["id"])
            if type:
                stmt = stmt.where(ce.c.type == type)
            # No DISTINCT: it would sort all the entity's claims; one entity in two roles of
            # a claim is rare and deduplicated below.
            stmt = stmt.order_by(ce.c.last_reported.desc().nulls_last(), ce.c.claim_id)
        else:
            stmt = select(claims.c.id)
            if type:
                stmt = stmt.where(claims.c.type == type)
            stmt = stmt.order_by(claims.c.last_reported.desc().nulls_last(), claims.c.id)
        ids = conn.execute(stmt.limit(limit).offset(offset)).scalars().all()
        return _claims(conn, list(dict.fromkeys(ids)), LIST_SOURCES)


def claim_view(store: Store, claim_id: str) -> dict[str, Any] | None:
    """One claim with every source and the evidence each source gives."""
    with store.read() as conn:
        out = _claims(conn, [claim_id], VIEW_SOURCES, evidence=True)
    return out[0] if out else None


def _sources_stmt(with_text: bool) -> Any:
    """The newest `n` sources of each claim in `ids`, in one query. A correlated LIMIT reads
    just those rows off the (claim_id, published, id) index: a claim may have thousands."""
    f2 = facts.alias("f2")
    newest = (
        select(f2.c.id)
        .where(f2.c.claim_id == claims.c.id)
        .order_by(f2.c.published.desc().nulls_last(), f2.c.id.desc())
        .limit(bindparam("n"))
        .correlate(claims)
    )
    cols = [
        facts.c.claim_id,
        facts.c.id.label("fact_id"),
        facts.c.article_id,
        facts.c.published,
        facts.c.source_kind,
        facts.c.source_name,
        facts.c.certainty,
        facts.c.status,
        facts.c.cluster_id,
        facts.c.evidence,
        articles.c.outlet,
        articles.c.url,
        articles.c.title,
    ]
    if with_text:
        cols.append(articles.c.text)
    return (
        select(*cols)
        .select_from(
            claims.join(facts, facts.c.id.in_(newest)).join(articles, articles.c.id == facts.c.article_id)
        )
        .where(claims.c.id.in_(expanding("ids")))
        .order_by(facts.c.claim_id, facts.c.published.desc().nulls_last(), facts.c.id.desc())
    )


_SOURCES = _sources_stmt(with_text=False)
_SOURCES_WITH_TEXT = _sources_stmt(with_text=True)
# The first `n` conflicts of each claim, oldest first: a hub's claim ("X declined to comment")
# can collect thousands, and a list shows a few; claims carry n_conflicts for the rest.
_c2, _f2 = conflicts.alias("c2"), facts.alias("f2")
_FIRST_CONFLICTS = (
    select(_c2.c.id)
    .select_from(_c2.outerjoin(_f2, _f2.c.id == _c2.c.fact_id))
    .where(_c2.c.claim_id == claims.c.id)
    .order_by(_f2.c.published.asc().nulls_first(), _c2.c.id)
    .limit(bindparam("n"))
    .correlate(claims)
)
_CONFLICTS = (
    select(conflicts, facts.c.published, articles.c.outlet)
    .select_from(
        claims.join(conflicts, conflicts.c.id.in_(_FIRST_CONFLICTS))
        .outerjoin(facts, facts.c.id == conflicts.c.fact_id)
        .outerjoin(articles, articles.c.id == facts.c.article_id)
    )
    .where(claims.c.id.in_(expanding("ids")))
    .order_by(conflicts.c.claim_id, facts.c.published.asc().nulls_first(), conflicts.c.id)
)
_CONFLICT_COUNTS = (
    select(conflicts.c.claim_id, func.count())
    .where(conflicts.c.claim_id.in_(expanding("ids")))
    .group_by(conflicts.c.claim_id)
)


def _claims(conn: Connection, ids: list[str], n_sources: int, evidence: bool = False) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = {r["id"]: dict(r) for r in conn.execute(_CLAIM_ROWS, {"ids": ids}).mappings()}
    sources: dict[str, list[dict[str, Any]]] = {i: [] for i in rows}
    confl: dict[str, list[dict[str, Any]]] = {i: [] for i in rows}
    n_confl: dict[str, int] = {}
    if n_sources > 0 and rows:
        stmt = _SOURCES_WITH_TEXT if evidence else _SOURCES
        for s in conn.execute(stmt, {"ids": list(rows), "n": n_sources}).mappings():
            src = {
                "article_id": s["article_id"],
                "fact_id": s["fact_id"],
                "outlet": s["outlet"],
                "url": s["url"],
                "title": s["title"],
                "published": s["published"],
                "source_kind": s["source_kind"],
                "source_name": s["source_name"],
                "certainty": s["certainty"],
                "status": s["status"],
                "cluster_id": s["cluster_id"],
            }
            if evidence:
                src["evidence"] = [
                    {"start": a, "end": b, "text": (s["text"] or "")[a:b]}
                    for a, b in json.loads(s["evidence"])
                ]
            sources[s["claim_id"]].append(src)
        n_confl.update(conn.execute(_CONFLICT_COUNTS, {"ids": list(rows)}).all())
        for c in conn.execute(_CONFLICTS, {"ids": list(rows), "n": n_sources}).mappings():
            confl[c["claim_id"]].append(
                {
                    "kind": c["kind"],
                    "fact_id": c["fact_id"],
                    "other_claim_id": c["other_claim_id"],
                    "detail": json.loads(c["detail"]),
                    "outlet": c["outlet"],
                    "published": c["published"],
                }
            )
    args = {i: json.loads(r["args"]) for i, r in rows.items()}
    names = _entity_names(conn, _ids_in(args.values()))
    out = []
    for i in ids:
        r = rows.get(i)
        if r is None:
            continue
        out.append(
            {
                "id": r["id"],
                "type": r["type"],
                "args": _render_args(args[i], names),
                "value": json.loads(r["value"]) if r["value"] else None,
                "status": r["status"],
                "certainty": r["certainty"],
                "first_reported": r["first_reported"],
                "last_reported": r["last_reported"],
                "event": {"start": r["event_start"], "end": r["event_end"]},
                "support": r["support"],
                "n_facts": r["n_facts"],
                "n_sources": r["n_articles"],
                "sources": sources[i],
                "conflicts": confl[i],
                "n_conflicts": n_confl.get(i, 0),
            }
        )
    return out


def timeline(
    store: Store, entity: str, limit: int = 200, offset: int = 0, n_sources: int = LIST_SOURCES
) -> list[dict[str, Any]]:
    """The entity's claims in time order: who, what, when, according to whom, what came of it.

    `n_sources=0` leaves out each claim's sources and conflicts (a chart needs neither)."""
    with store.read() as conn:
        ent = _resolve(conn, entity)
        if ent is None:
            return []
        rows = conn.execute(_TIMELINE, {"eid": ent["id"], "n": limit * 2 + offset * 2}).all()
        ids = list(dict.fromkeys(r[0] for r in rows))[offset : offset + limit]
        out = _claims(conn, ids, n_sources)
    for c in out:
        start = c["event"]["start"]
        c["when"] = start or c["first_reported"]
        c["when_kind"] = "happened" if start else "reported"
        c["counterparties"] = [
            v
            for role, val in c["args"].items()
            for v in (val if isinstance(val, list) else [val])
            if isinstance(v, dict) and v.get("id") and v["id"] != ent["id"]
        ]
    return out


# -- articles ---------------------------------------------------------------------------

_PHRASE = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _fts5_query(q: str) -> str:
    """User words -> an FTS5 query that cannot be a syntax error: every word or "phrase"
    quoted, all of them required."""
    parts = []
    for phrase, word in _PHRASE.findall(q):
        words = _WORD.findall(phrase if phrase else word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " ".join(parts)


def search_articles(store: Store, q: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Full-text search over article titles and texts, best match first."""
    with store.read() as conn:
        if store.dialect == "sqlite":
            match = _fts5_query(q)
            if not match:
                return []
            sql = text(
                "SELECT a.id, a.title, a.url, a.published, a.outlet, "
                "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet "
                "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                "WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts), a.seq LIMIT :limit OFFSET :offset"
            )
            params = {"q": match, "limit": limit, "offset": offset}
        else:
            from newsgraph.store.migrations import PG_TSVECTOR

            if not _WORD.search(q):
                return []
            sql = text(
                "SELECT a.id, a.title, a.url, a.published, a.outlet, "
                "ts_headline('english', a.text, query, "
                "'StartSel=[, StopSel=], MaxWords=24, MinWords=8') AS snippet "
                f"FROM articles a, websearch_to_tsquery('english', :q) query WHERE {PG_TSVECTOR} @@ query "
                f"ORDER BY ts_rank({PG_TSVECTOR}, query) DESC, a.seq LIMIT :limit OFFSET :offset"
            )
            params = {"q": q, "limit": limit, "offset": offset}
        return [dict(r) for r in conn.execute(sql, params).mappings()]


def article_view(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its text, its facts (with evidence text) and its syndicated copies."""
    with store.read() as conn:
        a = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        if a is None:
            return None
        a = dict(a)
        rows = [
            dict(r)
            for r in conn.execute(
                select(facts).where(facts.c.article_id == article_id).order_by(facts.c.idx)
            ).mappings()
        ]
        fact_list = _facts_out(conn, rows, with_text=True)
        ents = [
            {"local_id": lid, "id": eid, "name": name}
            for lid, eid, name in conn.execute(
                select(article_entities.c.local_id, article_entities.c.entity_id, article_entities.c.name)
                .where(article_entities.c.article_id == article_id)
                .order_by(article_entities.c.local_id)
            )
        ]
        dups = [
            dict(r)
            for r in conn.execute(
                select(
                    articles.c.id, articles.c.url, articles.c.title, articles.c.outlet, articles.c.published
                )
                .where(articles.c.cluster_id == a["cluster_id"])
                .where(articles.c.id != article_id)
                .order_by(articles.c.published, articles.c.seq)
                .limit(100)
            ).mappings()
        ]
    return {
        "id": a["id"],
        "url": a["url"],
        "title": a["title"],
        "published": a["published"],
        "outlet": a["outlet"],
        "language": a["language"],
        "note": a["note"],
        "text": a["text"],
        "cluster_id": a["cluster_id"],
        "entities": ents,
        "facts": fact_list,
        "duplicates": dups,
    }
