from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quaestio.cli.app import app

runner = CliRunner()

BROKEN = """# Broken debate

## One {#p1}
Historians: Someone

### For
- {#p1.f1 weight=1.7} A point made in 1930.
- {#p1.f1} The same id again, 1931.

### Against
- {#p1.a1 rebuts=p1.f9} Aimed at nothing, 1932.
"""


def test_convert_round_trip_reproduces_the_example(example_path: Path, tmp_path: Path) -> None:
    out_json = tmp_path / "out.json"
    back = tmp_path / "back.debate.md"
    assert runner.invoke(app, ["convert", str(example_path), str(out_json)]).exit_code == 0
    assert runner.invoke(app, ["convert", str(out_json), str(back)]).exit_code == 0
    again = tmp_path / "again.json"
    assert runner.invoke(app, ["convert", str(back), str(again)]).exit_code == 0
    assert json.loads(out_json.read_text()) == json.loads(again.read_text())
    assert back.read_text() == example_path.read_text()


def test_check_reports_all_three_errors_with_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.debate.md"
    bad.write_text(BROKEN)
    result = runner.invoke(app, ["check", str(bad)])
    assert result.exit_code == 1
    out = result.output
    assert f"{bad}:7" in out and "outside [0, 1]" in out
    assert "duplicate_id" in out
    assert f"{bad}:11" in out and "dangling_rebuttal" in out


def test_check_passes_on_the_example(example_path: Path) -> None:
    result = runner.invoke(app, ["check", str(example_path)])
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output


def test_convert_refuses_broken_debate_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.debate.md"
    bad.write_text(BROKEN)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["convert", str(bad), str(out)])
    assert result.exit_code == 2  # a failure the user can fix, as every command
    assert not out.exists()


def test_unknown_ending_is_a_clear_error(example_path: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "quaestio", "convert", str(example_path), str(tmp_path / "x.weird")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "x.weird" in proc.stderr and "known endings" in proc.stderr
    assert not (tmp_path / "x.weird").exists()


def test_show_prints_positions_and_rebuttals(example_path: Path) -> None:
    result = runner.invoke(app, ["show", str(example_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "There was real opposition" in result.output
    assert "rebuts p4.f1" in result.output
    assert "Conquest" in result.output


@pytest.mark.parametrize("command", sorted(c.name or "" for c in app.registered_commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Example:" in result.output and "quaestio " in result.output


BROKEN_GRAPH = """# Broken graph

## One {#p1}
Historians: Someone

### For
- {#p1.f1} A point made in 1930.
  - Against: {#p1.f1.a1} A reply from 1931.

## Two {#p2}
Historians: Another

### For
- {#p2.f1} Another point, 1932.

## Relations
- {#r1} p1.f1 supports p7
- {#r2} p1.f1 rephrases p2.f1
- {#r3} p2.f1 rephrases p1.f1
- {#r4} p2.f1 undercuts k1

## Conclusion

Both count.

### Claims

- {#k1 endorses=p1} The first counts more.
"""


def test_check_names_line_and_field_of_every_graph_error(tmp_path: Path) -> None:
    bad = tmp_path / "graph.debate.md"
    bad.write_text(BROKEN_GRAPH)
    result = runner.invoke(app, ["check", str(bad)])
    assert result.exit_code == 1
    out = result.output
    assert f"{bad}:17: error: r1 (support) aims at 'p7'" in out
    assert "[dangling_relation] (field target)" in out
    assert f"{bad}:19: error: r3 closes a circle of rephrases" in out
    assert "[rephrase_cycle] (field target)" in out
    assert f"{bad}:20: error: r4 undercuts k1" in out and "[undercut_of_nothing]" in out
    # and nothing is written from a debate with errors
    target = tmp_path / "out.json"
    converted = runner.invoke(app, ["convert", str(bad), str(target)])
    assert converted.exit_code != 0 and not target.exists()
    assert "Traceback" not in converted.output


def test_show_indents_replies_and_lists_cross_links(example_path: Path) -> None:
    result = runner.invoke(app, ["show", str(example_path)], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    out = result.output
    nested = [line for line in out.splitlines() if "p1.a1.a1" in line]
    assert nested and "↳" in nested[0] and "against" in nested[0]
    assert "Relations" in out and "supports" in out
    assert "School: Stalin-centred" in out
    assert "rejects p2" in out  # the conclusion's claims with their judgements
