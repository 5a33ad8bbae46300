"""Entities: fix what the statistical NER gets wrong, then group mentions into entities.

The small pipelines tag "Xiaomi" as PERSON, "Bloomberg" as GPE, "EV" as ORG, and miss a
short name like "Chery" once the article has used "Chery Automobile Co.". Rules here, all
driven by `data/lexicon.json`, fix the label, drop non-entities, find the short names, and
give every entity one key, a canonical name and its aliases.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.lines import BULLETS
from newsgraph.nlp.shared import (
    ENTITY_AT,
    Hint,
    doc_text,
    doc_tokens,
    entity_of,
    sent_of,
    set_entity,
    span_text,
    tokens_text,
)

NER_LABELS = {
    "ORG": "ORG",
    "PERSON": "PERSON",
    "GPE": "GOV",
    "PRODUCT": "PRODUCT",
    "FAC": "PLACE",
    "LOC": "PLACE",
}
# Words the scorer and a reader both ignore when comparing company names.
# A nationality names its country's government: "Chinese regulators", "the Dutch government".
DEMONYMS = {
    "chinese": ("china", "beijing"), "american": ("united states", "us", "u.s.", "washington"),
    "u.s.": ("united states", "us", "u.s.", "washington"), "us": ("united states", "us", "u.s.", "washington"),
    "japanese": ("japan", "tokyo"), "korean": ("south korea", "korea", "seoul"),
    "south korean": ("south korea", "korea", "seoul"), "indian": ("india", "new delhi"),
    "german": ("germany", "berlin"), "french": ("france", "paris"), "british": ("britain", "uk", "u.k.", "london"),
    "dutch": ("netherlands", "the hague"), "italian": ("italy", "rome"), "spanish": ("spain", "madrid"),
    "canadian": ("canada", "ottawa"), "australian": ("australia", "canberra"), "russian": ("russia", "moscow"),
    "taiwanese": ("taiwan", "taipei"), "indonesian": ("indonesia", "jakarta"), "brazilian": ("brazil", "brasilia"),
    "mexican": ("mexico", "mexico city"), "swiss": ("switzerland", "bern"), "irish": ("ireland", "dublin"),
    "turkish": ("turkey", "ankara"), "vietnamese": ("vietnam", "hanoi"), "european": ("european union", "eu"),
    "eu": ("european union", "eu"), "saudi": ("saudi arabia", "riyadh"), "singaporean": ("singapore",),
}  # fmt: skip

# Capitals that follow a company's name as a word of the sentence, not of the name.
COMMON_CODES = {
    "CEO", "CFO", "COO", "CTO", "CIO", "EV", "EVS", "AI", "GPU", "CPU", "IPO", "HBM", "FSD", "US", "UK", "EU", "PC",
    "TV", "SUV", "API", "ETF", "ADR", "ADS", "OLED", "LCD", "LNG", "IT", "HR", "GAAP", "EPS", "AGM", "ESG", "USA",
}  # fmt: skip
LEGAL = {
    "corp", "corporation", "co", "company", "ltd", "limited", "inc", "incorporated", "group", "holdings",
    "holding", "plc", "llc", "ag", "sa", "nv", "se", "spa", "gmbh", "the", "ab", "oyj", "asa", "kgaa", "bv", "pty",
}  # fmt: skip


SPEAKER_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "representative", "executive", "official",
                 "statement", "filing", "shares", "stock", "board", "management"}  # fmt: skip
ACTOR_VERBS = {"say", "decline", "report", "announce", "agree", "buy", "sell", "acquire", "launch", "sign", "hire",
               "name", "appoint", "sue", "deny", "confirm", "respond", "invest", "raise", "cut", "post", "plan",
               "expect", "tell", "add", "refuse", "comment", "partner", "own", "employ", "pay"}  # fmt: skip
HEADLINE_VERBS = {"unveils", "launches", "buys", "agrees", "says", "wins", "cuts", "raises", "posts", "reports",
                  "plans", "sees", "beats", "misses", "names", "hires", "sues", "files", "signs", "completes",
                  "acquires", "announces", "confirms", "denies", "rises", "falls", "jumps", "slides", "to", "in",
                  "nears", "weighs", "explores", "considers", "expects", "warns", "drops", "ends", "halts",
                  "appoints", "elects", "promotes", "taps", "picks", "ousts", "replaces", "closes", "opens",
                  "expands", "enters", "exits", "invests", "teams", "joins", "introduces", "receives",
                  "secures", "lands", "settles", "faces", "fines", "approves", "clears", "blocks", "rejects",
                  "delays", "recalls", "prices", "seeks", "mulls", "eyes", "sells", "provides", "reaffirms",
                  "lowers", "lifts", "boosts", "trims", "slashes", "tops", "surges", "plunges", "soars", "sinks",
                  "climbs", "tumbles", "gains", "loses", "returns", "narrows", "widens"}  # fmt: skip
# Title-case headline nouns that follow a company's name but are never part of it: "Acme Q3 Profit Beats".
HEADLINE_NOUNS = {"shares", "stock", "profit", "profits", "revenue", "revenues", "sales", "earnings", "results",
                  "q1", "q2", "q3", "q4", "ipo", "bid", "talks"}  # fmt: skip
DESCRIPTOR_WORDS = {"company", "group", "firm", "bank", "board", "fund", "trust", "partnership", "corporation",
                    "issuer", "registrant", "business", "government", "ministry", "agency", "commission"}  # fmt: skip
HONORIFICS = {"Mr", "Ms", "Mrs", "Dr", "President", "Chancellor", "Minister", "Premier", "Senator", "Governor",
              "Secretary", "Judge", "Justice", "Chairman", "Chair", "Commissioner", "Sir", "Lord", "Prime"}  # fmt: skip
# Lemmas the small English lemmatizer gets wrong in business copy.
LEMMA_FIXES = {"fined": "fine", "fines": "fine", "fining": "fine", "inked": "ink", "ousted": "oust",
               "tapped": "tap", "axed": "axe", "shelved": "shelve", "eyed": "eye", "mulled": "mull",
               "plateaued": "plateau", "plateauing": "plateau", "plateaus": "plateau", "cratered": "crater",
               "pared": "pare"}  # fmt: skip
LEMMA_HINT = Hint(*LEMMA_FIXES)  # most articles hold none of these words, and skip the token walk


_toks = doc_tokens  # all tokens as one list per Doc, shared with the extractors


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(resources.files("newsgraph.nlp").joinpath("data/lexicon.json").read_text())


# Company names recur within and across articles: each is normalized once.
@lru_cache(maxsize=8192)
def norm_name(name: str) -> str:
    s = name.lower().replace("\u2019", "'")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"\.com\b", "", s)  # "Amazon.com" is Amazon
    tokens = re.sub(r"[^\w\s&]", " ", s).split()
    while tokens and tokens[0] == "the":
        tokens = tokens[1:]
    # "Merck & Co.": the ampersand belongs to the legal suffix it joins
    while len(tokens) > 1 and (tokens[-1] in LEGAL or tokens[-1] == "&"):
        tokens = tokens[:-1]
    # "Embraer S.A.", "Eni S.p.A.": a dotted legal form splits into letters, still a suffix
    for k in (3, 2):
        if len(tokens) > k and all(len(t) == 1 for t in tokens[-k:]) and "".join(tokens[-k:]) in LEGAL:
            tokens = tokens[:-k]
            break
    return " ".join(tokens)


@lru_cache(maxsize=8192)
def canonical(name: str) -> str:
    """'Xiaomi Corp.' -> 'Xiaomi'; keeps the surface casing."""
    words = name.replace("\u2019s", "").split()
    while words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and re.sub(r"\W", "", words[-1].lower()) in LEGAL:
        words = words[:-1]
    return " ".join(words).rstrip(",") or name


@dataclass(slots=True)
class EntityInfo:
    key: str
    type: str
    names: Counter = field(default_factory=Counter)
    kind: str | None = None  # publication | analyst | regulator
    descriptions: list[str] = field(default_factory=list)
    org: str | None = None  # a person's company
    role: str | None = None  # a person's title

    @property
    def name(self) -> str:
        forms = [n for n in self.names if not n.isupper() or len(self.names) == 1]
        if self.type == "GOV":
            # "Netherlands" over "Dutch government": the country names the government it has
            forms = [
                n for n in forms if n.split()[-1].lower() not in ("government", "administration")
            ] or forms
        if self.type == "PERSON":
            return max(forms or self.names, key=len)
        best = max(forms or self.names, key=lambda n: (len(n.split()), len(n)))
        return canonical(best)

    @property
    def aliases(self) -> list[str]:
        name = self.name
        out = [n for n in self.names if n != name]
        out += [d for d in self.descriptions if d not in out and d != name]
        return out


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int
    key: str
    text: str


class EntityRecognizer:
    """Component `newsgraph_entities`: doc._.entities (key -> EntityInfo), doc._.mentions."""

    def __init__(self, nlp, name: str = "newsgraph_entities"):
        lex = lexicon()
        # Short forms recur across articles ('Toyota', 'Lei'): each is tokenized once, not once per article.
        self.make_doc = lru_cache(maxsize=4096)(nlp.make_doc)
        self.kinds: dict[str, str] = {}
        self.matcher = PhraseMatcher(nlp.vocab)
        for label, names in (
            ("publication", lex["publications"]),
            ("analyst", lex["analysts"]),
            ("regulator", lex["regulators"]),
            ("country", lex["countries_and_capitals"]),
        ):
            self.matcher.add(label, [nlp.make_doc(n) for n in names])
        self.not_entities = set(lex["not_entities"])
        self.suffixes = {s.lower().rstrip(".") for s in lex["org_suffixes"]}
        self.gov_words = lex["gov_words"]
        self.countries = {n.lower() for n in lex["countries_and_capitals"]}
        self.places = {n.lower() for n in lex["known_places"]}
        self.country_norms = {norm_name(n) for n in lex["countries_and_capitals"]}
        self.publications = {norm_name(n) for n in lex["publications"]}
        self.org_heads = {w.split()[-1] for w in lex["org_descriptors"]} | {
            "unit", "subsidiary", "division", "affiliate", "parent", "owner",
        }  # fmt: skip

    def __call__(self, doc: Doc) -> Doc:
        if not LEMMA_HINT.absent(doc_text(doc)):
            for tok in _toks(doc):
                fixed = LEMMA_FIXES.get(tok.lower_)
                if fixed and tok.pos_ in ("VERB", "AUX"):
                    tok.lemma_ = fixed
        candidates = self.match(doc)
        entities, mentions = self.cluster(doc, candidates)
        self.set_annotations(doc, entities, mentions)
        return doc

    # -- finding candidate spans ---------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple[Span, str, str | None]]:
        found: list[tuple[Span, str, str | None]] = []
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            span = doc[start:end]
            if not span[0].is_title and not span[0].is_upper:
                continue
            etype = {"publication": "ORG", "analyst": "ORG", "regulator": "GOV", "country": "GOV"}[label]
            kind = None if label == "country" else label
            found.append((span, etype, kind))
        ents = doc.ents  # spaCy builds the tuple of spans on every read
        for ent in ents:
            etype = NER_LABELS.get(ent.label_)
            if etype is None:
                continue
            for part in self.split_lists(ent):
                span = self.trim(part)
                if span is not None and etype == "ORG":
                    span = self.with_code(span)
                if span is not None and etype in ("ORG", "PERSON"):
                    longer = with_initials(span)
                    if longer is not span:
                        span, etype = longer, "ORG"
                if span is not None and not self.heading(span):
                    if etype == "ORG" and span.start and _toks(doc)[span.start - 1].lower_ in WATCHDOGS:
                        # "Switzerland's financial regulator FINMA": the body the noun names
                        found.append((span, "GOV", "regulator"))
                        continue
                    found.append((span, self.fix_type(span, etype, ent.label_), None))
        found += self.suffix_names(doc)
        found += self.national_governments(doc, ents)
        found += self.houses(doc)
        found += self.ampersand_names(doc)
        found += self.bare_names(doc, found)
        found += styled_names(doc)
        datelines = doc._.datelines
        found = [f for f in found if not any(s <= f[0].start_char < e for s, e in datelines)]
        # "the Noida-based company": a place that tells where a company sits is no actor; the
        # description is left whole for coreference.
        found = [f for f in found if not _based(doc, f[0].end)]
        tickers = doc.user_data["newsgraph_tickers"] = ticker_marks(doc)
        if tickers:
            # "(NASDAQ: ACME)": the exchange is no actor; the ticker is linked after clustering.
            inside = {i for lo, _, hi in tickers for i in range(lo, hi + 1)}
            found = [f for f in found if f[0].start not in inside]
        return self.resolve_overlaps(found)

    def split_lists(self, span: Span) -> list[Span]:
        """'Brilliance Auto and Chery' is two names, 'Accel, Lightspeed Venture Partners' too;
        'Ministry of Industry and Information Technology' and 'Acme, Inc.' are one."""
        words = _toks(span.doc)[span.start : span.end]
        lows = [t.lower_ for t in words]
        # "Accel, Lightspeed": a comma list where each name after a comma is capitalized and no suffix
        after = [words[j + 1] for j, t in enumerate(words) if t.text == "," and j + 1 < len(words)]
        listed = (
            bool(after)
            and len(after) == lows.count(",")
            and all(
                w.text[:1].isupper()
                and w.lower_.rstrip(".") not in self.suffixes
                and w.lower_.rstrip(".") not in LEGAL
                for w in after
            )
        )
        if not listed and ("and" not in lows or "of" in lows or "for" in lows or "&" in lows):
            return [span]
        if any(t.text[:1].islower() and t.lower_ != "and" and t.is_alpha for t in words[1:]):
            return [span]  # "Medicines and Healthcare products Regulatory Agency": one body's name
        if lows[-1] in GOV_HEADS and lows[1] == "and":
            return [span]  # "Food and Drug Administration": one word, "and", then the body
        parts, start = [], span.start
        for t in words:
            if t.lower_ == "and" or t.text == ",":
                if start < t.i:
                    parts.append(span.doc[start : t.i])
                start = t.i + 1
        if start < span.end:
            parts.append(span.doc[start : span.end])
        return parts

    def trim(self, span: Span) -> Span | None:
        start, end = span.start, span.end
        doc = span.doc
        toks = _toks(doc)  # indexing the list, not the Doc, makes no new Token objects
        bulleted = toks[start].text in BULLETS
        while start < end and (toks[start].lower_ in ("the", "a", "an") or toks[start].is_punct):
            start += 1
        if bulleted and not any(t.tag_ in ("NNP", "NNPS") for t in toks[start:end]):
            return None  # "• Earnings per share of ...": NER runs the bullet into a common word
        while end > start + 1 and toks[end - 1].lower_ in HEADLINE_VERBS:
            end -= 1  # "Sony Interactive Entertainment Unveils ...": a title-cased headline verb
        while start < end - 1 and toks[start].lower_ in FORMER:
            start += 1  # "Former Pied Piper Executive"
        for t in toks[start + 1 : end]:
            # "Acme Corp Reports Third Quarter ...", "Acme Q3 Profit Beats": NER runs a title-case
            # headline on past the name; the name ends before the verb or the figure.
            if not t.text[:1].isupper() and not t.text[:1].isdigit():
                continue
            if t.lower_ in HEADLINE_VERBS and t.lower_ not in ("to", "in") and t.i < end - 1:
                end = t.i
                break
            nxt = toks[t.i + 1].lower_ if t.i + 1 < len(toks) else ""
            if t.lower_ in HEADLINE_NOUNS and nxt not in ("exchange", "market", "markets"):
                end = t.i
                break
        if any(t.lower_ in OWN_PRONOUNS for t in toks[start:end]):
            return None  # "Expanding Its Automation Portfolio": a headline phrase, no name has "its"
        while (
            end > start
            and (toks[end - 1].is_punct and toks[end - 1].text != ".")
            or (end > start and toks[end - 1].tag_ == "POS")
        ):
            end -= 1
        if start >= end:
            return None
        text = tokens_text(doc, start, end)
        if text in self.not_entities or text.rstrip("s") in self.not_entities:
            return None
        # "Widget Chief Executive Jane Roe", "Miles Dyson Chief Technology Officer": a title that
        # runs to the end of the span is no part of the name before it.
        for t in toks[start + 1 : end]:
            if (
                t.lower_ in TITLE_TAIL
                and t.text[:1].isupper()
                and all(u.lower_ in TITLE_TOKENS or u.lower_ in TITLE_TAIL for u in toks[t.i : end])
            ):
                end = t.i
                break
        words = toks[start:end]
        pos = [t.i for t in words if t.tag_ == "POS"]
        if pos and all(t.lower_ in TITLE_TOKENS for t in toks[pos[0] + 1 : end]):
            end = pos[0]  # "Acme's Board of Directors": the company, not its organ
            words = toks[start:end]
            if start >= end:
                return None
        if words[-1].lower_ in ("application", "applications", "highlights"):
            return None  # "New Drug Application", "Business Highlights": a filing, a heading
        if len(words) == 1 and words[0].text.lower().rstrip(".") in self.suffixes:
            return None  # "Systems" left of a cut headline: a suffix alone names nothing
        if len(words) == 1 and words[0].lower_ in DESCRIPTOR_WORDS:
            return None  # "the Company" of a press release: a description, for coreference
        if any(t.lower_ in ("million", "billion", "trillion") for t in words):
            return None  # "SEK 4.9 billion": an amount with a currency code NER took for a name
        if all(t.lower_ in TITLE_TOKENS for t in words):
            return None  # "Chief Financial", "Board": titles and organs, not companies
        if not any(
            t.text[:1].isupper() or (t.text[:1].isalnum() and any(c.isupper() for c in t.text[1:]))
            for t in words
        ):  # "iRobot", "eBay", "3M": a capital inside the word marks a name too
            return None
        if words[0].is_space or "\n" in tokens_text(doc, start, end):
            return None
        return doc[start:end]

    @staticmethod
    def with_code(span: Span) -> Span:
        """'Samsung SDI', 'Tata TCS': the small model ends a company's name before a closing
        code in capitals. The code belongs to the name where it heads the phrase; where it
        modifies a later word ('Apple CEO Tim Cook', 'the Xiaomi EV plant') it is no part of it."""
        toks = _toks(span.doc)
        if span.end >= len(toks) or not span[-1].whitespace_ == " ":
            return span
        code = toks[span.end]
        if (
            code.is_upper
            and code.is_alpha
            and 2 <= len(code.text) <= 5
            and code.pos_ == "PROPN"
            and code.head.i <= code.i
            and code.text not in COMMON_CODES
            and code.ent_iob_ != "B"
        ):
            return span.doc[span.start : code.i + 1]
        return span

    def heading(self, span: Span) -> bool:
        """'Media Contact', 'Transaction Overview': a short line that is the name alone is a heading.

        Press releases and web pages title their sections; a company alone on a line is a
        masthead at most, never an actor.
        """
        doc = span.doc
        if len(span) > 3 or span[-1].text.lower().rstrip(".") in self.suffixes:
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        line_start = before is None or "\n" in before.text or "\n" in before.whitespace_
        line_end = after is None or "\n" in after.text or "\n" in span[-1].whitespace_
        return line_start and line_end

    def fix_type(self, span: Span, etype: str, label: str = "") -> str:
        text = span_text(span)
        root = span.root
        if etype == "PRODUCT" and root.dep_ in ("nsubj", "poss") and root.head.lemma_ in ACTOR_VERBS:
            return "ORG"  # "Globex declined to comment": products do not speak
        low = text.lower()
        last = span[-1].text.lower().rstrip(".")
        if etype == "ORG" and canonical(text).lower() in self.countries:
            return "GOV"  # "Mozambique is suing the bank": a country acts through its government
        toks = _toks(span.doc)
        after = [t.lower_.rstrip(".") for t in toks[span.end : span.end + 2]]
        if (
            etype == "PERSON"
            and after[:1] == [","]
            and after[1:]
            and after[1] in self.suffixes | {"s.a", "s.p.a", "n.v"}
        ):
            return "ORG"  # "Castelora Energía, S.A.": a legal suffix after the comma
        if last in self.suffixes and etype in ("PERSON", "GOV", "PLACE"):
            return "ORG"
        if (
            etype == "ORG"
            and len(span) == 2
            and all(t.is_title and t.is_alpha for t in span)
            and last not in self.suffixes
            and any(c.dep_ == "appos" and c.lower_ in OFFICER_NOUNS for c in root.children)
        ):
            return "PERSON"  # "Jane Roe, the company's chief of corporate affairs,": an officer
        if any(w in low for w in self.gov_words) and etype in ("ORG", "PLACE"):
            # "Parliament passed a bill": a legislature named by its bare title is a government body.
            bodies = ("ministry", "department", "commission", "parliament", "senate")
            if low.startswith(bodies) or " of " in low or len(span) > 1:
                if not (last in self.suffixes and last not in ("bank",)):
                    return "GOV"
        if etype == "GOV" and low not in self.countries and label == "GPE":
            # A GPE that is no country or capital: a city or province, or, as often in
            # business copy, a company the small model takes for a place ("Nvidia").
            if low in self.places or span.root.dep_ not in ("nsubj", "nsubjpass", "poss", "dobj", "conj"):
                return "PLACE"
            first = span.root
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.dep_ == "pobj" and first.head.lower_ in ("in", "across", "at", "from"):
                return "PLACE"  # "factories in Arizona, New Mexico and Ohio": a list of places
            return "ORG"
        return etype

    @staticmethod
    def national_governments(doc: Doc, ents) -> list[tuple[Span, str, str | None]]:
        """'the German government', 'the Japanese administration': NER tags the adjective as a
        nationality, which names no actor; with its head noun it names the government. So does a
        leader's name before 'administration'."""
        toks = _toks(doc)
        return [
            (doc[ent.start : ent.end + 1], "GOV", None)
            for ent in ents
            if (
                ent.label_ == "NORP"
                and ent.end < len(toks)
                and toks[ent.end].lower_ in ("government", "administration")
                # "the Trump administration": a leader's name for the government they head
                or ent.label_ == "PERSON"
                and ent.end < len(toks)
                and toks[ent.end].lower_ == "administration"
            )
        ]

    def suffix_names(self, doc: Doc) -> list[tuple[Span, str, str | None]]:
        """Capitalized names ending in a company suffix that NER missed ('Chery Automobile Co.')."""
        out = []
        toks = _toks(doc)
        for tok in toks:
            text = tok.text
            if not text[:1].isupper() or text.lower().rstrip(".") not in self.suffixes:
                continue
            start = tok.i
            while start > 0 and toks[start - 1].text[:1].isupper() and not toks[start - 1].is_sent_start:
                prev = toks[start - 1]
                if prev.lower_ in ("the",) or prev.is_punct or prev.lower_ in OWN_PRONOUNS:
                    break
                if prev.lower_ in TITLE_TAIL:
                    break  # "Miles Dyson Chief Technology Officer": a title, not a company's name
                if prev.lower_ in HEADLINE_VERBS or (start > 1 and toks[start - 2].lower_ == "to"):
                    break  # "Acme to Acquire Widget Systems": a title-cased headline verb ends the name
                start -= 1
            if (
                start < tok.i
                and not toks[start].is_sent_start
                and not all(t.lower_ in TITLE_TOKENS for t in toks[start : tok.i + 1])
            ):
                out.append((doc[start : tok.i + 1], "ORG", None))
        return out

    @staticmethod
    def ampersand_names(doc: Doc) -> list[tuple[Span, str, str | None]]:
        """'Seven & i Holdings', 'Marks & Spencer', 'Johnson & Johnson': names joined by an ampersand."""
        out = []
        for tok in _toks(doc):
            if tok.text != "&" or tok.i == 0 or tok.i + 1 >= len(doc):
                continue
            left, right = doc[tok.i - 1], doc[tok.i + 1]
            if not left.text[:1].isupper() or not (right.text[:1].isupper() or len(right.text) <= 2):
                continue
            start, end = tok.i - 1, tok.i + 2
            while end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_sent_start:
                end += 1
            out.append((doc[start:end], "ORG", None))
        return out

    def houses(self, doc: Doc) -> list[tuple[Span, str, str | None]]:
        """'analysts at Roderick & Klein', 'economists at Harbour Peak': the name after is a firm."""
        out = []
        for tok in _toks(doc):
            if tok.lower_ not in ("analysts", "analyst", "economists", "economist", "strategists", "strategist",
                                  "researchers", "lawyers"):  # fmt: skip
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is None or nxt.lower_ not in ("at", "from", "with"):
                continue
            start = end = tok.i + 2
            if _based(doc, start + 1):
                start = end = start + 3  # "an analyst at Mumbai-based Kestrel Securities"
            while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text in ("&", "and", "'s", "’s") and
                                      end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):  # fmt: skip
                end += 1
            if end > start:
                out.append((doc[start:end], "ORG", "analyst"))
        return out

    @staticmethod
    def name_part(word: Token, head: Token, taken: set[int]) -> bool:
        return (
            word.dep_ == "compound"
            and word.head.i == head.i
            and word.text[:1].isupper()
            and word.i not in taken
        )

    def bare_names(self, doc: Doc, found) -> list[tuple[Span, str, str | None]]:
        """Proper nouns NER left out that act as subjects ('Vantor said', 'Solvane reported'): companies."""
        taken = {i for f in found for i in range(f[0].start, f[0].end)}
        toks = _toks(doc)
        known_words = {t.lower_ for f in found for t in toks[f[0].start : f[0].end]}
        # "Deal adds $400 million" at a bullet's start: a word the article also writes in
        # lowercase is a common word, capitalized by its place.
        lower_words = set(re.findall(r"(?<![\w'’])[a-z][a-z]+\b", doc_text(doc)))
        out = []
        for tok in toks:
            if tok.lower_ in lower_words or tok.lower_ in FORMER:
                continue
            if (
                tok.i in taken
                or tok.pos_ not in ("PROPN", "NOUN")
                or tok.dep_ not in ("nsubj", "nsubjpass", "poss", "compound")
            ):
                continue
            if tok.pos_ == "NOUN" and not (
                # "Vandelay, a unit of Kruger, said": a capitalized word the tagger took for a
                # common noun, described as a company by its appositive
                tok.text[:1].isupper()
                and tok.tag_ == "NN"
                and any(c.dep_ == "appos" and c.lemma_ in self.org_heads for c in tok.children)
            ):
                continue
            if not tok.text[:1].isupper() or tok.lower_ in TITLE_TOKENS or tok.text in self.not_entities:
                continue
            if tok.lower_ in self.countries or tok.lower_ in self.places or len(tok.text) < 3:
                continue
            if tok.lower_ in DESCRIPTOR_WORDS:
                continue  # "the Company said": a description, for coreference to resolve
            if tok.lower_ in known_words:
                continue  # "Zhao" after "Changpeng Zhao": the short form links later
            speaker = tok.dep_ == "compound" and tok.head.lower_ in SPEAKER_NOUNS  # "an Acme spokesperson"
            if (any(c.dep_ == "compound" for c in tok.children) or tok.dep_ == "compound") and not speaker:
                continue
            if tok.ent_type_ in (
                "DATE",
                "TIME",
                "MONEY",
                "PERCENT",
                "CARDINAL",
                "ORDINAL",
                "NORP",
                "LAW",
                "EVENT",
            ):
                continue
            toks = _toks(doc)
            start = tok.i
            # "a General Catalyst spokesperson": the whole name before the speaker noun
            while speaker and start > 0 and self.name_part(toks[start - 1], tok, taken):
                start -= 1
            out.append((doc[start : tok.i + 1], "ORG", None))
        return out

    @staticmethod
    def resolve_overlaps(found):
        # "The US Federal Trade Commission": the country is part of the regulator's name.
        starts = {f[0].start for f in found if f[2] == "regulator"}
        found = [f for f in found if not (f[1] == "GOV" and f[2] is None and f[0].end in starts)]
        # Lexicon hits first (they know what a name is), then longer spans.
        order = {"publication": 0, "analyst": 0, "regulator": 0, None: 1}
        # Hits of the "analysts at X" rule go after the lexicon but before NER's guesses.
        found = sorted(found, key=lambda f: (order.get(f[2], 1), -(f[0].end - f[0].start), f[0].start))
        taken: set[int] = set()
        kept = []
        for span, etype, kind in found:
            idx = set(range(span.start, span.end))
            if idx & taken:
                continue
            taken |= idx
            kept.append((span, etype, kind))
        return sorted(kept, key=lambda f: f[0].start)

    # -- grouping mentions into entities ---------------------------------------------------
    def cluster(self, doc: Doc, candidates):
        entities: dict[str, EntityInfo] = {}
        by_norm: dict[str, str] = {}
        mentions: list[Mention] = []
        # span.text joins new Token objects on every read: each candidate's is cut from the text once.
        named = [(span, etype, kind, span_text(span)) for span, etype, kind in candidates]
        org_norms = {norm_name(text) for _, t, _, text in named if t == "ORG"}
        person_names = {text for s, t, _, text in named if t == "PERSON" and len(s) > 1}
        last_names = {n.split()[-1] for n in person_names}
        surnames = last_names | {n.split()[0] for n in person_names}
        parents = parent_names(doc)
        # "the Trump administration": the leader's name, alone elsewhere, is that person's
        leaders = {
            text.rsplit(" ", 1)[0]
            for _, t, _, text in named
            if t == "GOV" and text.endswith((" administration", " government")) and text.count(" ") == 1
        }

        def new_key(etype: str) -> str:
            return f"e{len(entities) + 1}"

        # Longer names first, so short forms attach to them.
        for span, etype, kind, text in sorted(named, key=lambda c: -len(c[3])):
            n = norm_name(text)
            if not n:
                continue
            if etype == "PERSON" and (n in org_norms or any(o.split()[0] == n for o in org_norms)):
                etype = "ORG"  # "Xiaomi" tagged PERSON where the article names "Xiaomi Corp."
            if (
                etype in ("GOV", "PLACE")
                and kind is None
                and n not in self.countries
                and any(o.startswith(n + " ") for o in org_norms)
            ):
                etype = "ORG"  # "Brilliance" in a headline, where the body names "Brilliance Auto Group"
            if (
                etype == "PERSON"
                and len(span) == 1
                and text not in surnames
                and kind is None
                and not (span.start > 0 and doc[span.start - 1].text.rstrip(".") in HONORIFICS)
                and not (
                    span.end < len(doc)
                    and doc[span.end].lower_ in ("administration", "government", "campaign")
                )
            ):
                # News introduces people by full name; a lone "Meta" or "Xiaomi" tagged
                # PERSON that no full name explains is a company.
                etype = "ORG"
            if (etype == "ORG" and text in person_names) or (text in leaders and kind is None):
                etype = "PERSON"
            if (
                etype == "ORG"
                and len(span) == 1
                and text in last_names
                and kind is None
                and not (span.end < len(doc) and doc[span.end].text.lower().rstrip(".") in self.suffixes)
            ):
                etype = "PERSON"  # "Niccol takes over": the surname of a person named in full
            if etype in ("ORG", "GOV") and n in self.publications and kind is None:
                kind = "publication"
                etype = "ORG"
            formal = (
                span[-1].text.lower().rstrip(".") in self.suffixes or span[-1].lower_.rstrip(".") in LEGAL
            )
            key = by_norm.get(n) or self.link(n, etype, entities, by_norm, formal, parents)
            if key is None:
                key = new_key(etype)
                entities[key] = EntityInfo(key, etype, kind=kind)
                by_norm[n] = key
            info = entities[key]
            if kind and not info.kind:
                info.kind = kind
            if etype == "ORG" and info.type in ("PLACE", "PERSON") and kind is None and len(span) == 1:
                info.type = "ORG"  # one mention acts like a company: "Anthropic said", "Meta's"
            info.names[text.rstrip(",")] += 1
            mentions.append(Mention(span.start, span.end, key, text))
        self.acronyms(doc, entities, by_norm, mentions)
        self.national_to_country(entities, mentions, by_norm)
        self.defined_terms(doc, entities, mentions, by_norm)
        ends = {m.end: m for m in mentions}
        for lo, tick, _ in doc.user_data.get("newsgraph_tickers", ()):
            owner = ends.get(lo) or ends.get(lo - 1)  # "Acme Corp. (NYSE: ACM)", "Acme, (NYSE: ACM)"
            if owner is not None and entities[owner.key].type == "ORG":
                entities[owner.key].names[doc[tick].text] += 1
                mentions.append(Mention(tick, tick + 1, owner.key, doc[tick].text))
        mentions += self.short_forms(doc, entities, mentions, parents)
        mentions.sort(key=lambda m: m.start)
        self.products(doc, entities, mentions)
        return entities, mentions

    def link(
        self,
        n: str,
        etype: str,
        entities: dict[str, EntityInfo],
        by_norm: dict[str, str],
        formal: bool = False,
        parents: set[str] | frozenset = frozenset(),
    ) -> str | None:
        """The entity an earlier, longer name of which `n` is a short form. A name that carries its own
        legal suffix ('Credit Suisse Group AG') is a company of its own beside a longer one that
        begins alike ('Credit Suisse Securities (Europe) Ltd'); a bare 'Credit Suisse' then goes to
        the name it completes with suffixes only."""
        words = n.split()
        loose = None
        for other, key in by_norm.items():
            info = entities[key]
            ow = other.split()
            if etype == "PERSON" and info.type == "PERSON" and len(words) == 1 and ow[-1] == words[0]:
                return key
            if (
                etype == "PERSON"
                and info.type == "PERSON"
                and len(words) == 1
                and len(ow) > 1
                and ow[0] == words[0]
            ):
                return key  # "Claire is the right leader", in a quote, after "Claire Dubois" was named
            if etype in ("ORG", "PRODUCT") and info.type == "ORG" and len(ow) > len(words):
                if ow[: len(words)] == words and n not in self.countries and n not in self.country_norms:
                    rest = ow[len(words) :]
                    if all(w in self.suffixes or w in LEGAL or w in NAME_TAILS for w in rest) and not (
                        n in parents and any(w not in LEGAL for w in rest)
                    ):
                        return key
                    if len(words) == 1 and spelled_out(ow):
                        return key  # "LVMH" for "LVMH Moët Hennessy Louis Vuitton": its own initials
                    if len(words) >= 2 and not formal:
                        loose = loose or key
                        continue
                # "Couche-Tard" for "Alimentation Couche-Tard": the distinctive tail of a longer name
                if (
                    etype == "ORG"
                    and info.type == "ORG"
                    and len(ow) > len(words)
                    and ow[-len(words) :] == words
                    and words[-1] not in self.suffixes
                    and words[-1] not in LEGAL
                    and len(n) >= 5
                    # "Louis Vuitton" in "LVMH Moët Hennessy Louis Vuitton": a group named for
                    # the houses it joined; each house is a company of its own
                    and not spelled_out(ow)
                ):
                    loose = loose or key
        return loose

    def acronyms(self, doc, entities, by_norm, mentions) -> None:
        """'Beijing Automotive Group Co. (BAIC)' and 'MIIT' for the ministry's initials."""
        for m in list(mentions):
            info = entities[m.key]
            if info.type not in ("ORG", "GOV"):
                continue
            end = m.end
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                ac = doc[end + 1]
                if ac.is_upper and ac.is_alpha and 2 <= len(ac.text) <= 6:
                    other = by_norm.get(ac.text.lower())
                    if other and other != m.key:
                        self.merge(entities, mentions, by_norm, other, m.key)
                    by_norm[ac.text.lower()] = m.key
        for m in list(mentions):
            info = entities.get(m.key)
            if info is None or not m.text.isupper() or len(info.names) > 1:
                continue
            for key, other in entities.items():
                if key == m.key or other.type not in ("ORG", "GOV"):
                    continue
                for name in other.names:
                    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
                    every = "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()
                    # "GM" for "General Motors Co.": two letters are too common to be any
                    # name's initials, but do stand for a two-word name without its legal suffix.
                    bare = canonical(name).split()
                    pair = (
                        len(bare) == 2 and all(w[:1].isupper() for w in bare) and "".join(w[0] for w in bare)
                    )
                    # "BOJ" for "Bank of Japan": the initials of every word, "of" too
                    if ((initials == m.text or every == m.text) and len(m.text) >= 3) or pair == m.text:
                        self.merge(entities, mentions, by_norm, m.key, key)
                        break
                else:
                    continue
                break

    def defined_terms(self, doc, entities, mentions, by_norm) -> None:
        """'Castelora Energía, S.A. ("Castelora" or "the Group")': a release defines the short name
        it will use; both name one company."""
        toks = _toks(doc)
        starts = {m.start: m for m in mentions}
        quotes = {'"', "“", "”", "'", "‘", "’"}
        for m in list(mentions):
            if m.key not in entities or entities[m.key].type not in ("ORG", "PERSON"):
                continue
            i = m.end
            while i < len(toks) and (toks[i].text == "," or toks[i].lower_.rstrip(".") in self.suffixes):
                i += 1
            if i >= len(toks) or toks[i].text != "(":
                continue
            i += 1
            while i < len(toks) and toks[i].text in quotes:
                i += 1
            term = starts.get(i)
            # "Acme Manufacturing (India)": a country in brackets is where the unit is, not its name
            if (
                term is not None
                and term.key != m.key
                and term.key in entities
                and entities[term.key].type != "GOV"
            ):
                self.merge(entities, mentions, by_norm, term.key, m.key)
                if entities[m.key].type == "PERSON":
                    entities[m.key].type = "ORG"  # a defined term is a company's, in a release

    def national_to_country(self, entities, mentions, by_norm) -> None:
        """'the Dutch government' is the Netherlands where the article names the country or its capital."""
        for key, info in list(entities.items()):
            words = info.name.lower().split() if info.type == "GOV" else []
            if len(words) < 2 or words[-1] not in ("government", "administration"):
                continue
            names = DEMONYMS.get(" ".join(words[:-1]))
            country = next((k for k, other in entities.items() if k != key and other.type == "GOV"
                            and any(canonical(n).lower() in (names or ()) for n in other.names)), None)  # fmt: skip
            if country is not None:
                self.merge(entities, mentions, by_norm, key, country)

    @staticmethod
    def merge(entities, mentions, by_norm, src: str, dst: str) -> None:
        if src not in entities or src == dst:
            return
        entities[dst].names.update(entities[src].names)
        entities[dst].kind = entities[dst].kind or entities[src].kind
        del entities[src]
        for m in mentions:
            if m.key == src:
                m.key = dst
        for k, v in list(by_norm.items()):
            if v == src:
                by_norm[k] = dst

    def short_forms(
        self, doc: Doc, entities: dict[str, EntityInfo], mentions: list[Mention], parents: set[str]
    ) -> list[Mention]:
        """Later mentions by a short name: 'Chery' after 'Chery Automobile Co.', 'Lei' after 'Lei Jun'."""
        forms: dict[str, str] = {}
        for key, info in entities.items():
            for name in info.names:
                forms.setdefault(name, key)
                words = name.replace("\u2019s", "").split()
                if info.type == "ORG" and len(words) > 1:
                    rest = [w.lower().rstrip(".,") for w in words[1:]]
                    first = words[0]
                    if (
                        all(w in self.suffixes or w in LEGAL for w in rest)
                        and not (first.lower() in parents and any(w not in LEGAL for w in rest))
                        and first.lower() not in self.countries
                        and len(first) >= 3
                        and first[:1].isupper()
                    ):
                        forms.setdefault(first, key)
                    if spelled_out([w.lower() for w in words]):
                        forms.setdefault(first, key)
                    canon = canonical(name)
                    if canon != name:
                        forms.setdefault(canon, key)
                if info.type == "PERSON" and len(words) > 1:
                    forms.setdefault(words[-1], key)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        matcher = PhraseMatcher(doc.vocab)
        for form in forms:
            matcher.add(form, [self.make_doc(form)])
        out = []
        for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            if not (
                span[0].text[:1].isupper() or span[0].text[:1].isdigit() or span[0].text != span[0].lower_
            ):
                continue
            form = doc.vocab.strings[match_id]
            key = forms[form]
            taken |= set(range(start, end))
            entities[key].names[span.text] += 1
            out.append(Mention(start, end, key, span.text))
        return out

    def products(self, doc: Doc, entities: dict[str, EntityInfo], mentions: list[Mention]) -> None:
        """'launched Velnara', 'a generic version of Velnara': a name used only as a thing made is a product.

        The small model tags drug and device names ORG; taken for companies they become
        parties to deals and lawsuits. A name is a product when some mention sits where
        products sit and none acts the way a company does (says, signs, buys, owns).
        """
        thing_of: dict[str, list[bool]] = {}
        for m in mentions:
            info = entities[m.key]
            if info.type not in ("ORG", "PLACE") or info.kind:
                continue
            if info.type == "PLACE" and any(n.lower() in self.places for n in info.names):
                continue
            root = doc[m.start : m.end].root
            head = root.head
            acts = (root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in ACTOR_VERBS) or (
                root.dep_ in ("poss", "compound") and head.lower_ in SPEAKER_NOUNS | TITLE_TOKENS
            )
            # "iPhone", "iPad": a lowercase first letter is a product's mark unless the name acts.
            owner = [c for c in root.children if c.dep_ == "poss" and entity_of(c) and entity_of(c) != m.key]
            thing = (
                (root.dep_ == "dobj" and head.lemma_ in PRODUCT_VERBS)
                or (
                    root.dep_ == "pobj"
                    and head.lower_ in ("of", "for", "to")
                    and head.head.lemma_ in PRODUCT_NOUNS
                )
                or (
                    root.dep_ == "pobj"
                    and head.lower_ == "as"
                    and head.head.pos_ == "VERB"
                    and head.head.lemma_ in ("sell", "market", "brand")
                )
                # "its Aria X2 headset", "Quest headsets": a name modifying the kind of thing it is
                or (root.dep_ in ("compound", "nmod") and head.lemma_.lower() in PRODUCT_KINDS)
                or bool(re.match(r"[a-z]+[A-Z]", m.text))
                # "Acme's Zorvex": a name a company owns (a subsidiary also acts, which overrides).
                or bool(owner and entities[entity_of(owner[0])].type == "ORG")
            )
            seen = thing_of.setdefault(m.key, [False, False])
            seen[0] |= thing
            seen[1] |= acts
        for key, (thing, acts) in thing_of.items():
            names = entities[key].names
            if (
                thing
                and not acts
                and not any(n.split()[-1].lower().rstrip(".") in self.suffixes for n in names)
            ):
                entities[key].type = "PRODUCT"

    def set_annotations(self, doc: Doc, entities: dict[str, EntityInfo], mentions: list[Mention]) -> None:
        doc.user_data[ENTITY_AT] = {}  # entity_of reads it, even where no token names one
        toks = _toks(doc)
        for m in mentions:
            for tok in toks[m.start : m.end]:
                set_entity(tok, m.key)
        doc._.entities = entities
        doc._.mentions = mentions
        person_orgs(doc)


