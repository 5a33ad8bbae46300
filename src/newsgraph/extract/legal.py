"""legal: 'X sued Y', 'X filed a lawsuit against Y', 'REG fined X $N', 'X agreed to pay $N to settle',
'a court ruled against X', 'REG opened an investigation into X', 'X's challenge to the law',
'a judge rejected X's request', 'a court ordered the liquidation of X'."""

from __future__ import annotations

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    all_sentences,
    entities_in,
    expand,
    governing,
    is_headline,
    main_org,
    money_near,
    patients,
    poss_entity,
    prep_entities,
    sentence_words,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.extract.policy import body_country, event_time, is_body, own_voice
from newsgraph.nlp.shared import entity_of, span_text

VERBS = {"sue": "filed", "charge": "filed", "accuse": "filed", "indict": "filed", "fine": "fined",
         "penalize": "fined", "penalise": "fined", "settle": "settled", "rule": "ruled", "order": "ruled",
         "convict": "ruled", "probe": "filed", "investigate": "filed", "countersue": "filed"}  # fmt: skip
NOUNS = {"lawsuit": "filed", "suit": "filed", "complaint": "filed", "case": "filed", "claim": "filed",
         "fine": "fined", "penalty": "fined", "settlement": "settled", "ruling": "ruled", "verdict": "ruled",
         "judgment": "ruled", "judgement": "ruled", "probe": "filed", "investigation": "filed",
         "action": "filed", "charges": "filed", "antitrust": "filed", "petition": "filed", "inquiry": "filed",
         "appeal": "filed", "order": "ruled", "proceeding": "filed", "subpoena": "filed"}  # fmt: skip
# Orders a regulator or court issues against a party; "an order for 50 jets" is a purchase.
ORDER_KINDS = {
    "consent": "settled",
    "desist": "ruled",
    "court": "ruled",
    "enforcement": "ruled",
    "restraining": "ruled",
}
FILE_VERBS = {"file", "bring", "lodge", "launch", "open", "start", "face", "initiate", "pay", "impose", "levy",
              "reach", "win", "lose", "hand", "issue", "agree", "announce", "settle", "conclude", "receive"}  # fmt: skip
COURT_WORDS = ("court", "judge", "jury", "tribunal", "justice", "justices")
# What a court grants or throws out: a party's request in the case.
MOTIONS = {"request", "motion", "petition", "attempt", "bid", "appeal", "application", "lawsuit", "suit",
           "claim", "claims", "case", "complaint", "effort", "challenge", "injunction", "settlement"}  # fmt: skip
# Filings by which a party brings the case rather than defends it.
BRINGS = {"petition", "lawsuit", "suit", "claim", "claims", "case", "complaint", "challenge"}
DECISIONS = {
    "fine",
    "ruling",
    "verdict",
    "decision",
    "judgment",
    "judgement",
    "penalty",
    "conviction",
    "order",
}
COURT_VERBS = {"reject", "deny", "dismiss", "throw", "grant", "uphold", "overturn", "strike", "toss",
               "approve"}  # fmt: skip
# Orders that end a company: "a court ordered the liquidation of X".
REMEDIES = {"liquidation", "winding", "breakup", "break", "dissolution", "divestiture", "sale", "seizure"}
# Purpose clauses of an investigation: "opened an investigation to examine whether X's ...".
INQUIRE = {"examine", "determine", "assess", "establish", "investigate", "probe", "check", "see", "review",
           "look", "decide"}  # fmt: skip
# What a company challenges in court: a government's act.
ACTS = {"law", "rule", "rules", "regulation", "regulations", "decision", "designation", "ban", "order", "act",
        "policy", "measure", "measures", "requirement", "requirements", "restrictions", "fine", "ruling",
        "verdict", "judgment", "penalty", "sanctions", "tariffs"}  # fmt: skip
# Verbs whose subject is the one a case is against: "X is under investigation", "X was hit with a fine".
UNDERGO = {"be", "remain", "hit", "slap", "come", "cooperate"}
HEDGED = {"consider", "weigh", "plan", "mull", "explore", "threaten", "vow", "study", "prepare"}
PRONOUNS = {"it", "its", "they", "their", "he", "she", "his", "her"}
# Words one of which a sentence needs for any token of it to start a fact in `read`.
TRIGGERS = (
    set(VERBS) | set(NOUNS) | COURT_VERBS
    | {"award", "investigate", "probe", "examine", "scrutinize", "impose", "levy", "challenge", "appeal", "pay",
       "side", "find", "plead"}
)  # fmt: skip


