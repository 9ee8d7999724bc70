"""Study commands refuse a debate with errors, naming each at its line, and write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quaestio.cli.app import app

runner = CliRunner()

BAD = """# Broken handout

Question: Does a broken file get through?

## Only reading {#p1}

Historians: Alpha

### For

- {#p1.f1 weight=3} A point from 1920 with an impossible weight.
"""


@pytest.mark.parametrize(
    "args",
    [["essay"], ["essay", "-o", "{out}/plan.md"], ["quiz"], ["cards"]],
)
def test_a_study_command_refuses_a_debate_with_errors(tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "bad.debate.md"
    path.write_text(BAD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    argv = [args[0], str(path), *(a.format(out=out) for a in args[1:])]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    line = next(i for i, t in enumerate(BAD.splitlines(), 1) if "weight=3" in t)
    assert f"bad.debate.md:{line}: error:" in " ".join(result.output.split())
    assert not any(out.iterdir())


def test_a_quiz_of_a_kind_the_debate_cannot_ask_says_why(seed_path: Path) -> None:
    result = runner.invoke(app, ["quiz", str(seed_path), "-k", "consequence_supports"])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "no question of consequence_supports" in said and "citing a consequence" in said
    example = Path(__file__).resolve().parents[2] / "examples" / "purges.debate.md"
    result = runner.invoke(app, ["quiz", str(example), "-k", "consequence_supports", "-n", "2"])
    assert result.exit_code == 0 and result.output.count("most support") == 2
