"""Merging facts into claims: what counts as "saying the same thing", and what contradicts it.

A claim is keyed by a *signature*: the fact type, its entity arguments (unordered for the
symmetric `talks` and `agreement`), and for some types the one plain argument that tells two
claims apart (a result's metric and period; a person's role). Facts with the same signature
and compatible times merge; within a claim, a denial, a different figure or a status that
moved on is kept as a conflict rather than split off, because those are exactly what a
reader wants to see side by side.

    >>> signature("talks", {"party": "x", "counterparty": "b"}, {})
    'talks|b|x'
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from typing import Any

# Types whose two parties are interchangeable: "X in talks with Y" == "Y in talks with X".
SYMMETRIC_TYPES = frozenset({"talks", "agreement"})

# Plain (non-entity) arguments that are part of what a claim is about, per type.
DISCRIMINATORS: dict[str, tuple[str, ...]] = {
    "financial_result": ("metric", "period"),
    "personnel": ("role",),
    "forecast": ("metric",),
    "launch": ("product",),
    # Without entities these would all merge; their statement is what they are.
    "market_trend": ("market", "statement"),
}

# The argument holding the figure of a fact, per type; two figures that differ by more than
# 1 % (FACTS.md's own tolerance) are a conflict within the claim.
VALUE_ARGS: dict[str, str] = {
    "financial_result": "value",
    "acquisition": "value",
    "agreement": "value",
    "investment": "amount",
    "legal": "amount",
    "forecast": "value",
}

# How far along a deal between two parties is; a later stage of the same pair supersedes an
# earlier one ("talks -> agreement -> completed"). Ending statuses get 9: nothing follows.
STAGES: dict[tuple[str, str | None], int] = {
    ("talks", None): 1,
    ("talks", "ongoing"): 1,
    ("acquisition", "rumored"): 1,
    ("agreement", None): 2,
    ("agreement", "signed"): 2,
    ("acquisition", None): 2,
    ("acquisition", "announced"): 2,
    ("agreement", "completed"): 3,
    ("acquisition", "completed"): 3,
    ("talks", "ended"): 9,
    ("talks", "broke_down"): 9,
    ("agreement", "terminated"): 9,
    ("acquisition", "abandoned"): 9,
    ("acquisition", "blocked"): 9,
}
DEAL_TYPES = frozenset(t for t, _ in STAGES)

CERTAINTY_RANK = {"asserted": 3, "reported": 2, "possible": 1, "denied": 0}

# Two time spans further apart than this are two events (talks in 2019 and talks again in
# 2023), not two reports of one. A month of slack absorbs "in August" against "on Sept. 2".
TIME_SLACK = timedelta(days=31)


def signature(fact_type: str, entity_args: dict[str, str], args: dict[str, Any]) -> str:
    """The key under which facts merge into one claim."""
    if fact_type in SYMMETRIC_TYPES:
        ents = sorted(entity_args.values())
    else:
        ents = [f"{role}={eid}" for role, eid in sorted(entity_args.items())]
    extra = []
    for name in DISCRIMINATORS.get(fact_type, ()):
        if name in entity_args:
            continue
        v = args.get(name)
        if v is not None:
            extra.append(f"{name}={_canonical(v)}")
    return "|".join([fact_type, *ents, *extra])


def pair_key(fact_type: str, entity_args: dict[str, str]) -> str | None:
    """For deal types between two distinct entities: their ids sorted, joined by '|'."""
    if fact_type not in DEAL_TYPES:
        return None
    ids = sorted(set(entity_args.values()))
    return "|".join(ids) if len(ids) == 2 else None


def stage(fact_type: str, status: str | None) -> int | None:
    return STAGES.get((fact_type, status))


def _canonical(v: Any) -> str:
    if isinstance(v, dict):
        # A period is its dates when resolved, its words when not.
        if "start" in v or "end" in v:
            if v.get("start") or v.get("end"):
                return f"{v.get('start')}/{v.get('end')}"
            return " ".join(str(v.get("text", "")).casefold().split())
        return json.dumps(v, sort_keys=True)
    return " ".join(str(v).casefold().split())


def fact_value(fact_type: str, args: dict[str, Any]) -> dict[str, Any] | None:
    """The money or number a fact states, if its type has one."""
    name = VALUE_ARGS.get(fact_type)
    v = args.get(name) if name else None
    if isinstance(v, dict) and "amount" in v:
        return v
    if isinstance(v, int | float):
        return {"amount": v, "currency": None}
    return None


def values_differ(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """True when two figures are not the same within 1 %, in their currency or a conversion.

    A bound is no figure to contradict: "more than $40 billion" agrees with $52.4 billion. A
    figure said "about" (`"op": "~"`) or given round (one significant digit: "$50 billion", the
    way reporters write a number they only know roughly, with or without the "about") agrees
    with anything within 10 % of it; "$25.4 billion" against "$52.4 billion" is a conflict.
    """
    for x in _money_forms(a):
        for y in _money_forms(b):
            if x[1] == y[1]:
                if _overlap(x[0], y[0]):
                    return False
    # No common currency to compare in: not provably different.
    currencies_a = {m[1] for m in _money_forms(a)}
    return bool(currencies_a & {m[1] for m in _money_forms(b)})


# How loose "about", "around", "roughly" are: a reporter rounding $52.4 billion says "about
# $50 billion" (5 % off), not "about $40 billion" (24 %).
APPROX = 0.10
# FACTS.md's tolerance for two figures to be the same.
SAME = 0.01


def _money_forms(v: dict[str, Any]) -> list[tuple[tuple[float, float], str | None]]:
    op = v.get("op")
    forms = []
    if v.get("amount") is not None:
        forms.append((_span(float(v["amount"]), op), v.get("currency")))
    conv = v.get("converted")
    if isinstance(conv, dict) and conv.get("amount") is not None:
        forms.append((_span(float(conv["amount"]), conv.get("op", op)), conv.get("currency")))
    return forms


def _span(x: float, op: str | None) -> tuple[float, float]:
    """The range of amounts a figure allows: itself, a bound, or "about" it."""
    if op in (">", ">="):
        return (x, math.inf)
    if op in ("<", "<="):
        return (-math.inf, x)
    if op == "~" or _is_round(x):
        return (min(x * (1 - APPROX), x * (1 + APPROX)), max(x * (1 - APPROX), x * (1 + APPROX)))
    return (x, x)


def _is_round(x: float) -> bool:
    """One significant digit and at least three zeros: 50,000,000,000 but not 52.4 billion, and
    not 5 or 50, which are as often exact counts as rounded ones."""
    if abs(x) < 1000:
        return False
    mantissa = abs(x) / 10 ** math.floor(math.log10(abs(x)))
    return abs(mantissa - round(mantissa)) < 1e-9


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two ranges meet, with FACTS.md's 1 % of slack between exact figures."""
    finite = [abs(v) for v in (*a, *b) if math.isfinite(v)]
    slack = SAME * max(finite, default=0.0)
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def times_compatible(start_a: str | None, end_a: str | None, start_b: str | None, end_b: str | None) -> bool:
    """Whether two (possibly open) time spans can be the same event; unknown is compatible."""
    a0, a1 = _d(start_a), _d(end_a or start_a)
    b0, b1 = _d(start_b), _d(end_b or start_b)
    if a0 is None or b0 is None:
        return True
    a1 = a1 or a0
    b1 = b1 or b0
    return a0 - TIME_SLACK <= b1 and b0 - TIME_SLACK <= a1


