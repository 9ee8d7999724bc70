"""Thirty students of one class working at once on a 2,000-point debate.

Starts ``quaestio serve`` (one worker) on SQLite and on a throwaway PostgreSQL 15
(scripts/pg-test-server, when its binaries exist). A teacher makes a class and
uploads the debate into it; 30 students sign up, join with the code and then, each
on its own connection and at a student's pace (a pause of 0.3-1.5 s between
actions), do ``--rounds`` rounds of: rate a point (their own weight), deal a
five-question quiz, answer it, and read their verdict. The teacher reads the
class's ratings meanwhile. Everything is on loopback and bounded (30 x rounds x 4
requests). Reports p50/p95/p99 per action and the number of failures, and writes
its section of docs/benchmarks.md.

    python -m benchmarks.classroom_load [--students 30] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import httpx
from tests.web_ui.sample import big_debate

from benchmarks.api_read import REPO, serve
from benchmarks.sections import machine_line, replace_section
from quaestio.formats import debate_json

ACTIONS = ("rate a point", "deal a quiz", "answer the quiz", "read my verdict")


def _client(base: str, username: str) -> httpx.Client:
    """A signed-up user's client with a bearer token (no CSRF dance for a script)."""
    c = httpx.Client(base_url=base, timeout=120)
    r = c.post("/api/auth/signup", json={"username": username, "password": "correct horse 7"})
    r.raise_for_status()
    c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    token = c.post("/api/tokens", json={"name": "bench"}).json()["token"]
    c.cookies.clear()
    c.headers.pop("X-CSRF-Token")
    c.headers["Authorization"] = f"Bearer {token}"
    return c


def _student(
    base: str,
    n: int,
    code: str,
    debate_id: int,
    points: list[str],
    rounds: int,
    seed: int,
    times: dict[str, list[float]],
    failures: list[str],
    lock: threading.Lock,
    finished: list[int],
) -> None:
    """One student's whole session; whatever stops it early is a failure with its message
    (an exception in a thread would otherwise only be printed, and the run look clean)."""
    try:
        _rounds(base, n, code, debate_id, points, rounds, seed, times, failures, lock)
    except Exception as exc:
        with lock:
            failures.append(f"student{n:02d} stopped: {type(exc).__name__}: {str(exc)[:200]}")
    else:
        with lock:
            finished.append(n)


def _rounds(
    base: str,
    n: int,
    code: str,
    debate_id: int,
    points: list[str],
    rounds: int,
    seed: int,
    times: dict[str, list[float]],
    failures: list[str],
    lock: threading.Lock,
) -> None:
    rng = random.Random(seed)
    c = _client(base, f"student{n:02d}")
    c.post("/api/classes/join", json={"code": code}).raise_for_status()
    versions: dict[str, int] = {}

    def timed(action: str, method: str, url: str, **kw: Any) -> httpx.Response:
        time.sleep(rng.uniform(0.3, 1.5))
        started = time.perf_counter()
        r = c.request(method, url, **kw)
        took = time.perf_counter() - started
        with lock:
            times[action].append(took)
            if r.status_code >= 400:
                failures.append(f"{action}: {r.status_code} {r.text[:120]}")
        return r

    d = f"/api/debates/{debate_id}"
    for i in range(rounds):
        node = rng.choice(points)
        r = timed(
            ACTIONS[0],
            "PUT",
            f"{d}/weights/{node}",
            json={"value": round(rng.random(), 2), "version": versions.get(node, 0)},
        )
        if r.status_code == 200:
            versions[node] = r.json()["version"]
        quiz_seed = seed * 100 + i
        q = timed(ACTIONS[1], "GET", f"{d}/quiz", params={"n": 5, "seed": quiz_seed})
        if q.status_code == 200:
            body = q.json()
            answers = {x["id"]: rng.randrange(len(x["options"]) or 1) for x in body["questions"]}
            timed(
                ACTIONS[2],
                "POST",
                f"{d}/quiz/mark",
                json={
                    "n": 5,
                    "seed": quiz_seed,
                    "fingerprint": body["fingerprint"],
                    "answers": answers,
                },
            )
        timed(ACTIONS[3], "GET", f"{d}/evaluation")
    c.close()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def run_class(base: str, students: int, rounds: int) -> tuple[dict[str, list[float]], list[str]]:
    teacher = _client(base, "teacher")
    klass = teacher.post("/api/classes", json={"name": "Load test"}).json()
    content = debate_json.dumps(big_debate(20, 100)).encode()
    made = teacher.post(
        "/api/imports",
        files={"file": ("big.debate.json", content, "application/json")},
        data={"class_id": str(klass["id"])},
    )
    made.raise_for_status()
    debate_id = made.json()["debate"]["id"]
    points = [
        e["id"] for e in teacher.get(f"/api/debates/{debate_id}/evidence?limit=200").json()["items"]
    ]
    times: dict[str, list[float]] = defaultdict(list)
    failures: list[str] = []
    finished: list[int] = []
    lock = threading.Lock()
    threads = [
        threading.Thread(
            target=_student,
            args=(
                base,
                n,
                klass["join_code"],
                debate_id,
                points,
                rounds,
                n,
                times,
                failures,
                lock,
                finished,
            ),
        )
        for n in range(students)
    ]
    for t in threads:
        t.start()
    teacher_times: list[float] = []
    while any(t.is_alive() for t in threads):
        started = time.perf_counter()
        try:
            r = teacher.get(f"/api/classes/{klass['id']}/debates/{debate_id}/ratings")
        except httpx.HTTPError as exc:
            with lock:
                failures.append(f"class ratings: {type(exc).__name__}: {exc}")
        else:
            teacher_times.append(time.perf_counter() - started)
            if r.status_code >= 400:
                with lock:
                    failures.append(f"class ratings: {r.status_code} {r.text[:120]}")
        time.sleep(2)
    for t in threads:
        t.join()
    # a student counted neither as finished nor as stopped would be a bug of this script
    stopped = {f[: len("student00")] for f in failures if f.startswith("student")}
    for n in range(students):
        if n in finished or f"student{n:02d}" in stopped:
            continue
        failures.append(f"student{n:02d} did not finish its {rounds} rounds")
    times["teacher reads the class's ratings"] = teacher_times
    return times, failures


