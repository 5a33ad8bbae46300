"""policy: a government or regulator tightens, loosens, limits, bans, introduces or ends a rule."""

from __future__ import annotations

from newsgraph.extract.base import (
    GOV_BODIES,
    FactExtractor,
    agents,
    all_sentences,
    expand,
    prep_entities,
    relative_head,
    sentence_words,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.model import Source
from newsgraph.nlp.entities import DEMONYMS
from newsgraph.nlp.shared import entity_of, sent_of

DIRECTIONS = {
    "tighten": "tighten", "limit": "tighten", "cap": "tighten", "ban": "tighten", "restrict": "tighten",
    "impose": "tighten", "curb": "tighten", "crack": "tighten", "toughen": "tighten", "raise": "tighten",
    "hike": "tighten", "bar": "tighten", "prohibit": "tighten", "tax": "tighten", "scrutinize": "tighten",
    "loosen": "loosen", "ease": "loosen", "relax": "loosen", "lift": "loosen", "cut": "loosen", "lower": "loosen",
    "reduce": "loosen", "scrap": "end", "end": "end", "abolish": "end", "repeal": "end", "phase": "end",
    "introduce": "new", "unveil": "new", "announce": "new", "adopt": "new", "pass": "new", "approve": None,
    "launch": "new", "issue": "new", "publish": "new", "propose": "new", "extend": "loosen", "offer": "new",
    "subsidize": "loosen", "subsidise": "loosen", "require": "tighten", "mandate": "tighten", "order": "tighten",
    "designate": "new", "investigate": "tighten", "probe": "tighten", "block": "tighten", "halt": "tighten",
    "suspend": "tighten", "freeze": "tighten", "plan": "new", "build": "new", "create": "new",
    "establish": "new", "set": "new", "enact": "new", "finalize": "new", "finalise": "new", "reverse": "end",
    "rescind": "end", "overturn": "end", "add": "tighten", "abandon": "end", "dismantle": "end",
    "oblige": "tighten", "obligate": "tighten", "force": "tighten", "compel": "tighten",
}  # fmt: skip
RULE_NOUNS = {"rule", "rules", "regulation", "regulations", "law", "subsidy", "subsidies", "tariff", "tariffs",
              "rate", "rates", "ban", "cap", "quota", "limit", "license", "licence", "licenses", "licences",
              "process", "processes", "requirement", "requirements", "guideline", "guidelines", "policy",
              "policies", "incentive", "incentives", "tax", "taxes", "credit", "credits", "control", "controls",
              "restriction", "restrictions", "number", "export", "exports", "import", "imports", "standard",
              "standards", "measure", "measures", "scheme", "program", "programme", "stimulus", "bill", "bills",
              "act", "directive", "ordinance", "duties", "duty", "levy", "levies", "charge", "fees", "framework",
              "sanctions"}  # fmt: skip
# What a government plans or builds as industrial policy ("plans a semiconductor cluster").
VIEW_VERBS = {
    "expect",
    "forecast",
    "predict",
    "anticipate",
    "bet",
    "conclude",
    "believe",
    "think",
    "see",
    "wager",
}
SAY_VERBS = {"say", "tell", "note", "write", "argue", "warn", "add"}
DEAL_WORDS = {"deal", "purchase", "acquisition", "merger", "takeover", "transaction", "combination", "buyout"}
PROJECT_NOUNS = {"cluster", "clusters", "zone", "zones", "hub", "hubs", "corridor", "park", "fund", "funds"}
NEEDS_RULE = {"raise", "cut", "lower", "reduce", "announce", "introduce", "unveil", "launch", "issue", "publish",
              "propose", "extend", "offer", "adopt", "pass", "end", "lift", "ease", "order", "require", "scrap",
              "abandon", "dismantle",
              "block", "halt", "suspend", "freeze", "enact", "finalize", "finalise", "reverse", "rescind",
              "overturn", "oblige", "obligate", "force", "compel"}  # fmt: skip
# Verbs that make policy only when their object is a project or a rule, never on their own.
NEEDS_PROJECT = {"plan", "build", "create", "establish", "set"}
# A rule named as a noun by its maker: "new US export restrictions", "China's fresh curbs".
NOMINAL = {"restrictions": "tighten", "curbs": "tighten", "controls": "tighten", "sanctions": "tighten",
           "tariffs": "tighten", "ban": "tighten", "limits": "tighten", "quotas": "tighten", "duties": "tighten",
           "rules": "new", "regulations": "new", "guidelines": "new", "subsidies": "loosen",
           "incentives": "loosen"}  # fmt: skip
LEGISLATION = {"bill", "law", "budget", "act", "legislation", "amendment", "package", "regulation", "rule",
               "rules", "scheme", "program", "programme", "subsidies", "stimulus", "incentives"}  # fmt: skip
BENEFITS = {"credit", "subsidy", "incentive", "rebate", "allowance", "exemption", "relief"}
PLANNED = {"planned", "proposed", "possible", "potential", "threatened"}
NOVEL = {"new", "fresh", "tighter", "stricter", "latest", "additional", "expanded", "tougher", "sweeping"}
# Verbs by which a rule gets its maker: "a law signed by President X", "rules issued by the ministry".
MAKER_VERBS = {
    "sign",
    "pass",
    "issue",
    "adopt",
    "approve",
    "enact",
    "introduce",
    "impose",
    "unveil",
    "publish",
}

# Words one of which a sentence needs for any token of it to start a fact in `match`.
TRIGGERS = set(DIRECTIONS) | set(NOMINAL) | {"leave", "keep", "hold"}


class PolicyExtractor(FactExtractor):
    fact_type = "policy"

    def match(self, doc, sent):
        if sentence_words(sent).isdisjoint(TRIGGERS):
            return  # no token below can be a trigger
        seen: set[str] = set()
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "NOUN" and tok.lower_ in NOMINAL:
                planned = any(c.lower_ in PLANNED for c in tok.children if c.dep_ == "amod")
                for a in self.nominal_authorities(doc, tok):
                    if a not in seen:
                        seen.add(a)
                        # The rule exists whatever the clause around it hedges ("new curbs could hit sales").
                        certainty = "possible" if planned else "asserted"
                        yield self.make(doc, sent, tok, a, None, NOMINAL[tok.lower_], certainty)
                continue
            if lemma in ("leave", "keep", "hold") and held_rates(tok):
                for a in self.authorities(doc, tok):
                    yield self.make(doc, sent, tok, a, None, None)  # "the Fed left rates unchanged"
                continue
            if tok.pos_ != "VERB" or lemma not in DIRECTIONS:
                continue
            if DIRECTIONS[lemma] is None and not legislation(tok):
                continue  # approving a deal is an approval; approving a bill makes policy
            if lemma == "add" and not blacklists(tok):
                continue
            authorities = self.authorities(doc, tok)
            if not authorities or self.others_view(doc, tok, authorities):
                continue
            dobj_words = {t.lower_ for c in tok.children if c.dep_ == "dobj" for t in c.subtree}
            obj_words = dobj_words | {
                t.lower_ for c in tok.children if c.dep_ in ("prep", "nsubjpass") for t in c.subtree
            }
            subject = " ".join(t.text for c in tok.children if c.dep_ == "dobj" for t in c.subtree) or None
            earlier = self.antecedent(tok)
            if earlier is not None:
                # "the last economy with negative rates, after the ECB abandoned them": the rule named before
                obj_words.add(earlier.lower_)
                subject = " ".join(t.text for t in earlier.subtree)
            relcl = relative_head(tok)
            while relcl is not None:
                obj_words.add(relcl.lower_)  # "guidelines the trade ministry issued"
                if subject in ("which", "that") and relcl.lower_ in RULE_NOUNS:
                    subject = relcl.text
                # "the levy on the revenues of energy companies, which the government extended": the
                # parser hangs the clause on the last noun; the rule may be any noun up the chain
                up = relcl.head.head if relcl.dep_ == "pobj" and relcl.head.dep_ == "prep" else None
                relcl = up if up is not None and up.pos_ == "NOUN" and up.i < tok.i else None
            if lemma in ("require", "order") and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                obj_words.add("rule")
            # "the new EU law obliges platforms to ...": a rule in force binds; a government forcing one
            # company to act is an order, read by the legal reader
            obj_words |= {c.lower_ for c in tok.children if c.dep_ == "nsubj" and c.lower_ in LEGISLATION}
            if (
                lemma
                in (
                    "investigate",
                    "probe",
                    "block",
                    "halt",
                    "suspend",
                    "freeze",
                    "order",
                    "scrutinize",
                )
                and any(
                    entity_of(t) or (t.dep_ == "dobj" and t.lemma_ in DEAL_WORDS)
                    for c in tok.children
                    if c.dep_ == "dobj"
                    for t in c.subtree
                )
                and not halts_business(tok)
            ):
                continue  # a probe of, or an order to, a named company is a legal fact; a deal's review an approval
            if lemma in NEEDS_RULE and not obj_words & RULE_NOUNS:
                continue
            if any(c.dep_ == "dobj" and c.lemma_ in ("grant", "award", "loan", "subsidy")
                   and any(doc._.entities[k].type == "ORG" for k in prep_entities(c, ["for", "to"]))
                   for c in tok.children):  # fmt: skip
                continue  # "finalized a $7.9 billion grant for Y": money for one company, an investment
            if lemma in NEEDS_PROJECT and not self.planned(tok) & (PROJECT_NOUNS | RULE_NOUNS):
                continue
            for a in authorities:
                seen.add(a)
                yield self.make(doc, sent, tok, a, subject, self.direction(tok))

    @classmethod
    def direction(cls, tok, depth=0):
        """tighten/loosen/new/end; a bill takes the direction of what it does ('passed a bill raising
        tax credits'), and raising a benefit loosens."""
        lemma = tok.lemma_.lower()
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if depth == 0 and DIRECTIONS.get(lemma) in ("new", None):
            for o in objs:
                acl = next(
                    (c for c in o.children if c.dep_ == "acl" and c.lemma_.lower() in DIRECTIONS), None
                )
                if acl is not None and DIRECTIONS[acl.lemma_.lower()] is not None:
                    return cls.direction(acl, 1)
        if lemma in ("raise", "hike", "extend", "increase", "expand", "cut", "lower", "reduce") and any(
            o.lemma_.lower() in BENEFITS for o in objs
        ):
            return "loosen" if lemma in ("raise", "hike", "extend", "increase", "expand") else "tighten"
        return DIRECTIONS.get(lemma) or "new"

    def make(self, doc, sent, tok, authority, subject, direction, certainty=None):
        return self.fact(
            doc, tok, {"authority": authority, "subject": subject, "direction": direction},
            time=self.when(doc, sent, tok), source=own_voice(doc, tok),
            certainty=certainty or self.expected(tok),
        )  # fmt: skip

    @staticmethod
    def expected(tok):
        """'the Commission is expected to adopt': a rule not yet made."""
        cur = tok
        while cur.dep_ == "xcomp" and cur.head.i != cur.i:
            cur = cur.head
            if cur.lemma_ == "expect" and any(c.dep_ == "auxpass" for c in cur.children):
                return "possible"
        return None

    def authorities(self, doc, tok):
        ents = doc._.entities
        found = [k for k in agents(tok) if ents[k].type == "GOV"]
        if found:
            return found
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if (
            subj is not None
            and subj.lower_ in RULE_NOUNS
            and tok.lemma_.lower()
            in ("require", "ban", "bar", "limit", "restrict", "cap", "oblige", "obligate", "force", "compel")
        ):
            return self.rule_maker(doc, subj)  # "a law signed by X requires Y to sell"
        if subj is None and tok.dep_ == "amod" and tok.tag_ in ("VBD", "VBN"):
            root = sent_of(tok).root
            # "The Commission on Wednesday designated X": the small model reads the date and the
            # verb as one phrase and leaves the subject as the root.
            if root.pos_ in ("PROPN", "NOUN") and root.i < tok.i and tok.head.head.head == root:
                return [k for k in expand(root) if ents[k].type == "GOV"]
        if subj is not None and subj.lower_ in ("it", "they"):
            said = tok
            while said.dep_ in ("xcomp", "conj") and said.head.i != said.i:
                said = said.head
            if said.dep_ == "ccomp" and said.head.lemma_ in ("say", "announce", "state", "confirm"):
                # "The Dutch government said it would restrict exports": 'it' is the speaker
                return [k for k in agents(said.head) if ents[k].type == "GOV"]
        body = subj if subj is not None else self.relative_subject(tok)
        if body is not None and is_body(body):
            return body_country(doc, body) or (
                [] if any(entity_of(t) for t in body.subtree) else self.country_nearby(doc, body)
            )
        return []

    @staticmethod
    def others_view(doc, tok, authorities):
        """'Economists expect the Fed to cut rates', 'investors concluded that the BOJ would raise rates',
        'an analyst said the BOJ could raise rates again': someone else's outlook for the authority, not
        a rule it made (the forecast extractor reads those)."""
        hedged = any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "would") for c in tok.children)
        cur = tok
        for _ in range(3):
            if cur.dep_ not in ("xcomp", "ccomp", "conj") or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.lemma_ not in VIEW_VERBS and not (hedged and cur.lemma_ in SAY_VERBS):
                continue
            if any(c.dep_ == "auxpass" for c in cur.children):
                return False  # "the Commission is expected to adopt": read as a possible rule
            subj = [c for c in cur.children if c.dep_ == "nsubj"]
            if not subj:
                return False
            holders = agents(cur) or [subj[0].lower_]
            return not set(holders) & set(authorities)
        return False

    @staticmethod
    def antecedent(tok):
        """The rule a pronoun object stands for: the last rule noun of the number it needs before it in
        the sentence ('them' -> 'negative rates')."""
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lower_ not in ("them", "it"):
            return None
        plural = obj.lower_ == "them"
        for t in reversed(list(sent_of(tok))[: obj.i - sent_of(tok).start]):
            if t.pos_ == "NOUN" and t.lower_ in RULE_NOUNS and (t.tag_ == "NNS") == plural:
                return t
        return None

    @staticmethod
    def planned(tok):
        """Head nouns of what a verb creates: its object, or the subject of a clause the small model
        hangs off it ('plans a cluster in X, where Y pledged 300 trillion won': 'won' read as a verb)."""
        out = {c.lower_ for c in tok.children if c.dep_ == "dobj"}
        out |= {s.lower_ for c in tok.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"
                and not any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in s.children)}  # fmt: skip
        return out

    @staticmethod
    def relative_subject(tok):
        cur = tok
        for _ in range(3):
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None or cur.dep_ != "xcomp":
                return subj
            cur = cur.head
        return None

    @staticmethod
    def rule_maker(doc, rule):
        """Who made a rule: its possessor or compound ('China's law', 'EU rules'), or the agent
        of 'signed by', 'issued by'."""
        ents = doc._.entities
        out = [k for c in rule.children if c.dep_ in ("poss", "compound", "amod") for k in expand(c)
               if ents[k].type == "GOV"]  # fmt: skip
        for acl in rule.children:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in MAKER_VERBS:
                continue
            for c in acl.children:
                if c.dep_ == "agent":
                    # A president signing a law acts for the government.
                    out += [k for p in c.children for k in expand(p)
                            if ents[k].type == "GOV" or (ents[k].type == "PERSON" and acl.lemma_ == "sign")]  # fmt: skip
        return list(dict.fromkeys(out))

    def nominal_authorities(self, doc, noun):
        novel = any(c.lower_ in NOVEL | PLANNED for c in noun.children if c.dep_ in ("amod", "advmod"))
        if not novel and not in_force(noun):
            return []
        ents = doc._.entities
        return [k for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                for k in expand(c) if ents[k].type == "GOV"]  # fmt: skip

    @staticmethod
    def country_nearby(doc, body):
        """'the trade ministry', 'the government' with no name: the country the story is about,
        the nearest one named in this or the two sentences before."""
        ents = doc._.entities
        sents = all_sentences(doc)
        here = next(i for i, s in enumerate(sents) if s.start <= body.i < s.end)
        for s in reversed(sents[max(0, here - 2) : here + 1]):
            for t in reversed([t for t in s if t.i < body.i]):
                k = entity_of(t)
                if k and ents[k].type == "GOV" and ents[k].kind is None:
                    return [k]
        return []

    @staticmethod
    def when(doc, sent, tok):
        """A rule's date, or the date of the clause it explains ('shares fell on Tuesday after X
        unveiled new rules')."""
        for subj in (c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in RULE_NOUNS):
            made = [a for a in subj.children if a.dep_ == "acl" and a.lemma_.lower() in MAKER_VERBS]
            if made and time_near(doc, sent, made[0]) is not None:
                return time_near(doc, sent, made[0])  # "a law signed in April requires X to sell by Jan. 19"
        found = event_time(doc, sent, tok)
        if found is not None:
            return found
        if tok.dep_ == "amod" and tok.tag_ in ("VBD", "VBN") and sent.root.pos_ in ("PROPN", "NOUN"):
            return time_near(doc, sent, sent.root)  # the misparse 'X on Wednesday designated'
        cur = tok
        while cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ == "advcl" and any(c.lower_ in ("after", "as", "when") for c in cur.children):
            return time_near(doc, sent, cur.head)
        return None


