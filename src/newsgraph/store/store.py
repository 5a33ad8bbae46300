"""The store: one SQLite file (or a PostgreSQL database) holding articles, entities, facts,
claims and their sources, written through SQLAlchemy Core so both behave the same.

    >>> store = open_store("newsgraph.db")
    >>> summary = store.add_results(extract_many(documents))
    >>> summary.added, summary.duplicates, summary.rejected

One writer, many readers: `add_results` commits every few articles (a killed ingest keeps
all it committed and a rerun skips it), each article inside a savepoint so that one bad
result is rejected without touching the rest.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, create_engine, event, func, select, tuple_, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url

from newsgraph.errors import StoreError
from newsgraph.graph import claims as claimlib
from newsgraph.graph.resolve import entity_keys, hash_id, link_acronyms
from newsgraph.model import ArticleFacts, Document, Entity, content_id
from newsgraph.store import DEFAULT_DB as DEFAULT_DB  # re-exported: store.DEFAULT_DB
from newsgraph.store import schema, syndication
from newsgraph.store.migrations import migrate
from newsgraph.store.schema import (
    article_entities,
    article_minhash,
    articles,
    claim_entities,
    claims,
    conflicts,
    entities,
    entity_aliases,
    entity_pairs,
    fact_entities,
    facts,
    lsh_bands,
)

# Commit after this many articles or seconds, whichever comes first: a kill -9 loses at most
# that much work (a rerun redoes it), and commits stay a small part of the ingest time: each
# writes every page the batch dirtied, and hub index pages are dirtied by nearly every article.
BATCH_ARTICLES = 200
BATCH_SECONDS = 5.0
# SQLite's page cache per connection (negative: KiB). The default 2 MB holds little of the
# indexes of a store of a million facts, so every article read its index pages from the file.
SQLITE_CACHE_KIB = 65536


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did: articles added, skipped as duplicates, rejected (source, reason)."""

    added: int = 0
    duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    facts: int = 0

    def merge(self, other: IngestSummary) -> None:
        self.added += other.added
        self.duplicates += other.duplicates
        self.rejected.extend(other.rejected)
        self.facts += other.facts

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "facts": self.facts,
            "duplicates": self.duplicates,
            "rejected": [{"source": s, "reason": r} for s, r in self.rejected],
        }

    def format(self) -> str:
        lines = [
            f"added {self.added} article{'s' * (self.added != 1)} ({self.facts} facts), "
            f"skipped {self.duplicates} duplicate{'s' * (self.duplicates != 1)}, "
            f"rejected {len(self.rejected)}"
        ]
        # The readers' reasons already name their source ("feed.xml: not XML"); ours may not.
        lines += [f"  {r}" if r.startswith(s) else f"  {s}: {r}" for s, r in self.rejected]
        return "\n".join(lines)