def _based(doc: Doc, i: int) -> bool:
    """Whether tokens from i read '-based' ('Seoul-based'), or ', State-based' after a city
    ('San Jose, California-based'): the city is half of the same place description."""
    toks = _toks(doc)
    if i + 1 < len(toks) and toks[i].text == "-" and toks[i + 1].lower_ == "based":
        return True
    if i + 2 >= len(toks) or toks[i].text != ",":
        return False
    j = i + 1
    while j < min(i + 4, len(toks)) and toks[j].text[:1].isupper() and toks[j].is_alpha:
        j += 1
    return j > i + 1 and _based(doc, j) and toks[j].text == "-"


# Tails that AI labs add to their names ('Mistral AI'), too common as words to be suffixes.
NAME_TAILS = {"ai"}
WATCHDOGS = {"regulator", "watchdog", "supervisor"}
UNIT_NOUNS = {"division", "unit", "arm", "subsidiary", "business", "businesses", "units", "divisions",
              "subsidiaries", "studio", "studios", "affiliate"}  # fmt: skip


def parent_names(doc: Doc) -> set[str]:
    """Words the article uses for a group of units: 'Sony's PlayStation division', 'a unit of Sony'.

    There a longer name that begins with the word and adds a trade word ('Sony Interactive
    Entertainment', 'Alibaba Cloud') is the unit, a company of its own beside its parent.
    """
    out: set[str] = set()
    toks = _toks(doc)
    for tok in toks:
        if tok.lower_ not in UNIT_NOUNS:
            continue
        if tok.i + 2 < len(toks) and toks[tok.i + 1].lower_ == "of" and toks[tok.i + 2].text[:1].isupper():
            out.add(toks[tok.i + 2].lower_)
        for j in range(max(1, tok.i - 3), tok.i):
            if toks[j].tag_ == "POS" and toks[j - 1].text[:1].isupper():
                out.add(toks[j - 1].lower_)
        # "the Paramount Pictures film studio": a two-word name before the unit noun is the
        # unit's; its first word is what the article calls the parent.
        j = tok.i - 1
        if j > 0 and toks[j].pos_ == "NOUN" and toks[j].is_lower:
            j -= 1
        name = []
        while j >= 0 and toks[j].pos_ == "PROPN" and toks[j].text[:1].isupper():
            name.append(toks[j])
            j -= 1
        if len(name) >= 2:
            out.add(name[-1].lower_)
    return out


