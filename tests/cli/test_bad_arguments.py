"""Every command, given bad arguments, says what is wrong in one line and exits 2.

The commands run through the real entry point (``quaestio.cli.entry.main``), the
one the ``quaestio`` program calls, so what is checked is what a user sees: no
Python traceback, the file (and line or field) named, exit code 2. The list of
commands is read from the app itself, so a new command without a case here fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import typer.main

from paths import EXAMPLE
from quaestio.cli.app import app
from quaestio.cli.entry import main


def command_paths() -> list[str]:
    found: list[str] = []

    def walk(command: object, prefix: str) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, f"{prefix}{name} ")
        else:
            found.append(prefix.strip())

    walk(typer.main.get_command(app), "")
    return sorted(found)


@pytest.fixture
def place(tmp_path: Path) -> Path:
    (tmp_path / "broken.json").write_text('{"quaestio": 1, "title": ', encoding="utf-8")
    (tmp_path / "debate.debate.md").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("not json\n", encoding="utf-8")
    return tmp_path


def cases(d: Path) -> dict[str, list[list[str]]]:
    """For each command, argument lists that must fail cleanly."""
    db = ["--db", f"sqlite:///{d / 'q.sqlite3'}"]
    missing = str(d / "no-such-file.debate.md")
    broken = str(d / "broken.json")
    good = str(d / "debate.debate.md")
    return {
        "cards": [[missing], [broken], [good, "-o", str(d / "deck.weird")]],
        "review": [[broken, "--state", str(d / "s.json")], [good, "--state", broken]],
        "check": [[missing], [broken], [good, "--format", "nope"]],
        "convert": [
            [broken, str(d / "x.json")],
            [good, str(d / "x.weird")],
            [good, str(d / "x.pdf"), "--to", "carneades"],
        ],
        "dump": [["--db", "nosuch://x"]],
        "essay": [[broken], [good, "-o", str(d / "plan.weird")], [good, "-s", "nope"]],
        "evaluate": [[missing], [broken], [good, "-w", "p1.f1"], [good, "-s", "nope"]],
        "export": [
            [good],
            [good, "--to", "nope"],
            [good, "--to", "carneades"],
            [broken, "--to", "aif"],
        ],
        "formats": [["--bogus"]],
        "import": [
            [missing],
            [str(d / "empty.txt")],
            [good, "-o", str(d / "x.weird")],
            [good, "--format", "nope"],
        ],
        "quiz": [[broken], [good, "--kind", "nope"]],
        "restore": [[str(d / "no-such.jsonl"), *db], [str(d / "bad.jsonl"), *db]],
        "serve": [[broken, *db, "--check"], ["--db", "nosuch://x", "--check"]],
        "show": [[missing], [broken]],
        "solve": [
            ["-p", "XX-YY", "-f", missing],
            ["-p", "DC-PR", "-f", missing, "-a", "1"],
            ["--bogus"],
        ],
        "ach set": [
            [good, "p9.f9", "p1", "II"],
            [good, "p1.f1", "p1", "ZZ"],
            [broken, "p1.f1", "p1", "II"],
        ],
        "ach clear": [[good, "p9.f9", "p1"]],
        "ach weigh": [[good, "p1.f1"], [good, "p1.f1", "-c", "lots"]],
        "ach show": [[missing], [broken]],
        "users add": [["x", *db, "--password-stdin"], ["ok-name", *db, "--password-stdin"]],
        "users token": [["nobody", *db]],
        "users list": [["--db", "nosuch://x"]],
        "users reset-password": [["nobody", *db, "--password-stdin"]],
        "users remove": [["nobody", *db]],
        "users promote": [["nobody", "--class", "1", *db], ["nobody", *db]],
    }


def run(
    args: list[str], capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["quaestio", *args])
    monkeypatch.setattr(sys, "stdin", _Stdin("short\n"))
    with pytest.raises(SystemExit) as stop:
        main()
    out, err = capfd.readouterr()
    code = stop.value.code
    return (code if isinstance(code, int) else 1), out + err


class _Stdin:
    """Standard input for --password-stdin: a password too short to be accepted."""

    def __init__(self, text: str) -> None:
        self.text = text

    def readline(self) -> str:
        line, self.text = self.text, ""
        return line


def test_every_command_has_bad_argument_cases(tmp_path: Path) -> None:
    assert sorted(cases(tmp_path)) == command_paths()


@pytest.mark.parametrize("command", command_paths())
def test_bad_arguments_fail_in_one_line_with_exit_2(
    command: str, place: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(place)
    for args in cases(place)[command]:
        code, output = run([*command.split(), *args], capfd, monkeypatch)
        shown = f"quaestio {command} {' '.join(args)}:\n{output}"
        assert code == 2, shown
        assert "Traceback" not in output, shown
        assert "internal error" not in output, shown
        assert output.strip(), shown


def test_a_missing_output_folder_is_created(
    place: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = place / "no" / "such" / "dir" / "x.argdown"
    code, output = run(
        ["export", str(place / "debate.debate.md"), "-o", str(target)], capfd, monkeypatch
    )
    assert code == 0, output
    assert target.read_text(encoding="utf-8").strip()


def test_an_unwritable_output_is_one_line_naming_the_file(
    place: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = place / "a-file"
    blocker.write_text("x")
    target = blocker / "x.json"  # a folder where a file already is
    code, output = run(
        ["convert", str(place / "debate.debate.md"), str(target)], capfd, monkeypatch
    )
    assert code == 2
    assert str(target) in output and "Traceback" not in output
