"""Export a store's tables as JSONL, CSV or Parquet, or its entity graph as GraphML.

    >>> with open("facts.parquet", "wb") as out:
    ...     export(store, "parquet", out, table="facts")

Rows stream from the database in chunks, so a store of millions of facts exports in
constant memory (but for the entity-name map). GraphML has the entities as nodes and the
claims between two or more entities as edges, with the attributes Gephi shows and filters on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from sqlalchemy import Connection, select

from newsgraph.errors import NewsgraphError
from newsgraph.graph import EXPORT_FORMATS, EXPORT_TABLES
from newsgraph.store.schema import articles, claim_entities, claims, entities, entity_aliases, facts
from newsgraph.store.store import Store

FORMATS = EXPORT_FORMATS
TABLES = EXPORT_TABLES
CHUNK = 10_000


class UnknownExportFormat(NewsgraphError):
    """A format or table name export does not know."""


def export(store: Store, fmt: str, out: IO[bytes], table: str = "facts") -> int:
    """Write `table` (or, for graphml, the whole graph) to the binary stream `out`; return rows written."""
    if fmt not in FORMATS:
        raise UnknownExportFormat(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise UnknownExportFormat(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    with store.read() as conn:
        if fmt == "graphml":
            return _graphml(conn, out)
        rows = _ROWS[table](conn)
        if fmt == "jsonl":
            n = 0
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n")
                n += 1
            return n
        if fmt == "csv":
            return _csv(rows, out, table)
        return _parquet(rows, out, table)


# -- rows, one flat dict each; JSON-shaped values as objects (JSONL) or JSON text (CSV, Parquet)


def _names(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(select(entities.c.id, entities.c.name)).all())


def _named(args: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    def one(v: Any) -> Any:
        if isinstance(v, str) and v in names:
            return {"id": v, "name": names[v]}
        if isinstance(v, list) and v and all(isinstance(x, str) and x in names for x in v):
            return [{"id": x, "name": names[x]} for x in v]
        return v

    return {k: one(v) for k, v in args.items()}


def _stream(conn: Connection, stmt: Any) -> Iterator[dict[str, Any]]:
    result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(stmt)
    for r in result.mappings():
        yield dict(r)


def _fact_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    names = _names(conn)
    stmt = (
        select(facts, articles.c.outlet, articles.c.url)
        .join(articles, articles.c.id == facts.c.article_id)
        .order_by(facts.c.article_id, facts.c.idx)
    )
    for r in _stream(conn, stmt):
        r["args"] = _named(json.loads(r["args"]), names)
        r["evidence"] = json.loads(r["evidence"])
        yield r


def _claim_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    names = _names(conn)
    for r in _stream(conn, select(claims).order_by(claims.c.id)):
        r["args"] = _named(json.loads(r["args"]), names)
        r["value"] = json.loads(r["value"]) if r["value"] else None
        yield r


def _entity_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    aliases: dict[str, list[dict[str, Any]]] = {}
    for eid, alias, count in conn.execute(
        select(entity_aliases.c.entity_id, entity_aliases.c.alias, entity_aliases.c.count).order_by(
            entity_aliases.c.entity_id, entity_aliases.c.count.desc()
        )
    ):
        aliases.setdefault(eid, []).append({"name": alias, "count": count})
    for r in _stream(conn, select(entities).order_by(entities.c.id)):
        r["aliases"] = aliases.get(r["id"], [])
        yield r


def _article_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    yield from _stream(conn, select(articles).order_by(articles.c.seq))


_ROWS = {"facts": _fact_rows, "claims": _claim_rows, "entities": _entity_rows, "articles": _article_rows}
_JSON_COLUMNS = {"args", "evidence", "value", "aliases"}


def _flat(r: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (json.dumps(v, ensure_ascii=False) if k in _JSON_COLUMNS and v is not None else v)
        for k, v in r.items()
    }


def _columns(table: str) -> list[str]:
    t = {"facts": facts, "claims": claims, "entities": entities, "articles": articles}[table]
    cols = [c.name for c in t.columns]
    if table == "facts":
        cols += ["outlet", "url"]
    if table == "entities":
        cols += ["aliases"]
    return cols


def _csv(rows: Iterator[dict[str, Any]], out: IO[bytes], table: str) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=_columns(table), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for r in rows:
        writer.writerow(_flat(r))
        n += 1
    text.flush()
    text.detach()
    return n


def _parquet(rows: Iterator[dict[str, Any]], out: IO[bytes], table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = _columns(table)
    int_cols = {"seq", "idx", "mentions", "support", "n_facts", "n_articles"}
    schema = pa.schema([(c, pa.int64() if c in int_cols else pa.string()) for c in cols])
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for r in rows:
            batch.append(_flat(r))
            if len(batch) >= CHUNK:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


# -- GraphML ---------------------------------------------------------------------------------

_NODE_KEYS = (("label", "string"), ("type", "string"), ("mentions", "int"))
_EDGE_KEYS = (
    ("label", "string"),
    ("claim", "string"),
    ("type", "string"),
    ("status", "string"),
    ("certainty", "string"),
    ("support", "int"),
    ("first_reported", "string"),
    ("last_reported", "string"),
)


# Who an edge starts from: the actor of the fact before whom it acts on.
_ROLE_ORDER = {
    r: i
    for i, r in enumerate(
        ["party", "acquirer", "investor", "applicant", "company", "claimant", "person", "source", "authority",
         "counterparty", "target", "defendant", "subject", "product", "market"]
    )
}  # fmt: skip


def _graphml(conn: Connection, out: IO[bytes]) -> int:
    def w(s: str) -> None:
        out.write(s.encode("utf-8"))

    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name, typ in _NODE_KEYS:
        w(f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{typ}"/>\n')
    for name, typ in _EDGE_KEYS:
        w(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{typ}"/>\n')
    w('  <graph id="newsgraph" edgedefault="directed">\n')
    n = 0
    for r in _stream(conn, select(entities).order_by(entities.c.id)):
        w(
            f"    <node id={quoteattr(r['id'])}>"
            f'<data key="n_label">{xml_escape(r["name"])}</data>'
            f'<data key="n_type">{r["type"]}</data>'
            f'<data key="n_mentions">{int(r["mentions"])}</data></node>\n'
        )
        n += 1
    # A claim's entities in role order; the first is the edge's source (the acquirer, the
    # party), every other one a target. Symmetric types read the same either way.
    stmt = (
        select(
            claims.c.id,
            claims.c.type,
            claims.c.status,
            claims.c.certainty,
            claims.c.support,
            claims.c.first_reported,
            claims.c.last_reported,
            claim_entities.c.entity_id,
            claim_entities.c.role,
        )
        .join(claim_entities, claim_entities.c.claim_id == claims.c.id)
        .order_by(claims.c.id, claim_entities.c.role, claim_entities.c.entity_id)
    )
    current: dict[str, Any] | None = None
    members: list[tuple[str, str]] = []

    def flush() -> None:
        if current is None:
            return
        ordered = sorted(members, key=lambda m: (_ROLE_ORDER.get(m[0], len(_ROLE_ORDER)), m[0], m[1]))
        ids = list(dict.fromkeys(eid for _, eid in ordered))
        for k, target in enumerate(ids[1:], start=1):
            label = current["type"] + (f" ({current['status']})" if current["status"] else "")
            attrs = {**current, "label": label, "claim": current["id"]}
            data = "".join(
                f'<data key="e_{name}">{xml_escape(str(attrs[name]))}</data>'
                for name, _ in _EDGE_KEYS
                if attrs.get(name) is not None
            )
            w(
                f"    <edge id={quoteattr(current['id'] + '-' + str(k))} source={quoteattr(ids[0])} "
                f"target={quoteattr(target)}>{data}</edge>\n"
            )

    for r in _stream(conn, stmt):
        if current is None or r["id"] != current["id"]:
            flush()
            current = {k: r[k] for k in r if k not in ("entity_id", "role")}
            members = []
        members.append((r["role"], r["entity_id"]))
    flush()
    w("  </graph>\n</graphml>\n")
    return n