class LegalExtractor(FactExtractor):
    fact_type = "legal"

    def __call__(self, doc):
        super().__call__(doc)
        fill_claimants(doc)
        return doc

    def match(self, doc, sent):
        if sentence_words(sent).isdisjoint(TRIGGERS) or is_headline(sent):
            return
        done = set()
        for tok in tokens(sent):
            found = self.read(doc, sent, tok, done)
            if found is None:
                continue
            claimants, defendants, status = found
            defendants = [k for k in defendants if party(doc, k)]
            # A place that sues or fines acts as its government ("California sued", "Luxembourg's watchdog").
            claimants = [k for k in claimants if party(doc, k) or doc._.entities[k].type == "PLACE"]
            if not defendants:
                continue
            claimants = self.complete(doc, sent, tok, claimants, defendants, status)
            hedged = status == "hedged"
            status = None if hedged else status
            money = clause_money(doc, sent, tok)
            for d in defendants:
                for c in claimants or [None]:
                    if c == d or (d, c, status) in done:
                        continue
                    if (
                        status == "filed"
                        and tok.pos_ == "NOUN"
                        and any(x[0] == d and x[2] != "ruled" for x in done)
                    ):
                        continue  # "agreed to pay $100 million to settle a class action": one fact
                    done.add((d, c, status))
                    args = {
                        "claimant": c,
                        "defendant": d,
                        "subject": None,
                        "amount": money[0] if money and not hedged else None,
                    }
                    yield self.fact(doc, tok, args, status=status, time=when(doc, sent, tok),
                                    source=own_voice(doc, tok))  # fmt: skip

    def complete(self, doc, sent, tok, claimants, defendants, status):
        """Who brought the case when the trigger's own phrase does not say."""
        if set(claimants) <= set(defendants) and any(s.lower_ in PRONOUNS for s in subjects(tok)):
            # "its third clash with the company: in June it sued Amazon": the pronoun is the other side
            claimants = self.authority(doc, sent, defendants)
        if not claimants:
            claimants = acting_body(doc, tok, defendants)
        if (
            not claimants
            and status in ("fined", "filed")
            and not (tok.pos_ == "VERB" and tok.lemma_ == "settle")
        ):
            claimants = self.authority(doc, sent, defendants)
        if not claimants:
            # "The complaint accuses Amazon...": the claimant of the case already reported
            claimants = [f.args["claimant"] for f in doc._.facts if f.type == "legal"
                         and f.args.get("defendant") in defendants and f.args.get("claimant")][:1]  # fmt: skip
        if not claimants and (status == "fined" or official_matter(sent)):
            claimants = authority_before(doc, sent, defendants)
        return claimants

    def read(self, doc, sent, tok, done):
        """(claimants, defendants, status) for a trigger word, or None."""
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in COURT_VERBS:
            return court_decision(doc, sent, tok)
        if tok.pos_ == "VERB" and lemma == "award":
            return award(doc, sent, tok)
        if tok.pos_ == "VERB" and lemma in ("investigate", "probe", "examine", "scrutinize"):
            inquiry = inquiry_verb(doc, sent, tok)
            if inquiry is not None:
                return inquiry
        if tok.pos_ == "VERB" and lemma in ("impose", "levy"):
            return imposed(doc, sent, tok)
        if tok.pos_ == "VERB" and lemma in ("challenge", "appeal"):
            return challenge_verb(doc, sent, tok)
        if tok.pos_ == "NOUN" and lemma == "challenge":
            return challenge_noun(doc, sent, tok)
        if tok.pos_ == "VERB" and lemma in VERBS:
            return self.verb(doc, sent, tok)
        if tok.pos_ == "VERB" and lemma == "pay" and self.settles(sent):
            # "3M agreed to pay up to $10.3 billion to settle lawsuits", "agreed to pay a $50 million fine"
            defendants = agents(tok)
            claimants = prep_entities(tok, ["to"]) or self.authority(doc, sent, defendants)
            low = span_text(sent).lower()
            return claimants, defendants, "fined" if "fine" in low or "penalt" in low else "settled"
        if tok.pos_ == "VERB" and lemma == "plead" and any(c.lower_ == "guilty" for c in tok.children):
            # "X pleaded guilty to wire fraud": a criminal case resolved, with the prosecutors
            defendants = agents(tok)
            return self.authority(doc, sent, defendants), defendants, "settled"
        if tok.pos_ == "VERB" and lemma in ("side", "find") and court_in(sent):
            if lemma == "find" and any(x[2] == "ruled" for x in done):
                return None  # "sided with X ..., finding that Y ...": the same verdict
            return self.verdict(doc, sent, tok)
        if tok.pos_ == "NOUN" and lemma in NOUNS:
            return self.noun(doc, sent, tok)
        return None

    def verb(self, doc, sent, tok):
        lemma = tok.lemma_.lower()
        if lemma == "order":
            remedy = court_order(doc, sent, tok)
            if remedy is not None:
                return remedy
            if not any(c.dep_ == "xcomp" and c.lemma_ == "pay" for c in tok.children):
                return None
        if lemma == "rule" and not court_in(sent):
            return None
        claimants = agents(tok)
        defendants = patients(tok) or [k for c in tok.children if c.dep_ == "dative" for k in expand(c)]
        if lemma == "sue" and not defendants:
            # "The FTC sued to block X's acquisition of Y": the buyer is sued
            defendants = [k for x in tok.children if x.dep_ == "xcomp" for o in x.children if o.dep_ == "dobj"
                          for k in poss_entity(o) or expand(o)]  # fmt: skip
        if lemma == "settle":
            defendants, claimants = agents(tok), prep_entities(tok, ["with", "by"])
            # "settled its patent litigation with Y": the other side hangs on the case
            claimants = claimants or [
                k for c in tok.children if c.dep_ == "dobj" for k in prep_entities(c, ["with"])
            ]
        if lemma == "rule":
            return ruling(doc, tok)
        if lemma == "order":
            # "A court ordered X to pay $20 million to Y"
            pay = [c for c in tok.children if c.dep_ == "xcomp" and c.lemma_ == "pay"]
            claimants = [k for p in pay for k in prep_entities(p, ["to"])]
        return claimants, defendants, VERBS[lemma]

    def verdict(self, doc, sent, tok):
        """'A jury sided with X', 'a jury found that Y had illegally ...'."""
        if tok.lemma_.lower() == "find":
            clause = [c for c in tok.children if c.dep_ == "ccomp"]
            losers = [
                k for c in clause for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for k in expand(s)
            ]
            return prep_entities(tok, ["with"]), losers[:1] or patients(tok)[:1], "ruled"
        winners = prep_entities(tok, ["with"]) or [
            k for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for k in entities_in(c.subtree)
        ]
        others = [k for k in entities_in(sent, ("ORG", "PERSON")) if k not in winners]
        return winners[:1], (patients(tok) or others)[:1], "ruled"

    def noun(self, doc, sent, tok):
        lemma = tok.lemma_.lower()
        if (
            tok.dep_ in ("dobj", "nsubjpass")
            and tok.head.lemma_ in COURT_VERBS
            and lemma in BRINGS
            and not any(c.dep_ in ("poss", "acl") for c in tok.children)
            and any(is_court(s) for s in subjects(tok.head))
        ):
            return None  # "a judge dismissed the lawsuit against X": the ruling is the fact
        if tok.dep_ == "pobj" and tok.head.lower_ == "under" and lemma == "settlement":
            return None  # "under the settlement, Y may launch ...": the terms of a settlement told before
        if lemma in ("case", "claim", "action") and not any(
            t.lower_ in ("court", "lawsuit", "legal", "class", "antitrust", "against") for t in sent
        ):
            return None
        if lemma == "order" and not any(c.lower_ in ORDER_KINDS for c in tok.subtree if c.i < tok.i):
            return None
        defendants = prep_entities(tok, ["against", "on", "into", "of", "over"])
        inquiry = lemma in ("investigation", "probe", "inquiry")
        if not defendants and inquiry:
            defendants = inquiry_targets(tok, tok)
        # "faces a lawsuit from X", "is under investigation by X", "a penalty by the FCA"
        claimants = prep_entities(tok, ["from", "by"] if lemma != "settlement" else ["with"])
        status = NOUNS[lemma]
        if lemma == "order":
            status = next(
                ORDER_KINDS[c.lower_] for c in tok.subtree if c.i < tok.i and c.lower_ in ORDER_KINDS
            )
        if not defendants:
            # "an appeal against a fine imposed by the Commission": the one who imposed it
            acts = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "against" for p in c.children
                    if p.lemma_ in ACTS]  # fmt: skip
            defendants = [
                k for a in acts for m in a.children if m.dep_ == "acl" for k in prep_entities(m, ["by"])
            ]
        if not defendants and lemma in BRINGS:
            defendants = deal_blocked(doc, tok)
        filer = next(
            (c for c in tok.children if c.dep_ == "acl" and c.lemma_ in ("file", "bring", "lodge")), None
        )
        if filer is not None:
            claimants = prep_entities(filer, ["by"])  # "a petition first filed in June 2022 by Top Shine"
        verb = next((g for g in governing(tok)[1:] if g.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.lemma_.lower() in FILE_VERBS:
            subj = agents(verb)
            received = verb.lemma_ == "receive" and lemma in (
                "subpoena",
                "fine",
                "penalty",
                "complaint",
                "charges",
            )
            if verb.lemma_ in ("face", "pay", "agree", "settle") or received or lemma == "settlement":
                defendants = defendants or subj
                claimants = claimants or prep_entities(verb, ["with"])
            else:
                claimants = claimants or subj
            defendants = defendants or prep_entities(verb, ["against", "on", "into"])
            if verb.lemma_ in ("impose", "levy", "hand", "issue"):
                defendants = (
                    defendants
                    or prep_entities(verb, ["on", "to"])
                    or [k for c in verb.children if c.dep_ == "dative" for k in expand(c)]
                )
            if verb.lemma_ in ("win", "lose") and tok.dep_ == "dobj":
                status = "ruled"  # "X lost a patent case against Y": the case was decided
            if inquiry and not defendants:
                defendants = inquiry_targets(verb, tok)
            if inquiry and not defendants and verb.lemma_ in ("open", "launch", "start", "initiate"):
                defendants = incident_owner(doc, (tok, verb), claimants)
            if verb.lemma_ == "conclude":
                status = "ruled"  # "concluded enforcement proceedings against the bank": a finding made
        elif verb is not None and verb.lemma_ in ("hit", "slap") and patients(verb) and not defendants:
            # "the Commission hit X with a fine": the one hit is the defendant, the hitter the claimant
            defendants = patients(verb)
            claimants = claimants or agents(verb)
        elif verb is not None and verb.lemma_.lower() in UNDERGO and not defendants:
            # "X is under investigation by Y", "X was hit with a $5 million penalty"
            defendants = [k for s in subjects(verb) for k in expand(s)]
        if lemma == "settlement" and not claimants and not disputed(sent):
            return None  # "a settlement of its debts", "the settlement of the trade"
        claimants = claimants or [k for k in poss_entity(tok) if k not in defendants]
        # "a Securities and Exchange Commission investigation", "an FTC lawsuit"
        claimants = claimants or [k for c in tok.children if c.dep_ == "compound" for k in expand(c)
                                  if doc._.entities[k].type == "GOV" and k not in defendants]  # fmt: skip
        if filer is not None and claimants and not defendants:
            defendants = other_side(doc, sent, claimants)
        return claimants, defendants, status

    @staticmethod
    def settles(sent):
        low = span_text(sent).lower()
        return any(
            w in low for w in ("settle", "resolve", "fine", "penalt", "charges", "claims", "lawsuit", "probe")
        )

    @staticmethod
    def authority(doc, sent, exclude):
        """The regulator or government acting in the sentence (or the speaker), for a fine or a suit."""
        ents = doc._.entities
        found = [
            k
            for k in entities_in(sent)
            if k not in exclude
            and (ents[k].type == "GOV" or ents[k].kind == "regulator")
            and not bench(doc, k)
        ]
        # A regulator ("the Justice Department") acts; a country named in passing ("US law") rarely does.
        found.sort(key=lambda k: ents[k].kind != "regulator")
        if found:
            return found[:1]
        att = doc._.attributions.get(sent.start)
        if att and att.speaker and att.speaker not in exclude and ents[att.speaker].type == "GOV":
            return [att.speaker]
        return []


# -- the parties ----------------------------------------------------------------------------
def party(doc, key):
    info = doc._.entities[key]
    return info.type in ("ORG", "PERSON", "GOV") and info.kind != "publication"


def subjects(tok):
    return [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]


def bench(doc, key):
    """A court decides a case; it is never a party to it."""
    return any(w in ("court", "tribunal", "courts") for w in doc._.entities[key].name.lower().split())


def acting_body(doc, tok, exclude):
    """'Chinese regulators fined X', 'the state of Texas sued X', 'a penalty from India's central bank'."""
    verb = tok if tok.pos_ == "VERB" else next((g for g in governing(tok)[1:] if g.pos_ == "VERB"), None)
    cands = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for c in c.children]
    if verb is not None:
        cands += [c for c in verb.children if c.dep_ == "nsubj"]
        cands += [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    for c in cands:
        if is_body(c) and not is_court(c):  # a court decides; it is no party
            found = [k for k in body_country(doc, c) if k not in exclude]
            if found:
                return found
    return []


BLOCK = {"stop", "block", "prevent", "halt", "unwind", "undo"}
TAKEOVERS = {"deal", "transaction", "acquisition", "takeover", "merger", "purchase", "tie-up", "combination"}


def deal_blocked(doc, tok):
    """'a possible antitrust lawsuit to stop the transaction': a suit against the buyer of the deal told before."""
    if not any(
        c.dep_ in ("acl", "relcl")
        and c.lemma_ in BLOCK
        and any(o.dep_ == "dobj" and o.lemma_ in TAKEOVERS for o in c.children)
        for c in tok.children
    ):
        return []  # fmt: skip
    buyers = [f.args["acquirer"] for f in doc._.facts if f.type == "acquisition" and f.args.get("acquirer")]
    return buyers[-1:]


def court_in(sent):
    return any(t.lower_ in COURT_WORDS for t in sent)


def is_court(tok):
    """'a federal judge', 'the Supreme Court', 'Justice Linda Chan'."""
    return tok.lower_ in COURT_WORDS or any(
        c.dep_ == "compound" and c.lower_ in ("justice", "judge") for c in tok.children
    )


def disputed(sent):
    low = span_text(sent).lower()
    return any(w in low for w in ("lawsuit", "suit", "claims", "charges", "allegations", "dispute", "litigation",
                                  "probe", "investigation", "court", "class action"))  # fmt: skip


def official_matter(sent):
    low = span_text(sent).lower()
    return any(w in low for w in ("investigation", "probe", "charges", "criminal", "sanctions"))


def owners(clause):
    """Companies a clause is about: possessors and heads of its noun phrases ('whether X's search
    engine and Y's app should be added'), never the product names that modify a noun."""
    out = []
    for t in clause.subtree:
        k = entity_of(t)
        if not k or k in out or t.dep_ in ("compound", "amod", "nmod"):
            continue
        if t.head.i != t.i and entity_of(t.head) == k:
            continue
        if t.dep_ in ("poss", "nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
            out.append(k)
    return out


def inquiry_targets(verb, noun):
    """'opened four investigations to examine whether X ...', 'a probe into whether X violated ...'."""
    for head in (noun, verb):
        for c in head.children:
            if c.dep_ in ("xcomp", "acl", "advcl") and c.lemma_.lower() in INQUIRE:
                return [k for k in owners(c) if noun.doc._.entities[k].type in ("ORG", "PERSON")]
            if c.dep_ == "prep" and c.lower_ == "into":
                # "into whether X violated ...", "into X's purchase of Y"
                found = [k for p in c.children if p.dep_ == "pcomp" for k in owners(p)]
                found += [k for p in c.children if p.dep_ == "pobj" for k in poss_entity(p)]
                return [k for k in found if noun.doc._.entities[k].type in ("ORG", "PERSON")]
    return []


def incident_owner(doc, heads, claimants):
    """'The Justice Department opened a criminal investigation into the blowout': a regulator's probe of an
    event, not of a named party, is into the company the article is about."""
    ents = doc._.entities
    into = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "into" for p in c.children
            if p.dep_ == "pobj" and p.pos_ == "NOUN" and not entities_in(p.subtree)]  # fmt: skip
    if not into or not any(ents[k].type == "GOV" or ents[k].kind == "regulator" for k in claimants):
        return []
    main = main_org(doc)
    return [main] if main and main not in claimants else []


def other_side(doc, sent, exclude):
    """The company a case is against when the sentence names only who brought it."""
    ents = doc._.entities
    found = [k for k in entities_in(sent, ("ORG",)) if k not in exclude and ents[k].kind is None]
    if found:
        return found[:1]
    main = main_org(doc)
    return [main] if main and main not in exclude else []


def acts_of(doc, before, exclude):
    """Who made the law or decision a party challenges: the last government in a policy or legal fact,
    else the last regulator named before."""
    ents = doc._.entities
    told = [f for f in doc._.facts if f.evidence[0][0] < before]
    for f in reversed(told):
        # "Meta said it would appeal the decision": the decision against the one appealing, by whoever made it
        if (
            f.type == "legal"
            and f.args.get("defendant") in exclude
            and f.args.get("claimant") not in (None, *exclude)
        ):
            if ents[f.args["claimant"]].type == "GOV" or ents[f.args["claimant"]].kind == "regulator":
                return [f.args["claimant"]]
    for f in reversed(told):
        if (
            f.type == "policy"
            and f.args.get("authority") not in exclude
            and not bench(doc, f.args["authority"])
        ):
            return [f.args["authority"]]
        if f.type == "legal" and f.args.get("claimant") not in exclude and f.args.get("claimant"):
            if ents[f.args["claimant"]].type == "GOV":
                return [f.args["claimant"]]
    return []


def authority_before(doc, sent, exclude):
    """'Zhao agreed to pay a $50 million fine': the authority of the case the article reported before."""
    ents = doc._.entities
    for f in reversed([f for f in doc._.facts if f.type == "legal" and f.evidence[0][0] < sent.start_char]):
        c = f.args.get("claimant")
        if c and c not in exclude and (ents[c].type == "GOV" or ents[c].kind == "regulator"):
            return [c]
    return []


# -- the families ---------------------------------------------------------------------------
def court_decision(doc, sent, tok):
    """'A judge rejected the FTC's request to halt the deal', 'threw out an attempt by X's unit',
    'Justice Y granted a winding-up petition filed by X'."""
    if not any(is_court(s) for s in subjects(tok)):
        return None
    motion = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in MOTIONS), None)
    if motion is None:
        # "upheld a 2.4 billion euro fine against X", "overturned a verdict against X"
        decided = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in DECISIONS]
        against = [k for c in decided for k in prep_entities(c, ["against", "on"])]
        return ([], against, "ruled") if against else None
    ents = doc._.entities
    movers = poss_entity(motion) or prep_entities(motion, ["by", "from", "of"])
    filer = next((c for c in motion.children if c.dep_ == "acl"), None)
    if not movers and filer is not None:
        movers = prep_entities(filer, ["by"])
    movers = [k for k in movers if party(doc, k)][:1]
    against = prep_entities(motion, ["against"])
    if not movers:
        # "a judge dismissed the lawsuit against X": the case against X is decided
        return ([], against, "ruled") if against and motion.lemma_ in BRINGS else None
    if motion.lemma_ == "settlement":
        return prep_entities(motion, ["with"]), movers, "settled"  # "a judge approved X's settlement"
    if tok.lemma_ == "approve":
        return None
    if ents[movers[0]].type == "GOV" or motion.lemma_ in BRINGS:
        # A regulator or a plaintiff asked; the case is against the company the story names.
        return movers, against or other_side(doc, sent, movers), "ruled"
    return against, movers, "ruled"  # a company's attempt or motion: it defends


