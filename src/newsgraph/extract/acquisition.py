"""acquisition: 'X agreed to buy Y for $N', 'X's $4.5 billion acquisition of Y', 'Y was acquired by X',
'X raised its stake in Y to 30%', 'X is weighing a bid for Y', 'X completed/abandoned the takeover'."""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.extract.agreement import drop_takeover_deals, joint_statement
from newsgraph.extract.base import (
    FactExtractor,
    agents,
    company_of,
    expand,
    governing,
    main_org,
    money_near,
    poss_entity,
    prep_entities,
    sentence_words,
    sentences,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.extract.talks import settle_past_talks
from newsgraph.nlp.shared import entity_of, span_text
from newsgraph.nlp.times import TimeMention

VERBS = {"buy", "acquire", "purchase", "merge", "absorb", "snap", "take", "bid", "buyout"}
NOUNS = {"acquisition", "takeover", "purchase", "buyout", "merger", "bid", "offer", "stake", "deal", "proposal",
         "approach", "pursuit", "sale", "holding"}  # fmt: skip
PARTS = {"stake", "share", "shares", "holding", "business", "unit", "assets", "asset", "division", "operations",
         "factory", "plant", "facility", "brand", "arm", "subsidiary", "portfolio", "interest", "operation",
         "businesses"}  # fmt: skip
STAKES = {"stake", "share", "shares", "holding", "interest"}
SELL_TO = {"sell", "divest", "offload"}  # "... to X": X buys
DISPOSALS = {"sale", "divestment", "disposal", "divestiture", "sell-down", "selldown"}
SELL = {"sell", "divest", "offload", "unload", "dispose", "cut", "reduce", "trim", "dump"}
CLOSING_WORDS = {"deal", "transaction", "acquisition", "merger", "takeover", "purchase", "it", "combination"}
LISTS = ("including", "like", "such")
HEDGED = {"non-binding", "nonbinding", "indicative"}
OFFER_ACTS = {"make", "submit", "table", "launch", "put", "lodge", "send", "present"}
OFFER = ("offer", "bid", "proposal", "approach")
RECEIVE = {"receive", "get", "reject", "rebuff", "consider", "weigh", "confirm", "review", "evaluate", "accept",
           "back", "support", "recommend", "welcome"}  # fmt: skip
RUMORED = {"near", "weigh", "consider", "explore", "mull", "study", "eye", "evaluate", "talk", "discuss", "said", "seek",
           "could", "may", "might", "possible", "potential", "approach", "talks", "contemplate",
           "pursuit", "pursue", "negotiate"}  # fmt: skip
ANNOUNCED = {"agree", "will", "plan", "offer", "announce", "propose", "sign", "set", "make", "launch", "expect", "to",
             "deal", "intend"}  # fmt: skip
COMPLETED = {"complete", "close", "finalize", "finalise", "finish", "conclude", "wrap"}
ABANDONED = {
    "abandon",
    "drop",
    "walk",
    "terminate",
    "scrap",
    "withdraw",
    "end",
    "cancel",
    "call",
    "ditch",
    "pull",
    "collapse",
}
DEAL_HOLDERS = {
    "approach",
    "deal",
    "agreement",
    "bid",
    "offer",
    "plan",
    "move",
    "proposal",
    "pact",
    "talks",
    "talk",  # the lemma of "talks": "X is in advanced talks to acquire Y"
    "negotiation",
    "discussion",
    "effort",
    "attempt",
}
HOLD_STAKE = {"build", "amass", "accumulate", "hold", "own", "disclose", "have", "keep", "retain"}
PAST_MARKS = ("after", "since", "following", "like")
# verbs a buyer does to its own deal: "X completed its purchase of Y"
OWN_DEAL_VERBS = COMPLETED | ABANDONED | {"announce", "agree", "pursue", "make", "launch", "seal", "sweeten",
                                          "raise", "finish", "fund", "finance"}  # fmt: skip
BLOCKED = {"block", "prohibit", "veto", "reject", "stop", "thwart", "bar"}

# Words one of which a sentence needs for any token of it to start a fact in `match`.
TRIGGERS = VERBS | NOUNS | SELL_TO | {"pay", "value"}


class AcquisitionExtractor(FactExtractor):
    fact_type = "acquisition"

    def __call__(self, doc):
        super().__call__(doc)
        # the last of the deal extractors: every agreement and takeover is known
        settle_past_talks(doc)
        drop_takeover_deals(doc)
        self.price_restatements(doc)
        self.date_by_closing(doc)
        return doc

    @staticmethod
    def price_restatements(doc):
        """'X is in talks to buy Y for $13 billion ... the Journal reported X's pursuit of Y': a later
        mention without a price is the same deal at that price, so the two merge into one fact."""
        priced = {}
        for f in doc._.facts:
            if (
                f.type == "acquisition"
                and f.args.get("value") is not None
                and f.args.get("stake_pct") is None
            ):
                priced.setdefault((f.args["acquirer"], f.args["target"], f.status), []).append(f)
        for f in doc._.facts:
            if (
                f.type != "acquisition"
                or f.args.get("value") is not None
                or f.args.get("stake_pct") is not None
            ):
                continue
            same = priced.get((f.args["acquirer"], f.args["target"], f.status), [])
            if len({round(g.args["value"].amount, -3) for g in same}) == 1:
                f.args["value"] = same[0].args["value"]

    @staticmethod
    def date_by_closing(doc):
        """An agreed deal is dated by when it is expected to close ('expects to close the deal on
        Wednesday', 'the transaction is expected to close in the second quarter'), not by the day it
        was reported."""
        when = []
        for sent in sentences(doc):
            if sentence_words(sent).isdisjoint(("close", "complete")):
                continue
            for tok in tokens(sent):
                if tok.lemma_ not in ("close", "complete") or tok.pos_ != "VERB" or tok.dep_ != "xcomp":
                    continue
                if tok.head.lemma_ not in ("expect", "set", "aim", "plan", "schedule"):
                    continue
                what = [
                    c for c in (*tok.children, *tok.head.children) if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                ]
                if any(c.lemma_ in CLOSING_WORDS for c in what):
                    t = time_near(doc, sent, tok)
                    if t is not None and t.begin:
                        when.append(coming(t, doc._.published))
        if len({t.begin for t in when}) != 1:
            return
        published = (doc._.published or "")[:10]
        for f in doc._.facts:
            if (
                f.type == "acquisition"
                and f.status == "announced"
                and (f.time is None or f.time.begin == published)
            ):
                f.time = when[0]

    def match(self, doc, sent):
        if sentence_words(sent).isdisjoint(TRIGGERS):
            return  # no token below can be a trigger
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in VERBS:
                if lemma == "take" and not any(c.lower_ in ("over", "private") for c in tok.children):
                    continue  # "take over Y", "take Y private"
                if lemma == "snap" and not any(c.lower_ == "up" for c in tok.children):
                    continue
                acquirers = agents(tok)
                targets = (
                    self.bought(tok) if lemma not in ("merge", "bid") else prep_entities(tok, ["with", "for"])
                )
                if lemma in ("take", "snap"):
                    targets = targets or [
                        k for c in tok.children if c.dep_ in ("prt", "dobj") for k in expand(c)
                    ]
                for c in tok.children:
                    # "buy a stake in Y", "acquire TikTok's U.S. operations", "buy Wistron's factory"
                    if (
                        c.dep_ == "dobj"
                        and c.lemma_ == "stake"
                        and any(m.lower_ in ("minority", "small") for m in c.children)
                    ):
                        targets, acquirers = [], []  # "bought a minority stake in Y": an investment
                        break
                    if c.dep_ == "dobj" and (
                        c.lemma_ in PARTS or c.lower_ in PARTS or c.ent_type_ == "PERCENT"
                    ):
                        # "Wistron's factory in southern India": the owner, not the place; "a stake in Y"
                        owner = poss_entity(c) or prep_entities(c, ["of"])
                        if c.lemma_ in ("stake", "share", "shares", "holding", "interest"):
                            owner = owner or prep_entities(c, ["in"])
                        targets = owner or targets
                    # "has acquired companies including CA Technologies and Symantec"
                    if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                        targets += [k for p in c.children for k in expand(p)]
                if tok.dep_ in ("acl", "relcl") and not acquirers and tok.head.lemma_ in DEAL_HOLDERS:
                    # "X is nearing a deal to buy Y": the buyer is whoever holds the deal
                    acquirers = poss_entity(tok.head) or [k for k in agents(tok.head.head)
                                                          if tok.head.dep_ in ("dobj", "pobj")]  # fmt: skip
                if not acquirers and tok.dep_ in ("acl", "relcl") and tok.head.dep_ == "attr":
                    acquirers = agents(tok.head.head)  # "X is the frontrunner to buy Y"
                if any(c.dep_ == "auxpass" for c in tok.children) and tok.dep_ == "xcomp":
                    # "Y agreed to be acquired by X": the subject of "agreed" is the target
                    acquirers = prep_entities(tok, ["by"])
                    targets = agents(tok.head)
            elif tok.pos_ == "VERB" and lemma in ("pay", "offer", *SELL_TO):
                # "X offered $11 billion for Y's film studio": a price put on a company is a bid
                found = self.payment(doc, tok) if lemma in ("pay", "offer") else self.sale(doc, tok)
                if found is None:
                    continue
                acquirers, targets = found
            elif tok.pos_ == "NOUN" and lemma in NOUNS:
                found = self.noun_args(doc, sent, tok, lemma)
                if found is None:
                    continue
                acquirers, targets = found
            elif tok.pos_ == "VERB" and lemma == "value":
                self.fill_value(doc, tok)
                continue
            else:
                continue
            if self.disavowed(tok):
                continue
            acquirers = [k for k in acquirers if doc._.entities[k].type in ("ORG", "PERSON")]
            targets = [k for k in targets if doc._.entities[k].type in ("ORG", "PRODUCT", "PERSON")]
            if set(targets) & set(acquirers):
                # "X and Y built stakes in the company": a buyer is never its own target; a description
                # resolved to one of the buyers was resolved wrongly
                targets = [k for k in targets if k not in acquirers] if len(set(targets)) > 1 else []
            if not acquirers or not targets:
                continue
            status = "completed" if self.listed(tok) and tok.tag_ == "NNS" else self.status(tok)
            value = self.value(
                doc,
                sent,
                tok
                if tok.pos_ == "VERB" and lemma in ("pay", "offer", *SELL_TO)
                else self.second_clause(tok),
            )
            stake = self.stake(doc, sent, tok)
            hedged = self.hedged(tok) or self.conditional(tok)
            earlier = tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in PAST_MARKS
            for a in acquirers:
                for t in targets:
                    if a == t or doc._.entities[a].kind == "publication":
                        continue
                    args = {"acquirer": a, "target": t, "value": value, "stake_pct": stake}
                    said = joint_statement(doc, sent, tok)
                    if hedged:
                        said["certainty"] = "possible"
                    fact = self.fact(doc, tok, args, status=status, **said)
                    if fact.certainty == "possible" and earlier and not hedged:
                        # "would be the biggest bet since X's purchase of Y": the hedge is not on Y's sale
                        fact.certainty = "asserted" if fact.source.kind == "document" else "reported"
                    if fact.status == "announced" and fact.certainty == "possible":
                        fact.status = "rumored"  # a hedged deal has not been announced
                    if fact.status == "announced" and self.done_before(doc, tok, fact):
                        fact.status = "completed"
                    yield fact

    def noun_args(self, doc, sent, tok, lemma):
        """Buyers and targets of 'X's acquisition of Y', 'a $N proposal from X', 'purchases including Y'."""
        if lemma == "sale":
            return self.sale_noun(doc, tok) if tok.tag_ == "NN" else None  # "sales of a drug" are revenue
        if lemma in ("stake", "holding") and tok.dep_ == "dobj" and tok.head.lemma_ in VERBS | SELL:
            return None  # "bought a 20% stake in Y": the verb tells it; "sold its stake": a seller
        if lemma in ("stake", "holding") and tok.dep_ == "pobj" and tok.head.head.lemma_ in DISPOSALS:
            return (
                None  # "proceeds from the sale of its stake in Y": the owner sells; the sale names any buyer
            )
        if lemma in ("stake", "holding") and tok.dep_ == "dobj" and tok.head.lemma_ in HOLD_STAKE:
            return None  # "activists had built stakes in Y": an investment, not a takeover
        listed = self.listed(tok)
        offer = lemma in ("offer", "bid", "proposal", "approach")
        # "received a proposal from X", "submitted an offer to Y": the "from"/"to" hang on the verb
        gov = tok.head if offer and tok.dep_ == "dobj" else None
        received = gov is not None and gov.lemma_ in RECEIVE
        # "Y rejected X's $5 billion offer"
        senders = prep_entities(tok, ["from", "by"]) or (
            prep_entities(gov, ["from"]) or poss_entity(tok) if received else []
        )
        senders = senders or self.led_by(tok, gov if received else None)
        if not senders and tok.dep_ == "dobj" and tok.head.lemma_ in ("approve", "endorse") and not offer:
            senders = prep_entities(tok.head, ["by"])  # "Y's shareholders approved the takeover by X"
        # "the acquisition of a portfolio of plants from Y": Y sells, it does not bid
        sellers = [] if offer else self.seller_of_assets(tok)
        senders = [k for k in senders if k not in sellers]
        receivers = prep_entities(gov, ["to"]) if gov is not None and gov.lemma_ in OFFER_ACTS else []
        if lemma in ("deal", *OFFER) and not (
            prep_entities(tok, ["for", "from", "to"]) or senders or receivers
        ):
            return self.offer_in_context(doc, tok) if lemma in ("offer", "bid") else None
        if lemma in ("proposal", "approach") and not (
            any(w in span_text(sent).lower() for w in ("acqui", "takeover", "buy", "bid", "offer", "merger"))
            or self.priced(doc, tok)
        ):
            return None
        targets = prep_entities(
            tok, ["of", "for", "in", "with"] + (["to"] if lemma in ("proposal", "approach") else [])
        )
        targets += listed + receivers
        if lemma in STAKES and not targets and tok.dep_ == "dobj":
            targets = prep_entities(tok.head, ["in"])  # "raised its holding in Y to 51%": "in" on the verb
        targets = targets or sellers
        acquirers = poss_entity(tok) if not offer else []
        if acquirers and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            # "Smucker completed its purchase of Hostess": "its" is the subject's, whatever the
            # pronoun was resolved to
            verb = next((g for g in governing(tok)[1:] if g.pos_ in ("VERB", "AUX")), None)
            if verb is not None and verb.lemma_ in OWN_DEAL_VERBS:
                acquirers = [
                    k for k in agents(verb) if doc._.entities[k].type in ("ORG", "PERSON")
                ] or acquirers
        acquirers = acquirers or senders
        if offer and not acquirers and not received and prep_entities(tok, ["for"]):
            acquirers = poss_entity(tok)  # "X's bid for Y collapsed": the bidder owns the bid
        accepting = next((g for g in governing(tok)[1:3] if g.lemma_ in ("agree", "accept")), None)
        if not targets and not acquirers and accepting is not None:
            acquirers = prep_entities(
                accepting, ["by", "from"]
            )  # "agreed to a takeover by X", "by" on the verb
        if not targets and acquirers:
            # "received a proposal from X", "agreed to a takeover by X": the receiver is the target
            for gov in governing(tok)[1:3]:
                if gov.lemma_ in RECEIVE or gov.lemma_ == "agree":
                    targets = agents(gov)
                    break
                if gov.lemma_ in ("approve", "endorse"):
                    # "Y's shareholders approved the takeover by X"; a regulator's approval names no target
                    ents = doc._.entities
                    targets = [k for k in agents(gov) if ents[k].type == "ORG" and ents[k].kind is None]
                    break
        elif acquirers and poss_entity(tok) and offer:
            targets = targets or poss_entity(tok)
        # "built the company through a string of purchases, including Y": the builder bought them
        for gov in governing(tok, 5 if listed else 3)[1:]:
            if acquirers:
                break
            if gov.pos_ in ("VERB", "AUX"):
                acquirers = [company_of(doc, k) for k in agents(gov)] if listed else agents(gov)
                if gov.lemma_ in ("approve", "clear", "block", "review"):
                    acquirers = []
                    break
        if not acquirers:
            acquirers = [k for c in tok.children if c.dep_ in ("compound", "nmod") for k in expand(c)]
        if lemma == "merger" and not targets:
            return None
        if not targets and senders and self.takeover_bid(tok) and main_org(doc) not in (None, *senders):
            # "A $20 billion buyout proposal from CVC was dropped": a bid for the company the article is about
            targets = [main_org(doc)]
        return acquirers, targets

    @staticmethod
    def done_before(doc, tok, fact):
        """'has been a consolidator, snapping up Y and Z in 2021': a participle of a buy dated before the
        article tells a deal done."""
        if (
            tok.tag_ != "VBG"
            or tok.dep_ not in ("advcl", "acl")
            or any(c.dep_ == "aux" for c in tok.children)
        ):
            return False
        published = (doc._.published or "")[:10]
        return bool(published and fact.time and fact.time.finish and fact.time.finish < published)

    @staticmethod
    def seller_of_assets(tok):
        """'the acquisition of a portfolio of solar plants from developer Y': Y's assets change hands."""
        parts = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.lemma_ in PARTS or p.lower_ in PARTS]  # fmt: skip
        if not parts:
            return []
        # "from Y" may hang on the acquisition or on the assets
        return prep_entities(tok, ["from"]) or [k for p in parts for t in p.subtree if t.dep_ == "prep"
                                                and t.lower_ == "from" for k in prep_entities(t.head, ["from"])]  # fmt: skip

    @staticmethod
    def takeover_bid(tok):
        """'a buyout proposal', 'a takeover bid', 'an acquisition offer': an offer for a whole company."""
        return tok.lemma_ in OFFER and any(c.dep_ in ("compound", "amod") and c.lemma_ in ("buyout", "takeover",
                                           "acquisition") for c in tok.children)  # fmt: skip

    @staticmethod
    def second_clause(tok):
        """'X completed its $5 billion purchase of Y, and Z closed its acquisition of W': the second deal's
        price is told in its own clause, or not at all."""
        if tok.pos_ != "NOUN":
            return None
        verb = next((g for g in governing(tok)[1:] if g.pos_ in ("VERB", "AUX")), None)
        return verb if verb is not None and verb.dep_ == "conj" else None

    @staticmethod
    def led_by(tok, gov):
        """'a tender offer from a consortium led by X': the group's leader bids."""
        return [k for t in (tok, gov) if t is not None for c in t.children
                if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
                for p in c.children for a in p.children
                if a.dep_ == "acl" and a.lemma_ == "lead" for k in prep_entities(a, ["by"])]  # fmt: skip

    @staticmethod
    def bought(tok):
        """What was bought: 'bought Y', 'acquired rival Y', but not 'bought Y chips', a maker's goods."""
        out = []
        for c in tok.children:
            if c.dep_ not in ("dobj", "nsubjpass", "attr", "oprd"):
                continue
            found = expand(c)
            if not entity_of(c) and c.lemma_ not in PARTS and c.lower_ not in PARTS:
                makers = {entity_of(d) for d in c.children if d.dep_ in ("compound", "nmod")}
                found = [k for k in found if k not in makers]
            out += found
        return out

    @staticmethod
    def sale(doc, tok):
        """'Y agreed to sell itself to X', 'Y will sell its chip unit to X': X buys; a unit stands for its owner."""
        # "agreed to divest Y to X": the parser may hang "to X" on "agreed"
        buyers = prep_entities(tok, ["to"]) or (
            prep_entities(tok.head, ["to"]) if tok.dep_ == "xcomp" else []
        )
        buyers = [k for k in buyers if doc._.entities[k].type == "ORG"]
        if not buyers:
            return None
        sellers = agents(tok)
        if not sellers and tok.dep_ in ("acl", "relcl") and tok.head.lemma_ in DEAL_HOLDERS:
            # "Y is in talks to sell itself to X": the seller holds the talks
            sellers = poss_entity(tok.head) or [
                k for k in agents(tok.head.head) if tok.head.dep_ in ("dobj", "pobj")
            ]
        targets = []
        if any(c.dep_ == "auxpass" for c in tok.children):
            # "Y is being sold to X", "Y said it would be sold to X"
            targets = [k for c in tok.children if c.dep_ == "nsubjpass" for k in expand(c)
                       if doc._.entities[k].type == "ORG"]  # fmt: skip
        for c in tok.children:
            if c.dep_ != "dobj":
                continue
            if c.lower_ in ("itself", "themselves"):
                targets += sellers
            elif c.lemma_ in PARTS or c.lower_ in PARTS:
                # "its stake in Y": Y's shares change hands; "its chip unit": the seller's unit
                owner = (prep_entities(c, ["in"]) if c.lemma_ in STAKES else []) or poss_entity(c)
                owner = owner or prep_entities(c, ["of", "in"])
                targets += [k for k in owner if doc._.entities[k].type == "ORG"]
            else:
                targets += [k for k in expand(c) if doc._.entities[k].type == "ORG"]
        return buyers, targets

    @staticmethod
    def sale_noun(doc, tok):
        """'a sale of its chip unit to X', 'the sale of Y to X', 'is exploring a sale of Y to X'."""
        buyers = prep_entities(tok, ["to"]) or (prep_entities(tok.head, ["to"]) if tok.dep_ == "dobj" else [])
        if not buyers and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
            buyers = prep_entities(tok.head.head, ["to"])  # "agreed to the sale of Y to X"
        buyers = [k for k in buyers if doc._.entities[k].type == "ORG"]
        targets = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.lemma_ in PARTS or p.lower_ in PARTS:
                        # "the sale of its stake in Y": Y's shares change hands
                        stake_in = prep_entities(p, ["in"]) if p.lemma_ in STAKES else []
                        targets += stake_in or poss_entity(p) or prep_entities(p, ["of", "in"])
                    elif p.dep_ == "pobj":
                        targets += expand(p)
        targets = [k for k in targets or poss_entity(tok) if doc._.entities[k].type == "ORG"]
        if not targets and buyers and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            # "Y is negotiating a sale to X", "Y is exploring a sale to X": the seller sells itself
            targets = [k for k in agents(tok.head) if doc._.entities[k].type == "ORG" and k not in buyers]
        return (buyers, targets) if buyers and targets else None

    @staticmethod
    def payment(doc, tok):
        """'X will pay $2 billion for Y': a price paid for a company."""
        if not any(
            c.dep_ == "dobj" and any(m.start <= c.idx < m.end for m in doc._.money) for c in tok.children
        ):
            return None
        # "offered $4 billion for Y's chip unit": a unit stands for its owner
        units = [p for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "for" for p in c.children
                 if p.dep_ == "pobj" and (p.lemma_ in PARTS or p.lower_ in PARTS)]  # fmt: skip
        targets = prep_entities(tok, ["for"]) or [k for p in units for k in poss_entity(p)]
        targets = [k for k in targets if doc._.entities[k].type == "ORG"]
        return (agents(tok), targets) if targets else None

    @staticmethod
    def listed(tok):
        """'purchases including Y and Z's security business': the companies (or owners of units) listed."""
        out = []
        for c in tok.children:
            if not (c.dep_ == "prep" and c.lower_ in LISTS):
                continue
            heads = [p for p in c.children if p.dep_ == "pobj"]
            heads += [pp for p in c.children if p.dep_ == "prep" for pp in p.children if pp.dep_ == "pobj"]
            for head in heads:
                for item in (head, *head.conjuncts):
                    if entity_of(item):
                        out.append(entity_of(item))
                    elif item.lemma_ in PARTS or item.lower_ in PARTS:
                        out += poss_entity(item)
        return list(dict.fromkeys(out))

    @staticmethod
    def disavowed(tok):
        """'X has no plans to buy Y', 'X does not intend to bid for Y': an intention denied, no deal."""
        if tok.dep_ not in ("acl", "xcomp") or tok.pos_ != "VERB":
            return False
        head = tok.head
        if head.lemma_ in ("plan", "intention", "interest", "desire") and any(
            c.dep_ == "det" and c.lower_ == "no" for c in head.children
        ):
            return True
        return head.lemma_ in ("plan", "intend", "want", "seek", "aim") and any(
            c.dep_ == "neg" for c in head.children
        )

    @staticmethod
    def conditional(tok):
        """'If X were to buy Y, ...': a supposition, not a deal."""
        cur = tok
        for _ in range(3):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in cur.children):
                return True
            if cur.dep_ not in ("xcomp", "ccomp", "advcl") or cur.head.i == cur.i:
                return False
            if cur.dep_ == "advcl":
                return False
            cur = cur.head
        return False

    @staticmethod
    def priced(doc, tok):
        """'an unsolicited $7.3 billion proposal': money on a proposal makes it a bid."""
        left = tok.left_edge.idx
        return any(left <= m.start < tok.idx for m in doc._.money)

    @staticmethod
    def hedged(tok):
        """'a non-binding proposal', 'an indicative offer': not yet a bid anyone is held to."""
        words = tok.doc[tok.left_edge.i : tok.i].text.lower().replace(" ", "")
        return any(w in words for w in HEDGED) or uncertain_frame(tok)

    def offer_in_context(self, doc, tok):
        """'X will make a formal offer': for whom, the article said before (X's approach to Y, X's bid for Y)."""
        gov = tok.head
        if tok.dep_ != "dobj" or gov.lemma_ not in OFFER_ACTS:
            return None
        acquirers = agents(gov)
        targets = []
        for f in doc._.facts:
            if f.type == "acquisition" and f.args.get("acquirer") in acquirers:
                targets.append(f.args["target"])
            elif f.type == "talks" and f.args.get("party") in acquirers:
                targets.append(f.args["counterparty"])
        targets = list(dict.fromkeys(targets))
        return (acquirers, targets) if len(targets) == 1 else None

    @staticmethod
    def fill_value(doc, tok):
        """'a deal that could value Y at $N': the price of the takeover of Y reported before."""
        owners = [k for c in tok.children if c.dep_ == "dobj" for k in expand(c)]
        at = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "at" for p in c.children]
        if not owners or not at:
            return
        lo, hi = at[0].left_edge.idx, at[0].idx + len(at[0].text)
        money = [m for m in doc._.money if lo <= m.start < hi]
        if not money:
            return
        for f in doc._.facts:
            if (f.type == "acquisition" and f.args.get("target") in owners and f.args.get("value") is None
                    and f.args.get("stake_pct") is None):  # fmt: skip
                f.args["value"] = money[0]

    @staticmethod
    def value(doc, sent, clause=None):
        # A price per share is not the deal's value; a sale told beside a larger deal has its own price.
        text, base = span_text(sent) + " " * 16, sent.start_char
        cands = [m for m in money_near(doc, sent)
                 if not re.match(r"\s*(?:a|per|for each)\s+share", text[m.end - base : m.end - base + 16])]  # fmt: skip
        if clause is not None:
            lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
            cands = [m for m in cands if lo <= m.start < hi]
        return max(cands, key=lambda m: m.amount) if cands else None

    @staticmethod
    def stake(doc, sent, tok):
        if "stake" not in span_text(sent).lower():
            return None
        for p in doc._.percents:
            if sent.start_char <= p.start < sent.end_char:
                return p.value
        return None

    @staticmethod
    def status(tok):
        chain = governing(tok, 4)
        words = set()
        for g in chain:
            words.add(g.lemma_.lower())
            words |= {
                c.lemma_.lower() for c in g.children if c.dep_ in ("aux", "neg", "prt", "amod", "advmod")
            }
        if words & BLOCKED:
            return "blocked"
        if words & ABANDONED or (
            tok.dep_ == "nsubj" and any(c.dep_ == "acomp" and c.lower_ == "dead" for c in tok.head.children)
        ):
            return "abandoned"  # "X's acquisition of Y is dead"
        if words & COMPLETED:
            return "completed"
        if words & RUMORED:
            return "rumored"
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in PAST_MARKS:
            return "announced"  # "after X's $28 billion acquisition of Y": an earlier, known deal
        if words & ANNOUNCED or tok.pos_ == "NOUN":
            return "announced"
        if tok.tag_ == "VBN" and any(c.lower_ in ("being", "would", "will") for c in tok.children):
            return "announced"  # "Y is being sold to X", "Y said it would be sold to X": not done yet
        if tok.tag_ in ("VBD", "VBN"):
            return "completed"
        return "announced"


def uncertain_frame(tok) -> bool:
    """'It is not certain that X will make an offer', 'it is unclear whether X will bid'."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        comps = {c.lemma_.lower() for c in cur.children if c.dep_ == "acomp"}
        negated = any(c.dep_ == "neg" for c in cur.children)
        if comps & {"unclear", "uncertain"} or (negated and comps & {"certain", "clear", "sure"}):
            return True
    return False


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def coming(t, published):
    """'expects to close the deal on Wednesday': a weekday ahead of the article, not the one before."""
    if (
        not published
        or not t.begin
        or t.begin >= published[:10]
        or not any(d in t.text.lower() for d in WEEKDAYS)
    ):
        return t
    day = (date.fromisoformat(t.begin) + timedelta(days=7)).isoformat()
    return TimeMention(t.text, t.start, t.end, day, day)