def spelled_out(words: list[str]) -> bool:
    """'lvmh moët hennessy louis vuitton': a name that opens with the initials of its other words."""
    return len(words) > 2 and sorted(words[0]) == sorted(w[0] for w in words[1:])


def _initials(tok: Token) -> bool:
    """'LVMH', 'SK': capitals alone that open a company's name, not a word of the sentence."""
    return tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 5 and tok.text not in COMMON_CODES


def with_initials(span: Span) -> Span:
    """'LVMH Moët Hennessy Louis Vuitton': the small model tags the founders' names that end a
    long company name (a PERSON) and leaves out the initials that open it. Proper nouns that
    modify the span and begin with such initials are the rest of one company's name."""
    toks = _toks(span.doc)
    start = span.start
    while (
        start > 0
        and toks[start - 1].pos_ == "PROPN"
        and toks[start - 1].dep_ == "compound"
        and start <= toks[start - 1].head.i < span.end
        and toks[start - 1].ent_iob_ == "O"
        and toks[start - 1].text[:1].isupper()
        # "BP Chief Executive Bernard Looney": a title between the company and a person
        and toks[start - 1].lower_ not in TITLE_TOKENS | TITLE_TAIL
        and toks[start - 1].text.rstrip(".") not in HONORIFICS
    ):
        start -= 1
    while start < span.start and not _initials(toks[start]):
        start += 1
    return span.doc[start : span.end] if start < span.start else span


