"""The two typed objects that travel the pipeline: a Document in, an ArticleFacts out.

`ArticleFacts.to_json()` is the public contract of ../shared/FACTS.md; everything downstream
(store, graph, web, eval) reads that shape or these dataclasses, never ad-hoc dicts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

FACT_TYPES = (
    "talks",
    "agreement",
    "acquisition",
    "investment",
    "approval",
    "policy",
    "launch",
    "financial_result",
    "forecast",
    "market_trend",
    "response",
    "personnel",
    "legal",
)
ENTITY_TYPES = ("ORG", "GOV", "PERSON", "PLACE", "PRODUCT")
SOURCE_KINDS = ("anonymous", "person", "organization", "publication", "document")
CERTAINTIES = ("asserted", "reported", "possible", "denied")


@dataclass(slots=True)
class Document:
    """One article as read from its source: the text plus what the source says about it."""

    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    outlet: str | None = None
    language: str = "en"

    def __post_init__(self) -> None:
        if self.id is None:
            self.id = content_id(self.text)


def content_id(text: str) -> str:
    """A stable id for a text: re-reading the same words gives the same id."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "aliases": list(self.aliases)}


@dataclass(slots=True)
class Source:
    kind: str = "document"
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name}


@dataclass(slots=True)
class TimeSpan:
    text: str
    start: str | None = None
    end: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Fact:
    type: str
    args: dict[str, Any]
    evidence: list[tuple[int, int]]
    status: str | None = None
    certainty: str = "asserted"
    source: Source = field(default_factory=Source)
    time: TimeSpan | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "args": {k: _jsonable(v) for k, v in self.args.items() if v is not None},
            "status": self.status,
            "certainty": self.certainty,
            "source": self.source.to_json(),
            "time": self.time.to_json() if self.time else None,
            "evidence": [{"start": s, "end": e} for s, e in self.evidence],
        }
        return out


def _jsonable(v: Any) -> Any:
    if hasattr(v, "to_json"):
        return v.to_json()
    return v


@dataclass(slots=True)
class ArticleFacts:
    """What one article yields (FACTS.md)."""

    doc: Document
    entities: list[Entity]
    facts: list[Fact]
    note: str | None = None  # why a result is empty, e.g. a non-English article

    def to_json(self) -> dict[str, Any]:
        d = self.doc
        out: dict[str, Any] = {
            "doc": {
                "id": d.id,
                "url": d.url,
                "title": d.title,
                "published": d.published,
                "language": d.language,
                "outlet": d.outlet,
            },
            "entities": [e.to_json() for e in self.entities],
            "facts": [f.to_json() for f in self.facts],
        }
        if self.note:
            out["note"] = self.note
        return out
