"""Hand-made articles for the web tests, the screenshots and the benchmark.

The results are built directly as `ArticleFacts` (no spaCy), so a test store is the same
on every machine and evidence offsets are exact:

    >>> from newsgraph.store import open_store
    >>> store = open_store("demo.db")  # doctest: +SKIP
    >>> store.add_results(sample_results())  # doctest: +SKIP

`synthetic_results(n_facts)` streams a large, plausible-looking corpus for `bench/bench_web.py`;
`hostile_result()` is an article written to attack the pages (script tags, event handlers,
javascript: links, bidi overrides).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from newsgraph.model import ArticleFacts, Document, Entity, Fact, Source, TimeSpan


class ArticleBuilder:
    """Write an article sentence by sentence and keep each fact's evidence offsets."""

    def __init__(self, title: str, published: str, outlet: str, url: str | None = None) -> None:
        self.title, self.published, self.outlet, self.url = title, published, outlet, url
        self.parts: list[str] = []
        self.length = 0
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []

    def entity(self, name: str, type: str = "ORG", aliases: tuple[str, ...] = ()) -> str:
        """The local id of an entity named `name`, added on first use."""
        for e in self.entities.values():
            if e.name == name:
                for a in aliases:
                    if a not in e.aliases:
                        e.aliases.append(a)
                return e.id
        local = f"e{len(self.entities) + 1}"
        self.entities[local] = Entity(local, name, type, list(aliases))
        return local

    def say(self, sentence: str) -> tuple[int, int]:
        """Append a sentence (a paragraph break before it) and return its offsets."""
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        return start, self.length

    def fact(self, sentence: str, type: str, args: dict[str, Any], **kw: Any) -> Fact:
        """Append `sentence` and a fact whose evidence is the whole sentence."""
        span = self.say(sentence)
        source = kw.pop("source", None) or Source()
        if isinstance(source, tuple):
            source = Source(*source)
        time = kw.pop("time", None)
        if isinstance(time, tuple):
            time = TimeSpan(*time)
        f = Fact(type=type, args=args, evidence=[span], source=source, time=time, **kw)
        self.facts.append(f)
        return f

    def build(self) -> ArticleFacts:
        text = "".join(self.parts)
        doc = Document(
            text=text, title=self.title, published=self.published, outlet=self.outlet, url=self.url
        )
        return ArticleFacts(doc, list(self.entities.values()), self.facts)


def _xiaomi_story(outlet: str, published: str, url: str, reworded: bool = False) -> ArticleFacts:
    b = ArticleBuilder("Xiaomi Held Talks With Carmakers as It Awaits EV License", published, outlet, url)
    xiaomi = b.entity("Xiaomi", aliases=("Xiaomi Corp.", "the Chinese smartphone giant"))
    bril = b.entity("Brilliance Auto", aliases=("Brilliance Auto Group Holdings Co.",))
    chery = b.entity("Chery", aliases=("Chery Automobile Co.",))
    baic = b.entity("BAIC", aliases=("Beijing Automotive Group Co.",))
    bloomberg = b.entity("Bloomberg")
    miit = b.entity("MIIT", "GOV", ("Ministry of Industry and Information Technology",))
    anon = Source("anonymous", "people familiar with the matter")
    b.say(
        "Xiaomi Corp. has held talks with established automakers on potential production partnerships, "
        "people familiar with the matter said, as it waits for Beijing to approve a license."
    )
    b.fact(
        "The Chinese smartphone giant has engaged with several carmakers including Brilliance Auto Group "
        "Holdings Co."
        + (" and Chery Automobile Co., the people said." if not reworded else ", the people said."),
        "talks",
        {"party": xiaomi, "counterparty": bril, "subject": "EV production partnership"},
        status="ongoing",
        certainty="reported",
        source=anon,
    )
    if not reworded:
        b.facts.append(
            Fact(
                "talks",
                {"party": xiaomi, "counterparty": chery, "subject": "EV production partnership"},
                [b.facts[-1].evidence[0]],
                status="ongoing",
                certainty="reported",
                source=anon,
            )
        )
    b.fact(
        "Xiaomi has also held talks with Beijing Automotive Group Co. on potential collaboration around "
        "producing EVs, Bloomberg reported in August last year.",
        "talks",
        {"party": xiaomi, "counterparty": baic, "subject": "EV collaboration"},
        certainty="reported",
        source=Source("publication", "Bloomberg"),
        time=TimeSpan("August last year", "2022-08-01", "2022-08-31"),
    )
    b.fact(
        "Xiaomi is waiting for the Ministry of Industry and Information Technology to approve its "
        "application to build electric cars, the people said.",
        "approval",
        {"applicant": xiaomi, "authority": miit, "subject": "EV production license"},
        status="pending",
        certainty="reported",
        source=anon,
    )
    b.fact("Xiaomi declined to comment.", "response", {"party": xiaomi}, status="declined_to_comment")
    b.fact(
        "Xiaomi's net income rose to 3.67 billion yuan ($503 million) in the three months ended June.",
        "financial_result",
        {
            "company": xiaomi,
            "metric": "net_income",
            "value": {
                "amount": 3_670_000_000,
                "currency": "CNY",
                "converted": {"amount": 503_000_000, "currency": "USD"},
            },
            "period": {"text": "the three months ended June", "start": "2023-04-01", "end": "2023-06-30"},
        },
    )
    del bloomberg  # named in the text, not an argument
    return b.build()