def event_time(doc, sent, tok):
    """time_near, less the time a separate speaker spoke ('X raised rates, and its chair said on Thursday')."""
    found = time_near(doc, sent, tok)
    if found is None or own_voice(doc, tok) is None:
        return found
    cue = doc[doc._.attributions[sent.start].cue]
    lo, hi = cue.left_edge.idx, cue.right_edge.idx + len(cue.right_edge.text)
    return None if lo <= found.start < hi else found


def own_voice(doc, tok):
    """The article's own voice when the sentence's reporting verb sits in a clause beside or below the
    trigger's: 'X raised rates, and its chair said ...', 'opened a probe into whether X should be added'."""
    att = doc._.attributions.get(sent_of(tok).start)
    if att is None or att.cue is None:
        return None
    cue = doc[att.cue]
    if cue == tok:
        return Source("document", None)  # "added X to its sanctions list" is no speech
    if cue.dep_ not in ("conj", "ccomp", "advcl", "relcl", "xcomp", "acl") or cue in tok.ancestors:
        return None
    if tok in list(cue.subtree):
        return None
    anchor = tok
    while anchor.dep_ not in ("ROOT", "conj", "ccomp", "advcl", "relcl") and anchor.head.i != anchor.i:
        anchor = anchor.head  # the trigger's own clause
    if cue.dep_ == "conj" and cue.head != anchor:
        return None
    if cue.dep_ != "conj" and anchor not in cue.ancestors:
        return None
    return Source("document", None)


