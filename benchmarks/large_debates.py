"""Every page and API read of very large debates, each in a fresh server: time and peak memory.

``python -m benchmarks.large_debates`` generates two debates (10,000 positions of
two points each, 30,000 nodes; and 20 positions of 100 points, the classroom's
2,000-point case), imports each with ``quaestio serve --check`` on SQLite, then
for every page starts a new ``quaestio serve``, warms the debate cache with one
cheap page, and requests the page twice (10 s limit each). The peak resident
memory of the server (VmHWM) after the two requests bounds what that page cost.
Issue 18's targets: every answer (or "too large for this view") within 2 s,
peak memory per request under 512 MB. Results go to docs/deployment.md.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.interactive import generated
from benchmarks.sections import machine_line, replace_section
from quaestio.formats.registry import write_path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "deployment.md"
PAGES = (
    "table",
    "tree",
    "map",
    "matrix",
    "timeline",
    "historians",
    "balance",
    "verdict",
    "plan",
    "quiz",
    "review",
)
API = ("", "/evaluation", "/ach", "/quiz", "/plan", "/cards")
SIZES = ((10_000, 2), (20, 100))
LIMIT_S = 10.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def serve(db: str, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "quaestio", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/debates", timeout=1.0)
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start")


def timed(url: str) -> tuple[int | str, float]:
    start = time.perf_counter()
    try:
        r = httpx.get(url, timeout=LIMIT_S)
        return r.status_code, time.perf_counter() - start
    except httpx.TimeoutException:
        return "timeout", LIMIT_S


def measure(db: str, path: str) -> tuple[int | str, float, float, float]:
    port = free_port()
    proc = serve(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        httpx.get(f"{base}/d/1/review", timeout=60.0)  # rebuilds and caches the debate
        status, first = timed(base + path)
        _, again = timed(base + path)
        return status, first, again, peak_mb(proc.pid)
    finally:
        proc.kill()
        proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the 2,000-point debate only")
    args = parser.parse_args()
    sizes = SIZES[1:] if args.quick else SIZES
    lines = [
        "<!-- written by python -m benchmarks.large_debates -->",
        machine_line(),
        "",
        "Each row is a fresh `quaestio serve` on SQLite (one worker), the debate already",
        "rebuilt once; times are wall-clock seconds for the first and second request,",
        "memory is the server's peak resident size after both. 422 is the",
        '"too large for this view" answer (limits in `src/quaestio/web/view_limits.py`).',
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for positions, per in sizes:
            path = Path(tmp) / f"d{positions}x{per}.json"
            write_path(generated(positions, per), path)
            db = f"sqlite:///{tmp}/d{positions}x{per}.sqlite3"
            subprocess.run(
                [sys.executable, "-m", "quaestio", "serve", str(path), "--db", db, "--check"],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            nodes = positions * (per + 1)
            lines += [
                f"**{positions:,} positions x {per} points ({nodes:,} nodes)**",
                "",
                "| request | status | first s | again s | peak MB |",
                "|---|---|---:|---:|---:|",
            ]
            targets = [f"/d/1/{p}" for p in PAGES] + [f"/api/debates/1{a}" for a in API]
            for i, target in enumerate(targets, 1):
                status, first, again, mb = measure(db, target)
                print(
                    f"[{positions}x{per} {i}/{len(targets)}] {target} {status} "
                    f"{first:.2f}s {again:.2f}s {mb:.0f} MB",
                    file=sys.stderr,
                    flush=True,
                )
                lines.append(
                    f"| `GET {target}` | {status} | {first:.2f} | {again:.2f} | {mb:.0f} |"
                )
            lines.append("")
    lines.append(f"Load average at the end: {os.getloadavg()[0]:.1f}.")
    replace_section("large-debates", lines, DOC)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
