"""launch: 'X launched Y', 'X still hopes to debut its first electric car next year', 'X delayed Y'."""

from __future__ import annotations

from newsgraph.extract.base import FactExtractor, agents, company_of, governing, time_near

VERBS = {"launch": "launched", "unveil": "launched", "introduce": "launched", "debut": "launched",
         "release": "launched", "roll": "launched", "unveiled": "launched", "ship": "launched",
         "deliver": "launched", "start": "launched", "begin": "launched", "commence": "launched",
         "delay": "delayed", "postpone": "delayed", "push": "delayed", "cancel": "cancelled",
         "scrap": "cancelled", "shelve": "cancelled", "axe": "cancelled", "discontinue": "cancelled",
         "recall": "cancelled", "unwrap": "launched", "showcase": "launched"}  # fmt: skip
FUTURE = {"plan", "hope", "aim", "expect", "intend", "will", "would", "set", "seek", "prepare", "want", "target",
          "due", "slate", "schedule", "could", "may", "might", "shall", "look", "try", "is"}  # fmt: skip
NOT_PRODUCTS = {"probe", "investigation", "review", "bid", "offer", "lawsuit", "suit", "inquiry", "campaign",
                "strike", "attack", "talks", "appeal", "challenge", "search", "consultation", "tender",
                "buyback", "program", "programme", "ipo", "listing", "fund", "round", "study", "audit",
                "effort", "initiative", "process", "discussions", "negotiations", "bond", "bonds", "deal",
                "shares", "stake", "partnership", "venture", "company", "unit", "business", "operations"}  # fmt: skip
PRODUCTION = {"production", "sales", "selling", "deliveries", "shipments", "manufacturing", "output"}


class LaunchExtractor(FactExtractor):
    fact_type = "launch"

    def match(self, doc, sent):
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in VERBS:
                continue
            obj = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if lemma == "roll" and not any(c.lower_ == "out" for c in tok.children):
                continue
            if lemma == "push" and not any(c.lower_ in ("back",) for c in tok.children):
                continue
            if lemma in ("start", "begin", "commence", "deliver", "ship") and not (
                obj and obj[0].lower_ in PRODUCTION | {"cars", "vehicles", "car", "vehicle", "phones"}
                or any(c.dep_ == "xcomp" and c.lemma_ in ("sell", "produce", "deliver", "ship") for c in tok.children)
            ):
                continue
            if not obj and not any(c.dep_ == "xcomp" for c in tok.children):
                continue
            if obj and (obj[0].lower_ in NOT_PRODUCTS or obj[0]._.entity and
                        doc._.entities[obj[0]._.entity].type in ("ORG", "GOV", "PERSON")):  # fmt: skip
                continue
            companies = [company_of(doc, k) for k in agents(tok)]
            companies = [k for k in companies if doc._.entities[k].type == "ORG" and doc._.entities[k].kind is None]
            if not companies:
                continue
            product = self.product(doc, obj[0]) if obj else None
            status = VERBS[lemma]
            if status == "launched" and self.future(tok):
                status = "planned"
            for c in dict.fromkeys(companies):
                yield self.fact(doc, tok, {"company": c, "product": product}, status=status,
                                time=time_near(doc, sent, tok))  # fmt: skip

    @staticmethod
    def product(doc, head):
        for t in head.subtree:
            if t._.entity and doc._.entities[t._.entity].type == "PRODUCT":
                return t._.entity
        words = [t.text for t in head.subtree if t.dep_ not in ("det", "poss", "relcl") and not t.is_punct]
        return " ".join(words[:8]) or None

    @staticmethod
    def future(tok):
        if tok.tag_ in ("VB", "VBG") and tok.dep_ in ("xcomp", "ROOT", "conj", "advcl"):
            chain = governing(tok, 3)
            if any(g.lemma_.lower() in FUTURE for g in chain[1:]) or tok.dep_ == "xcomp":
                return True
        return any(c.dep_ == "aux" and c.lemma_.lower() in FUTURE for c in tok.children)
