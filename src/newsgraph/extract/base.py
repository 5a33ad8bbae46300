"""What every fact extractor shares: reading arguments off the parse, and building a Fact.

An extractor finds its trigger words in a sentence, then asks these helpers who did it
(`agents`), to whom (`patients`, `prep_entities`), for how much (`money_near`) and when
(`time_near`). The helpers follow the shapes news sentences take: "X has held talks with
Y" (subject of the governing verb), "X agreed to buy Y" (xcomp), "Y was acquired by X"
(passive agent), "X, which agreed to buy Y" (relative clause), lists ("Y and Z"),
"carmakers including Y and Z", and appositions.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Fact, Source
from newsgraph.nlp.attribution import certainty_at, source_at
from newsgraph.nlp.lines import BULLETS, in_junk
from newsgraph.nlp.shared import all_sentences, doc_tokens, entity_of, sent_of, span_text

log = logging.getLogger("newsgraph.extract")

SUBJ = ("nsubj", "nsubjpass", "csubj")
CLIMB = ("xcomp", "conj", "advcl", "pcomp", "acl", "ccomp", "dobj", "pobj", "prep", "attr", "oprd", "acomp")


class FactExtractor:
    """Base of the per-family components: `__call__` finds facts and appends them to doc._.facts."""

    fact_type = ""

    def __init__(self, nlp=None, name: str = ""):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts  # read once: each doc._ read builds an Underscore object
        for sent in sentences(doc):
            try:
                found = list(self.match(doc, sent))
            except Exception:  # noqa: BLE001
                # A rule that breaks on one sentence of one article costs that sentence's facts of
                # this family, not the article or the batch it came in; the log says where.
                log.warning("%s skipped the sentence at character %d: %r", self.name or self.fact_type,
                            sent.start_char, span_text(sent)[:80])  # fmt: skip
                log.debug("the error", exc_info=True)
                continue
            facts.extend(found)
        return doc

    def match(self, doc: Doc, sent: Span) -> Iterable[Fact]:
        raise NotImplementedError

    # -- building a fact ------------------------------------------------------------
    def fact(
        self,
        doc: Doc,
        trigger: Token,
        args: dict,
        status: str | None = None,
        time=None,
        certainty: str | None = None,
        source: Source | None = None,
    ) -> Fact:
        att = source_at(doc, trigger)
        if source is None:
            source = att.as_source() if att else Source("document", None)
        # A company speaking of its own deal states it; a third party only reports it.
        own_word = att is not None and att.speaker is not None and att.speaker in args.values()
        attributed = source.kind != "document" and not own_word
        cert = certainty or certainty_at(doc, trigger, attributed)
        sent = sent_of(trigger)
        return Fact(
            type=self.fact_type,
            args=args,
            evidence=[evidence_span(sent)],
            status=status,
            certainty=cert,
            source=source,
            time=time,
        )


def sentences(doc: Doc) -> list[Span]:
    """The article's sentences outside junk lines, computed once per Doc for all 13 extractors."""
    cached = doc.user_data.get("newsgraph_sentences")
    if cached is None:
        cached = doc.user_data["newsgraph_sentences"] = list(_article_sentences(doc))
    return cached


def tokens(sent: Span) -> list[Token]:
    """The tokens of a sentence from one list per Doc: iterating a Span builds new Token objects."""
    return doc_tokens(sent.doc)[sent.start : sent.end]


WORDS = "newsgraph_sentence_words"


def sentence_words(sent: Span) -> frozenset[str]:
    """The sentence's lowercased lemmas and forms, built once per sentence: an extractor tests its
    trigger words against them with one set operation before walking the tokens one by one."""
    index = sent.doc.user_data.setdefault(WORDS, {})
    words = index.get((sent.start, sent.end))
    if words is None:
        toks = tokens(sent)
        words = index[sent.start, sent.end] = frozenset(
            [t.lemma_.lower() for t in toks] + [t.lower_ for t in toks]
        )
    return words


def _article_sentences(doc: Doc) -> Iterator[Span]:
    for sent in all_sentences(doc):
        text = span_text(sent)
        if not text.strip() or in_junk(doc, sent.start_char + (len(text) - len(text.lstrip()))):
            continue
        yield sent


def evidence_span(sent: Span) -> tuple[int, int]:
    text = span_text(sent)
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return start, end


def is_headline(sent: Span) -> bool:
    """A line that does not end like a sentence: a headline, a bullet, a teaser."""
    for tok in reversed(sent):
        if not tok.is_space:
            return tok.text[-1] not in ".!?\"”’'"
    return False


