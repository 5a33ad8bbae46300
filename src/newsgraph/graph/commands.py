"""The store and query verbs of `newsgraph`: ingest, entity, facts, claims, claim, timeline,
search, article, export. Each is a few lines over a library function with the same name;
`register(main, wrap)` adds them to the CLI group (wrap turns errors into one line).

Tables for people by default, `--json` for scripts: the JSON is exactly what the library
function returned.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from newsgraph.errors import NoSuchEntity
from newsgraph.graph import EXPORT_FORMATS as FORMATS
from newsgraph.graph import EXPORT_TABLES as TABLES
from newsgraph.model import CERTAINTIES, FACT_TYPES, SOURCE_KINDS
from newsgraph.store import DEFAULT_DB

if TYPE_CHECKING:
    from newsgraph.store import Store

# The store, the query layer and SQLAlchemy are imported inside each verb, not here: every
# `newsgraph` command registers these verbs, and `newsgraph extract` or a usage error should
# not pay ~0.5 s for a database library it never touches.

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    envvar="NEWSGRAPH_DB",
    show_default=True,
    help="SQLite file, or postgresql://user@host/dbname (env NEWSGRAPH_DB).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
limit_option = click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
offset_option = click.option("--offset", default=0, show_default=True, type=click.IntRange(0))


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2022-01-01") from None


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _reader(db: str) -> Store:
    from newsgraph.store import open_store

    return open_store(db, create=False)


def register(main: click.Group, wrap: Decorator) -> None:
    """Add the store and query verbs to `main`, each wrapped by `wrap` (the CLI's error handler)."""

    @main.command()
    @click.argument("paths", nargs=-1, required=True)
    @db_option
    @click.option("--published", help="Date for articles whose source gives none (YYYY-MM-DD).")
    @click.option("--model", default=None, help="spaCy English pipeline with parser and NER.")
    @click.option(
        "--jobs", default=1, show_default=True, type=click.IntRange(1), help="Extraction processes."
    )
    @click.option(
        "--progress/--no-progress", default=None, help="Progress bar on stderr [default: if a terminal]."
    )
    @json_option
    @wrap
    def ingest(
        paths: tuple[str, ...],
        db: str,
        published: str | None,
        model: str | None,
        jobs: int,
        progress: bool | None,
        as_json: bool,
    ) -> None:
        """Read articles (text, HTML, JSONL, RSS/Atom, WARC, folders, URLs, '-') into the store.

        Articles already stored (same URL or text) are skipped; a rejected item is reported
        with its reason and the rest goes on.
        """
        from tqdm import tqdm

        from newsgraph.store import ingest as ingest_
        from newsgraph.store import open_store

        store = open_store(db)
        n_facts = 0
        disable = None if progress is None else not progress
        with store, tqdm(unit=" articles", file=sys.stderr, disable=disable, dynamic_ncols=True) as bar:

            def step(_outcome: str, n: int) -> None:
                nonlocal n_facts
                n_facts += n
                bar.update(1)
                bar.set_postfix(facts=n_facts, refresh=False)

            def reader(p: list[str]) -> Any:
                from newsgraph.ingest import read_sources

                return read_sources(p, published=published)

            summary = ingest_(store, list(paths), model=model, jobs=jobs, reader=reader, on_article=step)
        if as_json:
            _echo_json(summary.to_json())
        else:
            click.echo(summary.format())

    @main.command()
    @click.argument("name")
    @db_option
    @json_option
    @wrap
    def entity(name: str, db: str, as_json: bool) -> None:
        """An entity: canonical name, type, aliases, relations by type, latest claims."""
        from newsgraph.graph import queries

        with _reader(db) as store:
            view = queries.entity_view(store, name)
        if view is None:
            raise NoSuchEntity(f"no entity named {name!r}")
        if as_json:
            _echo_json(view)
        else:
            click.echo(format_entity(view))

    @main.command()
    @click.option("--entity", help="Entity name, alias or id.")
    @click.option("--type", "type_", type=click.Choice(FACT_TYPES), help="Fact type.")
    @click.option(
        "--since", callback=_iso_date, help="On or after this date (when it happened, else reported)."
    )
    @click.option("--until", callback=_iso_date, help="On or before this date.")
    @click.option("--source-kind", type=click.Choice(SOURCE_KINDS), help="Attribution kind.")
    @click.option("--status", help="Fact status, e.g. ongoing, signed, completed.")
    @click.option("--certainty", type=click.Choice(CERTAINTIES))
    @limit_option
    @offset_option
    @db_option
    @json_option
    @wrap
    def facts(entity: str | None, type_: str | None, db: str, as_json: bool, **filters: Any) -> None:
        """Facts as extracted, one per article, newest first."""
        from newsgraph.graph import queries

        with _reader(db) as store:
            _check_entity(store, entity)
            rows = queries.list_facts(store, entity=entity, type=type_, **filters)
        if as_json:
            _echo_json(rows)
        else:
            click.echo(format_facts(rows))

    @main.command()
    @click.option("--entity", help="Entity name, alias or id.")
    @click.option("--type", "type_", type=click.Choice(FACT_TYPES), help="Claim type.")
    @limit_option
    @offset_option
    @db_option
    @json_option
    @wrap
    def claims(
        entity: str | None, type_: str | None, limit: int, offset: int, db: str, as_json: bool
    ) -> None:
        """Claims: facts merged across articles, with sources, independent support and conflicts."""
        from newsgraph.graph import queries

        with _reader(db) as store:
            _check_entity(store, entity)
            rows = queries.list_claims(store, entity=entity, type=type_, limit=limit, offset=offset)
        if as_json:
            _echo_json(rows)
        else:
            click.echo(format_claims(rows))

    @main.command()
    @click.argument("claim_id")
    @db_option
    @json_option
    @wrap
    def claim(claim_id: str, db: str, as_json: bool) -> None:
        """One claim with every source and its evidence."""
        from newsgraph.graph import queries

        with _reader(db) as store:
            view = queries.claim_view(store, claim_id)
        if view is None:
            raise NoSuchClaim(f"no claim with id {claim_id!r}")
        if as_json:
            _echo_json(view)
        else:
            click.echo(format_claim(view))

    @main.command()
    @click.argument("name")
    @click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 10_000))
    @offset_option
    @db_option
    @json_option
    @wrap
    def timeline(name: str, limit: int, offset: int, db: str, as_json: bool) -> None:
        """An entity's claims in the order they happened (or were first reported)."""
        from newsgraph.graph import queries

        with _reader(db) as store:
            _check_entity(store, name)
            rows = queries.timeline(store, name, limit=limit, offset=offset)
        if as_json:
            _echo_json(rows)
        else:
            click.echo(format_timeline(rows))

    @main.command()
    @click.argument("query")
    @click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
    @offset_option
    @db_option
    @json_option
    @wrap
    def search(query: str, limit: int, offset: int, db: str, as_json: bool) -> None:
        """Full-text search over articles; "quotes" for a phrase."""
        from newsgraph.graph import queries

        with _reader(db) as store:
            rows = queries.search_articles(store, query, limit=limit, offset=offset)
        if as_json:
            _echo_json(rows)
        else:
            click.echo(format_search(rows))

    @main.command()
    @click.argument("article_id")
    @db_option
    @json_option
    @wrap
    def article(article_id: str, db: str, as_json: bool) -> None:
        """One stored article with its facts and its syndicated copies."""
        from newsgraph.graph import queries

        with _reader(db) as store:
            view = queries.article_view(store, article_id)
        if view is None:
            raise NoSuchArticle(f"no article with id {article_id!r}")
        if as_json:
            _echo_json(view)
        else:
            click.echo(format_article(view))

    @main.command()
    @click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
    @click.option(
        "--table",
        type=click.Choice(TABLES),
        default="facts",
        show_default=True,
        help="What to export as jsonl/csv/parquet (graphml is always the entity graph).",
    )
    @click.option("-o", "--output", default="-", show_default=True, help="File to write, '-' for stdout.")
    @db_option
    @wrap
    def export(fmt: str, table: str, output: str, db: str) -> None:
        """Export facts, claims, entities or articles (JSONL, CSV, Parquet), or the graph (GraphML)."""
        from newsgraph.graph.export import export as export_

        if output == "-" and fmt == "parquet" and sys.stdout.isatty():
            raise click.UsageError("Parquet is binary: give -o FILE or redirect stdout")
        with _reader(db) as store:
            if output == "-":
                n = export_(store, fmt, sys.stdout.buffer, table=table)
                sys.stdout.buffer.flush()
            else:
                with open(output, "wb") as out:
                    n = export_(store, fmt, out, table=table)
        what = "entities" if fmt == "graphml" else table
        click.echo(f"exported {n} {what} as {fmt}" + ("" if output == "-" else f" to {output}"), err=True)


