"""acquisition: 'X agreed to buy Y for $N', 'X's $4.5 billion acquisition of Y', 'Y was acquired by X',
'X raised its stake in Y to 30%', 'X is weighing a bid for Y', 'X completed/abandoned the takeover'."""

from __future__ import annotations

import re

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    expand,
    governing,
    money_near,
    patients,
    poss_entity,
    prep_entities,
    time_near,
    tokens,
)  # fmt: skip

VERBS = {"buy", "acquire", "purchase", "merge", "absorb", "snap", "take", "bid", "buyout"}
NOUNS = {"acquisition", "takeover", "purchase", "buyout", "merger", "bid", "offer", "stake", "deal", "proposal",
         "approach"}  # fmt: skip
PARTS = {"stake", "share", "shares", "holding", "business", "unit", "assets", "division", "operations", "factory",
         "plant", "facility", "brand", "arm", "subsidiary", "portfolio", "interest", "operation", "businesses"}  # fmt: skip
RUMORED = {"near", "weigh", "consider", "explore", "mull", "study", "eye", "evaluate", "talk", "discuss", "said", "seek",
           "could", "may", "might", "possible", "potential", "approach", "talks", "contemplate"}  # fmt: skip
ANNOUNCED = {"agree", "will", "plan", "offer", "announce", "propose", "sign", "set", "make", "launch", "expect", "to",
             "deal", "intend"}  # fmt: skip
COMPLETED = {"complete", "close", "finalize", "finalise", "finish", "conclude", "wrap"}
ABANDONED = {
    "abandon",
    "drop",
    "walk",
    "terminate",
    "scrap",
    "withdraw",
    "end",
    "cancel",
    "call",
    "ditch",
    "pull",
}
DEAL_HOLDERS = {
    "deal",
    "agreement",
    "bid",
    "offer",
    "plan",
    "move",
    "proposal",
    "pact",
    "talks",
    "effort",
    "attempt",
}
BLOCKED = {"block", "prohibit", "veto", "reject", "stop", "thwart", "bar"}


class AcquisitionExtractor(FactExtractor):
    fact_type = "acquisition"

    def match(self, doc, sent):
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in VERBS:
                if lemma == "take" and not any(c.lower_ == "over" for c in tok.children):
                    continue
                if lemma == "snap" and not any(c.lower_ == "up" for c in tok.children):
                    continue
                acquirers = agents(tok)
                targets = (
                    patients(tok) if lemma not in ("merge", "bid") else prep_entities(tok, ["with", "for"])
                )
                if lemma in ("take", "snap"):
                    targets = targets or [
                        k for c in tok.children if c.dep_ in ("prt", "dobj") for k in expand(c)
                    ]
                for c in tok.children:
                    # "buy a stake in Y", "acquire TikTok's U.S. operations", "buy Wistron's factory"
                    if c.dep_ == "dobj" and c.lemma_ in PARTS:
                        # "Wistron's factory in southern India": the owner, not the place; "a stake in Y"
                        owner = poss_entity(c) or prep_entities(c, ["of"])
                        if c.lemma_ in ("stake", "share", "shares", "holding", "interest"):
                            owner = owner or prep_entities(c, ["in"])
                        targets = owner or targets
                    # "has acquired companies including CA Technologies and Symantec"
                    if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                        targets += [k for p in c.children for k in expand(p)]
                if tok.dep_ in ("acl", "relcl") and not acquirers and tok.head.lemma_ in DEAL_HOLDERS:
                    # "X is nearing a deal to buy Y": the buyer is whoever holds the deal
                    acquirers = poss_entity(tok.head) or [k for k in agents(tok.head.head)
                                                          if tok.head.dep_ in ("dobj", "pobj")]  # fmt: skip
            elif tok.pos_ == "NOUN" and lemma in NOUNS:
                if lemma in ("deal", "offer", "bid", "proposal", "approach") and not prep_entities(
                    tok, ["for", "from", "to"]
                ):
                    continue
                if lemma in ("proposal", "approach") and not any(
                    w in sent.text.lower() for w in ("acqui", "takeover", "buy", "bid", "offer", "merger")
                ):
                    continue
                targets = prep_entities(
                    tok, ["of", "for", "in", "with"] + (["to"] if lemma in ("proposal", "approach") else [])
                )
                acquirers = poss_entity(tok) if lemma not in ("proposal", "approach", "offer", "bid") else []
                acquirers = acquirers or prep_entities(tok, ["from", "by"])
                if not targets and acquirers:
                    # "received a proposal from X": the receiver is the target
                    for gov in governing(tok)[1:2]:
                        if gov.lemma_ in (
                            "receive",
                            "get",
                            "reject",
                            "rebuff",
                            "consider",
                            "weigh",
                            "confirm",
                        ):
                            targets = agents(gov)
                elif acquirers and poss_entity(tok) and lemma in ("proposal", "approach", "offer", "bid"):
                    targets = targets or poss_entity(tok)
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
        # A price per share is not the deal's value.
        text, base = sent.text + " " * 16, sent.start_char
        cands = [m for m in money_near(doc, sent)
                 if not re.match(r"\s*(?:a|per|for each)\s+share", text[m.end - base : m.end - base + 16])]  # fmt: skip
        return max(cands, key=lambda m: m.amount) if cands else None

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
            words |= {
                c.lemma_.lower() for c in g.children if c.dep_ in ("aux", "neg", "prt", "amod", "advmod")
            }
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
