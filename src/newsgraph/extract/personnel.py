"""personnel: 'X named Y chief executive', 'Y was appointed CFO of X', 'Y will succeed Z as CEO',
'Y stepped down as chairman of X'."""

from __future__ import annotations

import re

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    company_of,
    expand,
    main_org,
    patients,
    poss_entity,
    prep_entities,
    sentence_words,
    subject_tokens,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.extract.launch import LaunchExtractor
from newsgraph.extract.reported import unhedge
from newsgraph.nlp.entities import TITLE_WORDS
from newsgraph.nlp.shared import doc_text, entity_of, span_text

APPOINT = {"appoint", "name", "hire", "promote", "tap", "elect", "choose", "select", "pick", "recruit", "install",
           "take", "move", "ask", "bring"}  # fmt: skip
# "tapped X to run its cloud business", "moving X from Dior to run Louis Vuitton": the job is a verb.
RUN = {"run", "lead", "head", "oversee", "helm", "manage"}
HANDOVER = {"hand", "give"}
GROUPS = {"trio", "pair", "duo", "team", "group", "slate", "quartet", "triumvirate", "panel"}
JOBS = {"job", "post", "role", "helm", "reins", "position", "seat", "office", "over", "up", "charge"}
SUCCEED = {"succeed", "replace"}
DEPART = {"resign", "retire", "hand", "give", "leave", "depart", "quit", "oust", "fire", "dismiss", "exit", "sack", "remove",
          "step", "depose", "push", "force"}  # fmt: skip
# "pushing out its chief executive", "forced out X": the company removes them.
REMOVE = {"oust", "fire", "dismiss", "sack", "remove", "depose", "push", "force"}
NOUN_STATUS = {"appointment": "appointed", "hiring": "appointed", "promotion": "appointed", "nomination": "appointed",
               "departure": "departed", "exit": "departed", "resignation": "departed", "retirement": "departed",
               "ouster": "departed", "dismissal": "departed", "firing": "departed", "removal": "departed"}  # fmt: skip
BOARD_RX = re.compile(r"\bto (?:the|its|their|\w+['’]s) (?:supervisory |management )?board\b", re.I)
FORMER_RX = re.compile(r"\b(?:former|ex-|previously|until recently)", re.I)
# What a person loses when events "cost them their jobs".
LOST_JOBS = {"job", "post", "position", "seat", "role"}
UNIT_WORDS = {"division", "unit", "arm", "business", "segment", "subsidiary", "group"}
# Words one of which a sentence needs for any token of it to start a fact in `match` and its readers.
TRIGGERS = (
    APPOINT
    | SUCCEED
    | DEPART
    | set(NOUN_STATUS)
    | {"part", "seek", "stand", "join", "become", "serve", "cost", "out"}
    | RUN
)
ROLE_RX = re.compile(r"\b(?:" + "|".join(sorted((re.escape(t) for t in TITLE_WORDS), key=len, reverse=True)) + r")\b",
                     re.I)  # fmt: skip


