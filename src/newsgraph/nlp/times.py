"""Times, resolved against the publication date: 'next year', 'in August last year',
'the three months ended June', 'the quarter ended Sept. 30', 'Q3', 'on Tuesday'.

Without a publication date a relative time stays text (start/end None): guessing "today"
would silently date an archive article to the day it was read.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc

from newsgraph.nlp.shared import Hint, doc_text

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_FULL = [m.lower() for m in calendar.month_name if m]
_ABBR = sorted({m for m in MONTHS if m not in _FULL}, key=len, reverse=True)
# A full month name never takes a dot ("ended June." ends the sentence); an abbreviation may.
# The lookahead fails fast at the words that cannot start a month name.
_month = r"(?=[jfmasond])(?P<month>" + "|".join(_FULL) + "|(?:" + "|".join(_ABBR) + r")\.?)"
_month2 = _month.replace("?P<month>", "?P<month2>")


@dataclass(slots=True)
class TimeMention:
    text: str
    start: int  # char offsets
    end: int
    begin: str | None
    finish: str | None

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.begin, "end": self.finish}

    def year_later(self) -> TimeMention | None:
        """The same days a year on: 'in March', read back to last March, of a plan is next March."""
        try:
            begin, finish = (f"{int(d[:4]) + 1}{d[4:]}" for d in (self.begin, self.finish or self.begin))
        except (TypeError, ValueError):
            return None
        return replace(self, begin=begin, finish=finish)


def _iso(d: date) -> str:
    return d.isoformat()


def _month_range(y: int, m: int) -> tuple[str, str]:
    return _iso(date(y, m, 1)), _iso(date(y, m, calendar.monthrange(y, m)[1]))


def _quarter(y: int, q: int) -> tuple[str, str]:
    m0 = 3 * (q - 1) + 1
    return _iso(date(y, m0, 1)), _month_range(y, m0 + 2)[1]


def _months_ending(y: int, m: int, n: int) -> tuple[str, str]:
    end = date(y, m, calendar.monthrange(y, m)[1])
    sm = m - n + 1
    sy = y
    while sm <= 0:
        sm += 12
        sy -= 1
    return _iso(date(sy, sm, 1)), _iso(end)


def _with_day(span: tuple[str, str], y: int, m: int, day: str | None) -> tuple[str, str]:
    """'the quarter ended July 30' ends on the 30th, not the month's last day."""
    if not day:
        return span
    return span[0], _iso(date(y, m, min(int(day), calendar.monthrange(y, m)[1])))


def _fiscal_quarter(span: tuple[str, str], y: int, m: int, day: str | None) -> tuple[str, str]:
    """A quarter ending mid-month ('ended Oct. 29') is a 13-week fiscal quarter, not three calendar months."""
    if not day or int(day) >= calendar.monthrange(y, m)[1]:
        return span
    end = date(y, m, int(day))
    return _iso(end - timedelta(days=90)), _iso(end)


def _nearest_year(pub: date, month: int) -> int:
    """The year whose end of `month` lies nearest the publication date, before or after it."""
    return min((pub.year - 1, pub.year, pub.year + 1), key=lambda c: abs((date(c, month, 28) - pub).days))


def _last_before(pub: date, month: int) -> int:
    """The year of the latest `month` that ended on or before the publication date."""
    return pub.year if month < pub.month or (month == pub.month and pub.day > 27) else pub.year - 1


NUMWORDS = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12}

