"""The last step: merge repeated facts, and turn a processed Doc into ArticleFacts."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.base import CLAUSES, WORDS
from newsgraph.model import ArticleFacts, Document, Entity, Fact
from newsgraph.nlp.lines import BULLETS
from newsgraph.nlp.shared import CACHE_KEYS


def _approx(money) -> float | None:
    """An amount to four significant figures: "$2.1 billion" and "$2,100 million" are one sum,
    "$0.06 a share" and "$0.10 a share" two."""
    return float(f"{money.amount:.4g}") if hasattr(money, "amount") else None


def fact_key(f: Fact) -> tuple:
    args = {k: v for k, v in f.args.items() if isinstance(v, str) and v.startswith("e") and v[1:].isdigit()}
    if f.type in ("talks", "agreement"):
        pair = frozenset((args.get("party"), args.get("counterparty")))
        ident: tuple = (pair,)
    else:
        ident = tuple(sorted(args.items()))
    if f.type == "financial_result":
        period = f.args.get("period")
        value = f.args.get("value")
        amount = _approx(value)
        ident += (f.args.get("metric"), period.begin if period else None, amount, f.args.get("change_pct"))
    if f.type in ("legal", "investment", "acquisition", "agreement"):
        money = f.args.get("amount") or f.args.get("value")
        ident += (_approx(money), f.status)
    if f.type in ("market_trend",):
        ident += (f.evidence[0],)
    if f.type == "personnel":
        ident += (f.status,)
    if f.type == "approval":
        # A regulator that blocked a deal and later cleared it made two decisions.
        # One still under review for another use ("the FDA is still reviewing the therapy for X") is a third.
        ident += ("denied" if f.status in ("denied", "revoked") else f.status == "pending",)
    if f.type == "policy":
        # One government passing a tax credit and planning an industrial cluster: two policies.
        ident += (f.args.get("direction"),)
    if f.type == "forecast":
        # "expects revenue of $9.2 billion and earnings of $4.49 a share": one outlook per figure
        value = f.args.get("value")
        ident += (f.args.get("metric"), _approx(value))
        if value is None and str(f.args.get("statement", ""))[:1] in BULLETS:
            # "- Deliveries of 77 to 85 aircraft", "- Margin of 7% to 8%": two lines of a list, two outlooks
            ident += (f.evidence[0],)
    if f.type == "launch":
        # Several products of one company are several launches.
        product = f.args.get("product")
        ident += (str(product).lower()[:40] if product else None, f.status)
    when = f.time.start if f.time and f.time.start else None
    return (f.type, ident, when)


class FactAssembler:
    """Component `newsgraph_facts`: one fact per thing said; a restatement adds its evidence only."""

    def __init__(self, nlp=None, name: str = "newsgraph_facts"):
        pass

    def __call__(self, doc: Doc) -> Doc:
        merged: dict[tuple, Fact] = {}
        for f in doc._.facts:
            key = fact_key(f)
            if f.type == "talks":
                key = (key[0], key[1] + (_earlier_round(f, doc),), key[2])
            # A timed restatement of an untimed fact (or vice versa) is the same fact.
            loose = (key[0], key[1], None)
            prev = merged.get(key) or (merged.get(loose) if key[2] else None)
            if prev is None and key[2] is None:
                prev = next((v for k, v in merged.items() if k[0] == key[0] and k[1] == key[1]), None)
            if prev is None:
                merged[key] = f
                continue
            if f.evidence[0] not in prev.evidence:
                prev.evidence.append(f.evidence[0])
            better = _richer(f, prev)
            if better is f:
                f.evidence = prev.evidence
                for k, v in list(merged.items()):
                    if v is prev:
                        merged[k] = f
        doc._.facts = list({id(f): f for f in merged.values()}.values())
        for key in ("newsgraph_sentences", "newsgraph_main_org", WORDS, CLAUSES, *CACHE_KEYS):
            doc.user_data.pop(key, None)  # Spans do not serialize with the Doc
        return doc


def _earlier_round(f: Fact, doc: Doc) -> str | None:
    """Talks that ended in an earlier year ('sounded out Y in 2020, but those discussions went nowhere')
    were another round than the talks the article reports."""
    year = (doc._.published or "")[:4]
    begin = getattr(f.time, "begin", None) or getattr(f.time, "start", None)
    if f.status in ("ended", "broke_down") and isinstance(begin, str) and year and begin[:4] < year:
        return begin[:4]
    return None


def _richer(a: Fact, b: Fact) -> Fact:
    def score(f: Fact) -> tuple:
        headline = f.evidence[0] == min(e for e in f.evidence)
        return (
            sum(v is not None for v in f.args.values()),
            f.source.kind != "document",
            f.time is not None,
            not headline,
        )

    return a if score(a) > score(b) else b


def article_facts(doc: Doc, document: Document) -> ArticleFacts:
    known = doc._.entities  # each doc._ read builds an Underscore object
    used = {v for f in doc._.facts for v in f.args.values() if isinstance(v, str) and v in known}
    entities = [
        Entity(key, info.name, info.type, info.aliases)
        for key, info in known.items()
        if key in used or info.type in ("ORG", "GOV", "PERSON")
    ]
    facts = []
    for f in doc._.facts:
        args = {}
        for k, v in f.args.items():
            if v is None:
                continue
            if k == "period" and hasattr(v, "to_json"):
                args[k] = v.to_json()
            elif k == "value" and isinstance(v, dict):
                args[k] = v
            else:
                args[k] = v
        f.args = args
        facts.append(f)
    facts.sort(key=lambda f: f.evidence[0][0])
    return ArticleFacts(document, entities, facts)
