"""market_trend: a market, a sector, demand, prices or an industry's players moving
('the EV sector is plateauing', 'Sales of previously owned homes fell 2%', 'Memory prices have
started to stabilise', 'Japanese automakers have lost ground in China', 'a price war').

Not a trend: one company's figures (read by the financial extractor), a forecast ("will
shrink"), or a headline that the body restates.
"""

from __future__ import annotations

import re

from newsgraph.extract.base import FactExtractor, is_headline, tokens
from newsgraph.model import Source
from newsgraph.nlp.shared import entity_of, sent_of, span_text

# Traded goods are markets by themselves: "Oil rose 2%", "Bitcoin slipped".
COMMODITIES = {"oil", "crude", "gold", "silver", "copper", "aluminium", "aluminum", "nickel", "lithium", "cobalt",
               "iron", "steel", "coal", "wheat", "corn", "soybeans", "sugar", "coffee", "cocoa", "bitcoin", "ether",
               "gas"}  # fmt: skip
CURRENCIES = {"dollar", "yen", "euro", "yuan", "renminbi", "pound", "sterling", "won", "rupee", "franc", "peso",
              "lira", "rouble", "ruble", "real", "rand", "ringgit", "baht", "rupiah", "currency",
              "currencies"}  # fmt: skip
# Economy-wide measures that news reads as one market's trend: "U.S. inflation eased to 3.2%".
MACRO = {"inflation", "unemployment", "joblessness", "index", "indexes", "indices", "average", "benchmark"}
MARKET_NOUNS = {"market", "markets", "sector", "industry", "demand", "prices", "price", "sales", "shipments",
                "segment", "segments", "economy", "growth", "supply", "inventories", "margins", "valuations", "spending",
                "orders", "volumes", "shares", "stocks", "exports", "imports", "rate", "rates", "yields",
                "memory", "deal-making", "dealmaking", "activity", "investment", "appetite", "competition",
                "consumption", "output", "production", "registrations", "listings", "bookings", "costs",
                "spree", "boom", "slump", "downturn", "recovery", "cycle", "glut", "oversupply", "funding",
                "financing", "lending", "fundraising", "hiring", "layoffs", "bankruptcies", "defaults", "ipos",
                "deals", "mergers", "takeovers", "starts", "wages", "acquisitions", "jobs"} | COMMODITIES | CURRENCIES | MACRO  # fmt: skip
PLAYERS = {"automakers", "carmakers", "chipmakers", "makers", "firms", "companies", "manufacturers", "developers",
           "builders", "homebuilders", "banks", "lenders", "retailers", "brands", "producers", "players",
           "startups", "vehicles", "cars", "insurers", "airlines", "miners", "suppliers", "exporters",
           "investors", "consumers", "buyers", "shoppers", "entrants",
           # an industry's players and its customers, named as a class
           "pharmacies", "drugstores", "restaurants", "chains", "hospitals", "carriers", "operators", "refiners",
           "shippers", "steelmakers", "grocers", "supermarkets", "utilities", "households",
           "diners", "motorists", "travelers", "travellers", "homeowners", "borrowers", "renters", "majors",
           # a class of products selling: "several gene therapies have sold far below forecasts"
           "therapies", "drugs", "medicines", "treatments"}  # fmt: skip
NEEDS_MODIFIER = {"sales", "shipments", "prices", "price", "demand", "growth", "supply", "margins", "orders",
                  "volumes", "shares", "exports", "imports", "spending", "rate", "rates", "yields",
                  "investment", "activity", "output", "production", "costs", "cycle", "funding", "financing",
                  "lending", "fundraising", "hiring", "gas", "layoffs", "bankruptcies", "defaults", "ipos", "deals",
                  "mergers", "takeovers", "starts", "wages", "real", "won", "average", "benchmark", "jobs"} | PLAYERS  # fmt: skip
