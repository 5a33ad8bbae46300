"""Is this English? A stop-word count: cheap, offline, and right for article-length text."""

from __future__ import annotations

import re

from newsgraph.model import Document

COMMON = set(
    "the of and to in a is that for on with as was by at it from be are has have said its an will which this "
    "were their not but or been had more after also would about than into over year company".split()
)


def english_share(text: str) -> float:
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return 0.0
    return sum(w in COMMON for w in words) / len(words)


def check_language(document: Document) -> str | None:
    """None for English; else a note saying why no facts were read."""
    words = re.findall(r"[^\W\d_]+", document.text)
    if len(words) < 12:
        return None  # too short to judge; a headline is still worth reading
    share = english_share(document.text)
    # English news prose runs at 25-40% of these words; other Latin-script languages at
    # under 5%, and CJK text has almost none.
    if share < 0.08:
        document.language = "und"
        return "not English (too few common English words); no facts extracted"
    return None
