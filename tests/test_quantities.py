"""Money and percentages (newsgraph.nlp.quantities): amounts in units, ISO currencies,
stated conversions and comparators."""

from __future__ import annotations

import pytest

from newsgraph.nlp.quantities import find_money, find_percents

# (text, the span read, amount, currency, stated conversion or None, op or None)
MONEY = [
    ("$10 billion", "$10 billion", 10e9, "USD", None, None),
    ("3.67 billion yuan ($503 million)", "3.67 billion yuan", 3.67e9, "CNY", (503e6, "USD"), None),
    ("€2.1bn", "€2.1bn", 2.1e9, "EUR", None, None),
    ("£300m", "£300m", 300e6, "GBP", None, None),
    ("¥1.2 trillion", "¥1.2 trillion", 1.2e12, "JPY", None, None),
    ("Rs 500 crore", "Rs 500 crore", 5e9, "INR", None, None),
    ("Rs. 1,200 crore", "Rs. 1,200 crore", 12e9, "INR", None, None),
    ("₹500 crore", "₹500 crore", 5e9, "INR", None, None),
    ("HK$3 billion", "HK$3 billion", 3e9, "HKD", None, None),
    ("US$1.5 billion", "US$1.5 billion", 1.5e9, "USD", None, None),
    ("67.4 billion yuan", "67.4 billion yuan", 67.4e9, "CNY", None, None),
    ("2,500 yen", "2,500 yen", 2500, "JPY", None, None),
    ("1.2 trillion won", "1.2 trillion won", 1.2e12, "KRW", None, None),
    ("EUR 5m", "EUR 5m", 5e6, "EUR", None, None),
    ("€300 million ($320 million)", "€300 million", 300e6, "EUR", (320e6, "USD"), None),
    ("more than $1 billion", "$1 billion", 1e9, "USD", None, ">"),
    ("less than $5 million", "$5 million", 5e6, "USD", None, "<"),
    ("about $3 billion", "$3 billion", 3e9, "USD", None, None),  # "~" is kept off the JSON
    pytest.param(
        "Over the years 500 million yuan was invested.", "500 million yuan", 500e6, "CNY", None, None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "amount", "currency", "converted", "op"), MONEY)
def test_find_money(
    text: str, span: str, amount: float, currency: str, converted: tuple | None, op: str | None
) -> None:
    found = find_money(text)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == span
    assert m.to_json()["amount"] == pytest.approx(amount)
    assert m.currency == currency
    out = m.to_json()
    if converted:
        assert out["converted"]["amount"] == pytest.approx(converted[0])
        assert out["converted"]["currency"] == converted[1]
    else:
        assert "converted" not in out
    assert out.get("op") == op


@pytest.mark.parametrize(
    "text",
    [
        "sales of 5 million units",
        "the 20 m race",
        "it won 3 awards",
        pytest.param("Its competitors 200 million users."),
    ],
)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("$10 billion", 10_000_000_000),
        ("3.67 billion yuan", 3_670_000_000),
        pytest.param("67.4 billion yuan", 67_400_000_000),
    ],
)
def test_amounts_are_whole_units_in_json(text: str, amount: int) -> None:
    """FACTS.md: amounts in units; a float artefact would print as 67400000000.00001."""
    assert find_money(text)[0].to_json()["amount"] == amount


def test_two_figures_and_a_range() -> None:
    text = "Revenue rose to $1.5bn-$2bn, while costs were €300m."
    assert [(text[m.start : m.end], m.currency) for m in find_money(text)] == [
        ("$1.5bn", "USD"),
        ("$2bn", "USD"),
        ("€300m", "EUR"),
    ]


# (text, the span read, value, op)
PERCENTS = [
    ("less than 5%", "5%", 5, "<"),
    ("slid by 4%", "4%", 4, None),
    ("12.5 per cent", "12.5 per cent", 12.5, None),
    ("3.5 percent", "3.5 percent", 3.5, None),
    ("10 pct", "10 pct", 10, None),
    ("up to 20%", "20%", 20, "<"),
    ("more than 30%", "30%", 30, ">"),
    ("at least 7 percent", "7 percent", 7, ">"),
]


@pytest.mark.parametrize(("text", "span", "value", "op"), PERCENTS)
def test_find_percents(text: str, span: str, value: float, op: str | None) -> None:
    found = find_percents(text)
    assert len(found) == 1, found
    p = found[0]
    assert text[p.start : p.end] == span
    assert p.to_json() == ({"value": value, "op": op} if op else {"value": value})


def test_percent_is_not_money() -> None:
    text = "Revenue rose 4.5% to $3 billion."
    assert [text[m.start : m.end] for m in find_money(text)] == ["$3 billion"]
    assert [p.value for p in find_percents(text)] == [4.5]