def award(doc, sent, tok):
    """'A jury awarded X $300 million in its lawsuit against Y'."""
    if not any(is_court(s) for s in subjects(tok)):
        return None
    winners = [k for c in tok.children if c.dep_ in ("dative", "dobj") for k in expand(c)]
    winners = [k for k in winners if party(doc, k)][:1]
    if not winners:
        return None
    against = [k for t in sent if t.dep_ == "prep" and t.lower_ == "against" for p in t.children
               if p.dep_ == "pobj" for k in expand(p)]  # fmt: skip
    return winners, against or other_side(doc, sent, winners), "ruled"


def inquiry_verb(doc, sent, tok):
    """'The Justice Department is examining whether X violated sanctions'."""
    claimants = [k for k in agents(tok) if doc._.entities[k].type == "GOV" and not bench(doc, k)]
    clause = [
        c
        for c in tok.children
        if c.dep_ == "ccomp" and any(m.lower_ in ("whether", "if") for m in c.children)
    ]
    if not claimants or not clause:
        return None
    return (
        claimants,
        [k for c in clause for k in owners(c) if doc._.entities[k].type in ("ORG", "PERSON")],
        "filed",
    )


def court_order(doc, sent, tok):
    """'A Hong Kong court ordered the liquidation of X'."""
    if not any(is_court(s) for s in subjects(tok)):
        return None
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in REMEDIES:
            defendants = prep_entities(c, ["of"])
            if defendants:
                return [], defendants, "ruled"
    return None


