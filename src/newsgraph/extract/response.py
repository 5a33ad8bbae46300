"""response: 'X declined to comment', 'Y didn't respond to requests for comment', 'X denied the report'."""

from __future__ import annotations

import re

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    all_sentences,
    company_of,
    expand,
    main_org,
    poss_entity,
    prep_entities,
    tokens,
)
from newsgraph.nlp.shared import Hint, entity_of, sent_of, span_text

DECLINE = re.compile(r"\b(?:declin\w*|refus\w*) to comment|\bno (?:immediate )?comment\b|"
                     r"\b(?:would|will|could|did|does|do)\s*(?:not|n[’']t) (?:immediately )?comment\b|"
                     r"\bdeclined to (?:elaborate|discuss|confirm|say|comment|provide|give|disclose)\b|"
                     r"\bdoes not comment on\b", re.I)  # fmt: skip
NO_RESPONSE = re.compile(
    r"\b(?:did|does|do|has|have|had|could|would)\s*(?:not|n[’']t) (?:immediately )?(?:respond|reply|return|answer)|"
    r"could not (?:immediately )?be (?:immediately )?reached|couldn[’']t be reached|unavailable for comment|"
    r"did not have an immediate response|no (?:immediate )?response|not respond|"
    # "Requests for comment to Acme went unanswered", "Emails to Acme were not returned"
    r"\b(?:requests?|emails?|e-mails?|calls?|messages?|queries|questions)\b[^;]{0,60}?\b(?:went|have gone|has gone|"
    r"were|was|have been|has been|remained) (?:unanswered|not (?:immediately )?returned)", re.I)  # fmt: skip
CONFIRM = re.compile(r"\bconfirm(?:ed|s)\b", re.I)
DENY = re.compile(r"\b(?:report|story|reports|article|claims?)\s+(?:was|is|were|are)\s+[\"“]?(?:\w+\s+)?(?:inaccurate|incorrect|"
                  r"false|untrue|wrong|baseless|not true|not accurate|speculat\w+|groundless)|\bden(?:ied|ies|y)\b|\brejected the (?:allegations|claims|accusations|report)\b|\b(?:called|dismissed) (?:the|a|that|such)? ?(?:report|reports|story|media "
                  r"reports?|speculation|rumou?rs?)\b|\bbaseless\b|\bnot aware of\b|\buntrue\b|\brefut(?:ed|es)\b|"
                  r"[\"“]?not (?:been |be )?in (?:any )?(?:talks|discussions|negotiations)\b|"
                  r"\bdescribed (?:the|a|that|such)? ?(?:report|reports|story|article)\s+as\s+(?:\w+\s+)?"
                  r"(?:speculation|speculative|inaccurate|untrue|false|baseless|rumou?rs?)\b|"
                  # "said the claims were without merit", "called the lawsuit meritless"
                  r"\b(?:without|lacks?|lacked|lacking) merit\b|\bmeritless\b|"
                  r"\bdisput(?:ed|es|e)\s+(?:the\s+|these\s+|those\s+)?(?:allegations|claims|accusations|reports?|charges)\b",
                  re.I)  # fmt: skip
SPEAKERS = {"spokesperson", "spokesman", "spokeswoman", "representative", "representatives", "spokespeople",
            "official", "officials", "executive", "executives", "office", "press"}  # fmt: skip
# A company answering a media report without denying it: "X said in a statement that it was considering
# various possibilities, but that nothing had been decided"; "Y issued a statement along the same lines".
STATEMENT = re.compile(r"\bsaid in a (?:brief |short |separate |written )?statement\b|"
                       r"\b(?:issued|released|put out) a (?:\w+ )?statement\b", re.I)  # fmt: skip
ON_THE_REPORT = re.compile(r"nothing (?:has|had) (?:yet )?been decided|no decision (?:has|had) been (?:made|taken)|"
                           r"not (?:yet )?decided|various (?:possibilities|options)|along the same lines|"
                           r"(?:a )?similar statement|\b(?:media|press|news) reports?\b|\bthe report\b|"
                           r"\bspeculation\b|\bnot something (?:we|it) announced\b", re.I)  # fmt: skip
