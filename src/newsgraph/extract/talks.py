"""talks: 'X has held talks with Y', 'X is in talks to buy Y', 'talks between X and Y', 'X engaged with Y'."""

from __future__ import annotations

from itertools import combinations

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    expand,
    governing,
    patients,
    poss_entity,
    prep_entities,
    time_near,
    tokens,
)  # fmt: skip

NOUNS = {"talk", "talks", "discussion", "negotiation", "conversation", "deliberation", "dialogue", "dialog"}
VERBS = {"negotiate", "discuss", "engage", "court", "approach", "explore", "sound", "talk", "meet"}
ENDED = {"end", "collapse", "break", "stall", "terminate", "abandon", "fail", "halt", "suspend", "cut"}
DEAL_VERBS = {"buy", "acquire", "merge", "purchase", "take", "invest", "form", "create", "sell", "supply",
              "combine", "build", "develop", "license"}  # fmt: skip


class TalksExtractor(FactExtractor):
    fact_type = "talks"

    def match(self, doc, sent):
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "NOUN" and (lemma in NOUNS or tok.lower_ in NOUNS):
                pairs = self.noun_pairs(tok)
            elif tok.pos_ == "VERB" and lemma in VERBS:
                pairs = self.verb_pairs(tok)
            else:
                continue
            status = self.status(tok)
            for party, counter in pairs:
                yield self.fact(
                    doc, tok, {"party": party, "counterparty": counter}, status=status,
                    time=time_near(doc, sent, tok),
                )  # fmt: skip

    def noun_pairs(self, tok):
        between = prep_entities(tok, ["between", "among"])
        if len(between) >= 2:
            return list(combinations(between, 2))
        counters = prep_entities(tok, ["with"])
        parties = poss_entity(tok)
        for gov in governing(tok)[1:]:
            counters = counters or prep_entities(gov, ["with"])
            if not parties and gov.pos_ in ("VERB", "AUX"):
                parties = agents(gov)
            if parties:
                break
        counters = counters or self.deal_targets(tok)
        if not parties and tok.dep_ in ("nsubj", "nsubjpass"):
            parties = []
        if parties and not counters and len(parties) >= 2:
            return list(combinations(parties, 2))
        return _pairs(parties, counters)

    def verb_pairs(self, tok):
        parties = agents(tok)
        if tok.lemma_ in ("talk", "meet"):
            # "has been talking to Y about a tie-up"; a bare meeting is not talks
            counters = prep_entities(tok, ["to", "with"])
            if tok.lemma_ == "meet" and not any(
                w in tok.sent.text.lower() for w in ("deal", "merger", "partnership", "tie-up", "acquisition")
            ):
                counters = []
        elif tok.lemma_ in ("engage", "negotiate", "discuss"):
            # "discussed a manufacturing partnership with Y": "with" hangs on the object
            counters = prep_entities(tok, ["with"]) or [
                k for c in tok.children if c.dep_ == "dobj" for k in prep_entities(c, ["with"])
            ]
            if not counters and tok.lemma_ == "negotiate":
                counters = patients(tok)
        elif tok.lemma_ == "sound":
            counters = patients(tok)
        elif tok.lemma_ == "explore":
            # "exploring a tie-up with Y"
            counters = [k for c in tok.children if c.dep_ == "dobj" for k in prep_entities(c, ["with"])]
        else:
            counters = patients(tok) + prep_entities(tok, ["about", "over"]) * 0
        if not counters and len(parties) >= 2:
            return list(combinations(parties, 2))
        return _pairs(parties, counters)

    @staticmethod
    def deal_targets(tok):
        # "in talks to buy Y": the counterparty is the object of the deal verb.
        for c in tok.children:
            if c.dep_ in ("acl", "relcl", "xcomp") and c.lemma_ in DEAL_VERBS:
                return (
                    patients(c)
                    + prep_entities(c, ["with", "to"])
                    + [k for d in c.children if d.dep_ == "dobj" for k in prep_entities(d, ["to", "for"])]
                )
            if c.dep_ == "prep" and c.lower_ in ("over", "about", "on", "for"):
                for p in c.children:
                    for q in p.children:
                        if q.dep_ == "prep" and q.lower_ in ("of", "with"):
                            return [k for pp in q.children if pp.dep_ == "pobj" for k in expand(pp)]
        return []

    @staticmethod
    def status(tok):
        for gov in governing(tok, 3) + list(tok.children):
            lemma = gov.lemma_.lower()
            if lemma in ENDED:
                return "broke_down" if lemma in ("collapse", "break", "fail", "stall") else "ended"
            if lemma in ("off",) and gov.head.lemma_ == "call":
                return "ended"
        return "ongoing"


def _pairs(parties, counters):
    out = []
    for p in parties:
        for c in counters:
            if p != c:
                out.append((p, c))
    return out
