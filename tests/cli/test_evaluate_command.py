"""What `quaestio evaluate` prints when positions tie and when caveats repeat across semantics."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from quaestio.cli.app import app

runner = CliRunner()

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
    assert "dfquad: 2 positions share the top (p1, p2)" in flat
    assert "grounded: 2 positions share the top (p1, p2)" in flat
    assert "top is p1" not in flat and "top is p2" not in flat


def test_a_caveat_shared_by_every_semantics_is_printed_once(tmp_path: Path) -> None:
    path = tmp_path / "twins.debate.md"
    path.write_text(TWINS, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "--semantics", "all"])
    flat = " ".join(result.output.split())
    assert flat.count("no countering evidence") == 1
    assert "note: no countering evidence" in flat  # no per-semantics scope: it holds for all
