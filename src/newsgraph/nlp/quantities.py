"""Money and percentages, normalized: '3.67 billion yuan ($503 million)' -> CNY 3.67e9, USD 5.03e8.

Read with regular expressions over the text rather than from NER spans: the small model
splits "67.4 billion yuan" differently from "$67.4bn", and a missed MONEY span would lose
the fact's value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.nlp.shared import doc_text

# Symbols and words for currencies, longest first in the pattern. Why these: the currencies
# of the markets business wires cover most, in the forms they print.
SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "HK$": "HKD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "S$": "SGD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₩": "KRW", "₹": "INR", "Rs.": "INR", "Rs": "INR", "RMB": "CNY", "CNY": "CNY", "USD": "USD", "EUR": "EUR",
    "GBP": "GBP", "JPY": "JPY", "KRW": "KRW", "INR": "INR", "HKD": "HKD", "CHF": "CHF", "SEK": "SEK",
}  # fmt: skip
WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "yen": "JPY", "won": "KRW", "rupees": "INR", "rupee": "INR", "swiss francs": "CHF", "francs": "CHF",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "australian dollars": "AUD",
    "canadian dollars": "CAD", "krona": "SEK", "kronor": "SEK", "reais": "BRL", "pesos": "MXN", "ringgit": "MYR",
    "baht": "THB", "rupiah": "IDR", "dirhams": "AED", "riyals": "SAR", "usd": "USD", "eur": "EUR",
    # Wires write the Nordic and Czech currencies as "crowns" with the country: bare "crowns" is ambiguous.
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "swedish crowns": "SEK", "swedish kronor": "SEK",
    "danish crowns": "DKK", "danish kroner": "DKK", "czech crowns": "CZK",
}  # fmt: skip
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bln": 1e9,
    "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "crore": 1e7, "crores": 1e7,
    "lakh": 1e5, "lakhs": 1e5,
}  # fmt: skip

# Letter symbols ("Rs", "RMB") must stand alone and keep their case: "years 500" is no rupee.
_sym = "|".join(
    (rf"(?<![A-Za-z]){re.escape(s)}" if s[0].isalpha() else re.escape(s))
    for s in sorted(SYMBOLS, key=len, reverse=True)
)
_word = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
_scale = "|".join(sorted(SCALES, key=len, reverse=True))
_num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
MONEY = re.compile(
    rf"""(?=[\d$€£¥₩₹A-Z])(?:(?P<sym>{_sym})\s?(?P<n1>{_num})(?:\s?(?P<sc1>(?i:{_scale}))\b)?(?:\s(?P<w1>(?i:{_word}))\b)?
        | (?P<n2>{_num})(?:\s?(?P<sc2>(?i:{_scale}))\b)?\s(?P<w2>(?i:{_word}))\b)""",
    re.VERBOSE,
)
CENTS = re.compile(r"(?<![\w.,$])(\d{1,3}(?:\.\d+)?)\s(?:U\.S\.\s)?cents\b")
PERCENT = re.compile(rf"(?P<n>{_num})\s?(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE)
COMPARATORS = (
    (re.compile(r"(?:less|fewer)\s+than\s+$|under\s+$|below\s+$|at\s+most\s+$|up\s+to\s+$", re.I), "<"),
    (
        re.compile(r"(?:more|greater)\s+than\s+$|over\s+$|above\s+$|at\s+least\s+$|upwards\s+of\s+$", re.I),
        ">",
    ),
    (re.compile(r"(?:about|around|roughly|approximately|nearly|almost|some)\s+$", re.I), "~"),
)


@dataclass(slots=True)
class Money:
    amount: float
    currency: str
    start: int  # char offsets
    end: int
    converted: Money | None = None
    op: str | None = None

    def to_json(self) -> dict:
        out: dict = {"amount": _clean(self.amount), "currency": self.currency}
        if self.converted:
            out["converted"] = {"amount": _clean(self.converted.amount), "currency": self.converted.currency}
        if self.op and self.op != "~":
            out["op"] = self.op
        return out


@dataclass(slots=True)
class Percent:
    value: float
    start: int
    end: int
    op: str | None = None

    def to_json(self) -> dict:
        out: dict = {"value": _clean(self.value)}
        if self.op:
            out["op"] = self.op
        return out


def _clean(x: float) -> float | int:
    """67.4 * 1e9 is 67400000000.00001 in floating point; money is whole cents at most."""
    x = round(x, 2)
    return int(x) if float(x).is_integer() else x


def _number(s: str) -> float:
    return float(s.replace(",", ""))


def find_money(text: str) -> list[Money]:
    found: list[Money] = []
    for m in MONEY.finditer(text):
        g = m.groupdict()
        n = g["n1"] or g["n2"]
        scale = (g["sc1"] or g["sc2"] or "").lower()
        if g["sym"]:
            cur = SYMBOLS[g["sym"]]
            if g["w1"] and g["sym"] == "$":
                cur = WORDS[g["w1"].lower()]  # "$5 billion Hong Kong dollars" is rare; "$" + a word names it
        else:
            cur = WORDS[g["w2"].lower()]
        if scale in ("m", "b", "k") and not g["sym"]:
            continue  # "5 m" without a currency symbol is a distance, not money
        # A bare year after a symbol-less number would be odd; a "won" after a number that is
        # a count of wins is rare enough in business copy to accept.
        amount = _number(n) * SCALES.get(scale, 1)
        op = _comparator(text[: m.start()])
        found.append(Money(amount, cur, m.start(), m.end(), op=op))
    # "earnings of 39 cents per share": US copy gives small per-share figures in cents.
    for m in CENTS.finditer(text):
        found.append(
            Money(_number(m.group(1)) / 100, "USD", m.start(), m.end(), op=_comparator(text[: m.start()]))
        )
    found.sort(key=lambda mo: mo.start)
    # "3.67 billion yuan ($503 million)": the parenthesised figure is a stated conversion.
    out: list[Money] = []
    for mo in found:
        prev = out[-1] if out else None
        if prev and re.fullmatch(
            r"\s*\(\s*(?:about|around|or|roughly|approximately)?\s*", text[prev.end : mo.start]
        ):
            if text[mo.end : mo.end + 2].lstrip().startswith(")") and prev.converted is None:
                prev.converted = mo
                continue
        out.append(mo)
    return out


def find_percents(text: str) -> list[Percent]:
    out = []
    for m in PERCENT.finditer(text):
        out.append(Percent(_number(m.group("n")), m.start(), m.end(), op=_comparator(text[: m.start()])))
    return out


def _comparator(before: str) -> str | None:
    tail = before[-24:]
    for rx, op in COMPARATORS:
        if rx.search(tail):
            return op
    return None


class QuantityReader:
    """Component `newsgraph_quantities`: doc._.money and doc._.percents."""

    def __init__(self, nlp=None, name: str = "newsgraph_quantities"):
        pass

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        doc._.money = find_money(text)
        doc._.percents = find_percents(text)
        return doc