def ruling(doc, tok):
    """'a judge ruled in X's favour', 'ruled against X', 'X's case against Y, in which a judge ruled'."""
    defendants = prep_entities(tok, ["against"])
    claimants = []
    case = tok.head if tok.dep_ == "relcl" else None
    if case is not None and case.lemma_ not in NOUNS:
        # "X's case against Y, in which a judge ruled": the clause may hang on Y
        up = case.head.head if case.dep_ == "pobj" and case.head.dep_ == "prep" else None
        case = up if up is not None and up.lemma_ in NOUNS else None
    if case is not None:
        claimants = poss_entity(case)
        defendants = defendants or prep_entities(case, ["against"])
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        if defendants:
            break
        # "ruled that X must pay 13 billion euros to Ireland", "ruled that X had violated the law"
        defendants = [k for s in subjects(clause) for k in expand(s)]
        pay = [clause] + [c for c in clause.children if c.dep_ in ("xcomp", "conj")]
        claimants = claimants or [k for p in pay if p.lemma_ == "pay" for k in prep_entities(p, ["to"])]
    if not defendants:
        defendants = prep_entities(tok, ["for", "in"])
    return claimants, defendants, "ruled"


def imposed(doc, sent, tok):
    """'the 746 million euro fine imposed on X by Y's privacy watchdog'."""
    head = tok.head if tok.dep_ == "acl" else None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + ([head] if head is not None else [])
    if not any(o.lemma_ in ("fine", "penalty", "sanction", "sanctions") or o.like_num or o.lemma_ in CURRENCIES
               or any(m.start <= o.idx < m.end for m in money_near(doc, sent)) for o in objs):  # fmt: skip
        return None
    defendants = prep_entities(tok, ["on"])
    claimants = agents(tok) if any(c.dep_ == "nsubjpass" for c in tok.children) else []
    if not claimants:
        for c in tok.children:
            if c.dep_ == "agent":
                claimants = [k for p in c.children for k in expand(p) + body_of(p)]
    if not claimants and head is not None:
        claimants = agents(tok)
    return claimants, defendants, "fined"


