"""forecast: someone looks ahead. Three shapes cover most copy:

- an action on an outlook: 'X raised its full-year forecast', 'Moody's cut its outlook on the
  United States' rating', 'Fitch downgraded the country', 'analyst Y downgraded the stock';
- a forecasting verb: 'Northgate Research expects Tesla's margin to...', 'prices are expected
  to bottom out', 'X forecast fourth-quarter revenue of about $20 billion';
- an analyst's or expert's statement about the future: 'Bloomberg Intelligence said the EV
  push could be a drag on profit', 'legal experts said the case could take years'.

The forecaster is the fact's source; certainty is `possible` when the statement is hedged.
"""

from __future__ import annotations

import re

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    company_of,
    entities_in,
    is_headline,
    main_org,
    money_near,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.extract.financial import METRIC_RX, metric_name
from newsgraph.model import Source
from newsgraph.nlp.attribution import SPEECH_VERBS

FORECAST_VERBS = {"forecast", "expect", "project", "predict", "anticipate", "foresee", "envisage", "see",
                  "estimate", "reckon", "target"}  # fmt: skip
ACTION_VERBS = {"raise", "cut", "lower", "reaffirm", "maintain", "narrow", "reiterate", "trim", "boost", "lift",
                "issue", "withdraw", "suspend", "affirm", "confirm", "keep", "slash", "revise", "hike", "downgrade",
                "upgrade", "increase", "reduce"}  # fmt: skip
OUTLOOK_NOUNS = {"guidance", "outlook", "forecast", "forecasts", "target", "targets", "projection", "projections",
                 "rating", "ratings", "estimate", "estimates", "view", "expectations", "stock", "shares"}  # fmt: skip
EXPERTS = {"analysts", "analyst", "experts", "expert", "economists", "economist", "scholars", "strategists",
           "observers", "investors", "executives", "researchers", "consultants"}  # fmt: skip
LOOKAHEAD = {"could", "may", "might", "will", "would", "likely", "expect", "forecast", "should", "probably",
             "unlikely", "poised", "set"}  # fmt: skip
OUTLOOK_SUBJECTS = {"market", "markets", "sector", "industry", "demand", "prices", "sales", "revenue", "revenues",
                    "profit", "profits", "earnings", "margin", "margins", "growth", "economy", "output", "production",
                    "shipments", "deliveries", "inflation", "rates", "spending", "costs", "volumes"}  # fmt: skip
LAUNCH_WORDS = {
    "deliver",
    "launch",
    "release",
    "ship",
    "start",
    "begin",
    "unveil",
    "introduce",
    "debut",
    "open",
}
HEDGES = {"could", "may", "might", "likely", "possibly", "unlikely", "probably"}


