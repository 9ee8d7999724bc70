"""Long imports as jobs on a real server: how long, how responsive meanwhile, how fast a cancel.

``python -m benchmarks.import_jobs`` starts ``quaestio serve`` on a fresh SQLite file,
signs a user up and uploads Kialo exports the reader needs seconds for, asking for a
job (``Prefer: respond-async``). For each it records the seconds to the 202, to the
end of the job, how long ``GET /api/health`` took meanwhile (median and worst), and
the server's peak memory; then how long a ``DELETE`` takes to stop a running job and
to see its child gone, and how long a budget overrun takes to become a 422
(``QUAESTIO_WORK_SECONDS=1``). Results go to docs/deployment.md.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.generators import slow_kialo
from benchmarks.large_debates import free_port, peak_mb
from benchmarks.sections import machine_line, replace_section

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "deployment.md"
SHAPES = ((30, 50), (60, 50), (90, 50))


def serve(db: str, port: int, **env: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "quaestio", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**os.environ, **env},
    )
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1.0)
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start")


def client(base: str) -> httpx.Client:
    anon = httpx.Client(base_url=base, timeout=120)
    signed = anon.post("/api/auth/signup", json={"username": "bench", "password": "a long one!"})
    csrf = signed.json()["csrf_token"]
    token = anon.post("/api/tokens", json={"name": "b"}, headers={"X-CSRF-Token": csrf})
    return httpx.Client(
        base_url=base, timeout=120, headers={"Authorization": f"Bearer {token.json()['token']}"}
    )


def upload(c: httpx.Client, data: bytes, prefer: str = "respond-async, wait=0") -> httpx.Response:
    files = {"file": ("big.kialo.txt", data, "text/plain")}
    return c.post("/api/imports", files=files, headers={"Prefer": prefer} if prefer else {})


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def main() -> None:
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        proc = serve(f"sqlite:///{tmp}/a.sqlite3", port, QUAESTIO_JOBS_DIR=f"{tmp}/jobs")
        base = f"http://127.0.0.1:{port}"
        try:
            c = client(base)
            for positions, points in SHAPES:
                data = slow_kialo(positions, points, f"Bench {positions}")
                start = time.perf_counter()
                job = upload(c, data).json()
                accepted = time.perf_counter() - start
                health: list[float] = []
                while c.get(job["url"]).json()["state"] not in ("done", "failed", "cancelled"):
                    t = time.perf_counter()
                    c.get("/api/health")
                    health.append(time.perf_counter() - t)
                    time.sleep(0.2)
                done = time.perf_counter() - start
                end = c.get(job["url"]).json()
                rows.append(
                    f"| {positions * (points + 1):,} claims, {len(data) / 1e3:,.0f} kB "
                    f"| {end['state']} | {accepted:.2f} | {done:.1f} "
                    f"| {statistics.median(health) * 1e3 if health else 0:.0f} "
                    f"| {max(health, default=0) * 1e3:.0f} | {peak_mb(proc.pid):.0f} |"
                )
                print(rows[-1], flush=True)
            job = upload(c, slow_kialo(90, 50, "Bench cancel")).json()
            while c.get(job["url"]).json()["state"] != "running":
                time.sleep(0.05)
            readers = children(proc.pid)
            start = time.perf_counter()
            cancelled = c.delete(job["url"]).json()["state"]
            answered = time.perf_counter() - start
            while any(Path(f"/proc/{p}").exists() for p in readers):
                time.sleep(0.01)
            gone = time.perf_counter() - start
        finally:
            proc.kill()
            proc.wait()
        port = free_port()
        proc = serve(
            f"sqlite:///{tmp}/b.sqlite3",
            port,
            QUAESTIO_WORK_SECONDS="1",
            QUAESTIO_JOBS_DIR=f"{tmp}/jobs2",
        )
        try:
            c = client(f"http://127.0.0.1:{port}")
            start = time.perf_counter()
            over = upload(c, slow_kialo(90, 50), prefer="")
            overrun = time.perf_counter() - start
            stored = c.get("/api/debates").json()["total"]
        finally:
            proc.kill()
            proc.wait()
    lines = [
        "<!-- written by python -m benchmarks.import_jobs -->",
        machine_line(),
        "",
        "One `quaestio serve` on SQLite; each Kialo export uploaded with",
        "`Prefer: respond-async, wait=0` and its job polled every 0.2 s while",
        "`GET /api/health` is timed between polls. Peak MB is the server process's",
        "(the reading child's memory is its own, capped by `QUAESTIO_WORK_MEMORY_MB`).",
        "",
        "| file | end | 202 after s | done after s | health median ms | health worst ms "
        "| server peak MB |",
        "|---|---|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Cancel of a running job: `DELETE` answered `{cancelled}` in {answered:.2f} s, the",
        f"reading process gone {gone:.2f} s after the request. With `QUAESTIO_WORK_SECONDS=1`",
        f"the largest file is answered {over.status_code} after {overrun:.1f} s and the store",
        f"holds {stored} debates afterwards.",
    ]
    replace_section("import-jobs", lines, DOC)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