def sample_results() -> list[ArticleFacts]:
    """A small corpus: one story in three outlets (two near-copies), follow-ups that
    contradict it, and a hub company with 50 partners to test the graph's readability."""
    out = [
        _xiaomi_story("Bloomberg", "2023-09-06", "https://example.com/bloomberg/xiaomi-talks"),
        _xiaomi_story("BNN Bloomberg", "2023-09-06", "https://example.com/bnn/xiaomi-talks", reworded=True),
    ]

    b = ArticleBuilder(
        "Brilliance Says EV Talks With Xiaomi Have Ended",
        "2023-10-12",
        "Caixin",
        "https://example.com/caixin/brilliance-xiaomi",
    )
    xiaomi = b.entity("Xiaomi", aliases=("Xiaomi Corp.",))
    bril = b.entity("Brilliance Auto", aliases=("Brilliance China",))
    b.fact(
        "Brilliance Auto said its talks with Xiaomi over building electric cars have ended without a deal.",
        "talks",
        {"party": bril, "counterparty": xiaomi, "subject": "EV production partnership"},
        status="ended",
        certainty="reported",
        source=Source("organization", "Brilliance Auto"),
    )
    b.fact(
        "A Xiaomi spokesperson denied that the company had ever negotiated with Brilliance.",
        "talks",
        {"party": xiaomi, "counterparty": bril},
        certainty="denied",
        source=Source("organization", "Xiaomi"),
    )
    out.append(b.build())

    b = ArticleBuilder(
        "Xiaomi Wins Approval to Build Electric Cars",
        "2023-11-02",
        "Reuters",
        "https://example.com/reuters/xiaomi-approval",
    )
    xiaomi = b.entity("Xiaomi", aliases=("Xiaomi Corp",))
    miit = b.entity("MIIT", "GOV", ("China's industry ministry",))
    su7 = b.entity("SU7", "PRODUCT", ("Xiaomi SU7",))
    lei = b.entity("Lei Jun", "PERSON")
    b.fact(
        "China's industry ministry has granted Xiaomi Corp approval to make electric vehicles.",
        "approval",
        {"applicant": xiaomi, "authority": miit, "subject": "EV production license"},
        status="granted",
    )
    b.fact(
        "Xiaomi plans to start selling its first car, the SU7 sedan, early next year, chief executive "
        "Lei Jun said.",
        "launch",
        {
            "company": xiaomi,
            "product": su7,
            "date": {"text": "early next year", "start": "2024-01-01", "end": "2024-03-31"},
        },
        status="planned",
        certainty="reported",
        source=Source("person", "Lei Jun"),
    )
    b.fact(
        "Lei Jun is the chief executive of Xiaomi.",
        "personnel",
        {"person": lei, "company": xiaomi, "role": "chief executive"},
        status="appointed",
    )
    out.append(b.build())

    b = ArticleBuilder(
        "Xiaomi Delivers First SU7 Cars", "2024-03-28", "Reuters", "https://example.com/reuters/su7-launch"
    )
    xiaomi = b.entity("Xiaomi")
    su7 = b.entity("SU7", "PRODUCT", ("Xiaomi SU7",))
    chery = b.entity("Chery")
    b.fact(
        "Xiaomi launched the SU7 electric sedan in Beijing on Thursday.",
        "launch",
        {"company": xiaomi, "product": su7},
        status="launched",
    )
    b.fact(
        "Chery said it may seek a partnership with Xiaomi on batteries.",
        "talks",
        {"party": chery, "counterparty": xiaomi, "subject": "batteries"},
        status="ongoing",
        certainty="possible",
        source=Source("organization", "Chery"),
    )
    out.append(b.build())

    out.extend(hub_results())
    return out