def _load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def measure(name: str, url: str, args: argparse.Namespace, tmp: Path) -> list[str]:
    seed = tmp / "seed.debate.json"
    seed.write_text(debate_json.dumps(big_debate(2, 2)))
    log = tmp / f"serve-{name.split()[0].lower()}.log"
    proc, base = serve(url, seed, 1, log)
    try:
        started = time.perf_counter()
        times, failures = run_class(base, args.students, args.rounds)
        wall = time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(20)
    rows = []
    for action, values in times.items():
        rows.append(
            f"| {name} | {action} | {len(values)} | {statistics.median(values) * 1000:.0f} | "
            f"{_pct(values, 0.95):.0f} | {_pct(values, 0.99):.0f} | {max(values) * 1000:.0f} |"
        )
        print(rows[-1], flush=True)
    rows.append(
        f"| {name} | *all, {args.students} students, {wall:.0f} s wall* | "
        f"{sum(len(v) for v in times.values())} | | | | | {len(failures)} failed |"
    )
    if failures:
        print("failures:", json.dumps(Counter(failures).most_common(15), indent=1))
        print(f"the server's log: {log}")
    print(rows[-1], f"(load average {_load_average():.1f})", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument(
        "--no-docs", action="store_true", help="print only; leave docs/benchmarks.md alone"
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="quaestio-class-"))
    rows = measure("SQLite", f"sqlite:///{tmp / 'class.sqlite3'}", args, tmp)
    pg = REPO / "scripts" / "pg-test-server"
    if not args.no_postgres and Path("/usr/lib/postgresql/15/bin/initdb").exists():
        out = subprocess.run([str(pg), "start"], capture_output=True, text=True, check=True).stdout
        values = dict(line.split("=", 1) for line in out.strip().splitlines())
        try:
            rows += measure("PostgreSQL 15", values["QUAESTIO_TEST_POSTGRES_URL"], args, tmp)
        finally:
            subprocess.run([str(pg), "stop", values["PG_TEST_DIR"]], check=False)
    section = [
        "",
        "## Thirty students at once",
        "",
        machine_line(),
        "",
        f"`python -m benchmarks.classroom_load`: one `quaestio serve` worker; a teacher "
        f"uploads a 2,000-point debate into a class; {args.students} students join and, each "
        f"on its own connection with a pause of 0.3-1.5 s between actions, do "
        f"{args.rounds} rounds of: rate a point, deal a five-question quiz, answer it, read "
        "their verdict (their own weights, so the verdict is recomputed in a child process "
        "each time). The teacher reads the class's ratings every 2 s. Times in ms.",
        "",
        "| database | action | requests | p50 | p95 | p99 | max |",
        "|---|---|---:|---:|---:|---:|---:|",
        *rows,
        "",
    ]
    if not args.no_docs:
        replace_section("classroom-load", section)


if __name__ == "__main__":
    main()
