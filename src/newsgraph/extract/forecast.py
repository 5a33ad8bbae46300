"""forecast: an analyst house or the company itself looks ahead ('Bloomberg Intelligence said the EV
push could be a drag on profit', 'Moody's expects...', 'X raised its full-year guidance')."""

from __future__ import annotations

from newsgraph.extract.base import FactExtractor, agents, entities_in, main_org, money_near, time_near
from newsgraph.nlp.attribution import SPEECH_VERBS

FORECAST_VERBS = {"forecast", "expect", "project", "predict", "estimate", "see", "anticipate", "warn",
                  "downgrade", "upgrade", "foresee", "envisage", "reckon"}  # fmt: skip
GUIDANCE_VERBS = {"raise", "cut", "lower", "reaffirm", "maintain", "narrow", "reiterate", "trim", "boost", "lift",
                  "issue", "give", "provide", "withdraw", "suspend", "affirm", "keep"}  # fmt: skip
GUIDANCE_NOUNS = {"guidance", "outlook", "forecast", "forecasts", "target", "targets", "projection", "projections"}
LOOKAHEAD = {"could", "may", "might", "will", "would", "likely", "expect", "forecast", "should", "probably", "see"}


class ForecastExtractor(FactExtractor):
    fact_type = "forecast"

    def match(self, doc, sent):
        ents = doc._.entities
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB":
                continue
            speakers = [k for k in agents(tok) if ents[k].type in ("ORG", "PERSON", "GOV")
                        and ents[k].kind != "publication"]  # fmt: skip
            if not speakers:
                continue
            src = speakers[0]
            if lemma in GUIDANCE_VERBS and any(
                c.dep_ == "dobj" and c.lower_ in GUIDANCE_NOUNS for c in tok.children
            ):
                metric = "guidance"
                subject = next((c._.entity for c in tok.children if c.dep_ == "dobj" for c in c.subtree
                                if c._.entity), src)  # fmt: skip
                yield self.emit(doc, tok, src, subject, sent, metric)
                return
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
            if lemma in FORECAST_VERBS and comp:
                if comp[0].lemma_ in ("close", "complete", "finalize", "receive", "obtain"):
                    continue
                subject = self.subject(doc, comp[0], src)
                yield self.emit(doc, tok, src, subject, sent, None)
                return
            if lemma in SPEECH_VERBS and comp and self.is_analyst(doc, src):
                scope = list(comp[0].subtree)
                if {t.lemma_.lower() for t in scope} & LOOKAHEAD or {t.lower_ for t in scope} & LOOKAHEAD:
                    subject = self.subject(doc, comp[0], src)
                    yield self.emit(doc, tok, src, subject, sent, None)
                    return

    def emit(self, doc, tok, src, subject, sent, metric):
        if subject is None:
            # "Samsung said it expects demand to improve": a company's outlook is about itself;
            # an analyst's, about the company the article follows.
            info = doc._.entities[src]
            subject = src if info.type == "ORG" and info.kind is None else main_org(doc)
        args = {"source": src, "subject": subject if subject != src or metric else subject,
                "statement": sent.text.strip(), "metric": metric}  # fmt: skip
        money = money_near(doc, sent, after=tok.idx)
        if money:
            args["value"] = money[0]
        scope = [t for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj") for t in c.subtree]
        hedged = any(t.lower_ in ("could", "may", "might") or t.lemma_ in ("likely", "possible") for t in scope)
        return self.fact(doc, tok, args, time=time_near(doc, sent, tok), certainty="possible" if hedged else None)

    @staticmethod
    def subject(doc, head, src):
        found = [k for k in entities_in(head.subtree, ("ORG", "GOV", "PERSON")) if k != src]
        return found[0] if found else None

    @staticmethod
    def is_analyst(doc, key):
        info = doc._.entities[key]
        return info.kind == "analyst" or (info.role or "") in ("analyst", "economist", "strategist")