TREND_VERBS = {"plateau", "slow", "boom", "slump", "grow", "decline", "shrink", "fall", "drop", "rise", "surge",
               "soar", "cool", "weaken", "recover", "rebound", "contract", "expand", "stagnate", "mature", "tumble",
               "plunge", "climb", "jump", "sink", "slide", "stall", "flatten", "accelerate", "decelerate", "dip",
               "collapse", "strengthen", "increase", "decrease", "rally", "sag", "ease", "moderate", "peak",
               "overheat", "consolidate", "saturate", "struggle", "languish", "crater", "skyrocket", "outstrip",
               "outpace", "outperform", "underperform", "firm", "stabilise", "stabilize", "pick", "lose", "fade",
               "halve", "double", "sell", "suffer", "slip", "retreat", "swell", "balloon", "dry", "tighten",
               "loosen", "hit", "reach", "squeeze", "hurt", "weigh", "bottom", "level", "have", "touch", "intensify",
               "escalate", "heat", "deepen", "worsen", "falter", "evaporate", "revive", "thaw", "grapple",
               "contend", "wrestle", "reel", "face", "crash", "plummet", "nosedive", "spike", "tank", "rocket",
               "shift", "turn"}  # fmt: skip
# Moves that are a trend only with their object: "jobs were cut", "investors pour money into",
# "oil majors trade at a steep discount to their rivals".
JOB_CUTS = {"cut", "eliminate", "shed", "axe", "slash"}
JOBS = {"jobs", "positions", "roles"}
FLOW_VERBS = {"pour", "pile", "funnel", "plough", "plow"}
FLOWS = {"money", "cash", "capital", "billions", "funds"}
VALUATIONS = {"discount", "premium"}
RETURNS = {"growth", "expansion", "contraction", "decline", "declines"}
# "automakers have announced a wave of new battery factories": many players doing the same thing
WAVES = {"wave", "spate", "flurry", "rash", "slew", "string", "raft"}
# What an industry's players move together: prices, and the pay of their staff
PRICED = {"price", "wage", "pay", "salary", "fare"}
# "Demand remained robust", "prices stayed elevated": how a market held up
STATES = {"robust", "strong", "weak", "sluggish", "subdued", "soft", "resilient", "solid", "tepid", "muted",
          "buoyant", "healthy", "elevated", "depressed", "volatile", "tight", "firm", "brisk", "lackluster",
          "lacklustre", "strained", "stubborn", "sticky", "stable", "flat"}  # fmt: skip
# "Airlines are short of aircraft", "the market is awash with panels": a state of a whole market
SHORT = {"short", "awash", "flush", "oversupplied", "undersupplied"}
# "Chinese EV makers have slashed prices": an industry's players moving prices together
PRICE_MOVES = {"cut", "slash", "lower", "reduce", "raise", "hike", "discount"}
FIGURES = {"sales", "shipments", "orders", "volumes", "output", "production", "registrations", "bookings", "exports",
           "imports", "investment", "spending", "costs", "margins", "shares", "stocks", "growth", "deliveries",
           "listings", "inventories", "consumption", "memory"}  # fmt: skip
# "roughly a quarter of global supply is losing money": a part of a market is the market moving
PARTS = {
    "third",
    "thirds",
    "quarter",
    "half",
    "fifth",
    "tenth",
    "%",
    "percent",
    "share",
    "portion",
    "proportion",
}
# A market's move named as a noun: "a sell-off in bank stocks", "a boom in spending on AI"
NOMINAL_MOVES = {"selloff", "sell-off", "rout", "rally", "boom", "slump", "downturn", "slowdown", "surge", "crash",
                 "meltdown", "frenzy"}  # fmt: skip
# The wholes a share is told of: "14% of the market", "a third of new-car sales".
WHOLES = {"market", "sales", "registrations", "deliveries", "shipments", "demand", "revenue", "spending"}
START_VERBS = {"start", "begin", "continue", "keep", "remain", "seem", "appear", "take"}
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
SLUMPS = {"slump", "downturn", "slowdown", "recession", "lull", "rut", "glut", "crisis", "freefall", "contraction",
          "decline", "tailspin", "boom", "bubble"}  # fmt: skip
OUTLOOK_VERBS = {"expect", "forecast", "project", "predict", "see", "anticipate", "estimate"}
PHRASES = ("price war", "overcapacity", "over-capacity", "glut", "oversupply", "consolidation", "slashing prices",
           "cutting prices", "price cuts", "downturn", "slowdown", "shakeout", "across the industry",
           "industry-wide", "sector-wide", "across the sector")  # fmt: skip


