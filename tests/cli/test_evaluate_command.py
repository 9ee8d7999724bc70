"""What `quaestio evaluate` prints when positions tie and when caveats repeat across semantics."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from quaestio.cli.app import app

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "purges.debate.md"

TWINS = """# Twin explanations

Question: Which of two equally supported readings wins?

## First reading {#p1}

Historians: Alpha

### For

- {#p1.f1} A point for the first reading, made in 1901.

## Second reading {#p2}

Historians: Beta

### For

- {#p2.f1} A point for the second reading, made in 1902.

## Third reading {#p3}

Historians: Gamma

### For

- {#p3.f1} A point for the third reading, made in 1903.

### Against

- {#p3.a1 rebuts=p3.f1} A point that undoes the third reading's support, from 1904.
"""


def test_tied_positions_are_named_together_not_one_picked(tmp_path: Path) -> None:
    path = tmp_path / "twins.debate.md"
    path.write_text(TWINS, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "--semantics", "all"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    said = verdicts(result.output)
    assert said["dfquad"].startswith("2 positions share the top (p1, p2)")
    assert said["grounded"].startswith("2 positions share the top (p1, p2)")
    assert "top is p1" not in flat and "top is p2" not in flat


def verdicts(output: str) -> dict[str, str]:
    """Each semantics' verdict, whether printed alone or on a shared line ("qe, euler: ...")."""
    text = " ".join(output.split())
    names = "dfquad|qe|euler|hcat|grounded|preferred|stable|ach"
    group = rf"(?:{names})(?:, (?:{names}))*"
    out: dict[str, str] = {}
    for match in re.finditer(rf"({group}): (.*?)(?= {group}: | note|$)", text):
        for name in match.group(1).split(", "):
            out[name] = match.group(2)
    return out


def test_a_caveat_shared_by_every_semantics_is_printed_once(tmp_path: Path) -> None:
    path = tmp_path / "twins.debate.md"
    path.write_text(TWINS, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "--semantics", "all"])
    flat = " ".join(result.output.split())
    assert flat.count("no countering evidence") == 1
    assert "note: no countering evidence" in flat  # no per-semantics scope: it holds for all


SETTLED = """# A settled question

Question: Which reading holds?

## Strong reading {#p1}

Historians: Alpha

### For

- {#p1.f1 weight=1.0} A first firm point for the strong reading, from 1911.
- {#p1.f2 weight=1.0} A second firm point for the strong reading, from 1912.

## Weak reading {#p2}

Historians: Beta

### Against

- {#p2.a1 weight=1.0} A firm point against the weak reading, from 1913.
"""


def test_a_top_no_single_weight_can_move_is_called_robust(tmp_path: Path) -> None:
    path = tmp_path / "settled.debate.md"
    path.write_text(SETTLED, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "--semantics", "qe"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert verdicts(result.output)["qe"].startswith("top is p1")
    assert "robust: no single weight change within [0, 1] puts another position on top" in flat
    assert "flip:" not in flat


def test_a_close_top_reports_its_flip_point_instead(tmp_path: Path) -> None:
    close = (
        SETTLED.replace(
            "- {#p1.f2 weight=1.0} A second firm point for the strong reading, from 1912.\n", ""
        )
        .replace("{#p1.f1 weight=1.0}", "{#p1.f1 weight=0.3}")
        .replace("### Against\n\n- {#p2.a1 weight=1.0}", "### For\n\n- {#p2.f1 weight=0.2}")
    )
    path = tmp_path / "close.debate.md"
    path.write_text(close, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "--semantics", "dfquad"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert verdicts(result.output)["dfquad"].startswith("top is p1")
    assert "flip: weight of" in flat and "puts p2 on top" in flat and "robust:" not in flat


def test_a_debate_with_errors_is_refused_with_every_error_at_its_line(tmp_path: Path) -> None:
    bad = SETTLED.replace("{#p1.f1 weight=1.0}", "{#p1.f1 weight=3}").replace(
        "{#p2.a1 weight=1.0}", "{#p2.a1 weight=1.0 rebuts=p9.f9}"
    )
    path = tmp_path / "bad.debate.md"
    path.write_text(bad, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 2
    lines = bad.splitlines()
    weight_line = next(i for i, t in enumerate(lines, 1) if "weight=3" in t)
    rebut_line = next(i for i, t in enumerate(lines, 1) if "p9.f9" in t)
    flat = " ".join(result.output.split())
    assert f"bad.debate.md:{weight_line}: error:" in flat and "weight" in flat
    assert f"bad.debate.md:{rebut_line}: error:" in flat and "p9.f9" in flat
    assert "┃" not in result.output  # no ranking table for a debate with errors


def test_semantics_that_agree_share_one_line() -> None:
    result = runner.invoke(app, ["evaluate", str(EXAMPLE), "--semantics", "all"])
    assert result.exit_code == 0, result.output
    said = verdicts(result.output)
    assert set(said) == {"dfquad", "qe", "euler", "hcat", "grounded", "preferred", "stable", "ach"}
    text = " ".join(result.output.split())
    for name, verdict in said.items():
        # a verdict is printed once, for every semantics that reached it
        assert text.count(f": {verdict}") == 1, name
    sharing = [n for n in said if sum(v == said[n] for v in said.values()) > 1]
    assert sharing, "the example's extension semantics agree"
