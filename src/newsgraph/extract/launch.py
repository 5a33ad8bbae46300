"""launch: 'X launched Y', 'X still hopes to debut its first electric car next year', 'X delayed Y'."""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections import Counter
from datetime import date, timedelta

from newsgraph.extract.base import (
    FactExtractor,
    agents,
    company_of,
    governing,
    main_org,
    poss_entity,
    relative_head,
    sentence_words,
    subject_tokens,
    time_near,
    tokens,
)  # fmt: skip
from newsgraph.extract.policy import is_body
from newsgraph.extract.reported import unhedge
from newsgraph.model import Source
from newsgraph.nlp.attribution import source_at
from newsgraph.nlp.shared import doc_text, entity_of
from newsgraph.nlp.times import MONTHS, TimeMention

VERBS = {"launch": "launched", "unveil": "launched", "introduce": "launched", "debut": "launched",
         "release": "launched", "roll": "launched", "unveiled": "launched", "ship": "launched",
         "deliver": "launched", "start": "launched", "begin": "launched", "commence": "launched",
         "delay": "delayed", "postpone": "delayed", "push": "delayed", "cancel": "cancelled",
         "scrap": "cancelled", "shelve": "cancelled", "abandon": "cancelled", "ditch": "cancelled", "axe": "cancelled", "discontinue": "cancelled",
         "recall": "cancelled", "unwrap": "launched", "showcase": "launched"}  # fmt: skip
FUTURE = {"plan", "hope", "aim", "expect", "intend", "will", "would", "set", "seek", "prepare", "want", "target",
          "due", "slate", "schedule", "could", "may", "might", "shall", "look", "try", "is"}  # fmt: skip
NOT_PRODUCTS = {"probe", "investigation", "review", "bid", "offer", "lawsuit", "suit", "inquiry", "campaign",
                "strike", "attack", "talks", "appeal", "challenge", "search", "consultation", "tender",
                "buyback", "program", "programme", "ipo", "listing", "fund", "round", "study", "audit",
                "effort", "initiative", "process", "discussions", "negotiations", "bond", "bonds", "deal",
                "shares", "stake", "partnership", "venture", "company", "unit", "business", "operations", "rules",
                "regulations", "that", "which", "it", "plan", "plans", "strategy"}  # fmt: skip
PRODUCTION = {"production", "sales", "selling", "deliveries", "shipments", "manufacturing", "output"}
# New products named after the one they replace: "a successor to its Switch console".
SUCCESSORS = {"successor", "sequel", "follow-up", "version", "generation"}
# What a plant, mine or project is brought into when it starts working.
OPERATION = {"production", "operation", "operations", "service"}


NOT_AVAILABLE = {"comment", "comments", "details", "data", "information", "figures", "spokesperson", "spokesman",
                 "spokeswoman", "representative", "representatives", "executives", "numbers", "terms", "results",
                 "report", "earnings", "statement", "cash", "funds", "credit", "money", "documents", "filing",
                 "transcript", "he", "she", "they", "it", "executive", "chief", "ceo", "officer", "management",
                 "staff", "team", "official", "officials", "spokespeople", "employees", "workers", "board"}  # fmt: skip
PLANNED_MAKING = {"launch", "release", "introduce", "sell", "produce", "make", "develop", "build", "offer"}
FACILITIES = {"plant", "factory", "facility", "gigafactory", "fab", "site", "campus", "centre", "center", "hub",
              "warehouse", "office", "headquarters", "store", "stores", "mine", "refinery"}  # fmt: skip
NOUN_TRIGGERS = {"launch", "release", "debut", "rollout", "roll-out", "unveiling", "introduction"}
STORES = {
    "showrooms",
    "stores",
    "shops",
    "shelves",
    "dealerships",
    "pharmacies",
    "theaters",
    "theatres",
    "cinemas",
}
ON_SALE = {("go", "sale"), ("hit", "showrooms"), ("hit", "shelves"), ("hit", "stores"), ("hit", "market"),
           ("arrive", "showrooms"), ("reach", "showrooms"), ("hit", "roads")}  # fmt: skip
