"""approval: 'REG approved X's deal', 'X won approval from REG', 'X waits for REG to approve a licence',
'X is working to obtain approvals from REG', 'REG rejected X's application'."""

from __future__ import annotations

from newsgraph.extract.base import (
    FactExtractor, agents, expand, governing, patients, poss_entity, prep_entities, time_near,
)  # fmt: skip

GRANT_VERBS = {"approve", "clear", "authorize", "authorise", "greenlight", "license", "permit", "sanction"}
DENY_VERBS = {"reject", "deny", "refuse", "block", "veto", "prohibit", "revoke", "withdraw"}
NOUNS = {"approval", "license", "licence", "permit", "authorization", "authorisation", "clearance", "nod",
         "go-ahead", "green", "consent", "sign-off"}  # fmt: skip
PENDING = {"await", "wait", "seek", "apply", "file", "obtain", "need", "require", "pursue", "submit", "request",
           "work", "try", "hope", "expect", "review", "pending", "still"}  # fmt: skip
GRANTED = {"win", "receive", "get", "secure", "gain", "obtain", "grant", "give", "award", "earn"}


class ApprovalExtractor(FactExtractor):
    fact_type = "approval"

    def match(self, doc, sent):
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and (lemma in GRANT_VERBS or (lemma in DENY_VERBS and self.regulatory(doc, tok))):
                authority = [k for k in agents(tok) if self.is_authority(doc, k)]
                objs = patients(tok)
                applicant = [k for k in objs if not self.is_authority(doc, k)]
                for c in tok.children:
                    if c.dep_ in ("dobj", "nsubjpass"):
                        applicant = applicant or poss_entity(c) or [
                            k for g in c.children if g.dep_ == "prep" for p in g.children for k in expand(p)]
                if lemma == "sign" and not authority:
                    continue
                status = "denied" if lemma in DENY_VERBS else "granted"
                if lemma in ("revoke", "withdraw"):
                    status = "revoked"
                if lemma in GRANT_VERBS and self.pending(tok):
                    status = "pending"
                if not authority and not applicant:
                    continue
                if not applicant:
                    applicant = [k for k in agents(tok.head) if not self.is_authority(doc, k)] if tok.dep_ in (
                        "xcomp", "advcl", "ccomp") else []
                if not applicant:
                    continue
                yield from self.emit(doc, tok, applicant, authority, status, sent)
            elif tok.pos_ == "NOUN" and lemma in NOUNS and self.is_approval_noun(tok):
                authority = [k for k in prep_entities(tok, ["from", "by"]) if self.is_authority(doc, k)]
                applicant = poss_entity(tok)
                status = None
                for gov in governing(tok)[1:]:
                    authority = authority or [k for k in prep_entities(gov, ["from", "by"]) if self.is_authority(doc, k)]
                    if not applicant and gov.pos_ in ("VERB", "AUX"):
                        applicant = [k for k in agents(gov) if not self.is_authority(doc, k)]
                        agent_auth = [k for k in agents(gov) if self.is_authority(doc, k)]
                        if agent_auth and gov.lemma_ in ("grant", "give", "award", "issue"):
                            authority = authority or agent_auth
                            applicant = [k for k in prep_entities(gov, ["to"]) + [
                                k for c in gov.children if c.dep_ in ("dative",) for k in expand(c)]]
                    status = status or self.noun_status(gov)
                    if applicant:
                        break
                if not applicant:
                    continue
                yield from self.emit(doc, tok, applicant, authority, status or "granted", sent)

    def emit(self, doc, tok, applicants, authorities, status, sent):
        for a in applicants:
            if doc._.entities[a].kind == "publication":
                continue
            for auth in authorities or [None]:
                args = {"applicant": a}
                if auth:
                    args["authority"] = auth
                yield self.fact(doc, tok, args, status=status, time=time_near(doc, sent, tok))

    @staticmethod
    def is_authority(doc, key):
        info = doc._.entities[key]
        return info.type == "GOV" or info.kind == "regulator"

    def regulatory(self, doc, tok):
        return any(self.is_authority(doc, k) for k in agents(tok)) or any(
            c.lemma_ in NOUNS for c in tok.subtree)

    @staticmethod
    def is_approval_noun(tok):
        if tok.lemma_ == "green":
            return any(c.lower_ == "light" for c in tok.head.subtree)
        if tok.lemma_ in ("license", "licence") and tok.dep_ == "compound":
            return False
        return True

    @staticmethod
    def pending(tok):
        return any(g.lemma_.lower() in ("await", "wait", "expect", "seek", "hope", "need") for g in governing(tok, 3)[1:])

    @staticmethod
    def noun_status(gov):
        lemma = gov.lemma_.lower()
        if lemma in PENDING:
            return "pending"
        if lemma in GRANTED:
            if any(c.dep_ == "neg" for c in gov.children):
                return "pending"
            return "granted"
        if lemma in DENY_VERBS or lemma in ("fail",):
            return "denied"
        return None
