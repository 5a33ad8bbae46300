"""investment: 'X pledged to invest $10 billion in EVs', 'X led a $200 million round in Y', 'X poured $N into Y'."""

from __future__ import annotations

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    company_of,
    expand,
    governing,
    is_bullet,
    main_org,
    money_near,
    patients,
    poss_entity,
    prep_entities,
    sentence_words,
    subject_tokens,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.extract.reported import unhedge
from newsgraph.nlp.shared import entity_of, sent_of, span_text

VERBS = {"invest", "pledge", "commit", "earmark", "pour", "inject", "allocate", "plow", "plough", "spend",
         "back", "fund", "finance", "bankroll", "put", "pump", "funnel", "provide", "contribute"}  # fmt: skip
PLANNED = {"pledge", "commit", "earmark", "plan", "aim", "intend", "will", "would", "expect", "seek", "propose",
           "announce", "set", "allocate", "promise", "vow", "prepare", "consider", "hope", "to"}  # fmt: skip
WITHDRAWN = {"withdraw", "scrap", "cancel", "pull", "shelve", "abandon", "halt"}
PLANTS = {"plant", "factory", "facility", "gigafactory", "fab", "site", "campus", "centre", "center", "mine",
          "refinery", "warehouse", "hub"}  # fmt: skip
BACKED_DEALS = {
    "deal",
    "buyout",
    "takeover",
    "bid",
    "offer",
    "acquisition",
    "merger",
    "transaction",
    "tender",
}
SECURITIES = {"stock", "shares", "bonds", "notes", "debentures", "warrants", "securities"}
ROUND_NOUNS = {"round", "funding", "financing", "capital", "investment", "series"}
# "spending billions of dollars on new capacity", "investing heavily in AI": sums without a figure.
# Money spent returning cash to shareholders or on a defence is no investment.
NOT_INVESTED = {"buyback", "buybacks", "repurchase", "repurchases", "dividend", "dividends", "share", "shares",
                "legal", "lawyers", "lobbying", "marketing", "advertising", "fines", "travel", "staff", "salaries",
                "wages", "payroll", "hiring", "bonuses", "consultants", "overhead", "administration", "perks",
                "entertainment", "benefits"}  # fmt: skip
VAGUE_SUMS = {"billions", "millions", "trillions", "hundreds", "tens", "heavily", "lot", "fortune"}
CAPEX_VERBS = {
    # "expects capex of $8 billion to $9 billion in 2025": the plan said as a forecast
    "expect",
    "forecast",
    "project",
    "see",
    "plan",
    "announce",
    "unveil",
    "earmark",
    "budget",
    "set",
    "pledge",
    "commit",
    "approve",
    "allocate",
}
# "had both built stakes in the company", "took a 5% stake in Y": a holding short of control.
STAKE_VERBS = {"take", "build", "amass", "accumulate", "acquire", "buy"}
# "capital spending this year would come in above $30 billion": the capex figure is the subject.
CAPEX_SUBJECT_VERBS = {"come", "total", "reach", "be", "exceed", "top", "rise", "climb", "increase", "grow"}
# "a bridge loan which finances the purchase price": money for a deal, no investment.
DEAL_COSTS = {"purchase", "acquisition", "deal", "transaction", "takeover", "price", "buyout", "merger"}
PLAN_NOUNS = {"plan", "pledge", "commitment", "promise", "proposal", "decision", "intention"}
PLAN_WORDS = (
    "will",
    "would",
    "plan",
    "agree",
    "offer",
    "propos",
    "consider",
    "intend",
    "aim",
    "seek",
    "announc",
    "unveil",
)