PARTNERS = (
    "Ashford Metals",
    "Beacon Freight",
    "Cobalt Systems",
    "Delta Rail",
    "Everline Ports",
    "Fjord Energy",
    "Granite Chemicals",
    "Harbor Foods",
    "Ionic Batteries",
    "Juniper Textiles",
    "Kestrel Aviation",
    "Lumen Optics",
    "Meridian Steel",
    "Nimbus Cloud",
    "Orchid Pharma",
    "Pioneer Mining",
    "Quartz Glass",
    "Redwood Timber",
    "Summit Insurance",
    "Tidewater Shipping",
    "Umbra Semiconductors",
    "Vertex Robotics",
    "Willow Retail",
    "Xenon Lighting",
    "Yardley Paper",
    "Zephyr Wind",
    "Atlas Cement",
    "Borealis Gas",
    "Cedar Health",
    "Dune Solar",
    "Ember Foundry",
    "Falcon Drones",
    "Glacier Water",
    "Helix Genomics",
    "Indigo Dyes",
    "Jade Ceramics",
    "Kite Mobility",
    "Lotus Hotels",
    "Mosaic Media",
    "Nova Satellites",
    "Onyx Security",
    "Prism Displays",
    "Quill Software",
    "Raven Logistics",
    "Sable Fashion",
    "Topaz Mining",
    "Ultra Tyres",
    "Vega Motors",
    "Wren Agritech",
    "Yukon Fisheries",
)


def hub_results() -> list[ArticleFacts]:
    """Northwind Holdings and 50 counterparties over a year: the graph's readability case."""
    out = []
    types = ("agreement", "agreement", "investment", "talks", "acquisition", "legal")
    statuses = {
        "agreement": "signed",
        "investment": "made",
        "talks": "ongoing",
        "acquisition": "announced",
        "legal": "filed",
    }
    verbs = {
        "agreement": "signed a supply agreement with",
        "investment": "invested in",
        "talks": "is in talks with",
        "acquisition": "agreed to buy",
        "legal": "was sued by",
    }
    roles = {
        "agreement": ("party", "counterparty"),
        "investment": ("investor", "target"),
        "talks": ("party", "counterparty"),
        "acquisition": ("acquirer", "target"),
        "legal": ("defendant", "claimant"),
    }
    start = date(2023, 1, 9)
    for month in range(12):
        b = ArticleBuilder(
            f"Northwind Holdings Deal Roundup, {start + timedelta(days=30 * month):%B %Y}",
            (start + timedelta(days=30 * month)).isoformat(),
            ("Reuters", "Bloomberg", "FT")[month % 3],
            f"https://example.com/roundup/{month}",
        )
        hub = b.entity("Northwind Holdings", aliases=("Northwind", "Northwind Holdings Ltd."))
        for k in range(month * 5, month * 5 + 5):
            name = PARTNERS[k % len(PARTNERS)]
            t = types[k % len(types)]
            other = b.entity(name)
            a, c = roles[t]
            args = {a: hub, c: other, "subject": "supply" if t != "acquisition" else None}
            if t == "acquisition":
                args = {
                    "acquirer": hub,
                    "target": other,
                    "value": {"amount": (k + 1) * 25_000_000, "currency": "USD"},
                }
            b.fact(f"Northwind Holdings {verbs[t]} {name}.", t, args, status=statuses[t])
        out.append(b.build())
    return out


HOSTILE_TEXT = (
    "<script>window.__pwned = 'script';</script> Evil Corp agreed to buy Target Inc. "
    "<img src=x onerror=\"window.__pwned='img'\"> for $1 billion, "
    "<a href=\"javascript:window.__pwned='link'\">click here</a>. "
    '<svg onload="window.__pwned=\'svg\'"></svg><iframe src="javascript:alert(1)"></iframe>'
    "\"><script>window.__pwned='attr'</script>' onmouseover='window.__pwned=1' "
    "{{ 7*7 }} {% raw %} </textarea></title><style>body{display:none}</style> "
    "Pay to \u202egnp.exe\u202c and visit paypa\u200bl.com. \ufeff bom."
)


