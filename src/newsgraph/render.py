"""Readable tables for the terminal."""

from __future__ import annotations

from newsgraph.model import ArticleFacts

ROLE_ORDER = ("party", "acquirer", "investor", "applicant", "authority", "company", "source", "person",
              "claimant", "market")  # fmt: skip


def _who_what(result: ArticleFacts, args: dict) -> tuple[str, str]:
    names = {e.id: e.name for e in result.entities}

    def show(v) -> str:
        if isinstance(v, str):
            return names.get(v, v)
        if isinstance(v, dict) and "amount" in v:
            return f"{v['currency']} {v['amount']:,.0f}"
        if isinstance(v, dict) and "text" in v:
            return v["text"]
        return str(v)

    who_key = next((k for k in ROLE_ORDER if args.get(k)), None)
    who = show(args[who_key]) if who_key else ""
    rest = [f"{show(v)}" if k in ("counterparty", "target", "authority", "subject", "defendant", "product")
            else f"{k}={show(v)}" for k, v in args.items() if k != who_key and k not in ("statement",)]  # fmt: skip
    return who, "; ".join(rest)


def table(rows: list[list[str]], headers: list[str], widths: list[int]) -> str:
    def cut(s: str, w: int) -> str:
        s = " ".join(str(s).split())
        return s if len(s) <= w else s[: w - 1] + "…"

    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(cut(c, w).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines)


def facts_table(result: ArticleFacts) -> str:
    """type | who | with whom / what | status | certainty | source | evidence"""
    text = result.doc.text
    rows = []
    for f in result.facts:
        who, what = _who_what(result, f.to_json()["args"])
        src = f.source.kind + (f": {f.source.name}" if f.source.name else "")
        s, e = f.evidence[0]
        rows.append([f.type, who, what, f.status or "", f.certainty, src, text[s:e]])
    head = f"{len(result.facts)} facts"
    if result.doc.published:
        head += f" (published {result.doc.published})"
    if result.note:
        head += f": {result.note}"
    return (
        head
        + "\n"
        + table(
            rows,
            ["type", "who", "with whom / what", "status", "certainty", "source", "evidence"],
            [16, 14, 30, 19, 9, 24, 50],
        )
    )