def is_bullet(sent: Span) -> bool:
    """A bulleted line ("- Cloud revenue up 20% to EUR 13.7 billion"): the body of a press
    release's highlights, where the figures are given first, not a headline restating them."""
    for tok in sent:
        if not tok.is_space:
            return tok.text in BULLETS
    return False


# -- reading arguments off the parse ---------------------------------------------------
PEOPLE_NOUNS = {"analyst", "analysts", "economist", "economists", "executive", "executives", "spokesperson",
                "spokesman", "spokeswoman", "representative", "representatives", "strategist", "strategists",
                "official", "officials", "researchers", "team", "lawyers", "lawyer", "attorneys", "board",
                "shareholders", "investors", "unit", "division", "arm", "subsidiary"}  # fmt: skip


def main_org(doc: Doc, before: int | None = None) -> str | None:
    """The company the article is most about: the most-mentioned ORG that is not a source."""
    if before is None and "newsgraph_main_org" in doc.user_data:
        return doc.user_data["newsgraph_main_org"]
    ents = doc._.entities
    counts: Counter = Counter()
    sents = all_sentences(doc)
    lede_end = sents[min(2, len(sents) - 1)].end if sents else 0
    for m in doc._.mentions:
        info = ents[m.key]
        if info.type != "ORG" or info.kind is not None or (before is not None and m.start >= before):
            continue
        root = doc[m.start : m.end].root
        # Subjects and the opening lines say what the article is about.
        counts[m.key] += 1 + (root.dep_ in ("nsubj", "nsubjpass", "poss")) + 2 * (m.start < lede_end)
    best = counts.most_common(1)[0][0] if counts else None
    if before is None:
        doc.user_data["newsgraph_main_org"] = best
    return best


GOV_BODIES = {"parliament", "government", "lawmakers", "legislature", "authorities", "regulators", "ministry",
              "cabinet", "administration", "regulator", "congress", "senate", "lawmaker", "officials", "state",
              "court", "courts", "watchdog", "agency"}  # fmt: skip
PAIR_WORDS = {
    "they",
    "two",
    "both",
    "companies",
    "firms",
    "groups",
    "automakers",
    "carmakers",
    "sides",
    "partners",
}


def pair_from_context(doc: Doc, subj: Token) -> list[str]:
    """'they were in talks', 'the two companies agreed': the two companies the last sentences named."""
    if subj.lower_ not in PAIR_WORDS or (
        subj.lower_ != "they" and not any(c.lower_ in ("two", "both", "the") for c in subj.children)
    ):
        return []
    ents = doc._.entities
    sents = all_sentences(doc)
    here = next(i for i, s in enumerate(sents) if s.start <= subj.i < s.end)
    seen: list[str] = []
    for s in reversed(sents[max(0, here - 2) : here + 1]):
        for t in reversed(list(s)):
            k = entity_of(t)
            if k and k not in seen and ents[k].type == "ORG" and ents[k].kind is None and t.i < subj.i:
                seen.append(k)
    # Of more than two companies named lately, the two the article names most: "Reliance and Disney signed
    # ... MarketPulse could not verify the reports. The two companies have been in talks"
    counts = Counter(m.key for m in doc._.mentions)
    ranked = sorted(seen, key=lambda k: -counts[k])  # stable: recency breaks ties
    return ranked[:2] if len(seen) >= 2 else []


