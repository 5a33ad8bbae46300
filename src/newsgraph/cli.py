"""The `newsgraph` command: one verb per thing a user asks, each a thin shell over the library."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from newsgraph.errors import NewsgraphError


def fail_cleanly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a NewsgraphError into one line on stderr and its exit code, never a traceback."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NewsgraphError as exc:
            click.echo(f"newsgraph: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("newsgraph: interrupted", err=True)
            sys.exit(130)

    return wrapper


@click.group()
@click.version_option(package_name="newsgraph")
def main() -> None:
    """Read business news into a sourced, time-aware knowledge graph."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published", help="Date the article is dated (YYYY-MM-DD); relative times resolve against it."
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the FACTS.md JSON object (one per line for several files)."
)
@click.option("--model", default=None, help="Installed spaCy English pipeline with parser and NER.")
@click.option("--jobs", default=1, show_default=True, help="Worker processes for several files.")
@fail_cleanly
def extract(
    paths: tuple[str, ...], published: str | None, as_json: bool, model: str | None, jobs: int
) -> None:
    """Print the facts in one or more articles (PATH may be '-' for stdin)."""
    from newsgraph.extract.run import extract_paths
    from newsgraph.render import facts_table

    results = extract_paths(list(paths), published=published, model=model, jobs=jobs)
    for result in results:
        if as_json:
            click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=None if len(paths) > 1 else 2))
        else:
            click.echo(facts_table(result))


@main.command(name="eval")
@click.argument("gold_dir")
@click.option("--model", default=None, help="spaCy pipeline to evaluate.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--misses/--no-misses", default=True, help="List missed gold facts and false alarms.")
@fail_cleanly
def eval_(gold_dir: str, model: str | None, as_json: bool, misses: bool) -> None:
    """Score extraction against annotated gold files (FACTS.md scoring)."""
    from newsgraph.evaluate import evaluate_dir, format_report

    report = evaluate_dir(gold_dir, model=model)
    if as_json:
        click.echo(json.dumps(report.summary(), indent=2))
    else:
        click.echo(format_report(report, misses=misses))


@main.command()
@click.option(
    "--db",
    default="newsgraph.db",
    envvar="NEWSGRAPH_DB",
    show_default=True,
    help="Store: a SQLite file or a postgresql:// URL.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback).")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--token",
    default=None,
    envvar="NEWSGRAPH_TOKEN",
    help="Allow ingest over HTTP with this token; read-only without.",
)
@click.option("--workers", default=1, show_default=True, type=int, help="Server processes.")
@fail_cleanly
def serve(db: str, host: str, port: int, token: str | None, workers: int) -> None:
    """Serve the web pages and the REST API (/api/, /openapi.json) over a store."""
    from newsgraph.web.app import serve as serve_app

    serve_app(db, host=host, port=port, token=token, workers=workers)


# The store and query verbs (issue 3: ingest, entity, facts, claims, timeline, search, export)
# live beside the query layer they shell over.
from newsgraph.graph.commands import register as _register_graph_commands  # noqa: E402

_register_graph_commands(main, fail_cleanly)
