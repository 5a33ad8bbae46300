"""Schemathesis against /openapi.json: no request it can generate gets a 500.

Bounded (a few dozen examples per operation) so the whole file runs in well under a minute.
Ingest is called with the token, so its writing path is fuzzed too (with a stand-in
extractor: this is about the web layer, not about spaCy).
"""

from __future__ import annotations

import warnings

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from newsgraph.model import ArticleFacts, Document, Entity, Fact
from newsgraph.web.app import create_app
from newsgraph.web.demo import build_demo_store

with warnings.catch_warnings():
    # Starlette 1.x asks for the httpx2 fork in its TestClient (schemathesis drives the app
    # through it); httpx still works.
    warnings.simplefilter("ignore")
    import starlette.testclient  # noqa: F401

TOKEN = "schema-token"


def fake_extract(doc: Document) -> ArticleFacts:
    end = max(1, min(len(doc.text), 40))
    return ArticleFacts(
        doc,
        [Entity("e1", "Fuzzco", "ORG"), Entity("e2", "Otherco", "ORG")],
        [Fact("talks", {"party": "e1", "counterparty": "e2"}, [(0, end)])],
    )


OPERATIONS = [
    "GET /api/search",
    "GET /api/entities",
    "GET /api/entities/{entity_id}",
    "GET /api/entities/{entity_id}/timeline",
    "GET /api/facts",
    "GET /api/claims",
    "GET /api/claims/{claim_id}",
    "GET /api/articles",
    "GET /api/articles/{article_id}",
    "POST /api/ingest",
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):
    store = build_demo_store(str(tmp_path_factory.mktemp("schema") / "schema.db"))
    app = create_app(
        store, token=TOKEN, extract=fake_extract, fetch=lambda url: Document(text=f"Fetched {url}.")
    )
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()


def test_every_operation_is_fuzzed(api_schema) -> None:
    assert sorted(r.ok().label for r in api_schema.get_all_operations()) == sorted(OPERATIONS)


# Schemathesis' own pytest plugin does not run on pytest 9 yet, so each operation's
# Hypothesis strategy is driven here directly: same generated requests, same check.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("label", OPERATIONS)
def test_no_generated_request_gets_a_server_error(api_schema, label: str, mode: GenerationMode) -> None:
    operation = api_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def check(case) -> None:
        response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
        case.validate_response(response, checks=[not_a_server_error])

    check()
