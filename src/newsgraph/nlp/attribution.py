"""Attribution and certainty: who says a sentence, and how sure it is.

A sentence's source is the speaker of its reporting verb ("people familiar with the matter
said", "Bloomberg reported", "according to a filing"); "the people said" and "they added"
carry the last anonymous source on. Certainty is read at the fact's trigger by
`certainty_at`, so a hedge in one clause does not soften a fact in another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.shared import all_sentences, doc_tokens, entity_of, sent_of, span_text

SPEECH_VERBS = {
    "say", "report", "tell", "add", "state", "note", "write", "claim", "cite", "disclose", "confirm",
    "announce", "show", "indicate", "reveal", "explain", "warn", "acknowledge", "argue", "comment", "declare",
}  # fmt: skip
ANON_NOUNS = {"people", "person", "source", "sources", "insider", "insiders", "official", "officials", "executive",
              "executives", "banker", "bankers", "individual", "individuals"}  # fmt: skip
ANON_CUES = re.compile(
    r"familiar with|knowledge of|asked not to be (?:identified|named)|declined to be (?:identified|named)|"
    r"speaking on condition of anonymity|requested anonymity|who (?:asked|declined)|briefed on|not authori[sz]ed|"
    r"close to the|direct knowledge",
    re.I,
)
SPOKES = {"spokesperson", "spokesman", "spokeswoman", "representative", "representatives", "spokespeople",
          "statement", "filing", "release", "announcement"}  # fmt: skip
DOCUMENT_NOUNS = {
    "filing",
    "statement",
    "release",
    "document",
    "documents",
    "report",
    "announcement",
    "data",
    "survey",
}
HEDGE_MODALS = {"may", "might", "could", "would"}
HEDGE_LEMMAS = {"consider", "weigh", "explore", "mull", "contemplate", "study", "evaluate", "potential", "possible",
                "possibly", "likely", "probably", "reportedly", "perhaps", "speculate", "rumor", "rumour"}  # fmt: skip
NO_CERTAINTY = re.compile(
    r"no certainty|not certain|no guarantee|no final decision|not (?:yet )?been finali[sz]ed|could (?:still )?fall apart|"
    r"may not|might not|far from final|uncertain|no decision has been made|could change",
    re.I,
)
DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|baseless|untrue|not true|groundless|unfounded|false|fake news|rejected the report|"
    r"dismissed the report|is not in talks|are not in talks|was not in talks|no plans? to|not aware of)\b",
    re.I,
)


@dataclass(slots=True)
class Attribution:
    kind: str  # anonymous | person | organization | publication | document
    name: str | None
    cue: int  # token index of the reporting verb / "according"
    speaker: str | None = None  # entity key of a named speaker

    def as_source(self):
        from newsgraph.model import Source

        return Source(self.kind, self.name)


class AttributionReader:
    """Component `newsgraph_attribution`: doc._.attributions maps a sentence start to its source."""

    def __init__(self, nlp=None, name: str = "newsgraph_attribution"):
        pass

    def __call__(self, doc: Doc) -> Doc:
        out: dict[int, Attribution] = {}
        last_anon: Attribution | None = None
        last: Attribution | None = None
        for sent in all_sentences(doc):
            att = self.sentence_source(doc, sent, last_anon, last) or _headline_sources(doc, sent)
            if att:
                out[sent.start] = att
                last = att
                if att.kind == "anonymous":
                    last_anon = att
        doc._.attributions = out
        return doc

    def sentence_source(self, doc: Doc, sent: Span, last_anon, last) -> Attribution | None:
        toks = doc_tokens(doc)
        words = toks[sent.start : sent.end]
        for tok in words:
            if tok.lower_ == "according" and tok.i + 1 < sent.end and toks[tok.i + 1].lower_ == "to":
                objs = [c for c in toks[tok.i + 1].children if c.dep_ == "pobj"]
                if objs:
                    return self.classify(doc, objs[0], tok.i, last_anon, last)
        cues = [
            t
            for t in words
            if t.lemma_ in SPEECH_VERBS and t.pos_ in ("VERB", "AUX") and not _reports_figures(t)
        ]
        for verb in cues:
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            att = self.classify(doc, subj[0], verb.i, last_anon, last)
            if att:
                return att
        return None

    def classify(self, doc: Doc, head: Token, cue: int, last_anon, last) -> Attribution | None:
        entities = doc._.entities
        phrase = doc[head.left_edge.i : head.right_edge.i + 1]
        text = span_text(phrase)
        low = head.lower_
        if head.pos_ == "PRON" and low in ("they",):
            return Attribution(last_anon.kind, last_anon.name, cue) if last_anon else None
        if head.pos_ == "PRON" and low in ("it", "he", "she") and not entity_of(head):
            return Attribution(last.kind, last.name, cue, last.speaker) if last else None
        if low in ANON_NOUNS or ANON_CUES.search(text):
            if ANON_CUES.search(text) or low in ("people", "sources", "source", "person", "insiders"):
                name = text if len(text) < 90 else doc[head.left_edge.i : head.i + 1].text
                if phrase[0].lower_ == "the" and low == "people" and last_anon:
                    return Attribution("anonymous", last_anon.name, cue)
                return Attribution("anonymous", name, cue)
        key = entity_of(head) or _entity_in(phrase)
        if low in SPOKES:
            key = _entity_in(phrase) or key
            if key and low not in DOCUMENT_NOUNS:
                return Attribution("organization", entities[key].name, cue, key)
            return Attribution(
                "document" if not key else "organization", key and entities[key].name, cue, key
            )
        if key:
            info = entities[key]
            if info.kind == "publication":
                return Attribution("publication", info.name, cue, key)
            if info.type == "PERSON":
                return Attribution("person", info.name, cue, key)
            return Attribution("organization", info.name, cue, key)
        if low in ("analyst", "analysts", "economist", "economists", "experts", "expert"):
            return Attribution("organization", text, cue)
        if head.pos_ == "PROPN" and any(c.lower_ in FIRM_WORDS for c in head.children if c.i < head.i):
            # "research firm CRIC": a name the tagger missed
            return Attribution("organization", head.text, cue)
        if low in ("media", "newspaper", "newspapers", "outlets", "press", "broadcaster"):
            return Attribution("publication", text, cue)  # "Korean media have reported"
        if low in DOCUMENT_NOUNS:
            return Attribution("document", text, cue)
        return None


FIRM_WORDS = {"firm", "consultancy", "provider", "tracker", "researcher", "house", "agency", "group", "company"}  # fmt: skip
FIGURE_WORDS = {"income", "profit", "loss", "revenue", "revenues", "sales", "earnings", "margin", "deliveries",
                "growth", "results", "decline", "increase", "rise", "drop"}  # fmt: skip


def _reports_figures(verb: Token) -> bool:
    """'Xiaomi reported net income of...', 'X announced a deal': the verb is the news, not a source."""
    if verb.lemma_ not in ("report", "show", "disclose"):
        return False
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return False  # "Bloomberg reported that..."
    return any(
        c.dep_ in ("dobj", "attr") and any(t.like_num or t.lower_ in FIGURE_WORDS for t in c.subtree)
        for c in verb.children
    )


# "Acme in talks to buy Widget - sources": wire headlines tag an anonymous source at the end.
HEADLINE_SOURCES = re.compile(r"\s[-\u2013\u2014:]\s*(?:sources?|insiders?|people familiar)\s*$", re.I)


def _headline_sources(doc: Doc, sent: Span) -> Attribution | None:
    text = span_text(sent).rstrip()
    m = HEADLINE_SOURCES.search(text)
    if not m:
        return None
    last = max((t.i for t in sent if not t.is_space), default=sent.start)
    return Attribution("anonymous", m.group().strip(" -\u2013\u2014:"), last)


def _entity_in(span: Span) -> str | None:
    for tok in span:
        if entity_of(tok):
            return entity_of(tok)
    return None


def source_at(doc: Doc, tok: Token):
    """The Attribution of the sentence that holds `tok`, or None (the article's own voice)."""
    att = doc._.attributions.get(sent_of(tok).start)
    return att


def certainty_at(doc: Doc, trigger: Token, attributed: bool) -> str:
    """asserted / reported / possible / denied for a fact whose key word is `trigger`."""
    sent = sent_of(trigger)
    scope = _clause(trigger)
    words = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
    if DENIAL.search(span_text(sent)) and _denial_governs(trigger):
        return "denied"
    if any(t.lower_ in HEDGE_MODALS for t in scope if t.dep_ == "aux") or words & HEDGE_LEMMAS:
        return "possible"
    if NO_CERTAINTY.search(span_text(doc[scope[0].i : scope[-1].i + 1]) if scope else span_text(sent)):
        return "possible"
    return "reported" if attributed else "asserted"


def _clause(trigger: Token) -> list[Token]:
    """The trigger, its auxiliaries and modifiers, and the verbs that govern it up to the clause."""
    out = [trigger]
    out += [c for c in trigger.children if c.dep_ in ("aux", "auxpass", "amod", "advmod", "neg", "compound")]
    tok = trigger
    hops = 0
    while tok.head.i != tok.i and hops < 4:
        if tok.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "conj"):
            break
        tok = tok.head
        hops += 1
        out.append(tok)
        out += [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    return sorted(set(out), key=lambda t: t.i)


def _denial_governs(trigger: Token) -> bool:
    tok = trigger
    for _ in range(6):
        if tok.lemma_ in ("deny", "dismiss", "reject") or any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    sent = span_text(sent_of(trigger))
    return bool(re.search(r"baseless|untrue|not true|groundless|unfounded", sent, re.I))
