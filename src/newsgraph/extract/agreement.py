"""agreement: 'X signed a deal with Y', 'X and Y formed a joint venture', 'X partnered with Y', 'X scrapped
its agreement with Y'."""

from __future__ import annotations

from itertools import combinations

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    expand,
    governing,
    money_near,
    patients,
    poss_entity,
    prep_entities,
    sentence_words,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.model import Source
from newsgraph.nlp.attribution import certainty_at
from newsgraph.nlp.shared import entity_of

NOUNS = {"agreement", "deal", "pact", "memorandum", "mou", "contract", "partnership", "alliance", "venture",
         "tie-up", "collaboration", "accord", "jv", "cooperation", "sheet"}  # fmt: skip
# "a term sheet" is a deal's first paper; a balance sheet is none
MAKE_VERBS = {"sign", "strike", "reach", "ink", "seal", "enter", "form", "announce", "finalize", "finalise",
              "conclude", "establish", "set", "create", "launch", "agree", "win", "secure", "extend", "renew",
              "expand", "have", "forge", "clinch", "land", "award", "unveil"}  # fmt: skip
DIRECT_VERBS = {"partner", "team", "collaborate", "ally", "cooperate", "join", "supply", "work", "select", "choose",
                "pick", "tap"}  # fmt: skip
ADVISED = {"deal", "sale", "bid", "offer", "acquisition", "takeover", "transaction", "merger", "listing", "ipo",
           "review", "restructuring", "financing"}  # fmt: skip
INQUIRIES = {"investigation", "probe", "inquiry", "review", "recall", "audit", "inspection", "investigator"}
GENERIC_DEALS = "newsgraph_generic_deals"  # facts (by index) whose deal word may be a takeover
MERGER_DEALS = "newsgraph_merger_deals"  # of those, the ones the text calls a merger or takeover agreement
GENERIC = {"deal", "agreement", "transaction", "pact", "accord"}
TAKEOVER_WORDS = {"merger", "takeover", "acquisition", "purchase", "buyout", "sale", "definitive"}
SUPPLY_ACTS = {"supply", "provide", "build", "make", "manufacture", "deliver", "produce", "develop"}
END_VERBS = {
    "terminate",
    "scrap",
    "end",
    "cancel",
    "call",
    "walk",
    "exit",
    "abandon",
    "pull",
    "dissolve",
    "quit",
}
SAY = {"say", "announce", "state", "add"}
PAIR_NOUNS = {"companies", "groups", "firms", "partners", "sides", "carmakers", "automakers", "two"}
RIGHTS_VERBS = {"sell", "license", "licence", "grant", "transfer"}
RIGHTS = {"right", "rights", "license", "licence", "patent", "patents", "technology"}
DEAL_ACTS = {"buy", "acquire", "purchase", "merge", "take", "sell"}
# "a deferred prosecution agreement with the Justice Department", "a plea agreement": a case's end, no deal
CASE_DEALS = {"prosecution", "non-prosecution", "plea", "settlement", "consent"}
WON = {"win", "secure", "land", "clinch", "bag"}
PARTNER_ROLES = {"partner", "customer", "client", "supplier", "distributor", "licensee", "sponsor", "vendor",
                 "provider", "bank"}  # fmt: skip
# "won a $1 billion order from Y", "Y placed an order with X": a purchase order is a supply deal
ORDER_VERBS = WON | {"receive", "place", "book", "get"}
# Words one of which a sentence needs for any token of it to start a fact in `match`.
TRIGGERS = NOUNS | DIRECT_VERBS | RIGHTS_VERBS | {"agree", "sign", "order", "jointly", "upfront", "up-front"}
UPFRONT = {"upfront", "up-front"}


