"""The indexed attribute ruler gives every token the POS, morphology and lemma spaCy's own gives it."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from newsgraph.nlp.attribute_rules import IndexedAttributeRuler
from newsgraph.pipeline import load_pipeline

DEVSET = Path(__file__).resolve().parents[1] / "devset"
# Contractions and colloquial spellings are what the ruler's few multi-token and regex patterns are for.
COLLOQUIAL = (
    "Y'all know we ain't gonna sell, and I'd say nothin' changes. Let's c'mon and see; there's a buyer "
    "who does want it, and it is there that they did do the deal. Lemme show you what we've got ta do."
)


def annotations(doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    """newsgraph's pipeline, and a second one alike but for spaCy's own AttributeRuler."""
    full = load_pipeline()
    plain = load_pipeline.__wrapped__()
    patterns = plain.get_pipe("attribute_ruler").patterns
    plain.replace_pipe("attribute_ruler", "attribute_ruler").add_patterns(patterns)
    ours = [n for n in full.pipe_names if n.startswith("newsgraph_") and n != "newsgraph_sentence_ends"]
    return plain, full, ours


def test_the_full_pipeline_uses_the_indexed_ruler(pipelines):
    plain, full, _ = pipelines
    assert isinstance(full.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert type(plain.get_pipe("attribute_ruler")) is AttributeRuler


def test_every_token_is_annotated_as_spacy_annotates_it(pipelines):
    plain, full, ours = pipelines
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("*.txt"))[:30]] + [COLLOQUIAL]
    for text, a, b in zip(
        texts, plain.pipe(texts, disable=ours), full.pipe(texts, disable=ours), strict=True
    ):
        assert annotations(a) == annotations(b), text[:60]


def test_a_pattern_it_cannot_index_is_still_matched():
    nlp = spacy.blank("en")
    ruler = IndexedAttributeRuler(nlp.vocab, "ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"TAG": "JJ"}, index=-1)
    ruler.add([[{"LOWER": {"IN": ["deal", "merger"]}}]], {"TAG": "NN"})
    doc = ruler(nlp("a very very big deal"))
    assert [t.tag_ for t in doc] == ["", "", "", "JJ", "NN"]
