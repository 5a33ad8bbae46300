"""financial_result: 'reported net income of 3.67 billion yuan ($503 million) in the three months ended
June, above the average estimate of 3.16 billion yuan', 'Revenue slid by 4% to 67.4 billion yuan'."""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    all_sentences,
    company_of,
    expand,
    is_bullet,
    is_headline,
    main_org,
    sentence_words,
    subject_tokens,
    tokens,
)
from newsgraph.model import Source
from newsgraph.nlp.attribution import source_at
from newsgraph.nlp.shared import Hint, doc_text, entity_of, sent_of, span_text
from newsgraph.nlp.times import TimeMention

# Order matters: the longer, more specific names first.
METRICS = [
    ("adjusted_net_income", r"adjusted net (?:income|profit|earnings)|adjusted (?:profit|earnings)(?! per)|"
                            r"(?:underlying|core) (?!operating)(?:[\w-]+ ){0,3}?(?:profit|earnings)(?! per)"),
    ("eps", r"earnings per share|\bEPS\b|per[- ]share (?:earnings|profit|loss)|a share\b|(?<=\d )per (?:diluted |basic )?share\b|"
            r"(?<=cents )per (?:diluted |basic )?share\b"),
    ("operating_income", r"operating (?:income|profit|loss)|\bEBIT\b|operating earnings"),
    ("adjusted_ebitda_margin", r"\badjusted EBITDA margins?\b"),
    ("adjusted_ebitda", r"\badjusted EBITDA\b"),
    ("free_cash_flow", r"\bfree cash flow\b"),
    ("operating_cash_flow", r"\boperating cash flow\b|\bcash flow from operations\b|\bcash from operations\b"),
    ("arpu", r"\baverage revenue per (?:user|unit|subscriber|member)\b|\bARPU\b"),
    ("ebitda", r"\bEBITDA\b"),
    ("gross_margin", r"gross (?:profit )?margins?"),
    ("operating_margin", r"\b(?:operating|EBIT|EBITDA) margins?\b"),
    ("dividend", r"\bdividends?\b(?! per)"),
    ("pretax_profit", r"(?:profit|income|earnings) before tax|pre-?tax (?:profit|income|earnings)"),
    # balance-sheet figures a release lists beside the period's results
    ("net_debt", r"\bnet debt\b"),
    ("cash", r"\bcash(?:,| and) cash equivalents\b|\bcash (?:pile|position|reserves|balance)\b"),
    ("backlog", r"\bbacklog\b|\bremaining performance obligations\b"),
    ("net_income", r"net (?:income|profit|earnings|loss)|(?<!gross )(?<!operating )\bprofits?\b|\bnet loss\b|"
                   r"\bearnings\b(?! per)|\b(?:quarterly |annual )?loss\b"),
    ("sales_volume__units", r"\bsales of (?:[\w-]+\s+){0,4}?(?:vehicles|cars|units|EVs|phones|smartphones|homes|trucks)\b"),
    # retailers' and restaurants' sales at outlets open a year or more: a metric of its own
    ("comparable_store_sales", r"\b(?:comparable|same|like-for-like|comp)(?:[- ]stores?)? sales\b"),
    ("revenue", r"\brevenues?\b|\bsales\b(?! volume)|\bturnover\b|\btop line\b"),
    ("deliveries", r"\bdeliveries\b|\bdelivered\b"),
    ("sales_volume", r"\bshipments\b|\bshipped\b|\bunits sold\b|\bsales volume\b|\bsold\b"),
    ("market_share", r"\bmarket share\b"),
    ("production", r"\bproduction\b|\bproduced\b|\boutput\b|"
                   r"\b(?:power|electricity|renewable|solar|wind|hydro|nuclear) generation\b"),
    ("orders", r"\b(?:new )?orders\b|\bbookings\b|\border intake\b"),
    ("customer_count", r"\bcustomer count\b|\bnumber of customers\b"),
    ("subscribers", r"\b(?:paid |net |new )?(?:subscribers|subscriber additions|paying users)\b"),
    # IT services and contractors report the value of deals won in the period: plural or named as a total.
    ("deal_value", r"\b(?:large |new |mega )?deals (?:wins? )?(?:worth|valued at)|\bdeal wins\b|"
                   r"\btotal contract value\b"),
]  # fmt: skip


def metric_name(match: re.Match) -> str:
    """The metric a METRIC_RX match names ('sales_volume__units' is a second pattern for sales_volume).
    A loss is named as one ('net_loss', 'operating_loss'): its amount stays positive."""
    name = match.lastgroup.split("__")[0]
    if name in ("net_income", "operating_income") and re.search(r"\bloss", match.group(0), re.I):
        return name.replace("income", "loss")
    if name == "deal_value" and match.group(0).lower().startswith(("large", "mega")):
        return "large_deal_value"
    return name


METRIC_RX = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in METRICS), re.I)
# Every METRIC_RX match holds one of these words: a sentence with none skips the costly scan.
METRIC_HINT = Hint("income", "profit", "earning", "eps", "per share", "per-share", "a share", "market share", "ebit",
                   "cash flow", "revenue", "arpu", "margin", "dividend", "loss", "sales", "turnover", "top line",
                   "deliver", "shipment", "shipped", "sold", "produc", "output", "orders", "order intake", "booking",
                   "subscriber", "paying users", "customer count", "number of customers", "deals", "deal wins", "contract value", "debt", "cash", "backlog",
                   "performance obligations", "generation")  # fmt: skip
UP = re.compile(r"\b(?:rose|rise|rising|risen|jump\w*|climb\w*|gain\w*|grew|grow\w*|increas\w*|surg\w*|soar\w*|"
                r"up|higher|advanc\w*|improv\w*|leapt|jumped|doubled|boost\w*)\b", re.I)  # fmt: skip
DOWN = re.compile(r"\b(?:fell|fall\w*|slid|slide|slipp\w*|slip|drop\w*|declin\w*|down|decreas\w*|slump\w*|"
                  r"plung\w*|sank|sink\w*|shrank|shrink\w*|lower|tumbl\w*|dipp\w*|dip|contract\w*|"
                  r"eas\w*|weaken\w*)\b", re.I)  # fmt: skip
