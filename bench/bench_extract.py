"""Speed of full newsgraph extraction against the bare spaCy pipeline, on the same articles.

    python bench/bench_extract.py                 # 500 articles; parallel runs on every core
    python bench/bench_extract.py --n 200 --jobs 4 --repeat 3 --model en_core_web_sm
    python bench/bench_extract.py --profile --jobs 1     # where the full run's time goes

Generates N wire-style business articles from templates (seeded, so every run reads the
same text), then times, in one process and in this order:

  bare   spacy.load(model), nlp.pipe over the texts             (what spaCy alone costs)
  full   newsgraph.pipeline.load_pipeline + extract_many        (everything `newsgraph extract` does)

and, with --jobs > 1, both again across that many processes (nlp.pipe(n_process=...) and
extract_many(jobs=...)). Prints docs/s, tokens/s (tokens as the pipeline's tokenizer counts
them), the ratio full/bare of time per article (target: at most 1.3), and peak memory.
With --repeat R each figure is the median of R runs; the ratio is the median of the R ratios of
runs timed back to back, every other pair in the other order. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

COMPANIES = [
    "Toyota Motor Corp.", "Samsung Electronics Co.", "Siemens AG", "Nestle SA", "Unilever Plc",
    "Alibaba Group", "Tencent Holdings Ltd.", "BYD Co.", "Volkswagen AG", "General Motors Co.",
    "Ford Motor Co.", "Intel Corp.",
    "Nvidia Corp.", "Qualcomm Inc.", "Sony Group Corp.", "Honda Motor Co.", "Nissan Motor Co.", "Bayer AG",
    "Pfizer Inc.", "Novartis AG", "Vodafone Group Plc", "Orange SA", "Tata Motors Ltd.", "Infosys Ltd.",
    "Hyundai Motor Co.", "LG Energy Solution Ltd.", "Rio Tinto Plc", "BHP Group Ltd.", "Shell Plc", "BP Plc",
    "Airbus SE", "Boeing Co.", "Walmart Inc.", "Amazon.com Inc.", "Meta Platforms Inc.", "Oracle Corp.",
    "Baidu Inc.", "JD.com Inc.", "Geely Automobile Holdings Ltd.", "SoftBank Group Corp.",
]  # fmt: skip
PEOPLE = ["Maria Keller", "Kenji Watanabe", "Priya Raman", "Daniel Osei", "Laura Brennan", "Chen Wei",
          "Sofia Marquez", "Tom Becker", "Aiko Tanaka", "Rahul Mehta"]  # fmt: skip
REGULATORS = ["the European Commission", "the Federal Trade Commission",
              "the Competition and Markets Authority", "China's State Administration for Market Regulation",
              "the Securities and Exchange Commission", "Japan's Fair Trade Commission"]  # fmt: skip
GOVERNMENTS = ["Beijing", "Washington", "Brussels", "Tokyo", "New Delhi", "Berlin"]
ANALYSTS = ["Morgan Stanley", "Goldman Sachs", "Jefferies", "Bernstein", "Bloomberg Intelligence", "Nomura"]
OUTLETS = ["Bloomberg", "Reuters", "the Financial Times", "The Wall Street Journal", "Nikkei"]
SUBJECTS = ["battery supply", "a chip joint venture", "electric vehicle production", "cloud services",
            "a licensing deal", "a factory in Mexico", "autonomous driving software", "a drug pipeline",
            "streaming rights", "a mining project"]  # fmt: skip
PRODUCTS = [
    "electric sedan",
    "foldable phone",
    "AI chip",
    "weight-loss drug",
    "gaming console",
    "cloud platform",
]
MARKETS = ["electric vehicles", "smartphones", "memory chips", "luxury goods", "cloud computing", "steel"]
MONTHS = ["March", "June", "September", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _money(rng: random.Random) -> str:
    n = rng.choice([1.2, 2.5, 3.67, 4.1, 12, 45, 67.4, 150, 320, 800])
    return rng.choice([
        f"${n} billion", f"${n} million", f"€{n}bn", f"£{n}m", f"¥{n} trillion", f"Rs {n} crore",
        f"HK${n} billion", f"{n} billion euros", f"{n} billion yuan (${round(n / 7.2, 2)} billion)",
    ])  # fmt: skip


TEMPLATES: list[Callable[[random.Random, str, str], str]] = [
    lambda r, a, b: (
        f"{a} is in talks with {b} about {r.choice(SUBJECTS)}, people familiar with the matter said."
    ),
    lambda r, a, b: (
        f"{a} agreed to buy {b} for {_money(r)}, the companies said in a statement on {r.choice(WEEKDAYS)}."
    ),
    lambda r, a, b: f"{a} signed an agreement with {b} on {r.choice(SUBJECTS)} last month.",
    lambda r, a, b: (
        f"{a} reported net income of {_money(r)} for the three months ended {r.choice(MONTHS)}, "
        f"{r.choice(['above', 'below'])} the average analyst estimate of {_money(r)}."
    ),
    lambda r, a, b: f"Revenue {r.choice(['rose', 'fell', 'slid'])} {r.randint(2, 30)}% to {_money(r)}.",
    lambda r, a, b: f"{_cap(r.choice(REGULATORS))} approved {a}'s purchase of {b} on {r.choice(WEEKDAYS)}.",
    lambda r, a, b: f"{a} is still waiting for approval from {r.choice(REGULATORS)}, the people said.",
    lambda r, a, b: f"{a} appointed {r.choice(PEOPLE)} as chief executive officer, effective next quarter.",
    lambda r, a, b: f"{a} plans to launch its first {r.choice(PRODUCTS)} next year.",
    lambda r, a, b: f"{a} said it will invest {_money(r)} in {r.choice(SUBJECTS)} over the next five years.",
    lambda r, a, b: f"{b} declined to comment.",
    lambda r, a, b: f"Representatives for {b} did not respond to requests for comment.",
    lambda r, a, b: (
        f"{r.choice(ANALYSTS)} said last month that {a}'s margins could come under pressure "
        f"in the second half of the year."
    ),
    lambda r, a, b: f"{r.choice(GOVERNMENTS)} has tightened rules on {r.choice(SUBJECTS)}.",
    lambda r, a, b: f"{b} sued {a} in a federal court, seeking {_money(r)} in damages.",
    lambda r, a, b: f"Demand for {r.choice(MARKETS)} has slowed this year as prices fall.",
    lambda r, a, b: f"{_cap(r.choice(OUTLETS))} reported in August last year that {a} had approached {b}.",
    lambda r, a, b: (
        f"Shares of {a} rose {r.randint(1, 9)}.{r.randint(0, 9)}% in early trading on {r.choice(WEEKDAYS)}."
    ),
    lambda r, a, b: (
        f"The company employs about {r.randint(10, 300) * 1000:,} people and sells in "
        f"{r.randint(20, 190)} countries."
    ),
    lambda r, a, b: f"{a} has struggled to win customers in {r.choice(['Europe', 'India', 'Japan'])}.",
]  # fmt: skip


def make_articles(n: int, seed: int = 20230906) -> list[str]:
    """N wire-style articles of 10-16 sentences each, the same for the same seed."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        a, b = rng.sample(COMPANIES, 2)
        short_a = a.split()[0]
        head = f"{short_a} {rng.choice(['Weighs', 'Eyes', 'Faces', 'Seeks'])} {rng.choice(SUBJECTS).title()}"
        body = [t(rng, a if i == 0 else rng.choice([a, short_a]), b) for i, t in
                enumerate(rng.sample(TEMPLATES, rng.randint(10, 16)))]  # fmt: skip
        paras = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
        # "Nissan Motor Co.." where a name ending in a period closes a sentence.
        out.append(re.sub(r"\.\.(?=\s|$)", ".", head + "\n" + "\n".join(paras) + "\n"))
    return out


