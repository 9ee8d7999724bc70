"""External ICCMA instances, quaestio beside clingo and pygarg: ``python -m benchmarks.iccma_external``.

The instances are listed, with provenance and licence, in
``benchmarks/corpus/iccma/MANIFEST.toml``; none is committed. Each is read from
the bare snapshot under ``/work/.mirror`` (``git show``, then the archive member
for files shipped inside a solver's tarball or zip) and the run names every one
it cannot find. On each instance the same ten queries go to every solver:
SE/DC/DS under preferred, stable and semi-stable, and SE-ID. DC/DS ask about one
argument grounded leaves undecided (the median one, so the answer needs search).

Every query runs in its own forked process with a per-query time limit
(``--timeout``, 60 s by default), after the file is parsed, so the times are the
engine's alone; a solver that runs out of time on an instance is not tried on
bigger ones of the same family for that task (counted as a timeout). clingo runs
ASPARTIX-style encodings (``quaestio.reasoning.asp``): domain heuristics with
``domRec`` for preferred and semi-stable, brave consequences of admissibility
for ideal. Answers are compared (DC/DS: the yes/no; SE-ST: whether there is
one; SE-ID: the set), and quaestio's SE extensions are checked to be complete
(stable for ST).

Results: ``benchmarks/results/iccma_external.json`` and the "External ICCMA
instances" section of ``docs/benchmarks.md``. Every row is also appended to
``iccma_external.partial.jsonl`` as it is measured: ``--resume`` goes on from an
interrupted run, ``--from-partial`` reports what it reached. ``--only`` and
``--tasks`` measure a few instances or tasks and print them, leaving the full
results alone.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import subprocess
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import clingo
import numpy as np
from rich.progress import Progress

from benchmarks.reasoning import machine
from benchmarks.sections import replace_section
from quaestio.reasoning import dung, iccma_io, kernels
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.asp import ENCODINGS, facts
from quaestio.reasoning.labelling import UNDEC, grounded_labelling

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "benchmarks" / "corpus" / "iccma" / "MANIFEST.toml"
MIRROR = Path("/work/.mirror")
TASKS = (
    "SE-PR",
    "DC-PR",
    "DS-PR",
    "SE-ST",
    "DC-ST",
    "DS-ST",
    "SE-SST",
    "DC-SST",
    "DS-SST",
    "SE-ID",
)
Answer = bool | tuple[int, ...] | None


def manifest() -> list[dict[str, str]]:
    items: list[dict[str, str]] = tomllib.loads(MANIFEST.read_text())["instance"]
    return items


def read_instance(item: dict[str, str]) -> bytes | None:
    """The file's bytes from its snapshot, or None when the snapshot or file is missing."""
    git_dir = MIRROR / item["repository"].replace("/", "+") / "repo"
    if not git_dir.is_dir():
        return None
    shown = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{item['commit']}:{item['path']}"],
        capture_output=True,
    )
    if shown.returncode != 0:
        shown = subprocess.run(  # a snapshot newer than the listed commit still has the file
            ["git", "--git-dir", str(git_dir), "show", f"HEAD:{item['path']}"], capture_output=True
        )
        if shown.returncode != 0:
            return None
    data = shown.stdout
    member = item.get("member")
    if not member:
        return data
    if item["path"].endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read(member)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        extracted = archive.extractfile(member)
        return extracted.read() if extracted else None


def parse(item: dict[str, str], data: bytes) -> ArgumentationFramework:
    name = item.get("member") or item["path"]
    fmt = "i23" if name.endswith(".af") else iccma_io.guess_format(name)
    return iccma_io.parse(data, fmt, file=name)