BEAT = re.compile(r"better[- ]than[- ]expected|beat(?:ing|s)?\b|topp\w*|top\b|exceed\w*|surpass\w*|above\b|"
                  r"ahead of|outpac\w*|(?:higher|better|stronger) than", re.I)  # fmt: skip
MISS = re.compile(r"worse[- ]than[- ]expected|miss\w*|fell short|short of|below\b|lower than|"
                  r"(?:weaker|worse)[- ]than|"
                  r"lagg\w*|trail\w*|disappoint\w*", re.I)  # fmt: skip
INLINE = re.compile(r"in line with|matched|in-line", re.I)
ESTIMATE = re.compile(r"estimat\w*|expect\w*|consensus|forecast\w*|projected|analysts|anticipated|"
                      r"predicted|polled|guidance|pencil+ed in|Wall Street", re.I)  # fmt: skip
# "the $3.5 billion analysts had expected": the figure before the estimating clause is the estimate.
ESTIMATE_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?(?:analysts|Wall Street|economists|the market|investors)\s+"
                            r"(?:polled\s+\w+\s+\w+\s+)?(?:had\s+|have\s+)?(?:on average\s+)?"
                            r"(?:expected|estimated|forecast|predicted|projected|anticipated|pencil+ed)|"
                            r"\s+(?:that\s+)?(?:was\s+|were\s+|had\s+been\s+)?(?:expected|estimated|forecast)\s+by\s+"
                            r"(?:analysts|Wall Street|economists)|"
                            r"\s+(?:analyst\s+|average\s+|market\s+)?(?:consensus|estimates?|forecasts?)\b", re.I)  # fmt: skip
# "operating profit is estimated at 10.4 trillion won, the company said in a preliminary statement"
PRELIMINARY = re.compile(r"\b(?:preliminary|provisional|flash)\b", re.I)
# "vehicle sales rose 15%": sales of things counted, not money
UNIT_NOUNS_SOLD = {"vehicle", "car", "phone", "smartphone", "handset", "home", "unit", "truck", "ev", "suv"}
# "its preferred measure of net income": a gloss on the metric just named, not a second figure.
GLOSS = re.compile(r"(?:measure|gauge|proxy|indicator)\s+(?:of|for)\s+(?:its\s+|the\s+)?$", re.I)
# "raised its dividend by 10%": the verb before the metric gives the direction of the change.
VERB_UP = re.compile(
    r"\b(?:rais|increas|boost|hik|lift|grew|grow)\w*\s+(?:its\s+|the\s+|their\s+)?(?:[\w-]+\s+)?$", re.I
)
VERB_DOWN = re.compile(
    r"\b(?:cut|lower|reduc|slash|trimm?)\w*\s+(?:its\s+|the\s+|their\s+)?(?:[\w-]+\s+)?$", re.I
)
# "The result was better than the 273 billion won analysts had expected": a verdict on the figure before.
VERDICT = re.compile(r"^\W*(?:The|That|This|Its)\s+(?:result|results|figure|figures|number|numbers|profit|"
                     r"earnings|performance)\s+(?:was|were|is|are|came)\b", re.I)  # fmt: skip
COUNT = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<sc>million|billion|thousand))?\s+"
                   r"(?:[\w-]+\s+){0,3}?(?P<unit>vehicles|cars|units|smartphones|phones|iPhones|handsets|devices|homes|"
                   r"subscribers|users|customers|passengers|tonnes|tons|barrels|trucks|EVs|aircraft|jets|planes|airplanes|"
                   r"aeroplanes|ships|vessels)\b")  # fmt: skip
YEAR_AGO = re.compile(
    r"\b(?:from|compared (?:with|to)|versus|vs\.?|against|up from|down from)\s+(?:a|an)?\s*$", re.I
)
NOMINAL_CHANGE = re.compile(r"\s*(rise|increase|jump|growth|gain|fall|decline|drop|decrease|slump|dip)\s+in\s+"
                            r"(?:its\s+|the\s+)?(?:[\w-]+\s+)?$", re.I)  # fmt: skip
GENERIC_MODS = {"total", "gaap", "ifrs", "quarterly", "annual", "net", "group", "consolidated", "overall", "adjusted", "gross",
                "operating", "organic", "reported", "underlying", "full", "year", "first", "second", "third",
                "fourth", "half", "global", "comparable", "same", "store", "like", "core", "statutory", "its",
                "the", "sales", "revenue", "fiscal", "interim", "record", "preliminary", "company", "quarter",
                "month", "months", "period", "holiday", "earnings", "profit", "income", "loss",
                "estimated", "provisional", "unaudited", "year-on-year", "yearly", "weekly", "monthly", "daily",
                "last", "latest", "this", "previous", "nine", "six", "three", "twelve", "first-half",
                "strong", "weak", "solid", "higher", "lower", "better", "worse"}  # fmt: skip
SEGMENT_WORDS = {"cloud", "advertising", "services", "hardware", "software", "memory", "foundry", "automotive",
                 "gaming", "wearables", "subscription", "licensing", "retail", "wholesale", "commercial",
                 "consumer", "enterprise", "mobile", "semiconductor", "chip", "pharmaceutical", "device", "online",
                 "digital", "e-commerce", "streaming"}  # fmt: skip
# Trade bodies publish an industry's figures ("home sales fell 2%, the National Association of Realtors
# said"); they have no sales of their own to report.
TRADE_BODY = re.compile(r"\b(?:Association|Federation|Council|Institute|Bureau|Society|Alliance|Chamber|"
                        r"Confederation|Organi[sz]ation)\b")  # fmt: skip
FUTURE_RESULT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?:expected|forecast|"
                           r"projected|seen|likely|set|poised|estimated)\s+to\b", re.I)  # fmt: skip
FISCAL_QUARTER = re.compile(r"\bfiscal (?:first|second|third|fourth)[- ]quarter\b|\bfiscal Q[1-4]\b", re.I)
VERDICT_VERBS = {"beat", "top", "miss", "exceed", "surpass", "trail", "lag", "match"}
SHARE_VERBS = {"hold", "have", "control", "command", "capture", "handle"}
FRACTIONS = {"half": 50.0, "a third": 33.3, "one-third": 33.3, "two-thirds": 66.7, "two thirds": 66.7,
             "a quarter": 25.0, "one-quarter": 25.0, "three-quarters": 75.0, "a fifth": 20.0}  # fmt: skip