@dataclass(slots=True)
class Run:
    seconds: float
    docs: int
    tokens: int

    def line(self, label: str) -> str:
        return (
            f"{label:30s} {self.seconds:8.2f} s {self.docs / self.seconds:9.1f} docs/s "
            f"{self.tokens / self.seconds:10.0f} tokens/s"
        )


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child, in MB (Linux reports KiB)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 1e6
    return me, kids


def time_bare(nlp, texts: list[str], n_process: int, batch_size: int) -> Run:
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    return Run(time.perf_counter() - t0, len(texts), tokens)


def time_full(
    model: str | None, texts: list[str], jobs: int, batch_size: int, tokens: int
) -> tuple[Run, int]:
    from newsgraph.model import Document
    from newsgraph.pipeline import extract_many

    docs = [Document(t, published="2023-09-06") for t in texts]
    t0 = time.perf_counter()
    facts = sum(len(r.facts) for r in extract_many(docs, model=model, jobs=jobs, batch_size=batch_size))
    return Run(time.perf_counter() - t0, len(texts), tokens), facts


def profile_components(nlp, texts: list[str], batch_size: int) -> list[tuple[str, float]]:
    """Seconds spent in each pipeline component over the texts, one component at a time
    (each batched as nlp.pipe batches it), plus the language check and fact assembly."""
    from newsgraph.model import Document
    from newsgraph.nlp.language import check_language

    spent: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    documents = [Document(t, published="2023-09-06") for t in texts]
    for d in documents:
        check_language(d)
    spent.append(("(language check)", time.perf_counter() - t0))
    t0 = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    for doc in docs:
        doc._.published = "2023-09-06"
    spent.append(("(tokenizer)", time.perf_counter() - t0))
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        spent.append((name, time.perf_counter() - t0))
    t0 = time.perf_counter()
    for doc, d in zip(docs, documents, strict=True):
        doc._.article_facts(d)
    spent.append(("(article_facts)", time.perf_counter() - t0))
    return spent


