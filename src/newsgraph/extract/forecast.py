"""forecast: someone looks ahead. The shapes that cover most copy:

- an action on an outlook: 'X raised its full-year forecast', 'Moody's cut its outlook on the
  United States' rating', 'Fitch downgraded the country', 'analyst Y downgraded the stock';
- a forecasting verb: 'Northgate Research expects Tesla's margin to...', 'prices are expected
  to bottom out', 'X forecast fourth-quarter revenue of about $20 billion';
- an analyst's or expert's statement about the future: 'Bloomberg Intelligence said the EV
  push could be a drag on profit', 'legal experts said the case could take years';
- a company or its executive on its own figures: 'the CFO said revenue would be flat',
  'said it was on track to hit its full-year target';
- a company's ambition: 'X aims to become one of the world's five largest automakers'.

The forecaster is the fact's source; certainty is `possible` when the statement is hedged.
A sentence can hold several outlooks ('Fitch downgraded the country, following S&P, which
lowered its rating'): one fact per source and subject.
"""

from __future__ import annotations

import re

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    all_sentences,
    company_of,
    entities_in,
    expand,
    is_bullet,
    is_headline,
    main_org,
    money_near,
    opens_bullet,
    sentence_words,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.extract.financial import COUNT, METRIC_RX, metric_name, outlook_lead
from newsgraph.model import Fact, Source
from newsgraph.nlp.attribution import SPEECH_VERBS
from newsgraph.nlp.lines import BULLETS
from newsgraph.nlp.shared import doc_text, entity_of, sent_of, span_text

FORECAST_VERBS = {"forecast", "expect", "project", "predict", "anticipate", "foresee", "envisage", "see",
                  "estimate", "reckon", "target"}  # fmt: skip
ACTION_VERBS = {"raise", "cut", "lower", "reaffirm", "maintain", "narrow", "reiterate", "trim", "boost", "lift",
                "issue", "withdraw", "suspend", "affirm", "confirm", "keep", "slash", "revise", "hike", "downgrade",
                "upgrade", "increase", "reduce", "set", "give", "provide", "offer", "publish", "leave"}  # fmt: skip
OUTLOOK_NOUNS = {"guidance", "outlook", "forecast", "forecasts", "target", "targets", "projection", "projections",
                 "rating", "ratings", "estimate", "estimates", "view", "expectations", "stock", "shares", "goal",
                 "goals", "objective", "objectives", "recommendation"}  # fmt: skip
EXPERTS = {"analysts", "analyst", "experts", "expert", "economists", "economist", "scholars", "strategists",
           "observers", "investors", "executives", "researchers", "consultants", "bankers", "traders"}  # fmt: skip
# What the apposition to a person's name calls an outside expert
EXPERT_WORDS = {"research", "analyst", "strategist", "economist", "consultancy", "consultant", "professor"}
# Unnamed forecasters of the research trade speak as an analyst house would.
TRADE = {"analysts", "analyst", "economists", "economist", "strategists", "strategist"}
# "The Board now expects": the company's own governing body speaks for it.
ORGANS = {"board", "management", "directors"}
LOOKAHEAD = {"could", "may", "might", "will", "would", "likely", "expect", "forecast", "should", "probably",
             "unlikely", "poised", "set"}  # fmt: skip
OUTLOOK_SUBJECTS = {"market", "markets", "sector", "industry", "demand", "prices", "sales", "revenue", "revenues",
                    "profit", "profits", "earnings", "margin", "margins", "growth", "economy", "output", "production",
                    "shipments", "deliveries", "inflation", "rates", "spending", "costs", "volumes"}  # fmt: skip
# A company's own figures, when it or its executive says where they are headed.
OWN_FIGURES = {"revenue", "revenues", "sales", "profit", "profits", "earnings", "margin", "margins", "output",
               "production", "shipments", "deliveries", "volumes", "costs", "spending", "capex", "turnover",
               "growth", "income"}  # fmt: skip
SAID_FIGURES = OWN_FIGURES | {"charges", "impairments", "provisions", "writedowns", "expenses", "investment",
                              "dividend", "dividends", "payout", "buybacks", "orders", "bookings", "backlog",
                              "demand"}  # fmt: skip
FUTURE_AUX = {"will", "would", "could", "may", "might", "should", "'ll"}
LAUNCH_WORDS = {"deliver", "launch", "release", "ship", "start", "begin", "unveil", "introduce", "debut",
                "open"}  # fmt: skip
ASPECT = {"start", "begin", "continue", "keep"}
# "expects to close the deal", "expects to hire 500 workers": events the company plans, not outlooks
EVENTS = {"close", "complete", "finalize", "receive", "obtain", "hire", "appoint", "name", "sign", "file", "appeal",
          "announce", "decide", "submit", "report"}  # fmt: skip
EVENT_NOUNS = {"decision", "ruling", "verdict", "approval", "closing", "completion", "answer", "response",
               "announcement"}  # fmt: skip
