"""Reported speech shifts tenses: 'BYD said it would build a plant' reports the plan 'we will build a
plant'. The 'would' is the backshifted 'will', not a hedge; plans, launches and leadership changes told
this way are stated, as the annotation guide reads them."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.base import company_of
from newsgraph.model import Fact, Source
from newsgraph.nlp.attribution import HEDGE_LEMMAS, NO_CERTAINTY, source_at
from newsgraph.nlp.shared import entity_of

SAY = {"say", "announce", "tell", "confirm", "state", "add", "write", "disclose", "reveal", "report", "post"}
OTHER_MODALS = {"may", "might", "could", "should", "can"}


def backshifted(trigger: Token) -> bool:
    """The trigger's clause carries 'would' and hangs, as a that-clause, on a verb of saying."""
    tok, scope = trigger, [trigger]
    for _ in range(4):
        scope += list(tok.children)
        if tok.dep_ == "ccomp" or tok.head.i == tok.i:
            break
        if tok.dep_ in ("advcl", "relcl", "parataxis", "conj"):
            return False
        tok = tok.head
    if tok.dep_ != "ccomp" or tok.head.lemma_ not in SAY:
        return False
    auxes = {t.lower_ for t in scope if t.dep_ == "aux"}
    words = {t.lemma_.lower() for t in scope}
    clause = trigger.doc[min(t.i for t in scope) : max(t.i for t in scope) + 1].text
    return (
        "would" in auxes
        and not auxes & OTHER_MODALS
        and not words & HEDGE_LEMMAS
        and not NO_CERTAINTY.search(clause)
    )


def speech_verb(trigger: Token) -> Token | None:
    """The verb of saying whose that-clause holds the trigger."""
    tok = trigger
    for _ in range(4):
        if tok.dep_ == "ccomp":
            return tok.head if tok.head.lemma_ in SAY else None
        if tok.head.i == tok.i or tok.dep_ in ("advcl", "relcl", "parataxis", "conj"):
            return None
        tok = tok.head
    return None


def named_speaker(doc: Doc, fact: Fact, trigger: Token) -> Fact:
    """'Musk posted that Tesla would unveil its robotaxi': a speaker the attribution reader's cues missed."""
    verb = speech_verb(trigger)
    if fact.source.kind != "document" or verb is None:
        return fact
    k = _subject_entity(verb)
    if k is not None:
        info = doc._.entities[k]
        kinds = {"PERSON": "person"}
        kind = kinds.get(info.type, "publication" if info.kind == "publication" else "organization")
        fact.source = Source(kind, info.name)
    return fact


def _subject_entity(verb: Token | None) -> str | None:
    if verb is None:
        return None
    return next((entity_of(c) for c in verb.children if c.dep_ == "nsubj" and entity_of(c)), None)


def unhedge(doc: Doc, fact: Fact, trigger: Token) -> Fact:
    """Undo 'possible' where the only hedge was a backshifted 'would'; name a speaker the cues missed."""
    fact = named_speaker(doc, fact, trigger)
    if fact.certainty != "possible" or not backshifted(trigger):
        return fact
    att = source_at(doc, trigger)
    parties = {v for v in fact.args.values() if isinstance(v, str)}
    speaker = att.speaker if att is not None else _subject_entity(speech_verb(trigger))
    own = speaker is not None and (speaker in parties or company_of(doc, speaker) in parties)
    own = own or _self_report(trigger)
    fact.certainty = "reported" if fact.source.kind != "document" and not own else "asserted"
    return fact


def _self_report(trigger: Token) -> bool:
    """'the Shenzhen-based company said it would build': a pronoun subject under the verb of saying is
    the speaker itself, however the speaker was named."""
    tok = trigger
    for _ in range(4):
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they", "we", "he", "she")
            for c in tok.children
        ):
            return True
        if tok.dep_ == "ccomp" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