OUTLOOK_LEMMAS = {"expect", "forecast", "project", "predict", "anticipate", "guide", "target", "see"}
DISCLOSE = {"estimate", "report", "announce", "disclose", "post", "forecast", "project"}
REPORT_VERBS = {"report", "post", "book", "record", "say", "announce", "deliver", "sell", "ship", "generate",
                "earn", "make", "log", "swing", "turn", "see", "lose", "produce"}  # fmt: skip
MARKET_WIDE = re.compile(r"\s+(?:of|at|across|among)\s+(?!the\s+(?:first|second|third|fourth|\w+ quarter))"
                         r"(?:the\s+)?(?:\d+\s+)?[a-z]")  # fmt: skip
# "may" only in lower case: "May" is the month ("deliveries jumped 25% in May").
# "posted second-quarter results ahead of analysts' expectations": a verdict on the period as a whole,
# with no figure named; read only where the sentence compares with an estimate.
RESULTS = re.compile(r"\b(?:quarterly|annual|(?:first|second|third|fourth|full)[- ](?:quarter|half|year)|"
                     r"[\w-]+-quarter)?\s*results\b", re.I)  # fmt: skip
HEDGED = re.compile(r"\b(?i:could|can|might|will|would|expects?|forecasts?|projects?|sees|predicts?|likely|"
                    r"outlook|guidance|guided|guides|projected|targets|targeting|aims)\b|\bmay\b")  # fmt: skip


# "margin widened to 57.8%, above the top end of its guidance", "beating market forecasts"
OUTLOOK_COMPARED = re.compile(r"\b(?:above|below|ahead of|short of|in line with|beat\w*|top\w*|exceed\w*|miss\w*|"
                              r"than)\s+(?:[\w'’-]+\s+){0,6}?(?:guidance|outlook|forecasts?|expectations?)\b", re.I)  # fmt: skip
# "expects to report 2023 revenue of about $890 million": preliminary figures for a period already over
PRELIM_EXPECTED = re.compile(r"\bexpects?\s+to\s+(?:report|post|record|book)\s+(?:[\w-]+\s+){0,4}$", re.I)
# "smaller than the 4.36 trillion won loss a year earlier": a figure named before its metric, compared with
PRIOR_FIGURE = re.compile(r"\b(?:than|from|with|versus|vs\.?|against)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
YEAR_EARLIER = re.compile(r"\s+(?:a|one)\s+year\s+(?:earlier|ago|before)|\s+(?:in|for)\s+the\s+(?:same|prior|"
                          r"previous|year-earlier|year-ago)\b", re.I)  # fmt: skip
# "compared with $52.3 million for the third quarter of 2023": the period of the figure compared against
# (a thousands separator is no clause break; "(H1 2023: €1,117 million)" glosses the prior period)
COMPARED_PERIOD = re.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?|against)\s(?:[^,;]|(?<=\d),(?=\d))*$|\(\s*$", re.I
)


# ratios given as a percentage of revenue
MARGINS = ("gross_margin", "operating_margin", "adjusted_ebitda_margin", "market_share")
SEGMENTABLE = (
    "revenue",
    "comparable_store_sales",
    "operating_income",
    "net_income",
    "operating_loss",
    "net_loss",
    "orders",
)
UNIT_NOUNS = {"unit", "division", "segment", "business", "arm", "subsidiary", "operations"}
REGION_TYPES = ("PLACE", "GOV")
SPELLING = {"centre": "center", "centres": "centers"}


def _words(toks) -> list[str]:
    """Segment-naming words of a modifier phrase: no articles, numbers or words every total carries."""
    out = []
    for t in sorted(toks, key=lambda t: t.i):
        w = t.lower_
        if (
            t.is_alpha
            and not t.like_num
            and t.dep_ not in ("det", "poss", "cc", "case")
            and w not in GENERIC_MODS
        ):
            out.append(SPELLING.get(w, w))
    return out


def _modifier_words(noun) -> list[str]:
    """'data center' in 'data center unit', 'fashion and leather goods' in '... goods division'."""
    toks = []
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
            toks += list(c.subtree)
    return _words(toks)


def _names_segment(toks, words) -> bool:
    """A product name ('iPad', 'Mac'), a known business line, or a noun-noun compound ('data center')."""
    return any(
        any(ch.isupper() for ch in t.text)
        or t.lower_ in SEGMENT_WORDS
        or (t.dep_ == "compound" and t.pos_ == "NOUN")
        for t in toks
        if t.lower_ in words or SPELLING.get(t.lower_) in words
    )


def _with_clause_subject(tok):
    """'The iPhone remained its biggest business, with sales rising 3%': the product the clause is about."""
    prep = (
        tok.head
        if tok.dep_ == "pobj"
        else tok.head.head
        if tok.dep_ == "nsubj" and tok.head.dep_ == "pcomp"
        else None
    )
    if prep is None or prep.lower_ != "with" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    for subj in prep.head.children:
        if subj.dep_ != "nsubj" or subj.pos_ == "PRON":
            continue
        info = entity_of(subj) and tok.doc._.entities[entity_of(subj)]
        if info and info.type != "PRODUCT":
            return None  # "Acme posted a profit, with sales up 5%": the company's own total
        named = [t for t in subj.subtree if t.i <= subj.i and t.dep_ != "det"]
        if (
            info
            or any(
                t.text[:1].isupper() and t.i != sent_of(t).start or any(c.isupper() for c in t.text[1:])
                for t in named
            )
            or subj.lower_ in SEGMENT_WORDS
        ):
            return subj
    return None


