"""End to end in a real browser: Debian's headless Chromium (driven by Playwright) against a
`newsgraph serve` app started on a free loopback port over a store these tests ingest.

The browser is offline: every request that does not go to the test server is aborted and
recorded, so a page that needed a CDN would fail here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

from newsgraph.graph import queries
from newsgraph.model import ArticleFacts, Document, Entity, Fact, Source
from newsgraph.web.app import create_app
from newsgraph.web.demo import HOSTILE_TEXT, build_demo_store, running_server

CHROMIUM = "/usr/bin/chromium"
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
TOKEN = "browser-token"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason=f"browser tests need Debian chromium at {CHROMIUM} (apt-get install chromium)",
    ),
]

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright python package is not installed")


def hostile_extract(doc: Document) -> ArticleFacts:
    """Stand-in extractor for ingest: one fact whose evidence covers the first <script> tag,
    its attribution and entity names as hostile as the text."""
    start = doc.text.find("<script")
    end = doc.text.find("</script>") + len("</script>") if start >= 0 else 0
    start, end = (start, end) if start >= 0 and end > start else (0, min(len(doc.text), 20))
    return ArticleFacts(
        doc,
        [
            Entity("e1", "Ingest<img src=x onerror=\"window.__pwned='ingest-entity'\">", "ORG"),
            Entity("e2", "Other\u202eCo", "ORG"),
        ],
        [
            Fact(
                "talks",
                {"party": "e1", "counterparty": "e2"},
                [(start, end)],
                status="ongoing",
                certainty="reported",
                source=Source("person", "<script>window.__pwned='ingest-source'</script>"),
            )
        ],
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    store = build_demo_store(str(tmp_path_factory.mktemp("browser") / "browser.db"))
    app = create_app(store, token=TOKEN, extract=hostile_extract)
    with running_server(app) as base:
        yield {"base": base, "store": store}
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server) -> Iterator:
    """A fresh offline page; fails the test on a dialog, a page error or an outside request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []

    def route(r) -> None:
        if r.request.url.startswith(server["base"]):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(10_000)
    yield pg
    context.close()
    assert not outside, f"pages asked for outside resources: {outside}"
    assert not dialogs, f"a page opened a dialog: {dialogs}"
    assert not errors, f"page errors: {errors}"


def test_search_open_entity_click_graph_node_open_claim_see_evidence(page, server) -> None:
    base = server["base"]
    page.goto(base + "/")
    page.fill("main input[name=q]", "Xiaomi")
    page.press("main input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"\?q=Xiaomi"))
    page.locator("#entities").get_by_role("link", name="Xiaomi", exact=True).click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.inner_text("h1").startswith("Xiaomi")
    assert page.locator("#aliases").inner_text().count("Xiaomi Corp") >= 1
    assert page.locator("svg.graph a.node").count() >= 6
    assert page.locator("svg.timeline a.mark").count() >= 5

    # Click a neighbour in the relation graph: its own entity page opens.
    page.locator("svg.graph a.node", has_text="Brilliance Auto").click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.inner_text("h1").startswith("Brilliance Auto")
    assert page.locator("svg.graph a.node.centre", has_text="Brilliance Auto").count() == 1

    # Open the claim from the claims table: every source with its evidence highlighted.
    page.locator("table.claims a", has_text="talks: Xiaomi – Brilliance Auto").first.click()
    page.wait_for_url(re.compile(r"/claims/"))
    assert page.locator("article.source").count() >= 3
    marks = page.locator("mark.evidence")
    assert any("engaged with several carmakers" in t for t in marks.all_inner_texts())
    first = page.locator("article.source mark.evidence").first
    assert first.is_visible()
    box = first.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    # The highlight is yellow: the stylesheet loaded and applied.
    colour = first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#conflicts li.conflict").count() >= 1


def test_timeline_dot_opens_its_claim(page, server) -> None:
    store = server["store"]
    xiaomi = queries.resolve_entity(store, "Xiaomi")
    page.goto(f"{server['base']}/entities/{xiaomi['id']}")
    dot = page.locator("svg.timeline a.mark").first
    claim_id = dot.get_attribute("data-claim")
    dot.locator("circle").click()
    page.wait_for_url(re.compile(f"/claims/{claim_id}$"))
    assert page.locator("article.source").count() >= 1


def test_claim_filters_narrow_the_table(page, server) -> None:
    store = server["store"]
    hub = queries.resolve_entity(store, "Northwind Holdings")
    page.goto(f"{server['base']}/entities/{hub['id']}")
    page.select_option("form.filters select[name=type]", "acquisition")
    page.fill("form.filters input[name=since]", "2023-06-01")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"type=acquisition"))
    types = page.locator("table.claims tbody tr td:first-child").all_inner_texts()
    assert types and all(t.strip() == "acquisition" for t in types)
    dates = page.locator("table.claims tbody tr td:nth-child(6)").all_inner_texts()
    assert all(d[:10] >= "2023-06-01" for d in dates)