def expand(tok: Token, depth: int = 0) -> list[str]:
    """Entity keys a noun phrase headed by `tok` denotes, following lists and 'including'."""
    out: list[str] = []
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl" and depth < 3:
        return expand(tok.head.head, depth + 1)  # "Boshoff, who has been named...": the person named
    if (
        tok.lower_ in ("which", "whom")
        and tok.head.dep_ == "prep"
        and tok.head.head.dep_ == "relcl"
        and depth < 3
    ):
        return expand(tok.head.head.head, depth + 1)  # "Leapmotor, in which Acme invested": Leapmotor
    if entity_of(tok):
        out.append(entity_of(tok))
    else:
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "nmod", "appos") and entity_of(c) and c.dep_ != "poss":
                out.append(entity_of(c))
                break
    if not out and tok.lower_ in GOV_BODIES:
        # "South Korea's parliament", "the government of Japan": the body acts for its country
        for c in tok.children:
            if c.dep_ == "poss" and entity_of(c) and tok.doc._.entities[entity_of(c)].type == "GOV":
                out.append(entity_of(c))
            elif c.dep_ == "prep" and c.lower_ == "of":
                out += [
                    entity_of(p)
                    for p in c.children
                    if entity_of(p) and tok.doc._.entities[entity_of(p)].type == "GOV"
                ]
        if not out:
            out += [entity_of(c) for c in tok.children if c.dep_ in ("amod", "compound") and entity_of(c)
                    and tok.doc._.entities[entity_of(c)].type == "GOV"]  # fmt: skip
    if not out and tok.lower_ in PEOPLE_NOUNS:
        # "economists at Moody's Analytics", "a spokesperson for Honda", "its board"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "of", "for", "from", "with"):
                for p in c.children:
                    if p.dep_ == "pobj" and depth <= 3:
                        out += expand(p, depth + 1)
            elif c.dep_ == "poss" and entity_of(c):
                out.append(entity_of(c))
    if depth > 3:
        return out
    for c in tok.children:
        if c.dep_ == "conj" or c.dep_ == "appos":
            # a list is one phrase however long: "backers A, B, C, D and E" (each item hangs on the last)
            out += expand(c, depth + (c.dep_ != "conj"))
        elif c.dep_ == "prep" and c.lower_ in ("including", "like", "such", "among"):
            for p in c.children:
                if p.dep_ in ("pobj", "amod", "prep"):
                    out += expand(p, depth + 1)
                    for pp in p.children:
                        if pp.dep_ == "pobj":
                            out += expand(pp, depth + 1)
        elif (
            c.dep_ == "prep"
            and c.lower_ == "as"
            and tok.lower_ in ("companies", "carmakers", "firms", "automakers")
        ):
            for p in c.children:
                out += expand(p, depth + 1)
    if tok.lemma_ in ("include", "including") or (tok.dep_ == "prep" and tok.lower_ == "including"):
        for c in tok.children:
            if c.dep_ in ("pobj", "dobj"):
                out += expand(c, depth + 1)
    return list(dict.fromkeys(out))


def subject_tokens(verb: Token) -> list[Token]:
    """The grammatical subject of `verb`, climbing through 'agreed to buy', 'is set to', 'has held talks'."""
    tok = verb
    for _ in range(6):
        subs = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subs:
            return subs
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if passive and tok.i != verb.i:
            return passive
        if tok.dep_ == "relcl":
            return [tok.head]
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return [tok.head]
        if tok.head.i == tok.i or tok.dep_ not in CLIMB:
            break
        tok = tok.head
    return []


def agents(verb: Token) -> list[str]:
    """Who does `verb`: the subject, or the 'by' agent of a passive."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        for c in verb.children:
            if c.dep_ == "agent":
                return [k for p in c.children if p.dep_ == "pobj" for k in expand(p)]
        return []
    out = []
    subjects = [
        s for s in subject_tokens(verb) if s.text not in BULLETS
    ]  # the parser may make "•" the subject
    for s in subjects:
        out += expand(s)
        if not out and s.lower_ in ("which", "that", "who") and s.head.dep_ == "relcl":
            out += expand(s.head.head)
        if not out:
            out += pair_from_context(verb.doc, s)
    if not subjects and opens_bullet(verb):
        issuer = main_org(
            verb.doc
        )  # "- Signed a supply agreement with Y": a release's highlights speak for its issuer
        out = [issuer] if issuer else []
    return out


def opens_bullet(tok: Token) -> bool:
    """The verb is the first word of a bulleted line: '- Completed the acquisition of ...'."""
    toks = doc_tokens(tok.doc)
    i = tok.i - 1
    while i >= 0 and toks[i].is_space:
        i -= 1
    return (
        i >= 0 and toks[i].text in BULLETS and (i == 0 or "\n" in toks[i - 1].text + toks[i - 1].whitespace_)
    )


def patients(verb: Token) -> list[str]:
    """What `verb` is done to: its object, or the subject of a passive."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            out += expand(c)
    return out


def prep_entities(tok: Token, preps: Iterable[str]) -> list[str]:
    preps = set(preps)
    out: list[str] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    # "plants in Arizona, Ohio and Oregon": a state or city after "in" says where
                    out += [k for k in expand(p) if c.lower_ != "in" or tok.doc._.entities[k].type != "PLACE"]
    return out


def poss_entity(tok: Token) -> list[str]:
    for c in tok.children:
        if c.dep_ == "poss":
            return expand(c)
    return []