def hostile_result() -> ArticleFacts:
    """An article (and entity names) written to run code in a reader's browser."""
    text = HOSTILE_TEXT
    doc = Document(
        text=text,
        title="<script>window.__pwned='title'</script>Breaking",
        published="2024-01-02",
        outlet="<img src=x onerror=\"window.__pwned='outlet'\">",
        url="javascript:window.__pwned='url'",
    )
    start = text.index("Evil Corp")
    end = text.index("click here") + len("click here")
    entities = [
        Entity(
            "e1", "Evil Corp<script>window.__pwned='entity'</script>", "ORG", ["<b onclick=alert(1)>Evil</b>"]
        ),
        Entity("e2", "Target\u202eInc", "ORG", ["javascript:alert(1)"]),
    ]
    facts = [
        Fact(
            "acquisition",
            {"acquirer": "e1", "target": "e2", "value": {"amount": 1_000_000_000, "currency": "USD"}},
            [(start, end), (0, text.index("</script>") + 9)],
            status="announced",
            certainty="reported",
            source=Source("person", "<img src=x onerror=\"window.__pwned='source'\">"),
        ),
    ]
    return ArticleFacts(doc, entities, facts)


# ---------------------------------------------------------------------------- benchmark corpus


def synthetic_results(
    n_facts: int, facts_per_article: int = 10, n_entities: int | None = None, seed: int = 7
) -> Iterator[ArticleFacts]:
    """About `n_facts` facts in articles of `facts_per_article`, among a pool of entities
    whose degree follows a power law (a few hubs with thousands of facts, a long tail)."""
    rng = random.Random(seed)
    n_entities = n_entities or max(50, n_facts // 20)
    names = [
        f"{rng.choice(_SYLLABLES).title()}{rng.choice(_SYLLABLES)} {rng.choice(_KINDS)} {i}"
        for i in range(n_entities)
    ]
    weights = [1 / (i + 1) ** 0.9 for i in range(n_entities)]
    fact_types = ("talks", "agreement", "acquisition", "investment", "legal", "approval", "launch")
    statuses = {
        "talks": "ongoing",
        "agreement": "signed",
        "acquisition": "announced",
        "investment": "made",
        "legal": "filed",
        "approval": "pending",
        "launch": "planned",
    }
    roles = {
        "talks": ("party", "counterparty"),
        "agreement": ("party", "counterparty"),
        "acquisition": ("acquirer", "target"),
        "investment": ("investor", "target"),
        "legal": ("claimant", "defendant"),
        "approval": ("applicant", "authority"),
        "launch": ("company", "product"),
    }
    kinds = ("anonymous", "person", "organization", "publication", "document")
    made = 0
    day0 = date(2020, 1, 1)
    n_article = 0
    while made < n_facts:
        n_article += 1
        published = (day0 + timedelta(days=rng.randrange(1800))).isoformat()
        b = ArticleBuilder(
            f"Market wrap {n_article}",
            published,
            rng.choice(("Reuters", "Bloomberg", "FT", "WSJ")),
            f"https://example.com/wrap/{n_article}",
        )
        b.say(f"Article {n_article} of the synthetic benchmark corpus, published {published}.")
        for _ in range(min(facts_per_article, n_facts - made)):
            i, j = rng.choices(range(n_entities), weights=weights, k=2)
            if i == j:
                j = (j + 1) % n_entities
            t = rng.choice(fact_types)
            a, c = roles[t]
            ea = b.entity(names[i])
            ec = b.entity(names[j], "GOV" if t == "approval" else ("PRODUCT" if t == "launch" else "ORG"))
            kind = rng.choice(kinds)
            b.fact(
                f"{names[i]} and {names[j]}: {t} number {made} ({rng.random():.6f}).",
                t,
                {a: ea, c: ec},
                status=statuses[t],
                certainty="reported" if kind != "document" else "asserted",
                source=Source(kind, None if kind == "document" else f"source {rng.randrange(100)}"),
            )
            made += 1
        yield b.build()


_SYLLABLES = ("nor", "vex", "tal", "mir", "quo", "zen", "bra", "lum", "kor", "sil", "dra", "fen")
_KINDS = ("Motors", "Bank", "Energy", "Foods", "Holdings", "Telecom", "Mining", "Pharma", "Ministry")


# ------------------------------------------------------------------------------ servers


def build_demo_store(path: str) -> Any:
    """A store at `path` holding `sample_results()` and `hostile_result()`."""
    from newsgraph.store import open_store

    store = open_store(path)
    store.add_results([*sample_results(), hostile_result()])
    return store


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now."""
    import socket

    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextmanager
def running_server(app: Any, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Serve `app` with uvicorn in a background thread; yields its base URL, stops on exit."""
    import threading
    import time

    import uvicorn

    port = port or free_port(host)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"test server did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