# Where one side only has the dates it was reported on, reports within a year are taken to be of
# one event ("in talks", reported in March and again in August), reports further apart not.
REPORT_SLACK = timedelta(days=365)


def claim_accepts(claim: dict[str, Any], start: str | None, end: str | None, published: str | None) -> bool:
    """Whether a fact (its time span, else its publication date) fits a claim's time.

    A fact fits when its time matches the claim's, or when it is a later step of a story that
    is still being reported: a takeover agreed in May, cleared in December and completed the
    next November is one claim whose status moves on, not three. A time well before the
    claim's is another, earlier event ("talks back in 2019").
    """
    if claim.get("event_start") and start:
        if times_compatible(claim["event_start"], claim.get("event_end"), start, end):
            return True
        return _continues(claim, start)
    a0 = _d(claim.get("event_start") or claim.get("first_reported"))
    a1 = _d(claim.get("event_end") or claim.get("last_reported")) or a0
    b0 = _d(start or published)
    b1 = _d(end or start or published) or b0
    if a0 is None or b0 is None:
        return True
    a1 = a1 or a0
    b1 = b1 or b0
    return a0 - REPORT_SLACK <= b1 and b0 - REPORT_SLACK <= a1


def _continues(claim: dict[str, Any], start: str) -> bool:
    """Whether an event starting at `start` follows on from a claim still in the news."""
    began = _d(claim.get("event_start"))
    fact = _d(start)
    if began is None or fact is None or fact < began - TIME_SLACK:
        return False
    last = max(d for d in (_d(claim.get("last_reported")), began) if d)
    return fact <= last + REPORT_SLACK


def _d(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def better_certainty(a: str, b: str) -> str:
    """The stronger of two certainties, a denial counting only when nothing else is left."""
    return a if CERTAINTY_RANK.get(a, 0) >= CERTAINTY_RANK.get(b, 0) else b
