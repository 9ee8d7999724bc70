"""Framework files (i23, apx, tgf) and the ``quaestio solve`` command."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from reasoning_shared import shared_dir
from typer.testing import CliRunner

from quaestio.cli.app import app
from quaestio.errors import ParseError
from quaestio.reasoning import extensions, iccma_io
from quaestio.reasoning.af import ArgumentationFramework

SMALL = shared_dir() / "iccma" / "iccma2019-small-patricker" / "Small-result-b2.apx"
runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_formats_round_trip_keep_extensions(tmp_path: Path) -> None:
    af = iccma_io.read_file(SMALL)
    expected = {frozenset(af.named(e)) for e in extensions(af, "PR")}
    for fmt in iccma_io.FORMATS:
        path = tmp_path / f"b2.{'i23' if fmt == 'i23' else fmt}"
        path.write_bytes(iccma_io.write(af, fmt))
        again = iccma_io.read_file(path)
        assert (again.n, again.m) == (af.n, af.m)
        got = {frozenset(af.name(i) for i in e) for e in extensions(again, "PR")}
        assert got == expected, fmt


def test_i23_with_comments_and_blank_lines() -> None:
    af = iccma_io.parse_i23(b"# made by hand\np af 4\n1 2\n# a note\n\n2 3 # trailing\n4 4\n")
    assert af.n == 4 and af.attack_list() == [(0, 1), (1, 2), (3, 3)]


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"p af 3\n1 2\n2 x\n", 3, "expected an attack"),
        (b"p af 3\n1 2\n2 9\n", 3, "outside 1..3"),
        (b"p af 3\n1 2 3\n", 2, "expected an attack"),
        (b"1 2\n", 1, "p af N"),
    ],
)
def test_i23_errors_name_the_line(data: bytes, line: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        iccma_io.parse_i23(data, "bad.i23")
    assert info.value.line == line and info.value.file == "bad.i23"


def test_apx_error_names_the_line() -> None:
    with pytest.raises(ParseError) as info:
        iccma_io.parse_apx("arg(a).\natt(a,b).\n", "x.apx")
    assert info.value.line == 2 and "undeclared argument 'b'" in info.value.message


def test_large_i23_parses_fast(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    n, m = 100_000, 1_000_000
    af = ArgumentationFramework(
        n, rng.integers(0, n, m).astype(np.int32), rng.integers(0, n, m).astype(np.int32)
    )
    path = tmp_path / "big.i23"
    path.write_bytes(iccma_io.write_i23(af))
    again = iccma_io.read_file(path)
    assert np.array_equal(again.src, af.src) and np.array_equal(again.dst, af.dst)


def test_solve_help_shows_an_example() -> None:
    code, out = run("solve", "--help")
    assert code == 0 and "quaestio solve -p DC-PR" in out


def test_solve_lists_problems_and_formats() -> None:
    code, out = run("solve", "--problems")
    assert code == 0 and "DS-PR" in out and "CE-SST" in out and out.startswith("[")
    assert run("solve", "--formats")[1].strip() == "[i23,apx,tgf]"


def test_solve_decision_and_enumeration_on_apx() -> None:
    assert run("solve", "-p", "DC-CO", "-f", str(SMALL), "-a", "a0_0")[1].strip() == "YES"
    assert run("solve", "-p", "DS-PR", "-f", str(SMALL), "-a", "a0_0")[1].strip() == "NO"
    code, out = run("solve", "-p", "EE-PR", "-f", str(SMALL))
    lines = sorted(out.strip().splitlines())
    assert code == 0 and lines == ["w a0_0 a2_0 a3_2", "w a1_0 a2_0 a4_2"]
    assert run("solve", "-p", "CE-CO", "-f", str(SMALL))[1].strip() == "3"
    code, out = run("solve", "-p", "DS-PR", "-f", str(SMALL), "-a", "a0_0", "--witness")
    assert (
        out.splitlines()[0] == "NO" and out.splitlines()[1].startswith("w ") and "a0_0" not in out
    )


def test_solve_i23_numbers_and_no_stable_extension(tmp_path: Path) -> None:
    odd = tmp_path / "odd.i23"
    odd.write_text("p af 4\n1 2\n2 3\n3 1\n")
    assert run("solve", "-p", "SE-ST", "-f", str(odd))[1].strip() == "NO"
    assert run("solve", "-p", "SE-GR", "-f", str(odd))[1].strip() == "w 4"
    assert run("solve", "-p", "SE-PR", "-f", str(odd), "-fo", "i23")[1].strip() == "w 4"
    assert run("solve", "-p", "DS-ST", "-f", str(odd), "-a", "1")[1].strip() == "YES"


def test_solve_errors_are_clear(tmp_path: Path) -> None:
    bad = tmp_path / "bad.i23"
    bad.write_text("p af 2\n1 3\n")
    result = runner.invoke(app, ["solve", "-p", "SE-GR", "-f", str(bad)])
    assert isinstance(result.exception, ParseError) and result.exception.line == 2
    result = runner.invoke(app, ["solve", "-p", "XX-GR", "-f", str(bad)])
    assert "unknown task" in str(result.exception)
    result = runner.invoke(app, ["solve", "-p", "DC-GR", "-f", str(SMALL)])
    assert "needs a query argument" in str(result.exception)