# "a glut of memory chips kept prices depressed", "a price war that has squeezed margins across the
# industry": a market-wide force acting on prices or margins that belong to no one company.
CAUSE_VERBS = {"squeeze", "keep", "depress", "push", "drive", "drag", "pressure", "erode", "compress", "crush",
               "hurt", "hit", "weigh", "dent", "sap", "cap", "shrink", "thin"}  # fmt: skip
SQUEEZED = {"prices", "margins", "valuations", "profitability", "profits", "returns", "earnings"}
FORCES = {"glut", "oversupply", "overcapacity", "downturn", "slump", "slowdown", "competition", "shakeout",
          "war", "wars", "rivalry"}  # fmt: skip
WIDE = {"industry", "sector", "market", "markets", "board", "region"}
# Industry bodies publish a market's figures; they do not report results of their own.
BODY = re.compile(r"\b(?:Association|Federation|Council|Institute|Statistics|Bureau|Society|Chamber|Alliance|"
                  r"Realtors|Organi[sz]ation)\b")  # fmt: skip


class MarketTrendExtractor(FactExtractor):
    fact_type = "market_trend"

    def match(self, doc, sent):
        if is_headline(sent):
            return
        company = self.has_company_fact(doc, sent)
        found = False
        for fact in self.trend(doc, sent, company):
            found = True
            yield fact
        if not found:
            yield from self.market_force(doc, sent)
            yield from self.share_of_market(doc, sent, company)
            yield from self.nominal_move(doc, sent)

    def nominal_move(self, doc, sent):
        """'caught up in a broad sell-off in technology stocks', 'rivals rode a boom in spending on AI chips':
        a market's move told as a noun, in a sentence about something else."""
        for tok in tokens(sent):
            move = tok.lower_ in NOMINAL_MOVES or (
                tok.lower_ == "off" and any(c.lower_ == "sell" for c in tok.children)
            )
            if not move or tok.pos_ not in ("NOUN", "PROPN") or self.in_outlook(tok.head):
                continue
            where = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                     if p.dep_ == "pobj" and (p.lower_ in MARKET_NOUNS or p.lower_ in PLAYERS)]  # fmt: skip
            if not where:
                continue
            p = where[0]
            mods = [c for c in p.children if c.dep_ in ("compound", "amod", "prep")]
            own = any(c.dep_ == "poss" for c in p.children) or any(
                entity_of(t) and doc._.entities[entity_of(t)].type == "ORG" for t in p.subtree if t.i <= p.i
            )
            if own or (p.lower_ in NEEDS_MODIFIER and not mods):
                continue
            yield self.fact(doc, tok, {"market": self.phrase(p), "statement": span_text(sent).strip()},
                            **self.voice(doc, tok))  # fmt: skip
            return

    def share_of_market(self, doc, sent, company):
        """'Battery-electric models accounted for 14.4% of the market': a class of products' share of
        a whole market; one company's share is its own figure, read as a result."""
        if company:
            return
        for tok in tokens(sent):
            if tok.lemma_ not in ("account", "make") or tok.pos_ != "VERB":
                continue
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            # "Chinese companies accounted for close to a third of the molecules licensed": a class of
            # players' part of whatever they make up
            players = bool(subj) and subj[0].lower_ in PLAYERS
            whole = [p for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in ("for", "up")
                     for t in c.subtree if t.lower_ == "of" for p in t.children
                     if p.dep_ == "pobj" and (players or p.lemma_.lower() in WHOLES)]  # fmt: skip
            share = any(t.lower_ in PARTS for t in tok.subtree if t.i > tok.i)
            if not whole or not subj or not share or entity_of(subj[0]):
                continue
            market = span_text(doc[subj[0].left_edge.i : subj[0].right_edge.i + 1])
            yield self.fact(
                doc, tok, {"market": market, "statement": span_text(sent).strip()}, **self.voice(doc, tok)
            )
            return

    def market_force(self, doc, sent):
        for tok in tokens(sent):
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in CAUSE_VERBS:
                continue
            if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in tok.children):
                continue
            obj = next((c for c in self.objects(tok) if c.lower_ in SQUEEZED), None)
            if obj is None or self.owned(doc, obj):
                continue
            if self.industry_wide(obj) or self.forced(doc, sent, tok):
                yield self.fact(
                    doc, tok, {"market": None, "statement": span_text(sent).strip()}, **self.voice(doc, tok)
                )
                return

    @staticmethod
    def objects(verb):
        """'kept prices depressed' parses as an object or as the subject of a small clause."""
        out = [c for c in verb.children if c.dep_ == "dobj"]
        return out + [
            s for c in verb.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"
        ]

    @staticmethod
    def voice(doc, tok):
        """The article's own voice unless the sentence's speech verb governs the trend ('Xiaomi enters
        a price war that has squeezed margins, and analysts warned...': the analysts say something else)."""
        att = doc._.attributions.get(sent_of(tok).start)
        if att is None or att.cue is None or doc[att.cue].lemma_ == "accord" or tok in doc[att.cue].subtree:
            return {}
        return {"certainty": "asserted", "source": Source("document", None)}

    @staticmethod
    def owned(doc, noun):
        """'Tesla's margins', 'its prices': one company's figures."""
        return any(c.dep_ == "poss" for c in noun.children) or any(
            entity_of(t) and doc._.entities[entity_of(t)].type == "ORG" for t in noun.subtree
        )

    @staticmethod
    def industry_wide(noun):
        return any(c.dep_ == "prep" and c.lower_ in ("across", "throughout") and any(p.lower_ in WIDE
                   for p in c.children) for c in noun.children)  # fmt: skip

    @staticmethod
    def forced(doc, sent, verb):
        """The verb's subject is a market force, or the noun phrase right before the verb names one
        (the parser often loses the subject of 'as a glut of memory chips kept prices depressed')."""
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ in ("that", "which") and verb.dep_ == "relcl":
            subj = [verb.head]
        cands = subj + [t for t in tokens(sent)[max(0, verb.i - sent.start - 5) : verb.i - sent.start]
                        if t.pos_ == "NOUN"]  # fmt: skip

        def force(t):
            if t.lemma_.lower() in ("war", "wars", "rivalry"):
                return any(c.lower_ in ("price", "pricing") for c in t.children)
            return t.lower_ in FORCES

        return any(force(t) for t in cands)

    def trend(self, doc, sent, company=False):
        """`company`: the sentence also reports a company's figures ('competition has intensified, and
        Acme's sales there fell 18%'); then only a market, a sector or its players make a trend, never
        figures ('sales', 'shipments') that may be the company's own."""
        for tok in tokens(sent):
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            verb = tok
            held = lemma in ("remain", "stay") and any(
                c.dep_ == "acomp" and c.lower_ in STATES for c in tok.children
            )
            if lemma in START_VERBS and not held:
                inner = [c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in TREND_VERBS]
                if not inner:
                    continue
            elif lemma in PRICE_MOVES and self.price_move(doc, tok):
                yield self.fact(doc, tok, {"market": self.phrase(self.price_move(doc, tok)),
                                           "statement": span_text(sent).strip()})  # fmt: skip
                return
            elif lemma == "cut" and any(c.lower_ == "back" for c in tok.children):
                pass  # "cash-strapped diners are cutting back on pricey treats"
            elif (
                lemma not in TREND_VERBS
                and not (
                    # "Demand for cloud software remained robust": a market's state held
                    lemma in ("be", "remain", "stay") and self.in_slump(tok) or held
                )
                and not self.moved(tok, lemma)
            ):
                continue
            if lemma == "have" and not any(c.dep_ == "dobj" and any(a.lower_ in ("difficult", "tough", "weak", "strong",
                                           "bumper", "record") for a in c.children) for c in tok.children):  # fmt: skip
                continue
            if self.in_outlook(verb) or (self.has_forecast(doc, sent) and self.reason(verb)):
                continue
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            # "BRUSSELS, Sept 19 - Registrations ... fell": the parser may make the dateline a second subject
            cands = [self.counted(self.antecedent(c, verb)) for c in subj]
            s = next((c for c in cands if self.word(c) in MARKET_NOUNS or c.lower_ in PLAYERS), cands[0])
            # "Store closures across the retail sector have accelerated": any count told industry-wide
            if self.word(s) not in MARKET_NOUNS and s.lower_ not in PLAYERS and not self.industry_wide(s):
                continue
            if company and s.lower_ in FIGURES:
                continue
            if self.owned_by_company(doc, s):
                continue  # "Apple's sales fell": a company's result, not a market's
            if any(
                c.lower_ in ("its", "their", "his", "her", "our") or self.one_owner(c) for c in s.children
            ):
                continue  # "its sales", "the company's sales in Japan"
            mods = [
                c
                for c in s.children
                if c.dep_ in ("compound", "amod", "nmod", "prep", "npadvmod")
                # "automakers and cell suppliers": players named as a list of classes
                or (c.dep_ == "conj" and c.lower_ in PLAYERS and s.lower_ in PLAYERS)
                or (c.dep_ == "poss" and c.pos_ == "NOUN" and c.tag_ == "NNS")
                or (
                    c.dep_ == "poss"
                    and entity_of(c)
                    and doc._.entities[entity_of(c)].type in ("GOV", "PLACE")
                )
            ]  # "chipmakers' shares", "China's exports"
            if s.lower_ in NEEDS_MODIFIER and not mods:
                continue
            market = self.phrase(s)
            yield self.fact(
                doc, tok, {"market": market, "statement": span_text(sent).strip()}, **self.voice(doc, tok)
            )
            return
        low = span_text(sent).lower()
        if (
            not company
            and any(p in low for p in PHRASES)
            and not any(
                entity_of(t) and doc._.entities[entity_of(t)].type == "ORG"
                for t in sent
                # "found it hard to grow volumes": the 'it' of a small clause stands for no company
                if t.dep_ in ("nsubj",) and not (t.pos_ == "PRON" and t.head.pos_ == "ADJ")
            )
        ):
            yield self.fact(doc, sent.root, {"market": None, "statement": span_text(sent).strip()})

    @staticmethod
    def moved(verb, lemma):
        """A verb that tells a trend by what it moves: jobs cut, money poured in, shares at a discount."""
        if lemma in JOB_CUTS:
            return any(c.dep_ == "nsubjpass" and c.lower_ in JOBS for c in verb.children)
        if lemma in FLOW_VERBS:
            return any(c.dep_ == "dobj" and c.lower_ in FLOWS for c in verb.children)
        if any(c.dep_ == "dobj" and c.lemma_ in WAVES for c in verb.children):
            return True
        if lemma == "return":  # "shipments returned to growth after two years of declines"
            return any(c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ in RETURNS for p in c.children)
                       for c in verb.children)  # fmt: skip
        if lemma == "trade":
            return any(c.dep_ == "prep" and c.lower_ == "at" and any(p.lower_ in VALUATIONS for p in c.children)
                       for c in verb.children)  # fmt: skip
        return False

    @staticmethod
    def price_move(doc, verb):
        """The players ('automakers', 'Chinese EV makers') when `verb` moves their prices, else None."""
        if not any(c.dep_ == "dobj" and c.lemma_ in PRICED for c in verb.children):
            return None
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj and verb.dep_ == "xcomp":
            subj = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "companies agreed to raise wages"
        if not subj or subj[0].lower_ not in PLAYERS or subj[0].lower_ in ("vehicles", "cars", "investors"):
            return None
        if any(entity_of(t) and doc._.entities[entity_of(t)].type == "ORG" for t in subj[0].subtree):
            return None  # "rivals such as BYD": named companies, read one by one elsewhere
        if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children):
            return None
        return subj[0]

    @staticmethod
    def owned_by_company(doc, subj):
        """A company or its product in the subject makes the figure the company's; an index is named
        like a company ('the benchmark Nikkei 225 index') and a coin may be tagged as one."""
        if subj.lower_ in MACRO:
            return False
        return any(entity_of(t) and (doc._.entities[entity_of(t)].type == "PRODUCT" or (
            doc._.entities[entity_of(t)].type == "ORG" and t.lower_ not in COMMODITIES)) for t in subj.subtree)  # fmt: skip

    @staticmethod
    def one_owner(mod):
        """'the company's', 'the automaker's': one owner, unlike 'the industry's' or 'chipmakers''."""
        return (
            mod.dep_ == "poss"
            and mod.tag_ == "NN"
            and mod.lower_ not in WIDE | {"country", "world", "economy"}
        )

    @staticmethod
    def in_slump(verb):
        """'The PC market has been in a slump', 'the sector remains in a downturn', 'are short of jets'."""
        if any(c.dep_ == "acomp" and c.lower_ in SHORT for c in verb.children):
            return True
        return any(c.dep_ == "prep" and c.lower_ in ("in", "into") and any(p.lower_ in SLUMPS for p in c.children)
                   for c in verb.children)  # fmt: skip

    @staticmethod
    def in_outlook(verb):
        """'will shrink ... as demand recovers', 'see prices slipping': a forecast's content, not a trend."""
        tok = verb
        for _ in range(4):
            if (
                any(c.dep_ == "aux" and c.lower_ in FUTURE for c in tok.children)
                or tok.lemma_ in OUTLOOK_VERBS
            ):
                return True
            if tok.head.i == tok.i or tok.dep_ not in ("advcl", "conj", "ccomp", "xcomp"):
                return False
            tok = tok.head
        return False

    @staticmethod
    def phrase(noun):
        """The market's noun phrase without its relative clauses and asides."""
        aside = {t.i for c in noun.subtree if c.dep_ in ("relcl", "appos", "acl") for t in c.subtree}
        words = [t for t in noun.subtree if t.i not in aside]
        while words and words[-1].is_punct:
            words.pop()
        return " ".join(t.text for t in words)

    @staticmethod
    def word(tok):
        """'Deal-making' is one word that the tokenizer splits at the hyphen."""
        # ("BRUSSELS, Sept 19 - Registrations": a dateline's dash with spaces joins nothing)
        parts = [
            c
            for c in tok.children
            if c.dep_ == "compound"
            and c.i == tok.i - 2
            and tok.nbor(-1).text == "-"
            and not c.whitespace_
            and not tok.nbor(-1).whitespace_
        ]
        return f"{parts[0].lower_}-{tok.lower_}" if parts else tok.lower_

    @staticmethod
    def counted(noun):
        """'The number of IPOs in Hong Kong has slumped': the things counted are the market."""
        if noun.lower_ not in {"number", "value", "volume", "pace", "count"} | PARTS:
            return noun
        of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        return next(
            (p for p in of if p.dep_ == "pobj" and (p.tag_ in ("NNS", "NNPS") or p.lower_ in MARKET_NOUNS)),
            noun,
        )

    @staticmethod
    def antecedent(subj, verb):
        """'Yields on 10-year Treasuries, which touched 5%': the relative pronoun's noun, climbing out
        of the prepositional phrase the parser may have hung the clause on."""
        if subj.lower_ not in ("which", "that") or verb.dep_ != "relcl":
            return subj
        head = verb.head
        if (
            head.lower_ not in MARKET_NOUNS | PLAYERS
            and head.dep_ == "pobj"
            and head.head.head.pos_ == "NOUN"
        ):
            return head.head.head
        return head

    @staticmethod
    def reason(verb):
        """'..., WSTS said, as demand for memory recovers': the reason given for an outlook."""
        return verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("as", "because") for c in verb.children
        )

    @staticmethod
    def has_forecast(doc, sent):
        return any(
            f.type == "forecast" and sent.start_char <= f.evidence[0][0] < sent.end_char for f in doc._.facts
        )

    @staticmethod
    def has_company_fact(doc, sent):
        # An industry body reporting a market's figures ("..., the China Passenger Car Association said")
        # is no company reporting its own.
        return any(
            f.type in ("financial_result", "forecast")
            and sent.start_char <= f.evidence[0][0] < sent.end_char
            # "..., yet bankers expect consolidation to pick up": an outlook of no one's own figures
            and (f.type == "financial_result" or f.args.get("source") is not None)
            and not (
                f.type == "financial_result" and BODY.search(doc._.entities[f.args["company"]].name or "")
            )
            for f in doc._.facts
        )
