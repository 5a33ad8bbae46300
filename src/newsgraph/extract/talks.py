"""talks: 'X has held talks with Y', 'X is in talks to buy Y', 'talks between X and Y', 'X engaged with Y'."""

from __future__ import annotations

import re
from itertools import combinations

from newsgraph.extract.agreement import joint_statement
from newsgraph.extract.base import (
    FactExtractor,
    agents,
    expand,
    governing,
    patients,
    poss_entity,
    prep_entities,
    sentence_words,
    tokens,
)  # fmt: skip
from newsgraph.nlp.shared import entity_of, sent_of, span_text

NOUNS = {"talk", "talks", "discussion", "negotiation", "conversation", "deliberation", "dialogue", "dialog"}
VERBS = {"negotiate", "discuss", "engage", "court", "approach", "explore", "sound", "talk", "meet", "near", "weigh",
         "consider", "reach"}  # fmt: skip
# "X and Y are weighing a combination": what two companies weigh together is a deal between them
COMBOS = {"combination", "merger", "tie-up", "partnership", "alliance", "deal", "union", "link-up"}
ENDED = {"end", "collapse", "break", "stall", "terminate", "abandon", "fail", "halt", "suspend", "cut", "walk", "quit",
         "exit", "pull", "drop", "fizzle", "founder", "sour", "falter", "rebuff", "spurn", "reject"}  # fmt: skip
FAILED = {"collapse", "break", "fail", "stall", "fizzle", "founder", "sour", "falter"}
DEAL_TALK = re.compile(r"takeover|acqui|merger|\bbid\b|offer|tie-up|combination|\bdeal\b|\bbuy", re.I)
DEALS = {"deal", "agreement", "pact", "accord", "merger", "tie-up", "partnership", "settlement"}
RECEIVE = {"receive", "get", "confirm", "reject", "rebuff", "rebuffe", "spurn", "welcome"}
PARTS = {"stake", "share", "shares", "holding", "interest", "business", "unit", "units", "division", "assets", "arm",
         "operations", "plant", "factory"}  # fmt: skip
SPEAK = {"say", "confirm", "announce", "add", "state", "acknowledge"}
PAST_TALKS = "newsgraph_past_talks"  # facts (by index) of talks told as history
DEAL_VERBS = {"buy", "acquire", "merge", "purchase", "take", "invest", "form", "create", "sell", "supply",
              "combine", "build", "develop", "license"}  # fmt: skip

# Words one of which a sentence needs for any token of it to start a fact in `match`.
TRIGGERS = NOUNS | VERBS | {"approach", "contact"}


