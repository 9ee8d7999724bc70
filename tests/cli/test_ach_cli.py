"""``quaestio ach``: ratings written into the file in place, marked in ``evaluate``; bad input leaves the file alone."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quaestio.cli.app import app
from quaestio.errors import NotFoundError, UnsupportedOperationError, ValidationError
from quaestio.formats import read_path, write_path
from quaestio.model import AchRating

runner = CliRunner()
WIDE = {"COLUMNS": "200"}


@pytest.fixture
def purges(example_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "purges.debate.md"
    shutil.copy(example_path, path)
    return path


def test_set_writes_the_rating_into_the_file_and_evaluate_marks_it(purges: Path) -> None:
    result = runner.invoke(app, ["ach", "set", str(purges), "p2.f1", "p1", "ii"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "p1 II*" in result.output
    assert "{#p2.f1 ach=p1:II}" in purges.read_text()
    item = read_path(purges).debate.evidence_by_id()["p2.f1"]
    assert item.ach == (AchRating("p1", "II"),)

    shown = runner.invoke(app, ["evaluate", str(purges), "-s", "ach"], env=WIDE)
    assert shown.exit_code == 0, shown.output
    assert "II*" in shown.output and "1 cell(s) set by the analyst: p2.f1/p1 II" in shown.output
    as_json = runner.invoke(app, ["evaluate", str(purges), "-s", "ach", "--json"], env=WIDE)
    assert json.loads(as_json.output)["ach_matrix"]["analyst"] == {"p2.f1": ["p1"]}

    cleared = runner.invoke(app, ["ach", "clear", str(purges), "p2.f1", "p1"], env=WIDE)
    assert cleared.exit_code == 0, cleared.output
    assert "ach=" not in purges.read_text()
    plain = runner.invoke(app, ["evaluate", str(purges), "-s", "ach"], env=WIDE)
    assert "every cell is derived" in plain.output
    assert not re.search(r"\b(CC|C|N|I|II|NA)\*", plain.output)


def test_weigh_sets_and_clears_credibility_and_relevance(purges: Path) -> None:
    result = runner.invoke(
        app, ["ach", "weigh", str(purges), "p1.f1", "-c", "0.9", "-r", "0.25"], env=WIDE
    )
    assert result.exit_code == 0, result.output
    item = read_path(purges).debate.evidence_by_id()["p1.f1"]
    assert (item.credibility, item.relevance) == (0.9, 0.25)
    runner.invoke(app, ["ach", "weigh", str(purges), "p1.f1", "-r", "derived"], env=WIDE)
    item = read_path(purges).debate.evidence_by_id()["p1.f1"]
    assert (item.credibility, item.relevance) == (0.9, None)
    shown = runner.invoke(app, ["ach", "show", str(purges)], env=WIDE)
    assert shown.exit_code == 0 and "0.90" in shown.output


@pytest.mark.parametrize(
    ("args", "error", "field"),
    [
        (["set", "{path}", "p2.f1", "p1", "maybe"], ValidationError, "rating"),
        (["set", "{path}", "p2.f9", "p1", "C"], NotFoundError, "evidence"),
        (["set", "{path}", "p2.f1", "p99", "C"], NotFoundError, "position"),
        (["weigh", "{path}", "p2.f1", "-c", "1.5"], ValidationError, "credibility"),
        (["weigh", "{path}", "p2.f1", "-c", "high"], ValidationError, "credibility"),
    ],
)
def test_bad_input_is_a_named_error_and_the_file_is_untouched(
    purges: Path, args: list[str], error: type[Exception], field: str
) -> None:
    before = purges.read_bytes()
    result = runner.invoke(app, ["ach", *(a.format(path=purges) for a in args)])
    assert isinstance(result.exception, error), result.output
    assert result.exception.field == field  # type: ignore[attr-defined]
    assert purges.read_bytes() == before


def test_a_format_that_drops_ratings_is_refused(purges: Path, tmp_path: Path) -> None:
    csv = tmp_path / "purges.csv"
    write_path(read_path(purges).debate, csv)
    before = csv.read_bytes()
    result = runner.invoke(app, ["ach", "set", str(csv), "p2.f1", "p1", "II"])
    assert isinstance(result.exception, UnsupportedOperationError)
    assert ".debate.md or .json" in str(result.exception)
    assert csv.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("sub", ["set", "clear", "weigh", "show"])
def test_each_subcommand_has_help_with_an_example(sub: str) -> None:
    result = runner.invoke(app, ["ach", sub, "--help"], env=WIDE)
    assert result.exit_code == 0 and "Example: quaestio ach " in result.output
    top = runner.invoke(app, ["ach", "--help"], env=WIDE)
    assert "Example: quaestio ach set" in top.output


def test_check_reports_a_rating_of_a_missing_position_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.debate.md"
    path.write_text(
        "# T\n\n## One {#p1}\n\n### For\n\n- {#p1.f1 ach=p1:C,p7:II relevance=1.5} A point.\n"
    )
    result = runner.invoke(app, ["check", str(path)], env=WIDE)
    assert result.exit_code == 1
    assert f"{path}:7: error: p1.f1 has an ACH rating for 'p7'" in result.output
    assert f"{path}:7: error: p1.f1: relevance 1.5 is outside [0, 1]" in result.output