# Patterns tried in order (earlier ones win an overlap); each names how `resolve` reads it, and the
# words one of which its every match holds (a `Hint`: most texts lack them, and skip the pattern).
_PATTERN_SOURCES: list[tuple[str, str, tuple[str, ...]]] = [
    (rf"\b(?:the\s+)?(?P<n>three|six|nine|twelve|3|6|9|12)[\s-]months?\s+(?:ended|ending|through|to)\s+"
     rf"(?:the\s+end\s+of\s+)?(?:(?P<day0>\d{{1,2}})\s+)?{_month}(?:\s+(?P<day>\d{{1,2}})\b)?(?:,?\s+(?P<year>\d{{4}}))?",
     "months_ended", ("month",)),
    (rf"\b(?:the\s+|its\s+)?(?:fiscal\s+)?(?:(?:first|second|third|fourth)\s+)?(?:quarter|period)\s+"
     rf"(?:ended|(?P<ending>ending)|through)\s+{_month}(?:\s+(?P<day>\d{{1,2}})\b)?(?:,?\s+(?P<year>\d{{4}}))?",
     "quarter_ended", ("quarter", "period")),
    (rf"\b(?:the\s+)?{_month}(?:[\s-](?:to|through)[\s-]|-){_month2}\s+(?:quarter|period)\b",
     "month_to_month", ("quarter", "period")),
    (rf"\bthe\s+{_month}\s+quarter\b", "month_quarter", ("quarter",)),
    (r"\b(?:the\s+|its\s+)?(?P<fiscal>fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter"
     r"(?:\s+of\s+(?:fiscal\s+)?(?P<year>\d{4}))?(?:\s+of\s+(?P<rel>next|this|last)\s+year)?", "quarter", ("quarter",)),
    (r"\b(?P<fiscal>(?:[Ff]iscal\s+|FY\s*|F))?Q(?P<q>[1-4])(?:\s*(?:FY)?'?(?P<year>\d{4}|\d{2}))?\b",
     "qn", ("q1", "q2", "q3", "q4")),
    (r"\b(?:the\s+)?(?P<ord>first|second|1st|2nd)[\s-]half(?:\s+of\s+(?P<year>\d{4}))?", "half", ("half",)),
    # "H1 2023", the half-year of a release
    (r"\bH(?P<h>[12])(?![-\w])(?:\s*(?P<year>\d{4}))?", "hn", ("h1", "h2")),
    (rf"\b{_month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", "mdy", ()),
    (rf"\b(?P<day>\d{{1,2}})\s+{_month}\s+(?P<year>\d{{4}})\b", "mdy", ()),
    (rf"\b(?:in\s+)?{_month}\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b", "month_rel", ()),
    (rf"\b(?P<rel>last|next|this)\s+{_month}\b", "rel_month", ()),
    (rf"\b{_month}\s+(?:of\s+)?(?P<year>\d{{4}})\b", "month_year", ()),
    (rf"\bthe\s+end\s+of\s+(?:the\s+(?P<unit>year|month)|{_month}(?:\s+(?P<year>\d{{4}}))?)\b", "end_of", ("end",)),
    (rf"\b(?:on\s+)?{_month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})", "md", ()),
    (r"\b(?P<rel>earlier|later)\s+this\s+(?P<unit>year|month)\b", "rel_this", ("earlier", "later")),
    (r"\b(?:the\s+)?(?P<ord>end|start|beginning|middle)\s+of\s+(?P<rel>next|this|last)\s+year\b",
     "part_year", ("end", "start", "beginning", "middle")),
    (r"\b(?P<rel>next|last|this|previous|coming)\s+(?P<unit>year|month|quarter|week)\b", "rel", ()),
    (r"\b(?:full[\s-]year|fiscal(?:\s+year)?|FY)\s*(?P<year>\d{4})\b", "year", ("full", "fiscal", "fy")),
    (r"\b(?:for\s+)?the\s+full\s+year\b|\bfull[\s-]year\b(?!\s+(?:\d|forecast|guidance|outlook|target))",
     "full_year", ("full",)),
    (r"\b(?:in|by|for|during|since|of|until|before|through|throughout)\s+(?P<year>(?:19|20)\d{2})\b", "year", ("19", "20")),
    (r"\b(?:on\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", "weekday", ()),
    (r"\b(?P<rel>yesterday|today|tomorrow)\b", "day_rel", ("yesterday", "today", "tomorrow")),
    # "In June 3M agreed": a name that starts with a digit is no day of the month.
    (rf"\b(?:in|since|until|by|from|during)\s+{_month}\b(?!\s+\d{{1,2}}(?:st|nd|rd|th)?\b)", "month_only", ()),
]  # fmt: skip
PATTERNS: list[tuple[re.Pattern, str, Hint | None]] = [
    (re.compile(src, 0 if kind in ("qn", "hn") else re.I), kind, Hint(*words) if words else None)
    for src, kind, words in _PATTERN_SOURCES
]


