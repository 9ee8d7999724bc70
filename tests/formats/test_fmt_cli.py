"""``quaestio export`` and ``quaestio formats`` through the real Typer app, plus docs/formats.md."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quaestio.cli.app import app
from quaestio.formats import all_formats, read_path
from quaestio.formats.debate_json import dumps
from quaestio.formats.table_doc import MEASURED, formats_markdown
from quaestio.model import Debate

DOCS = Path(__file__).resolve().parents[2] / "docs" / "formats.md"
runner = CliRunner()


@pytest.fixture
def debate_file(example: Debate, tmp_path: Path) -> Path:
    path = tmp_path / "weimar.debate.json"
    path.write_text(dumps(example))
    return path


@pytest.mark.parametrize("command", ["export", "formats"])
def test_help_shows_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert f"Example: quaestio {command}" in result.output


def test_export_to_stdout(debate_file: Path, example: Debate) -> None:
    result = runner.invoke(app, ["export", str(debate_file), "--to", "aif"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {n["nodeID"] for n in doc["nodes"] if n["type"] == "I"} == {
        i for i in example.node_ids() if not i.startswith("c.")
    }


def test_export_format_from_out_name(debate_file: Path, tmp_path: Path, example: Debate) -> None:
    out = tmp_path / "weimar.graphml"
    result = runner.invoke(app, ["export", str(debate_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_path(out).debate.title == example.title
    assert "wrote" in result.stderr and "loses" in result.stderr


def test_export_reads_an_ambiguous_file_with_from(example: Debate, tmp_path: Path) -> None:
    from quaestio.formats import by_name

    source = tmp_path / "graph.json"  # AIF under a plain .json name
    source.write_bytes(by_name("aif").write(example))  # type: ignore[misc]
    result = runner.invoke(app, ["export", str(source), "--from", "aif", "--to", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 1 + sum(len(p.evidence) for p in example.positions)


def test_export_pdf_defaults_to_a_file(debate_file: Path) -> None:
    result = runner.invoke(app, ["export", str(debate_file), "--to", "pdf"])
    assert result.exit_code == 0, result.output
    assert (debate_file.parent / "weimar.pdf").read_bytes().startswith(b"%PDF-")


def test_export_refuses_unknown_and_read_only_formats(debate_file: Path) -> None:
    from quaestio.errors import UnknownFormatError, UnsupportedOperationError

    result = runner.invoke(app, ["export", str(debate_file), "--to", "nope"])
    assert isinstance(result.exception, UnknownFormatError)
    result = runner.invoke(app, ["export", str(debate_file), "--to", "carneades"])
    assert isinstance(result.exception, UnsupportedOperationError)


def test_formats_table_lists_every_format() -> None:
    result = runner.invoke(app, ["formats"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for fmt in all_formats():
        assert fmt.name in result.output


def test_docs_formats_md_matches_the_table() -> None:
    generated = DOCS.read_text().split("\n" + MEASURED, 1)[0]
    assert generated == formats_markdown(), (
        "docs/formats.md is stale: run `quaestio formats --markdown > docs/formats.md`"
    )
