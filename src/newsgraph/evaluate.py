"""Score extraction against annotated gold files, as FACTS.md "Scoring" defines it.

A gold file (the format of shared/gold/*.json) names its text file, its entities (each a
list of acceptable names) and its facts. The rules here are the contract's: a predicted
fact matches a gold fact when the types agree, every entity argument the gold names
resolves to the same entity (names compared without case, punctuation and legal
suffixes), talks/agreement pairs are unordered, money agrees within 1%; recall pairs gold
and predicted facts one to one. tests/test_eval.py checks the figures equal
shared/score.py's on the same predictions.

    $ newsgraph eval devset/
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputNotFound, NewsgraphError
from newsgraph.model import Document

LEGAL = {"corp", "corporation", "co", "company", "ltd", "limited", "inc", "incorporated", "group", "holdings",
         "holding", "plc", "llc", "ag", "sa", "nv", "se", "spa", "gmbh", "the"}  # fmt: skip
METRICS = {"revenue", "net_income", "adjusted_net_income", "operating_income", "gross_margin", "eps",
           "deliveries", "sales_volume", "market_share", "guidance"}  # fmt: skip
ATTRS = ("status", "certainty", "source_kind", "time", "period", "vs_estimate", "change_pct", "metric")


def norm(name: Any) -> str:
    s = str(name).lower().replace("\u2019", "'").replace("'s ", " ")
    tokens = re.sub(r"[^\w\s]", " ", s).split()
    while tokens and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in LEGAL:
        tokens = tokens[:-1]
    return " ".join(tokens)


def key_sentence(text: str, key: str) -> tuple[int, int]:
    """Offsets of the sentence (or line) holding a gold key phrase."""
    i = text.find(key)
    if i < 0:
        raise NewsgraphError(f"gold key phrase not in its text: {key!r}")
    starts = [m.end() for m in re.finditer(r"[.!?]\s+|\n", text[:i])]
    start = starts[-1] if starts else 0
    m = re.search(r"[.!?](\s|$)|\n", text[i + len(key) :])
    end = i + len(key) + (m.end() if m else len(text))
    return start, end


def _alts(v: Any) -> list:
    return v if isinstance(v, list) else [v]


class _Names:
    """Resolves a predicted argument to the gold entity key it names (None if none or ambiguous)."""

    def __init__(self, gold: dict, pred: dict):
        self.gold = {k: {norm(a) for a in v} for k, v in gold.get("entities", {}).items()}
        self.pred = {e.get("id"): e for e in pred.get("entities", []) if isinstance(e, dict)}

    def resolve(self, value: Any) -> str | None:
        if isinstance(value, dict):
            value = value.get("id") or value.get("name")
        if not isinstance(value, str):
            return None
        ent = self.pred.get(value)
        names = [ent.get("name", "")] + list(ent.get("aliases", [])) if ent else [value]
        hits = {k for n in names for k, aliases in self.gold.items() if norm(n) in aliases}
        return hits.pop() if len(hits) == 1 else None


def money_matches(gold: dict, pred: Any) -> bool:
    if not isinstance(pred, dict):
        return False
    preds = [pred] + ([pred["converted"]] if isinstance(pred.get("converted"), dict) else [])
    golds = [gold] + ([gold["alt"]] if "alt" in gold else [])
    for g in golds:
        for p in preds:
            try:
                if (
                    str(p.get("currency", "")).upper() == g["currency"]
                    and abs(float(p["amount"]) - g["amount"]) <= 0.01 * g["amount"]
                ):
                    return True
            except (TypeError, ValueError, KeyError):
                continue
    return False


def _overlaps(fact: dict, span: tuple[int, int]) -> bool:
    for ev in fact.get("evidence") or []:
        try:
            if int(ev["start"]) < span[1] and int(ev["end"]) > span[0]:
                return True
        except (TypeError, ValueError, KeyError):
            continue
    return False


def fact_matches(names: _Names, text: str, gold: dict, pred: dict) -> bool:
    if gold["type"] != pred.get("type"):
        return False
    args, pargs = gold.get("args", {}), pred.get("args") or {}
    if gold["type"] in ("talks", "agreement") and {"party", "counterparty"} <= set(args):
        want = (set(_alts(args["party"])), set(_alts(args["counterparty"])))
        got = (names.resolve(pargs.get("party")), names.resolve(pargs.get("counterparty")))
        if not ((got[0] in want[0] and got[1] in want[1]) or (got[0] in want[1] and got[1] in want[0])):
            return False
    else:
        for role, alts in args.items():
            if names.resolve(pargs.get(role)) not in _alts(alts):
                return False
    if gold.get("metric") in METRICS and pargs.get("metric") != gold["metric"]:
        return False
    for field_ in ("value", "amount"):
        if field_ in gold and not money_matches(gold[field_], pargs.get(field_)):
            return False
    if not args:
        return _overlaps(pred, key_sentence(text, gold["key"]))
    return True


def attribute(pred: dict, name: str) -> Any:
    pargs = pred.get("args") or {}
    if name == "source_kind":
        return (pred.get("source") or {}).get("kind")
    if name == "time":
        t = pred.get("time") or {}
        return {"start": t.get("start"), "end": t.get("end")}
    if name == "period":
        t = pargs.get("period") or {}
        return {"start": t.get("start"), "end": t.get("end")} if isinstance(t, dict) else None
    if name in ("vs_estimate", "change_pct", "metric"):
        return pargs.get(name)
    return pred.get(name)


def attribute_ok(name: str, gval: Any, pval: Any) -> bool:
    if name in ("time", "period"):
        return (
            isinstance(pval, dict)
            and pval.get("start") == gval.get("start")
            and pval.get("end") == gval.get("end")
        )
    if name == "change_pct":
        try:
            return abs(float(pval) - float(gval)) < 0.05
        except (TypeError, ValueError):
            return False
    return pval == gval


@dataclass(slots=True)
class DocScore:
    name: str
    gold: int = 0
    pred: int = 0
    correct_pred: int = 0
    neutral: int = 0
    matched_gold: int = 0
    no_evidence: int = 0
    attrs: dict[str, list[int]] = field(default_factory=dict)
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [gold, matched, pred, correct]
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong_attributes: list[str] = field(default_factory=list)


def score_document(name: str, gold: dict, pred: dict, text: str) -> DocScore:
    names = _Names(gold, pred)
    facts = [p for p in pred.get("facts", []) if isinstance(p, dict)]
    gfacts, optional = gold["facts"], gold.get("optional", [])
    out = DocScore(name, gold=len(gfacts), pred=len(facts))

    def tally(t: str, i: int) -> None:
        out.by_type.setdefault(t, [0, 0, 0, 0])[i] += 1

    for p in facts:
        tally(str(p.get("type")), 2)
        if not p.get("evidence"):
            out.no_evidence += 1
        if any(fact_matches(names, text, g, p) for g in gfacts):
            out.correct_pred += 1
            tally(str(p.get("type")), 3)
        elif any(_optional_matches(names, text, o, p) for o in optional):
            out.neutral += 1
            out.by_type[str(p.get("type"))][2] -= 1
        else:
            out.false_alarms.append(_brief(p, names, text))
    edges = [[j for j, p in enumerate(facts) if fact_matches(names, text, g, p)] for g in gfacts]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gfacts)):
        augment(i, set())
    matched = set(owner.values())
    for i, g in enumerate(gfacts):
        tally(g["type"], 0)
        if i not in matched:
            out.misses.append(f"{g['type']} {g.get('args')} ({g.get('key')})")
            continue
        out.matched_gold += 1
        tally(g["type"], 1)
        hits = [facts[j] for j in edges[i]]
        for attr in ATTRS:
            if attr in g:
                ok = any(attribute_ok(attr, g[attr], attribute(p, attr)) for p in hits)
                if not ok:
                    got = attribute(hits[0], attr)
                    out.wrong_attributes.append(
                        f"{g['type']} {attr}: gold {g[attr]}, got {got} ({g.get('key')})"
                    )
                right_total = out.attrs.setdefault(attr, [0, 0])
                right_total[0] += ok
                right_total[1] += 1
    return out


def _optional_matches(names: _Names, text: str, o: dict, p: dict) -> bool:
    if o["type"] != p.get("type"):
        return False
    if o.get("args"):
        return fact_matches(names, text, o, p)
    return _overlaps(p, key_sentence(text, o["key"]))


def _brief(p: dict, names: _Names, text: str) -> str:
    args = {k: (names.pred.get(v, {}).get("name", v) if isinstance(v, str) else v)
            for k, v in (p.get("args") or {}).items() if k not in ("statement",)}  # fmt: skip
    ev = (p.get("evidence") or [{}])[0]
    snippet = text[ev.get("start", 0) : ev.get("end", 0)][:80]
    return f"{p.get('type')} {args} [{snippet}]"


@dataclass(slots=True)
class Report:
    docs: list[DocScore]

    def summary(self) -> dict[str, Any]:
        t = {"gold": 0, "pred": 0, "tp_pred": 0, "neutral": 0, "tp_gold": 0, "no_evidence": 0}
        attrs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        types: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for d in self.docs:
            t["gold"] += d.gold
            t["pred"] += d.pred
            t["tp_pred"] += d.correct_pred
            t["neutral"] += d.neutral
            t["tp_gold"] += d.matched_gold
            t["no_evidence"] += d.no_evidence
            for k, (r, n) in d.attrs.items():
                attrs[k][0] += r
                attrs[k][1] += n
            for k, v in d.by_type.items():
                for i in range(4):
                    types[k][i] += v[i]
        counted = t["pred"] - t["neutral"]
        p = t["tp_pred"] / counted if counted else 0.0
        r = t["tp_gold"] / t["gold"] if t["gold"] else 0.0
        out: dict[str, Any] = dict(t)
        out.update(precision=p, recall=r, f1=2 * p * r / (p + r) if p + r else 0.0)
        out["attrs"] = {
            k: {"right": a, "total": n, "accuracy": a / n if n else 0.0} for k, (a, n) in attrs.items()
        }
        out["types"] = {
            k: {"gold": g, "matched": m, "predicted": pr, "correct": c,
                "precision": c / pr if pr else 0.0, "recall": m / g if g else 0.0}
            for k, (g, m, pr, c) in sorted(types.items())
        }  # fmt: skip
        return out


def format_report(report: Report, misses: bool = True) -> str:
    s = report.summary()
    lines = []
    if misses:
        for d in report.docs:
            if d.misses or d.false_alarms or d.wrong_attributes:
                lines.append(f"{d.name}: gold {d.gold}, predicted {d.pred}, matched {d.matched_gold}")
                lines += [f"   missed: {m}" for m in d.misses]
                lines += [f"   false alarm: {f}" for f in d.false_alarms]
                lines += [f"   wrong {w}" for w in d.wrong_attributes]
    lines.append("")
    lines.append(f"{'type':18s} {'gold':>5s} {'pred':>5s} {'prec':>6s} {'recall':>6s}")
    for k, v in s["types"].items():
        lines.append(f"{k:18s} {v['gold']:5d} {v['predicted']:5d} {v['precision']:6.2f} {v['recall']:6.2f}")
    lines.append("")
    for k, v in sorted(s["attrs"].items()):
        lines.append(f"  {k:12s} {v['right']}/{v['total']}  ({v['accuracy']:.0%})")
    lines.append(f"facts without evidence: {s['no_evidence']}")
    lines.append(
        f"documents {len(report.docs)}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}"
    )
    return "\n".join(lines)


def load_gold(path: Path) -> tuple[dict, str]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / gold["doc"]["text_file"]).read_text(encoding="utf-8")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NewsgraphError(f"{path}: not a readable gold file ({exc})") from None
    return gold, text


def evaluate_dir(gold_dir: str, model: str | None = None, save_to: str | None = None) -> Report:
    """Extract every gold file's text and score it; optionally save each prediction as JSON."""
    from newsgraph.pipeline import extract_many

    root = Path(gold_dir)
    paths = [root] if root.is_file() else sorted(root.glob("*.json"))
    if not root.exists():
        raise InputNotFound(f"{gold_dir}: no such file or directory")
    if not paths:
        raise InputNotFound(f"{gold_dir}: no gold .json files in it")
    golds = [(p, *load_gold(p)) for p in paths]
    docs = [Document(text=text, published=g["doc"].get("published"), id=p.stem) for p, g, text in golds]
    docs_out = []
    for (path, gold, text), result in zip(golds, extract_many(docs, model=model), strict=True):
        pred = result.to_json()
        if save_to:
            Path(save_to).mkdir(parents=True, exist_ok=True)
            (Path(save_to) / path.name).write_text(json.dumps(pred, ensure_ascii=False, indent=1))
        docs_out.append(score_document(path.stem, gold, pred, text))
    return Report(docs_out)
