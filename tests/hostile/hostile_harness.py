"""Run hostile files through the real CLI in worker processes with resource limits.

Each reader gets its own worker (``hostile_worker.py``) whose address space is
capped with RLIMIT_AS; a file that takes the worker past its wall budget, or
kills it, is recorded against that file and the worker is restarted after it.
The verdict per file is one of: accepted (exit 0/1), clean (exit 2 with an
error message), traceback, overtime (CPU or wall budget), memory (the reader
hit the address-space cap), crash (the process died).
"""

from __future__ import annotations

import json
import os
import resource
import selectors
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hostile_corpus import SUFFIX, Case

from quaestio.limits import READ_MEMORY_BYTES, READ_SECONDS

WORKER = Path(__file__).with_name("hostile_worker.py")
BAD = ("traceback", "overtime", "memory", "crash")


@dataclass
class Outcome:
    reader: str
    results: list[dict[str, object]] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(str(r["status"]) for r in self.results)

    def failures(self) -> list[dict[str, object]]:
        return [r for r in self.results if r["status"] in BAD]

    def row(self) -> dict[str, object]:
        c = self.counts()
        return {
            "reader": self.reader,
            "inputs": len(self.results),
            "accepted": c["accepted"],
            "clean errors": c["clean"],
            "tracebacks": c["traceback"] + c["crash"],
            "over budget": c["overtime"] + c["memory"],
            "max cpu s": max((float(r.get("cpu", 0)) for r in self.results), default=0.0),
            "peak MB": max((int(r.get("rss_mb", 0)) for r in self.results), default=0),
        }


def _limit(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def run(
    reader: str,
    cases: list[Case],
    *,
    cpu_budget: float = READ_SECONDS,
    memory: int = READ_MEMORY_BYTES,
    wall_budget: float | None = None,
) -> Outcome:
    """Every case through ``quaestio check`` in a capped worker; one result per case."""
    # CPU time decides (the worker's ITIMER_PROF); the wall clock only stops a hang in C
    # code, and is generous because the machine may be shared.
    wall = wall_budget or max(30 * cpu_budget, 600.0)
    outcome = Outcome(reader)
    with tempfile.TemporaryDirectory(prefix=f"hostile-{reader}-") as tmp:
        paths: list[str] = []
        for k, (name, data) in enumerate(cases):
            path = Path(tmp) / f"{k:04d}-{name}{SUFFIX[reader]}"
            path.write_bytes(data)
            paths.append(str(path))
        listing = Path(tmp) / "files.json"
        listing.write_text(json.dumps(paths), encoding="utf-8")
        names = [name for name, _ in cases]
        first = 0
        while first < len(paths):
            first = _one_worker(outcome, listing, first, names, memory, wall, cpu_budget)
    for r in outcome.results:
        if r["status"] in ("accepted", "clean") and float(str(r["cpu"])) > cpu_budget:
            r["status"] = "overtime"
    return outcome


def _one_worker(
    outcome: Outcome,
    listing: Path,
    first: int,
    names: list[str],
    memory: int,
    wall: float,
    cpu: float,
) -> int:
    env = {
        **os.environ,
        "HOSTILE_WALL": str(wall),
        "HOSTILE_CPU": str(cpu),
        "PYTHONUNBUFFERED": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(listing), str(first)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=lambda: _limit(memory),
    )
    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    current: int | None = None
    buffer = b""
    startup = 300.0  # importing quaestio on a loaded machine
    while True:
        ready = selector.select(timeout=startup if current is None else wall + 30)
        if not ready:  # hung inside C code, past the worker's own alarm: kill it
            proc.kill()
            proc.wait()
            if current is None:
                raise RuntimeError("the hostile worker did not start")
            outcome.results.append(
                {
                    "k": current,
                    "name": names[current],
                    "status": "overtime",
                    "cpu": wall,
                    "wall": wall,
                    "detail": "killed past the wall budget",
                    "rss_mb": 0,
                }
            )
            return current + 1
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            break
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            record = json.loads(line)
            if "start" in record:
                current = int(record["start"])
            else:
                record["name"] = names[int(record["k"])]
                outcome.results.append(record)
                current = None
    proc.wait()
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if current is not None:  # died inside a file
        outcome.results.append(
            {
                "k": current,
                "name": names[current],
                "status": "crash",
                "cpu": 0,
                "wall": 0,
                "detail": f"exit {proc.returncode}: {err[-300:]}",
                "rss_mb": 0,
            }
        )
        return current + 1
    if proc.returncode != 0 and len(outcome.results) < len(names):
        raise RuntimeError(f"hostile worker failed before any file: {err[-2000:]}")
    return len(names)


def table(rows: list[dict[str, object]]) -> str:
    """Markdown table: one row per reader (``Outcome.row()``), then the totals."""
    heads = [h for h in rows[0] if h != "measured"]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for row in rows:
        lines.append("| " + " | ".join(str(row[h]) for h in heads) + " |")
    counted = heads[1:6]
    total = {h: sum(int(str(r[h])) for r in rows) for h in counted}
    lines.append("| all | " + " | ".join(str(total[h]) for h in counted) + " | | |")
    return "\n".join(lines)
