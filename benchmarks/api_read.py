"""Read a ~200-node debate over HTTP with wrk: p50/p99 latency and requests per second.

Starts ``quaestio serve`` on SQLite (and on a throwaway PostgreSQL from
scripts/pg-test-server when its binaries exist), imports a generated debate with
about 200 nodes as a library debate, and runs ``wrk`` with 50 connections against
``GET /api/debates/{id}`` (and ``/evaluation`` when the reasoning engine answers).
Writes the table to benchmarks/api_read.md and to its section of docs/benchmarks.md.

    PYTHONPATH=src python benchmarks/api_read.py [--seconds 20] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.sections import machine_line, replace_section

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "web_api"))


from quaestio.formats import debate_json  # noqa: E402
from store_samples import sample_debate  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def to_ms(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", value)
    assert m, value
    n = float(m.group(1))
    return {"us": n / 1000, "ms": n, "s": n * 1000}[m.group(2)]


def wrk(url: str, seconds: int, connections: int, pause_ms: int = 0) -> dict[str, float]:
    """Closed loop when ``pause_ms`` is 0 (as fast as the server goes); otherwise each
    connection waits ``pause_ms`` between requests (wrk's ``delay()`` hook), which paces
    50 connections at about 50 / (pause + latency) requests per second."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if pause_ms:
        script = Path(tempfile.mkdtemp()) / "pace.lua"
        script.write_text(f"function delay()\n  return {pause_ms}\nend\n")
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    pct = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", out, re.M))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "p50": to_ms(pct["50"]),
        "p99": to_ms(pct["99"]),
        "rps": rps,
        "non2xx": float(errors.group(1)) if errors else 0.0,
    }


def serve(
    url: str, file: Path, workers: int, log: Path | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``quaestio serve``; its output goes to ``log`` when given (else nowhere)."""
    port = free_port()
    out = subprocess.DEVNULL if log is None else log.open("ab")
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quaestio",
            "serve",
            str(file),
            "--db",
            url,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=out,
        stderr=out,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/api/debates", timeout=1).json()["total"] >= 1:
                return proc, base
        except (httpx.HTTPError, ValueError, KeyError):
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def measure(name: str, url: str, file: Path, args: argparse.Namespace, workers: int) -> list[str]:
    proc, base = serve(url, file, workers)
    rows = []
    try:
        debate_id = httpx.get(f"{base}/api/debates").json()["items"][0]["id"]
        targets = [("debate", f"{base}/api/debates/{debate_id}")]
        if httpx.get(f"{base}/api/debates/{debate_id}/evaluation").status_code == 200:
            targets.append(("evaluation", f"{base}/api/debates/{debate_id}/evaluation"))
        for label, target in targets:
            wrk(target, 3, args.connections)  # warm-up
            for mode, pause in (("paced ~200/s", 240), ("flat out", 0)):
                r = wrk(target, args.seconds, args.connections, pause)
                rows.append(
                    f"| {name} | {label} | {mode} | {workers} | {args.connections} | "
                    f"{r['p50']:.1f} | {r['p99']:.1f} | {r['rps']:.0f} | {int(r['non2xx'])} |"
                )
                print(rows[-1], flush=True)
    finally:
        proc.terminate()
        proc.wait(20)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    tmp = Path(tempfile.mkdtemp(prefix="quaestio-bench-"))
    debate = sample_debate(positions=12, per_side=8, source_file=None)
    nodes = len(debate.node_ids())
    file = tmp / "bench.debate.json"
    file.write_text(debate_json.dumps(debate))
    counts = [int(w) for w in str(args.workers).split(",")]
    rows: list[str] = []
    for workers in counts:
        rows += measure(
            "SQLite", f"sqlite:///{tmp / f'bench{workers}.sqlite3'}", file, args, workers
        )
    pg = REPO / "scripts" / "pg-test-server"
    if Path("/usr/lib/postgresql/15/bin/initdb").exists():
        owner = {**os.environ, "PG_TEST_OWNER": str(os.getpid())}  # stopped even if killed
        out = subprocess.run(
            [str(pg), "start"], capture_output=True, text=True, check=True, env=owner
        ).stdout
        values = dict(line.split("=", 1) for line in out.strip().splitlines())
        try:
            for workers in counts:
                rows += measure(
                    "PostgreSQL 15", values["QUAESTIO_TEST_POSTGRES_URL"], file, args, workers
                )
        finally:
            subprocess.run([str(pg), "stop", values["PG_TEST_DIR"]], check=False)
    header = [
        "# Web API read benchmark",
        "",
        f"`benchmarks/api_read.py`: wrk, {args.connections} connections, {args.seconds} s per row "
        f"after a 3 s warm-up, against `quaestio serve --workers N` on this 2-core "
        f"machine (shared with other jobs while measured). The debate has {nodes} nodes.",
        "",
        "Paced rows: each connection pauses 240 ms between requests, about 200 requests/s in all",
        "(the target: p99 under 100 ms at 200 requests/s). Flat-out rows: no pause, the most the",
        "server manages; latency there is mostly queueing behind 50 busy connections.",
        "",
        "| database | endpoint | load | workers | conns | p50 ms | p99 ms | req/s | non-2xx |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    (REPO / "benchmarks" / "api_read.md").write_text("\n".join(header + rows) + "\n")
    section = ["", "## REST API reads", "", machine_line(), "", *header[2:], *rows, ""]
    replace_section("api", section)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