class TalksExtractor(FactExtractor):
    fact_type = "talks"

    def match(self, doc, sent):
        if sentence_words(sent).isdisjoint(TRIGGERS):
            return  # no token below can be a trigger
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "NOUN" and (lemma in NOUNS or tok.lower_ in NOUNS):
                pairs = self.noun_pairs(tok)
            elif tok.pos_ == "VERB" and lemma in VERBS:
                pairs = self.verb_pairs(tok)
            elif tok.pos_ == "NOUN" and lemma == "approach":
                pairs = self.approach_pairs(tok)
            elif tok.pos_ == "NOUN" and lemma == "contact" and DEAL_TALK.search(span_text(sent)):
                pairs = self.noun_pairs(tok)  # "has been in contact with Y about a takeover"
            else:
                continue
            if not pairs and tok.pos_ == "NOUN":
                pairs = self.pair_in_sentence(doc, sent, tok)
            status = self.status(tok, sent)
            for party, counter in pairs:
                if tok.lemma_ in ("court", "approach", "sound") and doc._.entities[counter].type == "GOV":
                    continue  # "courting a U.S. giant": the country only describes the company
                args = {"party": party, "counterparty": counter}
                fact = self.fact(doc, tok, args, status=status, **joint_statement(doc, sent, tok))
                if tok.pos_ == "NOUN" and any(
                    c.dep_ == "neg" for g in governing(tok, 2)[1:] for c in g.children
                ):
                    fact.certainty = "denied"  # "the two are not in merger talks"
                if status == "ongoing" and self.looking_back(doc, tok, fact):
                    doc.user_data.setdefault(PAST_TALKS, []).append(len(doc._.facts))
                yield fact

    @staticmethod
    def approach_pairs(tok):
        """'Y confirmed it had received an approach from X', 'X's approach to Y'."""
        party = prep_entities(tok, ["from"]) or poss_entity(tok)
        counter = prep_entities(tok, ["to"])
        gov = tok.head
        if tok.dep_ == "dobj" and gov.lemma_ in RECEIVE:
            party = party or prep_entities(gov, ["from"])
            counter = counter or agents(gov)
        elif not DEAL_TALK.search(span_text(sent_of(tok))):
            return []  # "the company's approach to China": a strategy, not an overture
        return _pairs(party, counter)

    @staticmethod
    def pair_in_sentence(doc, sent, tok):
        """'X ended its contract with Y after talks over compensation broke down': talks with no party
        of their own, told as the cause of what X did with Y, are between X and Y."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or poss_entity(tok) or clause.dep_ != "advcl":
            return []
        if any(c.dep_ in ("compound", "amod") for c in tok.children):
            return []  # "trade talks", "wage talks": someone else's
        main = clause.head
        ents = doc._.entities
        counters = prep_entities(main, ["with"]) + [
            k for c in main.children if c.dep_ == "dobj" for k in expand(c) + prep_entities(c, ["with"])
        ]
        pairs = _pairs(agents(main), counters)
        return [(a, b) for a, b in pairs if ents[a].type == ents[b].type == "ORG"]

    @staticmethod
    def looking_back(doc, tok, fact):
        """Talks told as history: 'talks had dragged on for a year', 'they first confirmed they were in
        talks in October last year', 'the deal follows months of negotiations'."""
        for gov in governing(tok, 3)[1:]:
            if gov.lemma_ in ("follow", "precede", "culminate", "cap") or gov.lower_ == "after":
                return True
            if gov.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ == "aux" and c.lower_ == "had" for c in gov.children):
                return True
            if gov.tag_ == "VBD" and fact.time and fact.time.finish and doc._.published:
                return fact.time.finish < doc._.published[:10]
            return False
        return False

    def noun_pairs(self, tok):
        between = prep_entities(tok, ["between", "among"])
        if len(between) >= 2:
            return list(combinations(between, 2))
        counters = prep_entities(tok, ["with"])
        parties = poss_entity(tok)
        for gov in governing(tok)[1:]:
            counters = counters or prep_entities(gov, ["with"])
            if not parties and gov.pos_ in ("VERB", "AUX"):
                parties = agents(gov)
            if parties:
                break
        counters = counters or self.deal_targets(tok) or round_raiser(tok)
        if not parties and tok.dep_ == "pobj" and tok.head.lower_ == "in" and entity_of(tok.head.head):
            parties = expand(tok.head.head)  # headline "X in talks with Y over Z"
        clause = tok.head
        if not parties and tok.dep_ == "nsubj" and clause.dep_ == "ccomp" and clause.head.lemma_ in SPEAK:
            parties = agents(clause.head)  # "X said talks with Y had stalled": X's talks
        if parties and not counters and len(parties) >= 2:
            return list(combinations(parties, 2))
        return _pairs(parties, counters)

    def verb_pairs(self, tok):
        parties = agents(tok)
        if tok.lemma_ in ("talk", "meet"):
            # "has been talking to Y about a tie-up"; a bare meeting is not talks
            counters = prep_entities(tok, ["to", "with"])
            if tok.lemma_ == "meet" and not any(
                w in span_text(sent_of(tok)).lower()
                for w in ("deal", "merger", "partnership", "tie-up", "acquisition")
            ):
                counters = []
        elif tok.lemma_ in ("engage", "negotiate", "discuss"):
            # "discussed a manufacturing partnership with Y": "with" hangs on the object
            counters = prep_entities(tok, ["with"]) or [
                k for c in tok.children if c.dep_ == "dobj" for k in prep_entities(c, ["with"])
            ]
            if not counters and tok.lemma_ == "negotiate":
                # "is negotiating to buy Y"
                counters = [k for c in tok.children if c.dep_ == "xcomp" and c.lemma_ in DEAL_VERBS
                            for k in patients(c) + prep_entities(c, ["with", "to"])]  # fmt: skip
            if not counters and tok.lemma_ == "negotiate":
                # "is negotiating a sale to X", "negotiating a deal with X": the other side of the deal
                counters = patients(tok) or [
                    k
                    for c in tok.children
                    if c.dep_ == "dobj"
                    for k in prep_entities(c, ["to", "with", "for"])
                ]
        elif tok.lemma_ == "sound":
            counters = patients(tok)
        elif tok.lemma_ in ("weigh", "consider"):
            combos = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_ in COMBOS]
            if not combos:
                return []  # "X is weighing a bid for Y" is a bid, not talks
            counters = [k for c in combos for k in prep_entities(c, ["with"])]
        elif tok.lemma_ == "reach":
            # "has reached out to Y about a potential deal"
            if not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
                return []
            if not DEAL_TALK.search(span_text(sent_of(tok))):
                return []
            counters = prep_entities(tok, ["to"])
        elif tok.lemma_ == "near":
            # "is nearing a deal with Y": the deal is still being negotiated
            counters = [k for c in tok.children if c.dep_ == "dobj" and c.lemma_ in DEALS
                        for k in prep_entities(c, ["with"])]  # fmt: skip
        elif tok.lemma_ == "explore":
            # "exploring a tie-up with Y"
            counters = [k for c in tok.children if c.dep_ == "dobj" for k in prep_entities(c, ["with"])]
        else:
            counters = patients(tok) + prep_entities(tok, ["about", "over"]) * 0
        if not counters and len(parties) >= 2:
            return list(combinations(parties, 2))
        return _pairs(parties, counters)

    @staticmethod
    def deal_targets(tok):
        # "in talks to buy Y": the counterparty is the object of the deal verb.
        for c in tok.children:
            if c.dep_ in ("acl", "relcl", "xcomp") and c.lemma_ in DEAL_VERBS:
                # "in talks to buy a stake in Y": the owner of the stake
                owners = [k for d in c.children if d.dep_ == "dobj" and d.lemma_ in PARTS
                          for k in poss_entity(d) + prep_entities(d, ["in", "of"])]  # fmt: skip
                return (
                    owners
                    + patients(c)
                    + prep_entities(c, ["with", "to"])
                    + [k for d in c.children if d.dep_ == "dobj" for k in prep_entities(d, ["to", "for"])]
                )
            if c.dep_ == "prep" and c.lower_ in ("over", "about", "on", "for"):
                for p in c.children:
                    if p.dep_ == "pcomp" and p.lemma_ in DEAL_VERBS:
                        return patients(p) + prep_entities(p, ["with"])  # "talks about buying Y"
                    for q in p.children:
                        # "talks over a $5 billion investment in Y"
                        if q.dep_ == "prep" and (q.lower_ in ("of", "with") or q.lower_ == "in"
                                                 and p.lemma_ in ("investment", "stake")):  # fmt: skip
                            return [k for pp in q.children if pp.dep_ == "pobj" for k in expand(pp)]
        return []

    @staticmethod
    def status(tok, sent=None):
        for gov in governing(tok, 3) + list(tok.children):
            lemma = gov.lemma_.lower()
            if lemma in ENDED:
                return "broke_down" if lemma in FAILED else "ended"
            if lemma in ("off",) and gov.head.lemma_ == "call":
                return "ended"
            if lemma == "go" and any(c.lower_ == "nowhere" for c in gov.children):
                return "broke_down"  # "those discussions went nowhere"
            if any(c.lower_ == "longer" and any(d.lower_ == "no" for d in c.children) for c in gov.children):
                return "ended"  # "it was no longer in talks with Y"
        # "X held talks with Y, but the talks ended without a deal": the talks named again end them
        for later in tokens(sent) if sent is not None else ():
            if (
                later.i <= tok.i
                or later.lemma_.lower() not in NOUNS
                or later.dep_ not in ("nsubj", "nsubjpass")
            ):
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in later.children):
                continue
            verb = later.head.lemma_.lower()
            if verb in ENDED:
                return "broke_down" if verb in FAILED else "ended"
        return "ongoing"