class ForecastExtractor(FactExtractor):
    fact_type = "forecast"

    def match(self, doc, sent):
        if is_headline(sent):
            return  # headlines restate the body's outlook in fewer words
        ents = doc._.entities
        taken = any(f.evidence[0][0] <= sent.start_char < f.evidence[0][1] and f.type not in ("forecast",)
                    for f in doc._.facts)  # fmt: skip
        for tok in tokens(sent):
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            if lemma not in ACTION_VERBS and lemma not in FORECAST_VERBS and lemma not in SPEECH_VERBS:
                continue
            speakers = [k for k in agents(tok) if ents[k].type in ("ORG", "PERSON", "GOV")
                        and ents[k].kind != "publication"]  # fmt: skip
            via_people = any(c.dep_ == "nsubj" and c.lower_ in EXPERTS for c in tok.children)
            subj_words = {c.lower_ for c in tok.children if c.dep_ in ("nsubj",)}
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
            if (
                lemma in ACTION_VERBS
                and objs
                and (objs[0].lower_ in OUTLOOK_NOUNS or lemma in ("downgrade", "upgrade"))
            ):
                if not speakers:
                    continue
                src = speakers[0]
                scope = list(objs[0].subtree) + [
                    t for c in tok.children if c.dep_ == "prep" for t in c.subtree
                ]
                subject = next((k for k in entities_in(scope) if k != src), None) or next(
                    (k for k in entities_in(sent, ("ORG", "GOV")) if k != src and ents[k].kind is None), None
                )
                yield self.emit(doc, tok, src, subject, sent, scope, "asserted")
                return
            passive_expect = lemma in ("expect", "forecast", "project", "predict", "see") and any(
                c.dep_ == "auxpass" for c in tok.children
            )
            if lemma in FORECAST_VERBS and (comp or passive_expect):
                if (
                    comp
                    and comp[0].lemma_
                    in {"close", "complete", "finalize", "receive", "obtain"} | LAUNCH_WORDS
                ):
                    continue  # "expects to close the deal", "expects to deliver the first trucks": not outlooks
                if comp and any(t.lower_ in ("available", "launch", "release") for t in comp[0].subtree):
                    continue
                if lemma in ("see", "estimate", "target") and not speakers:
                    continue
                if lemma == "see" and not (comp and comp[0].dep_ in ("ccomp", "xcomp")):
                    continue
                if not speakers and not passive_expect and not subj_words & EXPERTS:
                    continue
                if taken and not speakers:
                    continue
                src = speakers[0] if speakers else None
                scope = [t for c in comp for t in c.subtree] or list(sent)
                yield self.emit(doc, tok, src, self.subject(doc, scope, src, via_people), sent, scope,
                                "reported" if src is None or not self.is_self(doc, src) else "asserted")  # fmt: skip
                return
            if lemma in SPEECH_VERBS and comp and not taken:
                src = speakers[0] if speakers else None
                if not (src and self.is_analyst(doc, src)) and not subj_words & EXPERTS:
                    continue
                scope = list(comp[0].subtree)
                words = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
                if words & LOOKAHEAD:
                    yield self.emit(doc, tok, src, self.subject(doc, scope, src, via_people), sent, scope,
                                    "reported")  # fmt: skip
                    return
        yield from self.attributed_outlook(doc, sent, taken)

    def attributed_outlook(self, doc, sent, taken):
        """'The market will shrink 9.4% this year, according to WSTS': a statement about the future
        that a named organization (not an anonymous source or a publication) makes."""
        att = doc._.attributions.get(sent.start)
        if taken or att is None or att.speaker is None or att.kind not in ("organization", "person"):
            return
        root = sent.root
        main = next((c for c in root.children if c.dep_ in ("ccomp",) and c.pos_ in ("VERB", "AUX")), root)
        if main.lemma_ in SPEECH_VERBS:
            return
        if not any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might") for c in main.children
        ):
            return
        subj = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
        # Only outlooks on markets and figures; "X said it would appeal" is a plan, not a forecast.
        if not subj or (
            subj[0].lower_ not in OUTLOOK_SUBJECTS and doc._.entities[att.speaker].kind != "analyst"
        ):
            return
        scope = list(main.subtree)
        src = att.speaker
        yield self.emit(doc, main, src, self.subject(doc, scope, src), sent, scope, "reported")

    def emit(self, doc, tok, src, subject, sent, scope, certainty):
        if subject is None and src is not None:
            # "Samsung said it expects demand to improve": a company's outlook is about itself.
            info = doc._.entities[src]
            if info.type == "ORG" and info.kind is None:
                subject = src
        args = {"source": src, "subject": subject, "statement": sent.text.strip()}
        scope_text = " ".join(t.text for t in scope)
        m = METRIC_RX.search(scope_text)
        if m:
            args["metric"] = metric_name(m)
        elif any(t.lower_ in ("guidance", "outlook") for t in scope):
            args["metric"] = "guidance"
        money = [
            mo
            for mo in money_near(doc, sent)
            if any(t.idx <= mo.start < t.idx + len(t.text) + 1 for t in scope)
        ]
        if money:
            args["value"] = money[0]
        if {t.lower_ for t in scope} & HEDGES or re.search(r"\bnot (?:yet )?certain\b", scope_text):
            certainty = "possible"
        if src is None:
            source = doc._.attributions.get(sent.start)
            source = source.as_source() if source else Source("document", None)
        else:
            info = doc._.entities[src]
            source = Source("person" if info.type == "PERSON" else "organization", info.name)
        return self.fact(doc, tok, args, time=time_near(doc, sent, tok), certainty=certainty, source=source)

    @staticmethod
    def subject(doc, scope, src, via_people=False):
        """What the outlook is about: a company or government named in it, else the article's company."""
        ents = doc._.entities
        found = [company_of(doc, k) for k in entities_in(scope, ("ORG", "GOV", "PERSON")) if k != src]
        found = [k for k in found if k != src and ents[k].type in ("ORG", "GOV") and ents[k].kind is None]
        if found:
            return found[0]
        if src is None or via_people or ents[src].type == "PERSON" or ents[src].kind == "analyst":
            return main_org(doc)
        return None

    @staticmethod
    def is_self(doc, key):
        info = doc._.entities[key]
        return info.type == "ORG" and info.kind is None and key == main_org(doc)

    @staticmethod
    def is_analyst(doc, key):
        info = doc._.entities[key]
        return info.kind == "analyst" or (info.role or "") in ("analyst", "economist", "strategist")