class NoSuchClaim(NoSuchEntity):
    """No claim has this id."""


class NoSuchArticle(NoSuchEntity):
    """No article has this id."""


def _check_entity(store: Store, name: str | None) -> None:
    from newsgraph.graph import queries

    if name is not None and queries.resolve_entity(store, name) is None:
        raise NoSuchEntity(f"no entity named {name!r}")


# -- plain-text rendering ------------------------------------------------------------------


def table(rows: list[list[Any]], headers: list[str], widths: dict[int, int] | None = None) -> str:
    """Columns padded to their widest cell; cells longer than their column's cap end in '…'."""
    if not rows:
        return "(none)"
    caps = widths or {}
    cells = [[_cell(v, caps.get(i, 60)) for i, v in enumerate(r)] for r in rows]
    w = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("-" * x for x in w))
    lines += ["  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip() for r in cells]
    return "\n".join(lines)


def _cell(v: Any, cap: int) -> str:
    s = "" if v is None else " ".join(str(v).split())
    return s if len(s) <= cap else s[: cap - 1] + "…"


def _name(v: Any) -> str:
    if isinstance(v, dict) and "name" in v and "id" in v:
        return str(v["name"])
    if isinstance(v, list):
        return " & ".join(_name(x) for x in v)
    if isinstance(v, dict) and "amount" in v:
        amount = v["amount"]
        return (
            f"{v.get('currency') or ''} {amount:,.0f}".strip() if isinstance(amount, int | float) else str(v)
        )
    if isinstance(v, dict) and "text" in v:
        return str(v.get("text") or f"{v.get('start')}..{v.get('end')}")
    return str(v)


# Roles that are who did it, shown first; the rest follow in the fact's order.
_ACTORS = (
    "party",
    "acquirer",
    "investor",
    "applicant",
    "company",
    "claimant",
    "person",
    "authority",
    "source",
)


def describe(item: dict[str, Any]) -> str:
    """'Xiaomi – BAIC: producing electric cars' from a fact's or claim's args."""
    args = item["args"]
    ents = [k for k, v in args.items() if _is_entity(v)]
    ents.sort(key=lambda k: (_ACTORS.index(k) if k in _ACTORS else len(_ACTORS), k))
    who = " – ".join(_name(args[k]) for k in ents)
    what = [f"{_name(v)}" for k, v in args.items() if k not in ents and k in _SHOWN]
    return who + (": " + ", ".join(what) if what else "")


_SHOWN = (
    "subject",
    "metric",
    "value",
    "amount",
    "period",
    "role",
    "product",
    "statement",
    "stake_pct",
    "market",
)


def _is_entity(v: Any) -> bool:
    return (isinstance(v, dict) and "id" in v and "name" in v) or (
        isinstance(v, list) and bool(v) and all(isinstance(x, dict) and "id" in x for x in v)
    )


def _sources(c: dict[str, Any]) -> str:
    outs = []
    for s in c["sources"]:
        who = s["outlet"] or "?"
        if s["source_kind"] not in ("document", None):
            who += f" ({s['source_name'] or s['source_kind']})"
        if s["certainty"] == "denied":
            who += " [denies]"
        outs.append(who)
    more = c["n_sources"] - len(c["sources"])
    return ", ".join(dict.fromkeys(outs)) + (f" +{more} more" if more > 0 else "")


def _conflicts(c: dict[str, Any]) -> str:
    out = []
    for x in c["conflicts"]:
        d = x["detail"]
        if x["kind"] == "moved_on":
            out.append(f"then {d.get('to_type')} {d.get('to_status') or ''}".strip())
        elif x["kind"] == "status":
            out.append(f"status {d.get('from')} -> {d.get('to')}")
        elif x["kind"] == "figure":
            out.append(f"figure {_name(d.get('value'))} vs {_name(d.get('other'))}")
        else:
            out.append(f"denied ({x['outlet'] or '?'}, {x['published'] or '?'})")
    more = c.get("n_conflicts", 0) - len(c["conflicts"])
    return "; ".join(dict.fromkeys(out)) + (f" +{more} more" if more > 0 else "")


def format_entity(v: dict[str, Any]) -> str:
    lines = [f"{v['name']}  ({v['type']}, {v['mentions']} mentions, id {v['id']})"]
    if v["aliases"]:
        lines.append("aliases: " + ", ".join(f"{a['name']} ×{a['count']}" for a in v["aliases"][:12]))
    if v["relations"]:
        lines.append("relations: " + ", ".join(f"{t} {n}" for t, n in v["relations"].items()))
    lines += ["", "counterparties"]
    lines.append(
        table(
            [[c["name"], c["type"], c["fact_type"], c["claims"], c["support"]] for c in v["counterparties"]],
            ["name", "type", "relation", "claims", "support"],
        )
    )
    lines += ["", "latest claims"]
    lines.append(format_claims(v["latest_claims"]))
    return "\n".join(lines)


def format_facts(rows: list[dict[str, Any]]) -> str:
    return table(
        [
            [
                f["date"],
                f["type"],
                describe(f),
                f["status"],
                f["certainty"],
                f["source"]["name"] or f["source"]["kind"],
                f["article"].get("outlet"),
            ]
            for f in rows
        ],
        ["date", "type", "who / what", "status", "certainty", "according to", "outlet"],
        {2: 60, 5: 36},
    )


def format_claims(rows: list[dict[str, Any]]) -> str:
    return table(
        [
            [
                c["last_reported"],
                c["type"],
                describe(c),
                c["status"],
                c["support"],
                _sources(c),
                _conflicts(c),
                c["id"],
            ]
            for c in rows
        ],
        ["last reported", "type", "who / what", "status", "support", "sources", "conflicts", "id"],
        {2: 50, 5: 60, 6: 60},
    )


def format_claim(c: dict[str, Any]) -> str:
    lines = [
        f"{c['type']}: {describe(c)}",
        f"status {c['status'] or '-'}, {c['certainty']}; "
        f"reported {c['first_reported']} .. {c['last_reported']}; "
        f"support {c['support']} independent of {c['n_sources']} sources",
    ]
    if c["conflicts"]:
        lines.append("conflicts: " + _conflicts(c))
    lines.append("")
    rows = [
        [
            s["published"],
            s["outlet"],
            s["source_name"] or s["source_kind"],
            s["certainty"],
            " … ".join(e["text"] for e in s.get("evidence", [])),
        ]
        for s in c["sources"]
    ]
    lines.append(table(rows, ["published", "outlet", "according to", "certainty", "evidence"], {4: 90}))
    return "\n".join(lines)


def format_timeline(rows: list[dict[str, Any]]) -> str:
    return table(
        [
            [
                c["when"] + ("" if c["when_kind"] == "happened" else " (reported)"),
                c["type"],
                describe(c),
                c["status"],
                _sources(c),
                _conflicts(c),
            ]
            for c in rows
        ],
        ["when", "type", "who / what", "status", "according to", "what came of it"],
        {2: 50, 4: 60, 5: 50},
    )


def format_search(rows: list[dict[str, Any]]) -> str:
    return table(
        [[r["published"], r["outlet"], r["title"], r["snippet"], r["id"]] for r in rows],
        ["published", "outlet", "title", "snippet", "id"],
        {2: 50, 3: 80},
    )


def format_article(a: dict[str, Any]) -> str:
    lines = [
        a["title"] or "(untitled)",
        f"{a['outlet'] or '?'}, {a['published'] or 'undated'}  {a['url'] or ''}",
    ]
    if a["duplicates"]:
        lines.append(
            "copies: " + ", ".join(f"{d['outlet'] or d['id']} ({d['published']})" for d in a["duplicates"])
        )
    lines += ["", format_facts(a["facts"])]
    return "\n".join(lines)