ROUNDS = {"round", "funding", "financing", "raise", "fundraising"}


def round_raiser(tok) -> list[str]:
    """'X was in talks to lead the funding': the round is the one the article reports someone raised
    ('Y has raised $600 million in a round led by X')."""
    if not any(
        c.dep_ in ("acl", "xcomp")
        and c.lemma_ in ("lead", "join", "anchor")
        and any(
            o.dep_ == "dobj" and o.lemma_ in ROUNDS and any(d.lower_ in ("the", "this") for d in o.children)
            for o in c.children
        )
        for c in tok.children
    ):
        return []  # fmt: skip
    doc = tok.doc
    raised = [t for t in doc[: sent_of(tok).start] if t.lemma_ == "raise" and t.pos_ == "VERB"
              and any(m.start >= t.idx and m.start < t.idx + 80 for m in doc._.money)]  # fmt: skip
    return [k for t in raised[-1:] for k in agents(t) if doc._.entities[k].type == "ORG"]


def _pairs(parties, counters):
    out = []
    for p in parties:
        for c in counters:
            if p != c:
                out.append((p, c))
    return out


def settle_past_talks(doc) -> None:
    """Talks told as history ended once the article reports the deal between the two sides."""
    marked = doc.user_data.pop(PAST_TALKS, [])
    deals = set()
    for f in doc._.facts:
        if f.type == "agreement" and f.status in ("signed", "completed"):
            deals.add(frozenset((f.args.get("party"), f.args.get("counterparty"))))
        elif f.type == "acquisition" and f.status in ("announced", "completed"):
            deals.add(frozenset((f.args.get("acquirer"), f.args.get("target"))))
    for i in marked:
        f = doc._.facts[i]
        if frozenset((f.args["party"], f.args["counterparty"])) in deals:
            f.status = "ended"
