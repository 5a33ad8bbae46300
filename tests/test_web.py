"""Every route of `newsgraph serve` through the app: pages, the REST API, ingest and its
token, security headers, and injection through every kind of parameter."""

from __future__ import annotations

import os
import re
import warnings

import pytest

from newsgraph.graph import queries
from newsgraph.model import ArticleFacts, Document, Entity, Fact
from newsgraph.web.app import CSP, create_app
from newsgraph.web.demo import build_demo_store

with warnings.catch_warnings():
    # Starlette 1.x asks for the httpx2 fork in its TestClient; httpx still works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-7f3a"


def fake_extract(doc: Document) -> ArticleFacts:
    """A stand-in for the spaCy pipeline: one talks fact over the first sentence."""
    end = doc.text.find(".") + 1 or len(doc.text)
    entities = [Entity("e1", "Ingestco", "ORG"), Entity("e2", "Otherco", "ORG")]
    facts = [Fact("talks", {"party": "e1", "counterparty": "e2"}, [(0, end)], status="ongoing")]
    return ArticleFacts(doc, entities, facts)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    s = build_demo_store(str(tmp_path_factory.mktemp("web") / "web.db"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(store, token=TOKEN, extract=fake_extract))


@pytest.fixture(scope="module")
def readonly(store) -> TestClient:
    return TestClient(create_app(store, token=None, extract=fake_extract))


@pytest.fixture(scope="module")
def ids(store) -> dict[str, str]:
    xiaomi = queries.resolve_entity(store, "Xiaomi")
    hub = queries.resolve_entity(store, "Northwind Holdings")
    talks = queries.list_claims(store, entity=xiaomi["id"], type="talks", limit=20)
    claim = max(talks, key=lambda c: len(c["conflicts"]))
    article = queries.search_articles(store, "Brilliance", limit=1)[0]
    hostile = queries.search_articles(store, "Evil Corp", limit=1)[0]
    return {
        "xiaomi": xiaomi["id"],
        "hub": hub["id"],
        "claim": claim["id"],
        "article": article["id"],
        "hostile": hostile["id"],
    }


# ---------------------------------------------------------------------------------- pages


def test_search_page_finds_entities_by_alias_and_articles_by_text(client: TestClient, ids) -> None:
    r = client.get("/", params={"q": "Beijing Automotive"})  # an alias of BAIC
    assert r.status_code == 200
    assert ">BAIC</bdi></a>" in r.text
    r = client.get("/", params={"q": "electric sedan"})
    assert "Xiaomi Delivers First SU7 Cars" in r.text and "<mark>" in r.text


def test_home_page_has_a_search_box(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and 'name="q"' in r.text


def test_entity_page_has_aliases_graph_timeline_and_claims(client: TestClient, ids) -> None:
    r = client.get(f"/entities/{ids['xiaomi']}")
    assert r.status_code == 200
    html = r.text
    assert "Xiaomi Corp." in html  # an alias
    assert '<svg class="graph"' in html and 'class="node etype-ORG' in html
    assert "Brilliance Auto" in html and "Chery" in html
    assert '<svg class="timeline"' in html and 'class="mark"' in html
    assert html.count("<tr>") >= 10


def test_entity_page_by_name_works_too(client: TestClient) -> None:
    assert client.get("/entities/Xiaomi").status_code == 200


def test_hub_graph_draws_fifty_neighbours(client: TestClient, ids) -> None:
    html = client.get(f"/entities/{ids['hub']}").text
    nodes = re.findall(r'<a class="node etype-\w+( centre)?"', html)
    assert len(nodes) == 51


@pytest.mark.parametrize(
    "params,check",
    [
        ({"type": "talks"}, lambda rows: all("talks" in r for r in rows)),
        ({"certainty": "denied"}, lambda rows: len(rows) == 1),
        ({"source_kind": "anonymous"}, lambda rows: all("anonymous" in r for r in rows)),
        ({"status": "granted"}, lambda rows: len(rows) == 1),
        ({"since": "2023-11-01", "until": "2023-12-31"}, lambda rows: all("2023-11" in r for r in rows)),
        ({"type": "policy"}, lambda rows: rows == []),
    ],
)
def test_entity_claim_filters(client: TestClient, ids, params, check) -> None:
    r = client.get(f"/entities/{ids['xiaomi']}", params=params)
    assert r.status_code == 200
    body = r.text.split('<table class="claims">', 1)[-1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)[1:] if '<table class="claims">' in r.text else []
    assert check(rows), params


@pytest.mark.parametrize(
    "params",
    [{"type": "nope"}, {"status": "'; DROP TABLE facts;--"}, {"since": "2023-02-30"}, {"until": "tomorrow"}],
)
def test_entity_page_rejects_unknown_filter_values(client: TestClient, ids, params) -> None:
    r = client.get(f"/entities/{ids['xiaomi']}", params=params)
    assert r.status_code == 400 and "Bad request" in r.text


def test_claim_page_shows_sources_evidence_and_conflicts(client: TestClient, ids) -> None:
    r = client.get(f"/claims/{ids['claim']}")
    assert r.status_code == 200
    html = r.text
    assert html.count('class="card source"') >= 3
    assert "Caixin" in html and "Bloomberg" in html and "people familiar with the matter" in html
    marks = re.findall(r'<mark class="evidence">(.*?)</mark>', html, re.S)
    assert any("engaged with several carmakers" in m for m in marks)
    assert 'class="conflict"' in html


def test_article_page_overlays_facts_and_lists_duplicates(client: TestClient, store) -> None:
    bloomberg = next(
        a for a in queries.search_articles(store, "carmakers", limit=10) if a["outlet"] == "Bloomberg"
    )
    html = client.get(f"/articles/{bloomberg['id']}").text
    assert len(re.findall(r'<mark class="fact-ev"', html)) >= 5
    assert 'id="ev-0"' in html and 'href="#ev-0"' in html
    dup_section = html.split('id="duplicates"', 1)[1]
    assert "BNN Bloomberg" in dup_section


def test_ingest_page_is_read_only_without_token(readonly: TestClient, client: TestClient) -> None:
    assert 'id="read-only"' in readonly.get("/ingest").text
    assert 'id="read-only"' not in client.get("/ingest").text


@pytest.mark.parametrize(
    "path", ["/entities/0000000000000000", "/claims/nope", "/articles/nope", "/no/such/page"]
)
def test_missing_things_are_404_pages(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]


# ------------------------------------------------------------------------------------ API


def test_openapi_lists_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in [
        "/api/search",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/entities/{entity_id}/timeline",
        "/api/facts",
        "/api/claims",
        "/api/claims/{claim_id}",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/ingest",
    ]:
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


@pytest.mark.parametrize(
    "path",
    [
        "/api/entities?q=a",
        "/api/facts",
        "/api/facts?entity=Northwind%20Holdings",
        "/api/claims",
        "/api/claims?entity=Northwind%20Holdings&type=agreement",
        "/api/articles?q=Northwind",
        "/api/entities/Northwind%20Holdings/timeline",
    ],
)
def test_every_list_pages_through_all_rows_without_overlap(client: TestClient, path: str) -> None:
    first = client.get(path, params={"limit": 1000}).json() if "limit" not in path else None
    assert first is None or "detail" in first  # limit is capped
    whole = client.get(path + ("&" if "?" in path else "?") + "limit=500").json()["items"]
    seen, url = [], path + ("&" if "?" in path else "?") + "limit=3"
    while url:
        page = client.get(url).json()
        assert set(page) >= {"items", "limit", "offset", "has_more", "next", "prev"}
        seen += [row["id"] for row in page["items"]]
        url = page["next"]
    assert seen == [row["id"] for row in whole]
    assert len(seen) == len(set(seen))


def test_api_entity_and_claim_and_article(client: TestClient, ids) -> None:
    e = client.get(f"/api/entities/{ids['xiaomi']}").json()
    assert e["name"] == "Xiaomi" and {"aliases", "relations", "counterparties"} <= set(e)
    c = client.get(f"/api/claims/{ids['claim']}").json()
    assert c["sources"] and c["sources"][0]["evidence"]
    a = client.get(f"/api/articles/{ids['article']}").json()
    assert a["text"] and a["facts"]
    s = client.get("/api/search", params={"q": "Xiaomi"}).json()
    assert s["entities"]["items"] and s["articles"]["items"]


@pytest.mark.parametrize("path", ["/api/entities/nobody", "/api/claims/nope", "/api/articles/nope"])
def test_api_404_is_json(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and r.json()["detail"]


# --------------------------------------------------------------------------------- ingest


def test_ingest_without_a_server_token_is_forbidden(readonly: TestClient) -> None:
    r = readonly.post("/api/ingest", json={"text": "Acme agreed to buy Widget."})
    assert r.status_code == 403
    r = readonly.post("/api/ingest", json={"text": "Acme."}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    r = readonly.post("/ingest", data={"text": "Acme.", "token": "anything"})
    assert r.status_code == 403


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}]
)
def test_ingest_with_a_wrong_token_is_unauthorized(client: TestClient, headers) -> None:
    r = client.post("/api/ingest", json={"text": "Acme agreed to buy Widget."}, headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"


def test_ingest_text_over_the_api_then_read_it_back(client: TestClient) -> None:
    r = client.post(
        "/api/ingest",
        json={
            "text": "Ingestco is in talks with Otherco. More words.",
            "published": "2024-05-01",
            "outlet": "Wire",
        },
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["facts"] == 1
    a = client.get(f"/api/articles/{body['article_id']}").json()
    assert a["outlet"] == "Wire" and a["published"] == "2024-05-01" and a["facts"][0]["type"] == "talks"


def test_ingest_form_redirects_to_the_article(client: TestClient) -> None:
    r = client.post(
        "/ingest",
        data={"text": "Ingestco met Otherco again. Nothing else.", "token": TOKEN, "title": "Form post"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/articles/")
    assert "Form post" in client.get(r.headers["location"]).text


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "   "},
        {"text": "x", "url": "https://example.com/a"},
        {"url": "javascript:alert(1)"},
        {"url": "file:///etc/passwd"},
        {"text": "x", "published": "2023-13-01"},
    ],
)
def test_ingest_rejects_bad_requests(client: TestClient, body) -> None:
    r = client.post("/api/ingest", json=body, headers={"X-Newsgraph-Token": TOKEN})
    assert r.status_code in (400, 422), r.text


def test_ingest_refuses_an_oversized_body_before_reading_it(client: TestClient) -> None:
    big = b'{"text": "' + b"a" * 5_000_000 + b'"}'
    r = client.post(
        "/api/ingest", content=big, headers={"X-Newsgraph-Token": TOKEN, "Content-Type": "application/json"}
    )
    assert r.status_code == 413


def test_ingest_url_uses_the_fetcher(store) -> None:
    fetched = []

    def fetch(url: str) -> Document:
        fetched.append(url)
        return Document(text="Fetchco talks with Otherco. Fetched.", url=url, title="Fetched page")

    c = TestClient(create_app(store, token=TOKEN, extract=fake_extract, fetch=fetch))
    r = c.post(
        "/api/ingest", json={"url": "https://example.com/news/1"}, headers={"X-Newsgraph-Token": TOKEN}
    )
    assert r.status_code == 201 and fetched == ["https://example.com/news/1"]


# ------------------------------------------------------------------------------- security


@pytest.mark.parametrize("path", ["/", "/api/entities", "/openapi.json", "/static/style.css", "/nope"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def _pages(ids) -> list[str]:
    return [
        "/",
        "/?q=Evil",
        f"/entities/{ids['xiaomi']}",
        f"/claims/{ids['claim']}",
        f"/articles/{ids['article']}",
        f"/articles/{ids['hostile']}",
        "/ingest",
        "/api",
    ]


def test_no_page_has_inline_script_or_event_handlers(client: TestClient, ids) -> None:
    for path in _pages(ids):
        html = client.get(path).text
        scripts = re.findall(r"<script\b[^>]*>", html, re.I)
        assert scripts == ['<script src="/static/app.js" defer>'], path
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I), path
        assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I), path


def test_hostile_article_is_escaped(client: TestClient, ids) -> None:
    html = client.get(f"/articles/{ids['hostile']}").text
    assert "&lt;script&gt;window.__pwned" in html
    assert "<img src=x" not in html and "<iframe" not in html and "<svg onload" not in html
    assert 'href="javascript:' not in html
    assert '<span class="ctl" title="U+202E RIGHT-TO-LEFT OVERRIDE">' in html
    evil = queries.resolve_entity(client.app.state.store, "Target\u202eInc")
    ent_html = client.get(f"/entities/{evil['id']}").text
    assert "\u202e" not in ent_html  # names lose their direction overrides


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/....//....//etc/passwd",
        "/static//etc/passwd",
        "/static/%2Fetc%2Fpasswd",
        "/entities/..%2F..%2Fetc%2Fpasswd",
        "/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/claims/..%5c..%5cwindows%5cwin.ini",
    ],
)
def test_no_path_traversal(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "root:" not in r.text and "import" not in r.text


SQL_PAYLOADS = [
    "' OR '1'='1",
    "x' OR 1=1 --",
    "'; DROP TABLE articles; --",
    '" OR ""="',
    "1 UNION SELECT name, sql FROM sqlite_master --",
    "%' AND 1=1 --",
    "\\' OR 1=1 #",
    "xiaomi') OR ('a'='a",
    "NEAR(a b) OR * AND",
    '"unbalanced',
    "%_%",
    "\x00nul",
]


@pytest.mark.parametrize("payload", SQL_PAYLOADS)
def test_no_sql_injection_through_any_parameter(client: TestClient, store, payload: str) -> None:
    before = store.counts()
    for path, params in [
        ("/", {"q": payload}),
        ("/api/search", {"q": payload}),
        ("/api/entities", {"q": payload}),
        ("/api/articles", {"q": payload}),
        ("/api/facts", {"entity": payload}),
        ("/api/claims", {"entity": payload}),
    ]:
        r = client.get(path, params=params)
        assert r.status_code == 200, (path, payload, r.text[:200])
        if path.startswith("/api/") and path != "/api/search":
            items = r.json()["items"]
            # A payload matches nothing or what its words match; never every row.
            assert len(items) < 20, (path, payload)
    for path in ["/entities/{}", "/claims/{}", "/articles/{}", "/api/entities/{}", "/api/claims/{}"]:
        # httpx refuses a NUL in a URL path; in the query string above it got through.
        r = client.get(path.format(payload.replace("/", "").replace("\x00", "%00")))
        assert r.status_code in (404, 422), (path, payload, r.status_code)
    r = client.get("/api/facts", params={"type": payload})
    assert r.status_code == 422
    assert store.counts() == before


# ------------------------------------------------------------------------------------ CLI


def test_serve_command_passes_its_options_to_uvicorn(tmp_path, monkeypatch) -> None:
    import uvicorn
    from click.testing import CliRunner

    from newsgraph.cli import main

    runs = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: runs.append((app, kw)))
    db = str(tmp_path / "serve.db")
    r = CliRunner().invoke(main, ["serve", "--db", db, "--port", "8123"], env={"NEWSGRAPH_TOKEN": ""})
    assert r.exit_code != 0 and runs == []  # read-only over a store that does not exist
    r = CliRunner().invoke(main, ["serve", "--db", db, "--port", "8123", "--token", "s3cret"])
    assert r.exit_code == 0, r.output
    app, kw = runs[-1]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123 and app.state.token == "s3cret"
    r = CliRunner().invoke(main, ["serve", "--db", db], env={"NEWSGRAPH_TOKEN": "from-env"})
    assert r.exit_code == 0 and runs[-1][0].state.token == "from-env"
    r = CliRunner().invoke(main, ["serve", "--db", db], env={"NEWSGRAPH_TOKEN": ""})
    assert r.exit_code == 0 and runs[-1][0].state.token is None