def test_graph_with_fifty_neighbours_is_readable(page, server) -> None:
    store = server["store"]
    hub = queries.resolve_entity(store, "Northwind Holdings")
    page.goto(f"{server['base']}/entities/{hub['id']}")
    assert page.locator("svg.graph a.node").count() == 51
    # Measure the labels as drawn: each label is a segment along its baseline (in screen
    # pixels, rotation included); two labels overlap if their segments come closer than
    # a line of 12px text, and none may be cut off by the picture's edge.
    overlaps = page.evaluate(
        """() => {
        const svg = document.querySelector('svg.graph');
        const outer = svg.getBoundingClientRect();
        const segs = [...svg.querySelectorAll('a.node text')].map(t => {
          const m = t.getScreenCTM(), n = t.getNumberOfChars();
          const p = q => { const r = new DOMPoint(q.x, q.y).matrixTransform(m); return [r.x, r.y]; };
          const box = t.getBoundingClientRect();
          return [p(t.getStartPositionOfChar(0)), p(t.getEndPositionOfChar(n - 1)), box];
        });
        const d = (p, a, b) => {
          const dx = b[0] - a[0], dy = b[1] - a[1], l = dx * dx + dy * dy || 1;
          const k = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l));
          return Math.hypot(p[0] - a[0] - k * dx, p[1] - a[1] - k * dy);
        };
        const cross = (a, b, c, e) => {
          const o = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
          return o(a, b, c) !== o(a, b, e) && o(c, e, a) !== o(c, e, b);
        };
        let overlap = 0, outside = 0, closest = 1e9;
        segs.forEach(([a, b, box], i) => {
          if (box.left < outer.left - 1 || box.right > outer.right + 1 || box.top < outer.top - 1
              || box.bottom > outer.bottom + 1) outside++;
          segs.slice(i + 1).forEach(([c, e]) => {
            const gap = cross(a, b, c, e) ? 0 : Math.min(d(a, c, e), d(b, c, e), d(c, a, b), d(e, a, b));
            closest = Math.min(closest, gap);
            if (gap < 10) overlap++;
          });
        });
        return {overlap, outside, n: segs.length, closest: Math.round(closest)};
      }"""
    )
    assert overlaps["n"] == 51 and overlaps["outside"] == 0 and overlaps["overlap"] == 0, overlaps
    assert page.locator("svg.graph a.node", has_text="Yukon Fisheries").is_visible()


def test_article_page_overlays_facts_and_links_duplicates(page, server) -> None:
    store = server["store"]
    art = next(a for a in queries.search_articles(store, "carmakers", limit=10) if a["outlet"] == "Bloomberg")
    page.goto(f"{server['base']}/articles/{art['id']}")
    assert page.locator("#article-text mark.fact-ev").count() >= 5
    page.locator("li.fact").first.hover()
    assert page.locator("#article-text mark.fact-ev.active").count() >= 1  # app.js ran under the CSP
    page.locator("#duplicates a", has_text="Xiaomi Held Talks").click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert "BNN Bloomberg" in page.inner_text(".source-meta")