def governing(tok: Token, hops: int = 3) -> list[Token]:
    """`tok` and the verbs/nouns above it, nearest first ('talks' <- 'held', 'in talks' <- 'is')."""
    out = [tok]
    cur = tok
    for _ in range(hops):
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("ccomp", "parataxis", "relcl", "advcl") and len(out) > 1:
            break
        cur = cur.head
        out.append(cur)
    return out


def relative_head(tok: Token) -> Token | None:
    """The noun a relative clause hangs on, through 'is expected to adopt', 'aims to bring' and the like."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ != "xcomp":
            return None
        cur = cur.head
    return None


def entities_in(span: Span | Iterable[Token], types: tuple[str, ...] | None = None) -> list[str]:
    out = []
    for tok in span:
        k = entity_of(tok)
        if k and k not in out:
            if types is None or tok.doc._.entities[k].type in types:
                out.append(k)
    return out


def money_near(doc: Doc, sent: Span, after: int | None = None):
    """Money mentions in the sentence (char offsets inside it), optionally after a char offset."""
    out = []
    for m in doc._.money:
        if sent.start_char <= m.start < sent.end_char and (after is None or m.start >= after):
            out.append(m)
    return out


def time_near(doc: Doc, sent: Span, trigger: Token | None = None):
    """When the fact happened: a time in the trigger's own clause, else one on the reporting verb
    ('..., Bloomberg reported in August last year'); never a time from another clause or the dateline."""
    cands = [t for t in doc._.times if sent.start_char <= t.start < sent.end_char
             and not any(s <= t.start < e for s, e in doc._.datelines)]  # fmt: skip
    if not cands:
        return None
    if trigger is None:
        return cands[0]
    for head in governing(trigger, 3):
        if head.pos_ not in ("VERB", "AUX") and head.i != trigger.i:
            continue
        lo, hi = _clause_chars(head)
        aside = _side_clauses(head, trigger)
        inside = [t for t in cands if lo <= t.start < hi and not any(a <= t.start < b for a, b in aside)]
        if inside:
            return min(inside, key=lambda t: abs(t.start - trigger.idx))
    att = doc._.attributions.get(sent.start)
    if att is not None:
        cue = doc[att.cue]
        near = [
            t
            for t in cands
            if any(
                c.idx <= t.start < c.idx + len(c.text)
                for c in cue.children
                for c in c.subtree
                if c.dep_ in ("prep", "npadvmod", "pobj", "amod")
            )
        ]
        if near:
            return near[0]
    return _same_day(doc, sent, trigger)


def _same_day(doc: Doc, sent: Span, trigger: Token):
    """'X closed the deal on Friday, hours after the regulator approved it': the approval was that day."""
    for head in governing(trigger, 3):
        if head.dep_ != "advcl" or head.pos_ not in ("VERB", "AUX"):
            continue
        mark = [c for c in head.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
        if mark and any(c.lemma_ in ("hour", "minute", "moment") or c.lower_ in ("shortly", "just")
                        for c in mark[0].children):  # fmt: skip
            return time_near(doc, sent, head.head)
        return None
    return None


def _side_clauses(head: Token, trigger: Token) -> list[tuple[int, int]]:
    """Char ranges of clauses on other nouns inside `head`'s clause: "the deal that it had blocked in
    April", "the purchase, first announced in May," tell of another event than the trigger's."""
    out = []
    for t in head.subtree:
        if t.dep_ not in ("relcl", "acl") or t.pos_ not in ("VERB", "AUX") or t.i == head.i:
            continue
        if t.head.i != trigger.i and not t.left_edge.i <= trigger.i <= t.right_edge.i:
            out.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)))
    return out


CLAUSES = "newsgraph_clause_chars"


def _clause_chars(head: Token) -> tuple[int, int]:
    """Char range of `head`'s clause: its subtree without embedded clauses of its own (kept per Doc:
    the extractors ask it of the same verbs, and the parse does not change under them)."""
    known = head.doc.user_data.setdefault(CLAUSES, {})
    if head.i in known:
        return known[head.i]
    skip = set()
    for c in head.children:
        if c.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "conj") and c.pos_ in ("VERB", "AUX"):
            skip |= {t.i for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in skip] or [head]
    known[head.i] = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return known[head.i]


def entity_type(doc: Doc, key: str) -> str:
    return doc._.entities[key].type


def company_of(doc: Doc, key: str) -> str:
    """A person stands for their company in company roles ('Xiaomi's co-founder Lei Jun')."""
    info = doc._.entities[key]
    if info.type == "PERSON" and info.org:
        return info.org
    return key