def segment_words(tok, first) -> list[str]:
    """Words naming the segment, outside the metric's own words ('order' in 'order intake')."""
    own = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < first]
    toks = [t for c in own for t in c.subtree]
    words = _words(toks)
    if words in (["product"], ["products"]) and any(t.lower_ == "net" for t in toks):
        return []  # "net product revenue": a drugmaker's total sales
    if words and _names_segment(toks, words):
        return words
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "in", "from", "of"):
            continue
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            if p.lemma_ in UNIT_NOUNS:
                return _modifier_words(p)
            info = entity_of(p) and tok.doc._.entities[entity_of(p)]
            if prep.lower_ == "in" and (info and info.type in REGION_TYPES or p.ent_type_ in ("GPE", "LOC")):
                return _words([t for t in p.subtree if t.i <= p.i])
            if prep.lower_ == "from" and (
                any(c.dep_ == "conj" for c in p.children) or p.lower_ in SEGMENT_WORDS
            ):
                return _words([p] + [c for c in p.children if c.dep_ in ("conj", "compound", "amod")])
    subject = _with_clause_subject(tok)
    if subject is not None:
        return _words([t for t in subject.subtree if t.i <= subject.i])
    # "The semiconductor division posted an operating loss": the figure of the unit that posted it.
    if tok.dep_ == "dobj":
        for subj in tok.head.children:
            if subj.dep_ == "nsubj" and subj.lemma_ in UNIT_NOUNS:
                return _modifier_words(subj)
    return []


# What a line says that a list of guidance bullets hangs from ("For 2025, the Company expects:")
OUTLOOK_LEAD = {"forecast", "expect", "project", "predict", "anticipate", "foresee", "envisage", "see", "estimate",
                "reckon", "target", "guide", "guidance", "outlook", "forecasts", "targets", "projection",
                "projections"}  # fmt: skip


def outlook_lead(doc: Doc, sent: Span) -> Span | None:
    """The line a bullet list hangs from, where it ends in a colon and speaks of expectations: its
    bullets are guidance, not the period's results."""
    sents = all_sentences(doc)
    i = next((j for j, s in enumerate(sents) if s.start == sent.start), None)
    while i:
        i -= 1
        prev = sents[i]
        if is_bullet(prev):
            continue
        words = {t.lemma_.lower() for t in tokens(prev)}
        if span_text(prev).strip().endswith(":") and words & OUTLOOK_LEAD:
            return prev
        return None
    return None


def compare(value, estimate, metric):
    """'$2.10 per share, compared with the $1.95 expected': the figures say whether it beat."""
    if not (hasattr(value, "amount") and hasattr(estimate, "amount")) or value.currency != estimate.currency:
        return None
    if abs(value.amount - estimate.amount) <= 0.005 * abs(estimate.amount):
        return "inline"
    above = value.amount > estimate.amount
    return "miss" if above == metric.endswith("loss") else "beat"


