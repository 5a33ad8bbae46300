"""Shared fixtures. Add yours in its own section; don't rewrite another section's fixtures."""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import ArticleFacts, Document, Entity, Fact, Source, TimeSpan

# --- store and graph (issue 3) ---------------------------------------------------------------


def _pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server (Debian's binaries) on loopback in a temp dir, for the session.

    PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (made by the
    Debian package), else as `nobody`.
    """
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin (scripts/install.sh --dev)"
        )
    tmp = tempfile.mkdtemp(prefix="newsgraph-pg-")
    prefix: list[str] = []
    if os.geteuid() == 0:
        for name in ("postgres", "nobody"):
            try:
                user = pwd.getpwnam(name)
                break
            except KeyError:
                continue
        else:
            pytest.skip("running as root and no 'postgres' or 'nobody' user to run PostgreSQL as")
        os.chown(tmp, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", user.pw_name, "--"]
    data = os.path.join(tmp, "data")
    port = _free_port()
    run = {"check": True, "capture_output": True, "text": True, "cwd": tmp}
    subprocess.run(
        [*prefix, str(bindir / "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
         "--locale=C", "--no-sync"],
        **run,
    )  # fmt: skip
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    subprocess.run(
        [
            *prefix,
            str(bindir / "pg_ctl"),
            "-D",
            data,
            "-l",
            os.path.join(tmp, "log"),
            "-o",
            opts,
            "-w",
            "start",
        ],
        **run,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def postgres_db(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's server; its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"{postgres_server}/{name}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty store, once as a SQLite file and once as a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "newsgraph.db")
    return request.getfixturevalue("postgres_db")


@pytest.fixture
def store(store_url: str) -> Iterator[Any]:
    from newsgraph.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


def make_article(
    text: str,
    entities: dict[str, tuple[str, str, list[str]]] | None = None,
    facts: list[dict[str, Any]] | None = None,
    *,
    published: str | None = "2023-09-06",
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> ArticleFacts:
    """An ArticleFacts built by hand: entities {local id: (name, type, aliases)}; facts as dicts
    with type, args, and optionally status, certainty, source (kind, name), time (text, start, end)."""
    ents = [Entity(lid, n, t, list(a)) for lid, (n, t, a) in (entities or {}).items()]
    out = []
    for f in facts or []:
        kind, sname = f.get("source", ("document", None))
        t = f.get("time")
        ev = f.get("evidence")
        if ev is None:
            m = re.search(r"[^.]*\.", text)
            ev = [(m.start(), m.end())] if m else [(0, len(text))]
        out.append(
            Fact(
                type=f["type"],
                args=dict(f["args"]),
                evidence=ev,
                status=f.get("status"),
                certainty=f.get("certainty", "asserted"),
                source=Source(kind, sname),
                time=TimeSpan(*t) if t else None,
            )
        )
    doc = Document(text, url=url, title=title, published=published, outlet=outlet)
    return ArticleFacts(doc, ents, out)


@pytest.fixture(name="make_article")
def make_article_fixture() -> Callable[..., ArticleFacts]:
    return make_article


XIAOMI = ("Xiaomi", "ORG", ["Xiaomi Corp.", "the Chinese smartphone giant"])
BAIC = ("BAIC", "ORG", ["Beijing Automotive Group Co.", "BAIC Group"])
ANON = ("anonymous", "people familiar with the matter")

WIRE = (
    "Xiaomi Corp. is in talks with Beijing Automotive Group Co. about producing electric cars, "
    "people familiar with the matter said. The Chinese smartphone giant wants a production licence "
    "and has approached several carmakers, the people said, asking not to be identified because "
    "the discussions are private. BAIC declined to comment."
)


def xiaomi_story() -> list[ArticleFacts]:
    """Seven articles about Xiaomi's EV partners: a wire story, a reprint, an independent report,
    a denial, the September 2023 story, a signed agreement and a quarterly result."""
    talks_baic = {
        "type": "talks",
        "args": {"party": "e1", "counterparty": "e2", "subject": "producing electric cars"},
        "status": "ongoing",
        "certainty": "reported",
        "source": ANON,
        "time": ("August", "2022-08-01", "2022-08-31"),
    }
    return [
        make_article(
            WIRE,
            {"e1": XIAOMI, "e2": BAIC},
            [talks_baic, {"type": "response", "args": {"party": "e2"}, "status": "declined_to_comment"}],
            published="2022-08-15",
            outlet="Bloomberg",
            url="https://bloomberg.example/xiaomi-baic",
            title="Xiaomi in talks with BAIC over EV production",
        ),
        make_article(
            WIRE.replace("Xiaomi Corp. is", "Smartphone maker Xiaomi Corp. is") + " (Reporting by staff.)",
            {
                "e1": ("Xiaomi Corp", "ORG", ["Xiaomi"]),
                "e2": ("Beijing Automotive Group Co.", "ORG", ["BAIC"]),
            },
            [talks_baic],
            published="2022-08-15",
            outlet="Yahoo Finance",
            url="https://yahoo.example/xiaomi-baic-copy",
        ),
        make_article(
            "Reuters reported that Xiaomi held discussions with BAIC Group over making EVs at a BAIC plant.",
            {"e1": ("Xiaomi", "ORG", []), "e2": ("BAIC Group", "ORG", [])},
            [
                {
                    **talks_baic,
                    "source": ("publication", "Reuters"),
                    "time": ("in August", "2022-08-10", "2022-08-20"),
                }
            ],
            published="2022-08-20",
            outlet="Reuters",
            url="https://reuters.example/xiaomi",
        ),
        make_article(
            "Xiaomi denied a report that it was in talks with BAIC about building cars.",
            {"e1": ("Xiaomi", "ORG", []), "e2": ("BAIC", "ORG", [])},
            [
                {**talks_baic, "certainty": "denied", "source": ("organization", "Xiaomi"), "time": None},
                {"type": "response", "args": {"party": "e1"}, "status": "denied"},
            ],
            published="2022-08-22",
            outlet="SCMP",
        ),
        make_article(
            "Xiaomi Corp. has held talks with Brilliance Auto Group Holdings Co. and Chery Automobile Co., "
            "people familiar with the matter said. Beijing has tightened approval processes around EV "
            "production licences.",
            {
                "e1": ("Xiaomi", "ORG", ["Xiaomi Corp."]),
                "e2": ("Brilliance Auto", "ORG", ["Brilliance Auto Group Holdings Co."]),
                "e3": ("Chery", "ORG", ["Chery Automobile Co."]),
                "e4": ("Beijing", "GOV", []),
            },
            [
                {
                    "type": "talks",
                    "args": {"party": "e1", "counterparty": "e2"},
                    "status": "ongoing",
                    "certainty": "reported",
                    "source": ANON,
                },
                {
                    "type": "talks",
                    "args": {"party": "e1", "counterparty": "e3"},
                    "status": "ongoing",
                    "certainty": "reported",
                    "source": ANON,
                },
                {
                    "type": "policy",
                    "args": {"authority": "e4", "subject": "EV production licences", "direction": "tighten"},
                },
            ],
            published="2023-09-06",
            outlet="Bloomberg",
            url="https://bloomberg.example/xiaomi-ev-2023",
            title="Xiaomi held talks with Brilliance, Chery on EV production licence",
        ),  # fmt: skip
        make_article(
            "Xiaomi signed an agreement with Beijing Automotive Industry Holding to build EVs in Beijing.",
            {"e1": ("Xiaomi", "ORG", []), "e2": ("Beijing Automotive Industry Holding", "ORG", ["BAIC"])},
            [
                {
                    "type": "agreement",
                    "args": {"party": "e1", "counterparty": "e2", "subject": "build EVs"},
                    "status": "signed",
                }
            ],
            published="2023-10-01",
            outlet="Caixin",
        ),  # fmt: skip
        make_article(
            "Xiaomi's net income rose to 3.67 billion yuan in the three months ended June.",
            {"e1": ("Xiaomi", "ORG", [])},
            [
                {
                    "type": "financial_result",
                    "args": {
                        "company": "e1",
                        "metric": "net_income",
                        "value": {"amount": 3670000000, "currency": "CNY"},
                        "period": {
                            "text": "the three months ended June",
                            "start": "2023-04-01",
                            "end": "2023-06-30",
                        },
                    },
                }
            ],
            published="2023-08-21",
            outlet="Bloomberg",
        ),  # fmt: skip
    ]


@pytest.fixture(name="xiaomi_story")
def xiaomi_story_fixture() -> list[ArticleFacts]:
    return xiaomi_story()


_TALKS = re.compile(r"([A-Z][\w.]*(?: [A-Z][\w.]*)*) (?:is|was) in talks with ([A-Z][\w.]*(?: [A-Z][\w.]*)*)")


def fake_extract_many(documents: Any, model: str | None = None, jobs: int = 1) -> Iterator[ArticleFacts]:
    """A stand-in for pipeline.extract_many that needs no spaCy model: "X is in talks with Y"
    gives one talks fact. Same signature and order guarantee as the real one."""
    for doc in documents:
        ents: list[Entity] = []
        out: list[Fact] = []
        for m in _TALKS.finditer(doc.text):
            a, b = f"e{len(ents) + 1}", f"e{len(ents) + 2}"
            ents += [Entity(a, m.group(1), "ORG"), Entity(b, m.group(2).rstrip("."), "ORG")]
            out.append(Fact("talks", {"party": a, "counterparty": b}, [m.span()], status="ongoing"))
        yield ArticleFacts(doc, ents, out)


@pytest.fixture(name="fake_extract_many")
def fake_extract_many_fixture() -> Callable[..., Iterator[ArticleFacts]]:
    return fake_extract_many


# --- extraction (issue 2) --------------------------------------------------------------------

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp_pipeline() -> Any:
    """The default English pipeline with newsgraph's components, loaded once per session.

    `load_pipeline` caches per process, so CLI runs through CliRunner in this process reuse it.
    """
    from newsgraph.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (FACTS.md, score.py, the seed gold); NEWSGRAPH_SHARED overrides."""
    path = Path(os.environ.get("NEWSGRAPH_SHARED") or REPO_ROOT.parent / "shared")
    if not (path / "score.py").is_file():
        pytest.fail(f"{path}/score.py not found: the shared folder must sit beside the checkout")
    return path
