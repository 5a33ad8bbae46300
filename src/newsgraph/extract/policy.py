"""policy: a government or regulator tightens, loosens, limits, bans, introduces or ends a rule."""

from __future__ import annotations

from newsgraph.extract.base import FactExtractor, agents, time_near, tokens

DIRECTIONS = {
    "tighten": "tighten", "limit": "tighten", "cap": "tighten", "ban": "tighten", "restrict": "tighten",
    "impose": "tighten", "curb": "tighten", "crack": "tighten", "toughen": "tighten", "raise": "tighten",
    "hike": "tighten", "bar": "tighten", "prohibit": "tighten", "tax": "tighten", "scrutinize": "tighten",
    "loosen": "loosen", "ease": "loosen", "relax": "loosen", "lift": "loosen", "cut": "loosen", "lower": "loosen",
    "reduce": "loosen", "scrap": "end", "end": "end", "abolish": "end", "repeal": "end", "phase": "end",
    "introduce": "new", "unveil": "new", "announce": "new", "adopt": "new", "pass": "new", "approve": None,
    "launch": "new", "issue": "new", "publish": "new", "propose": "new", "extend": "loosen", "offer": "new",
    "subsidize": "loosen", "subsidise": "loosen", "require": "tighten", "mandate": "tighten", "order": "tighten",
    "designate": "new", "investigate": "tighten", "probe": "tighten", "block": "tighten", "halt": "tighten",
    "suspend": "tighten", "freeze": "tighten",
}  # fmt: skip
RULE_NOUNS = {"rule", "rules", "regulation", "regulations", "law", "subsidy", "subsidies", "tariff", "tariffs",
              "rate", "rates", "ban", "cap", "quota", "limit", "license", "licence", "licenses", "licences",
              "process", "processes", "requirement", "requirements", "guideline", "guidelines", "policy",
              "policies", "incentive", "incentives", "tax", "taxes", "credit", "credits", "control", "controls",
              "restriction", "restrictions", "number", "export", "exports", "import", "imports", "standard",
              "standards", "measure", "measures", "scheme", "program", "programme", "stimulus", "bill", "bills",
              "act", "directive", "ordinance", "duties", "duty", "levy", "levies", "charge", "fees"}  # fmt: skip
NEEDS_RULE = {"raise", "cut", "lower", "reduce", "announce", "introduce", "unveil", "launch", "issue", "publish",
              "propose", "extend", "offer", "adopt", "pass", "end", "lift", "ease", "order", "require", "scrap"}  # fmt: skip


class PolicyExtractor(FactExtractor):
    fact_type = "policy"

    def match(self, doc, sent):
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in DIRECTIONS or DIRECTIONS[lemma] is None:
                continue
            authorities = [k for k in agents(tok) if doc._.entities[k].type == "GOV"]
            if not authorities:
                continue
            obj_words = {
                t.lower_ for c in tok.children if c.dep_ in ("dobj", "prep", "nsubjpass") for t in c.subtree
            }
            if tok.dep_ == "relcl":
                obj_words |= {tok.head.lower_}  # "guidelines the trade ministry issued"
            if lemma in ("require", "order") and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                obj_words.add("rule")
            if lemma in ("investigate", "probe", "block", "halt", "suspend", "freeze") and any(
                t._.entity for c in tok.children if c.dep_ == "dobj" for t in c.subtree
            ):
                continue  # a probe of a named company is a legal fact
            if lemma in NEEDS_RULE and not obj_words & RULE_NOUNS:
                continue
            subject = " ".join(t.text for c in tok.children if c.dep_ == "dobj" for t in c.subtree) or None
            for a in authorities:
                yield self.fact(
                    doc, tok, {"authority": a, "subject": subject, "direction": DIRECTIONS[lemma]},
                    time=time_near(doc, sent, tok),
                )  # fmt: skip