def styled_names(doc: Doc) -> list[tuple[Span, str, str | None]]:
    """'SK hynix': a brand written as initials and a lowercase word, which NER passes over.

    The lowercase word is the name's only where the article never writes it without the
    initials and one mention acts (a subject or an owner).
    """
    toks = _toks(doc)
    pairs: dict[str, list[Token]] = {}
    for tok in toks:
        # "EUV machines": a plural is a common noun after a code, never a brand
        if tok.is_lower and tok.is_alpha and len(tok.text) > 2 and tok.tag_ != "NNS":
            pairs.setdefault(tok.text, []).append(tok)
    out = []
    for uses in pairs.values():
        firsts = {toks[t.i - 1].text if t.i else "" for t in uses}
        if len(uses) < 2 or len(firsts) != 1 or not all(t.i and _initials(toks[t.i - 1]) for t in uses):
            continue
        if not any(t.dep_ in ("nsubj", "nsubjpass", "poss") and t.pos_ in ("NOUN", "PROPN") for t in uses):
            continue
        out += [(doc[t.i - 1 : t.i + 1], "ORG", None) for t in uses]
    return out


# Stock exchanges as a press release cites them: "(NASDAQ: ACME)", "(NYSE: GBX)".
EXCHANGES = {"nasdaq", "nyse", "amex", "tsx", "tsxv", "lse", "asx", "hkex", "sgx", "otc", "otcqx", "otcqb",
             "euronext", "six", "xetra", "tse", "nyse american", "cboe", "bse", "nse"}  # fmt: skip


