"""Lines: sentence starts at line breaks, and which lines are not the article.

The small pipelines run headlines and bullets into the next sentence; a headline
is a sentence of its own. Junk lines ("Read more:", bylines, newsletter prompts, photo
credits) are kept in the text, so offsets stay true, but no fact is read from them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from newsgraph.nlp.shared import doc_text, doc_tokens

# Why each: these open lines that a page wraps around the article, never part of it.
JUNK_LINE = re.compile(
    r"""^\s*(?:
        (?:read|see)\s+(?:more|also)\b | also\s+read\b | related(?:\s+(?:post|story|stories|coverage|articles?))?\s*: |
        more\s+from\b | recommended\b | trending\b | most\s+read\b | watch\s*: | listen\s*: | video\s*: |
        (?:sign\s+up|subscribe)\b | newsletter\b | get\s+(?:the|our)\b.*\bnewsletter |
        photo(?:graph)?\s*: | image\s*: | \(?(?:photo|image|picture)\s+(?:by|credit|courtesy)\b | file\s+photo\b |
        by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:,|\||\band\b|$) | reporting\s+by\b | editing\s+by\b |
        (?:posted|published|updated|last\s+updated)\s*(?:by\b|on\b|at\b|:) | .*\|\s*\d+\s+min(?:ute)?s?\s+read\b |
        writing\s+by\b | additional\s+reporting\b | \(reporting\b | share\s+(?:this|on)\b | follow\s+us\b |
        click\s+here\b | advertisement\s*$ | cookie | copyright\b | ©
    )""",
    re.IGNORECASE | re.VERBOSE,
)


# "SEOUL, July 7 (Reuters) -", "SAN MATEO, Calif., Sept. 10, 2024 --", "PARIS -": a place and
# date opening the first paragraph. Names in it are where the story was filed, not actors.
DATELINE = re.compile(r"^\s*(?:By\s[^\n]{0,40}?\s)?[A-Z][A-Z.'’&]+(?:[ ,/][^\n]{0,80}?)?\s(?:--|—|–|-)\s")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    out = []
    for s, e in line_spans(text):
        m = DATELINE.match(text[s:e])
        if m and not re.search(r"\b(?:said|says|will|has|have|is|are|was)\b", m.group()):
            out.append((s, s + m.end()))
    return out


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


# Headings of a press release's closing boilerplate: company profile, safe-harbor text, contacts.
# Everything from one to the end is the issuer describing itself, not news.
BOILERPLATE_HEADING = re.compile(
    r"""^\s*(?:
        [Aa]bout\s+(?:the\s+)?[A-Z][^\n.]{0,60} |
        (?i:forward[- ]looking\s+statements?|safe\s+harbou?r(?:\s+statement)?|cautionary\s+(?:note|statement)s?
            (?:\s+regarding\s+forward[- ]looking\s+statements?)?) |
        (?i:(?:media|investor|press)\s+(?:contacts?|relations|inquiries)|contacts?)
    )\s*:?\s*$""",
    re.VERBOSE,
)


def junk_spans(text: str) -> list[tuple[int, int]]:
    out = []
    boilerplate = False
    for s, e in line_spans(text):
        line = text[s:e]
        boilerplate = boilerplate or bool(BOILERPLATE_HEADING.match(line))
        if boilerplate or JUNK_LINE.match(line):
            out.append((s, e))
    return out


# "agreed to buy Widget Inc. The deal ...": the abbreviation's dot ends the sentence too. The small
# parser then reads "Inc." as the full stop and loses the name as the verb's object.
_OPENERS = ("The|It|Its|He|She|They|We|This|That|These|Those|His|Her|Their|Our|In|On|At|As|But|And|A|An|"
            "Shares|Analysts|According|Under|After|Before|For|With|While|There|If|When|Last|Earlier|"
            "Separately|Meanwhile|Both|Such|Some")  # fmt: skip
FINAL_ABBREVIATION = re.compile(
    rf"\b(?:Inc|Corp|Co|Cos|Ltd|Plc|Bros|LLC|L\.P|S\.A|N\.V|A\.G)\.(?=[ \t]*(?:\n|$)|\s+(?:{_OPENERS})\b)"
)


def split_final_abbreviations(doc: Doc) -> Doc:
    """Split the dot off a company suffix that ends a sentence, before the tagger and parser read it."""
    ends = {m.end() for m in FINAL_ABBREVIATION.finditer(doc.text)}
    if not ends:
        return doc
    with doc.retokenize() as retokenizer:
        for tok in doc:
            if tok.idx + len(tok.text) in ends and len(tok.text) > 1:
                retokenizer.split(tok, [tok.text[:-1], "."], heads=[(tok, 1), (tok, 1)])
    return doc


BULLETS = {"-", "•", "*", "–", "—", "·", "▪", "►", "‣", "○"}


def mark_lines(doc: Doc) -> Doc:
    """Start a sentence after every line break; record junk lines on doc._.junk."""
    toks = doc_tokens(doc)
    text = doc_text(doc)
    # The tokens and their trailing whitespace tile the text: the token holding a line break is the
    # last one starting at or before it. Looked up per break, not tested per token.
    for m in re.finditer("\n", text):
        i = bisect_right(toks, m.start(), key=lambda t: t.idx)
        if i < len(toks):
            toks[i].is_sent_start = True
            if toks[i].text in BULLETS and i + 1 < len(toks):
                toks[i + 1].is_sent_start = False  # "- Expected to deliver ...": one line, one bullet
    doc._.junk = junk_spans(text)
    doc._.datelines = dateline_spans(text)
    return doc


def in_junk(doc: Doc, start_char: int) -> bool:
    return any(s <= start_char < e for s, e in doc._.junk)