class AgreementExtractor(FactExtractor):
    fact_type = "agreement"

    def match(self, doc, sent):
        if sentence_words(sent).isdisjoint(TRIGGERS):
            return  # no token below can be a trigger
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            pairs = []
            anchor = None
            if (
                tok.pos_ in ("NOUN", "PROPN")
                and (lemma in NOUNS or tok.lower_ in NOUNS or lemma == "order" and self.order_won(tok))
                and (lemma != "sheet" or any(c.lower_ == "term" for c in tok.children))
            ):
                if any(c.dep_ in ("acl", "relcl") and c.lemma_ in DEAL_ACTS and not self.sells_goods(c)
                       for c in tok.children):  # fmt: skip
                    continue  # "a deal to buy Y" is an acquisition
                if any(c.dep_ == "neg" or c.lower_ == "no" for c in tok.children):
                    continue
                if any(
                    c.dep_ in ("compound", "amod") and c.lemma_.lower() in CASE_DEALS for c in tok.children
                ):
                    continue
                made = self.made_with(tok)
                told = None if made else self.told_under(doc, tok)
                if made:
                    # "a memorandum that SK hynix signed with TSMC", "under an agreement signed with Airbus"
                    pairs, status, trig = self.pairs(*made), "signed", tok
                elif told:
                    pairs, status, trig = self.pairs(*told), "signed", tok
                else:
                    chain = governing(tok)
                    verb = next((g for g in chain[1:] if g.pos_ in ("VERB", "AUX")), None)
                    # "develops the drug under a collaboration with Y": work done under a standing deal
                    under = (
                        tok.dep_ == "pobj"
                        and tok.head.lower_ in ("under", "through")
                        and bool(prep_entities(tok, ["with"]))
                    )
                    if (
                        verb is None or verb.lemma_.lower() not in MAKE_VERBS | END_VERBS | ORDER_VERBS
                    ) and not under:
                        if not prep_entities(tok, ["between"]):
                            continue
                    between = prep_entities(tok, ["between"])
                    if len(between) >= 2:
                        pairs = list(combinations(between, 2))
                    else:
                        parties = (agents(verb) if verb is not None else []) or poss_entity(tok)
                        counters = (
                            prep_entities(tok, ["with", "from", "to"])
                            # "won a contract worth $1.2 billion from Y": the client hangs on "worth"
                            or [
                                k
                                for c in tok.children
                                if c.lower_ == "worth"
                                for k in prep_entities(c, ["from", "with"])
                            ]
                            or (prep_entities(verb, ["with", "from"]) if verb is not None else [])
                            or self.inner_with(tok)
                            or self.supplied(tok)
                            or self.client(tok, verb)
                        )
                        if verb is not None and verb.lemma_ == "award":
                            counters = counters or [
                                k for c in verb.children if c.dep_ == "dative" for k in expand(c)
                            ]
                            if any(c.dep_ == "nsubjpass" for c in verb.children):
                                # "X has been awarded a contract by Y": X won it from Y
                                counters = counters or agents(verb) or prep_entities(tok, ["by"])
                                parties = [
                                    k for c in verb.children if c.dep_ == "nsubjpass" for k in expand(c)
                                ]
                        if lemma == "order":
                            counters = [k for k in counters if doc._.entities[k].type == "ORG"]
                        pairs = self.pairs(parties, counters)
                    status = self.status(chain)
                    trig = tok
                    if status == "terminated" and verb is not None:
                        # "terminate the deal, which was first announced in August": dated by the ending
                        anchor = verb
            elif (
                tok.pos_ == "VERB"
                and lemma == "agree"
                and any(c.dep_ == "xcomp" and c.lemma_ not in DEAL_ACTS | END_VERBS for c in tok.children)
                and [k for k in prep_entities(tok, ["with"]) if doc._.entities[k].type == "ORG"]
            ):
                # "X said it had agreed with Y to jointly build a plant"
                counters = [k for k in prep_entities(tok, ["with"]) if doc._.entities[k].type == "ORG"]
                pairs, status, trig = self.pairs(agents(tok), counters), "signed", tok
            elif (
                tok.pos_ == "VERB"
                and lemma == "agree"
                and any(c.dep_ == "xcomp" and c.lemma_ not in DEAL_ACTS | END_VERBS for c in tok.children)
                and len(self.pair_before(doc, sent, tok) or agents(tok)) >= 2
            ):
                # "Vodafone and Three have agreed to combine...", "they agreed to jointly develop..."
                # a pronoun continues the story of the last deal told, before any two names nearby
                pairs = list(combinations((self.pair_before(doc, sent, tok) or agents(tok))[:2], 2))
                status, trig = "signed", tok
            elif tok.pos_ == "VERB" and lemma == "pay" and self.licensor(tok):
                # "X agreed to pay Y $50 million upfront for a drug", "X paid $N upfront for Y's candidate"
                pairs, status, trig = self.pairs(agents(tok), self.licensor(tok)), "signed", tok
            elif tok.pos_ == "VERB" and lemma == "sign" and self.signed_up(tok):
                # "has signed up Axis Bank, HDFC Bank and Yes Bank as partner banks"
                pairs = self.pairs(agents(tok), patients(tok))
                status, trig = "signed", tok
            elif tok.pos_ == "VERB" and lemma in RIGHTS_VERBS and self.rights(tok):
                # "X sold the streaming rights to its games to Y", "X licensed its patents to Y"
                # "Y licensed X's technology for its phones": from the owner of the rights
                owners = [k for c in tok.children if c.dep_ == "dobj" for k in poss_entity(c)]
                pairs = self.pairs(agents(tok), prep_entities(tok, ["to"]) or owners)
                status, trig = "signed", tok
            elif (
                tok.pos_ == "VERB"
                and lemma not in DIRECT_VERBS
                and any(c.dep_ == "advmod" and c.lower_ == "jointly" for c in tok.children)
                and tok.dep_ not in ("relcl", "acl", "xcomp")
            ):
                # "X and Y will jointly develop electric vehicles": a joint project is a deal between them
                parties = [k for k in agents(tok) if doc._.entities[k].type == "ORG"]
                pairs = self.pairs(parties, prep_entities(tok, ["with"]))
                status, trig = self.status(governing(tok)), tok
            elif tok.pos_ == "VERB" and lemma in DIRECT_VERBS:
                parties = agents(tok)
                counters = prep_entities(tok, ["with"])
                if lemma == "team":
                    counters = counters or [k for c in tok.children if c.dep_ == "prt"
                                            for k in prep_entities(c, ["with"])]  # fmt: skip
                if lemma == "join" and not counters:
                    continue
                if lemma == "work" and not counters and not any(c.lower_ in ("together", "jointly")
                                                                for c in tok.children):  # fmt: skip
                    continue  # "the bank still has Archegos and Greensill to work through"
                if lemma == "supply":
                    # "X will supply batteries to Y", "X agreed to supply Y with trucks": Y buys
                    counters = prep_entities(tok, ["to"]) + [
                        k for c in tok.children if c.dep_ == "dobj" for k in prep_entities(c, ["to"])
                    ]
                    if prep_entities(tok, ["with"]) or any(c.lower_ == "with" for c in tok.children):
                        counters = counters or [
                            k for c in tok.children if c.dep_ == "dobj" for k in expand(c)
                        ]
                if lemma == "work":
                    # "X is working with Y on a new chip": a joint project, with a company
                    # ("a bank working with X on the sale" advises; it is not a partner)
                    on = any(c.dep_ == "prep" and c.lower_ in ("on", "to") and not any(
                        p.lemma_ in ADVISED for p in c.children) for c in tok.children)  # fmt: skip
                    counters = [k for k in counters if doc._.entities[k].type == "ORG"] if on else []
                if lemma in ("select", "choose", "pick", "tap"):
                    # "X was selected by Y to supply engines": Y's supplier
                    if not any(
                        c.dep_ in ("xcomp", "advcl") and c.lemma_ in SUPPLY_ACTS for c in tok.children
                    ):
                        continue
                    counters = prep_entities(tok, ["by"])
                    parties = [k for c in tok.children if c.dep_ == "nsubjpass" for k in expand(c)]
                    if not parties:
                        # "X has tapped Y to supply batteries": Y is X's supplier
                        counters = agents(tok)
                        parties = [k for c in tok.children if c.dep_ == "dobj" for k in expand(c)]
                if lemma in ("cooperate", "collaborate", "work"):
                    # "would keep cooperating fully with the FAA": helping an authority is no deal with it;
                    # nor is working with anyone on an investigation
                    counters = [k for k in counters if doc._.entities[k].type != "GOV"
                                and doc._.entities[k].kind != "regulator"]  # fmt: skip
                    if any(
                        t.lemma_ in INQUIRIES for c in tok.children if c.dep_ == "prep" for t in c.subtree
                    ):
                        counters = []
                pairs = self.pairs(parties, counters)
                status, trig = self.status(governing(tok)), tok
            else:
                continue
            value = money_near(doc, sent)
            for a, b in pairs:
                if any(doc._.entities[k].kind == "publication" for k in (a, b)):
                    continue
                na, nb = doc._.entities[a].name.lower(), doc._.entities[b].name.lower()
                if na in nb or nb in na:
                    continue  # "Amazon" and "Amazon Web Services": one group
                args = {"party": a, "counterparty": b, "subject": None, "value": value[0] if value else None}
                if self.generic(trig):
                    doc.user_data.setdefault(GENERIC_DEALS, []).append(len(doc._.facts))
                    if any(c.dep_ == "compound" for c in trig.children):
                        doc.user_data.setdefault(MERGER_DEALS, []).append(len(doc._.facts))
                said = joint_statement(doc, sent, trig)
                if anchor is not None:
                    said["time"] = joint_statement(doc, sent, anchor)["time"]
                yield self.fact(doc, trig, args, status=status, **said)

    @staticmethod
    def generic(tok):
        """'the deal', 'a merger agreement': words that may name a takeover rather than a partnership."""
        if tok.lemma_.lower() not in GENERIC or tok.pos_ not in ("NOUN", "PROPN"):
            return False
        return all(c.lemma_.lower() in TAKEOVER_WORDS for c in tok.children if c.dep_ == "compound")

    @staticmethod
    def licensor(tok):
        """Who is paid upfront: an upfront fee buys rights to an asset (a licence), not a company, so the one
        paid or the asset's owner is the counterparty."""
        objs = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod", "advmod")]
        if not any(c.lower_ in UPFRONT or any(d.lower_ in UPFRONT for d in c.children) for c in objs):
            return []
        paid = [k for c in tok.children if c.dep_ == "dative" for k in expand(c)]
        owners = [k for t in (tok, *objs) for c in t.children if c.dep_ == "prep" and c.lower_ == "for"
                  for p in c.children if p.dep_ == "pobj" for k in poss_entity(p)]  # fmt: skip
        return [k for k in paid or owners if tok.doc._.entities[k].type == "ORG"]

    @staticmethod
    def signed_up(tok):
        """'signed up X as a partner': a company taken on as a partner, client or supplier."""
        roles = [p for t in [tok, *tok.children] for c in t.children if c.dep_ == "prep" and c.lower_ == "as"
                 for p in c.children]  # fmt: skip
        if any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
            return bool(roles)
        # "has signed Y as a customer": without the particle, only a company taken on in a business role
        return any(c.dep_ == "dobj" and entity_of(c) and c.doc._.entities[entity_of(c)].type == "ORG"
                   for c in tok.children) and any(p.lemma_ in PARTNER_ROLES for p in roles)  # fmt: skip

    @staticmethod
    def made_with(tok):
        """(parties, counterparties) of an agreement whose own clause says who made it with whom: 'a joint
        venture it formed with Y' (the clause's subject), 'under an agreement signed with Y, X will ...'
        (the subject of the clause the agreement is in)."""
        # "a memorandum of understanding that X signed": the clause may hang on the name's last word
        named = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        for c in [d for t in [tok, *named] for d in t.children]:
            if c.dep_ not in ("relcl", "acl") or c.lemma_.lower() not in MAKE_VERBS:
                continue
            counters = prep_entities(c, ["with"])
            if not counters:
                continue
            parties = agents(c) if c.dep_ == "relcl" else []
            if not parties:
                verb = next((g for g in governing(tok)[1:] if g.pos_ in ("VERB", "AUX")), None)
                parties = agents(verb) if verb is not None else []
            return parties, counters
        return None

    @staticmethod
    def supplied(tok):
        """'a deal to supply Y with batteries', 'a contract to provide Y with cloud services'."""
        return [k for c in tok.children if c.dep_ in ("acl", "relcl") and c.lemma_ in SUPPLY_ACTS
                for d in c.children if d.dep_ in ("dobj", "dative") for k in expand(d)]  # fmt: skip

    @staticmethod
    def told_under(doc, tok):
        """'Under the agreement, Intel will build processors that Nvidia will plug into its servers': the
        deal told before binds the subject of the clause to the other company the clause names."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "under" or prep_entities(tok, ["with"]):
            return None
        verb = tok.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        # "will provide cloud services to Y under a $10 billion deal": a new deal, told by what it is for
        if verb.lemma_ not in SUPPLY_ACTS and not any(
            c.lower_ in ("the", "this", "that") for c in tok.children
        ):
            return None
        parties = agents(verb)
        skip = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") or c.i == tok.head.i
                for t in c.subtree}  # fmt: skip
        others = [
            entity_of(t) for t in verb.subtree if t.i not in skip and t.pos_ == "PROPN" and entity_of(t)
        ]
        counters = [k for k in dict.fromkeys(others) if k not in parties and doc._.entities[k].type == "ORG"]
        return (parties, counters) if parties and counters else None

    @staticmethod
    def sells_goods(verb):
        """'an agreement with Y to sell its drug in China': a distribution deal, not the sale of a company."""
        if verb.lemma_ != "sell":
            return False
        goods = [c for c in verb.children if c.dep_ == "dobj"]
        return bool(goods) and not any(
            entity_of(c)
            or c.lower_ in ("itself", "themselves")
            or c.lemma_ in ("stake", "unit", "business", "division")
            for c in goods
        )

    @staticmethod
    def order_won(tok):
        """'won a $1 billion order from Y', 'Y placed an order with X'; a court's or a president's order is none."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.lemma_ not in ORDER_VERBS:
            return False
        return not any(
            c.lower_ in ("court", "executive", "restraining", "gag", "purchase") for c in tok.children
        )

    @staticmethod
    def client(tok, verb):
        """'won a contract worth $16 billion to manufacture chips for Tesla': the client the work is for."""
        if verb is None or verb.lemma_ not in WON or tok.lemma_ not in ("contract", "deal", "order"):
            return []
        makes = [t for t in verb.subtree if t.pos_ == "VERB" and t.lemma_ in SUPPLY_ACTS]
        return [k for t in makes for d in (t, *[c for c in t.children if c.dep_ == "dobj"])
                for k in prep_entities(d, ["for"])]  # fmt: skip

    @staticmethod
    def rights(tok):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in RIGHTS for c in tok.children)

    @staticmethod
    def pair_before(doc, sent, tok):
        """'In March, the two signed an MoU. In August they agreed to...': the pair of the last deal told."""
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj or subj[0].lower_ not in ("they", "two", "both"):
            return []
        lo = max(0, sent.start_char - 600)
        for f in reversed(doc._.facts):
            if f.type in ("agreement", "talks") and lo <= f.evidence[0][0] < sent.start_char:
                return [f.args["party"], f.args["counterparty"]]
        return []

    @staticmethod
    def inner_with(tok):
        """'a memorandum of understanding with Y': the "with" hangs inside the agreement's name."""
        return [k for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "with" and t.head.i != tok.i
                for p in t.children if p.dep_ == "pobj" for k in expand(p)]  # fmt: skip

    @staticmethod
    def pairs(parties, counters):
        if not counters and len(parties) >= 2:
            return list(combinations(parties, 2))
        return [(p, c) for p in parties for c in counters if p != c]

    @staticmethod
    def status(chain):
        for g in chain:
            lemma = g.lemma_.lower()
            if lemma in END_VERBS and not (
                lemma == "call" and not any(c.lower_ == "off" for c in g.children)
            ):
                return "terminated"
            if lemma in ("complete", "close"):
                return "completed"
        return "signed"