TICKER_HINT = re.compile(r"\(\s*(?:" + "|".join(sorted(EXCHANGES, key=len, reverse=True)) + r")\s*:", re.I)


def ticker_marks(doc: Doc) -> list[tuple[int, int, int]]:
    """(open paren, ticker, close paren) of every '(EXCHANGE: TICKER)' in the text."""
    out = []
    if not TICKER_HINT.search(doc_text(doc)):
        return out  # one C-level scan of the text spares the token walk in most articles
    toks = _toks(doc)
    for tok in toks:
        if tok.text != "(" or tok.i + 4 >= len(doc):
            continue
        j = tok.i + 1
        if toks[j].lower_ not in EXCHANGES:
            continue
        j += 1
        if toks[j].lower_ in ("american", "global"):
            j += 1
        if toks[j].text != ":" or j + 2 >= len(doc):
            continue
        tick = toks[j + 1]
        if tick.text.isupper() and toks[j + 2].text in (")", ";", ","):
            close = j + 2
            while close < len(doc) - 1 and toks[close].text != ")" and close < j + 8:
                close += 1
            out.append((tok.i, tick.i, close))
    return out


# The last word of a public body's name.
GOV_HEADS = {"administration", "agency", "commission", "authority", "bureau", "board", "office", "department",
             "ministry", "council", "committee"}  # fmt: skip
