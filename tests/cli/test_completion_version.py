"""Shell completion of commands and format names (Typer's), and ``--version``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import quaestio

SCRIPT = Path(sys.executable).with_name("quaestio")


def complete(words: str, cword: int) -> list[str]:
    if not SCRIPT.exists():
        pytest.skip("quaestio is not installed as a console script here")
    env = {
        **os.environ,
        "_QUAESTIO_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
    }
    proc = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_commands_complete() -> None:
    assert complete("quaestio ex", 1) == ["export"]
    assert set(complete("quaestio users re", 2)) == {"reset-password", "remove"}


def test_format_names_complete() -> None:
    assert complete("quaestio export x.json --to h", 4) == ["html"]
    readable = complete("quaestio convert x.json y.json --from a", 5)
    assert {"aif", "argdown", "ach-csv"} <= set(readable)
    assert "pdf" not in complete("quaestio convert x y --from p", 5)  # pdf is write-only


def test_version(capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from quaestio.cli.entry import main

    monkeypatch.setattr(sys, "argv", ["quaestio", "--version"])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code in (0, None)
    assert capfd.readouterr().out.strip() == f"quaestio {quaestio.__version__}"
