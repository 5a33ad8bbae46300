"""market_trend: a market, sector, demand or prices moving ('the EV sector is plateauing')."""

from __future__ import annotations

from newsgraph.extract.base import FactExtractor

MARKET_NOUNS = {"market", "markets", "sector", "industry", "demand", "prices", "price", "sales", "shipments",
                "segment", "economy", "growth", "supply", "inventories", "margins", "valuations", "spending",
                "orders", "volumes", "share", "shares", "stocks", "exports", "imports"}  # fmt: skip
NEEDS_MODIFIER = {"sales", "shipments", "prices", "price", "demand", "growth", "supply", "margins", "orders",
                  "volumes", "share", "shares", "stocks", "exports", "imports", "spending"}  # fmt: skip
TREND_VERBS = {"plateau", "slow", "boom", "slump", "grow", "decline", "shrink", "fall", "drop", "rise", "surge",
               "soar", "cool", "weaken", "recover", "rebound", "contract", "expand", "stagnate", "mature", "tumble",
               "plunge", "climb", "jump", "sink", "slide", "stall", "flatten", "accelerate", "decelerate", "dip",
               "collapse", "strengthen", "increase", "decrease", "rally", "sag", "ease", "moderate", "peak",
               "overheat", "consolidate", "saturate", "struggle", "languish", "boom", "crater", "skyrocket"}  # fmt: skip
PHRASES = ("price war", "overcapacity", "over-capacity", "glut", "oversupply", "consolidation", "slashing prices",
           "cutting prices", "price cuts", "downturn", "slowdown", "boom", "shakeout")  # fmt: skip


class MarketTrendExtractor(FactExtractor):
    fact_type = "market_trend"

    def match(self, doc, sent):
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in TREND_VERBS:
                continue
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or subj[0].lower_ not in MARKET_NOUNS:
                continue
            s = subj[0]
            mods = [c for c in s.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
            if any(t._.entity and doc._.entities[t._.entity].type == "ORG" for t in s.subtree):
                continue  # "Apple's sales fell": a company's result, not a market's
            if any(c.lower_ in ("its", "their", "his", "her") for c in s.children):
                continue
            if s.lower_ in NEEDS_MODIFIER and not [m for m in mods if m.dep_ != "poss"]:
                continue
            market = " ".join(t.text for t in s.subtree)
            yield self.fact(doc, tok, {"market": market, "statement": sent.text.strip()})
            return
        low = sent.text.lower()
        if any(p in low for p in PHRASES) and not any(t._.entity for t in sent if t.dep_ in ("nsubj",)):
            trig = sent.root
            yield self.fact(doc, trig, {"market": None, "statement": sent.text.strip()})