class Store:
    """A newsgraph database; get one with `open_store`."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where
        self.dialect = engine.dialect.name
        self._writer: Connection | None = None
        # Ids that seen() just found absent on the writer connection: add_results need not ask
        # again (ingest checks before extracting; one query per article saved).
        self._absent: set[str] = set()

    def __repr__(self) -> str:
        return f"<Store {self.where}>"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries; database errors come out as one-line StoreErrors."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa_exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.where}: {_one_line(exc)}") from None

    def insert(self, table: Any) -> Any:
        """An INSERT that knows ON CONFLICT in this store's dialect."""
        return sqlite_insert(table) if self.dialect == "sqlite" else pg_insert(table)

    def seen(self, doc: Document) -> bool:
        """Whether an article with this URL or this text is already stored."""
        params = {"id": doc.id, "text_hash": content_id(doc.text), "url": doc.url or None}
        if self._writer is not None:
            found = self._writer.execute(_SEEN, params).first() is not None
            if not found and doc.id:
                self._absent.add(doc.id)
            return found
        with self.read() as conn:
            return conn.execute(_SEEN, params).first() is not None

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, entities, facts, claims, conflicts."""
        out = {}
        with self.read() as conn:
            for t in (articles, entities, facts, claims, conflicts):
                out[t.name] = conn.execute(select(func.count()).select_from(t)).scalar_one()
        return out

    def add_results(
        self,
        results: Iterable[ArticleFacts],
        *,
        batch_size: int = BATCH_ARTICLES,
        on_article: Callable[[ArticleFacts, str, int], None] | None = None,
    ) -> IngestSummary:
        """Store extraction results; one already stored (same URL or text) is a duplicate.

        `on_article(result, outcome, n_facts)` is called after each, outcome one of
        "added", "duplicate", "rejected" (the progress bar's hook).
        """
        summary = IngestSummary()
        it = iter(results)
        try:
            with self.engine.connect() as conn:
                self._writer = conn
                writer = _Writer(self, conn)
                done = False
                while not done:
                    trans = conn.begin()
                    n, started = 0, time.monotonic()
                    try:
                        while n < batch_size and time.monotonic() - started < BATCH_SECONDS:
                            try:
                                result = next(it)
                            except StopIteration:
                                done = True
                                break
                            except BaseException:
                                # The producer failed (extraction, a reader): keep what this
                                # batch already stored, then let the error go on.
                                trans.commit()
                                raise
                            outcome, n_facts = writer.add_one(result, summary)
                            n += 1
                            if on_article is not None:
                                on_article(result, outcome, n_facts)
                        trans.commit()
                    except BaseException:
                        if trans.is_active:
                            trans.rollback()
                        raise
        except sa_exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.where}: {_one_line(exc)}") from None
        finally:
            self._writer = None
            self._absent.clear()
        return summary


# Statements of the ingest path, built once: SQLAlchemy builds and hashes a statement in
# ~70 us, several times the cost of running one of these small ones in SQLite.
_SEEN = (
    select(articles.c.id)
    .where(
        (articles.c.id == bindparam("id"))
        | (articles.c.text_hash == bindparam("text_hash"))
        # url = NULL is never true: an article without a URL is matched by id and text only.
        | (articles.c.url == bindparam("url"))
    )
    .limit(1)
)


def expanding(name: str) -> Any:
    """A bound list for `IN (...)`, one parameter per item when the statement runs."""
    return bindparam(name, expanding=True)


class _Statements:
    """The ingest's statements in one store's dialect (ON CONFLICT differs), built once."""

    def __init__(self, store: Store) -> None:
        ins = store.insert
        self.article = articles.insert()
        self.minhash = article_minhash.insert()
        self.bands = ins(lsh_bands).on_conflict_do_nothing()
        # The 20 articles sharing most LSH bands with a new one, with their signatures and
        # clusters: a copy shares most bands, an article that only shares boilerplate ("didn't
        # respond to requests for comment") one or two, so the best 20 keep a lookup cheap
        # however common the boilerplate.
        hits = func.count().label("hits")
        cands = (
            select(lsh_bands.c.article_id)
            .where(lsh_bands.c.key.in_(expanding("bands")))
            .group_by(lsh_bands.c.article_id)
            .order_by(hits.desc())
            .limit(20)
            .subquery()
        )
        self.candidates = (
            select(article_minhash.c.article_id, article_minhash.c.signature, articles.c.cluster_id)
            .join(cands, cands.c.article_id == article_minhash.c.article_id)
            .join(articles, articles.c.id == article_minhash.c.article_id)
        )
        ek = schema.entity_keys
        self.keys = select(ek.c.norm, ek.c.type, ek.c.entity_id).where(
            tuple_(ek.c.norm, ek.c.type).in_(expanding("keys"))
        )
        self.entities = ins(entities).on_conflict_do_nothing()
        self.entity_keys = ins(ek).on_conflict_do_nothing()
        stmt = ins(entity_aliases)
        self.aliases = stmt.on_conflict_do_update(
            index_elements=["entity_id", "alias"],
            set_={
                "count": entity_aliases.c.count + stmt.excluded.count,
                "name_count": entity_aliases.c.name_count + stmt.excluded.name_count,
            },
        )
        self.mentions = (
            update(entities)
            .where(entities.c.id == bindparam("b_id"))
            .values(mentions=entities.c.mentions + bindparam("b_n"))
        )
        self.article_entities = article_entities.insert()
        gid = bindparam("gid")
        self.best_name = (
            select(entity_aliases.c.alias)
            .where(entity_aliases.c.entity_id == gid)
            # A tie keeps the name the entity has: names don't flip back and forth.
            .order_by(
                entity_aliases.c.name_count.desc(),
                (entity_aliases.c.alias == bindparam("current")).desc(),
                entity_aliases.c.count.desc(),
            )
            .limit(1)
        )
        self.rename = (
            update(entities).where(entities.c.id == bindparam("b_id")).values(name=bindparam("b_name"))
        )
        self.name = select(entities.c.name).where(entities.c.id == gid)
        self.claims_by_signature = select(claims).where(claims.c.signature.in_(expanding("sigs")))
        self.supported = (
            select(facts.c.claim_id)
            .where(facts.c.claim_id.in_(expanding("ids")))
            .where(facts.c.cluster_id == bindparam("cluster_id"))
            .where(facts.c.certainty != "denied")
            .distinct()
        )
        self.facts = facts.insert()
        self.fact_entities = ins(fact_entities).on_conflict_do_nothing()
        self.claims = claims.insert()
        self.claim_entities = ins(claim_entities).on_conflict_do_nothing()
        self.claim_update = (
            update(claims)
            .where(claims.c.id == bindparam("b_id"))
            .values({k: bindparam(f"b_{k}") for k in CLAIM_UPDATED})
        )
        self.claim_entities_update = (
            update(claim_entities)
            .where(claim_entities.c.claim_id == bindparam("b_id"))
            .values(last_reported=bindparam("b_last"), when=bindparam("b_when"))
        )
        stmt = ins(entity_pairs)
        self.pairs = stmt.on_conflict_do_update(
            index_elements=["entity_id", "other_id", "type"],
            set_={
                "claims": entity_pairs.c.claims + stmt.excluded.claims,
                "support": entity_pairs.c.support + stmt.excluded.support,
            },
        )
        self.claims_by_pair = select(
            claims.c.id, claims.c.type, claims.c.status, claims.c.pair, claims.c.last_reported
        ).where(claims.c.pair.in_(expanding("pairs")))
        self.conflicts = ins(conflicts).on_conflict_do_nothing()


CLAIM_COLUMNS = [c.name for c in claims.columns]
# What a later fact can change in a claim; the rest is fixed by its first fact.
CLAIM_UPDATED = [k for k in CLAIM_COLUMNS if k not in ("id", "type", "signature", "pair", "args")]


def _one_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    msg = str(orig if orig is not None else exc).strip()
    return msg.splitlines()[0] if msg else type(exc).__name__


class _Writer:
    """Adds one article at a time on the writer connection, with in-memory lookups that are
    valid because there is one writer (and are dropped whenever a savepoint rolls back)."""

    def __init__(self, store: Store, conn: Connection) -> None:
        self.store = store
        self.conn = conn
        self.keys: dict[tuple[str, str], str] = {}  # (norm, type) -> entity id
        self.names: dict[str, str] = {}  # entity id -> canonical name
        self.q = _Statements(store)
        # On SQLite the writes go straight to the sqlite3 connection, compiled once: SQLAlchemy
        # spends ~100 us readying each execution, more than SQLite spends running most of these
        # (10-20% of the ingest's storage CPU). They are the same Core statements, run inside
        # SQLAlchemy's transaction and savepoints.
        self.raw = conn.connection.dbapi_connection if store.dialect == "sqlite" else None
        self.compiled: dict[tuple[int, tuple[str, ...]], tuple[str, tuple[str, ...]]] = {}

    def _write(self, stmt: Any, rows: dict[str, Any] | list[dict[str, Any]]) -> None:
        """Run an INSERT or UPDATE for one row or many (rows of one statement share keys)."""
        if self.raw is None or not rows:
            self.conn.execute(stmt, rows)
            return
        many = isinstance(rows, list)
        keys = tuple(rows[0] if many else rows)
        key = (id(stmt), keys)
        if key not in self.compiled:
            c = stmt.compile(dialect=self.conn.dialect, column_keys=list(keys))
            self.compiled[key] = (str(c), tuple(c.positiontup or ()))
        sql, order = self.compiled[key]
        try:
            if many:
                self.raw.executemany(sql, [tuple(r[k] for k in order) for r in rows])
            else:
                self.raw.execute(sql, tuple(rows[k] for k in order))
        except sqlite3.Error as exc:
            # The same exception classes conn.execute raises, for add_one's handlers.
            raise sa_exc.DBAPIError.instance(sql, None, exc, sqlite3.Error) from exc

    def add_one(self, result: ArticleFacts, summary: IngestSummary) -> tuple[str, int]:
        doc = result.doc
        absent = self.store._absent
        checked = doc.id in absent
        if not checked and self.store.seen(doc):
            summary.duplicates += 1
            return "duplicate", 0
        absent.discard(doc.id)
        savepoint = self.conn.begin_nested()
        try:
            n = self._add_article(result)
            savepoint.commit()
        except sa_exc.OperationalError:
            # The database itself is unwell (disk full, locked, gone): not this article's fault.
            savepoint.rollback()
            raise
        except (sa_exc.SQLAlchemyError, ValueError, TypeError, KeyError, AttributeError) as exc:
            savepoint.rollback()
            absent.discard(doc.id)
            if checked and isinstance(exc, sa_exc.IntegrityError) and self.store.seen(doc):
                # Checked before extraction, but an item read ahead of it in this run had the
                # same URL or text and was stored since: a duplicate after all.
                absent.discard(doc.id)
                summary.duplicates += 1
                return "duplicate", 0
            self.keys.clear()
            self.names.clear()
            summary.rejected.append((doc.url or doc.id or "?", f"cannot store: {_one_line(exc)}"))
            return "rejected", 0
        summary.added += 1
        summary.facts += n
        return "added", n

    # -- one article ---------------------------------------------------------------------

    def _add_article(self, result: ArticleFacts) -> int:
        q = self.q
        doc = result.doc
        text_hash = content_id(doc.text)
        aid = doc.id or text_hash
        cluster_id, sig, bands = self._cluster_of(aid, doc.text)
        self._write(
            q.article,
            {
                "id": aid,
                "text_hash": text_hash,
                "url": doc.url,
                "title": doc.title,
                "published": doc.published,
                "outlet": doc.outlet,
                "language": doc.language,
                "text": doc.text,
                "note": result.note,
                "cluster_id": cluster_id,
                "added_at": datetime.now(UTC).isoformat(timespec="seconds"),
            },
        )
        self._write(q.minhash, {"article_id": aid, "signature": syndication.to_bytes(sig)})
        self._write(q.bands, [{"key": k, "article_id": aid} for k in bands])
        local = self._resolve_entities(aid, result.entities)
        return self._add_facts(aid, doc, cluster_id, result, local)

    def _cluster_of(self, aid: str, text: str) -> tuple[str, Any, list[int]]:
        sig = syndication.signature(text)
        bands = syndication.band_keys(sig)
        best: tuple[float, str] | None = None
        cluster = None
        for other, raw, other_cluster in self.conn.execute(self.q.candidates, {"bands": bands}):
            sim = syndication.similarity(sig, syndication.from_bytes(raw))
            # The most similar; among equals the greatest id, whatever order the rows came in.
            if sim >= syndication.THRESHOLD and (best is None or (sim, other) > best):
                best, cluster = (sim, other), other_cluster
        return cluster or aid, sig, bands

    def _resolve_entities(self, aid: str, ents: list[Entity]) -> dict[str, str]:
        """Map the article's entity ids (e1, e2, ...) to store entity ids, recording aliases."""
        conn, q = self.conn, self.q
        # An acronym entity of the article is folded into the entity it abbreviates.
        acronyms = link_acronyms(ents)
        by_local = {e.id: e for e in ents}
        merged: dict[str, Entity] = {}
        for e in ents:
            if e.id in acronyms:
                continue
            merged[e.id] = Entity(e.id, e.name, e.type, list(e.aliases))
        for short, long in acronyms.items():
            target = merged.get(long)
            if target is not None:
                s = by_local[short]
                target.aliases.extend([s.name, *s.aliases])
            else:
                merged[short] = by_local[short]

        wanted: dict[str, list[str]] = {lid: entity_keys(e) for lid, e in merged.items()}
        missing = {
            (k, merged[lid].type)
            for lid, ks in wanted.items()
            for k in ks
            if (k, merged[lid].type) not in self.keys
        }
        if missing:
            rows = conn.execute(q.keys, {"keys": sorted(missing)}).all()
            for norm, typ, eid in rows:
                self.keys[(norm, typ)] = eid
        new_entities, new_keys, alias_counts, mention_ids = [], [], {}, []
        local: dict[str, str] = {}
        for lid, e in merged.items():
            ks = wanted[lid] or [e.name.casefold()]
            gid = next((self.keys[(k, e.type)] for k in ks if (k, e.type) in self.keys), None)
            if gid is None:
                gid = hash_id(e.type, ks[0])
                new_entities.append({"id": gid, "name": e.name, "type": e.type, "mentions": 0})
                self.names[gid] = e.name
            for k in ks:
                if (k, e.type) not in self.keys:
                    # First come owns a key: a name already meaning another entity is left to it.
                    self.keys[(k, e.type)] = gid
                    new_keys.append({"norm": k, "type": e.type, "entity_id": gid})
            local[lid] = gid
            mention_ids.append(gid)
            for i, alias in enumerate(dict.fromkeys([e.name, *e.aliases])):
                if not alias or not alias.strip():
                    continue
                c = alias_counts.setdefault((gid, alias), [0, 0])
                c[0] += 1
                c[1] += i == 0
        for short, long in acronyms.items():
            if long in local:
                local[short] = local[long]
        if new_entities:
            self._write(q.entities, new_entities)
        if new_keys:
            self._write(q.entity_keys, new_keys)
        if alias_counts:
            self._write(
                q.aliases,
                [
                    {"entity_id": g, "alias": a, "count": c[0], "name_count": c[1]}
                    for (g, a), c in alias_counts.items()
                ],
            )
        if mention_ids:
            self._write(q.mentions, [{"b_id": g, "b_n": n} for g, n in Counter(mention_ids).items()])
        if local:
            self._write(
                q.article_entities,
                [
                    {"article_id": aid, "local_id": lid, "entity_id": g, "name": by_local[lid].name}
                    for lid, g in local.items()
                    if lid in by_local
                ],
            )
        # The canonical name is the one articles use most as the name; recheck only entities
        # this article named differently from what the store has.
        for lid, e in merged.items():
            gid = local[lid]
            current = self._name_of(gid)
            if current != e.name:
                best = conn.execute(q.best_name, {"gid": gid, "current": current}).scalar()
                if best and best != current:
                    self._write(q.rename, {"b_id": gid, "b_name": best})
                    self.names[gid] = best
        return local

    def _name_of(self, gid: str) -> str | None:
        if gid not in self.names:
            self.names[gid] = self.conn.execute(self.q.name, {"gid": gid}).scalar()
        return self.names[gid]

    def _add_facts(
        self, aid: str, doc: Document, cluster_id: str, result: ArticleFacts, local: dict[str, str]
    ) -> int:
        conn, q = self.conn, self.q
        published = doc.published
        prepared = []
        for i, f in enumerate(result.facts):
            fj = f.to_json()
            ent_pairs: list[tuple[str, str]] = []
            args: dict[str, Any] = {}
            for role, v in fj["args"].items():
                if isinstance(v, str) and v in local:
                    ent_pairs.append((role, local[v]))
                    args[role] = local[v]
                elif isinstance(v, list) and v and all(isinstance(x, str) and x in local for x in v):
                    ids = [local[x] for x in v]
                    ent_pairs += [(role, g) for g in ids]
                    args[role] = ids
                else:
                    args[role] = v
            by_role: dict[str, list[str]] = {}
            for role, g in ent_pairs:
                by_role.setdefault(role, []).append(g)
            sig_args = {role: "+".join(sorted(set(gs))) for role, gs in by_role.items()}
            sig = claimlib.signature(f.type, sig_args, args)
            t = fj["time"] or {}
            period = args.get("period")
            if not t and isinstance(period, dict) and period.get("start"):
                # A result's period is when it happened: the timeline orders by it.
                t = period
            prepared.append(
                {
                    "fact": f,
                    "id": hash_id(aid, str(i)),
                    "idx": i,
                    "args": args,
                    "ent_pairs": ent_pairs,
                    "sig_args": sig_args,
                    "signature": sig,
                    "time_text": t.get("text"),
                    "time_start": t.get("start"),
                    "time_end": t.get("end"),
                    "date": t.get("start") or published,
                    "evidence": [[s, e] for s, e in f.evidence],
                }
            )
        if not prepared:
            return 0

        sigs = sorted({p["signature"] for p in prepared})
        by_sig: dict[str, list[dict[str, Any]]] = {}
        for row in conn.execute(q.claims_by_signature, {"sigs": sigs}).mappings():
            by_sig.setdefault(row["signature"], []).append(dict(row))
        existing_ids = [c["id"] for cs in by_sig.values() for c in cs]
        # Claims that already have an independent source in this article's syndication cluster:
        # a reprint of a story they cite adds a source but not support.
        supported: set[str] = set()
        if existing_ids:
            supported = set(
                conn.execute(q.supported, {"ids": existing_ids, "cluster_id": cluster_id}).scalars()
            )

        new_claims: dict[str, dict[str, Any]] = {}
        touched: dict[str, dict[str, Any]] = {}
        counted_article: set[str] = set()
        conflict_rows: list[dict[str, Any]] = []
        fact_rows, fe_rows = [], []
        for p in prepared:
            f = p["fact"]
            claim = next(
                (
                    c
                    for c in by_sig.get(p["signature"], [])
                    if claimlib.claim_accepts(c, p["time_start"], p["time_end"], published)
                ),
                None,
            )
            value = claimlib.fact_value(f.type, p["args"])
            if claim is None:
                claim = {
                    "id": hash_id(p["signature"], p["id"]),
                    "type": f.type,
                    "signature": p["signature"],
                    "pair": claimlib.pair_key(f.type, p["sig_args"]),
                    "args": json.dumps(p["args"], sort_keys=True),
                    "value": json.dumps(value) if value else None,
                    "status": f.status,
                    "status_date": published if f.status else None,
                    "certainty": f.certainty,
                    "first_reported": published,
                    "last_reported": published,
                    "event_start": p["time_start"],
                    "event_end": p["time_end"] or p["time_start"],
                    "support": 0,
                    "n_facts": 0,
                    "n_articles": 0,
                    "_ents": p["ent_pairs"],
                    "_old_status": None,
                }
                by_sig.setdefault(p["signature"], []).append(claim)
                new_claims[claim["id"]] = claim
            else:
                if claim["id"] not in new_claims:
                    touched[claim["id"]] = claim
                    claim.setdefault("_old_status", claim["status"])
                    claim.setdefault("_old_support", claim["support"])
                    claim["_ents"] = p["ent_pairs"]
                conflict_rows += self._conflicts_within(claim, p, value, published)
                if value and not claim["value"]:
                    claim["value"] = json.dumps(value)
                if f.status and (
                    not claim["status_date"] or not published or published >= claim["status_date"]
                ):
                    claim["status"] = f.status
                    claim["status_date"] = published or claim["status_date"]
                claim["certainty"] = claimlib.better_certainty(claim["certainty"], f.certainty)
                claim["first_reported"] = _min(claim["first_reported"], published)
                claim["last_reported"] = _max(claim["last_reported"], published)
                claim["event_start"] = _min(claim["event_start"], p["time_start"])
                claim["event_end"] = _max(claim["event_end"], p["time_end"] or p["time_start"])
            claim["n_facts"] += 1
            if claim["id"] not in counted_article:
                counted_article.add(claim["id"])
                claim["n_articles"] += 1
            if f.certainty != "denied" and claim["id"] not in supported:
                supported.add(claim["id"])
                claim["support"] += 1
            p["claim_id"] = claim["id"]
            fact_rows.append(
                {
                    "id": p["id"],
                    "article_id": aid,
                    "idx": p["idx"],
                    "type": f.type,
                    "status": f.status,
                    "certainty": f.certainty,
                    "source_kind": f.source.kind,
                    "source_name": f.source.name,
                    "time_text": p["time_text"],
                    "time_start": p["time_start"],
                    "time_end": p["time_end"],
                    "published": published,
                    "date": p["date"],
                    "args": json.dumps(p["args"], sort_keys=True),
                    "evidence": json.dumps(p["evidence"]),
                    "claim_id": claim["id"],
                    "cluster_id": cluster_id,
                }
            )
            fe_rows += [
                {"entity_id": g, "fact_id": p["id"], "role": role, "type": f.type, "date": p["date"]}
                for role, g in dict.fromkeys(p["ent_pairs"])
            ]

        conflict_rows += self._denials_by_response(prepared, new_claims, touched, doc)
        self._write(q.facts, fact_rows)
        if fe_rows:
            self._write(q.fact_entities, fe_rows)
        if new_claims:
            self._write(q.claims, [{k: c[k] for k in CLAIM_COLUMNS} for c in new_claims.values()])
            ce_rows = [
                {
                    "claim_id": c["id"],
                    "entity_id": g,
                    "role": role,
                    "type": c["type"],
                    "last_reported": c["last_reported"],
                    "when": c["event_start"] or c["first_reported"],
                }
                for c in new_claims.values()
                for role, g in dict.fromkeys(c["_ents"])
            ]
            if ce_rows:
                self._write(q.claim_entities, ce_rows)
        if touched:
            upd = list(touched.values())
            self._write(
                q.claim_update,
                [{"b_id": c["id"], **{f"b_{k}": c[k] for k in CLAIM_UPDATED}} for c in upd],
            )
            self._write(
                q.claim_entities_update,
                [
                    {
                        "b_id": c["id"],
                        "b_last": c["last_reported"],
                        "b_when": c["event_start"] or c["first_reported"],
                    }
                    for c in upd
                ],
            )
        self._count_pairs(new_claims, touched)
        conflict_rows += self._moved_on(new_claims, touched)
        if conflict_rows:
            self._write(q.conflicts, list({r["id"]: r for r in conflict_rows}.values()))
        return len(fact_rows)

    def _count_pairs(self, new_claims: dict[str, dict[str, Any]], touched: dict[str, dict[str, Any]]) -> None:
        """Add this article's new claims and support to entity_pairs."""
        delta: dict[tuple[str, str, str], list[int]] = {}
        for c in [*new_claims.values(), *touched.values()]:
            new = c["id"] in new_claims
            support = c["support"] if new else c["support"] - c.get("_old_support", c["support"])
            if not new and not support:
                continue
            ents = sorted({g for _, g in c["_ents"]})
            for e in ents:
                for o in ents:
                    if o != e:
                        d = delta.setdefault((e, o, c["type"]), [0, 0])
                        d[0] += int(new)
                        d[1] += support
        if not delta:
            return
        self._write(
            self.q.pairs,
            [
                {"entity_id": e, "other_id": o, "type": t, "claims": n, "support": sp}
                for (e, o, t), (n, sp) in delta.items()
            ],
        )

    # -- conflicts ---------------------------------------------------------------------

    @staticmethod
    def _conflict(
        claim_id: str, kind: str, fact_id: str | None, other_claim: str | None, **detail: Any
    ) -> dict[str, Any]:
        return {
            "id": hash_id(claim_id, kind, fact_id or "", other_claim or ""),
            "claim_id": claim_id,
            "kind": kind,
            "fact_id": fact_id,
            "other_claim_id": other_claim,
            "detail": json.dumps(detail, sort_keys=True),
        }

    def _conflicts_within(
        self, claim: dict[str, Any], p: dict[str, Any], value: dict | None, published: str | None
    ) -> list[dict[str, Any]]:
        f = p["fact"]
        out = []
        if value and claim["value"]:
            old = json.loads(claim["value"])
            if claimlib.values_differ(old, value):
                out.append(self._conflict(claim["id"], "figure", p["id"], None, value=value, other=old))
        if (f.certainty == "denied") != (claim["certainty"] == "denied"):
            out.append(
                self._conflict(
                    claim["id"], "denial", p["id"], None, certainty=f.certainty, was=claim["certainty"]
                )
            )
        if f.status and claim["status"] and f.status != claim["status"]:
            out.append(
                self._conflict(
                    claim["id"],
                    "status",
                    p["id"],
                    None,
                    **{"from": claim["status"], "to": f.status},
                    reported=published,
                )
            )
        return out

    def _denials_by_response(
        self,
        prepared: list[dict[str, Any]],
        new_claims: dict[str, dict[str, Any]],
        touched: dict[str, dict[str, Any]],
        doc: Document,
    ) -> list[dict[str, Any]]:
        """ "X denied the report": a denial against every other claim of this article about X."""
        out = []
        for p in prepared:
            f = p["fact"]
            if f.type != "response" or f.status != "denied":
                continue
            parties = {g for _, g in p["ent_pairs"]}
            for q in prepared:
                if q is p or q["fact"].type == "response":
                    continue
                if parties & {g for _, g in q["ent_pairs"]}:
                    out.append(
                        self._conflict(
                            q["claim_id"],
                            "denial",
                            p["id"],
                            p["claim_id"],
                            by=sorted(parties),
                            outlet=doc.outlet,
                            reported=doc.published,
                        )
                    )
        return out

    def _moved_on(
        self, new_claims: dict[str, dict[str, Any]], touched: dict[str, dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """Link claims of one pair along talks -> agreement -> completed (or -> ended)."""
        changed = [
            c
            for c in [*new_claims.values(), *touched.values()]
            if c["pair"] and (c["id"] in new_claims or c["status"] != c.get("_old_status"))
        ]
        if not changed:
            return []
        pairs = sorted({c["pair"] for c in changed})
        others: dict[str, list[dict[str, Any]]] = {}
        for row in self.conn.execute(self.q.claims_by_pair, {"pairs": pairs}).mappings():
            others.setdefault(row["pair"], []).append(dict(row))
        out = []
        for c in changed:
            s_c = claimlib.stage(c["type"], c["status"])
            for o in others.get(c["pair"], []):
                if o["id"] == c["id"]:
                    continue
                s_o = claimlib.stage(o["type"], o["status"])
                if s_c is None or s_o is None or s_c == s_o:
                    continue
                early, late = (o, c) if s_o < s_c else (c, o)
                out.append(
                    self._conflict(
                        early["id"],
                        "moved_on",
                        None,
                        late["id"],
                        to_type=late["type"],
                        to_status=late["status"],
                    )
                )
        return out


def _min(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)


def open_store(url_or_path: str, *, create: bool = True) -> Store:
    """Open (creating and migrating as needed) a store: a file path for SQLite, or a
    `postgresql://user@host/db` URL for PostgreSQL.

        >>> store = open_store("newsgraph.db")
    """
    where = url_or_path
    if "://" in url_or_path:
        try:
            url = make_url(url_or_path)
        except sa_exc.ArgumentError:
            raise StoreError(f"not a database URL: {url_or_path!r}") from None
        backend = url.get_backend_name()
        if backend in ("postgresql", "postgres"):
            # The psycopg 3 driver is the one we install; SQLAlchemy would default to psycopg2.
            url = url.set(drivername="postgresql+psycopg")
            where = url.render_as_string(hide_password=True)
            engine = create_engine(url, pool_pre_ping=True)
        elif backend == "sqlite":
            path = url.database or ""
            return open_store(path, create=create) if path else _bad(f"no file in {url_or_path!r}")
        else:
            raise StoreError(f"unsupported database {backend!r}: use a file path or postgresql://...")
    else:
        path = Path(url_or_path)
        if path.is_dir():
            raise StoreError(f"{url_or_path} is a directory, not a database file")
        if not path.exists():
            if not create:
                raise StoreError(f"no newsgraph database at {url_or_path} (run 'newsgraph ingest' first)")
            if not path.parent.exists():
                raise StoreError(f"cannot create {url_or_path}: folder {path.parent} does not exist")
            if not os.access(path.parent, os.W_OK):
                raise StoreError(f"cannot create {url_or_path}: folder {path.parent} is not writable")
        engine = create_engine(f"sqlite:///{path}")
        _sqlite_setup(engine)
    try:
        with engine.begin() as conn:
            migrate(conn, where)
    except StoreError:
        engine.dispose()
        raise
    except sa_exc.SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open {where}: {_one_line(exc)}") from None
    return Store(engine, where)


def _bad(msg: str) -> Store:
    raise StoreError(msg)


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin: savepoints
        # (one per article) only work this way (SQLAlchemy's documented pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # WAL: readers (datasette, the web app) never block the ingest, and a killed writer
        # leaves every committed transaction intact.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")
