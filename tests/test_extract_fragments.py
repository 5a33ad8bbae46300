"""Lines with no verb at all (headlines, captions, list items) must not stall the extraction.

Climbing the parse to the governing verb stops at the root; spaCy makes a new Token object on
every access, so the root test must compare positions, not identities (`tok.head is tok` is
never true), or the climb never ends.
"""

from __future__ import annotations

import threading

import pytest

from newsgraph.model import Document
from newsgraph.pipeline import extract

FRAGMENTS = [
    "Acme Corp. and its rivals.",
    "Shares of Widget Inc., its biggest customer.",
    "Its shares: up 5% on the day.",
    "The company's new chief executive, its third in two years.",
]


@pytest.mark.parametrize("text", FRAGMENTS)
def test_verbless_lines_finish(nlp_pipeline, text: str) -> None:
    done: list[object] = []
    worker = threading.Thread(
        target=lambda: done.append(extract(Document(text), nlp=nlp_pipeline)), daemon=True
    )
    worker.start()
    worker.join(timeout=60)
    assert done, f"extraction did not finish on {text!r}"
