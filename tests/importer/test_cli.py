"""``quaestio import``: report, output by ending, clean errors and no partial files."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quaestio.cli.commands import import_cmd
from quaestio.formats import read_path

runner = CliRunner()


def cli() -> typer.Typer:
    """A command group holding just ``import`` (other commands arrive from other branches)."""
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """quaestio"""

    import_cmd.register(app)
    return app


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli(), list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_help_shows_an_example() -> None:
    code, out = run("import", "--help")
    assert code == 0
    assert "Example: quaestio import" in out


def test_import_seed_writes_json_and_reports(seed_path: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "purges.json"
    code, out = run("import", str(seed_path), "-o", str(out_file))
    assert code == 0, out
    assert "positions: 7" in out
    assert "rebuttal pairs: 3" in out
    assert "consequences: 5 positive, 11 negative" in out
    assert "conclusion: yes" in out
    glued = [line for line in out.splitlines() if "1996b" in line]
    assert glued and f"{seed_path}:" in glued[0]
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert len(data["positions"]) == 7
    assert read_path(out_file).debate.positions[3].countering[0].rebuts == ("p4.f1",)
    assert not list(tmp_path.glob(".*.tmp"))


def test_default_output_is_json_in_the_current_directory(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _ = run("import", str(seed_path))
    assert code == 0
    assert (tmp_path / f"{seed_path.stem}.json").is_file()


def test_format_option_overrides_the_ending(tmp_path: Path) -> None:
    source = tmp_path / "notes.dat"
    source.write_text("# Why?\n\n## A view\n\nFor:\n- a reason\n", encoding="utf-8")
    code, out = run("import", str(source), "--format", "markdown", "-o", str(tmp_path / "o.json"))
    assert code == 0, out
    assert "positions: 1" in out
    code, out = run("import", str(source), "--format", "pdf", "-o", str(tmp_path / "p.json"))
    assert code == 2 and "--format" in out
    assert not (tmp_path / "p.json").exists()


def test_strict_fails_on_warnings(seed_path: Path, tmp_path: Path) -> None:
    code, _ = run("import", str(seed_path), "-o", str(tmp_path / "s.json"), "--strict")
    assert code == 1


def test_historians_option_extends_the_table(tmp_path: Path) -> None:
    table = tmp_path / "mine.toml"
    table.write_text(
        '[[historian]]\nkey = "hobsbawm"\nname = "Eric Hobsbawm"\nmisspellings = ["Hobsbaum"]\n',
        encoding="utf-8",
    )
    source = tmp_path / "h.md"
    source.write_text(
        "# Why?\n\n## Capital\n\nMoney moved. (Hobsbaum)\n\nFor:\n- banks\n", encoding="utf-8"
    )
    out_file = tmp_path / "h.json"
    code, out = run("import", str(source), "-o", str(out_file), "--historians", str(table))
    assert code == 0, out
    assert "usually spelt" in out
    assert json.loads(out_file.read_text())["positions"][0]["historian_keys"] == ["hobsbawm"]


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    rng = random.Random(7)
    files = {
        "empty": ("empty.txt", b""),
        "blank": ("blank.txt", b"  \n\t\n"),
        "binary": ("garbage.txt", bytes(rng.randrange(256) for _ in range(4000))),
        "not a zip": ("fake.docx", b"this is not a word file"),
        "prose": ("prose.txt", b"Just a sentence that says nothing about a debate."),
    }
    out = {}
    for key, (name, data) in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        out[key] = path
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "a zip, but no Word document inside")
    out["zip without word"] = other
    return out


def test_bad_input_gives_one_line_error_and_no_file(tmp_path: Path) -> None:
    for name, path in _bad_inputs(tmp_path).items():
        target = tmp_path / f"out-{path.stem}.json"
        code, out = run("import", str(path), "-o", str(target))
        assert code == 2, (name, out)
        error_lines = [line for line in out.splitlines() if line.startswith("error:")]
        assert len(error_lines) == 1 and path.name in error_lines[0], (name, out)
        assert "Traceback" not in out
        assert not target.exists(), name


def test_failed_import_keeps_an_existing_output(tmp_path: Path) -> None:
    target = tmp_path / "keep.json"
    target.write_text("precious", encoding="utf-8")
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    code, _ = run("import", str(empty), "-o", str(target))
    assert code == 2 and target.read_text(encoding="utf-8") == "precious"


def test_unwritable_output_format(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, out = run("import", str(seed_path), "-o", str(target))
    assert code == 2 and "cannot be written" in out
    assert not target.exists()


def test_fifty_megabytes_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        line = b"\tA cell with some words in it\n"
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    code, out = run("import", str(big), "-o", str(tmp_path / "big.json"))
    assert code == 2 and "too large" in out
    assert not (tmp_path / "big.json").exists()


def test_output_in_a_missing_directory_is_created(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    code, out = run("import", str(seed_path), "-o", str(target))
    assert code == 0 and "Traceback" not in out, out
    assert len(read_path(target).debate.positions) == 7


def test_output_where_a_folder_cannot_be_made(seed_path: Path, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = tmp_path / "a-file" / "out.json"
    code, out = run("import", str(seed_path), "-o", str(target))
    assert code == 2 and "cannot write" in out and "Traceback" not in out