# bodies a company under scrutiny says it cooperates with
OFFICIAL = {"authorities", "regulators", "regulator", "investigation", "investigators", "probe", "inquiry",
            "agency", "government", "officials", "review", "prosecutors"}  # fmt: skip
STATUS_VERBS = (("declined_to_comment", DECLINE), ("no_response", NO_RESPONSE), ("denied", DENY),
                ("confirmed", CONFIRM))  # fmt: skip
# Words one of which every match of each pattern above holds: most sentences have none, and skip it.
STATUS_HINTS = {
    "declined_to_comment": Hint("comment", "declined to"),
    "no_response": Hint("respon", "reply", "return", "answer", "reached", "comment"),
    "denied": Hint("accurate", "true", "incorrect", "false", "wrong", "baseless", "speculat", "groundless", "denied",
                   "denies", "deny", "rejected the", "called", "dismissed", "not aware of", "refut", "not in",
                   "not been in", "not be in", "described", "merit", "disput"),
    "confirmed": Hint("confirm"),
}  # fmt: skip


def denied_reports(doc) -> None:
    """'The Journal reported that Shell was in talks to buy BP ... Shell said it had not been in talks':
    a report a party to it denies afterwards is a denied report."""
    denials = [f for f in doc._.facts if f.type == "response" and f.status == "denied"]
    for f in doc._.facts:
        roles = DENIABLE.get(f.type)
        if roles is None or f.certainty != "reported":  # a hedged report stays a possibility
            continue
        parties = {f.args.get(r) for r in roles}
        if any(d.args["party"] in parties and d.evidence[0][0] > f.evidence[0][0] for d in denials):
            f.certainty = "denied"


PAIR_WORDS = {"companies", "sides", "firms", "groups", "parties", "carmakers", "automakers", "banks"}
PAIR_FACTS = {"talks": ("party", "counterparty"), "agreement": ("party", "counterparty"),
              "acquisition": ("acquirer", "target")}  # fmt: skip
# What a party's denial takes back: the reported deal or talks it is named in.
DENIABLE = {**PAIR_FACTS, "investment": ("investor", "target")}