# "will raise spending on oil and gas to $10 billion", "slashing planned investment by $5 billion"
SPEND_NOUNS = {"spending", "investment", "capex", "expenditure"}
SPEND_UP = {"raise", "increase", "boost", "lift", "double", "step", "ramp", "expand"}
SPEND_DOWN = {"cut", "slash", "reduce", "trim", "lower", "scale", "pare", "halve"}
# "spent years digesting the purchase": time spent is no money spent
DURATIONS = {"year", "month", "week", "day", "time", "decade", "hour", "quarter"}
# "set aside $1.2 billion to repay merchants": a provision for a liability, not an investment
PROVISIONS = {"repay", "pay", "cover", "compensate", "settle", "refund", "reimburse", "absorb", "resolve"}
PROVISION_NOUNS = {"loss", "claim", "fine", "penalty", "litigation", "cost", "charge", "settlement", "refund",
                   "compensation", "liability", "lawsuit", "payment"}  # fmt: skip
VENTURES = {"venture", "jv"}
GRANTS = {"grant", "subsidy", "award"}
GIVE = {"finalize", "finalise", "award", "give", "approve", "announce", "grant", "provide", "extend", "issue",
        "offer", "confirm", "sign", "complete"}  # fmt: skip
FUNDS = ROUND_NOUNS | {"grant", "subsidy", "equity"}
CAPACITY = PLANTS | {"capacity", "production", "manufacturing", "infrastructure", "facility", "fab", "plant"}

# Words one of which a sentence needs for any token of it to start a fact in `match`.
TRIGGERS = (
    VERBS | STAKE_VERBS | {"set", "build", "construct", "open", "establish", "investment"}
    | {"capex", "expenditure", "spending"} | {"raise", "lead", "close", "secure", "participate", "join"}
    | {"receive", "obtain"}
    | {"purchase", "subscribe"}
    | GRANTS  # "took part in the round", "buy $400 million of stock in Y"
)  # fmt: skip


