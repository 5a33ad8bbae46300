"""spaCy's attribute_ruler with the answers of its patterns remembered instead of matched anew.

The English pipelines map fine-grained tags to POS and morphology with an attribute_ruler of about
180 token patterns. spaCy's Matcher tries every pattern at every token, which made the ruler a
fifth of the bare pipeline's time on news (bench/bench_extract.py --profile), more than all of our
extractors. Almost every pattern tests one token, and what they say of a token depends only on its
word, tag and dependency, which news repeats endlessly; so each such tuple is worked out once.

`IndexedAttributeRuler.match` returns the matches `AttributeRuler.match` returns, sorted the same
way, and so the same annotations (tests/test_attribute_rules.py compares every token of development
articles). Patterns it does not read (quantifiers, other predicates or attributes) stay with a
Matcher of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

Getter = Callable[[Token], object]

# The attributes the patterns of the English pipelines test, read as the Matcher reads them.
GETTERS: dict[str, Getter] = {
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "LOWER": lambda t: t.lower_,
    "NORM": lambda t: t.norm_,
    "TAG": lambda t: t.tag_,
    "POS": lambda t: t.pos_,
    "DEP": lambda t: t.dep_,
    "LEMMA": lambda t: t.lemma_,
    "ENT_TYPE": lambda t: t.ent_type_,
    "IS_SPACE": lambda t: t.is_space,
    "IS_PUNCT": lambda t: t.is_punct,
    "IS_ALPHA": lambda t: t.is_alpha,
    "IS_DIGIT": lambda t: t.is_digit,
}
BOOLEAN = {"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT"}
MEMO_SIZE = 50_000  # distinct (word, tag, dependency, ...) tuples kept; news reuses few


@dataclass(frozen=True, slots=True)
class Test:
    """One attribute of one token: equal to a value, in or not in a set, or matching a regex."""

    attr: str
    op: str
    value: object

    def __call__(self, tok: Token) -> bool:
        got = GETTERS[self.attr](tok)
        if self.op == "==":
            return got == self.value
        if self.op == "IN":
            return got in self.value  # type: ignore[operator]
        if self.op == "NOT_IN":
            return got not in self.value  # type: ignore[operator]
        return self.value.search(got) is not None  # type: ignore[union-attr]


def token_tests(spec: dict) -> list[Test] | None:
    """The tests of one token pattern, or None where it holds something this index does not read."""
    tests = []
    for attr, value in spec.items():
        attr = attr.upper()
        if attr not in GETTERS:
            return None
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            ((op, arg),) = value.items()
            if attr in BOOLEAN or op not in ("IN", "NOT_IN", "REGEX"):
                return None
            if op == "REGEX":
                if not isinstance(arg, str):
                    return None
                tests.append(Test(attr, op, re.compile(arg)))
            elif isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                tests.append(Test(attr, op, frozenset(arg)))
            else:
                return None
        elif attr in BOOLEAN and isinstance(value, bool):
            tests.append(Test(attr, "==", value))
        elif attr not in BOOLEAN and isinstance(value, str):
            tests.append(Test(attr, "==", value))
        else:
            return None
    return tests


@dataclass(slots=True)
class Rule:
    group: int  # the index of the pattern's group among the ruler's
    key: int  # the match id spaCy's Matcher gives that group
    tokens: list[list[Test]]

    def matches_at(self, toks: list[Token], i: int) -> bool:
        if i + len(self.tokens) > len(toks):
            return False
        return all(all(test(toks[i + k]) for test in tests) for k, tests in enumerate(self.tokens))


class RuleIndex:
    """The rules, with what they say of a token remembered per tuple of the attributes they read.

    A token's one-token matches, and the longer rules whose first token it can be, depend only on
    the values of the attributes the rules test; news repeats those tuples ("the" DT det) so often
    that each is worked out once and then looked up.
    """

    def __init__(self, groups: Iterable[tuple[int, int, list[list[dict]]]], vocab) -> None:
        self.rules: list[Rule] = []
        self.matcher = Matcher(vocab)
        self.group_of: dict[int, int] = {}
        for group, key, patterns in groups:
            self.group_of[key] = group
            for pattern in patterns:
                tokens = [token_tests(spec) for spec in pattern]
                if not tokens or any(t is None for t in tokens):
                    self.matcher.add(key, [pattern])
                else:
                    self.rules.append(Rule(group, key, tokens))  # type: ignore[arg-type]
        self.getters = [GETTERS[a] for a in sorted({t.attr for r in self.rules for t in r.tokens[0]})]
        self.memo: dict[tuple, tuple[list[Rule], list[Rule]]] = {}

    def starting_at(self, tok: Token) -> tuple[list[Rule], list[Rule]]:
        """The one-token rules `tok` matches, and the longer rules it may start."""
        first = [r for r in self.rules if all(test(tok) for test in r.tokens[0])]
        return [r for r in first if len(r.tokens) == 1], [r for r in first if len(r.tokens) > 1]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """AttributeRuler.match's (group, match id, start, end) of every match, sorted as it sorts them."""
        toks = list(doc)
        memo, getters = self.memo, self.getters
        found: set[tuple[int, int, int, int]] = set()
        for i, tok in enumerate(toks):
            values = tuple([get(tok) for get in getters])
            hits = memo.get(values)
            if hits is None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                hits = memo[values] = self.starting_at(tok)
            one, longer = hits
            for rule in one:
                found.add((rule.group, rule.key, i, i + 1))
            for rule in longer:
                if rule.matches_at(toks, i):
                    found.add((rule.group, rule.key, i, i + len(rule.tokens)))
        if len(self.matcher):
            for key, start, end in self.matcher(doc, allow_missing=True, as_spans=False):  # type: ignore[misc]
                found.add((self.group_of[key], key, start, end))
        return sorted(found)


class IndexedAttributeRuler(AttributeRuler):
    """An AttributeRuler whose `match` reads a RuleIndex; everything else is spaCy's."""

    _index: RuleIndex | None = None

    def add(self, patterns, attrs, index: int = 0) -> None:  # noqa: ANN001
        super().add(patterns, attrs, index)
        self._index = None  # rebuilt on the next call, with the new group in it

    def match(self, doc: Doc):  # noqa: ANN201
        if self._index is None:
            strings = self.vocab.strings
            groups = ((i, strings[str(i)], self.matcher.get(str(i))[1]) for i in range(len(self.attrs)))
            self._index = RuleIndex(groups, self.vocab)
        return self._index(doc)


def index_attribute_ruler(nlp, name: str = "attribute_ruler") -> None:  # noqa: ANN001
    """Swap the pipeline's AttributeRuler `name` for an IndexedAttributeRuler with its patterns."""
    if name not in nlp.pipe_names or type(nlp.get_pipe(name)) is not AttributeRuler:
        return
    patterns = nlp.get_pipe(name).patterns
    ruler = nlp.replace_pipe(name, "newsgraph_attribute_ruler")
    ruler.add_patterns(patterns)
