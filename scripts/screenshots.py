#!/usr/bin/env python3
"""Write a PNG of every page of `newsgraph serve` so people can look at them.

Builds the demo store (newsgraph.web.demo), serves it on loopback and drives Debian's
headless Chromium through the search, entity, claim, article and ingest pages.

    python scripts/screenshots.py                  # -> screenshots/*.png
    python scripts/screenshots.py --out /tmp/shots --db existing.db
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from newsgraph.graph import queries
from newsgraph.store import open_store
from newsgraph.web.app import create_app
from newsgraph.web.demo import build_demo_store, running_server

CHROMIUM = "/usr/bin/chromium"
# Offline, quiet, no GPU: what the browser tests use too.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pages(store: object) -> list[tuple[str, str]]:
    """(file name, path) of the pages worth a look in the demo store."""
    xiaomi = queries.resolve_entity(store, "Xiaomi")
    hub = queries.resolve_entity(store, "Northwind Holdings")
    out = [("01-search-home", "/"), ("02-search-results", "/?q=Xiaomi")]
    if xiaomi:
        out.append(("03-entity-xiaomi", f"/entities/{xiaomi['id']}"))
        out.append(("04-entity-filtered", f"/entities/{xiaomi['id']}?type=talks&certainty=reported#facts"))
        talks = queries.list_claims(store, entity=xiaomi["id"], type="talks", limit=20)
        claim = max(talks, key=lambda c: (len(c["conflicts"]), len(c["sources"])), default=None)
        if claim:
            out.append(("05-claim", f"/claims/{claim['id']}"))
            # The source with the most facts read from it, for a busy overlay.
            best = max(
                claim["sources"], key=lambda s: len(queries.article_view(store, s["article_id"])["facts"])
            )
            out.append(("06-article", f"/articles/{best['article_id']}"))
    if hub:
        out.append(("07-entity-50-neighbours", f"/entities/{hub['id']}"))
    hostile = queries.search_articles(store, "Evil Corp", limit=1)
    if hostile:
        out.append(("08-hostile-article", f"/articles/{hostile[0]['id']}"))
    out += [("09-ingest", "/ingest"), ("10-api", "/api"), ("11-not-found", "/entities/nobody-at-all")]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="screenshots", help="folder for the PNG files (default: screenshots/)")
    ap.add_argument("--db", help="serve this store instead of a fresh demo store")
    ap.add_argument("--width", type=int, default=1280)
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"screenshots need Debian chromium at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.db) if args.db else build_demo_store(str(Path(tmp) / "demo.db"))
        app = create_app(store, token="screenshot")
        with running_server(app) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": 900})
            for name, path in pages(store):
                page.goto(base + path)
                page.wait_for_load_state("load")
                target = out / f"{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
