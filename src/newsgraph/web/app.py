"""`newsgraph serve`: the web pages and the REST API over one store.

Routes are thin: each calls one function of `views` (which calls `graph.queries`) and
renders the result as HTML, or returns it as JSON under `/api/`. Nothing reaches a
browser that is not escaped by Jinja, no page runs inline script, and the
Content-Security-Policy says so to the browser too.

    >>> from newsgraph.store import open_store
    >>> app = create_app(open_store("news.db"), token="s3cret")  # doctest: +SKIP
    >>> serve("news.db", port=8000)  # doctest: +SKIP
"""

from __future__ import annotations

import hmac
import json
import os
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode, urlsplit

import anyio
import jinja2
from fastapi import Body, FastAPI, Form, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup, escape
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.graph import queries
from newsgraph.model import CERTAINTIES, FACT_TYPES, SOURCE_KINDS, ArticleFacts, Document
from newsgraph.web import svg, views

HERE = FilePath(__file__).parent
TOKEN_ENV = "NEWSGRAPH_TOKEN"
MAX_INGEST_CHARS = 1_000_000  # a long feature is ~50k characters; more is not an article

# What the browser may do with our pages: our own CSS, JS and images, nothing inline,
# nothing from elsewhere, no framing, forms only back to us.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

STATUSES = (
    "ongoing ended broke_down signed completed terminated rumored announced abandoned blocked "
    "planned made withdrawn pending granted denied revoked launched delayed cancelled "
    "declined_to_comment no_response confirmed appointed departed filed ruled settled fined"
).split()