class FinancialResultExtractor(FactExtractor):
    fact_type = "financial_result"

    def __init__(self, nlp=None, name: str = ""):
        super().__init__(nlp, name)

    def __call__(self, doc):
        self.last_period = None
        self.last_fact = None  # (fact, end token of its sentence)
        return super().__call__(doc)

    def verdict(self, doc, sent) -> bool:
        """'The result was better than the 273 billion won analysts had expected': the sentence right after
        a figure compares it with the estimate."""
        if self.last_fact is None or self.last_fact[1] != sent.start or not VERDICT.match(span_text(sent)):
            return False
        text = span_text(sent)
        if not (ESTIMATE.search(text) or re.search(r"expected", text, re.I)):
            return False
        fact = self.last_fact[0]
        vs = (
            "inline"
            if INLINE.search(text)
            else "miss"
            if MISS.search(text)
            else "beat"
            if BEAT.search(text)
            else None
        )
        if vs and not fact.args.get("vs_estimate"):
            fact.args["vs_estimate"] = vs
            money = [m for m in doc._.money if sent.start_char <= m.start < sent.end_char]
            if money and not fact.args.get("estimate"):
                fact.args["estimate"] = money[0]
        return True

    @staticmethod
    def disclosure(doc, tok, company):
        """'Samsung estimated on Friday that its operating profit plunged 96%': the company's own figures,
        given in its voice, where no reporting verb the attribution reader knows introduces them."""
        if company is None or source_at(doc, tok) is not None:
            return None
        cur = tok
        for _ in range(6):
            if cur.dep_ == "ccomp" and cur.head.lemma_ in DISCLOSE:
                if company in [company_of(doc, k) for k in agents(cur.head)]:
                    return Source("organization", doc._.entities[company].name)
                return None
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def match(self, doc, sent):
        period = self.period(doc, sent) or self.fiscal_defined(doc, sent)
        # Later figures of an earnings story belong to the quarter named last; a full year
        # named in passing ("full-year forecast") does not carry over.
        if period and re.search(r"quarter|months|half|Q[1-4]", period.text, re.I):
            self.last_period = period
        if is_headline(sent) and not is_bullet(sent):
            return  # a headline's figure is the body's, said again
        if is_bullet(sent) and outlook_lead(doc, sent) is not None:
            return  # "For 2025, the Company expects:" and its bullets: guidance, read as forecasts
        if self.verdict(doc, sent):
            return
        shares = list(self.held_shares(doc, sent))
        if shares:
            yield from shares
            return
        text = span_text(sent)
        base = sent.start_char
        # A result needs a metric and a figure; the metric's words are the cheaper to look for.
        verdicts = self.verdict_hits(text)
        if METRIC_HINT.absent(text) and not verdicts:
            return
        money = [m for m in doc._.money if base <= m.start < sent.end_char]
        pcts = [p for p in doc._.percents if base <= p.start < sent.end_char]
        counts = [m for m in COUNT.finditer(text)]
        # "quarterly revenue missed Wall Street estimates": a verdict may stand without a figure
        judged = bool(verdicts) or bool((BEAT.search(text) or MISS.search(text)) and ESTIMATE.search(text))
        if not money and not pcts and not counts and not judged:
            return
        hits = [
            (metric_name(m), m.start(), m.end())
            for m in METRIC_RX.finditer(text)
            if not GLOSS.search(text[max(0, m.start() - 30) : m.start()])
        ]
        hits = sorted(hits + verdicts, key=lambda h: h[1])
        # "Production came to 430,488 units" and "delivered 435,059 vehicles" in one sentence
        # are two metrics; "sales" right after "vehicle" is the same one.
        if not hits:
            return
        # "above the top end of its own guidance": a verdict on the figure, not a hedge on it
        hedged = HEDGED.search(OUTLOOK_COMPARED.sub("", text))
        company, fallback = self.company(doc, sent)
        if company is None:
            return
        for i, (metric, s, e) in enumerate(hits):
            if YEAR_AGO.search(text[max(0, s - 25) : s]):
                continue  # "swinging from a loss of 20.56 billion yuan": last year's figure
            if self.restated(text, hits, i):
                continue
            if (
                re.fullmatch(r"(?:a|per) share", text[s:e], re.I)
                and not re.search(r"\b(?:earn\w*|profit|income|loss|EPS)\b", text[max(0, s - 40) : s], re.I)
                # "a net loss of $41.7 million, or 58 cents a share": the per-share gloss of a result
                and not (
                    i and hits[i - 1][0] != "eps" and re.search(r",\s+or\s+\S+(?:\s+cents)?\s+$", text[:s])
                )
            ):
                continue  # "an offer of $55 per share": a price, not earnings
            if metric.endswith("deal_value") and not re.search(
                r"\b(?:quarter|half|fiscal|months)\b", text, re.I
            ):
                continue  # "signed deals worth $2 billion during the visit": agreements, not a period's tally
            trigger = doc.char_span(base + s, base + e, alignment_mode="expand")
            tok = trigger.root if trigger is not None else sent.root
            own = self.segment_company(doc, tok)
            held = self.lifted(tok)
            if own is None and held and all(entity_of(t) is None for t in held):
                continue  # "the boom lifted SK hynix to a record profit": a company we could not name, no other's
            if (
                fallback
                and own is None
                and (MARKET_WIDE.match(text[e:]) or re.match(r"sales\s+of\s", text[s:e], re.I))
                and not (re.match(r"[^.;]{0,40}\b(?:unit|division|segment|business|arm)\b", text[e:]))
                # "- Total deliveries of 206 aircraft": a release's highlight counts the issuer's own units
                and not (
                    is_bullet(sent) and COUNT.match(text, e + len(re.match(r"\s+of\s+|", text[e:]).group(0)))
                )
            ):
                continue  # "Sales of previously owned homes fell 2%": a market, not a company
            seg_end = hits[i + 1][1] if i + 1 < len(hits) else len(text)
            seg_money = [m for m in money if s <= m.start - base < seg_end]
            if metric == "eps":
                # "earned $2.10 per share": the figure stands right before
                seg_money = [m for m in money if 0 <= s - (m.end - base) <= 2] + seg_money
            elif not seg_money:
                # "booked a record $55.7 billion profit", "the $383 billion in revenue it booked"
                seg_money = [
                    m
                    for m in money
                    if m.end - base <= s
                    and re.fullmatch(r"\s*(?:in\s+)?", text[m.end - base : s])
                    # "wider than the 1.68 billion rupee loss a year earlier": the figure compared with
                    and not PRIOR_FIGURE.search(text[max(0, m.start - base - 30) : m.start - base])
                    and not YEAR_EARLIER.match(text[e:])
                ]
            seg_pct = [p for p in pcts if s <= p.start - base < seg_end and p.op != "<" and p.op != ">"]
            # "a 14% rise in online orders": the change stands before the metric
            lead = [p for p in pcts if 0 <= s - (p.end - base) <= 40
                    and NOMINAL_CHANGE.match(text[p.end - base : s])]  # fmt: skip
            posted = self.posted(tok) if metric == "results" else self.beat_verb(tok)
            if metric == "results" and not posted:
                continue
            if hedged and not seg_money and not posted:
                continue
            if metric == "net_debt" and re.search(
                r"\b(?:includ\w*|assum\w*|plus|excluding)\s+(?:\S+\s+){0,3}$", text[:s]
            ):
                continue  # "for $5 billion, including net debt": a deal's price, not a balance
            value, estimate = None, None
            for m in seg_money:
                # "profit beat expectations, rising 20% to $3 billion": an estimate word in an earlier clause
                before = re.split(r"[,;]", text[max(s, m.start - base - 60) : m.start - base])[-1]
                if YEAR_AGO.search(text[max(0, m.start - base - 25) : m.start - base]):
                    continue  # "rose to $5 billion from $4.2 billion"
                if re.search(r"\bprice\s+target|\btarget\s+price", text[e : m.start - base], re.I):
                    continue  # "the bookings miss ... cut their price target to 760 euros": a target, not a result
                if metric != "eps" and re.match(r"\s+(?:per|a)\s+share\b", text[m.end - base :]):
                    continue  # "adjusted earnings of $1.05 per share": the eps hit reads it
                own_estimate = PRELIMINARY.search(text) and re.search(r"\bestimated\s+at\s+$", before)
                if (ESTIMATE.search(before) and not own_estimate) or ESTIMATE_AFTER.match(
                    text[m.end - base :]
                ):
                    estimate = estimate or m
                else:
                    value = value or m
            change = None
            for p in lead:
                word = NOMINAL_CHANGE.match(text[p.end - base : s]).group(1).lower()
                change = (
                    -p.value if word in ("fall", "decline", "drop", "decrease", "slump", "dip") else p.value
                )
            for p in seg_pct if change is None else []:
                before = text[max(s, p.start - base - 40) : p.start - base]
                after = text[p.end - base : p.end - base + 25]
                # "14% more than in 2023", "12% fewer than a year earlier"
                if DOWN.search(before) or re.search(r"\bdown\b|\blower\b|^\s+(?:fewer|less)\s+than\b", after):
                    change = -p.value
                elif UP.search(before) or re.search(r"\bup\b|\bhigher\b|^\s+more\s+than\b", after):
                    change = p.value
                if change is None and re.fullmatch(r"\s+by\s+", text[e : p.start - base]):
                    lead_in = text[max(0, s - 40) : s]
                    change = (
                        p.value
                        if VERB_UP.search(lead_in)
                        else -p.value
                        if VERB_DOWN.search(lead_in)
                        else None
                    )
                if change is not None:
                    break
            if metric in MARGINS and seg_pct and change is None and value is None:
                value = {"percent": seg_pct[0].value}
            if value is None and metric in (
                "deliveries",
                "sales_volume",
                "production",
                "revenue",
                "subscribers",
            ):
                for c in counts:
                    if re.match(r"\s+(?:a|per)\s+(?:day|week|month|year)\b", text[c.end() :]):
                        continue  # "production beyond 38 planes a month": a rate, a cap or a plan, not the period's count
                    # "added 8.8 million subscribers": the count ends on the metric word itself
                    if s <= c.start() < seg_end + 40 or metric == "subscribers" and c.end() == e:
                        n = float(c.group("n").replace(",", "")) * {
                            "million": 1e6,
                            "billion": 1e9,
                            "thousand": 1e3,
                        }.get(c.group("sc") or "", 1)
                        value = {"amount": int(n), "unit": c.group("unit").lower()}
                        if metric == "revenue":
                            metric = "sales_volume"
                        break
            if metric == "results" and (value is not None or change is not None):
                continue  # the figures of the results are read by their own metrics
            if value is None and change is None and not posted:
                continue
            if (
                value is not None
                and hedged
                and re.search(
                    r"\b(?:guidance|outlook|forecast|target)\b[^.;]{0,80}\b(?:of|for)\s+(?:its\s+|the\s+)?(?:[\w-]+\s+)?$",
                    OUTLOOK_COMPARED.sub("", text[:s]),
                    re.I,
                )
            ):
                continue  # "reaffirmed its guidance for the fiscal year, of total revenue of $420 million"
            preliminary = value is not None and hedged and PRELIM_EXPECTED.search(text[max(0, s - 60) : s])
            if value is not None and hedged and metric not in MARGINS and not preliminary:
                # "expects revenue of $X": guidance, read by the forecast extractor.
                # "the deal would boost Acme's revenue by $2 billion": a hypothetical, no result
                # (in the metric's own clause: "Despite cutting its outlook, Acme said revenue rose")
                if re.search(r"\b(?i:expects?|expecting|forecasts?|forecasting|projects?|projecting|sees|seeing|outlook|guidance|will|would|could|might)\b|"
                             r"\bmay\b", re.split(r"[,;]", text[max(0, s - 40) : s])[-1]):  # fmt: skip
                    continue
            if hedged and re.search(r"\b(?i:expects?|expected|forecasts?|sees|estimates?)\s+(?:[\w.&'’-]+\s+){1,4}"
                                    r"to\s+(?:report|post|record|book)\b[^.;]*$", text[:s]):  # fmt: skip
                continue  # "expects Acme to report a profit of ...": another's outlook for the figure
            if hedged and not preliminary and self.expected_object(tok):
                continue  # "expects cloud revenue of EUR 17 billion, ..., and operating profit of EUR 7.6 billion"
            if hedged and re.search(r"\b(?:be|is|are|was|were)\s+(?:\w+\s+)?(?:expected|forecast|projected|likely|set)"
                                    r"\s+to\b[^.;]*$", text[:s], re.I):  # fmt: skip
                continue  # "the deal is expected to be accretive to Acme's earnings per share": an outlook
            if metric == "eps" and hasattr(value, "amount") and value.amount > 100_000:
                continue  # a per-share figure is never millions: the money is some other sum
            if FUTURE_RESULT.match(text[e:]):
                continue  # "revenue is expected to rise 10% next year": a forecast
            # the words before the metric, back to the previous metric: its estimate is not this one's
            lookback = text[max(0, s - 80, hits[i - 1][2] if i else 0) : s]
            seg = text[s:seg_end] + " " + re.split(r"[,;:]", lookback)[-1]
            vs = None
            if estimate is not None or ESTIMATE.search(seg) or re.search(r"expected", seg, re.I):
                if INLINE.search(seg):
                    vs = "inline"
                elif MISS.search(seg):
                    vs = "miss"
                elif BEAT.search(seg):
                    vs = "beat"
            vs = vs or compare(value, estimate, metric)
            if posted and value is None and change is None and vs is None:
                continue
            if metric == "revenue" and not hasattr(value, "currency") and self.counted(tok):
                metric = "sales_volume"
            metric = self.segment_metric(tok, metric, trigger.start if trigger is not None else tok.i)
            args = {"company": own or company, "metric": metric, "value": value,
                    "period": period or self.last_period, "change_pct": change,
                    "estimate": estimate, "vs_estimate": vs}  # fmt: skip
            source = self.disclosure(doc, tok, args["company"])
            certainty = "asserted" if source else None
            att = source_at(doc, tok)
            if source is None and att is not None and att.speaker and doc[att.cue].lower_ == "according":
                if doc._.entities[att.speaker].kind == "analyst":
                    # "..., above the $35.9 billion analysts expected, according to LSEG data": the data
                    # provider gives the estimate; the company's own figure stays the article's statement.
                    source, certainty = Source("document", None), "asserted"
            year = preliminary and re.search(
                r"\b((?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}$", text[max(0, s - 30) : s]
            )
            if year and doc._.published and year.group(1) < str(doc._.published)[:4]:
                y = year.group(1)  # "2023 revenue": the time reader leaves a bare year before a noun
                period = args["period"] = TimeMention(y, base + year.start(1) + max(0, s - 30),
                                                      base + year.end(1) + max(0, s - 30), f"{y}-01-01", f"{y}-12-31")  # fmt: skip
            if preliminary and period is not None:
                # "said it expects to report 2023 revenue of about $890 million": a year already over,
                # figures given ahead of the audited report
                certainty = "reported"
            elif preliminary:
                continue
            fact = self.fact(doc, tok, args, time=None, source=source, certainty=certainty)
            self.last_fact = (fact, sent.end)
            yield fact

    def held_shares(self, doc, sent):
        """'Acme held roughly two-thirds of the global foundry market in the first quarter, against less than
        8% for Widget': each company's share of a market, told as a part it holds."""
        words = sentence_words(sent)
        if words.isdisjoint({"market", "all", "share"}) or words.isdisjoint(SHARE_VERBS):
            return
        ents = doc._.entities
        pcts = [p for p in doc._.percents if sent.start_char <= p.start < sent.end_char]
        for tok in tokens(sent):
            if tok.pos_ != "VERB" or tok.lemma_ not in SHARE_VERBS or HEDGED.search(span_text(sent)):
                continue
            part = next((c for c in tok.children if c.dep_ == "dobj"), None)
            # "of the global foundry market"; "handled 90% of all search queries": a whole market's total
            if part is None or not any(
                c.dep_ == "prep"
                and c.lower_ == "of"
                and any(
                    p.lemma_ == "market"
                    or (
                        any(d.lower_ == "all" for d in p.children)
                        and not any(d.dep_ == "poss" for d in p.children)
                    )
                    for p in c.children
                )
                for c in part.children
            ):
                # "with its Zphone holding a share of about 40%"
                whole = (
                    part is not None
                    and part.lemma_ == "share"
                    and any(c.lower_ == "of" for c in part.children)
                )
                value = whole and next(
                    (p for p in pcts if part.idx <= p.start < part.right_edge.idx + 1), None
                )
                if not value:
                    continue
                value = {"percent": value.value, **({"op": value.op} if value.op else {})}
            else:
                value = self.share_value(doc, part, pcts)
            holders = [
                k
                for k in (company_of(doc, k) for k in agents(tok))
                if ents[k].type == "ORG" and ents[k].kind is None
            ]
            # "Acme's Zphone holding a share": the product's maker holds it
            holders = holders or [k for s in subject_tokens(tok) for c in s.children if c.dep_ == "poss"
                                  for k in [entity_of(c)] if k and ents[k].type == "ORG" and ents[k].kind is None]  # fmt: skip
            if value is None or not holders:
                continue
            period = self.period(doc, sent)
            yield self.fact(doc, tok, {"company": holders[0], "metric": "market_share", "value": value,
                                       "period": period})  # fmt: skip
            # "..., against less than 8% for Widget": the rival's share beside it
            rivals = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
            against = next((rivals[w] for w in ("against", "versus", "vs", "vs.") if w in rivals), None)
            if against is None:
                continue
            value = next((self.share_value(doc, p, pcts) for p in against.children if p.dep_ == "pobj"), None)
            # ("for Widget" hangs on the verb or on the rival's figure)
            fors = [c for c in [rivals.get("for"), *against.subtree] if c is not None and c.lower_ == "for"]
            rival = [k for f in fors[:1] for p in f.children if p.dep_ == "pobj" for k in expand(p)]
            rival = [company_of(doc, k) for k in rival if ents[company_of(doc, k)].type == "ORG"]
            if value is not None and rival and rival[0] != holders[0]:
                yield self.fact(doc, tok, {"company": rival[0], "metric": "market_share", "value": value,
                                           "period": period})  # fmt: skip

    @staticmethod
    def share_value(doc, part, pcts):
        """A share given as a percentage ('less than 8%') or a fraction ('roughly two-thirds')."""
        lo, hi = part.left_edge.idx, part.idx + len(part.text)
        pct = next((p for p in pcts if lo <= p.start < hi), None)
        if pct is not None:
            return {"percent": pct.value, **({"op": pct.op} if pct.op else {})}
        words = doc_text(doc)[lo:hi].lower()
        frac = next((v for w, v in FRACTIONS.items() if re.search(rf"\b{w}$", words)), None)
        return {"percent": frac} if frac is not None else None

    @staticmethod
    def expected_object(tok):
        """The metric is (one of a list of) what a forecasting verb governs."""
        cur = tok
        for _ in range(5):
            if cur.dep_ not in ("conj", "appos", "dobj", "pobj", "prep", "compound") or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.pos_ == "VERB":
                return cur.lemma_ in OUTLOOK_LEMMAS
        return False

    @staticmethod
    def verdict_hits(text):
        """'results ahead of analysts' expectations', 'quarterly results that beat estimates'."""
        out = []
        for m in RESULTS.finditer(text):
            after = re.split(r"[,;]", text[m.end() : m.end() + 70])[0]
            if (BEAT.search(after) or MISS.search(after) or INLINE.search(after)) and ESTIMATE.search(after):
                out.append(("results", m.start() + len(m.group(0)) - len("results"), m.end()))
        return out

    @staticmethod
    def beat_verb(tok):
        """'quarterly revenue missed Wall Street estimates': a metric's verdict told without its figure."""
        head = tok.head
        return (
            tok.dep_ == "nsubj"
            and head.lemma_ in VERDICT_VERBS
            and head.tag_ in ("VBD", "VBZ", "VBN")
            # (the small parser may read "missed Wall Street estimates" as a clause)
            and any(c.dep_ in ("dobj", "ccomp") and ESTIMATE.search(c.text) for c in head.children)
        )

    @staticmethod
    def posted(tok):
        """Results a company posted or that came in ('posting results ahead of', 'its results beat'),
        not results due ('is expected to report results')."""
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_ in REPORT_VERBS | {"release", "deliver"}:
            return head.tag_ in ("VBD", "VBG", "VBN")
        return tok.dep_ == "nsubj" and head.tag_ == "VBD"

    @staticmethod
    def restated(text, hits, i):
        """'its first drop in quarterly deliveries: it delivered 386,810 vehicles': one count named twice."""
        metric, s, _ = hits[i]
        if (
            metric not in ("deliveries", "sales_volume", "production")
            or i + 1 >= len(hits)
            or hits[i + 1][0] != metric
        ):
            return False
        return not re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", text[s : hits[i + 1][1]]))

    def fiscal_defined(self, doc, sent):
        """'revenue for its fiscal fourth quarter ... EPS in the three months ended Sept. 30': the next
        sentence gives the dates of a fiscal quarter named without them."""
        if not FISCAL_QUARTER.search(span_text(sent)):
            return None
        sents = all_sentences(doc)
        nxt = next((s for s in sents if s.start >= sent.end), None)
        period = self.period(doc, nxt) if nxt is not None else None
        return period if period is not None and re.search(r"\bended\b", period.text) else None

    def period(self, doc, sent):
        year = None
        for t in doc._.times:
            if t.start >= sent.end_char:
                break  # times are in text order
            if sent.start_char <= t.start < sent.end_char and t.begin and t.begin == t.finish:
                t = FinancialResultExtractor.year_ended(doc, t) or t
            if sent.start_char <= t.start < sent.end_char and t.begin and t.finish and t.begin != t.finish:
                if COMPARED_PERIOD.search(doc_text(doc)[sent.start_char : t.start]):
                    continue
                if doc._.published and t.begin > str(doc._.published)[:10]:
                    continue  # "visibility into next year": results are of a period already begun
                if re.search(r"quarter|months|half|year|Q[1-4]|period|ended", t.text, re.I):
                    return t
                if year is None and FinancialResultExtractor.past_year(doc, t):
                    year = t
        return year

    @staticmethod
    def year_ended(doc, t):
        """'the fiscal year ended December 31, 2024': the twelve months up to that day; 'the quarter, which
        ended June 30': the three months."""
        lead = re.search(
            r"\b(?:fiscal\s+|financial\s+)?year\s+end(?:ed|ing)\s+(?:on\s+)?$",
            doc_text(doc)[max(0, t.start - 30) : t.start],
        )
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", t.finish or ""):
            return None
        end = date.fromisoformat(t.finish)
        # "in its fiscal third quarter, which ended June 30": the three calendar months to that day
        quarter = re.search(
            r"\bquarter,?\s+(?:which\s+)?end(?:ed|ing)\s+(?:on\s+)?$",
            doc_text(doc)[max(0, t.start - 40) : t.start],
        )
        if lead is None and quarter is not None and (end + timedelta(days=1)).day == 1:
            y, m = (end.year, end.month - 2) if end.month > 2 else (end.year - 1, end.month + 10)
            return TimeMention(doc_text(doc)[t.start - len(quarter.group(0)) : t.end], t.start - len(quarter.group(0)),
                               t.end, date(y, m, 1).isoformat(), t.finish)  # fmt: skip
        if lead is None:
            return None
        begin = (
            end.replace(year=end.year - 1)
            if not (end.month == 2 and end.day == 29)
            else end.replace(year=end.year - 1, day=28)
        ) + timedelta(days=1)
        return TimeMention(doc_text(doc)[t.start - len(lead.group(0)) : t.end], t.start - len(lead.group(0)), t.end,
                           begin.isoformat(), t.finish)  # fmt: skip

    @staticmethod
    def past_year(doc, t):
        """'a net loss of 612 million crowns for 2023': a bare calendar year already over is the period."""
        if not re.fullmatch(r"(?:for|in)\s+(?:19|20)\d\d", t.text.strip(), re.I):
            return False
        if not (t.begin.endswith("-01-01") and t.finish.endswith("-12-31")):
            return False
        published = doc._.published
        return bool(published) and t.finish < str(published)[:10]

    @staticmethod
    def counted(tok):
        return tok.lower_ == "sales" and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in UNIT_NOUNS_SOLD for c in tok.children
        )

    @staticmethod
    def segment_metric(tok, metric, first=None):
        """'Mac revenue', 'iPad sales', 'sales at the data center unit', 'revenue from wines and spirits',
        'sales in Greater China', 'the chip division posted an operating loss': a segment's figure gets
        its own metric name."""
        if metric not in SEGMENTABLE:
            return metric
        words = segment_words(tok, tok.i if first is None else first)
        return "_".join(words) + "_" + metric if words else metric

    @staticmethod
    def lifted(tok):
        """The proper-noun object of 'pushed Acme to a net loss', 'lifted Acme to a record profit'."""
        verb = tok
        for _ in range(4):  # "... to an operating profit of X, on record revenue of Y": the verb of both
            if verb.pos_ == "VERB" or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ != "VERB" or not any(
            c.dep_ == "prep" and c.lower_ in ("to", "into") for c in verb.children
        ):
            return []
        return [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree if t.pos_ == "PROPN"]

    @staticmethod
    def segment_company(doc, tok):
        """'BYD sold 526,409 cars; Tesla delivered 484,507': each figure's own company."""
        ents = doc._.entities
        for c in tok.children:
            if c.dep_ == "poss" and entity_of(c):
                k = company_of(doc, entity_of(c))
                if ents[k].type == "ORG" and ents[k].kind is None:
                    return k
            # "Same-store sales at Widget rose 2%": the company the figures are at
            if c.dep_ == "prep" and c.lower_ in ("at", "of") and c.i == tok.i + 1:
                for p in c.children:
                    k = p.dep_ == "pobj" and entity_of(p) and company_of(doc, entity_of(p))
                    if (
                        k
                        and ents[k].type == "ORG"
                        and ents[k].kind is None
                        and not TRADE_BODY.search(ents[k].name)
                    ):
                        return k
        # "the losses pushed Acme to a net loss", "the boom lifted Acme to a record profit"
        prep = tok.head if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into") else None
        if prep is not None and prep.head.pos_ == "VERB":
            for c in prep.head.children:
                k = c.dep_ == "dobj" and entity_of(c) and company_of(doc, entity_of(c))
                if k and ents[k].type == "ORG" and ents[k].kind is None:
                    return k
        verb = tok
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if (
            verb.pos_ in ("VERB", "AUX")
            and verb.lemma_ not in ("say", "report", "tell")
            and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i == tok.i for c in verb.children)
        ):
            for k in agents(verb):
                k = company_of(doc, k)
                if ents[k].type == "ORG" and ents[k].kind is None:
                    return k
        return None

    @staticmethod
    def company(doc, sent):
        """The company whose figures these are, and whether it was only the article's main company."""
        ents = doc._.entities

        def ok(k):
            return ents[k].type == "ORG" and ents[k].kind is None and not TRADE_BODY.search(ents[k].name)

        root = sent.root
        for k in agents(root) if root.lemma_ in REPORT_VERBS else []:
            k = company_of(doc, k)
            if ok(k):
                return k, False
        for tok in tokens(sent):
            if (
                tok.dep_ in ("nsubj", "nsubjpass")
                and tok.head.pos_ in ("VERB", "AUX")
                and tok.head.lemma_ in (REPORT_VERBS)
            ):
                for k in agents(tok.head):
                    k = company_of(doc, k)
                    if ok(k):
                        return k, False
        # an article about a trade body's market figures has no company to fall back on
        main = main_org(doc)
        return (main if main is not None and ok(main) else None), True
