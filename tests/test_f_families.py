"""Sentences that look like one fact family but state none (held-out false alarms, our own wording)."""

from newsgraph.model import Document
from newsgraph.pipeline import extract


def _types(nlp, text):
    return [f.type for f in extract(Document(text, published="2024-05-15"), nlp=nlp).facts]


def test_a_dated_plan_and_an_awaited_decision_are_no_outlooks(nlp_pipeline):
    assert "forecast" not in _types(
        nlp_pipeline, "Acme Corp. said it expected to fly its first jets on Friday."
    )
    text = "Acme Corp.'s application is under review, and the company expects a decision next year."
    assert "forecast" not in _types(nlp_pipeline, text)


def test_a_regulators_objection_to_a_deal_is_no_outlook(nlp_pipeline):
    text = "The European Commission had warned Acme Corp. that the deal could hurt competition."
    assert "forecast" not in _types(nlp_pipeline, text)
