"""legal: 'X sued Y', 'X filed a lawsuit against Y', 'REG fined X $N', 'X agreed to pay $N to settle',
'a court ruled against X'."""

from __future__ import annotations

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    entities_in,
    expand,
    governing,
    is_headline,
    money_near,
    patients,
    poss_entity,
    prep_entities,
    time_near,
    tokens,
)  # fmt: skip

VERBS = {"sue": "filed", "charge": "filed", "accuse": "filed", "indict": "filed", "fine": "fined",
         "penalize": "fined", "penalise": "fined", "settle": "settled", "rule": "ruled", "order": "ruled",
         "convict": "ruled", "probe": "filed", "investigate": "filed", "countersue": "filed"}  # fmt: skip
NOUNS = {"lawsuit": "filed", "suit": "filed", "complaint": "filed", "case": "filed", "claim": "filed",
         "fine": "fined", "penalty": "fined", "settlement": "settled", "ruling": "ruled", "verdict": "ruled",
         "judgment": "ruled", "judgement": "ruled", "probe": "filed", "investigation": "filed",
         "action": "filed", "charges": "filed", "antitrust": "filed"}  # fmt: skip
FILE_VERBS = {"file", "bring", "lodge", "launch", "open", "start", "face", "initiate", "pay", "impose", "levy",
              "reach", "win", "lose", "hand", "issue", "agree", "announce", "settle"}  # fmt: skip


class LegalExtractor(FactExtractor):
    fact_type = "legal"

    def match(self, doc, sent):
        if is_headline(sent):
            return
        ents = doc._.entities
        done = set()
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in VERBS:
                if lemma == "order" and not any(
                    c.dep_ == "xcomp" and c.lemma_ == "pay" for c in tok.children
                ):
                    continue
                if lemma == "rule" and not any(
                    t.lower_ in ("court", "judge", "jury", "tribunal") for t in sent
                ):
                    continue
                passive = any(c.dep_ == "nsubjpass" for c in tok.children)
                claimants = agents(tok)
                defendants = patients(tok) if lemma != "settle" else prep_entities(tok, ["with"])
                if lemma == "settle":
                    defendants, claimants = agents(tok), prep_entities(tok, ["with", "by"])
                if lemma == "rule":
                    defendants = prep_entities(tok, ["against", "for", "in"])
                if lemma == "order":
                    # "A court ordered X to pay $20 million to Y"
                    pay = [c for c in tok.children if c.dep_ == "xcomp" and c.lemma_ == "pay"]
                    claimants = [k for p in pay for k in prep_entities(p, ["to"])]
                if passive and not claimants:
                    claimants = []
                status = VERBS[lemma]
            elif tok.pos_ == "VERB" and lemma == "pay" and self.settles(sent):
                # "3M agreed to pay up to $10.3 billion to settle lawsuits", "agreed to pay a $50 million fine"
                defendants = agents(tok)
                claimants = prep_entities(tok, ["to"]) or self.authority(doc, sent, defendants)
                status = (
                    "fined" if "fine" in sent.text.lower() or "penalt" in sent.text.lower() else "settled"
                )
            elif (
                tok.pos_ == "VERB"
                and lemma in ("side", "find")
                and any(t.lower_ in ("jury", "court", "judge", "tribunal") for t in sent)
            ):
                winners = prep_entities(tok, ["with"]) or [
                    k
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "with"
                    for k in entities_in(c.subtree)
                ]
                others = [k for k in entities_in(sent, ("ORG", "PERSON")) if k not in winners]
                claimants, defendants = winners[:1], (patients(tok) or others)[:1]
                status = "ruled"
            elif tok.pos_ == "NOUN" and lemma in NOUNS:
                if lemma in ("case", "claim", "action") and not any(
                    t.lower_ in ("court", "lawsuit", "legal", "class", "antitrust", "against") for t in sent
                ):
                    continue
                defendants = prep_entities(tok, ["against", "on", "into", "of", "over"])
                claimants = []
                verb = next((g for g in governing(tok)[1:] if g.pos_ in ("VERB", "AUX")), None)
                if verb is not None and verb.lemma_.lower() in FILE_VERBS:
                    subj = agents(verb)
                    if verb.lemma_ in ("face", "pay", "agree", "settle"):
                        defendants = defendants or subj
                    else:
                        claimants = subj
                    defendants = defendants or prep_entities(verb, ["against", "on", "into"])
                    if verb.lemma_ in ("impose", "levy", "hand", "issue"):
                        defendants = (
                            defendants
                            or prep_entities(verb, ["on", "to"])
                            or [k for c in verb.children if c.dep_ == "dative" for k in expand(c)]
                        )
                claimants = claimants or [k for k in poss_entity(tok) if k not in defendants]
                status = NOUNS[lemma]
            else:
                continue
            defendants = [
                k
                for k in defendants
                if ents[k].type in ("ORG", "PERSON", "GOV") and ents[k].kind != "publication"
            ]
            claimants = [
                k
                for k in claimants
                if ents[k].type in ("ORG", "PERSON", "GOV") and ents[k].kind != "publication"
            ]
            if not defendants:
                continue
            if (
                not claimants
                and status in ("fined", "filed")
                and not (tok.pos_ == "VERB" and lemma == "settle")
            ):
                claimants = self.authority(doc, sent, defendants)
            if not claimants:
                # "The complaint accuses Amazon...": the claimant of the case already reported
                claimants = [f.args["claimant"] for f in doc._.facts if f.type == "legal"
                             and f.args.get("defendant") in defendants and f.args.get("claimant")][:1]  # fmt: skip
            money = money_near(doc, sent)
            for d in defendants:
                for c in claimants or [None]:
                    if c == d or (d, c, status) in done:
                        continue
                    if status == "filed" and tok.pos_ == "NOUN" and any(x[0] == d for x in done):
                        continue  # "agreed to pay $100 million to settle a class action": one fact
                    done.add((d, c, status))
                    args = {
                        "claimant": c,
                        "defendant": d,
                        "subject": None,
                        "amount": money[0] if money else None,
                    }
                    yield self.fact(doc, tok, args, status=status, time=time_near(doc, sent, tok))

    @staticmethod
    def settles(sent):
        low = sent.text.lower()
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
            if k not in exclude and (ents[k].type == "GOV" or ents[k].kind == "regulator")
        ]
        # A regulator ("the Justice Department") acts; a country named in passing ("US law") rarely does.
        found.sort(key=lambda k: ents[k].kind != "regulator")
        if found:
            return found[:1]
        att = doc._.attributions.get(sent.start)
        if att and att.speaker and att.speaker not in exclude and ents[att.speaker].type == "GOV":
            return [att.speaker]
        return []
