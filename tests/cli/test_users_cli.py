"""``quaestio users``: an administrator resets a password, promotes and removes accounts."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from quaestio.cli.entry import main
from quaestio.store import Actor, Database, accounts, classes


def run(
    args: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    stdin: str = "",
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["quaestio", "users", *args])
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    with pytest.raises(SystemExit) as stop:
        main()
    out, err = capfd.readouterr()
    return int(stop.value.code or 0), out + err


def test_an_administrators_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUAESTIO_PASSWORD_PROFILE", "test")
    url = f"sqlite:///{tmp_path / 'school.sqlite3'}"
    db = ["--db", url]
    for name in ("teacher", "student", "deputy"):
        code, out = run(
            ["add", name, "--password-stdin", *db], monkeypatch, capfd, "correct horse\n"
        )
        assert code == 0, out
    code, out = run(
        ["reset-password", "student", "--password-stdin", *db], monkeypatch, capfd, "new and long\n"
    )
    assert code == 0 and "new password set for student" in out
    database = Database(url)
    with database.transaction() as s:
        accounts.check_password(s, "student", "new and long")
        teacher = accounts.by_username(s, "teacher")
        class_id = classes.create_class(s, Actor(teacher.id), "History").id
    code, out = run(["promote", "deputy", "--class", str(class_id), *db], monkeypatch, capfd)
    assert code == 0 and f"deputy is now teacher of class {class_id} (not a member)" in out
    code, out = run(["remove", "teacher", *db], monkeypatch, capfd)
    assert code == 2 and "--give-to" in out and "Traceback" not in out
    code, out = run(["remove", "teacher", "--give-to", "deputy", *db], monkeypatch, capfd)
    assert code == 0 and "1 classes now belong to deputy" in out
    code, out = run(["list", *db], monkeypatch, capfd)
    assert code == 0
    assert [line.split("\t")[1] for line in out.strip().splitlines()] == ["student", "deputy"]
    database.dispose()
