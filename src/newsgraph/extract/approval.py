"""approval: 'REG approved X's deal', 'REG gave the green light', 'X won approval from REG', 'the deal
was cleared by REG', 'X waits for REG to approve a licence', 'X is working to obtain approvals from
REG', 'must be cleared by REG', 'awaiting a decision from REG', 'REG blocked the deal'.

An approval always names its authority: "X obtained all required clearances" says too little to
be a fact about a regulator. What is approved is often a deal or a drug; the applicant is then
the deal's buyer or the drug's maker, not the deal or the product.
"""

from __future__ import annotations

from newsgraph.extract.base import (
    GOV_BODIES,
    FactExtractor,
    agents,
    company_of,
    expand,
    governing,
    main_org,
    patients,
    poss_entity,
    sentence_words,
    subject_tokens,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.extract.policy import body_country, is_body
from newsgraph.nlp.shared import entity_of, sent_of

GRANT_VERBS = {"approve", "clear", "authorize", "authorise", "greenlight", "license", "permit", "sanction", "allow",
               "endorse", "certify", "accept"}  # fmt: skip
DENY_VERBS = {"reject", "deny", "refuse", "block", "veto", "prohibit", "revoke", "withdraw"}
NOUNS = {"approval", "approvals", "license", "licence", "permit", "authorization", "authorisation", "clearance",
         "clearances", "nod", "go-ahead", "light", "consent", "sign-off", "decision", "review", "scrutiny",
         "blessing", "application"}  # fmt: skip
GATED_NOUNS = {
    "decision",
    "review",
    "scrutiny",
    "application",
}  # only when someone awaits, faces or files them
PENDING = {"await", "wait", "seek", "apply", "file", "obtain", "need", "require", "pursue", "submit", "request",
           "work", "try", "hope", "expect", "review", "pending", "still", "face", "undergo", "must"}  # fmt: skip
GRANTED = {"win", "receive", "get", "secure", "gain", "grant", "give", "award", "earn"}
DEAL_WORDS = {"deal", "transaction", "merger", "acquisition", "takeover", "purchase", "combination", "it",
              "bid", "offer", "tie-up", "drug", "treatment", "vaccine", "product", "plan", "application", "therapy",
              "medicine", "device"}  # fmt: skip
PROCEED = {"proceed", "go", "close", "complete", "continue", "move", "sell", "market", "resume", "operate", "launch",
           "buy", "acquire", "merge", "list", "enter", "start", "begin", "use", "offer", "import", "export"}  # fmt: skip
# What a regulator or court accepts when it approves: "accepted the remedies", "the plea agreement".
OFFERS = {"agreement", "plea", "commitment", "remedy", "undertaking", "settlement", "proposal", "concession"}
# Verbs by which a regulator starts looking at a deal: "launched an in-depth review".
OPEN_REVIEW = {"launch", "open", "begin", "start", "initiate", "conduct"}
FILE_WORDS = {"file", "apply", "submit", "lodge"}
REVIEW_VERBS = {"review", "examine", "assess", "evaluate", "scrutinize", "scrutinise", "weigh"}
FILINGS = {"application", "filing", "submission", "request", "dossier"}
REGULATOR_NOUNS = {"regulator", "watchdog", "authority", "agency", "commission"}
MAKER_VERBS = {"develop", "make", "market", "produce", "sell", "own", "manufacture", "co-develop"}
BODIES = {"committee", "panel", "board", "staff", "advisers", "advisors", "reviewers"}
ADVISE = {"recommend", "vote", "advise", "argue", "rule", "decide"}
MODAL_PENDING = {"must", "need", "needs", "will", "would", "still", "should", "has", "have"}
# Words one of which a sentence needs for any token of it to start a fact in `match`.
TRIGGERS = GRANT_VERBS | DENY_VERBS | REVIEW_VERBS | NOUNS | {"sign"}


class ApprovalExtractor(FactExtractor):
    fact_type = "approval"

    at = 0  # where the sentence being read starts

    def match(self, doc, sent):
        if sentence_words(sent).isdisjoint(TRIGGERS):
            return  # no token below can be a trigger
        self.at = sent.start_char
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            signs_off = lemma == "sign" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children)
            # "the FDA is still reviewing X's application": a decision pending with the reviewer
            reviews = lemma in REVIEW_VERBS and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in FILINGS | DEAL_WORDS or entity_of(c))
                for c in tok.children
            )
            if tok.pos_ == "VERB" and (
                lemma in GRANT_VERBS
                or signs_off
                or reviews
                or (lemma in DENY_VERBS and self.regulatory(doc, tok))
            ):
                authority = [
                    self.named_regulator(doc, tok, k) for k in agents(tok) if self.is_authority(doc, k)
                ]
                if not authority and any(c.dep_ == "nsubjpass" for c in tok.children):
                    # "cleared by the European Commission", with "by" hung on the object
                    authority = [k for t in tok.subtree if t.lower_ == "by" for p in t.children
                                 for k in expand(p) if self.is_authority(doc, k)]  # fmt: skip
                if not authority and not reviews:
                    authority = self.placed_authority(doc, tok)
                if not authority:
                    # "Chinese regulators approved ...": the government of the country named by its adjective
                    authority = [k for c in tok.children if c.dep_ == "nsubj" and is_body(c)
                                 for k in body_country(doc, c) if doc._.entities[k].type == "GOV"]  # fmt: skip
                if not authority:
                    continue
                groups = self.by_groups(doc, tok)
                applicant = []
                for c in tok.children:
                    if c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp"):
                        applicant += self.applicant_of(doc, c)
                    elif signs_off and c.dep_ == "prep" and c.lower_ == "on":
                        applicant += [k for p in c.children for k in self.applicant_of(doc, p)]
                if tok.dep_ == "relcl":
                    applicant = applicant or self.applicant_of(doc, tok.head)
                applicant = applicant or [k for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                                          for k in owner_told(doc, c)]  # fmt: skip
                applicant = [k for k in applicant if not self.is_authority(doc, k)] or self.default_applicant(
                    doc
                )
                status = "denied" if lemma in DENY_VERBS else "granted"
                if lemma in ("revoke", "withdraw"):
                    status = "revoked"
                if (lemma in GRANT_VERBS and self.pending(tok)) or reviews:
                    status = "pending"
                if tok.dep_ == "xcomp" and tok.head.lemma_ in ("decline", "refuse", "fail"):
                    status = "denied"  # "the FDA declined to approve the drug"
                if lemma == "accept" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in FILINGS for c in tok.children
                ):
                    status = "pending"  # "accepted X's application for review"
                if lemma in ("allow", "permit") and not self.lets_proceed(tok):
                    continue
                if lemma == "accept" and not any(
                    c.dep_ in ("dobj", "nsubjpass")
                    and (c.lemma_.lower() in FILINGS | DEAL_WORDS | OFFERS or entity_of(c))
                    for c in tok.children
                ):
                    continue  # "ordered the bank to stop accepting deposits": taking in, not approving
                if len(groups) > 1:
                    # "cleared by the Commission in July and by the CMA in August": one decision each
                    for by, keys in groups:
                        yield from self.emit(
                            doc, tok, applicant, keys, status, sent, self.time_after(doc, by)
                        )
                    continue
                yield from self.emit(doc, tok, applicant, authority, status, sent)
            elif (
                tok.pos_ == "NOUN" and (lemma in NOUNS or tok.lower_ in NOUNS) and self.is_approval_noun(tok)
            ):
                authority = self.authorities_from(doc, tok, ("from", "by", "of", "with"))
                # "won full FDA approval", "EU clearance": the authority named as a modifier
                authority = authority or [entity_of(c) for c in tok.children
                                          if c.dep_ == "compound" and entity_of(c) and self.is_authority(doc, entity_of(c))]  # fmt: skip
                applicant = poss_entity(tok)
                status = None
                for gov in governing(tok)[1:]:
                    # "filed for approval with the FDA", "applied to the regulator for a licence"
                    filed = gov.lemma_ in ("file", "apply", "submit", "lodge")
                    authority = authority or self.authorities_from(doc, gov, ("from", "by", "with", "to") if filed else
                                                                   ("from", "by"))  # fmt: skip
                    if gov.pos_ in ("VERB", "AUX"):
                        subj = agents(gov)
                        if not applicant:
                            applicant = [k for k in subj if not self.is_authority(doc, k)]
                            # "Acme's Nexolin won approval": the owner of the drug applied
                            owners = [k for t in subject_tokens(gov) if entity_of(t) in applicant
                                      for k in poss_entity(t) if doc._.entities[k].type == "ORG"]  # fmt: skip
                            applicant = owners or applicant
                        if (
                            gov.lemma_ in OPEN_REVIEW
                            and tok.lemma_ in ("review", "scrutiny")
                            and tok.dep_ == "dobj"
                        ):
                            # "the CMA launched an in-depth review of X's deal": the regulator's, of a deal
                            authority = authority or [k for k in subj if self.is_authority(doc, k)]
                            applicant = [k for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "into")
                                         for p in c.children if p.lemma_ in DEAL_WORDS or poss_entity(p)
                                         for k in self.applicant_of(doc, p)]  # fmt: skip
                            status = "pending"
                        if filed and not authority:
                            # "applied for a banking licence in Singapore": the licence of the government there
                            authority = self.placed_authority(doc, tok) or self.placed_authority(doc, gov)
                        if gov.lemma_ in ("recommend", "back", "endorse") and tok.dep_ == "dobj":
                            # "the EMA recommended approval of X's drug": the agency's advice, a decision to come
                            authority = authority or [k for k in subj if self.is_authority(doc, k)]
                            applicant = [k for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                                         for p in c.children for k in self.applicant_of(doc, p)]  # fmt: skip
                            status = "pending"
                        if gov.lemma_ in ("grant", "give", "award", "issue"):
                            authority = authority or [k for k in subj if self.is_authority(doc, k)]
                            authority = authority or self.body_of(doc, gov)
                            applicant = [
                                k for c in gov.children if c.dep_ in ("dative",) for k in expand(c)
                            ] + [k for k in self.recipients(doc, gov) if not self.is_authority(doc, k)] or [
                                k for c in gov.children if c.dep_ == "dobj" for k in self.applicant_of(doc, c)
                            ]
                        status = status or self.noun_status(gov)
                    if applicant and authority:
                        break
                if self.awaited(tok):
                    status = "pending"
                if self.advised_against(tok):
                    status = "denied"  # "recommended against granting marketing authorization to X"
                if tok.lower_ in GATED_NOUNS and status != "pending":
                    continue
                if not authority and tok.dep_ == "dobj" and tok.head.lemma_ in GRANTED:
                    authority = self.placed_authority(doc, tok.head)  # "won approval in the European Union"
                if (
                    not authority
                    and (status or self.noun_status(tok.head)) == "pending"
                    and self.unnamed(tok)
                ):
                    # "the deal is subject to regulatory approvals": a deal's condition, though it names
                    # no regulator; one already won ("obtained all regulatory clearances") is no news
                    authority = [None]
                if not authority:
                    continue
                applicant = [company_of(doc, k) for k in applicant] or self.default_applicant(doc)
                yield from self.emit(doc, tok, applicant, authority, status or "granted", sent)

    def emit(self, doc, tok, applicants, authorities, status, sent, time=None):
        ents = doc._.entities
        # "X won FDA approval": a drug named as the applicant stands for its maker
        # (a drug the tagger took for a company is still told by "X, the drug developed by Y")
        applicants = list(dict.fromkeys(
            m for a in applicants for m in ((self.maker_of(doc, a) or self.default_applicant(doc))
                                            if ents[a].type == "PRODUCT" else self.maker_of(doc, a, True) or [a])))  # fmt: skip
        for a in applicants:
            if doc._.entities[a].kind == "publication" or self.is_authority(doc, a):
                continue
            for auth in authorities:
                args = {"applicant": a, "authority": auth}
                yield self.fact(doc, tok, args, status=status, time=time or time_near(doc, sent, tok))

    def placed_authority(self, doc, verb):
        """'Regulators in Brussels approved ...', 'has since been cleared in Japan': a government named by
        where the decision was taken, when no regulator is named."""
        passive = any(c.dep_ == "nsubjpass" for c in verb.children) or verb.lemma_ in GRANTED | FILE_WORDS
        passive = passive or verb.lower_ in NOUNS
        heads = [verb] if passive else [s for s in subject_tokens(verb) if s.lower_ in GOV_BODIES]
        return [k for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "from")
                for p in c.children if p.dep_ == "pobj" for k in expand(p)
                if doc._.entities[k].type == "GOV"]  # fmt: skip

    @staticmethod
    def maker_of(doc, key, appos_only=False):
        """The company a product belongs to: 'Acme's Nexolin', 'Nexolin, the drug developed by Acme'."""
        ents = doc._.entities
        for m in doc._.mentions:
            if m.key != key:
                continue
            root = doc[m.end - 1]
            owner = [entity_of(c) for c in root.children if c.dep_ == "poss" and entity_of(c)]
            if owner and ents[owner[0]].type == "ORG" and not appos_only:
                return owner[:1]
            # the apposition after the name, read off the words (the parser often hangs it elsewhere)
            window = doc[m.end : min(m.end + 8, len(doc))]
            if not window or window[0].text != ",":
                continue
            made = next((t for t in window if t.tag_ == "VBN" and t.lemma_ in MAKER_VERBS), None)
            if made is None or made.i + 1 >= len(doc) or doc[made.i + 1].lower_ != "by":
                continue
            after = doc[made.i + 2 : min(made.i + 7, len(doc))]
            found = [entity_of(t) for t in after if entity_of(t) and ents[entity_of(t)].type == "ORG"]
            if found:
                return found[:1]
        return []

    def body_of(self, doc, verb):
        """'the EMA's human medicines committee', 'the FDA's advisory panel': a body of a regulator."""
        for s in subject_tokens(verb):
            if s.lemma_ in BODIES:
                return [entity_of(c) for c in s.children
                        if c.dep_ == "poss" and entity_of(c) and self.is_authority(doc, entity_of(c))]  # fmt: skip
        return []

    @staticmethod
    def advised_against(tok):
        """'recommended against granting ...', 'voted against approving ...': a negative opinion."""
        for g in governing(tok, 4)[1:]:
            if g.dep_ == "pcomp" and g.head.lower_ == "against" and g.head.head.lemma_ in ADVISE:
                return True
        return False

    def by_groups(self, doc, tok):
        """The 'by' phrases of a passive approval, the first and those coordinated with it."""
        out = []
        for t in tok.subtree:
            if t.lower_ != "by" or not (t.dep_ == "agent" and t.head.i == tok.i or t.dep_ == "conj"):
                continue
            keys = [k for p in t.children if p.dep_ == "pobj" for k in expand(p) if self.is_authority(doc, k)]
            if keys:
                out.append((t, keys))
        return out

    @staticmethod
    def time_after(doc, by):
        """The time that follows 'by X' before the next 'by': 'by X in July and by Y in August'."""
        end = sent_of(by).end_char
        for t in sent_of(by):
            if t.i > by.i and t.lower_ == "by":
                end = t.idx
                break
        return next((t for t in doc._.times if by.idx <= t.start < end), None)

    @staticmethod
    def lets_proceed(tok):
        """'allowed the deal to proceed', 'permitted X to sell the drug': not 'could allow X to keep
        its services running', where a framework, not a regulator, is the subject."""
        objs = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
        if not objs:
            return False
        acts = [t for c in objs for t in c.subtree if t.pos_ == "VERB" and t.dep_ in ("xcomp", "ccomp")]
        acts += [c for c in objs if c.pos_ == "VERB"]
        if not acts:
            return any(c.lower_ in DEAL_WORDS or c.lemma_ in DEAL_WORDS for c in objs)
        return any(a.lemma_ in PROCEED for a in acts)

    def applicant_of(self, doc, head):
        """Who applied, from what was approved: 'Broadcom's VMware deal' -> Broadcom, 'Lilly's Zepbound' -> Lilly."""
        ents = doc._.entities
        # "its Alzheimer's treatment", "Acme's Nexolin's label": the outermost possessor owns it
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        while poss is not None:
            outer = next((c for c in poss.children if c.dep_ == "poss" and entity_of(c)), None)
            if outer is None:
                break
            poss = outer
        owner = expand(poss) if poss is not None and entity_of(poss) else poss_entity(head)
        if owner:
            return [company_of(doc, k) for k in owner]
        found = expand(head)
        if head.lower_ in DEAL_WORDS or head.lemma_ in DEAL_WORDS:
            return self.default_applicant(doc) if not found else found
        out = []
        for k in found:
            if ents[k].type == "ORG" and ents[k].kind is None:
                out.append(k)
            elif ents[k].type == "PRODUCT":
                out += self.default_applicant(doc)
        return out

    def default_applicant(self, doc):
        """The buyer of the deal the article is about, else a party to its merger agreement or talks,
        else its main company. A deal told only after the sentence is another one ("Any merger would
        need approval ... Sony last month called off its merger with Zee")."""
        told = [f for f in doc._.facts if f.evidence[0][0] <= self.at] or doc._.facts
        for kind, role in (("acquisition", "acquirer"), ("agreement", "party"), ("talks", "party")):
            for f in told:
                if f.type == kind and isinstance(f.args.get(role), str):
                    return [f.args[role]]
        org = main_org(doc)
        return [org] if org else []

    def authorities_from(self, doc, tok, preps=("from", "by")):
        out = []
        for c in tok.children:
            # "submitted an application to the ministry": the parser may read 'to' as a dative
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
                for p in c.children:
                    found = [k for k in expand(p) if self.is_authority(doc, k)]
                    # "from China's market regulator": the regulator of a government
                    found = found or [k for k in poss_entity(p) if self.is_authority(doc, k)]
                    out += found
        return out

    @staticmethod
    def named_regulator(doc, verb, key):
        """ "Britain's competition regulator cleared...": the regulator the article names elsewhere as
        "Britain's Competition and Markets Authority", not the country."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lemma_.lower() not in REGULATOR_NOUNS or doc._.entities[key].kind:
            return key
        ents = doc._.entities
        named = {entity_of(t) for t in doc if entity_of(t) and ents[entity_of(t)].kind == "regulator"
                 and any(c.dep_ in ("poss", "compound", "nmod") and entity_of(c) == key for c in t.children)}  # fmt: skip
        return named.pop() if len(named) == 1 else key

    @staticmethod
    def is_authority(doc, key):
        info = doc._.entities[key]
        return info.type == "GOV" or info.kind == "regulator"

    def regulatory(self, doc, tok):
        return any(self.is_authority(doc, k) for k in agents(tok)) or any(
            c.lemma_ in NOUNS for c in tok.subtree
        )

    @staticmethod
    def is_approval_noun(tok):
        if tok.lower_ == "light":
            return any(c.lower_ == "green" for c in tok.children)
        if tok.lemma_ in ("license", "licence") and tok.dep_ == "compound":
            return False
        return True

    @staticmethod
    def pending(tok):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("must", "need", "needs", "will", "would", "should")
               for c in tok.children):  # fmt: skip
            return True
        return any(
            g.lemma_.lower() in ("await", "wait", "expect", "seek", "hope", "need")
            for g in governing(tok, 3)[1:]
        )

    def recipients(self, doc, gov):
        """'gave its nod to X's new plant', 'granted a licence to X': the owner of what is approved."""
        return [k for c in gov.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
                for p in c.children if p.dep_ == "pobj" for k in self.applicant_of(doc, p)]  # fmt: skip

    @staticmethod
    def awaited(tok):
        """'subject to approval by X', 'under review by X', 'expects to receive approval from X'."""
        chain = governing(tok, 4)[1:]
        if tok.head.lower_ == "under" or any(g.lower_ == "subject" for g in chain):
            return True
        verbs = [g for g in chain if g.pos_ in ("VERB", "AUX")]
        return any(g.lemma_ in ("expect", "hope", "aim", "plan", "seek", "want") for g in verbs[1:])

    @staticmethod
    def unnamed(tok):
        """'regulatory approvals', 'antitrust clearance': the approval of regulators the sentence leaves unnamed."""
        return tok.lower_ in ("approval", "approvals", "clearance", "clearances") and any(
            c.dep_ in ("amod", "compound") and c.lower_ in ("regulatory", "antitrust") for c in tok.children
        )

    @staticmethod
    def noun_status(gov):
        lemma = gov.lemma_.lower()
        if (
            lemma == "obtain"
            and gov.tag_ in ("VBD", "VBN")
            and not any(c.lower_ == "to" for c in gov.children)
        ):
            return "granted"  # "obtained clearance", not "working to obtain approvals"
        if lemma in PENDING:
            return "pending"
        if lemma in GRANTED:
            if any(c.dep_ == "neg" for c in gov.children):
                return "pending"
            return "granted"
        if lemma in DENY_VERBS or lemma in ("fail",):
            return "denied"
        return None


_ = patients


def owner_told(doc, tok) -> list[str]:
    """'Chinese regulators approved ivonescimab' after 'Akeso's ivonescimab beat ...': a drug or product the
    tagger does not know as a name has the owner the article gave it when it first named it."""
    if entity_of(tok) or tok.pos_ not in ("PROPN", "NOUN") or tok.lemma_.lower() in DEAL_WORDS:
        return []
    for t in doc[: tok.i]:
        if t.lower_ == tok.lower_:
            owner = [entity_of(c) for c in t.children if c.dep_ == "poss" and entity_of(c)]
            if owner and doc._.entities[owner[0]].type == "ORG":
                return owner[:1]
    return []