def query_arg(af: ArgumentationFramework) -> int:
    undecided = np.flatnonzero(grounded_labelling(af) == UNDEC)
    return int(undecided[undecided.size // 2]) if undecided.size else af.n // 2


# -- quaestio ----------------------------------------------------------------------------
def quaestio(af: ArgumentationFramework, task: str, arg: int) -> Answer:
    problem, sem = task.split("-")
    if problem == "DC":
        return dung.credulous(af, sem, arg)
    if problem == "DS":
        return dung.sceptical(af, sem, arg)
    ext = dung.some_extension(af, sem)
    return None if ext is None else tuple(sorted(ext))


# -- clingo (ASPARTIX-style) -------------------------------------------------------------
def _models(program: str, options: list[str], shown: str, limit: int = 0) -> list[frozenset[int]]:
    ctl = clingo.Control([str(limit), "--warn=none", *options], logger=lambda _c, _m: None)
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    found: list[frozenset[int]] = []
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            found.append(
                frozenset(
                    s.arguments[0].number for s in model.symbols(atoms=True) if s.name == shown
                )
            )
    return found


DOMAIN = ["--heuristic=Domain", "--enum-mode=domRec"]


def _first_preferred(program: str, keep: Callable[[frozenset[int]], bool]) -> frozenset[int] | None:
    """Enumerate preferred extensions (domRec) until one satisfies ``keep``."""
    ctl = clingo.Control(["0", "--warn=none", *DOMAIN], logger=lambda _c, _m: None)
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            ext = frozenset(
                s.arguments[0].number for s in model.symbols(shown=True) if s.name == "in"
            )
            if keep(ext):
                return ext
    return None


def _semi_stable_with(af: ArgumentationFramework, arg: int, inside: bool) -> bool:
    program = facts(af) + ENCODINGS["SST"]
    ctl = clingo.Control(["0", "--warn=none", *DOMAIN], logger=lambda _c, _m: None)
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    plain = program.replace("#heuristic", "% #heuristic")
    want = f":- not in({arg}).\n" if inside else f":- in({arg}).\n"
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            rng = [s.arguments[0].number for s in model.symbols(atoms=True) if s.name == "range"]
            fixed = "".join(f":- not range({x}).\n" for x in rng)
            if _models(plain + fixed + want, [], "in", limit=1):
                return True
    return False


def _ideal(af: ArgumentationFramework) -> tuple[int, ...]:
    """Brave consequences of admissibility (clingo), then the ideal fixpoint in numpy."""
    brave = _models(facts(af) + ENCODINGS["ADM"], ["--enum-mode=brave"], "in")
    accepted = np.zeros(af.n, dtype=bool)
    if brave:
        accepted[list(brave[-1])] = True
    attacked = np.zeros(af.n, dtype=bool)
    attacked[af.dst[accepted[af.src]]] = True
    return tuple(sorted(dung.largest_admissible_subset(af, accepted & ~attacked)))


def clingo_answer(af: ArgumentationFramework, task: str, arg: int) -> Answer:
    problem, sem = task.split("-")
    base = facts(af)
    if task == "SE-ID":
        return _ideal(af)
    if sem == "ST":
        extra = {"SE": "", "DC": f":- not in({arg}).\n", "DS": f":- in({arg}).\n"}[problem]
        found = _models(base + ENCODINGS["ST"] + extra, [], "in", limit=1)
        if problem == "SE":
            return tuple(sorted(found[0])) if found else None
        return bool(found) if problem == "DC" else not found
    if sem == "PR":
        if problem == "DC":  # in some preferred iff in some complete
            return bool(_models(base + ENCODINGS["CO"] + f":- not in({arg}).\n", [], "in", 1))
        if problem == "SE":
            return tuple(sorted(_models(base + ENCODINGS["PR"], DOMAIN, "in", limit=1)[0]))
        return _first_preferred(base + ENCODINGS["PR"], lambda e: arg not in e) is None
    if problem == "SE":
        return tuple(sorted(_models(base + ENCODINGS["SST"], DOMAIN, "in", limit=1)[0]))
    if problem == "DC":
        return _semi_stable_with(af, arg, inside=True)
    return not _semi_stable_with(af, arg, inside=False)


# -- pygarg ------------------------------------------------------------------------------
def pygarg_answer(af: ArgumentationFramework, task: str, arg: int) -> Answer:
    from pygarg.dung import solver

    args = [str(i) for i in range(af.n)]
    atts = [[str(a), str(b)] for a, b in af.attack_list()]
    problem, sem = task.split("-")
    if problem == "DC":
        return bool(solver.credulous_acceptability(args, atts, str(arg), sem)[0])
    if problem == "DS":
        return bool(solver.skeptical_acceptability(args, atts, str(arg), sem)[0])
    ext = (
        solver.compute_ideal_extension(args, atts)
        if sem == "ID"
        else (solver.compute_some_extension(args, atts, sem))
    )
    if ext is None or isinstance(ext, str):  # pygarg says "NO" when there is none
        return None
    return tuple(sorted(int(x) for x in ext))


def _pygarg_available() -> bool:
    try:
        import pygarg.dung.solver  # noqa: F401
    except ImportError:
        return False
    return True


SOLVERS: dict[str, Callable[[ArgumentationFramework, str, int], Answer]] = {
    "quaestio": quaestio,
    "clingo": clingo_answer,
    "pygarg": pygarg_answer,
}


def in_child(
    fn: Callable[[ArgumentationFramework, str, int], Answer],
    af: ArgumentationFramework,
    task: str,
    arg: int,
    timeout: float,
) -> tuple[float, Answer] | None:
    """(seconds, answer) from a forked process, or None after ``timeout`` seconds."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def target() -> None:
        start = time.perf_counter()
        answer = fn(af, task, arg)
        child.send((time.perf_counter() - start, answer))

    proc = ctx.Process(target=target)
    proc.start()
    deadline = time.perf_counter() + timeout
    ready = False
    while not ready and proc.is_alive() and time.perf_counter() < deadline:
        ready = parent.poll(0.02)
    ready = ready or parent.poll(0)
    result = parent.recv() if ready else None
    if proc.is_alive() and not ready:
        proc.kill()
    proc.join()
    return result


def is_complete(af: ArgumentationFramework, ext: tuple[int, ...], stable: bool) -> bool:
    """Conflict-free, defends exactly its members (and, for stable, attacks all the rest)."""
    inside = np.zeros(af.n, dtype=bool)
    inside[list(ext)] = True
    attacked = np.zeros(af.n, dtype=bool)
    attacked[af.dst[inside[af.src]]] = True
    if (inside & attacked).any():
        return False
    undefended = np.zeros(af.n, dtype=bool)
    undefended[af.dst[~attacked[af.src]]] = True
    if stable:
        return bool((inside | attacked).all())
    return bool(np.array_equal(inside, ~undefended))


def agree(task: str, ours: Answer, theirs: Answer) -> bool:
    if task.startswith(("DC", "DS")) or task == "SE-ID":
        return ours == theirs
    return (ours is None) == (theirs is None)


def run(
    timeout: float,
    solvers: list[str],
    progress: Progress,
    peer_timeout: float,
    on_row: Callable[[dict[str, Any]], None] | None = None,
    *,
    only: list[str] | None = None,
    tasks: tuple[str, ...] = TASKS,
    done: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Every (instance, task) query on every solver.

    ``only`` keeps the instances whose name contains one of its strings; ``done``
    are rows of an interrupted run: they are kept as they are and not measured
    again (their timeouts still skip the bigger instances of the family).
    """
    items = [i for i in manifest() if not only or any(o in i["name"] for o in only)]
    loaded: list[tuple[dict[str, str], ArgumentationFramework]] = []
    missing: list[str] = []
    for item in items:
        data = read_instance(item)
        if data is None:
            missing.append(
                f"{item['repository']}@{item['commit'][:8]}:{item['path']}"
                + (f"!{item['member']}" if item.get("member") else "")
            )
            continue
        loaded.append((item, parse(item, data)))
    loaded.sort(key=lambda pair: pair[1].n)  # smaller first: a family's timeouts carry upwards
    kernels.warm()
    # clingo is loaded here once, before the forks; load python-sat likewise, or every
    # quaestio query pays its import (about 0.06 s) inside the engine time
    import pysat.solvers  # noqa: F401

    rows: list[dict[str, Any]] = list(done or [])
    measured = {(r["instance"], r["task"]) for r in rows}
    slow = {
        (r["family"], r["task"], name)
        for r in rows
        for name in solvers
        if r.get(name, {}).get("timeout")
    }
    job = progress.add_task("ICCMA external", total=len(loaded) * len(tasks) * len(solvers))
    for item, af in loaded:
        arg = query_arg(af)
        for task in tasks:
            if (item["name"], task) in measured:
                progress.update(job, advance=len(solvers))
                continue
            row: dict[str, Any] = {
                "instance": item["name"],
                "family": item["family"],
                "n": af.n,
                "m": af.m,
                "task": task,
                "arg": arg,
            }
            for name in solvers:
                progress.update(job, advance=1, description=f"{item['name'][:28]} {task} {name}")
                key = (item["family"], task, name)
                if key in slow:
                    row[name] = {"timeout": True, "skipped": "out of time on a smaller one"}
                    continue
                limit = peer_timeout if name == "pygarg" else timeout
                got = in_child(SOLVERS[name], af, task, arg, limit)
                if got is None:
                    slow.add(key)
                    row[name] = {"timeout": True}
                else:
                    row[name] = {"seconds": got[0], "answer": got[1]}
            ours = row["quaestio"].get("answer")
            if "seconds" in row["quaestio"] and task.startswith("SE") and ours is not None:
                row["valid"] = is_complete(af, ours, stable=task == "SE-ST")
            for name in solvers[1:]:
                if "seconds" in row[name] and "seconds" in row["quaestio"]:
                    row[f"agree_{name}"] = agree(task, ours, row[name]["answer"])
            for name in solvers:  # extensions are long: keep their size only
                ans = row[name].get("answer")
                if isinstance(ans, tuple):
                    row[name]["answer"] = f"{len(ans)} args"
            rows.append(row)
            if on_row:
                on_row(row)
    return {
        "machine": machine(),
        "timeout_s": timeout,
        "pygarg_timeout_s": peer_timeout,
        "solvers": solvers,
        "missing": missing,
        "rows": rows,
    }


def summary(results: dict[str, Any]) -> dict[str, Any]:
    rows, timeout = results["rows"], results["timeout_s"]
    disagree = [r for r in rows if any(r.get(k) is False for k in r if k.startswith("agree_"))]
    invalid = [r for r in rows if r.get("valid") is False]
    missed = [r for r in rows if "seconds" in r["clingo"] and "seconds" not in r["quaestio"]]
    groups: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        q, c = r["quaestio"], r["clingo"]
        if "seconds" not in q:
            continue
        g = groups.setdefault((r["task"], r["family"]), [0.0, 0.0, 0])  # type: ignore[list-item]
        g[0] += q["seconds"]
        g[1] += c.get("seconds", timeout)  # clingo out of time counts as the limit
        g[2] += 1
    ratios = {f"{t} / {f}": g[0] / g[1] if g[1] else 0.0 for (t, f), g in groups.items()}
    return {
        "queries": len(rows),
        "disagreements": len(disagree),
        "invalid": len(invalid),
        "clingo_only": [f"{r['task']} {r['instance']}" for r in missed],
        "worst_ratio": max(ratios.items(), key=lambda kv: kv[1]) if ratios else None,
        "ratios": ratios,
    }


def markdown(results: dict[str, Any]) -> str:
    s = summary(results)
    m = results["machine"]
    solvers = results["solvers"]
    lines = [
        f"Run on {m['date']}, {m['cpu']} ({m['cores']} cores, shared), Python {m['python']}; "
        f"`python -m benchmarks.iccma_external` (per-query limit {results['timeout_s']:g} s, "
        + (
            f"{results.get('pygarg_timeout_s', 0):g} s for pygarg, "
            if "pygarg" in solvers
            else "pygarg not run (`--no-pygarg`), "
        )
        + "engine time after parsing, each query in its own process). Instances and provenance: "
        "`benchmarks/corpus/iccma/MANIFEST.toml`.",
        "",
        f"- queries: {s['queries']}; disagreements with the other solvers: "
        f"**{s['disagreements']}**; quaestio SE extensions failing the completeness check: "
        f"{s['invalid']}",
        f"- queries clingo answers within the limit and quaestio does not: "
        f"**{len(s['clingo_only'])}** {', '.join(s['clingo_only'])}",
    ]
    if s["worst_ratio"]:
        lines.append(
            f"- worst quaestio/clingo time ratio over a task and family: "
            f"**{s['worst_ratio'][1]:.2f}** ({s['worst_ratio'][0]}; below 1 is faster than clingo)"
        )
    if results.get("interrupted"):
        lines.append(
            f"- **interrupted run**: {len(results['rows'])} of "
            f"{results.get('planned', '?')} queries measured, the rows below; "
            "`python -m benchmarks.iccma_external --resume` goes on from there"
        )
    if results.get("note"):  # written by hand into the JSON, e.g. how a run was resumed
        lines.append(f"- note: {results['note']}")
    if results["missing"]:
        lines.append(f"- missing (not in /work/.mirror): {', '.join(results['missing'])}")
    lines += [
        "",
        "| instance | n | m | task | "
        + " | ".join(f"{x} s" for x in solvers)
        + " | quaestio/clingo | answer |",
        "|---|---:|---:|---|" + "---:|" * len(solvers) + "---:|---|",
    ]
    order = {t: i for i, t in enumerate(TASKS)}  # a resumed run appends out of order
    for r in sorted(results["rows"], key=lambda r: (r["n"], r["instance"], order[r["task"]])):
        cells = []
        for name in solvers:
            cell = r[name]
            cells.append(
                f"{cell['seconds']:.3f}"
                if "seconds" in cell
                else ("—" if cell.get("skipped") else "timeout")
            )
        q, c = r["quaestio"], r["clingo"]
        ratio = (
            f"{q['seconds'] / max(c['seconds'], 1e-4):.2f}"
            if "seconds" in q and "seconds" in c
            else ""
        )
        answer = q.get("answer", c.get("answer", ""))
        lines.append(
            f"| {r['instance']} | {r['n']:,} | {r['m']:,} | {r['task']} | "
            + " | ".join(cells)
            + f" | {ratio} | {answer} |"
        )
    lines += [
        "",
        "Ratio per task and family (sum of quaestio times over sum of clingo's, a "
        "clingo timeout counted at the limit):",
        "",
        "| task / family | ratio |",
        "|---|---:|",
    ]
    lines += [f"| {k} | {v:.2f} |" for k, v in sorted(s["ratios"].items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per query (60)")
    parser.add_argument("--no-pygarg", action="store_true", help="quaestio and clingo only")
    parser.add_argument(
        "--pygarg-timeout",
        type=float,
        default=10.0,
        help="seconds per pygarg query (10: pure Python, it would otherwise dominate the run)",
    )
    parser.add_argument("--report-only", action="store_true", help="redraw from the last JSON")
    parser.add_argument(
        "--from-partial", action="store_true", help="report the rows of an interrupted run"
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="go on from an interrupted run: keep its rows, measure only the missing queries",
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated parts of instance names; results go to iccma_external.only.json "
        "and docs/benchmarks.md is left alone",
    )
    parser.add_argument("--tasks", default="", help="comma-separated tasks (SE-PR,DS-ST,...)")
    args = parser.parse_args(argv)
    out = ROOT / "benchmarks" / "results" / "iccma_external.json"
    partial = out.with_suffix(".partial.jsonl")
    only = [x for x in args.only.split(",") if x]
    tasks = tuple(t for t in args.tasks.split(",") if t) or TASKS
    if unknown := [t for t in tasks if t not in TASKS]:
        parser.error(f"unknown task(s) {', '.join(unknown)}; known: {', '.join(TASKS)}")
    if only or tasks != TASKS:  # a partial look: print it, keep the full results as they are
        solvers = ["quaestio", "clingo"]
        if not args.no_pygarg and _pygarg_available():
            solvers.append("pygarg")
        with Progress() as progress:
            results = run(
                args.timeout, solvers, progress, args.pygarg_timeout, only=only, tasks=tasks
            )
        out.with_suffix(".only.json").write_text(json.dumps(results, indent=1, default=str) + "\n")
        print(markdown(results))
        return
    if args.from_partial:  # an interrupted run: report the rows it finished
        results = {
            "machine": machine(),
            "timeout_s": args.timeout,
            "pygarg_timeout_s": args.pygarg_timeout,
            "solvers": [],
            "missing": [],
            "interrupted": True,
            "planned": len(manifest()) * len(TASKS),
            "rows": [json.loads(line) for line in partial.read_text().splitlines() if line],
        }
        results["solvers"] = [  # the solvers the interrupted run had (--no-pygarg or not)
            s for s in ("quaestio", "clingo", "pygarg") if all(s in r for r in results["rows"])
        ]
        out.write_text(json.dumps(results, indent=1, default=str) + "\n")
    elif args.report_only:
        results = json.loads(out.read_text())
    else:
        solvers = ["quaestio", "clingo"]
        if not args.no_pygarg and _pygarg_available():
            solvers.append("pygarg")
        done: list[dict[str, Any]] = []
        if args.resume and partial.exists():
            done = [json.loads(line) for line in partial.read_text().splitlines() if line]
            solvers = [s for s in solvers if all(s in r for r in done)] or solvers
        with Progress() as progress:
            if not done:
                partial.write_text("")

            def log(row: dict[str, Any]) -> None:  # progress that survives an interrupted run
                with partial.open("a") as f:
                    f.write(json.dumps(row, default=str) + "\n")

            results = run(args.timeout, solvers, progress, args.pygarg_timeout, log, done=done)
            partial.unlink()
        for name in results["missing"]:
            print(f"missing: {name}")
        out.write_text(json.dumps(results, indent=1, default=str) + "\n")
    replace_section(
        "iccma-external",
        [
            "## External ICCMA instances: quaestio beside clingo and pygarg",
            "",
            *markdown(results).splitlines(),
        ],
    )
    s = summary(results)
    print(
        f"{s['queries']} queries, {s['disagreements']} disagreements, "
        f"{len(s['clingo_only'])} answered by clingo only, worst ratio {s['worst_ratio']}"
    )


if __name__ == "__main__":
    main()
