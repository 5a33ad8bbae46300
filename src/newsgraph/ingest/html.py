"""HTML pages -> article Documents: trafilatura finds the text, title and site; htmldate the date.

The pipeline, each step with a fallback:
  text     trafilatura main-content extraction (its own fallbacks: readability, jusText)
  title    the page's metadata (og:title, <title>, <h1>), else the caller's
  date     htmldate via trafilatura, original publication date from the page's metadata
           only, else the caller's fallback (a WARC-Date, the user's --published)
  outlet   og:site_name / publisher metadata, else the URL's host name

    >>> doc = read_html(open("page.html", "rb").read(), "page.html", url="https://example.com/a")
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import trafilatura

from newsgraph.ingest.common import Item, Rejected, iso_date, short_error
from newsgraph.model import Document

# Without extensive search htmldate reads only the page's metadata and markup, not dates
# that happen to appear in the prose ("Copyright 2019", "the 2021 deal"), which are the
# wrong date for an article far more often than the right one.
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}

# A nav-only page still yields text from trafilatura's fallbacks ("Home\nMarkets"). An
# article has at least one sentence: a line of several words ending like a sentence.
MIN_WORDS = 12
MIN_SENTENCE_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "tr", "pre", "section", "article", "header", "footer", "figcaption", "table",
}  # fmt: skip


def read_html(
    data: bytes | str,
    label: str,
    *,
    url: str | None = None,
    fallback_date: str | None = None,
) -> Item:
    """One page as a Document, or Rejected("… no article text found"). `label` names it in reasons."""
    try:
        result = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            # Reader comments are not the article: facts found there are false alarms.
            include_comments=False,
            # Table cells come out as run-on lines that read as broken sentences.
            include_tables=False,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # lxml/trafilatura on hostile markup: report it and go on
        return Rejected(url or label, f"{label}: could not parse the HTML ({short_error(exc)})")
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not looks_like_article(text):
        return Rejected(url or label, f"{label}: no article text found")
    return Document(
        text=text,
        url=url or _none_if_blank(getattr(result, "url", None)),
        title=_none_if_blank(getattr(result, "title", None)),
        published=iso_date(getattr(result, "date", None)) or fallback_date,
        outlet=_outlet(getattr(result, "sitename", None), url or getattr(result, "url", None)),
    )


def looks_like_article(text: str) -> bool:
    """True when the text has some prose: enough words and at least one sentence."""
    if len(text.split()) < MIN_WORDS:
        return False
    return any(
        len(line.split()) >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(line) for line in text.splitlines()
    )


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content): one line per block, no tags.

    Plain text passes through. Markup that lxml cannot parse gives ''.
    """
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _outlet(sitename: str | None, url: str | None) -> str | None:
    name = _none_if_blank(sitename)
    if name:
        return name
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # a malformed URL from a crawl or a JSONL line
        host = None
    return host.removeprefix("www.") if host else None


def _none_if_blank(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