def halts_business(tok) -> bool:
    """'the central bank ordered X to stop accepting new deposits': a regulator shutting a line of business
    restricts it, as a rule would, though one company is named."""
    return tok.lemma_ == "order" and any(
        c.dep_ in ("xcomp", "ccomp") and c.lemma_ in ("stop", "cease", "halt", "suspend")
        for c in tok.children
    )


def legislation(tok):
    """'parliament approved a bill', 'lawmakers approved the budget'."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in LEGISLATION for c in tok.children)


def blacklists(tok):
    """'added X to the entity list', 'to its sanctions list', 'to a trade blacklist'."""
    return any(p.lemma_.lower() in ("list", "blacklist") for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
               for p in c.children if p.dep_ == "pobj")  # fmt: skip


def is_body(tok):
    """A government body named by its function: 'the ministry', 'regulators', 'India's central bank'."""
    if tok.lower_ in GOV_BODIES:
        return True
    return tok.lemma_.lower() == "bank" and any(c.lower_ == "central" for c in tok.children)


def body_country(doc, body):
    """The country a body acts for: 'India's central bank', 'the state of Texas', 'Chinese regulators',
    'the Dutch government' (when the article names the country)."""
    ents = doc._.entities
    for c in body.children:
        heads = [c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"] if (
            c.dep_ == "prep" and c.lower_ == "of") else []  # fmt: skip
        keys = [k for t in heads for k in expand(t) if ents[k].type in ("GOV", "PLACE")]
        if keys:
            return keys[:1]
    words = [c for c in body.children if c.dep_ in ("amod", "compound", "nmod")]
    for w in words:
        names = DEMONYMS.get(w.lower_) or DEMONYMS.get(" ".join(t.lower_ for t in w.subtree))
        if not names:
            continue
        for k, info in ents.items():
            if info.type == "GOV" and any(n.lower() in names for n in list(info.names) + [info.name]):
                return [k]
    return []


def in_force(noun):
    """'China's export ban took effect in August', 'the tariffs came into force', 'the curbs kicked in'."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    kids = {c.lower_ for c in verb.subtree}
    return (lemma == "take" and "effect" in kids) or (lemma == "come" and "force" in kids) or (
        lemma == "kick" and "in" in kids) or lemma in ("expire", "lapse")  # fmt: skip


def held_rates(tok):
    """'left interest rates unchanged', 'kept its key rate steady', 'held rates at 5.25%'."""
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() == "rate"]
    if not objs:
        return False
    if tok.lemma_.lower() == "hold":
        return True
    return any(t.lower_ in ("unchanged", "steady", "stable", "on") for c in tok.children
               if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advmod", "prt") for t in c.subtree) or any(
        t.lower_ in ("unchanged", "steady", "stable") for o in objs for t in o.subtree)  # fmt: skip