def test_serve_runs_as_a_real_server(tmp_path) -> None:
    import subprocess
    import sys
    import time

    import httpx

    from newsgraph.web.demo import free_port

    db = str(tmp_path / "real.db")
    build_demo_store(db).close()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", db, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                r = httpx.get(base + "/api/entities?q=Xiaomi", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert r.status_code == 200 and r.json()["items"][0]["name"] == "Xiaomi"
        assert httpx.post(base + "/api/ingest", json={"text": "x"}).status_code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()


# ---------------------------------------------------------------------------------- cache


def test_cached_pages_follow_writes_from_another_process(tmp_path) -> None:
    import time

    from newsgraph.web.demo import ArticleBuilder

    store = build_demo_store(str(tmp_path / "cache.db"))
    c = TestClient(create_app(store, token=TOKEN, extract=fake_extract))
    first = c.get("/api/entities/Xiaomi").json()
    assert c.get("/api/entities/Xiaomi").json() == first
    # Another writer (the CLI, say) adds an article about Xiaomi behind the app's back.
    b = ArticleBuilder("Xiaomi and Newco", "2024-06-01", "Wire")
    b.fact(
        "Xiaomi is in talks with Newco.",
        "talks",
        {"party": b.entity("Xiaomi"), "counterparty": b.entity("Newco")},
    )
    store.add_results([b.build()])
    time.sleep(1.1)  # the cache looks at the store's version at most once a second
    after = c.get("/api/entities/Xiaomi").json()
    assert after != first and any(cp["name"] == "Newco" for cp in after["counterparties"])
    # An ingest through the app is seen at once.
    assert c.get("/api/entities", params={"q": "Ingestco"}).json()["items"] == []
    r = c.post("/api/ingest", json={"text": "Xiaomi."}, headers={"X-Newsgraph-Token": TOKEN})
    assert r.status_code == 201
    assert any(
        a["name"] == "Ingestco" for a in c.get("/api/entities", params={"q": "Ingestco"}).json()["items"]
    )
    store.close()


def test_static_files_are_served_unminified(client: TestClient) -> None:
    js = client.get("/static/app.js")
    css = client.get("/static/style.css")
    assert js.status_code == css.status_code == 200
    assert js.text.count("\n") > 20 and css.text.count("\n") > 50
