"""Which heavy libraries each light command loads, checked in a fresh interpreter.

``quaestio --help`` and the file commands must answer at once (docs/benchmarks.md,
section "CLI start-up", has the times); they do so by importing the store, the web
app, scipy and the study package only in the commands that use them. A module
that starts importing one of them at the top breaks this test, not just a timing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from paths import EXAMPLE, SEED

#: Never loaded by a command that only reads and writes files.
STORE_AND_WEB = (
    "sqlalchemy",
    "alembic",
    "quaestio.store",
    "quaestio.web",
    "fastapi",
    "uvicorn",
    "argon2",
)
SCIENCE = ("scipy", "numba", "clingo")
STUDY = ("quaestio.study",)
#: Typer 0.29 checks parameters with pydantic; ``quaestio.cli.coercion`` spares plain ones.
PYDANTIC = ("pydantic", "pydantic_core")
#: Only the formats that need them: YAML (Argdown data, Carneades), XML, a schema's messages.
FORMAT_LIBRARIES = ("yaml", "lxml", "jsonschema", "jinja2", "docx")
#: The reasoning engine behind evaluate and solve, not behind a file command.
ENGINE = ("numpy", "pysat", "quaestio.reasoning")
#: The library behind any command: not needed to print the help.
LIBRARY = ("quaestio.formats", "quaestio.model", "quaestio.reasoning", "numpy", "jsonschema")

PROBE = """
import json, sys
sys.argv = ["quaestio", *json.loads(sys.argv[1])]
from quaestio.cli.entry import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
with open(OUT, "w") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""


def loaded(args: list[str], tmp_path: Path) -> tuple[int, set[str]]:
    out = tmp_path / "modules.json"
    code = PROBE.replace("OUT", repr(str(out)))
    env = {**os.environ, "QUAESTIO_NO_JIT": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", code, json.dumps(args)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert out.exists(), proc.stderr
    data = json.loads(out.read_text())
    return data["code"], set(data["modules"])


def heavy(modules: set[str], families: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in families))


def test_help_and_version_load_no_library(tmp_path: Path) -> None:
    for args in (["--help"], ["--version"]):
        code, modules = loaded(args, tmp_path)
        assert code == 0
        assert heavy(modules, STORE_AND_WEB + SCIENCE + STUDY + LIBRARY) == [], args


@pytest.mark.parametrize(
    "command",
    [
        ["import", str(SEED), "-o", "seed.json"],
        ["convert", str(EXAMPLE), "purges.aif.json"],
        ["show", str(EXAMPLE)],
        ["check", str(EXAMPLE)],
        ["formats"],
        ["export", str(EXAMPLE), "-o", "purges.argdown"],
    ],
    ids=lambda c: c[0],
)
def test_file_commands_load_no_store_web_scipy_or_study(command: list[str], tmp_path: Path) -> None:
    code, modules = loaded(command, tmp_path)
    assert code == 0
    assert heavy(modules, STORE_AND_WEB + SCIENCE + STUDY + PYDANTIC + FORMAT_LIBRARIES) == []
    assert heavy(modules, ENGINE) == []
    if command[0] in ("import", "convert", "export"):  # no table printed: no rich
        assert heavy(modules, ("rich",)) == []


def _debate_json(tmp_path: Path) -> Path:
    from quaestio.formats import read_path, write_path

    path = tmp_path / "purges.json"
    write_path(read_path(EXAMPLE).debate, path)
    return path


def test_a_valid_debate_json_is_read_without_jsonschema(tmp_path: Path) -> None:
    code, modules = loaded(["convert", str(_debate_json(tmp_path)), "purges.argdown"], tmp_path)
    assert code == 0
    assert heavy(modules, ("jsonschema", *PYDANTIC, *ENGINE, *STORE_AND_WEB)) == []


def test_evaluate_json_loads_neither_rich_nor_scipy(tmp_path: Path) -> None:
    command = ["evaluate", str(_debate_json(tmp_path)), "--semantics", "all", "--json"]
    code, modules = loaded(command, tmp_path)
    assert code == 0
    assert heavy(modules, ("rich", "jsonschema", *PYDANTIC, *SCIENCE, *STORE_AND_WEB)) == []


def test_plain_evaluate_loads_no_engine_library(tmp_path: Path) -> None:
    code, modules = loaded(["evaluate", str(EXAMPLE)], tmp_path)
    assert code == 0
    assert heavy(modules, ("numpy", "pysat", *SCIENCE, *PYDANTIC, *STORE_AND_WEB)) == []


def test_solve_loads_neither_typer_nor_scipy(tmp_path: Path) -> None:
    af = tmp_path / "af.i23"
    af.write_text("p af 3\n1 2\n2 3\n")
    code, modules = loaded(["solve", "-p", "DC-PR", "-f", str(af), "-a", "3"], tmp_path)
    assert code == 0
    assert heavy(modules, ("typer", "rich", "click", *PYDANTIC, *STORE_AND_WEB, *SCIENCE)) == []
    assert heavy(modules, ("quaestio.formats", "quaestio.study", *FORMAT_LIBRARIES)) == []
    assert heavy(modules, ("numpy.ma",)) == []  # np.unique's first call loads it (af.distinct)
    code, modules = loaded(["solve", "-p", "SE-GR", "-f", str(af)], tmp_path)
    assert code == 0
    assert heavy(modules, ("pysat",)) == []  # grounded needs no SAT solver


def test_ach_help_lists_the_models_ratings() -> None:
    from quaestio.cli.commands import ach
    from quaestio.model import ACH_RATINGS

    assert ach.RATINGS == ACH_RATINGS


def test_cli_names_the_stores_database_variable() -> None:
    from quaestio.cli.common import DB_ENV_VAR
    from quaestio.store import ENV_VAR

    assert DB_ENV_VAR == ENV_VAR


@pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX shell")
def test_console_script_points_at_the_light_entry() -> None:
    script = Path(sys.executable).with_name("quaestio")
    if not script.exists():
        pytest.skip("quaestio is not installed as a console script here")
    assert "quaestio.cli.entry" in script.read_text()