class PersonnelExtractor(FactExtractor):
    fact_type = "personnel"

    def __call__(self, doc):
        self.last = None  # (fact, end token of its sentence)
        self.post = None  # company of the last appointment read
        self.posts = {}  # person -> company of the first post the article appointed them to
        return super().__call__(doc)

    def handover_time(self, sent):
        """'X was appointed CEO, effective July 1. She succeeds Y': the succession takes effect then too."""
        if self.last is None or self.last[1] != sent.start:
            return None
        return self.last[0].time

    def match(self, doc, sent):
        if sentence_words(sent).isdisjoint(TRIGGERS):
            return  # no token below can be a trigger
        yield from self.verbs(doc, sent)
        yield from self.parted(doc, sent)
        yield from self.reelection(doc, sent)
        yield from self.nominal(doc, sent)
        yield from self.joins(doc, sent)
        yield from self.lost_jobs(doc, sent)
        yield from self.will_run(doc, sent)
        yield from self.is_out(doc, sent)

    def is_out(self, doc, sent):
        """'John Doe is out as chief executive of Acme', 'X is out after 17 months': a departure."""
        ents = doc._.entities
        for tok in tokens(sent):
            if tok.lemma_ != "be" or not any(
                c.dep_ in ("advmod", "prt") and c.lower_ == "out" for c in tok.children
            ):
                continue
            if any(c.dep_ == "prep" and c.lower_ in ("of", "on", "in", "for") for c in tok.children):
                continue  # "is out of stock", "is out on bail": another sense
            role = self.role(sent, tok)
            for person in [k for k in agents(tok) if ents[k].type == "PERSON"]:
                org = self.company(doc, sent, tok, person)
                role = role or ents[person].role
                if org and role:
                    args = {"person": person, "company": org[0], "role": role}
                    yield self.fact(doc, tok, args, status="departed", time=time_near(doc, sent, tok))

    def lost_jobs(self, doc, sent):
        """'the losses cost X and Y their jobs', 'the scandal cost him his post': a departure forced by events."""
        ents = doc._.entities
        for tok in tokens(sent):
            if tok.lemma_ != "cost" or tok.pos_ != "VERB":
                continue
            job = next((t for t in tok.subtree if t.i > tok.i and t.lemma_ in LOST_JOBS
                        and any(c.dep_ == "poss" for c in t.children)), None)  # fmt: skip
            if job is None:
                continue
            persons = [k for t in doc[tok.i + 1 : job.i] if (k := entity_of(t)) and ents[k].type == "PERSON"]
            for person in dict.fromkeys(persons):
                mention = [t for t in doc[tok.i + 1 : job.i] if entity_of(t) == person]
                role = (
                    self.role_in(" ".join(t.text for t in doc[mention[0].left_edge.i : mention[0].i]))
                    or ents[person].role
                )
                # what cost the job is no employer ("the Archegos losses"); the post the article gave them is
                cause = {entity_of(t) for c in tok.children if c.dep_ == "nsubj" for t in c.subtree}
                own = ents[person].org
                org = [parent_org(doc, own)] if own and ents[own].type == "ORG" and own not in cause else []
                org = (
                    org
                    or [k for k in self.company(doc, sent, tok, person) if k not in cause]
                    or [main_org(doc)]
                )
                if org[0]:
                    args = {"person": person, "company": org[0], "role": role}
                    yield self.fact(doc, tok, args, status="departed", time=time_near(doc, sent, tok))

    def parted(self, doc, sent):
        """'Acme parted ways with chief executive John Doe', 'Doe parted ways with Acme': a departure."""
        ents = doc._.entities
        for tok in tokens(sent):
            if tok.lemma_ != "part" or not any(c.dep_ == "dobj" and c.lower_ == "ways" for c in tok.children):
                continue
            ways = [c for c in tok.children if c.dep_ == "dobj"]
            sides = agents(tok) + prep_entities(tok, ["with"]) + prep_entities(ways[0], ["with"])
            persons = [k for k in sides if ents[k].type == "PERSON"]
            orgs = [parent_org(doc, k) for k in sides if ents[k].type == "ORG" and ents[k].kind is None]
            if persons and orgs:
                args = {"person": persons[0], "company": orgs[0], "role": self.role(sent, tok)}
                yield unhedge(
                    doc, self.fact(doc, tok, args, status="departed", time=time_near(doc, sent, tok)), tok
                )

    def reelection(self, doc, sent):
        """'Chairman X will not seek re-election', 'X won't stand for re-election': a departure."""
        ents = doc._.entities
        for tok in tokens(sent):
            if tok.lemma_ not in ("seek", "stand") or not any(c.dep_ == "neg" for c in tok.children):
                continue
            if "election" not in " ".join(t.lower_ for t in tok.subtree if t.i > tok.i):
                continue
            role = self.role(sent, tok) or "board member"
            for person in [k for k in agents(tok) if ents[k].type == "PERSON"]:
                org = self.company(doc, sent, tok, person)
                if org:
                    args = {"person": person, "company": org[0], "role": role}
                    fact = self.fact(doc, tok, args, status="departed", time=time_near(doc, sent, tok))
                    yield unhedge(doc, fact, tok)

    def nominal(self, doc, sent):
        """'announced the departure of its finance chief John Doe', 'Smith's appointment as CEO'."""
        ents = doc._.entities
        for tok in tokens(sent):
            status = NOUN_STATUS.get(tok.lemma_.lower())
            if status is None or tok.pos_ != "NOUN":
                continue
            persons = [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj" for k in expand(p)]  # fmt: skip
            persons = [k for k in persons + poss_entity(tok) if ents[k].type == "PERSON"]
            role = self.role(sent, tok)
            if not persons or role is None:
                continue
            when = time_near(doc, sent, tok)
            if self.background(doc, when):
                continue
            for person in dict.fromkeys(persons):
                org = self.company(doc, sent, tok, person)
                if org:
                    args = {"person": person, "company": org[0], "role": role}
                    yield self.fact(doc, tok, args, status=status, time=when)

    def joins(self, doc, sent):
        """'Jane Smith joins Acme as CFO', 'joined the board of Acme', 'becomes Acme's first female CEO'."""
        ents = doc._.entities
        for tok in tokens(sent):
            # "X will step back to become chairman": the purpose is the new post
            to_become = (
                tok.lemma_ == "become"
                and tok.dep_ == "advcl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            )
            # "Hideaki Nishino, who became chief executive in June": the post of the person described
            became = tok.lemma_ == "become" and tok.dep_ == "relcl"
            if (
                tok.pos_ != "VERB"
                or tok.lemma_ not in ("join", "become", "serve")
                or (tok.dep_ in ("relcl", "acl", "advcl") and not (to_become or became))
            ):
                continue
            persons = [
                k
                for k in agents(tok)
                or (agents(tok.head) if to_become else expand(tok.head) if became else [])
                if ents[k].type == "PERSON"
            ]
            obj = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
            if tok.lemma_ == "serve":
                # "X is serving as interim CEO", "will serve as acting CFO": a stand-in named for now
                obj = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                       for p in c.children if p.dep_ == "pobj"]  # fmt: skip
                if not obj or not any(t.lower_ in ("interim", "acting") for t in obj[0].subtree):
                    continue
            if not persons or not obj:
                continue
            if tok.lemma_ == "serve":
                role = self.role_in(" ".join(t.text for t in obj[0].subtree))
                role = role and "interim " + role
                # "Niccol takes over on Sept. 9. Until then, X is serving as interim CEO": the post just named
                last = self.post
                orgs = prep_entities(obj[0], ["of", "at"]) or [last or main_org(doc)]
            elif (
                tok.lemma_ == "join" and obj[0].lemma_ in ("committee", "board") and obj[0].lower_ != "board"
            ):
                # "will join Acme's executive committee": a seat on the company's top team
                words = [
                    t.lower_ for t in obj[0].subtree if t.dep_ in ("amod", "compound") and t.i < obj[0].i
                ]
                role = " ".join(words + [obj[0].lower_, "member"])
                orgs = poss_entity(obj[0]) or prep_entities(obj[0], ["of"]) or [main_org(doc)]
            elif tok.lemma_ == "join":
                as_role = [
                    p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.subtree
                ]
                role = self.role_in(" ".join(t.text for t in as_role)) if as_role else None
                if obj[0].lower_ == "board":
                    role, orgs = role or "board member", prep_entities(obj[0], ["of"]) or [main_org(doc)]
                else:
                    orgs = expand(obj[0])
            else:
                role = self.role_in(" ".join(t.text for t in obj[0].subtree))
                orgs = poss_entity(obj[0]) or prep_entities(obj[0], ["of", "at"])
                if (
                    not orgs
                    and role
                    and re.search(r"\bof the board\b", " ".join(t.lower_ for t in obj[0].subtree))
                ):
                    orgs = [main_org(doc)]  # "become Executive Chair of the Board": the company's own board
                elif not orgs and role and tok.lemma_ == "become" and persons:
                    # "co-founder X will step back to become executive chairman": the post is at
                    # the company the article has them at
                    orgs = self.company(doc, sent, tok, persons[0])
            orgs = [parent_org(doc, k) for k in orgs if k and ents[k].type == "ORG"]
            when = upcoming(doc, tok, time_near(doc, sent, tok))
            if role is None or not orgs or self.background(doc, when):
                continue
            for person in persons:
                args = {"person": person, "company": orgs[0], "role": role}
                fact = self.fact(doc, tok, args, status="appointed", time=when)
                yield unhedge(doc, fact, tok)

    @staticmethod
    def background(doc, when):
        """'who joined Acme as CFO in 2015': a career told in passing, years before the news."""
        published = str(doc._.published or "")[:4]
        return bool(
            when and when.finish and published.isdigit() and int(when.finish[:4]) < int(published) - 1
        )

    def verbs(self, doc, sent):
        ents = doc._.entities
        # "pushing out X, who had held the job ... and left": one departure, told twice
        told = set()
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in APPOINT | SUCCEED | DEPART:
                continue
            if lemma == "step" and not any(c.lower_ in ("down", "aside") for c in tok.children):
                continue
            if lemma in ("push", "force") and not any(
                c.dep_ == "prt" and c.lower_ == "out" for c in tok.children
            ):
                continue
            if lemma in ("take", "hand", "give") and not self.job_phrase(tok):
                continue
            if lemma in ("leave", "exit", "quit") and not (patients(tok) or ROLE_RX.search(span_text(sent))):
                continue
            if lemma in ("move", "ask", "bring") and not self.run_job(tok):
                continue
            role = self.run_job(tok) or self.role(sent, tok)
            if lemma == "step" and role is None and not self.named_employer(doc, tok):
                continue  # "She will step down from Nordhavn": only with the company it leaves named
            if role is None and lemma in APPOINT and BOARD_RX.search(span_text(sent)):
                role = "board member"  # "was appointed to the board of Acme"
            if (
                role is None
                and lemma not in SUCCEED | {"retire", "resign", "take", "hand", "give", "step"}
                and not re.search(r"\bsuccessor\b|\bto succeed\b|\breplace\b", span_text(sent))
                and not (lemma in ("leave", "quit", "exit") and self.leaves_company(doc, tok))
            ):
                continue
            pairs = []
            if lemma == "take":
                pairs = [(p, "appointed") for p in agents(tok) + described(tok)]
                company = []
            elif lemma in HANDOVER:
                # "Zhang handed the chief executive role to Wu"; "gave up his post"
                new = prep_entities(tok, ["to"]) + [
                    k for c in tok.children if c.dep_ == "dative" for k in expand(c)
                ]
                pairs = [(p, "departed") for p in agents(tok)] + [(p, "appointed") for p in new]
                company = []
            elif lemma in APPOINT:
                passive = any(c.dep_ == "nsubjpass" for c in tok.children)
                persons = patients(tok) if not passive else [k for c in tok.children if c.dep_ == "nsubjpass"
                                                             for k in expand(c)]  # fmt: skip
                if not persons and not passive:
                    # "named a trio of executives - A, B and C - to run the company": the group's members
                    persons = [k for c in tok.children if c.dep_ in ("dobj", "oprd") and c.lemma_ in GROUPS
                               for k in prep_entities(c, ["of"])]  # fmt: skip
                if not persons and tok.dep_ == "acl" and tok.tag_ == "VBN":
                    persons = expand(tok.head)  # "CEO Jane Roe, appointed in March, has cut costs"
                company = [] if passive else [k for k in agents(tok) if ents[k].type == "ORG"]
                pairs = [(p, "appointed") for p in persons]
            elif lemma == "replace" and [k for k in prep_entities(tok, ["with"]) if ents[k].type == "PERSON"]:
                # "Nestle replaced him with company veteran Laurent Freixe": the company names the successor
                pairs = [(p, "appointed") for p in prep_entities(tok, ["with"])]
                pairs += [(p, "departed") for p in patients(tok)]
                company = [k for k in agents(tok) if ents[k].type == "ORG"]
            elif lemma in SUCCEED:
                new = agents(tok)
                old = patients(tok)
                if any(c.dep_ == "auxpass" for c in tok.children) and not old:
                    # "would step down and be replaced by finance chief Jane Roe": the subject is the one replaced
                    new = [
                        k for c in tok.children if c.dep_ == "agent" for p in c.children for k in expand(p)
                    ]
                    old = [k for t in subject_tokens(tok) for k in expand(t)]
                if not new and any(c.dep_ == "auxpass" for c in tok.children):
                    # "was replaced as chief executive of Acme by Jane Roe": the parser hangs 'by' on the title
                    new = [k for t in tok.subtree if t.lower_ == "by" and t.dep_ in ("prep", "agent")
                           for p in t.children if p.dep_ == "pobj" for k in expand(p) if ents[k].type == "PERSON"]  # fmt: skip
                pairs = [(p, "appointed") for p in new] + [(p, "departed") for p in old]
                company = []
            else:
                persons = (
                    agents(tok) + described(tok)
                    if lemma not in REMOVE
                    else (
                        patients(tok) or [k for c in tok.children if c.dep_ == "nsubjpass" for k in expand(c)]
                    )
                )
                if tok.dep_ == "xcomp" or any(c.dep_ == "nsubjpass" for c in tok.children):
                    persons = persons or [k for c in tok.children if c.dep_ == "nsubjpass" for k in expand(c)]
                pairs = [(p, "departed") for p in persons]
                company = [k for k in agents(tok) if ents[k].type == "ORG"] if lemma in REMOVE else []
            handover = self.handover_time(sent)
            for person, status in pairs:
                if ents[person].type != "PERSON" or (person, status) in told:
                    continue
                told.add((person, status))
                org = company or self.company(doc, sent, tok, person)
                if lemma in ("leave", "quit", "exit"):
                    # "leaves Widget to become chief executive of Acme": the company left is the object
                    # by name: "will leave the company" is whichever company the sentence names as theirs
                    left = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
                    org = [
                        parent_org(doc, k) for c in left for k in expand(c) if ents[k].type == "ORG"
                    ] or org
                if lemma == "take" and person in self.posts and not self.named_employer(doc, tok):
                    org = [self.posts[person]]  # "Niccol takes over on Sept. 9": the post just announced
                role = role or doc._.entities[person].role
                if not org:
                    continue
                args = {"person": person, "company": org[0], "role": role}
                when = upcoming(doc, tok, time_near(doc, sent, tok))
                if when is None and (
                    lemma in SUCCEED or re.search(r"\bto (?:succeed|replace)\b", span_text(sent))
                ):
                    when = handover
                fact = self.fact(doc, tok, args, status=status, time=when)
                self.last = (fact, sent.end)
                if status == "appointed":  # "Niccol takes over on Sept. 9": the post given, not the one left
                    self.post = org[0]
                    self.posts.setdefault(person, org[0])
                yield unhedge(doc, fact, tok)

    @staticmethod
    def leaves_company(doc, tok):
        """'X leaves Widget to run Acme', 'quit Widget to join Acme', 'is leaving the company after 20 years':
        a person leaving a company needs no title to be a departure."""
        if any(
            c.dep_ in ("advcl", "xcomp")
            and c.lemma_ in RUN | {"become", "join"}
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in tok.children
        ):
            return True
        ents = doc._.entities
        left = [k for c in tok.children if c.dep_ == "dobj" for k in expand(c)]
        who = [k for k in agents(tok) if ents[k].type == "PERSON"]
        return bool(who) and any(ents[k].type == "ORG" and ents[k].kind is None for k in left)

    def will_run(self, doc, sent):
        """'Widget CEO Jane Roe will lead the combined networking business': a post in the new set-up."""
        ents = doc._.entities
        for tok in tokens(sent):
            if tok.pos_ != "VERB" or tok.lemma_ not in RUN:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in tok.children):
                continue
            obj = [
                c
                for c in tok.children
                # "will lead a newly established interim executive committee": the stand-in leadership
                if c.dep_ == "dobj" and c.lemma_ in UNIT_WORDS | {"company", "team", "committee"}
            ]
            persons = [k for k in agents(tok) if ents[k].type == "PERSON"]
            if not obj or not persons:
                continue
            orgs = [
                parent_org(doc, k) for t in obj[0].subtree if (k := entity_of(t)) and ents[k].type == "ORG"
            ]
            words = [
                t.text for t in obj[0].subtree if t.dep_ != "poss" and not t.is_punct and t.dep_ != "det"
            ]
            for person in persons:
                org = orgs or self.company(doc, sent, tok, person)
                if org:
                    args = {"person": person, "company": org[0], "role": "head of " + " ".join(words)}
                    fact = self.fact(doc, tok, args, status="appointed", time=time_near(doc, sent, tok))
                    yield unhedge(doc, fact, tok)

    @staticmethod
    def named_employer(doc, tok):
        return [k for k in prep_entities(tok, ["from", "at", "of"]) if doc._.entities[k].type == "ORG"]

    @staticmethod
    def run_job(tok):
        """'tapped X to run its cloud business': 'head of its cloud business'."""
        for c in tok.children:
            if c.dep_ == "xcomp" and c.lemma_ in RUN:
                obj = [o for o in c.children if o.dep_ == "dobj"]
                if obj:
                    words = [t.text for t in obj[0].subtree if t.dep_ != "poss" and not t.is_punct]
                    return "head of " + " ".join(words)
        return None

    @classmethod
    def role(cls, sent, trigger=None):
        """The title the trigger's own clause names ('handed the chief executive role to Y, ... gave up his
        post as head of the cloud unit': two roles), else the sentence's."""
        if trigger is not None:
            skip = {
                t.i
                for d in trigger.subtree
                if d.i != trigger.i and d.dep_ in ("relcl", "advcl", "ccomp", "conj", "acl")
                for t in d.subtree
            }
            found = cls.role_in(" ".join(t.text for t in trigger.subtree if t.i not in skip))
            if found:
                return found
        return cls.role_in(span_text(sent))

    @staticmethod
    def role_in(text):
        # "hired X, a former Google executive, as its new chief technology officer": the role is after "as"
        after_as = re.search(r"\bas\s+(?:its\s+|the\s+|their\s+)?(?:new\s+|interim\s+|acting\s+)?", text)
        if after_as:
            m = ROLE_RX.search(text, after_as.end())
            if m and m.start() - after_as.end() < 30:
                return m.group().lower()
        m = ROLE_RX.search(text)
        return m.group().lower() if m else None

    @staticmethod
    def job_phrase(tok):
        return any(
            t.lower_ in JOBS for c in tok.children if c.dep_ in ("dobj", "prt", "prep") for t in c.subtree
        )

    @classmethod
    def company(cls, doc, sent, tok, person):
        return [parent_org(doc, k) for k in cls.employer(doc, sent, tok, person)]

    @staticmethod
    def employer(doc, sent, tok, person):
        ents = doc._.entities
        # "took over in April with a mandate ... after the collapse of Archegos": a company named in a
        # clause or phrase about something else is not the one the person works for
        aside = {t.i for c in tok.subtree if c.i != tok.i and (c.dep_ in ("advcl", "relcl", "acl", "ccomp") or (
                 c.dep_ == "prep" and c.lower_ in ("after", "with", "before", "despite", "amid")))
                 for t in c.subtree}  # fmt: skip
        for c in tok.subtree:
            if c.i in aside:
                continue
            if c.lower_ in ("of", "at", "from") and c.dep_ == "prep":
                found = [k for k in prep_entities(c.head, ["of", "at", "from"]) if ents[k].type == "ORG"]
                if found:
                    return found
        in_sentence = {entity_of(t) for t in sent if entity_of(t)}
        own = ents[person].org
        # "Teng, a former Abu Dhabi regulator, was named...": where someone came from is not
        # the company that named them.
        if own and own in in_sentence and ents[own].type == "ORG" and not FORMER_RX.search(span_text(sent)):
            return [own]
        # "CEO Jane Roe, appointed in March, has been cutting jobs to stabilize the company": the one
        # company the sentence names, itself or by a description
        named = [k for k in in_sentence if ents[k].type == "ORG" and ents[k].kind is None]
        if len(named) == 1 and not FORMER_RX.search(span_text(sent)):
            return named
        main = main_org(doc)
        if main:
            return [main]
        if ents[person].org:
            return [ents[person].org]
        org = company_of(doc, person)
        if org != person:
            return [org]
        org = main_org(doc)
        return [org] if org else []


