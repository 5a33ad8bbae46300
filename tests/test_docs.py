"""The README's first two commands are what CI runs, and what they name exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```(?:bash|sh|console)?\n(.*?)```", text, re.S)
    assert block, "README.md has no code block"
    assert text.index(block.group(0)) < text.index("\n## "), "the commands must come first"
    return [line for line in block.group(1).splitlines() if line.strip()]


def ci_commands() -> list[str]:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    skip = re.compile(r"^\s*(#|set -|cd \"\$\(dirname|$)")
    return [line for line in lines if not skip.match(line)]


def test_ci_runs_exactly_the_readme_commands() -> None:
    assert readme_commands() == ci_commands()
    assert len(ci_commands()) == 2


def test_ci_script_is_strict_bash() -> None:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text


def test_what_the_commands_name_exists() -> None:
    first, second = readme_commands()
    assert "scripts/install.sh" in first and "--dev" in second and "pytest" in second
    for path in re.findall(r"(?:scripts|examples)/[\w./-]+", first + " " + second):
        assert (ROOT / path).is_file(), path
    assert (ROOT / "requirements-model.txt").is_file()


def test_readme_keeps_the_sections_others_fill() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for heading in ("## Knowledge graph", "## Web app", "## Bad input", "## Architecture"):
        assert f"\n{heading}\n" in text, heading