class ResponseExtractor(FactExtractor):
    fact_type = "response"

    def __call__(self, doc):
        super().__call__(doc)
        denied_reports(doc)
        return doc

    def match(self, doc, sent):
        text = span_text(sent)
        low = text.lower()
        # "X did not respond to a request for comment, while a Y spokesperson declined to comment":
        # each answer in the sentence, once per party
        told = set()
        for status, rx in STATUS_VERBS:
            if STATUS_HINTS[status].absent(text, low):
                continue
            for m in rx.finditer(text):
                verb, parties = self.answer(doc, sent, status, m)
                for p in parties:
                    if p not in {q for q, _ in told}:
                        told.add((p, status))
                        yield self.fact(doc, verb, {"party": p}, status=status, certainty="asserted")
        if told:
            return
        yield from self.statement_reply(doc, sent)
        yield from self.cooperating(doc, sent)

    def answer(self, doc, sent, status, m):
        """The verb of one answer and who gave it."""
        trigger = doc.char_span(
            sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
        )
        verb = trigger.root if trigger is not None else sent.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        parties = self.parties(doc, verb)
        if not parties and status in ("denied", "confirmed"):
            att = doc._.attributions.get(sent.start)  # "X said the report was inaccurate"
            parties = [att.speaker] if att and att.speaker else []
        if not parties:
            parties = self.both_sides(doc, sent, verb)
        if status == "confirmed" and (not parties or self.confirms_outlook(verb)):
            return verb, []
        if status == "denied" and not parties:
            return verb, []
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].pos_ == "PROPN" and not parties:
            return (
                verb,
                [],
            )  # a name we could not resolve ("Globex declined to comment"): not the main company
        if not parties and status in ("declined_to_comment", "no_response"):
            parties = [main_org(doc)] if main_org(doc) else []
        return verb, parties

    def cooperating(self, doc, sent):
        """'Acme said it would keep cooperating fully with the FAA': a company's answer to an authority's
        action, which neither confirms nor denies anything."""
        for tok in tokens(sent):
            if tok.lemma_ != "cooperate" or tok.pos_ != "VERB":
                continue
            ents = doc._.entities
            partners = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children if p.dep_ == "pobj"]  # fmt: skip
            official = any(
                p.lower_ in OFFICIAL
                or (entity_of(p) and ents[entity_of(p)].type == "GOV")
                or any(c.lower_ in OFFICIAL for c in p.children)
                for p in partners
            )
            say = next(
                (g for g in [tok.head, tok.head.head] if g.lemma_ in ("say", "pledge", "promise")), None
            )
            if not official or say is None:
                continue
            parties = [k for k in agents(say) if ents[k].type == "ORG" and ents[k].kind is None]
            for p in parties:
                yield self.fact(doc, say, {"party": p}, status=None, certainty="asserted")
            return

    def statement_reply(self, doc, sent):
        """A company's statement on what the media reported earlier in the article."""
        if (
            not STATEMENT.search(span_text(sent))
            or not ON_THE_REPORT.search(span_text(sent))
            or not self.after_report(doc, sent)
        ):
            return
        ents = doc._.entities
        for verb in tokens(sent):
            if verb.lemma_ not in ("say", "issue", "release", "put") or verb.pos_ != "VERB":
                continue
            parties = [k for k in agents(verb) if ents[k].type == "ORG" and ents[k].kind is None]
            for p in parties:
                yield self.fact(doc, verb, {"party": p}, status="confirmed", certainty="asserted")

    @staticmethod
    def after_report(doc, sent):
        """Some sentence before this one rests on a publication or on anonymous sources."""
        for s in all_sentences(doc):
            if s.start >= sent.start:
                return False
            att = doc._.attributions.get(s.start)
            if att is not None and att.kind in ("publication", "anonymous"):
                return True
        return False

    @staticmethod
    def both_sides(doc, sent, verb):
        """'Both companies confirmed the discussions', 'the two sides declined to comment': the
        parties of the last deal or talks the article told before this sentence."""
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].lower_ not in PAIR_WORDS:
            return []
        if not any(c.lower_ in ("both", "two") for c in subj[0].children):
            return []
        for fact in reversed(doc._.facts):
            if fact.type in PAIR_FACTS and fact.evidence[0][0] < sent.start_char:
                sides = [v for r, v in fact.args.items() if r in PAIR_FACTS[fact.type] and isinstance(v, str)]
                if len(sides) == 2:
                    return sides
        return []

    @staticmethod
    def confirms_outlook(verb):
        return any(c.dep_ == "dobj" and c.lower_ in ("outlook", "guidance", "forecast", "target", "targets",
                                                      "dividend", "appointment") for c in verb.children)  # fmt: skip

    @staticmethod
    def parties(doc, verb):
        out = []
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and verb.dep_ == "conj" and verb.head.dep_ == "relcl":
            # "Pioneer, whose shares rose 2%, did not respond": the small parser joins the answer to the clause
            return [k for k in expand(verb.head.head) if doc._.entities[k].kind != "publication"]
        if not subj:
            return agents(verb)
        s = subj[0]
        if s.lower_ in ("we", "i") or s.pos_ == "PRON" and not entity_of(s):
            att = doc._.attributions.get(sent_of(verb).start)
            if att and att.speaker:
                return [att.speaker]
            return []
        out = expand(s)
        if any(c.lower_ in SPEAKERS for c in s.children if c.dep_ in ("compound", "appos", "amod")):
            # "Acme spokesperson Jane Smith declined to comment": she speaks for Acme
            orgs = [
                entity_of(c) for c in s.subtree if entity_of(c) and doc._.entities[entity_of(c)].type == "ORG"
            ]
            out = orgs[:1] or [company_of(doc, k) for k in out]
        if s.lower_ in SPEAKERS or not out:
            out = out or prep_entities(s, ["from", "for", "of", "at", "with", "to"]) or poss_entity(s)
            if not out:
                out = [entity_of(c) for c in s.subtree if entity_of(c)][:1]
            if not out and s.lower_ in SPEAKERS and any(c.lower_ == "company" for c in s.children):
                org = main_org(doc)  # "a company spokesman"
                out = [org] if org else []
        types = doc._.entities
        return [
            k for k in out if types[k].type in ("ORG", "GOV", "PERSON") and types[k].kind != "publication"
        ]
