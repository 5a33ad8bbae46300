"""read_sources never crashes: any bytes, under any name, give Documents and Rejected only."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest import Rejected, read_sources
from newsgraph.model import Document

EXTENSIONS = ["", ".txt", ".html", ".jsonl", ".xml", ".rss", ".atom", ".warc", ".warc.gz", ".json", ".bin"]
# Random bytes rarely get past a reader's first check; these prefixes lead them deeper in.
PREFIXES = [
    b"",
    b"\xef\xbb\xbf",
    b"WARC/1.0\r\n",
    b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
    b"<?xml version='1.0'?><rss version='2.0'><channel><item><description>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
    b"<html><head><meta property='article:published_time' content='",
    b'{"text": "',
    b"<p>",
]

SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "150")),
    deadline=None,  # the first trafilatura call loads its models
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check(items: list) -> None:
    for item in items:
        assert isinstance(item, Document | Rejected)
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.text.strip()
            assert item.published is None or len(item.published) == 10


@SETTINGS
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=2048),
    ext=st.sampled_from(EXTENSIONS),
    gz=st.booleans(),
)
def test_any_bytes_never_crash(prefix, body, ext, gz):
    data = prefix + body
    if gz:
        data = gzip.compress(data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        check(list(read_sources([str(path)])))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=200),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
articles = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(max_size=20) | st.integers(),
        "url": st.text(max_size=40),
        "title": st.text(max_size=40),
        "published": st.text(max_size=30) | st.dates().map(str),
        "outlet": st.text(max_size=20),
        "text": st.text(max_size=300),
        "html": st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p></body></html>"),
    },
)


@SETTINGS
@given(lines=st.lists(articles | json_values, max_size=6))
def test_any_jsonl_never_crashes(lines):
    data = "\n".join(json.dumps(line) for line in lines).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.jsonl"
        path.write_bytes(data)
        items = list(read_sources([str(path)]))
    check(items)
    assert len(items) == max(len(lines), 1)  # one item per line; an empty file is one Rejected
