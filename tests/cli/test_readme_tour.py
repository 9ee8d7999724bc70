"""The README's CLI tour runs line by line as written.

Each line of the ``sh`` block under "A short tour of the CLI" is run with bash in a
fresh folder holding ``examples/`` and the seed handout saved as ``handout.txt``,
in the README's order (later lines use files earlier ones wrote). ``serve`` is
started, asked for its front page and stopped. Every line must exit 0.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from paths import EXAMPLE, REPO_ROOT, SEED

README = REPO_ROOT / "README.md"


def tour_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## A short tour of the CLI", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None, "the tour has no sh block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_once(line: str, cwd: Path, env: dict[str, str]) -> None:
    port = free_port()
    proc = subprocess.Popen(
        ["bash", "-c", f"exec {line}"],
        cwd=cwd,
        env={**env, "QUAESTIO_PORT": str(port)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, (
                f"{line} stopped: {proc.stdout.read() if proc.stdout else ''}"
            )
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert page.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, f"{line} did not answer within 180 s"
                time.sleep(0.5)
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def test_readme_tour_runs_as_written(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE.parent, tmp_path / "examples")
    shutil.copy(SEED, tmp_path / "handout.txt")
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "QUAESTIO_PASSWORD_PROFILE": "test",
        "QUAESTIO_NO_JIT": "1",
    }
    env.pop("QUAESTIO_DATABASE_URL", None)
    lines = tour_lines()
    assert len(lines) >= 15
    for line in lines:
        command = line.split("  #", 1)[0].strip()
        if command.startswith("quaestio serve"):
            serve_once(command, tmp_path, env)
            continue
        proc = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert proc.returncode == 0, f"{command}\n{proc.stdout}\n{proc.stderr}"
        assert "Traceback" not in proc.stderr, command
    for made in (
        "purges.debate.md",
        "purges.i23",
        "purges.aif.json",
        "again.json",
        "handout/purges.html",
        "purges.pdf",
        "purges.apkg",
        "backup.jsonl",
    ):
        assert (tmp_path / made).stat().st_size > 0, made