def described(tok) -> list[str]:
    """'Taro Roe, a former Widget executive who took the helm in 2022': the person the apposition
    describes, not the company in it."""
    if (
        tok.dep_ == "relcl"
        and tok.head.dep_ == "appos"
        and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in tok.children)
    ):
        return [k for k in expand(tok.head.head) if tok.doc._.entities[k].type == "PERSON"]
    return []


def upcoming(doc, tok, when):
    """'will retire in March', 'named CFO, effective Jan. 1' in an October story: a change still to come
    falls on the next such date, not the last one."""
    if when is None or not when.begin or not doc._.published:
        return when
    published = str(doc._.published)[:10]
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in tok.children)
    effective = re.search(
        r"\beffective\s+(?:on\s+|from\s+|as of\s+)?$",
        doc_text(doc)[max(0, when.start - 20) : when.start],
        re.I,
    )
    if effective and not future:
        # past dates a few weeks back are still news ("effective Oct. 1" in an October story)
        year, month = int(published[:4]), int(published[5:7])
        if (year - int(when.begin[:4])) * 12 + month - int(when.begin[5:7]) < 3:
            return when
    return LaunchExtractor.ahead(doc, when) if future or effective else when


def parent_org(doc, key: str) -> str:
    """A company's own unit ("a new Pfizer Oncology Division") stands for the company: people
    are named to the group, and the unit is seldom an entity of its own in later news."""
    ents = doc._.entities
    words = ents[key].name.split()
    if len(words) < 2 or words[-1].lower() not in UNIT_WORDS:
        return key
    for other, info in ents.items():
        if other != key and info.type == "ORG" and words[0] in info.names:
            return other
    return key
