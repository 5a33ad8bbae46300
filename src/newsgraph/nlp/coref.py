"""Coreference of descriptions: 'the Chinese smartphone giant', 'the company', 'it' -> Xiaomi.

Wire copy names a company once and then describes it. A description links to the most
salient entity of the right type seen so far: the one mentioned most often in the last few
sentences, with the grammatical subject of the previous sentence breaking ties. Publications
and analyst houses are never the antecedent of "the company": in business copy they are
sources, not subjects.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from newsgraph.nlp.entities import DEMONYMS, UNIT_NOUNS, Mention, lexicon
from newsgraph.nlp.shared import all_sentences, doc_text, doc_tokens, entity_of, sent_of, set_entity

PRONOUNS_ORG = {"it", "its"}
QUOTES = {'"', "\u201c", "\u201d", "'", "``", "''"}
# Descriptions that name a regulator, never the country it sits in.
REGULATOR_NOUNS = {"regulator", "regulators", "watchdog", "agency", "commission", "authority"}
# Words a press release defines for itself: '("Acme" or the "Company")'.
DEFINED_WORDS = {"company", "group", "bank", "corporation", "firm", "partnership", "issuer", "fund", "trust"}
# Capitalized, these stand for the issuer of a release even where it never defines them.
CAPITAL_TERMS = {"Company", "Group", "Corporation"}
FIRM_NOUNS = {"firm", "brokerage", "consultancy"}
PRONOUNS_PERSON = {"he", "she", "his", "her"}
DEFINED = "newsgraph_defined_terms"


class DescriptionCoref:
    """Component `newsgraph_coref`: adds description and pronoun mentions to doc._.mentions."""

    def __init__(self, nlp=None, name: str = "newsgraph_coref", pronouns: bool = True):
        lex = lexicon()
        self.org_nouns = {w.split()[-1] for w in lex["org_descriptors"]}
        self.gov_nouns = {w.split()[-1] for w in lex["gov_descriptors"]}
        self.gov_phrases = {w for w in lex["gov_descriptors"] if " " in w}
        self.countries = {n.lower() for n in lex["countries_and_capitals"]}
        self.pronouns = pronouns

    def __call__(self, doc: Doc) -> Doc:
        links = self.match(doc)
        self.set_annotations(doc, links)
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, str]]:
        entities = doc._.entities
        by_sent: dict[int, list[Mention]] = {}
        for m in doc._.mentions:
            by_sent.setdefault(sent_of(doc[m.start]).start, []).append(m)
        sents = all_sentences(doc)
        defined = doc.user_data[DEFINED] = self.defined_terms(doc)
        links = []
        for si, sent in enumerate(sents):
            for start, end, want in self.descriptions(sent):
                if any(entity_of(doc[i]) and not self.nationality(doc, i, end) for i in range(start, end)):
                    continue
                key = defined.get(doc[end - 1].text)
                if key is None and want == "ORG" and end - start == 2 and doc[end - 1].text in CAPITAL_TERMS:
                    # "the Company expects:" in a release that never defined it: the issuer,
                    # the company the release names most, not the segment named last.
                    key = _topic(doc, lambda m: _issuer(entities[m.key]))
                if (
                    key is None
                    and want == "GOV"
                    and (doc[end - 1].lower_ in REGULATOR_NOUNS or doc[end - 2].lower_ == "central")
                ):
                    key = self.regulator(doc, start, end, entities)
                if doc[start].pos_ == "PRON":
                    key = self.clause_subject(doc, doc[start], want, entities, links=links)
                elif key is None and want == "ORG":
                    key = named_in(doc, start, end, entities)
                key = key or self.antecedent(doc, sents, si, start, end, want, by_sent, entities, links)
                if key:
                    links.append((start, end, key))
        return links

    def national(self, info) -> bool:
        """A country, its capital, or its government by name ('the Trump administration')."""
        return info.type == "GOV" and any(
            n.lower() in self.countries or n.split()[-1].lower() in ("government", "administration")
            for n in info.names
        )

    def nationality(self, doc: Doc, i: int, end: int) -> bool:
        """'The U.S. entertainment giant': a country named inside a description says where the
        company is from; the description still names a company."""
        tok = doc[i]
        info = doc._.entities[entity_of(tok)]
        return (
            info.type == "GOV"
            and tok.dep_ == "compound"
            and tok.head.i < end
            and any(n.lower() in self.countries for n in info.names)
        )

    @staticmethod
    def regulator(doc: Doc, start: int, end: int, entities) -> str | None:
        """'the European regulator', 'the agency': a regulator named before, not a country.

        A capitalized modifier ("European", "Japanese") picks the regulator whose name holds
        it; otherwise the latest regulator named.
        """
        junk = doc._.junk
        regs = [
            m
            for m in doc._.mentions
            if m.end <= start
            and entities[m.key].kind == "regulator"
            and not any(s <= doc[m.start].idx < e for s, e in junk)
        ]
        if not regs:
            return None
        marks = {t.text for t in doc[start : end - 1] if t.text[:1].isupper() and t.lower_ != "the"}
        if marks:
            named = [m for m in regs if any(w in marks for n in entities[m.key].names for w in n.split())]
            regs = named or regs
        # One named in this sentence or the one before ("rejected the FTC's request while the
        # agency pursued its challenge"); else the regulator the story is about (named most),
        # the latest named breaking ties.
        here = sent_of(doc[start])
        prev_start = sent_of(doc[here.start - 1]).start if here.start > 0 else here.start
        near = [m for m in regs if m.start >= prev_start]
        if near:
            return near[-1].key
        counts = Counter(m.key for m in regs)
        latest = {m.key: m.start for m in regs}
        return max(counts, key=lambda k: (counts[k], latest[k]))

    @staticmethod
    def defined_terms(doc: Doc) -> dict[str, str]:
        """'Acme Corp. ("Acme" or the "Company")': a press release defines "the Company" once.

        The capitalized word then names that entity wherever it appears, however salient
        another company is nearby (an investor, a licensee).
        """
        out: dict[str, str] = {}
        mentions = doc._.mentions
        for m in mentions:
            if m.start < 2 or doc[m.start - 1].text not in QUOTES or doc[m.start - 2].text != "(":
                continue
            # Inside the parenthesis: the quoted name, then 'or the "Company"' / 'the "Group"'.
            for tok in doc[m.end : min(m.end + 8, len(doc))]:
                if tok.text == ")":
                    break
                if not (tok.text[:1].isupper() and tok.lower_ in DEFINED_WORDS):
                    continue
                # 'the "Company"' or '"the Company"'
                prev = doc[tok.i - 1]
                if prev.text in QUOTES or (prev.lower_ == "the" and doc[tok.i - 2].text in QUOTES):
                    out.setdefault(tok.text, m.key)
        return out

    def descriptions(self, sent: Span):
        toks = doc_tokens(sent.doc)
        for tok in toks[sent.start : sent.end]:
            pos = tok.pos_
            if pos == "PRON":
                low, dep = tok.lower_, tok.dep_
                if self.pronouns and low in PRONOUNS_ORG and dep in ("nsubj", "poss", "nsubjpass"):
                    yield tok.i, tok.i + 1, "ORG"
                elif self.pronouns and low in PRONOUNS_PERSON and dep in ("nsubj", "poss"):
                    yield tok.i, tok.i + 1, "PERSON"
                continue
            if pos != "NOUN" and not (pos == "PROPN" and tok.i > 0 and toks[tok.i - 1].lower_ == "the"):
                continue  # "the Group", "the Company" of press releases are descriptions too
            if tok.tag_ in ("NNS", "NNPS"):
                continue
            low = tok.lower_
            want = "ORG" if low in self.org_nouns else "GOV" if low in self.gov_nouns else None
            if want and tok.i > 0 and f"{toks[tok.i - 1].lower_} {low}" in self.gov_phrases:
                want = "GOV"  # "the central bank": a bank that is a public body
            if want is None:
                continue
            if tok.dep_ == "compound":
                continue
            left = [c for c in tok.lefts]
            det = [c for c in left if c.dep_ in ("det", "poss")]
            start = min([c.left_edge.i for c in left], default=tok.i)
            while start < tok.i and toks[start].is_punct:
                start += 1  # '"the Company"': the quote marks the definition, not the description
            based = _based_place(tok) if not det else None
            if based is not None:
                # "the San Jose, California-based company": the parser hangs "the" on the city
                # or the verb; the whole phrase is still one description.
                det, start = [toks[based]], based
            if det and det[0].lower_ in ("the", "this", "that"):
                yield start, tok.i + 1, want
            elif (
                det
                and det[0].lower_ in ("world", "country", "nation", "industry")
                and toks[start].lower_ == "the"
            ):
                yield start, tok.i + 1, want  # "the world's largest cryptocurrency exchange"
            elif not det and toks[start].is_sent_start and tok.dep_ in ("nsubj", "nsubjpass"):
                yield start, tok.i + 1, want  # headline style: "Smartphone giant has had discussions"

    @staticmethod
    def clause_subject(doc, pron, want, entities, hops: int = 0, links=()) -> str | None:
        """'Moody's cut its outlook': a possessive pronoun names its own clause's subject.

        'Acme denied a report that it was in talks', 'Acme said it would appeal': a subject
        pronoun of a clause under a verb (or under that verb's object) names the subject of
        that verb, the one who speaks or acts, however often another company came up before.
        """
        if pron.dep_ not in ("poss", "nsubj", "nsubjpass") or hops > 2:
            return None
        verb = pron.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(4):
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i]
            if subj:
                c = subj[0]
                if c.pos_ == "PRON":
                    if c.lower_ in PRONOUNS_ORG and want == "ORG":
                        return DescriptionCoref.clause_subject(doc, c, want, entities, hops + 1, links)
                    return None
                # "The U.S. company ... its": a description resolved earlier, before a name inside it;
                # "The company's last deal was its purchase of ...": one the subject holds
                key = (
                    entity_of(c)
                    or next((k for s, e, k in links if s <= c.i < e), None)
                    or next(
                        (
                            entity_of(t)
                            for t in c.subtree
                            if entity_of(t)
                            and not _attributive(t, c, entities)
                            # "SAO PAULO, Brazil -- Acme announced its": the parser may take
                            # the dateline for the subject; its place is no actor
                            and not any(s <= t.idx < e for s, e in doc._.datelines)
                        ),
                        None,
                    )
                    or next((k for s, e, k in links if c.left_edge.i <= s < e <= c.right_edge.i + 1), None)
                )
                if key and (entities[key].type == want or (want == "ORG" and entities[key].type == "GOV")):
                    return key
                if key and want == "ORG" and _its_own(pron, verb) and _lone_person(entities[key]):
                    # "J.M. Smucker completed its purchase": a name the subject of a clause that
                    # calls it "its" is a company's, whatever NER took it for
                    entities[key].type = "ORG"
                    return key
                return None  # the nearest subject is someone else: salience decides
            # Up from the pronoun's clause to the verb it hangs under: ccomp/conj of a verb, or
            # acl of that verb's object ("denied a report that it ...").
            up = verb
            if up.dep_ not in ("ccomp", "conj", "acl", "xcomp", "advcl") or up.head.i == up.i:
                return None
            up = up.head
            while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                up = up.head
            if up.i == verb.i:
                return None
            verb = up
        return None

    def antecedent(self, doc, sents, si, start, end, want, by_sent, entities, links=()) -> str | None:
        pronoun = doc[start].pos_ == "PRON"
        units = _units(doc) if any(t.lower_ == "parent" for t in doc[start:end]) else set()
        # "said an analyst at Bluewater Research ... The firm expects": "firm" is how copy
        # refers back to an analyst house, which "the company" never names.
        firm = not pronoun and doc[end - 1].lower_ in FIRM_NOUNS

        # "the southern African country": a country, not one of its bodies.
        country = doc[end - 1].lower_ in ("country", "nation")
        # "the bank's subsidiary, Acme Securities, ... the parent company": not the unit.
        parent = not pronoun and any(t.lower_ == "parent" for t in doc[start:end])

        def ok(m: Mention) -> bool:
            info = entities[m.key]
            if country:
                return info.type == "GOV" and any(n.lower() in self.countries for n in info.names)
            if parent and m.key in units:
                return False
            if want == "GOV":
                return info.type == "GOV"
            if pronoun and want == "ORG" and info.type == "GOV" and info.kind == "regulator":
                return True  # "it sued Amazon": a regulator is an "it" too
            if firm and info.kind == "analyst":
                return True
            return info.type == want and info.kind not in ("publication", "analyst")

        counts: Counter = Counter()
        recent: dict[str, int] = {}
        junk = doc._.junk
        # "Elliott built stakes in the company": a description that is not the subject of its
        # clause names someone other than that subject.
        own_subject = set() if pronoun else _clause_subject_tokens(doc[start])
        # "FINMA said it had concluded proceedings against the bank": the subject, named or a
        # pronoun already resolved, is not the object of its own clause, wherever else it is named.
        own_keys = {entity_of(doc[i]) for i in own_subject} | {
            k for s, e, k in links if any(s <= i < e for i in own_subject)
        }
        own_keys.discard(None)
        for sj in range(max(0, si - 3), si + 1):
            if junk and any(s <= sents[sj].start_char < e for s, e in junk):
                continue  # "Read more: <another story>" lines are not the article's discourse
            for m in by_sent.get(sents[sj].start, []):
                if m.start >= start or not ok(m) or m.key in own_keys:
                    continue
                counts[m.key] += (
                    1
                    + (sj == si)
                    + (
                        doc[m.start].dep_ in ("nsubj", "nsubjpass")
                        or doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass")
                    )
                )
                recent[m.key] = m.start
        if want == "GOV" and doc[end - 1].lower_ in ("government", "administration"):
            # "the government", "the administration": the country's government, not one of its
            # departments or agencies named nearby
            national = {k for k in counts if self.national(entities[k])}
            if not national:
                national = {
                    m.key for m in doc._.mentions if m.start < start and self.national(entities[m.key])
                }
                counts = Counter({k: 1 for k in national})
                recent = {m.key: m.start for m in doc._.mentions if m.key in national and m.start < start}
            counts = Counter({k: v for k, v in counts.items() if k in national}) or counts
        houses = {k for k in counts if entities[k].kind == "analyst"}
        if houses:
            counts = Counter({k: v for k, v in counts.items() if k in houses})
        prev = None
        if (
            counts
            and want == "ORG"
            and si > 0
            and (
                _in_subject(doc[start:end].root)
                if not pronoun
                else _paragraph_topic(doc, sents[si - 1], doc[start])
            )
        ):
            # "LVMH said ... The world's biggest luxury group said": a description that opens
            # its sentence as the subject continues the subject of the sentence before. So
            # does a subject pronoun right after a paragraph's opening sentence ("Acme also
            # faces pressure abroad. A judge ruled that it ..."): that subject is the topic.
            prev = _subject_entity(sents[si - 1], entities)
            if prev in counts:
                counts[prev] += 4
        topic = None
        here = by_sent.get(sents[si].start, [])
        # A candidate named earlier in the same sentence ("left Initech after the software
        # maker was acquired") is closer than the article's topic.
        if counts and not pronoun and not any(m.start < start and ok(m) for m in here):
            # "The coffee giant": a description, more than a pronoun, names the company the
            # article is about when it is among the candidates, and wins their ties.
            topic = _topic(doc, ok)
            if topic in counts:
                counts[topic] += 1
        if counts and not pronoun:
            # "the French company", "the Korean memory maker": a nationality in the description
            # picks the candidate the article ties to that country.
            places = _places(doc[start:end])
            if places:
                tied = {k for k in counts if _tied(doc, k, places, links)}
                # "China's BYD overtook Tesla ... the U.S. company": not the one tied elsewhere
                elsewhere = {k for k in counts if _tied(doc, k, ALL_PLACES - places, links)}
                counts = (
                    Counter({k: v for k, v in counts.items() if k in tied})
                    or Counter({k: v for k, v in counts.items() if k not in elsewhere})
                    or counts
                )
        if counts:
            return max(counts, key=lambda k: (counts[k], k == prev, k == topic, recent[k]))
        # No antecedent before it (a headline): the entity the article is most about.
        overall = Counter(m.key for m in doc._.mentions if ok(m) and m.key not in own_keys)
        return overall.most_common(1)[0][0] if overall else None

    def set_annotations(self, doc: Doc, links) -> None:
        inside = {
            (m.start, m.end) for m in doc._.mentions for s, e, _ in links if s <= m.start and m.end <= e
        }
        if inside:  # "the U.S. company": the description, not the country inside it
            doc._.mentions[:] = [m for m in doc._.mentions if (m.start, m.end) not in inside]
        for start, end, key in links:
            span = doc[start:end]
            m = Mention(start, end, key, span.text)
            doc._.mentions.append(m)
            for tok in span:
                set_entity(tok, key)
            if span.root.pos_ != "PRON" and self.stated(span, key):
                info = doc._.entities[key]
                if span.text not in info.descriptions:
                    info.descriptions.append(span.text)
        doc._.mentions.sort(key=lambda m: m.start)
        doc.user_data.pop(DEFINED, None)

    @staticmethod
    def stated(span: Span, key: str) -> bool:
        """Whether the text itself says the description is the entity: an apposition ('Toshiba, the
        embattled conglomerate,'), a predicate ('Acme is the largest maker') or a release's defined
        term. A description linked by salience alone reads the facts, but is no alias to publish:
        one wrong alias makes a name stand for two companies."""
        root = span.root
        doc = span.doc
        if root.lower_ in DEFINED_WORDS and doc.user_data.get(DEFINED, {}).get(root.text) == key:
            return True
        if root.dep_ == "appos" and entity_of(root.head) == key:
            return True
        if any(c.dep_ == "appos" and entity_of(c) == key for c in root.children):
            return True
        return root.dep_ == "attr" and any(
            c.dep_ == "nsubj" and entity_of(c) == key for c in root.head.children
        )


def _based_place(tok) -> int | None:
    """'the San Jose, California-based company': where the description opens, when only a
    place and '-based' stand between its article and its noun."""
    toks = doc_tokens(tok.doc)
    i = tok.i - 1
    if i < 1 or toks[i].lower_ != "based":
        return None
    i -= 1
    while i > 0 and (toks[i].pos_ == "PROPN" or toks[i].text in (",", "-")):
        i -= 1
    return i if toks[i].lower_ in ("the", "this") and i < tok.i - 3 else None


def _attributive(tok, head, entities) -> bool:
    """'new US export curbs', 'the RBI curbs': a country or agency naming the kind of a thing that
    is the subject; the thing, not the government, acts."""
    return tok.dep_ == "compound" and tok.head.i == head.i and entities[entity_of(tok)].type == "GOV"


def _its_own(pron, verb) -> bool:
    """'its' on the object of an action verb: 'completed its purchase', not 'became its owner'."""
    return (
        pron.lower_ == "its"
        and pron.head.dep_ == "dobj"
        and pron.head.head.i == verb.i
        and verb.lemma_ not in ("be", "become", "remain")
    )


def _lone_person(info) -> bool:
    """A PERSON named once, never by a surname alone, as a company's name is."""
    return info.type == "PERSON" and len(info.names) == 1


def _in_subject(tok) -> bool:
    """Whether the token heads, or owns, the subject of its sentence's main clause."""
    while tok.dep_ in ("poss", "compound", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"


def _subject_entity(sent: Span, entities) -> str | None:
    """The entity that is the main clause's subject: a company named, or the company of a
    person named ('Shell Chief Executive Wael Sawan said')."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    key = entity_of(subj) if subj is not None else None
    if key and entities[key].type == "PERSON":
        return entities[key].org
    return key


def _units(doc: Doc) -> set[str]:
    """Entities the article calls a unit: 'its British subsidiary, Acme Securities', 'Acme's unit Widget'."""
    out = set()
    for m in doc._.mentions:
        root = doc[m.start : m.end].root
        near = [root.head] if root.dep_ == "appos" else []
        near += [c for c in root.children if c.dep_ == "appos"]
        near += [t for t in doc[max(0, m.start - 2) : m.start]]
        if any(t.lower_ in UNIT_NOUNS for t in near):
            out.add(m.key)
    return out


def named_in(doc: Doc, start: int, end: int, entities) -> str | None:
    """'the payments bank' after 'Paytm Payments Bank': a description whose words, two or more,
    are all words of one company's name names that company, however salient its parent is."""
    words = {t.lower_ for t in doc[start:end] if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.is_alpha}
    if len(words) < 2:
        return None
    hits = {
        m.key
        for m in doc._.mentions
        if m.end <= start
        and entities[m.key].type == "ORG"
        and words <= {w.lower() for n in entities[m.key].names for w in n.split()}
    }
    return hits.pop() if len(hits) == 1 else None


ALL_PLACES = {w for k, v in DEMONYMS.items() for w in (k, *v)}


def _places(span: Span) -> set[str]:
    """The country words a description's nationality stands for: 'Korean' -> korea, seoul ..."""
    out: set[str] = set()
    for t in span:
        names = DEMONYMS.get(t.lower_)
        if names and t.text[:1].isupper():
            out |= {t.lower_, *names}
    return out


def _tied(doc: Doc, key: str, places: set[str], links) -> bool:
    """Whether the article ties the entity to one of `places`: 'France's Mistral', 'Seoul-based
    SK hynix', 'the Korean chipmaker SK hynix', or a description of it naming the place.

    The place must hang on the name (within two steps of the parse), not merely stand near it:
    'China clears Broadcom's deal' ties Broadcom to nothing.
    """
    spans = [(m.start, m.end) for m in doc._.mentions if m.key == key]
    spans += [(s, e) for s, e, k in links if k == key]
    for s, e in spans:
        root = doc[s:e].root
        lo = max(sent_of(root).start, s - 4)
        for t in doc[lo:e]:
            if not t.text[:1].isupper() or t.lower_ not in places and not _multiword(doc, t, places):
                continue
            if s <= t.i < e or t.head.i == root.i or t.head.head.i == root.i or root.head.i == t.head.i:
                return True
    return False


def _multiword(doc: Doc, tok, places: set[str]) -> bool:
    """'South Korea', 'United States': a place of two words that starts at the token."""
    return tok.i + 1 < len(doc) and f"{tok.lower_} {doc[tok.i + 1].lower_}" in places


def _clause_subject_tokens(tok) -> set[int]:
    """Head positions of the subject (and its conjuncts) of the verb that governs `tok`."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.dep_ in ("nsubj", "nsubjpass"):
            return set()  # the description is itself (in) the subject
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
            # The subject and its conjuncts, not its modifiers: "Acme's chief executive will
            # leave the company" is Acme's.
            out |= {c.i} | {t.i for t in c.subtree if t.dep_ == "conj" and t.head.i == c.i}
    return out


def _issuer(info) -> bool:
    return info.type == "ORG" and info.kind not in ("publication", "analyst")


def _paragraph_topic(doc: Doc, prev: Span, pron) -> bool:
    """Whether `prev` opens a paragraph and `pron`, a subject, sits in the sentence after it."""
    text = doc_text(doc)
    opens = prev.start_char == 0 or text[: prev.start_char].rstrip(" ").endswith("\n")
    return opens and pron.dep_ in ("nsubj", "nsubjpass") and sent_of(pron).start == prev.end


def _topic(doc: Doc, ok) -> str | None:
    """The entity named most in the article outside junk lines; the first named breaks ties."""
    cached = doc.user_data.get("newsgraph_topic_counts")
    if cached is None:
        junk = doc._.junk
        cached = Counter()
        first: dict[str, int] = {}
        for m in doc._.mentions:
            if junk and any(s <= doc[m.start].idx < e for s, e in junk):
                continue
            cached[m.key] += 1
            first.setdefault(m.key, m.start)
        doc.user_data["newsgraph_topic_counts"] = cached
        doc.user_data["newsgraph_topic_first"] = first
    first = doc.user_data["newsgraph_topic_first"]
    keys = [k for k in cached if ok_key(doc, k, ok)]
    return max(keys, key=lambda k: (cached[k], -first[k])) if keys else None


def ok_key(doc: Doc, key: str, ok) -> bool:
    return ok(Mention(0, 0, key, ""))