# Verbs whose object, and nouns whose "of"/"for" phrase, is a thing a company makes.
PRODUCT_VERBS = {"launch", "release", "unveil", "introduce", "commercialize", "commercialise", "market", "ship"}  # fmt: skip
PRODUCT_NOUNS = {"version", "versions", "development", "commercialization", "commercialisation", "launch",
                 "application", "filing", "sales", "rights", "approval", "label", "indication", "generic",
                 "authorization", "authorisation", "clearance"}  # fmt: skip
# Kinds of things made that a product's name modifies: "the Aria X2 headset".
PRODUCT_KINDS = {"headset", "headsets", "phone", "smartphone", "handset", "laptop", "tablet", "console", "car",
                 "sedan", "suv", "truck", "vehicle", "chip", "processor", "drug", "vaccine", "therapy", "device",
                 "jet", "aircraft", "plane", "robot", "vacuum", "smartwatch", "camera"}  # fmt: skip
# Possessives a headline phrase holds ("Expanding Its Portfolio") and a company name never does.
OWN_PRONOUNS = {"its", "our", "their", "his", "her", "my", "your"}
# Title words that end a company's name in "Acme Chief Executive Jane Roe".
TITLE_TAIL = {"chief", "executive", "ceo", "cfo", "coo", "cto", "president", "chairman", "chairwoman", "chair",
              "officer", "founder", "co-founder"}  # fmt: skip