def resolve(kind: str, g: dict, pub: date | None) -> tuple[str | None, str | None]:
    if kind == "hn":
        kind, g = "half", {**g, "ord": "first" if g["h"] == "1" else "second"}
    year = g.get("year")
    if year and len(year) == 2:
        year = "20" + year
    y = int(year) if year else None
    month = MONTHS.get((g.get("month") or "").lower().rstrip("."))
    if kind == "mdy":
        d = date(y, month, int(g["day"]))
        return _iso(d), _iso(d)
    if kind == "month_year":
        return _month_range(y, month)
    if kind == "year":
        return f"{y}-01-01", f"{y}-12-31"
    if (
        y is not None
        and kind in ("quarter", "qn", "half", "months_ended", "quarter_ended")
        and not g.get("fiscal")
    ):
        # "the second quarter of 2022" needs no publication date
        pub = pub or date(y, 12, 31)
    if pub is None:
        return None, None
    if kind == "full_year":
        # Early in a year, "the full year" is the one just ended.
        y = pub.year - 1 if pub.month <= 3 else pub.year
        return f"{y}-01-01", f"{y}-12-31"
    if kind == "months_ended":
        y = y or _last_before(pub, month)
        return _with_day(
            _months_ending(y, month, NUMWORDS[g["n"].lower()]), y, month, g.get("day") or g.get("day0")
        )
    if kind == "quarter_ended":
        # "the quarter ending Oct. 29" in guidance is the coming one; "ended" the latest past one.
        y = y or (_nearest_year(pub, month) if g.get("ending") else _last_before(pub, month))
        return _fiscal_quarter(_months_ending(y, month, 3), y, month, g.get("day"))
    if kind == "month_to_month":
        m2 = MONTHS[g["month2"].lower().rstrip(".")]
        return _months_ending(_last_before(pub, m2), m2, (m2 - month) % 12 + 1)
    if kind == "month_quarter":
        return _months_ending(_last_before(pub, month), month, 3)
    if kind == "end_of":
        unit = (g.get("unit") or "").lower()
        if unit == "year":
            return f"{pub.year}-12-31", f"{pub.year}-12-31"
        if unit == "month":
            end = _month_range(pub.year, pub.month)[1]
            return end, end
        # The nearer of this year's and next or last year's end of that month.
        yy = y or min((pub.year - 1, pub.year, pub.year + 1),
                      key=lambda c: abs((date(c, month, 28) - pub).days))  # fmt: skip
        end = _month_range(yy, month)[1]
        return end, end
    if kind in ("quarter", "qn"):
        q = ORDINALS[g["ord"].lower()] if kind == "quarter" else int(g["q"])
        if g.get("fiscal") and not y:
            return None, None  # a fiscal calendar we do not know
        if g.get("rel") and not y:
            y = pub.year + {"next": 1, "last": -1, "this": 0}[g["rel"].lower()]
        if y is None:
            # The latest such quarter that has begun by the publication date.
            y = pub.year if 3 * (q - 1) + 1 <= pub.month else pub.year - 1
        return _quarter(y, q)
    if kind == "half":
        h = ORDINALS[g["ord"].lower()]
        y = y or (pub.year if h == 1 or pub.month > 6 else pub.year - 1)
        return (f"{y}-01-01", f"{y}-06-30") if h == 1 else (f"{y}-07-01", f"{y}-12-31")
    if kind == "month_rel":
        y = pub.year + {"last": -1, "next": 1, "this": 0}[g["rel"].lower()]
        return _month_range(y, month)
    if kind == "rel_month":
        # "last October": the latest October before the publication date; "next March" the first after.
        rel = g["rel"].lower()
        if rel == "last":
            y = pub.year if month < pub.month else pub.year - 1
        elif rel == "next":
            y = pub.year if month > pub.month else pub.year + 1
        else:
            y = pub.year
        return _month_range(y, month)
    if kind == "md":
        y = pub.year
        d = date(y, month, min(int(g["day"]), calendar.monthrange(y, month)[1]))
        if d > pub + timedelta(days=60):
            d = date(y - 1, month, min(int(g["day"]), calendar.monthrange(y - 1, month)[1]))
        return _iso(d), _iso(d)
    if kind == "month_only":
        y = pub.year if month <= pub.month else pub.year - 1
        return _month_range(y, month)
    if kind in ("rel", "rel_this"):
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = {"next": 1, "coming": 1, "last": -1, "previous": -1}.get(rel, 0)
        if unit == "year":
            yy = pub.year + step
            if rel == "earlier":
                return f"{yy}-01-01", _iso(pub)
            if rel == "later":
                return _iso(pub), f"{yy}-12-31"
            return f"{yy}-01-01", f"{yy}-12-31"
        if unit == "month":
            mm, yy = pub.month + step, pub.year
            if mm == 0:
                mm, yy = 12, yy - 1
            elif mm == 13:
                mm, yy = 1, yy + 1
            return _month_range(yy, mm)
        if unit == "quarter":
            q = (pub.month - 1) // 3 + 1 + step
            yy = pub.year
            if q == 0:
                q, yy = 4, yy - 1
            elif q == 5:
                q, yy = 1, yy + 1
            return _quarter(yy, q)
        if unit == "week":
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
            return _iso(monday), _iso(monday + timedelta(days=6))
    if kind == "part_year":
        yy = pub.year + {"next": 1, "last": -1, "this": 0}[g["rel"].lower()]
        part = g["ord"].lower()
        if part == "end":
            return f"{yy}-10-01", f"{yy}-12-31"
        if part in ("start", "beginning"):
            return f"{yy}-01-01", f"{yy}-03-31"
        return f"{yy}-04-01", f"{yy}-09-30"
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        back = (pub.weekday() - wd) % 7
        d = pub - timedelta(days=back)
        return _iso(d), _iso(d)
    if kind == "day_rel":
        d = pub + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[g["rel"].lower()])
        return _iso(d), _iso(d)
    return None, None


def find_times(text: str, published: str | None) -> list[TimeMention]:
    pub = None
    if published:
        try:
            pub = date.fromisoformat(published[:10])
        except ValueError:
            pub = None
    out: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    for rx, kind, hint in PATTERNS:
        if hint is not None and hint.absent(text, low):
            continue
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            try:
                begin, finish = resolve(kind, m.groupdict(), pub)
            except (ValueError, KeyError, TypeError):
                continue
            taken.append((m.start(), m.end()))
            out.append(TimeMention(m.group().strip(), m.start(), m.end(), begin, finish))
    return sorted(out, key=lambda t: t.start)


class TimeReader:
    """Component `newsgraph_times`: doc._.times, resolved against doc._.published."""

    def __init__(self, nlp=None, name: str = "newsgraph_times"):
        pass

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = find_times(doc_text(doc), doc._.published)
        return doc