CURRENCIES = {"euro", "dollar", "pound", "yuan", "yen", "won", "franc", "rupee", "krone", "krona"}


def body_of(tok):
    """'Luxembourg's privacy watchdog': a regulator stands for the place it polices."""
    if tok.lower_ not in ("watchdog", "regulator", "authority", "agency", "commission", "ministry", "court"):
        return []
    return [k for c in tok.children if c.dep_ == "poss" for k in expand(c)
            if tok.doc._.entities[k].type in ("GOV", "PLACE")]  # fmt: skip


def challenge_noun(doc, sent, tok):
    """'X's challenge to the law', 'was considering a legal challenge', 'filed a court challenge'."""
    target = [
        p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "against") for p in c.children
    ]
    legal = any(
        c.lower_ in ("legal", "court", "judicial", "constitutional") for c in tok.children
    ) or court_in(sent)
    if not legal and not any(t.lemma_ in ACTS for t in target):
        return None
    verb = next((g for g in governing(tok)[1:] if g.pos_ == "VERB"), None)
    claimants = poss_entity(tok) or prep_entities(tok, ["from", "by"])
    defendants = [k for p in target for k in expand(p) or poss_entity(p)]  # "against X's patents"
    if verb is not None and verb.lemma_.lower() in ("face", "confront", "meet"):
        defendants = defendants or agents(verb)  # "X faces a legal challenge from Y"
    elif verb is not None and verb.lemma_.lower() in (FILE_VERBS | HEDGED | {"pursue", "mount"}):
        claimants = agents(verb) or claimants
    claimants = [k for k in claimants if party(doc, k)]
    if not claimants:
        return None
    if not defendants:
        defendants = acts_of(doc, sent.start_char, claimants) or LegalExtractor.authority(
            doc, sent, claimants
        )
    if doc._.entities[claimants[0]].type == "GOV":
        defendants = [k for k in defendants if doc._.entities[k].type != "GOV"] or other_side(
            doc, sent, claimants
        )
    hedged = verb is not None and (
        verb.lemma_.lower() in HEDGED
        or any(
            c.dep_ == "aux" and c.lower_ in ("would", "will", "could", "may", "might") for c in verb.children
        )
    )
    return claimants, defendants, "hedged" if hedged else "filed"


