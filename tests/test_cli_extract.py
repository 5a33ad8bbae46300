"""`newsgraph extract` through its runner: the table, --json (FACTS.md), stdin, several files,
--model and --published."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.model import CERTAINTIES, ENTITY_TYPES, FACT_TYPES, SOURCE_KINDS, content_id

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "xiaomi-ev.txt"
PUBLISHED = "2023-09-06"
COLUMNS = ["type", "who", "with whom / what", "status", "certainty", "source", "evidence"]
# FACTS.md, "Fact types and their arguments": the status values each type may take.
STATUSES = {
    "talks": {"ongoing", "ended", "broke_down"},
    "agreement": {"signed", "completed", "terminated"},
    "acquisition": {"rumored", "announced", "completed", "abandoned", "blocked"},
    "investment": {"planned", "made", "withdrawn"},
    "approval": {"pending", "granted", "denied", "revoked"},
    "launch": {"planned", "launched", "delayed", "cancelled"},
    "response": {"declined_to_comment", "no_response", "confirmed", "denied"},
    "personnel": {"appointed", "departed"},
    "legal": {"filed", "ruled", "settled", "fined"},
}
# Arguments that always name an entity (market_trend's `market` may be plain text: "EV demand").
ENTITY_ROLES = {"party", "counterparty", "acquirer", "investor", "applicant", "authority", "company",
                "source", "person", "claimant", "defendant"}  # fmt: skip


@pytest.fixture(scope="module")
def runner(nlp_pipeline: Any) -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def example_json(runner: CliRunner) -> dict[str, Any]:
    result = runner.invoke(main, ["extract", str(EXAMPLE), "--published", PUBLISHED, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _names(out: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in out["entities"]}


def _find(out: dict[str, Any], type_: str, **names: str) -> dict[str, Any]:
    """The first fact of `type_` whose entity arguments have these names (prefix match)."""
    ids = _names(out)
    for f in out["facts"]:
        if f["type"] == type_ and all(ids.get(f["args"].get(k), "").startswith(v) for k, v in names.items()):
            return f
    raise AssertionError(f"no {type_} fact with {names} in {[f['type'] for f in out['facts']]}")


def test_table_has_the_columns_and_a_known_fact(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(EXAMPLE), "--published", PUBLISHED])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith(f"facts (published {PUBLISHED})")
    assert lines[1].split() == " ".join(COLUMNS).split()
    assert set(lines[2]) == {"-", " "}
    rows = [r for r in lines[3:] if r.startswith("talks ") and "Chery" in r]
    assert len(rows) == 1, result.stdout
    row = rows[0]
    for word in ("Xiaomi", "ongoing", "reported", "anonymous: people famil", "in talks with"):
        assert word in row


def test_json_is_the_facts_md_object(example_json: dict[str, Any]) -> None:
    out = example_json
    text = EXAMPLE.read_text(encoding="utf-8")
    assert set(out) >= {"doc", "entities", "facts"}
    assert out["doc"]["published"] == PUBLISHED
    assert out["doc"]["language"] == "en"
    assert out["doc"]["id"] == content_id(text)
    assert {"id", "url", "title"} <= set(out["doc"])
    ids = set()
    for e in out["entities"]:
        assert set(e) >= {"id", "name", "type", "aliases"}
        assert e["type"] in ENTITY_TYPES and isinstance(e["aliases"], list)
        ids.add(e["id"])
    assert len(ids) == len(out["entities"])
    assert out["facts"]
    for f in out["facts"]:
        assert f["type"] in FACT_TYPES
        assert f["certainty"] in CERTAINTIES
        assert f["source"]["kind"] in SOURCE_KINDS
        if f["type"] in STATUSES:
            assert f["status"] in STATUSES[f["type"]], f
        for role, value in f["args"].items():
            if role in ENTITY_ROLES and isinstance(value, str):
                assert value in ids, (role, value)
        assert f["evidence"], f
        for ev in f["evidence"]:
            assert 0 <= ev["start"] < ev["end"] <= len(text)


def test_evidence_slices_hold_the_words(example_json: dict[str, Any]) -> None:
    out = example_json
    text = EXAMPLE.read_text(encoding="utf-8")

    def evidence(f: dict[str, Any]) -> str:
        return " ".join(text[ev["start"] : ev["end"]] for ev in f["evidence"])

    chery = _find(out, "talks", party="Xiaomi", counterparty="Chery")
    assert "in talks with" in evidence(chery) and "Chery Automobile Co." in evidence(chery)
    assert chery["status"] == "ongoing"
    assert chery["certainty"] == "reported"
    assert chery["source"]["kind"] == "anonymous"

    baic = _find(out, "talks", party="Xiaomi", counterparty="Beijing Automotive")
    assert "Beijing Automotive Group Co." in evidence(baic)
    assert baic["source"] == {"kind": "publication", "name": "Bloomberg"}
    assert (baic["time"]["start"], baic["time"]["end"]) == ("2022-08-01", "2022-08-31")

    net = _find(out, "financial_result", company="Xiaomi")
    assert net["args"]["metric"] == "net_income"
    assert "3.67 billion yuan" in evidence(net)
    assert net["args"]["value"]["currency"] == "CNY"
    assert net["args"]["value"]["amount"] == pytest.approx(3.67e9)
    assert net["args"]["value"]["converted"] == {"amount": 503000000, "currency": "USD"}
    assert (net["args"]["period"]["start"], net["args"]["period"]["end"]) == ("2023-04-01", "2023-06-30")
    assert net["args"]["vs_estimate"] == "beat"

    declined = _find(out, "response", party="Xiaomi")
    assert declined["status"] == "declined_to_comment"
    assert "Xiaomi declined to comment" in evidence(declined)


def test_without_published_relative_times_stay_text(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["doc"]["published"] is None
    baic = _find(out, "talks", party="Xiaomi", counterparty="Beijing Automotive")
    assert baic["time"] == {"text": "In August last year", "start": None, "end": None}


def test_stdin_dash(runner: CliRunner, example_json: dict[str, Any]) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    result = runner.invoke(main, ["extract", "-", "--published", PUBLISHED, "--json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == example_json


def test_several_files_give_one_json_object_per_line(runner: CliRunner, tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("Acme Corp. agreed to buy Widget Inc. for $2 billion, the companies said.\n")
    second = tmp_path / "second.txt"
    second.write_text("Siemens declined to comment on the report.\n")
    result = runner.invoke(main, ["extract", str(first), str(second), str(first), "--json"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    objs = [json.loads(line) for line in lines]
    assert [o["doc"]["id"] for o in objs] == [content_id(p.read_text()) for p in (first, second, first)]
    assert [f["type"] for f in objs[0]["facts"]] == ["acquisition"]
    assert [f["type"] for f in objs[1]["facts"]] == ["response"]


def test_several_files_as_tables(runner: CliRunner, tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("Siemens declined to comment on the report.\n")
    result = runner.invoke(main, ["extract", str(first), str(first)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("1 facts") == 2


def _one_error_line(result: Any) -> str:
    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newsgraph: error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


def test_model_not_installed(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(EXAMPLE), "--model", "xx_no_such_pipeline"])
    line = _one_error_line(result)
    assert "'xx_no_such_pipeline' is not installed" in line


def test_model_by_name(runner: CliRunner) -> None:
    """--model names an installed package: whichever of the official pipeline or its re-upload is here."""
    from newsgraph.pipeline import resolve_model_name

    name = resolve_model_name(None)
    result = runner.invoke(main, ["extract", str(EXAMPLE), "--model", name, "--published", PUBLISHED])
    assert result.exit_code == 0, result.output
    assert "Chery" in result.stdout


@pytest.mark.parametrize("value", ["2023-13-45", "yesterday", "06/09/2023"])
def test_published_not_a_date(runner: CliRunner, value: str) -> None:
    result = runner.invoke(main, ["extract", str(EXAMPLE), "--published", value])
    line = _one_error_line(result)
    assert "--published" in line and value in line