class InvestmentExtractor(FactExtractor):
    fact_type = "investment"

    def match(self, doc, sent):
        if sentence_words(sent).isdisjoint(TRIGGERS):
            return  # no token below can be a trigger
        seen = set()
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and (lemma in VERBS or lemma == "set" and self.set_aside(tok)):
                if lemma in ("back", "fund", "finance") and not money_near(doc, sent):
                    continue
                if any(c.dep_ == "xcomp" and c.lemma_ in VERBS for c in tok.children):
                    continue  # "has pledged to spend $37 billion": the spending verb tells it
                if lemma == "spend" and any(c.dep_ == "dobj" and c.lemma_ in DURATIONS for c in tok.children):
                    continue
                if lemma == "set" and self.provision(tok):
                    continue
                if lemma in ("back", "fund", "finance") and (
                    tok.dep_ == "advcl"
                    or tok.dep_ == "xcomp"
                    and tok.head.lemma_ == "help"
                    and tok.head.dep_ == "advcl"
                ):
                    continue  # "arranged $1 billion in loans to finance a fleet": the main verb tells the deal
                if lemma == "put" and not (
                    # "SoftBank put in $2 billion", "will put $2 billion into Y": money, not things, put in
                    any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in tok.children)
                    and (
                        any(c.lower_ in ("in", "into") and c.dep_ in ("prt", "prep") for c in tok.children)
                        # "will put up $1 billion for the new fab"
                        or any(c.lower_ == "up" and c.dep_ == "prt" for c in tok.children)
                        and any(
                            c.lower_ in ("for", "toward", "towards") for c in tok.children if c.dep_ == "prep"
                        )
                    )
                ):
                    continue
                if lemma == "provide" and not self.funds_provided(tok):
                    continue
                if lemma == "contribute" and not self.share_of_round(tok):
                    continue
                if lemma in ("fund", "finance") and any(
                    c.dep_ == "dobj" and c.lemma_ in DEAL_COSTS for c in tok.children
                ):
                    continue
                if lemma == "back" and any(
                    t.lower_ in BACKED_DEALS for c in tok.children if c.dep_ == "dobj" for t in c.subtree
                ):
                    continue  # "Toshiba backs a $15 billion buyout": a board's support, no money of its own
                investors = agents(tok) or self.planner(tok) or self.venture_partner(doc, sent, tok)
                targets = [k for k in prep_entities(tok, ["in", "into", "to", "for"]) if k not in investors]
                # "invest $700 million in Xpeng": the parser often hangs "in" on the amount
                targets = targets or [k for c in tok.children if c.dep_ == "dobj"
                                      for k in prep_entities(c, ["in", "into"]) if k not in investors]  # fmt: skip
                if lemma in ("back", "fund", "finance", "bankroll"):
                    targets = targets or [k for k in patients(tok) if k not in investors]
                # "would put up to 300 billion yen into the deal": into the company the deal buys
                targets = targets or [k for k in self.deal_target(doc, tok) if k not in investors]
                targets = targets or [k for k in self.antecedent_target(tok) if k not in investors]
                if (
                    lemma == "put" and not any(c.dep_ == "prep" for c in tok.children)
                ) or lemma == "contribute":
                    # "SoftBank put in $2 billion", "X is contributing $1 billion of the total"
                    targets = targets or self.told_target(doc, sent, investors)
                targets = targets or self.issuer(doc, sent, tok, investors)
                money = self.amount(doc, sent, tok)
                if lemma == "provide" and not targets:
                    continue  # funds provided to no one named: for a project, told elsewhere
                if not investors or (
                    money is None and not targets and not self.vague_sum(tok) and not self.into_capacity(tok)
                ):
                    continue
                status = self.status(tok)
            elif (
                tok.pos_ == "VERB"
                and lemma in ("build", "construct", "open", "establish", "set")
                and any(c.dep_ == "dobj" and c.lemma_ in PLANTS for c in tok.children)
            ):
                investors, targets = [k for k in agents(tok) if doc._.entities[k].type == "ORG"], []
                money = self.amount(doc, sent, tok)
                if not investors:
                    continue
                status = self.status(tok)
            elif tok.pos_ == "NOUN" and lemma in SPEND_NOUNS and self.spending_changed(doc, tok):
                verb = tok.head
                investors = [k for k in agents(verb) if doc._.entities[k].type == "ORG"]
                targets, money = [], self.amount(doc, sent, verb)
                if not investors:
                    continue
                status = "withdrawn" if verb.lemma_ in SPEND_DOWN else self.status(verb)
            elif (
                tok.pos_ == "NOUN"
                and lemma == "investment"
                and (self.noun_targets(tok) or self.priced(doc, tok))
            ):
                targets = self.noun_targets(tok)
                investors = poss_entity(tok) or next(
                    (agents(g) for g in governing(tok)[1:] if g.pos_ in ("VERB", "AUX")), []
                )
                if not investors and tok.dep_ == "ROOT" and is_bullet(sent) and main_org(doc):
                    investors = [
                        main_org(doc)
                    ]  # "- Net investments of EUR 1.6 billion": the issuer's highlights
                money = self.amount(doc, sent, tok)
                if not investors:
                    continue
                status = "planned" if any(w in span_text(sent).lower() for w in PLAN_WORDS) else "made"
            elif self.grant_awarded(tok):
                # "the Commerce Department finalized a grant of up to $7.9 billion for Y": public money given
                investors, targets = agents(tok.head), self.grant_awarded(tok)
                if not investors:
                    continue
                money, status = self.amount(doc, sent, tok), self.status(tok.head)
            elif self.securities_bought(tok):
                # "agreed to buy $400 million of preferred stock in MP Materials"
                investors = agents(tok)
                held = [t for t in tok.subtree if t.lower_ in SECURITIES] + [tok]  # "in" may hang on the verb
                targets = [k for t in held for k in prep_entities(t, ["in", "of"]) if k not in investors]
                # "bought $500 million of Widget shares"
                targets = targets or [entity_of(c) for t in held if t.i != tok.i for c in t.children
                                      if c.dep_ in ("compound", "poss") and entity_of(c) not in (None, *investors)
                                      and doc._.entities[entity_of(c)].type == "ORG"]  # fmt: skip
                if not investors or not targets:
                    continue
                money, status = self.amount(doc, sent, tok), self.status(tok)
            elif self.stake_built(tok):
                investors = agents(tok)
                stakes = [c for c in tok.children if c.dep_ == "dobj"]
                targets = [k for k in prep_entities(stakes[0], ["in"]) if k not in investors]
                if not targets and not any(
                    c.lower_ in ("in", "of") for t in (tok, stakes[0]) for c in t.children
                ):
                    targets = self.told_target(
                        doc, sent, investors
                    )  # "agreed to take a 9.9% stake for $8.9 billion"
                if not investors or not targets:
                    continue
                money, status = self.amount(doc, sent, tok), self.status(tok)
            elif self.capex_subject(doc, tok):
                # "the CFO told analysts that capital spending this year would come in above $30 billion"
                verb = tok.head
                speaker = verb.head if verb.dep_ == "ccomp" else None
                investors = poss_entity(tok) or [
                    company_of(doc, k) for k in (agents(speaker) if speaker else [])
                ]
                investors = [k for k in investors if doc._.entities[k].type == "ORG"]
                if not investors and speaker is not None and agents(speaker):
                    investors = [main_org(doc)] if main_org(doc) else []  # "the chief financial officer told"
                targets, money = [], self.amount(doc, sent, verb)
                if not investors:
                    continue
                status = "planned"
            elif self.capex(doc, tok):
                # "said it plans capital expenditure of about $20 billion this year"
                investors = [
                    k for k in poss_entity(tok) or agents(tok.head) if doc._.entities[k].type == "ORG"
                ]
                targets, money = [], self.amount(doc, sent, tok)
                if not investors:
                    continue
                status = "planned"
            elif tok.pos_ == "VERB" and (
                lemma in ("raise", "lead", "close", "secure", "participate", "join", "receive", "obtain")
                and self.is_round(tok)
                or self.took_part(tok)
                or lemma == "raise"
                and self.backers(doc, tok)
            ):
                money = self.amount(doc, sent, tok)
                if lemma in ("lead", "participate", "join") or self.took_part(tok):
                    # "X led a $200 million funding round in Y", "X led Y's Series B", "X participated in Y's round"
                    investors = agents(tok)
                    rounds = [c for c in tok.children if c.dep_ == "dobj"] + [
                        p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                    ]
                    targets = [k for c in rounds for k in prep_entities(c, ["in", "for"]) + poss_entity(c)]
                    targets = [k for k in targets if k not in investors]
                    if lemma != "lead" and not targets:
                        # "Existing investors A and B also took part": in the round the article reports
                        targets = [f.args["target"] for f in doc._.facts
                                   if f.type == "investment" and f.args.get("target") and self.is_round(tok)][-1:]  # fmt: skip
                        targets = [k for k in targets if k not in investors]
                    if lemma != "lead" and not targets:
                        continue
                else:
                    targets = agents(tok)
                    investors = [k for c in tok.subtree if c.lemma_ == "lead" and c.pos_ == "VERB"
                                 for k in prep_entities(c, ["by"])]  # fmt: skip
                    # "secured $50 million in funding from Acme"
                    investors = investors or [
                        k for c in tok.subtree if c.lower_ in ROUND_NOUNS for k in prep_entities(c, ["from"])
                    ]
                    investors = investors or self.backers(doc, tok)
                    investors += [k for k in self.participants(doc, tok) if k not in investors]
                    if not investors:
                        continue
                status = "made"
            else:
                continue
            for inv in investors:
                key = (inv, tuple(targets), money.amount if money else None)
                if key in seen or doc._.entities[inv].kind == "publication":
                    continue
                seen.add(key)
                for target in targets or [None]:
                    args = {"investor": inv, "target": target, "amount": money,
                            "subject": self.subject(tok)}  # fmt: skip
                    fact = self.fact(doc, tok, args, status=status, time=time_near(doc, sent, tok))
                    yield unhedge(doc, fact, tok)

    @staticmethod
    def amount(doc, sent, tok):
        cands = money_near(doc, sent)
        if not cands:
            return None
        head = tok
        while head.dep_ == "xcomp":
            head = head.head
        if head.dep_ == "relcl":
            # "more than $37 billion that Samsung has pledged to spend": the sum the clause is about
            owned = [m for m in cands if m.start <= head.head.idx < m.end]
            if owned:
                return owned[0]
        after = [m for m in cands if m.start >= tok.idx]
        return (after or cands)[0]

    @staticmethod
    def capex(doc, tok):
        """Capital expenditure a company plans or sets aside, with a figure."""
        if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.head.lemma_ not in CAPEX_VERBS:
            return False
        return is_capital_spending(tok) and InvestmentExtractor.priced(doc, tok)

    @staticmethod
    def set_aside(tok):
        """'set aside $1 billion for a new battery plant'."""
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "aside" for c in tok.children)

    @staticmethod
    def provision(tok):
        """'set aside $1.2 billion to repay merchants', '... for legal claims': money held against a
        liability, no investment."""
        purposes = [
            t for t in tok.subtree if t.dep_ in ("xcomp", "advcl", "relcl", "acl") and t.lemma_ in PROVISIONS
        ]
        reasons = [p for c in tok.subtree if c.dep_ == "prep" and c.lower_ == "for"
                   for p in c.children if p.lemma_ in PROVISION_NOUNS]  # fmt: skip
        return bool(purposes or reasons)

    @staticmethod
    def venture_partner(doc, sent, tok):
        """'The joint venture will invest $3 billion in the factory': the venture of the deal told
        before invests its partners' money; the first partner named stands for it."""
        if not any(s.lemma_.lower() in VENTURES for s in subject_tokens(tok)):
            return []
        deals = [f.args["party"] for f in doc._.facts
                 if f.type == "agreement" and f.evidence[0][0] < sent.start_char]  # fmt: skip
        return deals[-1:]

    @staticmethod
    def told_target(doc, sent, investors):
        """Money put in without saying where ('SoftBank put in $2 billion', 'agreed to take a 9.9%
        stake'): into the company the article's last investment went into."""
        told = [f.args["target"] for f in doc._.facts if f.type == "investment" and f.args.get("target")
                and f.evidence[0][0] < sent.start_char]  # fmt: skip
        return [k for k in told[-1:] if k not in investors]

    @staticmethod
    def grant_awarded(tok):
        """Companies a grant or subsidy named by its sum is made out to ('awarded a $50 million grant to Y')."""
        if (
            tok.pos_ != "NOUN"
            or tok.lemma_ not in GRANTS
            or tok.dep_ != "dobj"
            or tok.head.lemma_ not in GIVE
        ):
            return []
        if not any(
            m.start < tok.right_edge.idx + len(tok.right_edge.text) and m.end > tok.left_edge.idx
            for m in tok.doc._.money
        ):
            return []  # fmt: skip
        found = (
            prep_entities(tok, ["for", "to"])
            or prep_entities(tok.head, ["to"])
            or [k for c in tok.head.children if c.dep_ == "dative" for k in expand(c)]
        )
        return [k for k in found if tok.doc._.entities[k].type == "ORG"]

    @staticmethod
    def share_of_round(tok):
        """'X is contributing $1.3 billion of the total': a backer's part of a round, not a contribution to
        revenue or to a fund's performance."""
        return any(
            c.dep_ == "dobj" and c.ent_type_ == "MONEY" and any(
                p.lower_ in ("total", "round", "funding", "financing", "raise") for d in c.children
                if d.dep_ == "prep" and d.lower_ == "of" for p in d.children)
            for c in tok.children
        )  # fmt: skip

    @staticmethod
    def antecedent_target(tok):
        """'a partnership with Y, in which X invested $N', 'Y was valued at $N in a round in which X invested':
        money put into what the relative clause hangs on, or into whoever raised that round."""
        if tok.dep_ != "relcl" or not any(c.dep_ == "prep" and c.lower_ in ("in", "into")
                                          and any(p.lower_ == "which" for p in c.children)
                                          for c in tok.children):  # fmt: skip
            return []
        head = tok.head
        if entity_of(head):
            return [entity_of(head)]
        found = prep_entities(head, ["with", "in", "of", "for"]) + poss_entity(head)
        if not found and head.lemma_ in ROUND_NOUNS and head.dep_ == "pobj" and head.head.dep_ == "prep":
            verb = head.head.head
            found = [k for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for k in expand(c)]
        return [k for k in found if tok.doc._.entities[k].type == "ORG"]

    @staticmethod
    def issuer(doc, sent, tok, investors):
        """'As part of the deal, X committed to subscribe to a capital increase': new shares of the company
        X's deal told before was with."""
        if not any(
            t.lower_ in ("increase", "issue", "placement", "offering")
            and any(c.lower_ in ("capital", "share", "rights", "equity") for c in t.children)
            for t in tok.subtree
        ):
            return []  # fmt: skip
        roles = ("party", "counterparty", "acquirer", "target")
        deals = [f for f in doc._.facts if f.type in ("agreement", "acquisition", "talks")
                 and f.evidence[0][0] <= sent.start_char and any(f.args.get(r) in investors for r in roles)]  # fmt: skip
        return [v for f in deals[-1:] for r, v in f.args.items() if r in roles and v not in investors]

    @staticmethod
    def spending_changed(doc, tok):
        """'will raise spending on oil and gas to $10 billion', 'slashing planned investment in renewables
        by $5 billion': a company's investment budget moved by a stated sum; cost cuts are no investment."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.lemma_ not in SPEND_UP | SPEND_DOWN:
            return False
        if any(t.lower_ in NOT_INVESTED for t in tok.subtree):
            return False
        # "spending on oil and gas": the parser may hang the "on" on the verb
        on = any(
            c.dep_ == "prep" and c.lower_ in ("on", "in", "into") for t in (tok, verb) for c in t.children
        )
        if not (tok.lemma_ == "investment" or is_capital_spending(tok) or tok.lower_ == "capex" or on):
            return False
        lo, hi = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)
        return any(lo <= m.start < hi and m.start > verb.idx for m in doc._.money)

    @staticmethod
    def stake_built(tok):
        """'Elliott and Starboard had both built stakes in the company'; buying one outright with a price
        is read as an acquisition."""
        if tok.pos_ != "VERB" or tok.lemma_ not in STAKE_VERBS:
            return False
        stakes = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_ == "stake"]
        if not stakes:
            return False
        return tok.lemma_ not in ("acquire", "buy") or any(
            c.lower_ in ("minority", "small") for c in stakes[0].children
        )

    @staticmethod
    def capex_subject(doc, tok):
        if tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or tok.head.lemma_ not in CAPEX_SUBJECT_VERBS:
            return False
        capital = is_capital_spending(tok)
        verb = tok.head
        future = any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might") for c in verb.children
        )
        return (
            capital
            and future
            and any(sent_of(verb).start_char <= m.start < sent_of(verb).end_char for m in doc._.money)
        )

    @staticmethod
    def backers(doc, tok):
        """'raised $20 million from investors including Acme': companies money was raised from."""
        ents = doc._.entities
        return [k for k in prep_entities(tok, ["from"]) if ents[k].type == "ORG" and ents[k].kind is None]

    @staticmethod
    def deal_target(doc, tok):
        into = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "into", "to")
                for p in c.children if p.dep_ == "pobj" and p.lemma_ in BACKED_DEALS]  # fmt: skip
        if not into:
            return []
        deals = [f.args["target"] for f in doc._.facts if f.type == "acquisition" and f.args.get("target")]
        return deals[-1:]

    @staticmethod
    def funds_provided(tok):
        """'provided $500 million in funding to Y', 'to provide up to $450 million in grants': money given as
        capital, not services or goods provided."""
        sums = [c for c in tok.children if c.dep_ == "dobj" and c.ent_type_ == "MONEY"]
        return any(p.lemma_ in FUNDS for m in sums for c in m.children if c.dep_ == "prep" and c.lower_ == "in"
                   for p in c.children)  # fmt: skip

    @staticmethod
    def securities_bought(tok):
        """'buy $400 million of preferred stock in X', 'purchase shares of X': money put into a company's
        securities, not a takeover."""
        if tok.pos_ != "VERB" or tok.lemma_ not in ("buy", "purchase", "subscribe"):
            return False
        if any(c.dep_ == "prt" and c.lower_ == "back" for c in tok.children):
            return False  # "buying back its own stock" returns cash to shareholders
        return any(t.lower_ in SECURITIES and t.i > tok.i for t in tok.subtree)

    @staticmethod
    def took_part(tok):
        """'also took part in the Series C round'."""
        return tok.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children)

    @staticmethod
    def participants(doc, tok):
        """'..., with participation from A and B', '... alongside A': the round's other backers."""
        ents = doc._.entities
        found = [
            k for t in tok.subtree if t.lower_ == "participation" for k in prep_entities(t, ["from", "by"])
        ]
        found += [k for k in prep_entities(tok, ["alongside"])]
        return [k for k in found if ents[k].type == "ORG" and ents[k].kind is None]

    @staticmethod
    def planner(tok):
        """'Acme scrapped plans to invest $1 billion': whose plan it was."""
        head = tok.head
        if tok.dep_ != "acl" or head.lemma_ not in PLAN_NOUNS:
            return []
        return poss_entity(head) or (agents(head.head) if head.head.pos_ in ("VERB", "AUX") else [])

    @staticmethod
    def priced(doc, tok):
        """'announced a $4 billion investment in new data centers': a sized investment with no company
        as target."""
        if tok.head.lemma_ in VERBS:
            return False  # "backed Widget with a $100 million investment": read on the verb
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        return any(lo <= m.start < hi for m in doc._.money)

    @staticmethod
    def into_capacity(tok):
        """'to invest in its own production capacity': a company's plan to build up its means of production,
        told without a figure."""
        if tok.lemma_ != "invest":
            return False
        return any(p.lemma_ in CAPACITY for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "into")
                   for p in c.children if p.dep_ == "pobj")  # fmt: skip

    @staticmethod
    def vague_sum(tok):
        """An investment told without a figure: 'spending billions of dollars on new capacity'."""
        objects = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "into")
                   for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        has_object = bool(objects) and not any(t.lower_ in NOT_INVESTED for p in objects for t in p.subtree)
        return has_object and any(
            c.lower_ in VAGUE_SUMS for c in tok.children if c.dep_ in ("dobj", "advmod")
        )

    @staticmethod
    def noun_targets(tok):
        """'an investment of as much as $5 billion in Intel': the parser hangs 'in' on the amount."""
        return prep_entities(tok, ["in", "into"]) or [
            k
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("of", "worth")
            for p in c.children
            if p.dep_ == "pobj"
            for k in prep_entities(p, ["in", "into"])
        ]

    @staticmethod
    def is_round(tok):
        return any(t.lower_ in ROUND_NOUNS for t in tok.subtree)

    @staticmethod
    def subject(tok):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "into", "on", "toward", "towards"):
                return " ".join(t.text for t in c.subtree)[:120]
        return None

    @staticmethod
    def status(tok):
        chain = governing(tok, 3)
        words = {
            t.lemma_.lower()
            for g in chain
            for t in [g, *g.children]
            if t.dep_ in ("aux", "ROOT", "xcomp") or t is g
        }
        if words & WITHDRAWN:
            return "withdrawn"
        if words & PLANNED or tok.tag_ in ("VB", "VBG") and tok.dep_ == "xcomp":
            return "planned"
        if tok.lemma_ in ("pledge", "commit", "earmark"):
            return "planned"
        return "made" if tok.tag_ in ("VBD", "VBN") else "planned"


def is_capital_spending(tok) -> bool:
    """'capex', 'capital expenditure', 'capital spending', 'capital investment'."""
    return tok.lower_ == "capex" or (
        tok.lemma_ in ("expenditure", "spending", "investment")
        and any(c.lower_ == "capital" for c in tok.children if c.dep_ in ("amod", "compound"))
    )