def challenge_verb(doc, sent, tok):
    """'X said it would challenge the decision in court', 'X plans to appeal the ruling'."""
    acts = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_ in ACTS]
    if not acts:
        return None
    claimants = [k for k in agents(tok) if party(doc, k)]
    if not claimants:
        return None
    defendants = acts_of(doc, sent.start_char, claimants) or LegalExtractor.authority(doc, sent, claimants)
    return claimants, defendants, "hedged"


# -- how much and when ----------------------------------------------------------------------
NOUNISH = ("xcomp", "dobj", "pobj", "prep", "compound", "amod", "nsubj", "nsubjpass", "attr", "appos", "acl",
           "pcomp", "dative", "agent", "oprd", "npadvmod")  # fmt: skip


def clause_money(doc, sent, tok):
    """Money in the trigger's own clause: 'in June it sued Amazon, and the retailer agreed in May to pay
    $25 million' gives the suit no amount; 'lost a case, a ruling that exposes $2 billion of sales' neither."""
    head = tok
    while head.head.i != head.i and (
        head.dep_ in NOUNISH or (head.dep_ == "advcl" and head.head.lemma_ == "pay")
    ):
        head = head.head
    skip = set()
    for t in head.subtree:
        if t.i == head.i or t.left_edge.i <= tok.i <= t.right_edge.i:
            continue
        if t.dep_ == "advcl" and t.lemma_ in ("seek", "demand", "claim", "ask"):
            continue  # "filed a lawsuit, seeking $380 million in damages"
        if t.dep_ in ("conj", "ccomp", "parataxis", "advcl", "relcl") and t.pos_ in ("VERB", "AUX"):
            skip |= {x.i for x in t.subtree}
    spans = [(t.idx, t.idx + len(t.text)) for t in head.subtree if t.i not in skip]
    return [m for m in money_near(doc, sent) if any(a <= m.start < b for a, b in spans)]


