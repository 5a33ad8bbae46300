"""Entity resolution across articles: which names are one company, agency or person.

The rule is deliberately exact rather than fuzzy: two names are one entity when, after
dropping case, punctuation and legal suffixes, they are equal and of the same type, or when
one article used both for the same thing (an alias, "Beijing Automotive Group Co. (BAIC)").
Fuzzy matching would merge "Great Wall Motor" with "Great Wall Securities"; an exact key
plus the aliases articles give us merges what the news itself says is one.

    >>> normalize_name("Beijing Automotive Group Co.")
    'beijing automotive'
    >>> normalize_name("Xiaomi Corp")
    'xiaomi'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from newsgraph.model import Entity

# Words that say what legal form a company has, not which company it is. Dropped from the
# end of a name (repeatedly: "Group Holdings Co., Ltd."), never when nothing would be left.
# "group" and "holdings" are here because FACTS.md scores names without them and because
# "BAIC Group"/"BAIC" and "Brilliance Auto Group Holdings"/"Brilliance Auto" are the same.
LEGAL_SUFFIXES = frozenset(
    """
    co cos company companies corp corporation inc incorporated ltd limited llc llp lp plc
    group holding holdings sa sas ag nv bv se gmbh kgaa spa srl oyj ab asa as kk pte pty bhd
    tbk jsc pjsc oao ooo
    """.split()
)
# Words dropped from the front: "The Coca-Cola Co." is "Coca-Cola".
LEADING_WORDS = frozenset({"the"})
# An alias that starts with one of these is a description ("the company", "its rival"),
# kept for display but never used as a key: every company is "the company" somewhere.
DESCRIPTION_STARTS = frozenset(
    """
    the a an this that these those its their his her our your it he she they we company
    firm group
    """.split()
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


def normalize_name(name: str) -> str:
    """The resolution key of a name: lower case, no punctuation or legal suffixes."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = folded.replace("&", " and ").replace("'s ", " ").replace("’s ", " ")
    tokens = _TOKEN.findall(folded)
    while len(tokens) > 1 and tokens[0] in LEADING_WORDS:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    return " ".join(tokens)


def is_name_like(alias: str) -> bool:
    """True for a proper name ("BAIC Group"), False for a description ("the carmaker")."""
    words = alias.split()
    if not words:
        return False
    first = words[0]
    if not (first[0].isupper() or first[0].isdigit()):
        return False
    if first.casefold() in DESCRIPTION_STARTS and len(words) > 1:
        # "The Chinese smartphone giant" is a description; "The Coca-Cola Co." is not,
        # and tells itself apart by its capitalized words after the article.
        rest = words[1:]
        return all(w[0].isupper() or not w[0].isalpha() for w in rest)
    return first.casefold() not in DESCRIPTION_STARTS


def initials(name: str) -> str:
    """Upper-case initials of the words of a name, with and without its legal suffixes."""
    return "".join(w[0] for w in _TOKEN.findall(name) if w[0].isalpha()).upper()


def is_acronym_of(short: str, long: str) -> bool:
    """'BAIC' for 'Beijing Automotive Industry Corp.', 'MIIT' for its ministry."""
    if not ACRONYM.match(short) or len(long.split()) < 2:
        return False
    full = initials(long)
    # "Ministry of Industry and Information Technology" -> MIIT drops "of" and "and".
    content = "".join(
        w[0] for w in _TOKEN.findall(long) if w[0].isalpha() and w.casefold() not in _SMALL_WORDS
    ).upper()
    stripped = initials(normalize_name(long))
    return short.replace("&", "") in {full, content, stripped.upper()}


_SMALL_WORDS = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "le"})


def entity_keys(entity: Entity) -> list[str]:
    """The lookup keys of one article's entity: its name first, then its name-like aliases.

    A person's one-word alias ("Lei" of "Lei Jun") is kept for display but is no key: a
    surname alone names many people across a store, and only the article that used both
    knows they were one.
    """
    keys: list[str] = []
    for n in [entity.name, *entity.aliases]:
        if n is entity.name or (is_name_like(n) and not _bare_person_part(entity, n)):
            k = normalize_name(n)
            if k and k not in keys:
                keys.append(k)
    return keys


def _bare_person_part(entity: Entity, alias: str) -> bool:
    return entity.type == "PERSON" and len(_TOKEN.findall(alias)) == 1 < len(_TOKEN.findall(entity.name))


def link_acronyms(entities: Iterable[Entity]) -> dict[str, str]:
    """Within one article: {local id of a short form: local id of the entity it stands for}.

    An extractor may give one thing of an article as two entities, a long name and a short
    form of it. The short forms linked here, each only to an entity of the same type:

    - an acronym of the long name: "BAIC" of "Beijing Automotive Industry Corp.";
    - a person's surname or given name alone: "Lei" of "Lei Jun", "Adair" of "Ruth Adair";
    - the head noun alone: "Commission" of "European Commission" (English names an
      institution by its head noun after the first mention).

    A surname or head noun is linked only when exactly one other entity of the article has it:
    with "European Commission" and "Federal Trade Commission" in one article, "Commission" is
    left alone. Prefixes are never linked: "Xiaomi" is not "Xiaomi EV", a parent is not its
    unit (the extractor's own coreference gives "Caldera" of "Caldera Semiconductor").

        >>> link_acronyms([Entity("e1", "Lei Jun", "PERSON"), Entity("e2", "Lei", "PERSON")])
        {'e2': 'e1'}
    """
    ents = list(entities)
    out: dict[str, str] = {}
    for short in ents:
        target = _acronym_target(short, ents) or _short_form_target(short, ents)
        if target is not None:
            out[short.id] = target.id
    # A long form must not itself be folded away: the caller merges short into long once.
    return {s: t for s, t in out.items() if t not in out}


def _acronym_target(short: Entity, ents: list[Entity]) -> Entity | None:
    if not ACRONYM.match(short.name):
        return None
    for long in ents:
        if long is short or long.type != short.type:
            continue
        if is_acronym_of(short.name, long.name):
            return long
    return None


def _short_form_target(short: Entity, ents: list[Entity]) -> Entity | None:
    words = _TOKEN.findall(short.name)
    if len(words) != 1 or not short.name[:1].isupper():
        return None
    word = words[0].casefold()
    found = []
    for long in ents:
        if long is short or long.type != short.type:
            continue
        # A person by either part of the name; anything else by its last (head) word only.
        long_words = [
            w.casefold()
            for w in _TOKEN.findall(long.name if short.type == "PERSON" else normalize_name(long.name))
        ]
        if len(long_words) < 2:
            continue
        parts = {long_words[0], long_words[-1]} if short.type == "PERSON" else {long_words[-1]}
        if word in parts:
            found.append(long)
    return found[0] if len(found) == 1 else None


def hash_id(*parts: str) -> str:
    """A 16-hex-digit content hash of some strings, the id scheme of the whole store."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:16]