# Words one of which a sentence needs for any token of it to start a fact in `match` and its readers.
TRIGGERS = (
    set(VERBS)
    | NOUN_TRIGGERS
    | {verb for verb, _ in ON_SALE}
    | {"bring", "expect", "available", "due", "enter", "arrive", "announce"}
)


class LaunchExtractor(FactExtractor):
    fact_type = "launch"

    def fact(self, doc, trigger, args, status=None, time=None, certainty=None, source=None):
        if status in ("planned", "delayed"):  # a launch put off is put off to a date ahead
            time = self.by_deadline(doc, self.ahead(doc, time))
        return unhedge(doc, super().fact(doc, trigger, args, status, time, certainty, source), trigger)

    @staticmethod
    def by_deadline(doc, time):
        """'available by the end of the year': any time from now until then."""
        published = str(doc._.published or "")[:10]
        if time is None or not time.begin or not published or time.begin <= published:
            return time
        if not re.search(r"\b(?:by|before)\s+$", doc_text(doc)[max(0, time.start - 8) : time.start], re.I):
            return time
        return dataclasses.replace(time, begin=published)

    @staticmethod
    def ahead(doc, time):
        """'Tesla would unveil its robotaxi on August 8': a planned launch on a date without a year is the
        next such date, not the last."""
        published = str(doc._.published or "")[:10]
        if time is None or not time.begin or not published or time.begin >= published:
            return time
        if re.search(r"\b(?:19|20)\d\d\b|\blast\b|\bago\b|\bearlier\b", time.text, re.I):
            return time
        if re.fullmatch(r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day", time.text, re.I):
            # "will go on sale on Friday": the coming Friday, a week after the one before the article
            day = (date.fromisoformat(time.begin) + timedelta(days=7)).isoformat()
            return dataclasses.replace(time, begin=day, finish=day)
        if not re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", time.text, re.I):
            return time  # only a month named without its year wraps to next year
        later = time.year_later()
        return later if later is not None and later.finish >= published else time

    def match(self, doc, sent):
        if sentence_words(sent).isdisjoint(TRIGGERS):
            return  # no token below can be a trigger
        yield from self.noun_launches(doc, sent)
        yield from self.expected_availability(doc, sent)
        yield from self.made_available(doc, sent)
        yield from self.into_operation(doc, sent)
        yield from self.announced(doc, sent)
        for tok in tokens(sent):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and (
                self.on_sale(tok) or self.arrives(doc, tok) or self.product_launched(doc, tok)
            ):
                yield from self.product_subject(doc, sent, tok)
                continue
            if tok.lower_ == "due" and tok.dep_ == "acomp" and self.in_stores(tok):
                # "Renault's R5 is due in showrooms later this year"
                yield from self.product_subject(doc, sent, tok.head, status="planned")
                continue
            if lemma == "bring" and tok.pos_ == "VERB" and self.to_market(tok):
                lemma = "launch"  # "would bring the drug to market in Europe next year"
            elif tok.pos_ != "VERB" or lemma not in VERBS:
                continue
            obj = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if tok.dep_ == "relcl" and (not obj or obj[0].pos_ == "PRON"):
                obj = [tok.head]  # "a strategic review that U.S. Steel launched"
            reduced = self.reduced_relative(doc, tok) if not obj else None
            if reduced is not None:
                obj = [reduced[0]]
            if obj and VERBS[lemma] == "cancelled" and obj[0].lemma_ == "plan":
                obj = self.planned_product(obj[0]) or obj  # "abandoned plans to build an electric car"
            if (
                lemma
                not in ("recall", "launch", "unveil", "introduce", "debut", "release", "unwrap", "showcase")
                and obj
                and any((c.dep_ == "nummod" or c.tag_ == "CD") and c.i < obj[0].i for c in obj[0].children)
            ):
                continue  # "delivered 484,507 vehicles": a count, read as a result
            if lemma == "roll" and not any(c.lower_ == "out" for c in tok.children):
                continue
            if lemma == "push" and not any(c.lower_ in ("back",) for c in tok.children):
                continue
            if lemma in ("start", "begin", "commence", "deliver", "ship") and not (
                obj
                and obj[0].lower_ in PRODUCTION | {"cars", "vehicles", "car", "vehicle", "phones"}
                or lemma in ("deliver", "ship")
                and obj
                and self.first_units(obj[0])
                or any(
                    c.dep_ == "xcomp" and c.lemma_ in ("sell", "produce", "deliver", "ship")
                    for c in tok.children
                )
            ):
                continue
            if not obj and not any(c.dep_ == "xcomp" for c in tok.children):
                continue
            if VERBS[lemma] == "cancelled" and tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj", "acl"):
                continue  # "the difficulty of cancelling subscriptions"
            if obj and obj[0].lower_ in NOUN_TRIGGERS:
                continue  # "delayed the launch of X": read with the noun, which keeps the status
            # a title delayed or scrapped is a product, though the tagger may take it for a person's name
            # ("delayed Assassin's Creed Shadows"); nobody delays a person
            kinds = ("ORG", "GOV") if VERBS[lemma] in ("delayed", "cancelled") else ("ORG", "GOV", "PERSON")
            if obj and any(c.dep_ == "det" and c.lower_ == "the" for c in obj[0].children):
                kinds = ("ORG", "GOV")  # "launched the Air Max Dn": nobody launches "the" person
            if reduced is not None:
                kinds = ()  # the clause told who launched it; a title the tagger took for a company is still one
            if obj and (obj[0].lower_ in NOT_PRODUCTS or entity_of(obj[0]) and
                        doc._.entities[entity_of(obj[0])].type in kinds
                        and not self.brand_model(doc, tok, entity_of(obj[0]))):  # fmt: skip
                continue
            if tok.dep_ == "xcomp" and tok.head.lemma_ in ("continue", "keep"):
                continue  # "continue to release its models under open licences": a practice, not a launch
            if obj and obj[0].pos_ == "PRON" and tok.dep_ != "relcl":
                continue  # "after the two central banks abandoned them": what 'them' is, the verb doesn't say
            if any(is_body(s) for s in subject_tokens(tok)):
                continue  # "the central bank scrapped yield curve control": a policy, read by the policy reader
            companies = [company_of(doc, k) for k in agents(tok)]
            companies = [
                k for k in companies if doc._.entities[k].type == "ORG" and doc._.entities[k].kind is None
            ]
            if reduced is not None:
                companies = [reduced[1] or self.maker(doc, reduced[0]) or main_org(doc)]
            if not companies and any(c.dep_ == "nsubjpass" for c in tok.children):
                # "which will be released on November 7": the product's maker, else the article's company
                org = (self.maker(doc, obj[0]) if obj else None) or main_org(doc)
                companies = [org] if org else []
            if not companies:
                continue
            if not obj:
                # "started selling its Vision headset": the product is the object of the verb it governs
                obj = [o for c in tok.children if c.dep_ == "xcomp" for o in c.children if o.dep_ == "dobj"]
            product = self.product(doc, obj[0], companies) if obj else None
            status = VERBS[lemma]
            if status == "launched" and self.future(tok):
                status = "planned"
            when = self.own_time(doc, tok) or time_near(doc, sent, tok)
            for c in dict.fromkeys(companies):
                yield self.fact(doc, tok, {"company": c, "product": product}, status=status,
                                time=when)  # fmt: skip

    def into_operation(self, doc, sent):
        """'the mine, which the company aims to bring into production in 2027', 'the wind farm began
        commercial operation in June': a plant or project put to work is its owner's launch."""
        ents = doc._.entities
        for tok in tokens(sent):
            if tok.pos_ != "VERB":
                continue
            if tok.lemma_ == "bring" and any(
                c.dep_ == "prep" and c.lower_ == "into" and any(p.lemma_ in OPERATION for p in c.children)
                for c in tok.children
            ):
                obj = [c for c in tok.children if c.dep_ == "dobj"]
                if obj and obj[0].lower_ in ("which", "that"):
                    obj = [relative_head(tok) or obj[0]]
                owners = [company_of(doc, k) for k in agents(tok)]
            elif tok.lemma_ in ("begin", "start", "commence", "enter") and any(
                c.dep_ == "dobj"
                and c.lemma_ in OPERATION
                and any(a.lower_ in ("commercial", "full") for a in c.children)
                for c in tok.children
            ):
                # the subject is the facility: a common noun ("the complex"), not a company's name
                obj = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
                owners = [self.maker(doc, obj[0]) or main_org(doc)] if obj else []
            else:
                continue
            owners = [k for k in owners if k and ents[k].type == "ORG" and ents[k].kind is None]
            if not obj or obj[0].pos_ == "PRON" or not owners:
                continue
            status = "planned" if self.future(tok) else "launched"
            yield self.fact(doc, tok, {"company": owners[0], "product": self.product(doc, obj[0])},
                            status=status, time=time_near(doc, sent, tok))  # fmt: skip

    def announced(self, doc, sent):
        """'Acme will announce a successor to its Gizmo console', 'announced Gizmo 2': a product announced is
        a launch to come; an announced deal, result or plan is not one."""
        ents = doc._.entities
        for tok in tokens(sent):
            if tok.lemma_ != "announce" or tok.pos_ != "VERB":
                continue
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                kinds = {ents[k].type for t in obj.subtree if (k := entity_of(t))}
                if not (
                    entity_of(obj)
                    and ents[entity_of(obj)].type == "PRODUCT"
                    or obj.lemma_ in SUCCESSORS
                    and "PRODUCT" in kinds
                ):
                    continue
                owners = [company_of(doc, k) for k in agents(tok)]
                owners = [k for k in owners if ents[k].type == "ORG" and ents[k].kind is None]
                if not owners:
                    continue
                # the new product, not the old one its name is given by
                words = [t for t in obj.subtree if t.dep_ != "det"]
                product = (
                    doc_text(doc)[words[0].idx : words[-1].idx + len(words[-1].text)]
                    if obj.lemma_ in SUCCESSORS
                    else self.product(doc, obj, owners)
                )
                yield self.fact(doc, tok, {"company": owners[0], "product": product}, status="planned",
                                time=time_near(doc, sent, tok))  # fmt: skip

    def expected_availability(self, doc, sent):
        """'X expects Zepbound to be available in pharmacies by the end of the year'."""
        for tok in tokens(sent):
            if tok.lemma_ != "expect" or tok.pos_ != "VERB":
                continue
            for c in tok.children:
                if c.dep_ in ("ccomp", "xcomp") and any(t.lower_ in ("available", "on") for t in c.children):
                    subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")] or [
                        s for s in tok.children if s.dep_ == "dobj"
                    ]
                    companies = [company_of(doc, k) for k in agents(tok)]
                    companies = [k for k in companies if doc._.entities[k].type == "ORG"]
                    if subj and companies:
                        yield self.fact(doc, tok, {"company": companies[0], "product": self.product(doc, subj[0])},
                                        status="planned", time=time_near(doc, sent, c))  # fmt: skip

    def made_available(self, doc, sent):
        """ "Acme's new phone will be available in stores from Friday", "Acme made its AI model available
        to developers": a product put on the market."""
        ents = doc._.entities
        for tok in tokens(sent):
            if tok.lower_ != "available" or tok.dep_ not in ("acomp", "oprd", "ccomp", "xcomp"):
                continue
            verb = tok.head
            if any(c.dep_ == "neg" for c in [*verb.children, *tok.children]) or verb.lemma_ not in (
                "be",
                "make",
            ):
                continue
            subj = [c for c in tok.children if c.dep_ == "nsubj"] or [
                c for c in verb.children if c.dep_ == ("dobj" if verb.lemma_ == "make" else "nsubj")
            ]
            if not subj or subj[0].lower_ in NOT_PRODUCTS | NOT_AVAILABLE:
                continue
            # the entity reader's type over the tagger's: a made-up drug name often looks like a person's
            key = entity_of(subj[0])
            if (ents[key].type if key else subj[0].ent_type_) == "PERSON":
                continue
            source = None
            if verb.lemma_ == "make":
                makers = [company_of(doc, k) for k in agents(verb)]
            else:
                makers = [company_of(doc, k) for k in poss_entity(subj[0])]
                if not makers and verb.dep_ == "ccomp" and verb.head.lemma_ in ("say", "announce", "expect"):
                    # "Acme said Zentra would be available to patients within weeks": its maker speaking
                    makers = [company_of(doc, k) for k in agents(verb.head)]
                    said = [k for k in makers if ents[k].type == "ORG"]
                    if said and source_at(doc, verb) is None:
                        source = Source("organization", ents[said[0]].name)
            makers = [k for k in makers if ents[k].type == "ORG" and ents[k].kind is None]
            named = any(entity_of(t) and ents[entity_of(t)].type == "PRODUCT" for t in subj[0].subtree)
            if not makers and named:
                makers = [main_org(doc)] if main_org(doc) else []
            if not makers:
                continue
            status = (
                "planned"
                if self.future(verb) or any(c.lower_ in ("will", "would") for c in verb.children)
                else "launched"
            )
            yield self.fact(doc, verb, {"company": makers[0], "product": self.product(doc, subj[0])}, status=status,
                            time=time_near(doc, sent, verb), source=source)  # fmt: skip

    @staticmethod
    def to_market(tok):
        return any(
            c.dep_ in ("prep", "dative")
            and c.lower_ == "to"
            and any(p.lemma_ == "market" for p in c.children)
            for c in tok.children
        )

    @staticmethod
    def maker(doc, head):
        """Whose product the phrase headed by `head` names: its possessor ("Stellantis' Citroen e-C3",
        where the parser hangs the possessive on a word inside the name), else the company the article
        gives the named product to elsewhere ("began taking pre-orders for its PS5 Pro console")."""
        ents = doc._.entities
        clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        toks = [t for t in head.subtree if t.i not in clauses]  # "the Orbit 3, Acme's first phone," included
        for t in toks:
            if t.dep_ == "poss" and entity_of(t) and ents[company_of(doc, entity_of(t))].type == "ORG":
                return company_of(doc, entity_of(t))
        named = {entity_of(t) for t in toks if entity_of(t) and ents[entity_of(t)].type == "PRODUCT"}
        for m in doc._.mentions:
            if m.key not in named:
                continue
            root = doc[m.end - 1]
            holder = root.head if root.dep_ == "compound" else root  # "its PS5 Pro console"
            for c in holder.children:
                k = entity_of(c) if c.dep_ == "poss" else None
                if k and ents[company_of(doc, k)].type == "ORG" and ents[company_of(doc, k)].kind is None:
                    return company_of(doc, k)
        return None

    @staticmethod
    def own_time(doc, tok):
        """'Following approval in July, Acme launched X in Germany in September': the date the launch verb
        itself carries, not one of a clause beside it."""
        spans = [(c.idx, c.right_edge.idx + len(c.right_edge)) for c in tok.children
                 if c.dep_ in ("prep", "npadvmod") and c.i > tok.i]  # fmt: skip
        for t in doc._.times:
            if any(a <= t.start and t.end <= b for a, b in spans):
                return t
        return None

    @staticmethod
    def planned_product(plans):
        """'plans to build an electric car': the car, unless what was planned is a plant."""
        for c in plans.children:
            if c.dep_ == "acl" and c.lemma_ in PLANNED_MAKING:
                objs = [o for o in c.children if o.dep_ == "dobj" and o.lemma_ not in FACILITIES]
                if objs:
                    return objs
        return []

    @staticmethod
    def on_sale(tok):
        for c in tok.children:
            for t in [c, *c.children]:
                if (tok.lemma_.lower(), t.lower_) in ON_SALE:
                    return True
        return False

    @staticmethod
    def product_launched(doc, tok):
        """'Acme's Orbit 3 tablet launched on Friday', 'the game debuted in May': the product itself the
        subject; a company that 'launched in 2010' was founded, not launched."""
        if tok.lemma_ not in ("launch", "debut") or any(
            c.dep_ in ("dobj", "nsubjpass") for c in tok.children
        ):
            return False
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj or subj[0].pos_ == "PRON" or subj[0].lower_ in NOT_PRODUCTS | NOT_AVAILABLE:
            return False
        key = entity_of(subj[0])
        return not (key and doc._.entities[key].type in ("ORG", "GOV", "PERSON", "PLACE"))

    def arrives(self, doc, tok):
        """'Capcom said its Monster Hunter Wilds would arrive on Feb. 28': a company's own product dated."""
        if tok.lemma_ != "arrive" or self.own_time(doc, tok) is None:
            return False
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        return bool(subj) and any(
            c.dep_ == "poss" and entity_of(c) and doc._.entities[entity_of(c)].type == "ORG"
            for c in subj[0].children
        )

    @staticmethod
    def in_stores(tok):
        return any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(p.lower_ in STORES for p in c.children)
                   for c in tok.children)  # fmt: skip

    def product_subject(self, doc, sent, tok, status=None):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.dep_ == "relcl":
            subj = [tok.head]
        if not subj and tok.dep_ == "xcomp":
            # "The cars are scheduled to hit showrooms in 2026": the subject of the governing verb
            subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            return
        org = self.maker(doc, subj[0]) or main_org(doc)
        if org is None:
            return
        status = status or ("planned" if self.future(tok) else "launched")
        yield self.fact(doc, tok, {"company": org, "product": self.product(doc, subj[0])}, status=status,
                        time=time_near(doc, sent, tok))  # fmt: skip

    def noun_launches(self, doc, sent):
        """'the launch of the iPhone 15 lineup in September', 'the July release of Claude 2'."""
        for tok in tokens(sent):
            if tok.pos_ != "NOUN" or tok.lower_ not in NOUN_TRIGGERS:
                continue
            of = [
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if not of or of[0].lower_ in NOT_PRODUCTS:
                continue
            org = next((company_of(doc, k) for k in poss_entity(tok)), None)
            org = org or next((company_of(doc, k) for k in poss_entity(of[0])), None) or main_org(doc)
            if org is None or doc._.entities[org].type != "ORG":
                continue
            when = time_near(doc, sent, tok) or self.month_of(doc, tok)
            published = doc._.published or ""
            status = "planned" if when and when.begin and published and when.begin > published else "launched"
            verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
            if verb is not None and VERBS.get(verb.lemma_.lower()) in ("delayed", "cancelled"):
                status = VERBS[verb.lemma_.lower()]
            elif verb is not None and self.future(verb):
                status = "planned"
            yield self.fact(
                doc, tok, {"company": org, "product": self.product(doc, of[0])}, status=status, time=when
            )

    @staticmethod
    def month_of(doc, tok):
        """'the July release of Claude 2': a month naming the launch, in its latest past occurrence."""
        published = str(doc._.published or "")[:10]
        for c in tok.children:
            month = MONTHS.get(c.lower_)
            if month is None or c.dep_ not in ("compound", "amod", "nmod", "npadvmod") or not published:
                continue
            year = int(published[:4]) - (month > int(published[5:7]))
            last = calendar.monthrange(year, month)[1]
            return TimeMention(c.text, c.idx, c.idx + len(c.text), f"{year}-{month:02d}-01",
                               f"{year}-{month:02d}-{last:02d}")  # fmt: skip
        return None

    @staticmethod
    def reduced_relative(doc, tok):
        """'the AI assistant Acme introduced in September', 'sales of Star Wars Outlaws, released on Aug.
        30,': a launch told in a clause without 'which'. The product, and its maker where the clause names
        it; None where the clause is no launch of a named thing."""
        if tok.dep_ not in ("acl", "advcl") or tok.tag_ not in ("VBN", "VBD"):
            return None
        if VERBS.get(tok.lemma_.lower()) != "launched":
            return None
        if tok.lemma_.lower() in ("deliver", "ship", "start", "begin", "commence") or tok.i < 2:
            return None
        ents = doc._.entities
        before = doc[tok.i - 1]
        key = entity_of(before)
        if key and ents[key].type == "ORG" and ents[key].kind is None and tok.dep_ == "acl":
            # the parser hangs the clause on the noun, or on the company's name set beside it
            head = tok.head.head if before.i == tok.head.i and before.dep_ == "appos" else tok.head
            if before.i != tok.head.i and before.head.i not in (tok.head.i, tok.i):
                return None
            if head.lower_ in NOT_PRODUCTS | NOT_AVAILABLE or entity_of(head) == key:
                return None
            return head, key
        named = doc[tok.i - 2]
        if before.text == "," and named.pos_ == "PROPN" and named.lower_ not in NOT_AVAILABLE:
            key = entity_of(named)
            if key and ents[key].type in ("GOV", "PERSON", "PLACE"):
                return None
            return named, None
        return None

    @staticmethod
    def product(doc, head, makers=()):
        if head.lower_ in PRODUCTION:
            # "started volume production of the eight-layer HBM3E": what is produced
            made = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj"]  # fmt: skip
            head = made[0] if made else head
        clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
        toks = [t for t in head.subtree if t.i not in clauses]
        for t in toks:
            if entity_of(t) and doc._.entities[entity_of(t)].type == "PRODUCT":
                return entity_of(t)
        # "its HBM3E", "Acme's phone": the owner is no part of the name; "Assassin's Creed" is, and so is
        # any possessive other than the launching company's ("Ubisoft delayed Assassin's Creed Shadows")
        named = Counter(m.key for m in doc._.mentions)
        owner = {t.i for t in toks if t.dep_ == "poss" and (t.pos_ == "PRON" or named[entity_of(t)] > 1 and (
                 not makers or company_of(doc, entity_of(t)) in makers))}  # fmt: skip
        owner |= {t.i for t in toks if t.dep_ == "case" and t.head.i in owner}
        kept = [
            t for t in toks if t.dep_ != "det" and t.i not in owner and not (t.is_punct and t.text != "-")
        ][:8]
        if not kept:
            return None
        if [t.i for t in kept] == list(range(kept[0].i, kept[-1].i + 1)):
            return doc_text(doc)[kept[0].idx : kept[-1].idx + len(kept[-1].text)]
        return " ".join(t.text for t in kept)

    @staticmethod
    def brand_model(doc, verb, key):
        """'Mistral unveiled Mistral Large': a model named after its maker, which the tagger takes for a
        company."""
        name = doc._.entities[key].name.lower()
        for k in agents(verb):
            maker = doc._.entities[company_of(doc, k)]
            if k != key and any(name.startswith(n.lower() + " ") for n in [maker.name, *maker.aliases]):
                return True
        return False

    @staticmethod
    def first_units(obj):
        """'deliver the first of its Cybertruck pickups', 'ship its first cars': the first units out are a launch."""
        return obj.lower_ == "first" or any(
            c.lower_ == "first" and c.dep_ in ("amod", "advmod") for c in obj.children
        )

    @staticmethod
    def future(tok):
        if tok.tag_ in ("VB", "VBG") and tok.dep_ in ("xcomp", "ROOT", "conj", "advcl"):
            chain = governing(tok, 3)
            if any(g.lemma_.lower() in FUTURE for g in chain[1:]) or tok.dep_ == "xcomp":
                return True
        return any(c.dep_ == "aux" and c.lemma_.lower() in FUTURE for c in tok.children)