# -- when -----------------------------------------------------------------------------------
def when(doc, sent, tok):
    """The trigger's time, or that of the clause it is joined to ('X resigned on Tuesday, as Y agreed
    to pay ...')."""
    found = event_time(doc, sent, tok)
    if found is not None:
        return found
    cur = tok
    while cur.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "advcl" and any(c.lower_ in ("after", "as", "when") for c in cur.children):
        return time_near(doc, sent, cur.head)
    return None


def fill_claimants(doc):
    """After the whole article is read: a ruling without a claimant takes the one who filed the case
    ('a court ordered the liquidation of X' ... 'a petition filed by Y'); a suit without a date takes
    the one given next ('The suit, filed last week, ...')."""
    legal = [f for f in doc._.facts if f.type == "legal"]
    for f in legal:
        if f.args.get("claimant") is None and f.status == "ruled":
            filer = next((g.args["claimant"] for g in legal if g is not f and g.args.get("claimant")
                          and g.args.get("defendant") == f.args.get("defendant")), None)  # fmt: skip
            if filer is not None:
                f.args["claimant"] = filer
    sents = all_sentences(doc)
    for f in legal:
        if f.time is not None or f.status != "filed":
            continue
        here = next((i for i, s in enumerate(sents) if s.start_char <= f.evidence[0][0] < s.end_char), None)
        if here is None or here + 1 >= len(sents):
            continue
        nxt = sents[here + 1]
        for t in tokens(nxt)[:3]:
            if t.lemma_ in ("suit", "lawsuit", "complaint", "petition", "case"):
                filed = [c for c in t.children if c.dep_ == "acl" and c.lemma_ == "file"]
                if filed:
                    f.time = time_near(doc, nxt, filed[0])
                break
