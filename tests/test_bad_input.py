"""Bad input to `newsgraph extract`: one clear line on stderr and a non-zero exit, never a traceback.

Each case runs twice: through click's runner, and as a real process (`python -m newsgraph`),
which is what a user sees, tracebacks and all. A non-English article is not an error: it
gives an empty result that says why.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

# Written for these tests: a Spanish business paragraph, long enough to judge its language.
SPANISH = (
    "La empresa tecnológica anunció el martes que ampliará su planta de baterías en el norte del país. "
    "Según fuentes cercanas a la negociación, la compañía invertirá unos dos mil millones de euros "
    "durante los próximos tres años y contratará a cientos de trabajadores. El gobierno regional "
    "celebró la noticia, aunque los sindicatos piden más garantías sobre los salarios.\n"
)


def _big(path: Path) -> None:
    """A 20 MB article: plain English prose, only too long."""
    line = b"Acme Corp. said on Tuesday that quarterly revenue rose 4% to $2.1 billion.\n"
    with path.open("wb") as fh:
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            fh.write(line)


# name -> (make the file at path, words the error line must hold)
CASES: dict[str, tuple[Callable[[Path], Any], str]] = {
    "empty": (lambda p: p.write_bytes(b""), "is empty"),
    "whitespace": (lambda p: p.write_bytes(b" \n\t\n"), "only whitespace"),
    "binary": (
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
        "binary",
    ),
    "latin-1": (
        lambda p: p.write_bytes("Nestlé SA a annoncé des résultats.\n".encode("latin-1")),
        "not UTF-8",
    ),
    "utf-16": (lambda p: p.write_text("Acme Corp. agreed to buy Widget Inc.\n", encoding="utf-16"), "UTF-16"),
    "20 MB": (_big, "over the 10 MB limit"),
    "missing": (lambda p: None, "no such file"),
    "folder": (lambda p: p.mkdir(), "is a folder"),
}


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bad")
    out = {}
    for name, (make, _) in CASES.items():
        path = root / (name.replace(" ", "-") + ".txt")
        make(path)
        out[name] = path
    return out


def _check_one_line(code: int, stdout: str, stderr: str, path: Path, words: str) -> None:
    assert code != 0
    assert "Traceback" not in stderr
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("newsgraph: error: ")
    assert str(path) in lines[0] and words in lines[0]


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_through_the_runner(case: str, bad_files: dict[str, Path]) -> None:
    path = bad_files[case]
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    _check_one_line(result.exit_code, result.stdout, result.stderr, path, CASES[case][1])


@pytest.fixture(scope="module")
def processes(bad_files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """Every case as a real `python -m newsgraph extract` process, plus the Spanish article with
    --json, all started at once (each spends most of its time importing spaCy)."""
    spanish = tmp_path_factory.mktemp("es") / "es.txt"
    spanish.write_text(SPANISH, encoding="utf-8")
    argv = {case: [str(path)] for case, path in bad_files.items()} | {"spanish": [str(spanish), "--json"]}
    running = {
        case: subprocess.Popen(
            [sys.executable, "-m", "newsgraph", "extract", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for case, args in argv.items()
    }
    out = {}
    for case, proc in running.items():
        stdout, stderr = proc.communicate(timeout=180)
        out[case] = (proc.returncode, stdout, stderr)
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_as_a_process(
    case: str, bad_files: dict[str, Path], processes: dict[str, tuple[int, str, str]]
) -> None:
    _check_one_line(*processes[case], bad_files[case], CASES[case][1])


def test_a_bad_file_among_good_ones_stops_before_any_output(bad_files: dict[str, Path]) -> None:
    """Every file is checked before the model loads, so a typo costs no waiting and no half output."""
    good = Path(__file__).resolve().parents[1] / "examples" / "xiaomi-ev.txt"
    result = CliRunner().invoke(main, ["extract", str(good), str(bad_files["missing"])])
    _check_one_line(result.exit_code, result.stdout, result.stderr, bad_files["missing"], "no such file")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "<stdin>: is empty"),
        (b"\x00\x01\x02binary\x00", "<stdin>: is binary"),
        (b"caf\xe9\n", "not UTF-8"),
    ],
)
def test_bad_stdin(data: bytes, words: str) -> None:
    result = CliRunner().invoke(main, ["extract", "-"], input=data)
    assert result.exit_code != 0
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("newsgraph: error: ") and words in result.stderr


def test_non_english_gives_an_empty_result_that_says_why(tmp_path: Path, nlp_pipeline: Any) -> None:
    path = tmp_path / "es.txt"
    path.write_text(SPANISH, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["facts"] == [] and out["entities"] == []
    assert "not English" in out["note"]
    assert out["doc"]["language"] != "en"

    table = CliRunner().invoke(main, ["extract", str(path)])
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].startswith("0 facts: not English")


def test_non_english_as_a_process(processes: dict[str, tuple]) -> None:
    code, stdout, stderr = processes["spanish"]
    assert code == 0, stderr
    assert "Traceback" not in stderr
    out = json.loads(stdout)
    assert out["facts"] == [] and "not English" in out["note"]