FactType = Literal[FACT_TYPES]  # type: ignore[valid-type]
Certainty = Literal[CERTAINTIES]  # type: ignore[valid-type]
SourceKind = Literal[SOURCE_KINDS]  # type: ignore[valid-type]
Status = Literal[tuple(STATUSES)]  # type: ignore[valid-type]
Limit = Annotated[int, Query(ge=1, le=views.MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
SearchText = Annotated[str, Query(max_length=200, description="Words to look for.")]
Id = Annotated[str, Path(max_length=200, description="An id as the store gives it.")]


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every response (cheaper than
    BaseHTTPMiddleware, which matters at 20 concurrent clients)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Pure ASGI middleware refusing a request body over `max_bytes` (413) before it is read:
    ingest validates the text's length, but only after the whole body is in memory."""

    def __init__(self, app: Any, max_bytes: int = 4 * MAX_INGEST_CHARS + 65536) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            length = dict(scope.get("headers") or []).get(b"content-length", b"0")
            if not length.isdigit() or int(length) > self.max_bytes:
                await to_json({"detail": "request body too large"}, 413)(scope, receive, send)
                return
            seen = 0

            async def counted() -> dict:
                nonlocal seen
                message = await receive()
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:  # a chunked body that never said its length
                    raise BadInput("request body too large")
                return message

            await self.app(scope, counted, send)
            return
        await self.app(scope, receive, send)


class PageCache:
    """Pure ASGI middleware keeping recent 200 answers to GET requests until the store changes.

    A page is a function of the URL and the store's contents, so the answer is kept under
    (URL, store version) where the version (`views.store_version`) is looked up at most
    once every `check_every` seconds: another process that ingests into the same store is
    seen within that time, an ingest through this app at once. `max_bytes` bounds memory.
    """

    def __init__(self, app: Any, store: Any, max_bytes: int = 64 << 20, check_every: float = 1.0) -> None:
        self.app, self.store = app, store
        self.max_bytes, self.check_every = max_bytes, check_every
        self.entries: OrderedDict[str, tuple[list, bytes]] = OrderedDict()
        self.size = 0
        self.version: Any = None
        self.checked = 0.0
        self.lock = threading.Lock()

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0
            self.checked = 0.0

    async def current_version(self) -> Any:
        now = time.monotonic()
        if now - self.checked > self.check_every:
            version = await anyio.to_thread.run_sync(views.store_version, self.store)
            with self.lock:
                if version != self.version:
                    self.entries.clear()
                    self.size = 0
                self.version, self.checked = version, now
        return self.version

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or path.startswith(("/static/", "/ingest")):
            await self.app(scope, receive, send)
            return
        await self.current_version()
        key = path + "?" + scope.get("query_string", b"").decode("latin-1")
        with self.lock:
            hit = self.entries.get(key)
            if hit:
                self.entries.move_to_end(key)
        if hit:
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    self.put(key, list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def put(self, key: str, headers: list, body: bytes) -> None:
        if len(body) > self.max_bytes // 16:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old:
                self.size -= len(old[1])
            self.entries[key] = (headers, body)
            self.size += len(body)
            while self.size > self.max_bytes and self.entries:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.size -= len(dropped)


class IngestRequest(BaseModel):
    """One article to read into the store: its text, or a URL to fetch it from."""

    text: str | None = Field(default=None, max_length=MAX_INGEST_CHARS)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    published: date | None = None
    outlet: str | None = Field(default=None, max_length=200)


class IngestRefused(Exception):
    """Ingest was asked for but the request may not write (read-only server or bad token)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


class BadInput(Exception):
    """A parameter the route could not use (an unknown filter value, an empty ingest)."""


# ------------------------------------------------------------------------------ rendering


def _jinja_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template is HTML; article text is untrusted
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["visible"] = visible
    env.filters["plain"] = plain
    env.filters["value"] = views.format_value
    env.filters["safe_href"] = safe_href
    env.filters["pathpart"] = pathpart
    env.filters["snippet"] = snippet
    env.globals.update(
        colour=svg.fact_colour,
        describe=views.describe_claim,
        ordered_args=views.ordered_args,
        segments=views.segments,
        evidence_spans=views.evidence_spans,
        version=__version__,
        FACT_TYPES=FACT_TYPES,
        STATUSES=STATUSES,
        CERTAINTIES=CERTAINTIES,
        SOURCE_KINDS=SOURCE_KINDS,
    )
    return env


# Characters that reorder or hide text (bidi overrides and isolates, zero-width joiners):
# in untrusted text they can make "evil.com" read as "moc.live" or hide words, so pages
# show them as visible markers instead of obeying them.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")


def visible(text: Any) -> Markup:
    """Escape `text` and show each invisible or direction-changing character as a marker."""
    escaped = str(escape(str(text)))
    return Markup(
        _INVISIBLE.sub(
            lambda m: (
                f'<span class="ctl" title="U+{ord(m.group()):04X} {unicodedata.name(m.group(), "")}">'
                f"U+{ord(m.group()):04X}</span>"
            ),
            escaped,
        )
    )


def snippet(text: Any) -> Markup:
    """A search snippet, the matched words (between [ and ] from the store) marked."""
    shown = visible(text)
    return Markup(re.sub(r"\[([^\[\]<>]{1,200})\]", r"<mark>\1</mark>", str(shown)))


def plain(text: Any) -> str:
    """`text` without invisible or direction-changing characters (for names and titles)."""
    return _INVISIBLE.sub("", str(text if text is not None else ""))


def safe_href(url: Any) -> str | None:
    """`url` if it is an http(s) link, else None: a `javascript:` URL never becomes a link."""
    if not url:
        return None
    text = str(url).strip()
    if any(ord(c) < 32 for c in text):
        return None
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in ("http", "https") else None


def pathpart(value: Any) -> str:
    """`value` quoted as one URL path segment ('/' and '?' included), for links to ids."""
    return quote(str(value if value is not None else ""), safe="")


def to_json(data: Any, status: int = 200) -> Response:
    """JSON response for any view result (dates and dataclasses become strings)."""
    body = json.dumps(data, ensure_ascii=False, default=_json_default, allow_nan=False)
    return Response(body, status_code=status, media_type="application/json")


def _json_default(value: Any) -> Any:
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def _page_links(request: Request, pg: dict[str, Any], prefix: str = "") -> dict[str, str | None]:
    """Relative URLs of the previous and next page, keeping the other query parameters."""
    params = dict(request.query_params)
    limit, offset = pg["limit"], pg["offset"]

    def at(off: int) -> str:
        p = {**params, f"{prefix}offset": str(off), f"{prefix}limit": str(limit)}
        return f"{request.url.path}?{urlencode(p)}"

    return {
        "prev": at(max(0, offset - limit)) if offset > 0 else None,
        "next": at(offset + limit) if pg["has_more"] else None,
    }


def _api_page(request: Request, pg: dict[str, Any]) -> dict[str, Any]:
    links = _page_links(request, pg)
    return {**pg, "next": links["next"], "prev": links["prev"]}


# ------------------------------------------------------------------------------ the app


def create_app(
    store: Any,
    token: str | None = None,
    extract: Callable[[Document], ArticleFacts] | None = None,
    fetch: Callable[[str], Document] | None = None,
    cache: bool = True,
) -> FastAPI:
    """The FastAPI app over `store`. Ingest needs `token`; without one the app is read-only.

    `extract` turns a Document into ArticleFacts (default: `newsgraph.pipeline.extract`)
    and `fetch` a URL into a Document; tests pass their own. `cache` keeps rendered
    answers until the store changes (see PageCache).
    """
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Business news as a sourced, time-aware knowledge graph. Every list is paginated "
        "with `limit` and `offset` and answers `{items, limit, offset, has_more, next, prev}`.",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN and run inline script
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    env = _jinja_env()
    write_lock = threading.Lock()  # one writer: extraction and store writes run one at a time
    app.state.store = store
    app.state.token = token or None
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def html(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**context), status_code=status)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api/", "/openapi")) and request.url.path != "/api"

    # ---------------------------------------------------------------- errors

    @app.exception_handler(views.NotFound)
    async def not_found(request: Request, exc: views.NotFound) -> Response:
        detail = f"not found: {exc}"
        if wants_html(request):
            return html("error.html", 404, title="Not found", detail=detail)
        return to_json({"detail": detail}, 404)

    @app.exception_handler(BadInput)
    async def bad_input(request: Request, exc: BadInput) -> Response:
        if wants_html(request):
            return html("error.html", 400, title="Bad request", detail=str(exc))
        return to_json({"detail": str(exc)}, 400)

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        # The user's input (an empty text, a non-article page), not our bug.
        if wants_html(request):
            return html("error.html", 422, title="Cannot read this", detail=str(exc))
        return to_json({"detail": str(exc)}, 422)

    @app.exception_handler(IngestRefused)
    async def refused(request: Request, exc: IngestRefused) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        if wants_html(request):
            resp: Response = html("error.html", exc.status, title="Ingest refused", detail=exc.detail)
        else:
            resp = to_json({"detail": exc.detail}, exc.status)
        if headers:
            resp.headers.update(headers)
        return resp

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_html(request) and exc.status_code in (404, 405):
            return html("error.html", exc.status_code, title="Not found", detail=str(exc.detail))
        return to_json({"detail": exc.detail}, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        if wants_html(request):
            detail = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
            return html("error.html", 422, title="Bad request", detail=detail)
        return to_json({"detail": errors}, 422)

    # ---------------------------------------------------------------- pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_html(request: Request, q: SearchText = "", limit: Limit = 20, offset: Offset = 0) -> Response:
        data = views.search_page(store, q, limit, offset)
        return html(
            "search.html",
            data=data,
            q=data["q"],
            entity_links=_page_links(request, data["entities"]),
            article_links=_page_links(request, data["articles"]),
        )

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_html(
        request: Request,
        entity_id: str,
        type: str = "",
        status: str = "",
        certainty: str = "",
        source_kind: str = "",
        since: str = "",
        until: str = "",
        limit: Limit = views.DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Response:
        filters = form_filters(type, status, certainty, source_kind, since, until)
        data = views.entity_page(store, entity_id, filters, limit, offset)
        entity = data["entity"]
        graph = svg.relation_graph(entity, data["counterparties"])
        chart = svg.timeline(data["timeline"], describe=views.describe_claim)
        return html(
            "entity.html",
            data=data,
            e=entity,
            graph=graph,
            chart=chart,
            filters=data["filters"],
            links=_page_links(request, data["facts"]),
        )

    @app.get("/claims/{claim_id}", response_class=HTMLResponse, include_in_schema=False)
    def claim_html(claim_id: str) -> Response:
        return html("claim.html", c=views.claim_page(store, claim_id))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_html(article_id: str) -> Response:
        return html("article.html", a=views.article_page(store, article_id))

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_form() -> Response:
        return html("ingest.html", writable=app.state.token is not None, form={})

    @app.post("/ingest", include_in_schema=False)
    def ingest_html(
        text: Annotated[str, Form(max_length=MAX_INGEST_CHARS)] = "",
        url: Annotated[str, Form(max_length=2000)] = "",
        title: Annotated[str, Form(max_length=1000)] = "",
        published: Annotated[str, Form(max_length=10)] = "",
        outlet: Annotated[str, Form(max_length=200)] = "",
        token: Annotated[str, Form(max_length=1000)] = "",
    ) -> Response:
        check_token(token)
        try:
            day = date.fromisoformat(published) if published else None
        except ValueError:
            raise BadInput(f"published must be a date like 2023-09-06, not {published!r}") from None
        req = IngestRequest(
            text=text or None, url=url or None, title=title or None, published=day, outlet=outlet or None
        )
        result = run_ingest(req)
        return RedirectResponse(f"/articles/{result['article_id']}", status_code=303)

    # ---------------------------------------------------------------- API

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_index() -> Response:
        return html("api.html", spec=app.openapi())

    @app.get("/api/search", summary="Search entities and articles", tags=["search"])
    def api_search(request: Request, q: SearchText = "", limit: Limit = 20, offset: Offset = 0) -> Response:
        data = views.search_page(store, q, limit, offset)
        return to_json(
            {
                "q": data["q"],
                "entities": _api_page(request, data["entities"]),
                "articles": _api_page(request, data["articles"]),
            }
        )

    @app.get("/api/entities", summary="Entities by name or alias", tags=["entities"])
    def api_entities(
        request: Request, q: SearchText = "", limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0
    ) -> Response:
        q = views.clean_query(q)
        pg = views.page(
            lambda lim, off: queries.find_entities(store, q, limit=lim, offset=off), limit, offset
        )
        return to_json(_api_page(request, pg))

    @app.get(
        "/api/entities/{entity_id}",
        summary="One entity: aliases, relations, counterparties",
        tags=["entities"],
    )
    def api_entity(entity_id: Id) -> Response:
        return to_json(views.lookup(queries.entity_view, store, entity_id))

    @app.get(
        "/api/entities/{entity_id}/timeline", summary="An entity's claims in time order", tags=["entities"]
    )
    def api_timeline(
        request: Request, entity_id: Id, limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0
    ) -> Response:
        entity = views.lookup(queries.entity_view, store, entity_id)
        pg = views.page(
            lambda lim, off: queries.timeline(store, entity["id"], limit=lim, offset=off), limit, offset
        )
        return to_json(_api_page(request, pg))

    @app.get("/api/facts", summary="Facts, filtered", tags=["facts"])
    def api_facts(
        request: Request,
        entity: Annotated[str | None, Query(max_length=200)] = None,
        type: FactType | None = None,
        status: Status | None = None,
        certainty: Certainty | None = None,
        source_kind: SourceKind | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: Limit = views.DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Response:
        filters = views.FactFilters(
            type,
            status,
            certainty,
            source_kind,
            since.isoformat() if since else None,
            until.isoformat() if until else None,
        )
        pg = views.page(
            lambda lim, off: queries.list_facts(
                store, entity=entity or None, limit=lim, offset=off, **filters.as_params()
            ),
            limit,
            offset,
        )
        return to_json(_api_page(request, pg))

    @app.get("/api/claims", summary="Claims: facts merged across articles", tags=["claims"])
    def api_claims(
        request: Request,
        entity: Annotated[str | None, Query(max_length=200)] = None,
        type: FactType | None = None,
        limit: Limit = views.DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Response:
        pg = views.page(
            lambda lim, off: queries.list_claims(
                store, entity=entity or None, type=type, limit=lim, offset=off
            ),
            limit,
            offset,
        )
        return to_json(_api_page(request, pg))

    @app.get("/api/claims/{claim_id}", summary="One claim with its sources and conflicts", tags=["claims"])
    def api_claim(claim_id: Id) -> Response:
        return to_json(views.lookup(queries.claim_view, store, claim_id))

    @app.get("/api/articles", summary="Articles by full text", tags=["articles"])
    def api_articles(
        request: Request, q: SearchText = "", limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0
    ) -> Response:
        q = views.clean_query(q)
        pg = views.page(
            lambda lim, off: queries.search_articles(store, q, limit=lim, offset=off), limit, offset
        )
        return to_json(_api_page(request, pg))

    @app.get(
        "/api/articles/{article_id}",
        summary="One article: text, facts with evidence, duplicates",
        tags=["articles"],
    )
    def api_article(article_id: Id) -> Response:
        return to_json(views.article_page(store, article_id))

    @app.post(
        "/api/ingest",
        summary="Read one article (text or URL) into the store",
        tags=["ingest"],
        status_code=201,
        responses={
            401: {"description": "Missing or wrong token"},
            403: {"description": "Server is read-only"},
        },
    )
    def api_ingest(request: Request, body: Annotated[IngestRequest, Body()]) -> Response:
        check_token(request_token(request))
        return to_json(run_ingest(body), 201)

    # ---------------------------------------------------------------- helpers

    def clear_cache() -> None:
        """Forget cached pages after an ingest (the middleware stack is built lazily)."""
        layer = app.middleware_stack
        while layer is not None:
            if isinstance(layer, PageCache):
                layer.clear()
                return
            layer = getattr(layer, "app", None)

    def request_token(request: Request) -> str:
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return request.headers.get("x-newsgraph-token", "")

    def check_token(given: str) -> None:
        expected = app.state.token
        if expected is None:
            raise IngestRefused(
                403, "this server is read-only: start it with --token or NEWSGRAPH_TOKEN to allow ingest"
            )
        if not given or not hmac.compare_digest(given.encode(), expected.encode()):
            raise IngestRefused(401, "ingest needs the server's token (Authorization: Bearer TOKEN)")

    def run_ingest(req: IngestRequest) -> dict[str, Any]:
        if bool(req.text and req.text.strip()) == bool(req.url):
            raise BadInput("give either the article text or its URL")
        published = req.published.isoformat() if req.published else None
        if req.url:
            if not safe_href(req.url):
                raise BadInput("the URL must be http:// or https://")
            doc = (fetch or default_fetch)(req.url)
            doc.title = req.title or doc.title
            doc.published = published or doc.published
            doc.outlet = req.outlet or doc.outlet
        else:
            doc = Document(text=req.text or "", title=req.title, published=published, outlet=req.outlet)
        with write_lock:
            result = (extract or default_extract)(doc)
            summary = store.add_results([result])
        clear_cache()
        return {
            "article_id": result.doc.id,
            "entities": len(result.entities),
            "facts": len(result.facts),
            "note": result.note,
            "summary": _jsonable(summary),
        }

    def form_filters(
        type: str, status: str, certainty: str, source_kind: str, since: str, until: str
    ) -> views.FactFilters:
        """The entity page's filter form: empty means any; an unknown value is a 400."""
        for name, value, allowed in (
            ("type", type, FACT_TYPES),
            ("status", status, STATUSES),
            ("certainty", certainty, CERTAINTIES),
            ("source_kind", source_kind, SOURCE_KINDS),
        ):
            if value and value not in allowed:
                raise BadInput(f"unknown {name}: {value[:50]!r}")
        for name, value in (("since", since), ("until", until)):
            if value:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise BadInput(f"{name} must be a date like 2023-09-06") from None
                if len(value) != 10:
                    raise BadInput(f"{name} must be a date like 2023-09-06")
        return views.FactFilters(
            type or None, status or None, certainty or None, source_kind or None, since or None, until or None
        )

    if cache:
        app.add_middleware(PageCache, store=store)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    return app


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool | list | dict):
        return value
    if hasattr(value, "to_json"):
        return value.to_json()
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    return str(value)


def default_extract(doc: Document) -> ArticleFacts:
    from newsgraph.pipeline import extract

    return extract(doc)


def default_fetch(url: str) -> Document:
    """Download one article and keep its main text (needs the network)."""
    import trafilatura

    from newsgraph.errors import InputNotFound, NotAnArticle

    downloaded = trafilatura.fetch_url(url)
    if not downloaded:
        raise InputNotFound(f"could not download {url}")
    found = trafilatura.bare_extraction(downloaded, url=url, with_metadata=True)
    text = getattr(found, "text", None) if found is not None else None
    if not text:
        raise NotAnArticle(f"no article text found at {url}")
    return Document(
        text=text,
        url=url,
        title=getattr(found, "title", None),
        published=getattr(found, "date", None),
        outlet=getattr(found, "sitename", None),
    )


def app_from_env() -> FastAPI:
    """The app for the store named by NEWSGRAPH_DB (and NEWSGRAPH_TOKEN): what each uvicorn
    worker process builds when `serve` runs several."""
    from newsgraph.store import open_store

    token = os.environ.get(TOKEN_ENV) or None
    store = open_store(os.environ["NEWSGRAPH_DB"], create=False)
    return create_app(store, token=token, cache=os.environ.get("NEWSGRAPH_WEB_CACHE", "1") != "0")


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    workers: int = 1,
) -> None:
    """Open the store at `db` and serve it until interrupted. Read-only without a token.

    A read-only server needs an existing store; with a token an empty one is created, to
    be filled through the ingest page. `workers` > 1 runs that many processes (reads scale
    with cores; SQLite serializes the writes).
    """
    import click
    import uvicorn

    from newsgraph.store import open_store

    token = token or os.environ.get(TOKEN_ENV) or None
    store = open_store(db, create=token is not None)  # fails early on a missing store
    mode = "ingest allowed with the token" if token else "read-only"
    click.echo(f"newsgraph: serving {db} on http://{host}:{port}/ ({mode}); Ctrl-C stops", err=True)
    common = {"host": host, "port": port, "log_level": "warning", "access_log": False}
    if workers <= 1:
        app = create_app(store, token=token, cache=os.environ.get("NEWSGRAPH_WEB_CACHE", "1") != "0")
        uvicorn.run(app, **common)
        return
    store.close()
    os.environ["NEWSGRAPH_DB"] = db
    if token:
        os.environ[TOKEN_ENV] = token
    uvicorn.run("newsgraph.web.app:app_from_env", factory=True, workers=workers, **common)
