"""market_trend: a market, a sector, demand, prices or an industry's players moving
('the EV sector is plateauing', 'Sales of previously owned homes fell 2%', 'Memory prices have
started to stabilise', 'Japanese automakers have lost ground in China', 'a price war').

Not a trend: one company's figures (read by the financial extractor), a forecast ("will
shrink"), or a headline that the body restates.
"""

from __future__ import annotations

from newsgraph.extract.base import FactExtractor, is_headline, tokens

MARKET_NOUNS = {"market", "markets", "sector", "industry", "demand", "prices", "price", "sales", "shipments",
                "segment", "economy", "growth", "supply", "inventories", "margins", "valuations", "spending",
                "orders", "volumes", "shares", "stocks", "exports", "imports", "rate", "rates", "yields",
                "memory", "deal-making", "dealmaking", "activity", "investment", "appetite", "competition",
                "consumption", "output", "production", "registrations", "listings", "bookings", "costs",
                "spree", "boom", "slump", "downturn", "recovery", "cycle", "glut", "oversupply"}  # fmt: skip
PLAYERS = {"automakers", "carmakers", "chipmakers", "makers", "firms", "companies", "manufacturers", "developers",
           "builders", "homebuilders", "banks", "lenders", "retailers", "brands", "producers", "players",
           "startups", "vehicles", "cars", "insurers", "airlines", "miners", "suppliers", "exporters",
           "investors", "consumers", "buyers", "shoppers", "entrants"}  # fmt: skip
NEEDS_MODIFIER = {"sales", "shipments", "prices", "price", "demand", "growth", "supply", "margins", "orders",
                  "volumes", "shares", "stocks", "exports", "imports", "spending", "rate", "rates", "yields",
                  "investment", "activity", "output", "production", "costs", "cycle"} | PLAYERS  # fmt: skip
TREND_VERBS = {"plateau", "slow", "boom", "slump", "grow", "decline", "shrink", "fall", "drop", "rise", "surge",
               "soar", "cool", "weaken", "recover", "rebound", "contract", "expand", "stagnate", "mature", "tumble",
               "plunge", "climb", "jump", "sink", "slide", "stall", "flatten", "accelerate", "decelerate", "dip",
               "collapse", "strengthen", "increase", "decrease", "rally", "sag", "ease", "moderate", "peak",
               "overheat", "consolidate", "saturate", "struggle", "languish", "crater", "skyrocket", "outstrip",
               "outpace", "outperform", "underperform", "firm", "stabilise", "stabilize", "pick", "lose", "fade",
               "halve", "double", "sell", "suffer", "slip", "retreat", "swell", "balloon", "dry", "tighten",
               "loosen", "hit", "reach", "squeeze", "hurt", "weigh", "bottom", "level", "have"}  # fmt: skip
START_VERBS = {"start", "begin", "continue", "keep", "remain", "seem", "appear"}
FUTURE = {
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "expect",
    "forecast",
    "project",
    "predict",
    "likely",
}
PHRASES = ("price war", "overcapacity", "over-capacity", "glut", "oversupply", "consolidation", "slashing prices",
           "cutting prices", "price cuts", "downturn", "slowdown", "shakeout", "across the industry",
           "industry-wide", "sector-wide", "across the sector")  # fmt: skip


class MarketTrendExtractor(FactExtractor):
    fact_type = "market_trend"

    def match(self, doc, sent):
        if is_headline(sent) or self.has_company_fact(doc, sent):
            return
        for tok in tokens(sent):
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            verb = tok
            if lemma in START_VERBS:
                inner = [c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in TREND_VERBS]
                if not inner:
                    continue
            elif lemma not in TREND_VERBS:
                continue
            if lemma == "have" and not any(c.dep_ == "dobj" and any(a.lower_ in ("difficult", "tough", "weak", "strong",
                                           "bumper", "record") for a in c.children) for c in tok.children):  # fmt: skip
                continue
            if (
                any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children)
                or verb.head.lemma_ in FUTURE
            ):
                continue
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            s = subj[0]
            if s.lower_ not in MARKET_NOUNS and s.lower_ not in PLAYERS:
                continue
            if any(t._.entity and doc._.entities[t._.entity].type == "ORG" for t in s.subtree):
                continue  # "Apple's sales fell": a company's result, not a market's
            if any(c.lower_ in ("its", "their", "his", "her", "our") for c in s.children):
                continue
            mods = [
                c
                for c in s.children
                if c.dep_ in ("compound", "amod", "nmod", "prep", "npadvmod")
                or (c.dep_ == "poss" and c.pos_ == "NOUN" and c.tag_ == "NNS")
            ]  # "chipmakers' shares"
            if s.lower_ in NEEDS_MODIFIER and not mods:
                continue
            market = " ".join(t.text for t in s.subtree)
            yield self.fact(doc, tok, {"market": market, "statement": sent.text.strip()})
            return
        low = sent.text.lower()
        if any(p in low for p in PHRASES) and not any(
            t._.entity and doc._.entities[t._.entity].type == "ORG" for t in sent if t.dep_ in ("nsubj",)
        ):
            yield self.fact(doc, sent.root, {"market": None, "statement": sent.text.strip()})

    @staticmethod
    def has_company_fact(doc, sent):
        return any(
            f.type in ("financial_result", "forecast") and sent.start_char <= f.evidence[0][0] < sent.end_char
            for f in doc._.facts
        )
