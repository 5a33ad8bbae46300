"""extract never raises: any unicode text gives an ArticleFacts whose JSON is the FACTS.md shape,
whose evidence offsets lie inside the text, and which batch mode (nlp.pipe) gives alike."""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import ArticleFacts, Document
from newsgraph.pipeline import extract, extract_many

# Random characters rarely reach an extractor; these fragments of business copy lead them in,
# and the random text between them breaks them in odd places.
FRAGMENTS = [
    "Xiaomi Corp. is in talks with BAIC", "people familiar with the matter said", "Bloomberg reported",
    "agreed to buy Widget Inc. for $2 billion", "net income of 3.67 billion yuan ($503 million)",
    "in the three months ended June", "Revenue slid by 4%", "declined to comment", "next year",
    "the regulator approved", "Beijing has tightened rules", "appointed Jane Doe as chief executive",
    "sued Acme Corp.", "less than 5%", "Q3", "the company", "it", "\n", ". ", "(", ")", "“", "”",
]  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=30).map(" ".join),
)


@settings(
    max_examples=int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=TEXT, published=st.sampled_from([None, "2023-09-06", "2024-02-29"]))
def test_extract_never_raises(nlp_pipeline: Any, text: str, published: str | None) -> None:
    result = extract(Document(text, published=published), nlp=nlp_pipeline)
    assert isinstance(result, ArticleFacts)
    out = json.loads(json.dumps(result.to_json()))
    ids = {e["id"] for e in out["entities"]}
    for f in out["facts"]:
        assert f["evidence"]
        for ev in f["evidence"]:
            assert 0 <= ev["start"] < ev["end"] <= len(text)
        for value in f["args"].values():
            if isinstance(value, str) and value.startswith("e") and value[1:].isdigit():
                assert value in ids
    batch = list(extract_many([Document(text, published=published)]))
    assert [r.to_json() for r in batch] == [result.to_json()]