# "cut its global growth forecast": an outlook for the world economy, not for the forecaster's business
WIDE_OUTLOOK = {"global", "world", "economic", "economy", "gdp", "inflation", "industry", "market", "sector"}
# A central bank's head, and the terms its policy is told in
HEADS = {"governor", "chair", "chairman", "chairwoman", "president", "deputy governor"}
POLICY_TERMS = {
    "condition",
    "rate",
    "policy",
    "stance",
    "purchase",
    "easing",
    "tightening",
    "support",
    "stimulus",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
HEDGES = {"could", "may", "might", "likely", "possibly", "unlikely", "probably"}
# Ambitions: "aims to become one of the five largest", "wants to be the top seller", "aims to double sales".
AMBITION_VERBS = {"aim", "strive", "seek", "want", "hope", "aspire"}
RANK_VERBS = {"become", "be", "rank", "remain"}
REACH_VERBS = {"reach", "hit", "achieve", "double", "triple", "exceed", "surpass", "top"}
TARGET_NOUNS = {"target", "targets", "goal", "goals", "guidance", "forecast", "outlook", "objective",
                "objectives"}  # fmt: skip
ON_TRACK = {"track", "course"}
# the named metrics of FACTS.md; a margin or other own-named figure in the guidance stays named
STANDARD_METRICS = {None, "revenue", "net_income", "adjusted_net_income", "operating_income", "eps", "deliveries",
                    "sales_volume", "market_share", "guidance"}  # fmt: skip
GUIDANCE_NOUNS = {
    "guidance",
    "outlook",
    "forecast",
    "forecasts",
    "target",
    "targets",
    "projection",
    "projections",
}
NOMINAL = {"forecast", "forecasts", "outlook", "guidance", "projection", "projections"}
# Rating and research actions on a named party (the outlook-noun actions are read with ACTION_VERBS)
COVER_VERBS = {"initiate", "start", "begin", "resume"}
RATER_VERBS = {"cut", "lower", "raise", "lift", "affirm", "place", "put", "reiterate", "keep",
               "maintain"} | COVER_VERBS  # fmt: skip
WATCH = {"review", "watch", "creditwatch", "watchlist"}
WARNINGS = {"hit", "slowdown", "decline", "loss", "losses", "impact", "fall", "drop", "downturn", "slump", "weakness",
            "pressure", "squeeze", "headwinds", "shortfall", "demand", "writedown", "charge"}  # fmt: skip
# What a deal or plan is expected to bring in figures, delivered or not.
BENEFITS = {"synergy", "synergies", "savings", "saving", "return", "returns", "benefit", "benefits", "growth",
            "revenue", "revenues", "profit", "profits", "earnings", "margin", "margins", "accretion"}  # fmt: skip
# What joins one figure of an outlook to the next: "$9.2 billion and earnings of ...", "..., and adjusted EPS of".
FIGURE_OF = re.compile(r"\s+(?:of|at)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|between\s+)?")
LISTED = re.compile(
    r"\s*(?:,\s*|;\s*)?(?:(?:and|as\s+well\s+as|plus|with)\s+)?(?:(?:an?|its|the)\s+)?(?:[\w-]+\s+){0,3}?",
    re.I,
)
# "between 7.5% and 8.3%", "of 77 to 85 aircraft", "US$200 million or more": a figure given as a range or bound
GUIDED_RANGE = re.compile(
    r"\bbetween\s+\S+.*?\band\b|\d%?(?:\s+(?:million|billion))?\s*(?:to|-|–)\s*(?:[A-Z]{0,3}[$€£¥])?\d|"
    r"\bor\s+(?:more|higher|above|better|less|lower|below)\b|\b(?:at least|up to|no less than)\b"
)
YEAR_ON_YEAR = re.compile(r"\bfrom a year (?:earlier|ago|before)\b|\byear[- ](?:on|over)[- ]year\b", re.I)
# What may follow a figure of an outlook before the next one: a currency basis, the change it means.
GLOSSED = re.compile(r"(?:\s+at\s+constant\s+(?:currency|currencies|exchange\s+rates))?(?:,\s+(?:an?\s+)?"
                     r"(?:increase|decrease|rise|decline|growth|gain|drop)\s+of\s+[^,;]{1,30}(?=,))?", re.I)  # fmt: skip
BULLET_VERBS = {"expect", "forecast", "project", "anticipate", "guide", "raise", "lower", "reaffirm", "reiterate",
                "lift", "cut", "narrow", "maintain", "increase", "update"}  # fmt: skip
YIELD_VERBS = {"deliver", "generate", "achieve", "realize", "realise", "yield", "produce", "bring", "create",
               "drive", "unlock", "capture"}  # fmt: skip
DEALS = {"deal", "deals", "transaction", "merger", "acquisition", "takeover", "agreement", "offer", "bid",
         "talks"}  # fmt: skip
# Margin guidance ("an adjusted operating margin of 3% to 4%"); gross margin is a financial metric already.
MARGIN_RX = re.compile(r"\b(adjusted )?(operating|EBIT|EBITDA|profit) margin", re.I)
EXECUTIVE = re.compile(r"\b(?:chief|officer|president|chair\w*|director|head|ceo|cfo|coo)\b", re.I)
# Words one of which a sentence needs for `match` to find an outlook: the verbs and nouns its readers start
# from, and the auxiliaries that make an attributed statement look ahead.
# "Analysts at X think the tie-up could squeeze Y": a view held, told like a statement
BELIEF_VERBS = {"think", "believe"}
TRIGGERS = (
    FORECAST_VERBS | ACTION_VERBS | RATER_VERBS | AMBITION_VERBS | SPEECH_VERBS | NOMINAL | BELIEF_VERBS
    | {"be", "remain", "stay", "guide", "will", "would", "could", "may", "might"}
)  # fmt: skip


def ahead(doc, time):
    """An outlook is for a period not yet over: 'expects revenue to drop in the April-June quarter',
    told in May, is this year's quarter, though a result of 'the April-June quarter' would be last year's."""
    published = str(doc._.published or "")[:10]
    if time is None or not time.finish or not published or time.finish >= published:
        return time
    if re.search(r"\d{4}|\b(?:last|ago|earlier|previous|past|prior)\b", time.text, re.I):
        return time
    later = time.year_later()
    return later if later is not None and later.finish >= published else time


class ForecastExtractor(FactExtractor):
    fact_type = "forecast"

    def match(self, doc, sent):
        bullet = is_bullet(sent)
        if not bullet and sentence_words(sent).isdisjoint(TRIGGERS):
            return  # no token below can start an outlook; a bullet under "Acme expects:" needs none
        if is_headline(sent) and not bullet:
            return  # headlines restate the body's outlook in fewer words; a release's bullets give it
        taken = any(f.evidence[0][0] <= sent.start_char < f.evidence[0][1] and f.type not in ("forecast",)
                    for f in doc._.facts)  # fmt: skip
        found = [(tok, fact) for tok in tokens(sent) if tok.pos_ in ("VERB", "AUX") or self.verb_as_noun(tok)
                 for fact in [self.verb_fact(doc, sent, tok, taken) if tok.pos_ != "NOUN"
                              else self.noun_verb(doc, sent, tok)] if fact is not None]  # fmt: skip
        if bullet:
            # a highlight line is a fragment the small parser reads loosely; only its plain guidance verbs count
            found = [(tok, f) for tok, f in found
                     if self.release_bullet(tok) or tok.lemma_.lower() in BULLET_VERBS]  # fmt: skip
        # "S&P warned that it could cut the rating": the cut is the content of the warning, not another outlook.
        inner = {
            t.i for tok, _ in found for c in tok.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree
        }
        seen = set()
        for tok, fact in found:
            if self.regulator_objection(doc, sent, fact):
                continue
            pair = (fact.args["source"], fact.args["subject"])
            if tok.i not in inner and pair not in seen:
                seen.add(pair)
                yield fact
                yield from self.further_figures(doc, sent, fact)
                yield from self.benefit_figure(doc, sent, fact)
        if not seen and bullet:
            listed = self.listed_outlook(doc, sent)
            if listed is not None:
                yield listed
                return
        if not seen:
            nominal = self.nominal_outlook(doc, sent)
            if nominal is not None:
                yield nominal
                return
            yield from self.attributed_outlook(doc, sent, taken)

    def listed_outlook(self, doc, sent):
        """'For Q4 2024, Acme expects:' and then '- Revenue of between $767 million and $771 million': each
        bullet under a guidance line that ends in a colon is one outlook of its speaker."""
        lead = outlook_lead(doc, sent)
        if lead is None:
            return None
        verb = next((t for t in tokens(lead) if t.lemma_.lower() in FORECAST_VERBS | {"guide"} and t.pos_ == "VERB"),
                    None)  # fmt: skip
        speakers = self.speakers(doc, verb) if verb is not None else []
        if verb is not None and any(
            c.dep_ == "nsubj" and any(d.dep_ == "det" for d in c.children) for c in verb.children
        ):
            speakers = []  # "the Company expects:": a release's own outlook is its issuer's, whatever came last
        src = speakers[0] if speakers else main_org(doc)
        if src is None:
            return None
        scope = [t for t in tokens(sent) if not t.is_space]
        when = time_near(doc, lead, verb) if verb is not None else None
        fact = self.emit(doc, scope[0], src, src, sent, scope, "asserted", when=when)
        if GUIDED_RANGE.search(span_text(sent)) and doc._.entities[src].type == "ORG":
            fact.args["metric"] = "guidance"  # a range or a floor the company guides to, as in running text
        return fact

    def further_figures(self, doc, sent, fact):
        """'expects revenue of $9.2 billion and earnings of $4.49 a share': the figures listed after
        the first are outlooks of their own, each with its metric and value."""
        value = fact.args.get("value")
        if value is None or not fact.args.get("metric"):
            return
        text, base = span_text(sent), sent.start_char
        money = money_near(doc, sent)

        def range_end(figure):
            # "EUR 7.6 billion to EUR 7.9 billion": the top of a range is the same figure
            end = figure.end
            for mo in money:
                if mo.start > end and re.fullmatch(r"\s*(?:to|-|–)\s*", text[end - base : mo.start - base]):
                    end = mo.end
            return end

        end = range_end(value)
        for m in METRIC_RX.finditer(text, end - base):
            # "EUR 17.3 billion at constant currencies, an increase of 24% to 27%, and operating profit of"
            gloss = GLOSSED.match(text, end - base)
            if not LISTED.fullmatch(text, gloss.end() if gloss else end - base, m.start()):
                return
            figure = next((mo for mo in money if m.end() + base <= mo.start), None)
            if figure is None or not FIGURE_OF.fullmatch(text, m.end(), figure.start - base):
                return
            name = metric_name(m)
            if name in ("net_income", "adjusted_net_income") and re.match(
                r"\s+(?:per|a) share", text[figure.end - base :]
            ):
                name = "eps"
            args = {**fact.args, "metric": name, "value": figure}
            yield Fact(type=fact.type, args=args, evidence=list(fact.evidence), status=fact.status,
                       certainty=fact.certainty, source=fact.source, time=fact.time)  # fmt: skip
            end = range_end(figure)

    def benefit_figure(self, doc, sent, fact):
        """'expected to be accretive to earnings, with annual cost synergies of about €45 million expected by
        2027': the deal's figure told beside the first outlook is an outlook of its own."""
        value = fact.args.get("value")
        for tok in tokens(sent):
            if tok.lemma_.lower() not in BENEFITS or tok.dep_ != "pobj" or tok.head.lower_ != "with":
                continue
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            money = [
                m
                for m in money_near(doc, sent)
                for p in of
                if p.idx <= m.end and m.start <= p.idx + len(p.text)
            ]
            if not money or (value is not None and money[0].start == value.start):
                continue
            words = [
                t.lower_
                for t in tok.subtree
                if t.i <= tok.i and t.dep_ in ("compound", "amod") or t.i == tok.i
            ]
            name = "_".join(w for w in words if w not in ("annual", "expected", "estimated"))
            args = {**fact.args, "metric": name, "value": money[0]}
            yield Fact(type=fact.type, args=args, evidence=list(fact.evidence), status=fact.status,
                       certainty=fact.certainty, source=fact.source, time=fact.time)  # fmt: skip
            return

    @staticmethod
    def capital_spending(sent, tok):
        """'... and that spending in 2025 was expected to be higher': capital spending told with the plan
        the sentence states is an investment outlook, not a forecast of results."""
        low = span_text(sent).lower()
        return any(
            c.dep_ == "nsubjpass" and c.lower_ in ("spending", "capex", "investment", "expenditure")
            for c in tok.children
        ) and any(w in low for w in ("capital spending", "capital expenditure", "capex"))

    @staticmethod
    def hedged_comp(comp):
        return any(c.dep_ == "aux" and c.lower_ in HEDGES for c in comp.children)

    @staticmethod
    def regulator_objection(doc, sent, fact):
        """'The Commission warned that the deal could hurt competition': a regulator's objection to a
        deal it reviews is part of its decision, not an outlook."""
        src = fact.args.get("source")
        if src is None:
            return False
        info = doc._.entities[src]
        if info.type != "GOV" and info.kind != "regulator":
            return False
        return any(
            t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in DEALS
            and any(c.dep_ == "aux" and c.lower_ in HEDGES | FUTURE_AUX for c in t.head.children)
            for t in tokens(sent)
        )  # fmt: skip

    @staticmethod
    def verb_as_noun(tok):
        """'Analysts at Acme Research project that ...': the tagger reads the verb after a name as a noun
        ('Research project'); a following 'that' clause shows it is the forecasting verb."""
        if tok.pos_ != "NOUN" or tok.lower_ not in ("project", "forecast", "estimate", "predict", "expect"):
            return False
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark" and nxt.head.i > tok.i

    def noun_verb(self, doc, sent, tok):
        """The forecast of a verb the tagger read as a noun: its speaker is the phrase it ends."""
        head = next((c for c in tok.children if c.dep_ == "nsubj"), tok)  # "Analysts at X forecast that"
        while head.dep_ in ("pobj", "prep", "compound") and head.head.i < head.i:
            head = head.head
        ents = doc._.entities
        # ("Analysts at Widget Research forecast": the parser may make the firm a compound of the verb)
        named = expand(head) or [entity_of(c) for c in tok.children if c.dep_ == "compound" and entity_of(c)]
        speakers = [k for k in named if ents[k].type in ("ORG", "PERSON") and ents[k].kind != "publication"]
        if not speakers or head.i == tok.i:
            return None
        scope = list(tok.nbor(1).head.subtree)
        src = speakers[0]
        experts = head.lower_ in EXPERTS
        subject = self.subject(doc, scope, src, experts)
        return self.emit(doc, tok, src, subject, sent, scope, "reported", unnamed=head.lower_ in TRADE)

    def nominal_outlook(self, doc, sent):
        """'Acme's forecast of $5 billion in fourth-quarter revenue was below estimates': an outlook the
        sentence names as a thing its owner holds."""
        for tok in tokens(sent):
            if (
                tok.pos_ != "NOUN"
                or tok.lower_ not in NOMINAL
                or tok.dep_ not in ("nsubj", "nsubjpass", "dobj")
            ):
                continue
            ents = doc._.entities
            owner = [entity_of(c) for c in tok.children if c.dep_ == "poss" and entity_of(c)]
            if not owner or ents[owner[0]].type not in ("ORG", "GOV") or ents[owner[0]].kind == "publication":
                continue
            if not any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in tok.children):
                continue  # "Acme's outlook disappointed": no figure to speak of
            src = owner[0]
            scope = list(tok.subtree)
            return self.emit(doc, tok, src, self.subject(doc, scope, src), sent, scope, "asserted")
        return None

    def verb_fact(self, doc, sent, tok, taken):
        lemma = tok.lemma_.lower()
        if tok.pos_ == "AUX" and lemma != "be":
            return None
        if lemma in AMBITION_VERBS:
            return self.ambition(doc, sent, tok)
        if lemma in ("be", "remain", "stay"):
            return self.on_track(doc, sent, tok)
        if lemma == "guide":
            return self.guided(doc, sent, tok)
        if tok.pos_ != "VERB" or (
            lemma not in ACTION_VERBS | RATER_VERBS
            and lemma not in FORECAST_VERBS
            and lemma not in SPEECH_VERBS | BELIEF_VERBS
        ):
            return None
        speakers = self.speakers(doc, tok)
        if lemma in RATER_VERBS and speakers and self.is_analyst(doc, speakers[0]):
            rated = self.rating_action(doc, sent, tok, speakers[0])
            if rated is not None:
                return rated
        if lemma == "warn" and speakers:
            warned = self.warned_of(doc, sent, tok, speakers[0])
            if warned is not None:
                return warned
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        # "kept its annual sales forecast unchanged": the parser may split the outlook noun from its modifiers
        objs += [
            c
            for c in tok.children
            if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "NOUN" and self.outlook_noun(c)
        ]
        objs = sorted(objs, key=lambda c: not self.outlook_noun(c))
        if (
            lemma in ACTION_VERBS
            and objs
            and (self.outlook_noun(objs[0]) or lemma in ("downgrade", "upgrade"))
        ):
            return self.outlook_action(doc, sent, tok, speakers, objs[0])
        if lemma in FORECAST_VERBS:
            return self.expectation(doc, sent, tok, speakers, taken)
        if lemma in SPEECH_VERBS:
            return self.statement(doc, sent, tok, speakers, taken)
        if lemma in BELIEF_VERBS and speakers and self.is_analyst(doc, speakers[0]):
            return self.statement(doc, sent, tok, speakers, taken)
        return None

    def outlook_action(self, doc, sent, tok, speakers, obj):
        """'raised its full-year forecast', 'cut its outlook on the United States' rating'."""
        if not speakers:
            return None
        ents = doc._.entities
        src = speakers[0]
        scope = list(obj.subtree) + [t for c in tok.children if c.dep_ == "prep" for t in c.subtree]
        # "lowered its outlook": the possessive is the forecaster's own, not the outlook's subject
        named = [t for t in scope if not (t.dep_ == "poss" and t.pos_ == "PRON")]
        subject = next((k for k in entities_in(named) if k != src), None)
        wide = any(t.lower_ in WIDE_OUTLOOK for t in obj.subtree)
        if subject is None and ents[src].type == "ORG" and ents[src].kind is None and not wide:
            subject = src  # "Acme cut its sales forecast, blaming weak demand in China": its own outlook
        # "..., following S&P, which lowered its rating": the rated party named in the main clause
        subject = subject or next(
            (k for k in entities_in(sent, ("ORG", "GOV")) if k != src and ents[k].kind is None), None
        )
        # "He cut his recommendation on the shares to neutral": a research call on the article's company
        call = obj.lower_ == "recommendation" or (
            obj.lower_ == "target" and any(c.lower_ == "price" for c in obj.children)
        )
        if subject is None and (self.is_analyst(doc, src) or (call and ents[src].type == "PERSON")):
            subject = main_org(doc)
        # "..., warning that the company could breach": the reasons given belong to the outlook
        said = [t for c in tok.children if c.dep_ == "advcl" and c.lemma_ in SPEECH_VERBS | FORECAST_VERBS
                for t in self.without_reasons(c)]  # fmt: skip
        fact = self.emit(
            doc, tok, src, subject, sent, scope + said, "asserted", when=self.action_time(doc, tok)
        )
        if (
            subject == src
            and not wide
            and self.guidance_revision(obj)
            and fact.args.get("metric") in STANDARD_METRICS
        ):
            fact.args["metric"] = "guidance"
        if wide and subject is None:
            fact.args["subject"] = None  # the IMF's growth forecast is about the economy, not the IMF
        return fact

    @staticmethod
    def guidance_revision(obj):
        """'lowered its revenue growth outlook', 'cut its 2025 sales forecast', 'reaffirmed its guidance
        of revenue of $420 million': a company revising its guidance as a whole; the figure it names
        is what the guidance covers. 'raised its forecast for operating profit to $4 billion' names the
        figure the forecast is for."""
        if obj.lower_ not in GUIDANCE_NOUNS:
            return False
        return not any(
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(p.lower_ in OWN_FIGURES | {"eps"} or METRIC_RX.fullmatch(p.text) for p in c.subtree)
            for c in obj.children
        )

    def expectation(self, doc, sent, tok, speakers, taken):
        """'Northgate expects Tesla's margin to bottom out', 'prices are expected to bottom out', 'X forecast
        revenue of about $20 billion'."""
        lemma = tok.lemma_.lower()
        subj_words = {c.lower_ for c in tok.children if c.dep_ == "nsubj"}
        comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
        passive = lemma in ("expect", "forecast", "project", "predict", "see") and any(
            c.dep_ == "auxpass" for c in tok.children
        )
        if not (comp or passive) or not self.outlook_shape(tok, comp, passive, speakers):
            return None
        if (
            lemma == "expect"
            and subj_words & EXPERTS
            and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)
        ):
            return (
                None  # "Analysts polled by LSEG had expected revenue of $5.1 billion": a result's consensus
            )
        if not speakers and passive:
            # "Revenue is expected to rise 10%, the company said": the speaker expects it
            att = doc._.attributions.get(sent.start)
            speakers = [att.speaker] if att is not None and att.speaker and att.kind != "publication" else []
        if passive and self.capital_spending(sent, tok):
            return None
        if not speakers and passive:
            # "The acquisition is expected to be accretive to Acme's earnings": the buyer tells its deal's effect
            deal = [
                c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ in DEALS and not entity_of(c)
            ]
            buyers = [f.args["acquirer"] for f in doc._.facts if f.type == "acquisition"]
            speakers = [buyers[0]] if deal and buyers and len(set(buyers)) == 1 else []
        if not speakers and self.release_bullet(tok):
            # "- Expected to be accretive to earnings": a release's highlights speak for its issuer
            speakers = [k for k in [main_org(doc)] if k is not None]
            passive = True
        if not speakers and not passive and not subj_words & EXPERTS:
            return None
        if taken and not speakers and not subj_words & EXPERTS and not self.by_trade(doc, sent):
            return None  # another fact's sentence; "..., economists say" still makes it an outlook
        src = speakers[0] if speakers else None
        scope = [t for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree]
        scope = scope + [t for c in comp for t in c.subtree] or list(sent)
        own = src is not None and self.is_self(doc, src)
        certainty = "asserted" if own and not self.quoted(tok) else "reported"
        subject = self.subject(doc, scope, src, bool(subj_words & EXPERTS))
        return self.emit(doc, tok, src, subject, sent, scope, certainty, unnamed=subj_words & TRADE)

    @staticmethod
    def release_bullet(tok):
        """The verb opens a bulleted line and has no subject: '- Expected to deliver $450 million of
        synergies', '- Expects full-year revenue of $2 billion'."""
        # (the small parser may make the bullet mark itself the subject)
        return opens_bullet(tok) and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.text not in BULLETS for c in tok.children
        )

    def others_act(self, doc, comp, speakers):
        """'The analyst expects the Commission to open further cases': what an analyst expects another party
        to do is a prediction, not a plan of the speaker's own."""
        return (
            bool(speakers)
            and self.is_analyst(doc, speakers[0])
            and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in comp.children)
        )

    def outlook_shape(self, tok, comp, passive, speakers):
        """Whether a forecasting verb looks ahead at all, or names an event, a result or a sighting."""
        lemma = tok.lemma_.lower()
        if comp and comp[0].lower_ in ("that", "which", "what") and comp[0].dep_ == "dobj":
            return False  # "ahead of the 483,173 that analysts had expected": the consensus a result is measured by
        if passive and any(c.dep_ == "neg" for c in tok.children):
            return False  # "could not be expected to comment": an idiom, not an outlook
        if comp and self.event_plan(comp[0]) and not self.others_act(tok.doc, comp[0], speakers):
            return False  # "expects to close the deal", "expects to deliver the first trucks": not outlooks
        if comp and any(t.lower_ in ("available", "launch", "release") for t in comp[0].subtree):
            return False
        if lemma == "estimate" and comp and self.past_figure(comp[0]):
            return False  # "estimated that its profit plunged 96%": a preliminary result
        if (
            lemma == "estimate"
            and tok.tag_ == "VBD"
            and comp
            and comp[0].dep_ == "dobj"
            and YEAR_ON_YEAR.search(span_text(sent_of(tok)))
        ):
            return False  # "estimated its second-quarter profit at 4.6 trillion won, down 56% from a year earlier"
        if lemma in ("see", "estimate", "target") and not speakers:
            return False
        if lemma == "target" and tok.tag_ == "VBG" and tok.dep_ in ("acl", "amod", "compound"):
            return False  # "an AI-enabled targeting platform": a modifier, not a target set
        if lemma == "see" and tok.tag_ in ("VBD", "VBN"):
            return False  # "saw revenue of $5 billion", "has seen demand fall": what happened
        if lemma == "see":
            # "sees revenue of $10 billion", "sees growth slowing", "sees Brent at $100"; not "sees an opportunity"
            return bool(comp) and (
                comp[0].dep_ in ("ccomp", "xcomp") or self.figure(comp[0]) or self.priced(tok)
            )
        return True

    def statement(self, doc, sent, tok, speakers, taken):
        """'Bloomberg Intelligence said the EV push could be a drag on profit', 'legal experts said the case
        could take years'; a company's word on its own figures or on what would follow from a condition."""
        comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
        if not comp:
            return None
        subj_words = {c.lower_ for c in tok.children if c.dep_ == "nsubj"}
        src = speakers[0] if speakers else None
        if taken and not (src and self.is_analyst(doc, src) and self.hedged_comp(comp[0])):
            # a sentence that states a policy or a result may still carry a named speaker's prediction;
            # an analyst saying what a central bank or company could do predicts it
            return self.conditional(doc, sent, tok, speakers) or self.policy_signal(doc, sent, tok, speakers)
        if not (src and self.is_analyst(doc, src)) and not subj_words & EXPERTS:
            return (
                self.own_figures(doc, sent, tok, speakers)
                or self.conditional(doc, sent, tok, speakers)
                or self.policy_signal(doc, sent, tok, speakers)
            )
        # '"For Acme this is a small bet, but investors may question it," she said': the clause that looks ahead
        scope = next(
            (sc for sc in (list(c.subtree) for c in comp)
             if ({t.lemma_.lower() for t in sc} | {t.lower_ for t in sc}) & LOOKAHEAD),
            None,
        )  # fmt: skip
        if scope is None and tok.lemma_ in BELIEF_VERBS:
            scope = next((list(c.subtree) for c in comp if self.runs_ahead(doc, c)), None)
        if scope is None:
            return None
        subject = self.subject(doc, scope, src, bool(subj_words & EXPERTS))
        return self.emit(doc, tok, src, subject, sent, scope, "reported", unnamed=subj_words & TRADE)

    def policy_signal(self, doc, sent, tok, speakers):
        """'Governor X told a news conference that accommodative conditions would be maintained': a central
        bank's head on where its policy goes next. The bank is the one the sentence names."""
        ents = doc._.entities
        if not speakers or ents[speakers[0]].type != "PERSON" or (ents[speakers[0]].role or "") not in HEADS:
            return None
        banks = [k for k in entities_in(sent, ("GOV",)) if ents[k].kind == "regulator"]
        org = ents[speakers[0]].org
        bank = org if org is not None and ents[org].type == "GOV" else (banks[0] if banks else None)
        if bank is None:
            return None
        for comp in tok.children:
            if comp.dep_ != "ccomp" or not any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in comp.children
            ):
                continue
            subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lemma_ in POLICY_TERMS:
                scope = list(comp.subtree)
                return self.emit(doc, tok, speakers[0], bank, sent, scope, "reported")
        return None

    def rating_action(self, doc, sent, tok, src):
        """An analyst house or rating agency acting on a named company or country: 'Fitch cut Acme to BB+',
        'Moody's placed Acme on review for downgrade', 'Citi initiated coverage of Acme with a buy rating'."""
        lemma = tok.lemma_.lower()
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
        if lemma in COVER_VERBS:
            if not (objs and objs[0].lower_ == "coverage"):
                return None
            rated = [k for t in objs[0].subtree for k in [entity_of(t)] if k and k != src]
        elif lemma in ("place", "put"):
            # "placed Acme's ratings on review": the parser hangs "on review" on the verb or its object
            watch = [c for h in [tok, *objs] for c in h.children if c.dep_ == "prep" and c.lower_ == "on"]
            if not any(t.lower_ in WATCH for c in watch for t in c.subtree):
                return None
            rated = [k for o in objs for t in o.subtree for k in [entity_of(t)] if k and k != src]
        else:
            # "cut Acme to BB+", "downgraded the country": the object names the rated party itself
            rated = [k for o in objs for k in [entity_of(o)] if k and k != src]
            if not ("to" in preps or any(c.dep_ == "xcomp" for c in tok.children) or lemma == "affirm"):
                return None
        if not rated:
            return None
        subject = company_of(doc, rated[0])
        return self.emit(
            doc, tok, src, subject, sent, list(tok.subtree), "asserted", when=self.action_time(doc, tok)
        )

    def warned_of(self, doc, sent, tok, src):
        """'Acme warned of weaker demand in Europe', 'warned of a hit to profit from rising costs'."""
        scope = [
            t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "about") for t in c.subtree
        ]
        heads = [t for t in scope if t.dep_ == "pobj" and t.head.head.i == tok.i]
        if not heads or heads[0].lower_ not in OWN_FIGURES | WARNINGS:
            return None
        certainty = "asserted" if self.is_self(doc, src) and not self.quoted(tok) else "reported"
        return self.emit(doc, tok, src, self.subject(doc, scope, src), sent, scope, certainty)

    @staticmethod
    def outlook_noun(obj):
        """'its outlook', 'a price target', 'a profit warning'."""
        if obj.lower_ in ("warning", "warnings"):
            return any(
                c.dep_ in ("compound", "amod") and c.lower_ in OWN_FIGURES | {"profit"} for c in obj.children
            )
        return obj.lower_ in OUTLOOK_NOUNS

    @staticmethod
    def priced(verb):
        """'sees Brent crude at $100 a barrel by year-end'."""
        return any(c.dep_ == "prep" and c.lower_ == "at" and any(t.like_num or t.tag_ == "$" for t in c.subtree)
                   for c in verb.children)  # fmt: skip

    @staticmethod
    def figure(noun):
        """A company figure with a number on it: 'full-year revenue of $10 billion', 'revenue roughly flat'."""
        if noun.lower_ not in OWN_FIGURES | {"eps"} and not METRIC_RX.fullmatch(noun.text):
            return False
        return any(t.like_num or t.tag_ == "$" for t in noun.subtree) or any(
            c.dep_ in ("oprd", "amod") and c.lower_ in ("flat", "unchanged", "stable")
            for c in noun.head.children
        )

    def guided(self, doc, sent, tok):
        """'Acme guided for revenue of $1.2 billion in the current quarter'."""
        scope = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "toward", "towards")
                 for t in c.subtree]  # fmt: skip
        speakers = self.speakers(doc, tok)
        if not scope or not speakers:
            return None
        src = company_of(doc, speakers[0])
        return self.emit(doc, tok, src, src, sent, scope, "reported" if self.quoted(tok) else "asserted")

    def speakers(self, doc, tok):
        ents = doc._.entities
        out = [
            k
            for k in agents(tok)
            if ents[k].type in ("ORG", "PERSON", "GOV") and ents[k].kind != "publication"
        ]
        if any(c.dep_ == "nsubj" and self.based(c) for c in tok.children):
            out = [k for k in [main_org(doc)] if k]
        if not out:
            # "Citi analysts expect": the tagger may read the house's name as an adjective of its analysts
            out = [entity_of(m) for c in tok.children if c.dep_ == "nsubj" and c.lower_ in EXPERTS
                   for m in c.children if m.dep_ == "amod" and entity_of(m) and ents[entity_of(m)].type == "ORG"]  # fmt: skip
        if not out and any(
            c.dep_ == "nsubj" and (c.lower_ in ORGANS or self.unnamed_executive(c)) for c in tok.children
        ):
            out = [k for k in [main_org(doc)] if k]
        if not out and any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in tok.children):
            # '"We expect revenue to grow," the chief executive said': the quoted speaker
            att = self.quote_speaker(doc, sent_of(tok))
            if att is not None and att.speaker and att.kind in ("person", "organization"):
                we = any(c.dep_ == "nsubj" and c.lower_ == "we" for c in tok.children)
                firm = self.employer(doc, att.speaker) if we else None
                if firm is not None and ents[firm].kind != "analyst" and self.is_analyst(doc, att.speaker):
                    firm = None  # an expert's "we" at a firm not known as a research house: the expert speaks
                out = [firm or att.speaker]
        if not out and self.said_and_acted(tok):
            out = self.speakers(doc, tok.head.head)
        return out

    @staticmethod
    def based(subj):
        """'the San Jose, California-based company': a place names no speaker, the article's company is meant
        (the parser makes the city the subject and the company its apposition, or the city a modifier)."""
        return any(
            a.lemma_ in ("company", "firm") and any(m.lower_ == "based" for m in a.children)
            for a in [subj, *(c for c in subj.children if c.dep_ == "appos")]
        )

    @staticmethod
    def unnamed_executive(subj):
        """'an executive warned on a conference call': one of the article's company's own, not named."""
        return subj.lower_ in ("executive", "executives") and not any(
            c.dep_ in ("prep", "poss", "compound", "amod") for c in subj.children
        )

    @staticmethod
    def quote_speaker(doc, sent):
        """Who speaks a sentence: its own attribution, or for a quote that goes on past the sentence naming
        its speaker ('"...," said Jane Roe, an analyst at X. "We expect margins to recover slowly."') that one's."""
        att = doc._.attributions.get(sent.start)
        if att is not None or span_text(sent).lstrip()[:1] not in ('"', "“"):
            return att
        sents = all_sentences(doc)
        i = next((j for j, s in enumerate(sents) if s.start == sent.start), 0)
        return doc._.attributions.get(sents[i - 1].start) if i else None

    @staticmethod
    def said_and_acted(tok):
        """'Analysts at X said the miss was a warning sign and cut their price target': the small parser
        joins the second verb to the reported clause, but the speakers' own outlook is what it cuts."""
        head = tok.head
        return (
            tok.dep_ == "conj"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            and head.dep_ == "ccomp"
            and head.head.lemma_ in SPEECH_VERBS
            and any(c.dep_ == "dobj" and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
                    for c in tok.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") and (c.pos_ == "PRON" or entity_of(c))
                        for c in head.children)
        )  # fmt: skip

    @staticmethod
    def event_plan(comp):
        """'expects to close the deal', 'expects deliveries to start': an event, not an outlook; but 'expects
        the cost to start weighing on margins' looks through the aspect verb to the outlook."""
        if comp.lemma_ in ASPECT and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in comp.children):
            return False
        if comp.dep_ == "xcomp" and any(
            c.dep_ == "prep" and c.lower_ == "on" and any(p.lower_ in WEEKDAYS for p in c.children)
            for c in comp.children
        ):
            return True  # "expected to fly its first jets on Friday": a dated plan, not an outlook
        if comp.lemma_ in ("report", "post", "record") and any(c.dep_ == "nsubj" for c in comp.children):
            return False  # "expects Acme to report a profit of $2 billion": a figure someone else will report
        if (
            comp.dep_ == "dobj"
            and comp.lemma_ in EVENT_NOUNS
            and not any(c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in comp.children)
        ):
            # (but "expects the approval to encourage other lenders": what the event will bring)
            return True  # "expects a decision next year": an event awaited, not an outlook
        if comp.lemma_ in YIELD_VERBS:
            # "to deliver cost synergies of $450 million", "to deliver $450 million of synergies": a figure ahead
            objs = [c for c in comp.children if c.dep_ == "dobj"]
            objs += [p for o in objs for c in o.children if c.lower_ == "of" for p in c.children]
            if any(o.lemma_.lower() in BENEFITS for o in objs):
                return False
        return comp.lemma_ in EVENTS | LAUNCH_WORDS

    @staticmethod
    def past_figure(comp):
        return comp.tag_ == "VBD" and not any(c.dep_ == "aux" for c in comp.children)

    @staticmethod
    def quoted(tok):
        """'X said it expects': the article reports the outlook; 'X has said it expects' states a standing one."""
        head = tok.head
        if tok.dep_ not in ("ccomp", "xcomp") or head.lemma_ not in SPEECH_VERBS:
            return False
        if any(
            c.dep_ == "prep" and any(p.lower_ in ("filing", "filings") for p in c.children)
            for c in head.children
        ):
            return False  # "In a filing, X said it did not expect...": the company's own disclosure
        return not any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)

    def own_figures(self, doc, sent, tok, speakers):
        """'Chief Financial Officer X told analysts that revenue would be flat', '..., saying production
        would decline by 25% by 2030': a company (or its executive) on where its own figures are headed."""
        ents = doc._.entities
        if not speakers:
            return None
        speaker = speakers[0]
        company = self.employer(doc, speaker)
        if company is None or ents[company].kind is not None:
            return None
        for comp in tok.children:
            if comp.dep_ != "ccomp" or comp.pos_ not in ("VERB", "AUX") or comp.lemma_ in LAUNCH_WORDS:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in comp.children):
                continue
            subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
            # "told analysts that revenue would be...": the parser may hang the subject on the speech verb
            subj = subj or [c for c in tok.children if c.dep_ == "dobj" and c.i < comp.i][-1:]
            if subj and subj[0].lower_ not in SAID_FIGURES:
                # "warned that tariffs could cut its profit by $500 million": its own figure is the object
                own = [c for c in comp.children if c.dep_ == "dobj" and c.lower_ in SAID_FIGURES
                       and any(d.dep_ == "poss" and (d.lower_ in ("its", "our") or entity_of(d) == company)
                               for d in c.children)]  # fmt: skip
                subj = own or subj
            if not subj or not (subj[0].lower_ in SAID_FIGURES or self.coming_period(subj[0])):
                continue
            if any(c.lower_ == "capital" for c in subj[0].children) or subj[0].lower_ in (
                "capex",
                "investment",
            ):
                continue  # "capital spending this year would come in above $30 billion": an investment plan
            if any(
                entity_of(t) and entity_of(t) != company and ents[entity_of(t)].type == "ORG"
                for t in subj[0].subtree
            ):
                continue  # "Apple said Samsung's sales would fall": not its own figure
            scope = list(subj[0].subtree) + list(comp.subtree)
            return self.emit(doc, tok, company, company, sent, scope, "reported", speaker=speaker)
        return None

    @staticmethod
    def runs_ahead(doc, clause):
        """'we think the market stays in surplus through 2025': a view held of a time not yet come."""
        published = str(doc._.published or "")[:10]
        lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
        return bool(published) and any(
            lo <= t.start < hi and t.finish and t.finish[:4] > published[:4] for t in doc._.times
        )

    @staticmethod
    def coming_period(subj):
        """'the second half would be tougher', 'next year will be better': a company's word on a period ahead."""
        return subj.lower_ in ("half", "quarter", "year") and any(
            c.lower_ in ("second", "next", "coming", "current", "fourth", "third") for c in subj.children
        )

    @staticmethod
    def by_trade(doc, sent):
        """'..., economists say': the research trade, unnamed."""
        att = doc._.attributions.get(sent.start)
        words = (att.name or "").lower().split() if att is not None and att.speaker is None else []
        return bool(words) and words[-1] in TRADE

    @staticmethod
    def employer(doc, speaker):
        """The company a speaker speaks for: itself, its executive's company, or for an executive the
        article names without one ('Chief Financial Officer X told analysts'), the article's company."""
        ents = doc._.entities
        company = company_of(doc, speaker)
        if (
            company == speaker
            and ents[speaker].type == "PERSON"
            and EXECUTIVE.search(ents[speaker].role or "")
        ):
            company = main_org(doc)
        return company if company is not None and ents[company].type == "ORG" else None

    def conditional(self, doc, sent, tok, speakers):
        """'The CFO said further restrictions, if adopted, would result in a permanent loss': a company's
        prediction of what would follow from something it does not control."""
        if not speakers or self.employer(doc, speakers[0]) is None:
            return None
        for comp in tok.children:
            if comp.dep_ != "ccomp" or not any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in comp.children
            ):
                continue
            if not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                       for c in comp.children):  # fmt: skip
                continue
            subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and (subj[0].pos_ == "PRON" or entity_of(subj[0]) or subj[0].lower_ in DEALS):
                continue  # "said it would appeal if...": a plan of its own; "the deal would collapse unless..."
            scope = list(comp.subtree)
            fact = self.emit(
                doc, tok, speakers[0], self.subject(doc, scope, speakers[0]), sent, scope, "reported"
            )
            if not (subj and subj[0].lower_ in SAID_FIGURES):
                fact.args.pop("metric", None)  # "a permanent loss of opportunity" is no reported loss
            return fact
        return None

    def on_track(self, doc, sent, tok):
        """'said it was on track to hit its full-year target of about 1.8 million vehicles'."""
        if not any(c.dep_ == "prep" and c.lower_ == "on" and any(p.lower_ in ON_TRACK for p in c.children)
                   for c in tok.children):  # fmt: skip
            return None
        goal = next(
            (c for c in tok.children if c.dep_ == "xcomp" and c.lemma_ in REACH_VERBS | {"meet"}), None
        )
        if goal is None or not any(
            c.dep_ == "dobj" and (c.lower_ in TARGET_NOUNS or c.like_num) for c in goal.children
        ):
            return None
        speakers = self.speakers(doc, tok)
        if not speakers:
            return None
        src = company_of(doc, speakers[0])
        certainty = "reported" if self.quoted(tok) else "asserted"
        return self.emit(doc, goal, src, src, sent, list(goal.subtree), certainty)

    def ambition(self, doc, sent, tok):
        """'Lei has said Xiaomi aims to become one of the world's five largest automakers'."""
        goal = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if goal is None:
            # "is aiming for revenue of $10 billion by 2027"
            goal = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                         and any(self.figure(p) for p in c.children)), None)  # fmt: skip
        elif not self.is_ambition(goal):
            return None
        if goal is None:
            return None
        ents = doc._.entities
        firms = [company_of(doc, k) for k in agents(tok)]
        firms = [k for k in firms if ents[k].type == "ORG" and ents[k].kind is None]
        if not firms:
            return None
        src, speaker = firms[0], None
        if tok.dep_ == "ccomp" and tok.head.lemma_ in SPEECH_VERBS:
            said = self.speakers(doc, tok.head) or self.named_person(doc, tok.head)
            speaker = said[0] if said else None
        certainty = "reported" if self.quoted(tok) else "asserted"
        return self.emit(doc, tok, speaker or src, src, sent, list(goal.subtree), certainty)

    @staticmethod
    def is_ambition(goal):
        """A rank or a number the company wants to reach, not an action it plans ('aims to launch')."""
        if goal.lemma_ in RANK_VERBS:
            attr = [c for c in goal.children if c.dep_ in ("attr", "acomp")]
            return any(t.tag_ == "JJS" or t.lower_ in ("top", "largest", "biggest")
                       for a in attr for t in a.subtree)  # fmt: skip
        if goal.lemma_ in REACH_VERBS:
            objs = [c for c in goal.children if c.dep_ == "dobj"]
            return any(
                o.lower_ in TARGET_NOUNS | OWN_FIGURES or any(t.like_num for t in o.subtree) for o in objs
            )
        return False

    @staticmethod
    def named_person(doc, verb):
        """'Lei has said': a lone name the tagger missed, when the article named that person in full."""
        ents = doc._.entities
        for c in verb.children:
            if c.dep_ == "nsubj" and c.pos_ == "PROPN" and not entity_of(c):
                hits = [
                    k for k, info in ents.items() if info.type == "PERSON" and c.text in info.name.split()
                ]
                if len(hits) == 1:
                    return hits
        return []

    def attributed_outlook(self, doc, sent, taken):
        """'The market will shrink 9.4% this year, according to WSTS': a statement about the future
        that a named organization (not an anonymous source or a publication) makes."""
        att = doc._.attributions.get(sent.start)
        if taken or att is None or att.speaker is None or att.kind not in ("organization", "person"):
            return
        root = sent.root
        main = next((c for c in root.children if c.dep_ in ("ccomp",) and c.pos_ in ("VERB", "AUX")), root)
        if main.lemma_ in SPEECH_VERBS or main.lemma_ in LAUNCH_WORDS:
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

    def emit(self, doc, tok, src, subject, sent, scope, certainty, when=None, speaker=None, unnamed=False):
        scope_text = " ".join(t.text for t in scope)
        metric = self.metric(doc, tok, scope, scope_text)
        if subject is None and src is not None and self.about_itself(doc, src, scope, metric):
            subject = src  # "Samsung said it expects demand to improve": a company's outlook is about itself
        args = {"source": src, "subject": subject, "statement": span_text(sent).strip()}
        if metric:
            args["metric"] = metric
        money = [
            mo
            for mo in money_near(doc, sent)
            if any(t.idx <= mo.start < t.idx + len(t.text) + 1 for t in scope)
        ]
        if money:
            args["value"] = money[0]
            if (
                metric == "revenue"
                and src is not None
                and subject == src
                and self.ranged(doc, money)
                and not is_bullet(sent)
            ):
                # "expects fourth-quarter revenue of between $26.1 billion and $26.9 billion": a company's
                # sales guidance is given as a range; one figure ("projected revenue of $9.2 billion") stays,
                # and so does a line of a guidance table, labelled by its metric
                args["metric"] = "guidance"
        if self.hedged(scope, scope_text):
            certainty = "possible"
        who = speaker or src
        if who is None:
            source = doc._.attributions.get(sent.start)
            source = source.as_source() if source else Source("document", None)
            if source.kind == "document" and unnamed:
                source = Source("organization", None)
        else:
            info = doc._.entities[who]
            source = Source("person" if info.type == "PERSON" else "organization", info.name)
        return self.fact(
            doc,
            tok,
            args,
            time=when or self.outlook_time(doc, sent, tok, scope),
            certainty=certainty,
            source=source,
        )

    @staticmethod
    def ranged(doc, money):
        """The first figure is the low end of a range: '$310 million to $320 million', 'between X and Y'."""
        if len(money) < 2:
            return False
        gap = doc_text(doc)[money[0].end : money[1].start]
        return bool(re.fullmatch(r"\s*(?:to|and|-|–)\s*", gap))

    @staticmethod
    def outlook_time(doc, sent, tok, scope):
        """The period an outlook is for; 'expects Acme to report a third-quarter profit' is the quarter
        just ended, whose figures are still to come."""
        time = time_near(doc, sent, tok)
        if any(t.lemma_ in ("report", "post", "record", "announce") and t.pos_ == "VERB" for t in scope):
            return time
        return ahead(doc, time)

    @staticmethod
    def without_reasons(head):
        """`head`'s clause without its 'as carmakers scale back production' reasons."""
        skip = {t.i for c in head.subtree if c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)
                for t in c.subtree}  # fmt: skip
        return [t for t in head.subtree if t.i not in skip]

    def about_itself(self, doc, src, scope, metric):
        """A company's outlook on its own figures or business; not a forecaster's view of a market ('the
        IMF predicted that global growth would slow', 'WSTS said the market will shrink')."""
        info = doc._.entities[src]
        if info.type != "ORG" or info.kind is not None:
            return False
        return (
            src == main_org(doc)
            or metric is not None
            or any(t.lower_ in ("it", "its", "we", "our") for t in scope)
        )

    @staticmethod
    def metric(doc, tok, scope, scope_text):
        hits = [m for m in (METRIC_RX.search(scope_text), MARGIN_RX.search(scope_text)) if m]
        if hits:
            m = min(hits, key=lambda m: m.start())
            if m.re is MARGIN_RX:
                return "_".join(w.strip() for w in (m.group(1), m.group(2)) if w).lower() + "_margin"
            if metric_name(m) in ("net_income", "adjusted_net_income") and re.search(
                r"\b(?:per|a) share\b", scope_text
            ):
                return "eps"  # "adjusted earnings of $4.10 to $4.30 per share"
            return metric_name(m)
        if any(t.lower_ in ("guidance", "outlook") for t in scope):
            return "guidance"
        if COUNT.search(scope_text):
            # "a target of 1.8 million vehicles": the count the article reports the company by
            counted = any(t.lemma_ in ("deliver", "delivery") for t in doc[: tok.i])
            return "deliveries" if counted else "sales_volume"
        return None

    @staticmethod
    def hedged(scope, scope_text):
        """Hedged by a modal or a condition ('if adopted') in the outlook itself; a coordinated clause
        with its own subject ('..., and that an appointment could take months') is another statement."""
        inside = set(scope)
        aside = {t for t in scope if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head in inside
                 and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in t.subtree}  # fmt: skip
        words = [t for t in scope if t not in aside]
        if {t.lower_ for t in words} & HEDGES or re.search(r"\bnot (?:yet )?certain\b", scope_text):
            return True
        return any(
            t.dep_ == "mark" and t.lower_ in ("if", "unless") and t.head.dep_ == "advcl" for t in words
        )

    @staticmethod
    def action_time(doc, tok):
        """'last month it cut its full-year forecast': when the outlook changed, not the period it covers."""
        clauses = {t.i for c in tok.subtree if c.dep_ in ("relcl", "acl", "ccomp", "advcl") and c.i != tok.i
                   for t in c.subtree}  # fmt: skip
        own = [t for c in tok.children if c.dep_ in ("npadvmod", "prep", "advmod") and c.lower_ not in ("for", "to")
               for t in c.subtree if t.i not in clauses]  # fmt: skip
        spans = [(t.idx, t.idx + len(t.text)) for t in own]
        return next((t for t in doc._.times if any(s <= t.start < e for s, e in spans)), None)

    @staticmethod
    def subject(doc, scope, src, via_people=False):
        """What the outlook is about: a company or government named in it, else the article's company."""
        ents = doc._.entities
        # "Buying Y could turn X into a challenger": the outlook is about X, not the deal that does it
        # ('Buying' may be parsed as a compound of 'Y': the gerund still heads the subject)
        deed = {t.i for t in scope if t.dep_ == "csubj" or (t.dep_ == "nsubj" and any(
            c.tag_ == "VBG" and c.dep_ in ("compound", "amod") and c.i < t.i for c in t.children))
            for t in t.subtree}  # fmt: skip
        main = [t for t in scope if t.i not in deed]
        if deed and any(entity_of(t) for t in main):
            scope = main
        # "... to stay under pressure as the FAA keeps a close watch": the party a reason names is not the subject
        reasons = {t.i for t in scope if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("as", "because")
                   for m in t.children) for t in t.subtree}  # fmt: skip
        scope = [t for t in scope if t.i not in reasons]
        # "the curbs would cut its annual profit": the forecaster's own figure, though the parse may tie 'its' to
        # the curbs' author; "the order could help Samsung's foundry unit": the owner named, before a name that
        # only modifies the cause ("the Tesla order")
        owners = [
            (t, entity_of(t)) for t in scope if t.dep_ == "poss" and (entity_of(t) or t.lower_ == "its")
        ]
        own_org = src is not None and ents[src].type == "ORG" and ents[src].kind is None
        for t, k in owners:
            if t.head.lower_ in SAID_FIGURES and own_org and (k == src or t.lower_ == "its"):
                return src
        for t, k in owners:
            if k and k != src and t.pos_ != "PRON" and ents[k].type in ("ORG", "GOV"):
                if ents[k].kind in (None, "regulator"):
                    return k
        # a company named outright comes before the company of a person the outlook speaks of
        # ("said he could bring discipline to Starbucks": Starbucks, not the company he leaves)
        found = [k for k in entities_in(scope, ("ORG", "GOV")) if k != src]
        found += [company_of(doc, k) for k in entities_in(scope, ("PERSON",)) if k != src]
        if src is not None and ents[src].type == "PERSON" and ForecastExtractor.is_analyst(doc, src):
            # "the company's revenue", in an analyst's words, is not the analyst's own firm
            found = [k for k in found if k != company_of(doc, src)]
        # "the Bank of England is expected to cut rates": a central bank or regulator is what it is about
        found = [
            k
            for k in found
            if k != src and ents[k].type in ("ORG", "GOV") and ents[k].kind in (None, "regulator")
        ]
        if found:
            return found[0]
        if src is not None and ForecastExtractor.is_analyst(doc, src) and scope:
            # '"For Acme this is a small cheque, but shareholders may question it," he said': the company the
            # analyst's sentence is framed for, outside the clause that looks ahead
            own = company_of(doc, src)
            lead = [t for t in sent_of(scope[0]) if not t.is_punct and not t.is_space][:2]
            if len(lead) == 2 and lead[0].lower_ == "for" and lead[1].head.i == lead[0].i:
                named = [
                    k
                    for k in entities_in(lead[1].subtree, ("ORG",))
                    if k not in (src, own) and ents[k].kind is None
                ]
                if named:
                    return named[0]
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
        if info.kind == "analyst" or (info.role or "") in ("analyst", "economist", "strategist"):
            return True
        # "Felipe Arantes, head of equity research at X", "a professor of competition law": an outside expert
        return info.type == "PERSON" and any(
            a.dep_ == "appos" and any(t.lower_ in EXPERT_WORDS for t in a.subtree)
            for m in doc._.mentions
            if m.key == key
            for a in doc[m.start : m.end].root.children
        )
