"""Ingest speed: articles/s end to end (extract + store) against extraction alone, same run.

    python bench/bench_ingest.py                 # 10,000 generated articles
    python bench/bench_ingest.py --n 500         # quick
    python bench/bench_ingest.py --db postgresql://localhost/bench

Articles are generated from business-news sentence templates (talks, deals, results,
responses) over a pool of company names, a tenth of them syndicated copies. Extraction
alone is timed first; then the same articles are ingested into a fresh store through
Store.add_results, with the time spent inside extraction measured in that run too, so the
storage and resolution overhead is (end to end - its extraction) / its extraction.
Prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsgraph.model import ArticleFacts, Document  # noqa: E402
from newsgraph.pipeline import extract_many, load_pipeline  # noqa: E402
from newsgraph.store import open_store  # noqa: E402

COMPANIES = [
    "Xiaomi Corp.",
    "BAIC Group",
    "Chery Automobile Co.",
    "Brilliance Auto",
    "Geely Holding",
    "Nio Inc.",
    "Great Wall Motor Co.",
    "Li Auto Inc.",
    "BYD Co.",
    "SAIC Motor Corp.",
    "Acme Corp.",
    "Widget Inc.",
    "Globex Holdings",
    "Initech Ltd.",
    "Umbrella Group",
    "Stark Industries Inc.",
]
SENTENCES = [
    "{a} is in talks with {b} about a potential partnership to make electric vehicles, people familiar with "
    "the matter said.",
    "{a} agreed to buy {b} for ${n} billion, the companies said in a statement on {day}.",
    "{a} signed an agreement with {b} to supply batteries for its new models.",
    "{a} reported net income of {n} billion yuan for the three months ended June, beating estimates.",
    "{b} declined to comment. Representatives for {a} didn't respond to requests for comment.",
    "Shares of {a} rose {n}% in Hong Kong trading after the report.",
    "The talks between {a} and {b} broke down last month, Bloomberg reported.",
    "Analysts expect the market for electric cars in China to keep growing through next year.",
]
FILLER = (
    "The company has been expanding its manufacturing footprint and hiring engineers, while rivals cut "
    "prices to defend their share of a crowded market. "
)


def generate(n: int, seed: int = 3) -> list[Document]:
    rng = random.Random(seed)
    docs: list[Document] = []
    for i in range(n):
        if docs and rng.random() < 0.1:  # a syndicated copy of an earlier story
            src = rng.choice(docs)
            docs.append(
                Document(src.text + f" (Reporting by desk {i}.)", published=src.published, outlet="Wire")
            )
            continue
        a, b = rng.sample(COMPANIES, 2)
        day = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        parts = [s.format(a=a, b=b, n=rng.randint(2, 40), day="Tuesday") for s in rng.sample(SENTENCES, 5)]
        text = f"Story {i}. " + " ".join(parts) + " " + FILLER * rng.randint(1, 3)
        docs.append(Document(text, published=day, outlet=rng.choice(["Bloomberg", "Reuters", "Caixin"])))
    return docs


class Timed:
    """Wraps an iterator and adds up the time spent inside it."""

    def __init__(self, it: Iterable[ArticleFacts]) -> None:
        self.it = iter(it)
        self.seconds = 0.0
        self.facts = 0

    def __iter__(self) -> Iterator[ArticleFacts]:
        return self

    def __next__(self) -> ArticleFacts:
        t = time.perf_counter()
        try:
            r = next(self.it)
        finally:
            self.seconds += time.perf_counter() - t
        self.facts += len(r.facts)
        return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles to generate")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--db", help="store (default: a new SQLite file in a temp dir)")
    args = ap.parse_args()
    docs = generate(args.n)
    words = sum(len(d.text.split()) for d in docs)
    load_pipeline(None)  # model load is not ingest time
    print(f"{len(docs):,} articles, {words / len(docs):.0f} words each on average")

    t = time.perf_counter()
    n_facts = sum(len(r.facts) for r in extract_many(docs, jobs=args.jobs))
    alone = time.perf_counter() - t
    print(f"extraction alone: {len(docs) / alone:8.1f} articles/s  ({n_facts:,} facts)")

    db = args.db or os.path.join(tempfile.mkdtemp(prefix="newsgraph-bench-"), "bench.db")
    store = open_store(db)
    timed = Timed(extract_many(docs, jobs=args.jobs))
    t = time.perf_counter()
    summary = store.add_results(timed)
    total = time.perf_counter() - t
    storing = total - timed.seconds
    print(
        f"end to end:       {len(docs) / total:8.1f} articles/s  (added {summary.added:,}, "
        f"{summary.facts:,} facts, {len(summary.rejected)} rejected)"
    )
    print(
        f"  of which extraction {timed.seconds:.1f} s, storage + resolution + clustering {storing:.1f} s "
        f"({1000 * storing / len(docs):.2f} ms/article)"
    )
    print(
        f"storage overhead: {100 * storing / timed.seconds:.1f}% of extraction in the same run; "
        f"{100 * (total - alone) / alone:.1f}% against extraction alone"
    )
    counts = store.counts()
    print(f"store: {counts}")
    store.close()


if __name__ == "__main__":
    main()