# Heads of an apposition that makes the name before it a person's: "Jane Roe, chief of staff,".
OFFICER_NOUNS = TITLE_TAIL | {"head", "director", "counsel", "secretary", "treasurer"}
TITLE_TOKENS = {
    "chief", "executive", "financial", "operating", "officer", "technology", "board", "supervisory", "management",
    "directors", "director", "president", "chairman", "chair", "vice", "senior", "ceo", "cfo", "head", "managing",
    "of", "the", "interim", "global", "group", "investor", "relations", "media", "committee", "audit", "oncology",
    "commercial", "strategy", "general", "counsel", "secretary", "treasurer", "finance",
}  # fmt: skip
# Words between a company and the name of its officer: "Acme's chief executive Jane Roe".
PRE_NAME_WORDS = TITLE_TOKENS | {"boss", "ceo", "cfo", "coo", "cto", "founder", "co-founder", "cofounder"}
TITLE_WORDS = (
    "chief executive", "chief executive officer", "ceo", "chief financial officer", "cfo", "chief operating officer",
    "coo", "chief technology officer", "cto", "chairman", "chairwoman", "chair", "president", "founder",
    "co-founder", "cofounder", "chief", "head", "director", "managing director", "partner", "analyst",
    "spokesperson", "spokesman", "spokeswoman", "executive", "vice president", "treasurer", "economist",
    "strategist", "minister", "secretary", "governor", "commissioner", "officer", "boss",
)  # fmt: skip

