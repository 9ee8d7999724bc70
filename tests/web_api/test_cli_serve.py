"""`quaestio serve`, `dump`, `restore` and `users` from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import SRC, free_port
from typer.testing import CliRunner

from quaestio.cli.app import app as cli
from quaestio.formats import debate_json
from quaestio.store import Database
from quaestio.store.debates import visible
from quaestio.store.models import DebateRow
from store_samples import sample_debate

runner = CliRunner()


@pytest.mark.parametrize("command", ["serve", "dump", "restore", "users"])
def test_help_shows_an_example(command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert f"Example: quaestio {command}" in result.output


def _write(tmp_path: Path, positions: int = 3) -> Path:
    path = tmp_path / f"rome{positions}.debate.json"
    path.write_text(debate_json.dumps(sample_debate(positions=positions, source_file=None)))
    return path


def test_serve_imports_files_once_across_restarts(database_url: str, tmp_path: Path) -> None:
    a, b = _write(tmp_path, 3), _write(tmp_path, 2)
    for _ in range(2):
        result = runner.invoke(cli, ["serve", str(a), str(b), "--db", database_url, "--check"])
        assert result.exit_code == 0, result.output
    assert "already imported" in result.output
    db = Database(database_url)
    with db.read() as s:
        from quaestio.store import ANONYMOUS

        page = visible(s, ANONYMOUS, limit=10, offset=0)
    db.dispose()
    assert sorted(r.title for r in page.items) == sorted(
        [sample_debate(3).title, sample_debate(2).title]
    )


def test_serve_refuses_a_broken_file_and_imports_nothing(tmp_path: Path, sqlite_url: str) -> None:
    bad = tmp_path / "bad.debate.json"
    bad.write_text('{"quaestio": 1, "title": "x"}')
    result = runner.invoke(cli, ["serve", str(bad), "--db", sqlite_url, "--check"])
    assert result.exit_code != 0
    db = Database(sqlite_url)
    with db.read() as s:
        assert s.query(DebateRow).count() == 0
    db.dispose()


def test_serve_really_serves_the_imported_debate(tmp_path: Path) -> None:
    path = _write(tmp_path)
    url = f"sqlite:///{tmp_path / 'served.sqlite3'}"
    port = free_port()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    paths = [p for p in (str(SRC), env.get("PYTHONPATH")) if p]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    proc = subprocess.Popen(
        [sys.executable, "-m", "quaestio", "serve", str(path), "--db", url, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        listing: Any = None
        for _ in range(300):
            try:
                listing = httpx.get(f"http://127.0.0.1:{port}/api/debates", timeout=1).json()
                break
            except httpx.HTTPError:
                if proc.poll() is not None:
                    raise AssertionError(proc.stderr.read().decode()) from None  # type: ignore[union-attr]
                time.sleep(0.2)
        assert listing is not None and listing["total"] == 1
        assert listing["items"][0]["title"] == sample_debate().title
        docs = httpx.get(f"http://127.0.0.1:{port}/docs", timeout=5).text
        assert "swagger" in docs.lower() and "cdn" not in docs.lower()
    finally:
        proc.terminate()
        proc.wait(15)


def test_dump_and_restore_commands_round_trip(
    database_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    source = _write(tmp_path)
    assert runner.invoke(cli, ["serve", str(source), "--db", sqlite_url, "--check"]).exit_code == 0
    archive = tmp_path / "backup.jsonl"
    r = runner.invoke(cli, ["dump", str(archive), "--db", sqlite_url])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["restore", str(archive), "--db", database_url])
    assert r.exit_code == 0, r.output
    again = tmp_path / "again.jsonl"
    assert runner.invoke(cli, ["dump", str(again), "--db", database_url]).exit_code == 0
    assert archive.read_text().splitlines()[1:] == again.read_text().splitlines()[1:]
    refused = runner.invoke(cli, ["restore", str(archive), "--db", database_url])
    assert refused.exit_code != 0


def test_users_command_creates_accounts_and_tokens(sqlite_url: str) -> None:
    r = runner.invoke(
        cli,
        ["users", "add", "head", "--password-stdin", "--db", sqlite_url],
        input="a fine password\n",
    )
    assert r.exit_code == 0, r.output
    token = runner.invoke(cli, ["users", "token", "head", "--db", sqlite_url]).output.strip()
    assert token.startswith("qst_")
    from quaestio.store.accounts import check_password, user_for_token

    db = Database(sqlite_url)
    with db.read() as s:
        assert check_password(s, "head", "a fine password").username == "head"
        user = user_for_token(s, token)
        assert user is not None and user.username == "head"
    db.dispose()
