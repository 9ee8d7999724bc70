"""A teacher's corrections (``quaestio import --fix``) applied to an import, by source line."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quaestio.cli.commands import import_cmd
from quaestio.errors import ParseError
from quaestio.importer import import_bytes
from quaestio.importer.fixes import apply_fixes, parse_fixes
from quaestio.model import Debate, validate


def run(*args: str) -> tuple[int, str]:
    app = typer.Typer()
    import_cmd.register(app)

    @app.callback()
    def main() -> None:  # a group, so that "import" is a sub-command
        pass

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


DOC = (
    b"# Why did the Weimar Republic fall?\n\n## Economic crisis\n\n"
    b"- unemployment reached six million\n- the depression was decisive\n- the Nazis promised work\n\n"
    b"## Political intrigue\n\n- Papen and Schleicher plotted\n"
)


def fixed(script: str) -> Debate:
    return apply_fixes(import_bytes(DOC, "w.md"), parse_fixes(script, "f.txt"))


def test_each_correction_changes_only_what_it_names() -> None:
    debate = fixed("question: How far was the depression to blame?\nflip 7\n")
    assert debate.question == "How far was the depression to blame?"
    assert [e.stance for e in debate.positions[0].evidence] == ["for", "for", "against"]
    assert not [p for p in validate(debate) if p.severity == "error"]


def test_promote_and_demote_are_inverse_in_structure() -> None:
    promoted = fixed("promote 6\n")
    assert [p.title for p in promoted.positions] == [
        "Economic crisis",
        "the depression was decisive",
        "Political intrigue",
    ]
    assert [e.text for e in promoted.positions[1].evidence] == ["the Nazis promised work"]
    demoted = apply_fixes(promoted, parse_fixes("demote 6\n"))
    assert [p.title for p in demoted.positions] == ["Economic crisis", "Political intrigue"]
    assert len(demoted.positions[0].evidence) == 3


def test_drop_removes_a_position_or_a_point() -> None:
    assert [p.title for p in fixed("drop 9\n").positions] == ["Economic crisis"]
    assert len(fixed("drop 5\n").positions[0].evidence) == 2


def test_move_and_historians() -> None:
    debate = fixed("move 11 to 3\nhistorian add 9 Evans\n")
    assert [e.text for e in debate.positions[0].evidence][-1] == "Papen and Schleicher plotted"
    assert [h.name for h in debate.positions[1].historians] == ["Evans"]
    with pytest.raises(ParseError, match="not a historian"):
        fixed("historian remove 9 Evans\n")


def test_a_wrong_correction_names_the_fix_line_and_changes_nothing() -> None:
    with pytest.raises(ParseError) as info:
        parse_fixes("flip 7\npromote the third one\n", "f.txt")
    assert info.value.line == 2
    with pytest.raises(ParseError, match="no point is on line 2"):
        fixed("flip 2\n")


def test_the_cli_applies_a_fix_file(tmp_path: Path) -> None:
    source, fixes, out = tmp_path / "w.md", tmp_path / "fixes.txt", tmp_path / "w.json"
    source.write_bytes(DOC)
    fixes.write_text("question: Was Weimar doomed?\n", encoding="utf-8")
    code, text = run("import", str(source), "-o", str(out), "--fix", str(fixes))
    assert code == 0, text
    assert "applied 1 corrections" in text and '"Was Weimar doomed?"' in out.read_text()
    fixes.write_text("bogus\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    code, text = run("import", str(source), "-o", str(bad), "--fix", str(fixes))
    assert code == 2 and "line 1" in text and not bad.exists()
