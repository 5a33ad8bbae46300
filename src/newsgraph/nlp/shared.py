"""Per-Doc values that several components read, computed once and kept on doc.user_data.

spaCy rebuilds these on every access: `doc.text` and `span.text` join the text of new
Token objects, `doc[i]` and iterating a Doc or Span create a Token each, `doc.sents` and
`token.sent` make new Spans. The text of a Doc never changes once it is tokenized, nor its
sentences once it is parsed, so the caches stay true for the Doc's whole life.
FactAssembler drops them (CACHE_KEYS) when the facts are done.

`Hint` is a cheap test, on words, that a costly pattern cannot match a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

TEXT = "newsgraph_text"
TOKENS = "newsgraph_tokens"
ENTITY_AT = "newsgraph_entity_at"
SENTS = "newsgraph_all_sentences"
SENT_STARTS = "newsgraph_sentence_starts"
CACHE_KEYS = (TEXT, TOKENS, ENTITY_AT, SENTS, SENT_STARTS)


def doc_text(doc: Doc) -> str:
    """doc.text, joined once."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def span_text(span: Span) -> str:
    """span.text (the span's characters without its trailing whitespace), cut from doc_text."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """span_text(doc[start:end]) for end > start, without making the Span."""
    toks = doc_tokens(doc)
    return doc_text(doc)[toks[start].idx : toks[end - 1].idx + len(toks[end - 1].text)]


def doc_tokens(doc: Doc) -> list[Token]:
    """All tokens as one list per Doc: iterating a Doc or indexing it builds new Token objects."""
    toks = doc.user_data.get(TOKENS)
    if toks is None:
        toks = doc.user_data[TOKENS] = list(doc)
    return toks


def all_sentences(doc: Doc) -> list[Span]:
    """doc.sents as a list, computed once."""
    sents = doc.user_data.get(SENTS)
    if sents is None:
        sents = doc.user_data[SENTS] = list(doc.sents)
    return sents


def sent_of(tok: Token) -> Span:
    """tok.sent, found among all_sentences: Token.sent scans the sentence marks for each call."""
    doc = tok.doc
    starts = doc.user_data.get(SENT_STARTS)
    if starts is None:
        starts = doc.user_data[SENT_STARTS] = [s.start for s in all_sentences(doc)]
    return all_sentences(doc)[bisect_right(starts, tok.i) - 1]


def set_entity(tok: Token, key: str) -> None:
    """tok._.entity = key, noted also in the per-Doc index that `entity_of` reads."""
    tok._.entity = key
    tok.doc.user_data.setdefault(ENTITY_AT, {})[tok.i] = key


def entity_of(tok: Token) -> str | None:
    """tok._.entity, read from the per-Doc index where `set_entity` made one: spaCy's extension lookup
    builds an Underscore object on every read, and the extractors read entities in every loop."""
    index = tok.doc.user_data.get(ENTITY_AT)
    return index.get(tok.i) if index is not None else tok._.entity


class Hint:
    """Words one of which every match of some pattern holds: a cheap test that the pattern cannot match.

    `absent(text)` is True only where no word occurs, so skipping the pattern then changes nothing.
    For ASCII text, `word in text.lower()` is exactly what a re.IGNORECASE pattern of the word finds;
    other text can hold letters that re.IGNORECASE folds to ASCII ones ('ſ' to 's', the Kelvin sign
    to 'k'), so it is asked of a pattern of the words with that flag.
    """

    def __init__(self, *words: str):
        self.words = tuple(w.lower() for w in words)
        self.rx = re.compile("|".join(re.escape(w) for w in self.words), re.IGNORECASE)

    def absent(self, text: str, low: str | None = None) -> bool:
        """No word in `text` (`low` is text.lower(), where the caller has it already)."""
        low = text.lower() if low is None else low
        if any(w in low for w in self.words):
            return False
        return text.isascii() or self.rx.search(text) is None
