"""Query speed on a big store: `entity` and `facts --entity` p50/p95, and size per million facts.

    python bench/bench_query.py                      # 1,000,000 facts, SQLite in a temp dir
    python bench/bench_query.py --facts 100000       # smaller
    python bench/bench_query.py --db out/bench_query.db   # fill once, then reuse the store
    python bench/bench_query.py --db postgresql://localhost/bench --facts 200000

The store is filled through Store.add_results with generated ArticleFacts (no extraction):
entities drawn from a Zipf-like popularity, so a few hubs have tens of thousands of facts, as
the big names do in real news. Prints figures; it is not a test and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsgraph.graph import queries  # noqa: E402
from newsgraph.model import ArticleFacts, Document, Entity, Fact, Source, TimeSpan  # noqa: E402
from newsgraph.store import open_store  # noqa: E402

TYPES = ["talks", "agreement", "acquisition", "investment", "response", "financial_result", "launch", "legal"]
STATUS = {
    "talks": ["ongoing", "ended"],
    "agreement": ["signed", "completed"],
    "acquisition": ["rumored", "announced", "completed"],
    "response": ["declined_to_comment", "denied"],
}
KINDS = ["anonymous", "person", "organization", "publication", "document"]
WORDS = (
    "market deal shares growth electric vehicle production licence supply chain factory battery quarter "
    "profit revenue analysts estimate regulators approval talks partnership investors stake chips"
).split()


def company_names(n: int, rng: random.Random) -> list[str]:
    syll = [
        "xi",
        "ao",
        "mi",
        "bai",
        "che",
        "ry",
        "geo",
        "ly",
        "nio",
        "li",
        "bry",
        "ton",
        "zen",
        "ka",
        "vo",
        "ra",
    ]
    names = set()
    while len(names) < n:
        names.add("".join(rng.choice(syll) for _ in range(rng.randint(2, 4))).capitalize() + f" {len(names)}")
    return sorted(names)


def articles(n_facts: int, n_entities: int, seed: int = 7) -> Iterator[ArticleFacts]:
    rng = random.Random(seed)
    names = company_names(n_entities, rng)
    weights = [1 / (i + 1) ** 0.9 for i in range(n_entities)]  # Zipf-like: a few hubs
    made = 0
    i = 0
    while made < n_facts:
        k = rng.randint(4, 10)  # about 7 facts an article, as in the development set
        ents = rng.choices(range(n_entities), weights, k=k + 1)
        ents = list(dict.fromkeys(ents))
        if len(ents) < 2:
            continue
        entities = [Entity(f"e{j + 1}", names[e], "ORG", [names[e] + " Corp."]) for j, e in enumerate(ents)]
        day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"Story {i}. " + " ".join(rng.choice(WORDS) for _ in range(120))
        facts = []
        for _ in range(k):
            t = rng.choice(TYPES)
            a, b = rng.sample(entities, 2)
            args = {"party": a.id, "counterparty": b.id} if t in ("talks", "agreement") else {"company": a.id}
            if t == "acquisition":
                args = {
                    "acquirer": a.id,
                    "target": b.id,
                    "value": {"amount": rng.randint(1, 90) * 1e8, "currency": "USD"},
                }
            if t == "response":
                args = {"party": a.id}
            facts.append(
                Fact(
                    t,
                    args,
                    [(0, 20)],
                    status=rng.choice(STATUS.get(t, [None])),
                    certainty=rng.choice(["asserted", "reported", "possible"]),
                    source=Source(rng.choice(KINDS), None),
                    time=TimeSpan("then", day, day) if rng.random() < 0.3 else None,
                )
            )
        made += len(facts)
        i += 1
        yield ArticleFacts(
            Document(text, published=day, outlet=rng.choice(["A", "B", "C", "D"])), entities, facts
        )


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--entities", type=int, default=20_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--db", help="store to fill (default: a new SQLite file in a temp dir)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="newsgraph-bench-")
    db = args.db or os.path.join(tmp, "bench.db")
    store = open_store(db)
    counts = store.counts()
    if counts["facts"] >= args.facts:
        print(f"reusing {db}: {counts['facts']:,} facts, {counts['entities']:,} entities")
    else:
        t0 = time.perf_counter()
        summary = store.add_results(articles(args.facts, args.entities), batch_size=500)
        fill = time.perf_counter() - t0
        counts = store.counts()
        print(
            f"filled {counts['facts']:,} facts in {counts['articles']:,} articles, "
            f"{counts['entities']:,} entities, "
            f"{counts['claims']:,} claims in {fill:.0f} s ({summary.added / fill:.0f} articles/s)",
            flush=True,
        )
    if not db.startswith("postgresql"):
        with store.read() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("ANALYZE")
        size = os.path.getsize(db)
        print(
            f"database size {size / 2**20:.0f} MiB = "
            f"{size / 2**20 / counts['facts'] * 1e6:.0f} MiB per million facts"
        )
    rng = random.Random(1)
    names = company_names(args.entities, random.Random(7))
    weights = [1 / (i + 1) ** 0.9 for i in range(args.entities)]
    picks = rng.choices(range(args.entities), weights, k=args.queries)
    picks[:3] = [0, 1, 2]  # the biggest hubs, always
    for label, fn in [
        ("entity", lambda n: queries.entity_view(store, n)),
        ("facts --entity", lambda n: queries.list_facts(store, entity=n)),
        (
            "facts --entity --type talks --since",
            lambda n: queries.list_facts(store, entity=n, type="talks", since="2020-01-01"),
        ),
        ("claims --entity", lambda n: queries.list_claims(store, entity=n)),
        ("timeline", lambda n: queries.timeline(store, n, limit=50)),
    ]:
        times = []
        for e in picks:
            t = time.perf_counter()
            fn(names[e])
            times.append((time.perf_counter() - t) * 1000)
        hub = times[0]
        print(
            f"{label:38s} p50 {statistics.median(times):6.1f} ms  p95 {pct(times, 0.95):6.1f} ms  "
            f"max {max(times):6.1f} ms  (biggest hub {hub:.1f} ms)"
        )
    store.close()


if __name__ == "__main__":
    main()