# The longest title first: "chief financial officer" before "officer".
TITLE_PATTERNS = [(t, re.compile(rf"\b{re.escape(t)}\b")) for t in sorted(TITLE_WORDS, key=len, reverse=True)]


def person_orgs(doc: Doc) -> None:
    """A person's company and title from the words around the name ('Xiaomi's co-founder Lei Jun')."""
    entities = doc._.entities
    for m in doc._.mentions:
        info = entities[m.key]
        if info.type != "PERSON" or info.org:
            continue
        head = doc[m.start : m.end].root
        lo, hi = head.left_edge.i, head.right_edge.i
        if head.dep_ in ("appos",) or (head.head.dep_ in ("appos",) and head.head.i < head.i):
            lo = min(lo, head.head.left_edge.i)
        # Only the person's own phrase: "X, an analyst at Y," not the rest of the sentence.
        lo, hi = max(lo, m.start - 8), min(hi, m.end + 8)
        for t in doc[m.end : hi + 1]:
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl"):
                hi = t.i - 1
                break
        sent = sent_of(head)
        lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
        window = doc[lo : hi + 1]
        text = span_text(window).lower()
        for title, rx in TITLE_PATTERNS:
            if rx.search(text):
                info.role = info.role or title
                break
        # "Chipotle boss Brian Niccol", "Acme's CEO Jane Roe": a company right before the
        # title before the name is the person's own, whatever the rest of the sentence names.
        i = m.start - 1
        while i >= sent.start and (doc[i].lower_ in PRE_NAME_WORDS or doc[i].tag_ == "POS"):
            i -= 1
        key = entity_of(doc[i]) if i >= sent.start else None
        if (
            key
            and entities[key].type == "PRODUCT"
            and any(t.lower_ in TITLE_TAIL for t in doc[i + 1 : m.start])
        ):
            entities[key].type = "ORG"  # "PlayStation chief Jim Ryan": a brand with a chief is its unit
        # "Former Initech CEO Tom Reyes", "Jane Roe, who previously led Initech,": the company
        # a person left is not the person's company.
        past = _past_employers(doc, sent, m, i)
        if key and key not in past and key != m.key and entities[key].type == "ORG":
            if entities[key].kind != "publication":
                info.org = key
                continue
        # The company in the person's own phrase first, then just before the name
        # ("Xiaomi's co-founder Lei Jun", which the small parser often splits).
        before = doc[max(sent.start, m.start - 6) : m.start]
        for tok in list(window) + list(reversed(before)):
            key = entity_of(tok)
            if key in past:
                continue
            if key and key != m.key and entities[key].type == "ORG" and entities[key].kind != "publication":
                info.org = key
                break


FORMER = {"former", "ex", "ex-", "previously", "formerly", "onetime", "one-time", "erstwhile", "outgoing", "departing",
          "ousted", "once"}  # fmt: skip
LEFT_VERBS = {"leave", "quit", "depart", "lead", "run", "head", "found", "co-found", "serve"}


def _past_employers(doc: Doc, sent, m, i: int) -> set[str]:
    """Companies the person's own phrase marks as past: 'former X CEO', 'who previously led X'."""
    out: set[str] = set()
    if (
        i >= sent.start
        and entity_of(doc[i])
        and any(t.lower_ in FORMER for t in doc[max(sent.start, i - 2) : m.start])
    ):
        out.add(entity_of(doc[i]))
    head = doc[m.start : m.end].root
    for c in head.children:
        if c.dep_ != "relcl":
            continue
        past = any(a.lower_ in FORMER for a in c.children if a.dep_ == "advmod") or (
            c.tag_ == "VBD" and c.lemma_ in LEFT_VERBS
        )
        if past:
            out |= {entity_of(t) for t in c.subtree if entity_of(t)}
    out.discard(None)
    return out