def joint_statement(doc, sent, trig) -> dict:
    """Source, certainty and time of a deal the two sides state: '..., the companies said on Monday'.
    Parties speaking of their own deal state it; a hedge in the clause still makes it possible."""
    cue = next((t for t in tokens(sent) if t.lemma_ in SAY and t.pos_ == "VERB" and _pair_speaks(t)), None)
    time = time_near(doc, sent, trig)
    if cue is None:
        return {"time": time}
    return {
        "time": time or time_near(doc, sent, cue),
        "source": Source("organization", doc[cue.left_edge.i : cue.i].text or None),
        "certainty": certainty_at(doc, trig, False),
    }


def _pair_speaks(verb) -> bool:
    """'the companies said', 'both firms announced', 'the two said'."""
    return any(
        c.dep_ == "nsubj"
        and c.lower_ in PAIR_NOUNS
        and any(d.lower_ in ("the", "both", "two") for d in c.children)
        for c in verb.children
    )


def drop_takeover_deals(doc) -> None:
    """'Acme announced the deal': between a buyer and its target, the deal is the takeover itself."""
    marked = {id(doc._.facts[i]) for i in doc.user_data.pop(GENERIC_DEALS, [])}
    mergers = {id(doc._.facts[i]) for i in doc.user_data.pop(MERGER_DEALS, [])}
    takeovers = {frozenset((f.args.get("acquirer"), f.args.get("target"))) for f in doc._.facts
                 if f.type == "acquisition"}  # fmt: skip
    for deal in doc._.facts:
        pair = frozenset((deal.args.get("party"), deal.args.get("counterparty")))
        if id(deal) in mergers and pair not in takeovers and deal.status in ("signed", "terminated"):
            # "X and Y agreed to terminate their merger agreement": the only telling of the takeover;
            # wire copy names the buyer first
            first = {}
            for t in doc:
                first.setdefault(entity_of(t), t.i)
            buyer, target = sorted(
                (deal.args["party"], deal.args["counterparty"]), key=lambda k: first.get(k, 0)
            )
            deal.type = "acquisition"
            deal.args = {
                "acquirer": buyer,
                "target": target,
                "value": deal.args.get("value"),
                "stake_pct": None,
            }
            deal.status = "abandoned" if deal.status == "terminated" else "announced"
            takeovers.add(pair)
            marked.discard(id(deal))
    for deal in doc._.facts:
        if id(deal) not in marked or deal.status != "terminated":
            continue
        # "they agreed to terminate the deal": the takeover between the two is abandoned
        pair = frozenset((deal.args["party"], deal.args["counterparty"]))
        for f in doc._.facts:
            if f.type == "acquisition" and (f.status in ("announced", "rumored") or f.time is None) \
                    and frozenset((f.args.get("acquirer"), f.args.get("target"))) == pair:  # fmt: skip
                if f.status in ("announced", "rumored", "abandoned"):
                    f.status = "abandoned"
                    f.time = f.time or deal.time
    doc._.facts = [f for f in doc._.facts if id(f) not in marked
                   or frozenset((f.args["party"], f.args["counterparty"])) not in takeovers]  # fmt: skip