def paired_ratio(bare_runs: list[Run], full_runs: list[Run]) -> float:
    """The median over repeats of full/bare, each pair timed back to back: on a shared machine the
    load drifts between repeats more than within one pair."""
    return statistics.median(f.seconds / b.seconds for b, f in zip(bare_runs, full_runs, strict=True))


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), runs[0].docs, runs[0].tokens)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500, help="articles (default 500)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the parallel runs")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: newsgraph's default)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each; figures are medians")
    ap.add_argument("--profile", action="store_true", help="also print the time spent in each component")
    args = ap.parse_args(argv)

    import spacy

    from newsgraph.pipeline import load_pipeline, resolve_model_name

    name = resolve_model_name(args.model)
    texts = make_articles(args.n)
    words = sum(len(t.split()) for t in texts)
    print(f"model {name} (spaCy {spacy.__version__}); {args.n} articles, {words} words; "
          f"{os.cpu_count()} cores; python {sys.version.split()[0]}")  # fmt: skip

    bare_nlp = spacy.load(name)
    full_nlp = load_pipeline(args.model)
    print("bare pipeline:", ", ".join(bare_nlp.pipe_names))
    print("full pipeline:", ", ".join(full_nlp.pipe_names))
    # Warm both (first-call allocations, lazy tables) outside the timings.
    list(bare_nlp.pipe(texts[:8]))
    time_full(args.model, texts[:8], 1, args.batch_size, 0)

    bare_runs, full_runs, facts = [], [], 0
    tokens = 0  # counted by the first repeat, which times the bare run first
    for r in range(args.repeat):
        # Every other repeat times the full run first, so that neither side always runs on a machine
        # the other has just warmed or cluttered.
        if r % 2:
            run, facts = time_full(args.model, texts, 1, args.batch_size, tokens)
            bare_runs.append(time_bare(bare_nlp, texts, 1, args.batch_size))
            full_runs.append(Run(run.seconds, run.docs, bare_runs[-1].tokens))
        else:
            bare_runs.append(time_bare(bare_nlp, texts, 1, args.batch_size))
            run, facts = time_full(args.model, texts, 1, args.batch_size, bare_runs[-1].tokens)
            full_runs.append(run)
        tokens = bare_runs[-1].tokens
    bare, full = median_run(bare_runs), median_run(full_runs)
    rss_single, _ = peak_rss_mb()
    print()
    print(bare.line("bare spaCy, 1 process"))
    print(full.line("full extraction, 1 process"))
    print(f"{'ratio full/bare':30s} {paired_ratio(bare_runs, full_runs):8.2f} x   (target <= 1.3)")
    print(f"{'facts extracted':30s} {facts:8d}   ({facts / args.n:.1f} per article)")
    print(f"{'peak RSS, 1 process':30s} {rss_single:8.0f} MB")

    if args.profile:
        spent = profile_components(full_nlp, texts, args.batch_size)
        ours = sum(s for name, s in spent if name not in bare_nlp.pipe_names and name != "(tokenizer)")
        total = sum(s for _, s in spent)
        print(f"\ntime per component ({total:.1f} s in all; newsgraph's own {ours / total:.0%}):")
        for name, s in sorted(spent, key=lambda x: -x[1]):
            print(f"  {name:28s} {s:7.2f} s  {s / total:6.1%}")

    if args.jobs > 1:
        pbare_runs, pfull_runs = [], []
        for r in range(args.repeat):
            if r % 2:
                pfull_runs.append(time_full(args.model, texts, args.jobs, args.batch_size, bare.tokens)[0])
                pbare_runs.append(time_bare(bare_nlp, texts, args.jobs, args.batch_size))
            else:
                pbare_runs.append(time_bare(bare_nlp, texts, args.jobs, args.batch_size))
                pfull_runs.append(time_full(args.model, texts, args.jobs, args.batch_size, bare.tokens)[0])
        pbare, pfull = median_run(pbare_runs), median_run(pfull_runs)
        me, kids = peak_rss_mb()
        print()
        print(pbare.line(f"bare spaCy, {args.jobs} processes"))
        print(pfull.line(f"full extraction, {args.jobs} jobs"))
        print(f"{'ratio full/bare':30s} {paired_ratio(pbare_runs, pfull_runs):8.2f} x")
        print(f"{'speed-up of full, 1 -> N':30s} {full.seconds / pfull.seconds:8.2f} x")
        print(f"{'peak RSS, parent / one worker':30s} {me:8.0f} MB / {kids:.0f} MB")
    if args.repeat > 1:
        print(f"\n(medians of {args.repeat} runs)")


if __name__ == "__main__":
    main()
