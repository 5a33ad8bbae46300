"""acquisition: 'X agreed to buy Y for $N', 'X's $4.5 billion acquisition of Y', 'Y was acquired by X',
'X raised its stake in Y to 30%', 'X is weighing a bid for Y', 'X completed/abandoned the takeover'."""

from __future__ import annotations

from newsgraph.extract.base import (
    FactExtractor, agents, expand, governing, money_near, patients, poss_entity, prep_entities, time_near,
)  # fmt: skip

VERBS = {"buy", "acquire", "purchase", "merge", "absorb", "snap", "take", "bid", "buyout"}
NOUNS = {"acquisition", "takeover", "purchase", "buyout", "merger", "bid", "offer", "stake", "deal"}
RUMORED = {"weigh", "consider", "explore", "mull", "study", "eye", "evaluate", "talk", "discuss", "said", "seek",
           "could", "may", "might", "possible", "potential", "approach", "talks", "contemplate"}  # fmt: skip
ANNOUNCED = {"agree", "will", "plan", "offer", "announce", "propose", "sign", "set", "make", "launch", "expect", "to",
             "deal", "intend"}  # fmt: skip
COMPLETED = {"complete", "close", "finalize", "finalise", "finish", "conclude", "wrap"}
ABANDONED = {"abandon", "drop", "walk", "terminate", "scrap", "withdraw", "end", "cancel", "call", "ditch", "pull"}
BLOCKED = {"block", "prohibit", "veto", "reject", "stop", "thwart", "bar"}


class AcquisitionExtractor(FactExtractor):
    fact_type = "acquisition"

    def match(self, doc, sent):
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in VERBS:
                if lemma == "take" and not any(c.lower_ == "over" for c in tok.children):
                    continue
                if lemma == "snap" and not any(c.lower_ == "up" for c in tok.children):
                    continue
                acquirers = agents(tok)
                targets = patients(tok) if lemma not in ("merge", "bid") else prep_entities(tok, ["with", "for"])
                if lemma in ("take", "snap"):
                    targets = targets or [k for c in tok.children if c.dep_ in ("prt", "dobj") for k in expand(c)]
                if not targets:
                    # "buy a stake in Y"
                    for c in tok.children:
                        if c.dep_ == "dobj" and c.lemma_ in ("stake", "share", "shares", "holding", "business",
                                                             "unit", "assets", "division", "operations"):
                            targets = prep_entities(c, ["in", "of"]) or poss_entity(c)
                if tok.dep_ == "acl" and not acquirers:
                    acquirers = poss_entity(tok.head)
            elif tok.pos_ == "NOUN" and lemma in NOUNS:
                if lemma == "deal" and not prep_entities(tok, ["for"]):
                    continue
                if lemma == "offer" and not prep_entities(tok, ["for"]):
                    continue
                targets = prep_entities(tok, ["of", "for", "in", "with"])
                acquirers = poss_entity(tok)
                for gov in governing(tok)[1:]:
                    if acquirers:
                        break
                    if gov.pos_ in ("VERB", "AUX"):
                        acquirers = agents(gov)
                        if gov.lemma_ in ("approve", "clear", "block", "review"):
                            acquirers = []
                            break
                if not acquirers:
                    acquirers = [k for c in tok.children if c.dep_ in ("compound", "nmod") for k in expand(c)]
                if lemma == "merger" and not targets:
                    continue
            else:
                continue
            acquirers = [k for k in acquirers if doc._.entities[k].type in ("ORG", "PERSON")]
            targets = [k for k in targets if doc._.entities[k].type in ("ORG", "PRODUCT", "PERSON")]
            if not acquirers or not targets:
                continue
            status = self.status(tok)
            value = self.value(doc, sent)
            stake = self.stake(doc, sent, tok)
            for a in acquirers:
                for t in targets:
                    if a == t or doc._.entities[a].kind == "publication":
                        continue
                    args = {"acquirer": a, "target": t, "value": value, "stake_pct": stake}
                    yield self.fact(doc, tok, args, status=status, time=time_near(doc, sent, tok))

    @staticmethod
    def value(doc, sent):
        cands = money_near(doc, sent)
        return cands[0] if cands else None

    @staticmethod
    def stake(doc, sent, tok):
        if "stake" not in sent.text.lower():
            return None
        for p in doc._.percents:
            if sent.start_char <= p.start < sent.end_char:
                return p.value
        return None

    @staticmethod
    def status(tok):
        chain = governing(tok, 4)
        words = set()
        for g in chain:
            words.add(g.lemma_.lower())
            words |= {c.lemma_.lower() for c in g.children if c.dep_ in ("aux", "neg", "prt", "amod", "advmod")}
        if words & BLOCKED:
            return "blocked"
        if words & ABANDONED:
            return "abandoned"
        if words & COMPLETED:
            return "completed"
        if words & RUMORED:
            return "rumored"
        if words & ANNOUNCED or tok.pos_ == "NOUN":
            return "announced"
        if tok.tag_ in ("VBD", "VBN"):
            return "completed"
        return "announced"