NOTHING_RAN = """() => ({
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  scripts: [...document.scripts].map(s => s.getAttribute('src')),
  handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover],[onfocus]').length,
  jsLinks: [...document.querySelectorAll('[href],[src],[action],[formaction]')]
    .filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src')
      || e.getAttribute('action') || e.getAttribute('formaction') || '')).length,
  frames: document.querySelectorAll('iframe,object,embed').length,
  hidden: getComputedStyle(document.body).display === 'none',
})"""


def _assert_nothing_ran(page) -> None:
    state = page.evaluate(NOTHING_RAN)
    assert state == {
        "pwned": None,
        "scripts": ["/static/app.js"],
        "handlers": 0,
        "jsLinks": 0,
        "frames": 0,
        "hidden": False,
    }, (page.url, state)


def test_hostile_article_ingested_through_the_form_runs_nothing(page, server) -> None:
    base = server["base"]
    page.goto(base + "/ingest")
    page.fill("textarea[name=text]", HOSTILE_TEXT + " Ingested through the form.")
    page.fill("input[name=title]", "<img src=x onerror=\"window.__pwned='title'\">Form title")
    page.fill("input[name=outlet]", "javascript:alert(1)")
    page.fill("input[name=token]", TOKEN)
    page.click("form.ingest button")
    page.wait_for_url(re.compile(r"/articles/"))
    _assert_nothing_ran(page)
    text = page.inner_text("#article-text")
    assert "<script>window.__pwned = 'script';</script>" in text  # shown, not run
    assert "U+202E" in text  # the bidi override is shown, not obeyed
    assert "<img src=x" in page.inner_text("h1")
    evidence = page.locator("#article-text mark.fact-ev").first.inner_text()
    assert "<script>" in evidence
    # Follow the hostile fact to its claim and its entities: still nothing runs.
    page.locator("li.fact a").first.click()
    page.wait_for_url(re.compile(r"/claims/"))
    _assert_nothing_ran(page)
    assert "<script>" in page.locator("mark.evidence").first.inner_text()
    page.locator("table.args a").first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    _assert_nothing_ran(page)


def test_hostile_pages_from_the_store_run_nothing(page, server) -> None:
    store = server["store"]
    base = server["base"]
    hostile = queries.search_articles(store, "Evil Corp", limit=1)[0]
    evil = queries.find_entities(store, "Evil Corp", limit=1)[0]
    claim = queries.list_claims(store, entity=evil["id"], limit=1)[0]
    for path in [
        f"/articles/{hostile['id']}",
        f"/entities/{evil['id']}",
        f"/claims/{claim['id']}",
        "/?q=Evil",
        "/?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
        "/entities/%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
    ]:
        page.goto(base + path)
        _assert_nothing_ran(page)
    # The CSP is the second lock: even markup that got through could not run inline script.
    page.goto(base + "/")
    blocked = page.evaluate(
        """() => new Promise(done => {
          document.addEventListener('securitypolicyviolation', e => done(e.violatedDirective));
          const s = document.createElement('script');
          s.textContent = 'window.__pwned = "csp"';
          document.body.appendChild(s);
          setTimeout(() => done(window.__pwned === undefined ? 'no event' : 'ran'), 1000);
        })"""
    )
    assert blocked.startswith("script-src"), blocked


def test_ingest_without_token_is_refused_in_the_browser(page, server) -> None:
    page.goto(server["base"] + "/ingest")
    page.fill("textarea[name=text]", "Acme is in talks with Widget.")
    page.fill("input[name=token]", "wrong")
    page.click("form.ingest button")
    assert "Ingest refused" in page.inner_text("h1")
