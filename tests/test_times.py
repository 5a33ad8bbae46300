"""Times resolved against the publication date (newsgraph.nlp.times.find_times)."""

from __future__ import annotations

import pytest

from newsgraph.nlp.times import find_times

PUB = "2023-09-06"  # a Wednesday


# (text, published, expected mention text, start, end)
CASES = [
    ("next year", PUB, "next year", "2024-01-01", "2024-12-31"),
    ("in August last year", PUB, "in August last year", "2022-08-01", "2022-08-31"),
    ("in August last year", "2023-01-15", "in August last year", "2022-08-01", "2022-08-31"),
    ("the three months ended June", PUB, "the three months ended June", "2023-04-01", "2023-06-30"),
    ("the six months ended Sept. 30", "2023-11-15", "the six months ended Sept. 30",
     "2023-04-01", "2023-09-30"),
    # The latest quarter ending Sept. 30 that had ended by the date: 2022's, for an early-September article.
    ("the quarter ended Sept. 30", PUB, "the quarter ended Sept. 30", "2022-07-01", "2022-09-30"),
    ("the quarter ended Sept. 30", "2023-11-02", "the quarter ended Sept. 30", "2023-07-01", "2023-09-30"),
    ("Q3", PUB, "Q3", "2023-07-01", "2023-09-30"),
    ("Q4", "2023-02-01", "Q4", "2022-10-01", "2022-12-31"),
    ("Q4 2022", PUB, "Q4 2022", "2022-10-01", "2022-12-31"),
    ("the second quarter", PUB, "the second quarter", "2023-04-01", "2023-06-30"),
    ("last month", PUB, "last month", "2023-08-01", "2023-08-31"),
    ("last month", "2023-01-10", "last month", "2022-12-01", "2022-12-31"),
    ("next quarter", "2023-11-01", "next quarter", "2024-01-01", "2024-03-31"),
    ("on Tuesday", PUB, "on Tuesday", "2023-09-05", "2023-09-05"),
    ("yesterday", PUB, "yesterday", "2023-09-05", "2023-09-05"),
    ("Sept. 5", PUB, "Sept. 5", "2023-09-05", "2023-09-05"),
    ("Dec. 20", "2024-01-03", "Dec. 20", "2023-12-20", "2023-12-20"),
    ("March 5, 2023", None, "March 5, 2023", "2023-03-05", "2023-03-05"),
    ("March 2024", None, "March 2024", "2024-03-01", "2024-03-31"),
    ("in 2021", None, "in 2021", "2021-01-01", "2021-12-31"),
    ("stays in surplus through 2025", None, "through 2025", "2025-01-01", "2025-12-31"),
    ("the first half", PUB, "the first half", "2023-01-01", "2023-06-30"),
    ("(H1 2022: EUR 5 million)", PUB, "H1 2022", "2022-01-01", "2022-06-30"),
    # Without a publication date a relative time stays text.
    ("next year", None, "next year", None, None),
    ("the three months ended June", None, "the three months ended June", None, None),
    pytest.param(
        "the end of next year", PUB, "the end of next year", "2024-10-01", "2024-12-31",
    ),
    pytest.param(
        "earlier this year", PUB, "earlier this year", "2023-01-01", PUB,
    ),
    pytest.param(
        "fiscal Q2", PUB, "fiscal Q2", None, None,
    ),
    pytest.param(
        "net income in the three months ended June.", PUB, "the three months ended June",
        "2023-04-01", "2023-06-30",
    ),
    pytest.param(
        "the second quarter of 2022", None, "the second quarter of 2022", "2022-04-01", "2022-06-30",
    ),
    pytest.param(
        "the three months ended June 30, 2023", None, "the three months ended June 30, 2023",
        "2023-04-01", "2023-06-30",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "mention", "start", "end"), CASES)
def test_find_times(
    text: str, published: str | None, mention: str, start: str | None, end: str | None
) -> None:
    found = find_times(text, published)
    assert [(t.text, t.begin, t.finish) for t in found] == [(mention, start, end)]


def test_offsets_index_the_text() -> None:
    text = "Xiaomi held talks with BAIC, Bloomberg reported in August last year; a car is due next year."
    found = find_times(text, PUB)
    assert [text[t.start : t.end] for t in found] == ["in August last year", "next year"]
    assert found[0].to_json() == {"text": "in August last year", "start": "2022-08-01", "end": "2022-08-31"}


@pytest.mark.parametrize("text", ["I may go", "The March of progress", "a second look", "He will march on"])
def test_not_times(text: str) -> None:
    assert find_times(text, PUB) == []


@pytest.mark.parametrize("published", ["not a date", "2023-02-30", ""])
def test_bad_published_date_leaves_times_as_text(published: str) -> None:
    assert [(t.begin, t.finish) for t in find_times("next year", published)] == [(None, None)]
