"""Turn benchmark results into the reasoning section of docs/benchmarks.md and a PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.sections import replace_section


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def _peer_tables(rows: list[dict[str, Any]]) -> list[str]:
    solvers = list(dict.fromkeys(r["solver"] for r in rows))
    others = [s for s in solvers if s != "quaestio"]
    lines = [
        "| family | n | attacks | task | quaestio | " + " | ".join(others) + " |",
        "|---|---:|---:|---|---:|" + "---:|" * len(others),
    ]
    keys = list(dict.fromkeys((r["family"], r["n"], r["m"], r["task"]) for r in rows))
    for family, n, m, task in keys:
        cell = {
            r["solver"]: r for r in rows if (r["family"], r["n"], r["task"]) == (family, n, task)
        }
        if "grounded decides" in str(cell["quaestio"].get("skipped", "")):
            continue  # no undecided argument to ask about
        ours = cell["quaestio"].get("seconds")
        parts = []
        for s in others:
            r = cell.get(s, {})
            if "seconds" in r and ours:
                parts.append(f"{_fmt(r['seconds'])} (×{r['seconds'] / ours:,.0f})")
            else:
                parts.append(_skipped(r))
        mine = _fmt(ours) if ours else _skipped(cell["quaestio"])
        lines.append(f"| {family} | {n:,} | {m:,} | {task} | {mine} | " + " | ".join(parts) + " |")
    return lines


def _skipped(row: dict[str, Any]) -> str:
    skipped = str(row.get("skipped", ""))
    return "n/a" if "no acceptance" in skipped else "> 30 s" if "30" in skipped else "–"


PYTHON_PEERS = ("formal-argumentation", "pygarg", "python-argumentation")


def summary(results: dict[str, Any]) -> list[str]:
    """Plain sentences on the targets, computed from the numbers (not written by hand)."""
    lines = []
    peers = results["peers"]
    biggest = max(r["n"] for r in peers)
    for family in dict.fromkeys(r["family"] for r in peers):
        for task in dict.fromkeys(r["task"] for r in peers):
            cell = {
                r["solver"]: r.get("seconds")
                for r in peers
                if (r["family"], r["n"], r["task"]) == (family, biggest, task)
            }
            ours = cell.get("quaestio")
            times = {s: t for s, t in cell.items() if s in PYTHON_PEERS and t}
            timed_out = any(
                r["solver"] == "quaestio" and "30" in str(r.get("skipped", ""))
                for r in peers
                if (r["family"], r["n"], r["task"]) == (family, biggest, task)
            )
            if timed_out:
                others = ", ".join(f"{s} {_fmt(t)}" for s, t in cell.items() if t) or "none did"
                lines.append(
                    f"- {family}, {biggest:,} arguments, {task}: quaestio does not answer"
                    f" within 30 s (solvers that did: {others})."
                )
                continue
            if not ours:
                continue
            if not times:
                lines.append(
                    f"- {family}, {biggest:,} arguments, {task}: quaestio {_fmt(ours)};"
                    " no Python peer answered within 30 s."
                )
                continue
            best = min(times, key=lambda s: times[s])
            lines.append(
                f"- {family}, {biggest:,} arguments, {task}: {times[best] / ours:,.0f}x"
                f" faster than the fastest Python peer ({best})."
            )
    for r in results["grounded_scaling"]:
        if r["n"] >= 1_000_000:
            lines.append(
                f"- grounded, {r['family']}, {r['n']:,} arguments / {r['m']:,} attacks: "
                f"{r['total_s']:.2f} s from file to answer, {r['peak_mb']:.0f} MB peak."
            )
    big = [r for r in results["gradual"] if r["n"] == max(x["n"] for x in results["gradual"])]
    if big:
        lines.append(
            f"- gradual, {big[0]['n']:,} nodes / {big[0]['edges']:,} edges: "
            + ", ".join(
                f"{r['semantics']} {r['seconds']:.2f} s ({r['iterations']} it.)" for r in big
            )
            + "."
        )
    return lines


def write_markdown(results: dict[str, Any], path: Path) -> None:
    mach = results["machine"]
    out = [
        "",
        "## Reasoning engine",
        "",
        "Produced by `python -m benchmarks.reasoning`"
        " (raw numbers in `benchmarks/results/reasoning.json`).",
        f"Measured {mach['date']} on {mach['cpu']}"
        f" ({mach['cores']} cores, shared with other jobs),",
        f"Python {mach['python']}, numpy {mach['numpy']}, scipy {mach['scipy']}."
        + (" **Quick run (small sizes only).**" if results.get("quick") else ""),
        "",
        "The machine's two cores are shared with other jobs, so sub-millisecond timings and the",
        "ratios built on them move by a factor of two or three between runs.",
        "",
        "### Summary",
        "",
        *summary(results),
        "",
        "### Against the peers",
        "",
        "Solve time with the framework already in each library's own data structure"
        " (building it is",
        "not timed: for quaestio that is the CSR adjacency, and the compiled kernel is loaded, as in",
        "any long-running process); best of at least three runs, fast calls repeated for 0.25 s.",
        "In brackets: how many times slower than quaestio. `DC-CO` asks whether argument n/2 is in",
        "some complete extension (grounded already decides it in these families); `DC-CO undec`",
        "asks it of the first argument grounded leaves undecided, which takes the SAT search (BA",
        "frameworks have none). Each peer call runs in its own process and is stopped after 30 s",
        "(then not tried on bigger sizes); python-argumentation has no acceptance query.",
        "",
        *_peer_tables(results["peers"]),
        "",
        "### ICCMA 2019 instance `Medium-result-b1` (438 arguments, 77,717 attacks)",
        "",
        "| task | quaestio | clingo (our encodings) | same answer |",
        "|---|---:|---:|---|",
    ]
    for r in results["iccma"]:
        agree = {True: "yes", False: "**no**", None: "–"}[r.get("agree")]
        out.append(
            f"| {r['task']} | {_fmt(r['quaestio_s'])} | {_fmt(r.get('clingo_s'))} | {agree} |"
        )
    out += [
        "",
        f"Parsing the apx file: {_fmt(results['iccma'][0]['parse_s'])}.",
        "",
        "### Grounded at scale, including parsing the i23 file",
        "",
        "Each row runs in a fresh process; peak memory is that process's maximum resident set.",
        "A fresh process below 20,000,000 arguments plus attacks uses the numpy rounds (loading",
        "numba costs more than it saves in one call); the last three columns then load the",
        "compiled kernel and compute grounded again with it, as a long-running process would.",
        "",
        "| family | arguments | attacks | file | parse | grounded | total | peak memory"
        " | clingo grounded | kernel load | grounded, compiled | same labels |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results["grounded_scaling"]:
        same = {True: "yes", False: "**no**", None: "–"}[r.get("same")]
        out.append(
            f"| {r['family']} | {r['n']:,} | {r['m']:,} | {r['file_mb']:.0f} MB"
            f" | {_fmt(r['parse_s'])} | {_fmt(r['grounded_s'])} | {_fmt(r['total_s'])}"
            f" | {r['peak_mb']:.0f} MB | {_fmt(r.get('clingo_s'))}"
            f" | {_fmt(r.get('kernel_load_s'))} | {_fmt(r.get('compiled_s'))} | {same} |"
        )
    out += [
        "",
        "### Gradual semantics to convergence (tolerance 1e-9)",
        "",
        "Random QBAFs, half the edges attacks and half supports, base scores uniform in [0, 1].",
        "",
        "| nodes | edges | semantics | time | iterations | converged |",
        "|---:|---:|---|---:|---:|---|",
    ]
    for r in results["gradual"]:
        out.append(
            f"| {r['n']:,} | {r['edges']:,} | {r['semantics']} | {_fmt(r['seconds'])} | "
            f"{r['iterations']} | {'yes' if r['converged'] else 'no'} |"
        )
    out += ["", "![scaling curves](reasoning-scaling.png)", ""]
    replace_section("reasoning", out[1:], path)


def draw(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8))
    ax = axes[0]
    peers = results["peers"]
    for k, solver in enumerate(dict.fromkeys(r["solver"] for r in peers)):
        for task, style in (("GR", "-o"), ("DC-CO", "--s")):
            pts = sorted(
                (r["n"], r["seconds"])
                for r in peers
                if r["solver"] == solver
                and r["task"] == task
                and r["family"].startswith("ER")
                and "seconds" in r
            )
            if pts:
                ax.plot(*zip(*pts, strict=True), style, color=f"C{k}", label=f"{solver} {task}")
    ax.set(
        xscale="log",
        yscale="log",
        xlabel="arguments (ER, avg degree 2)",
        ylabel="seconds",
        title="quaestio and peers",
    )
    ax.legend(fontsize=6)
    ax = axes[1]
    for family in dict.fromkeys(r["family"] for r in results["grounded_scaling"]):
        pts = sorted(
            (r["m"], r["total_s"]) for r in results["grounded_scaling"] if r["family"] == family
        )
        ax.plot(*zip(*pts, strict=True), "-o", label=f"{family}: parse + grounded")
        pts = sorted(
            (r["m"], r["clingo_s"])
            for r in results["grounded_scaling"]
            if r["family"] == family and "clingo_s" in r
        )
        if pts:
            ax.plot(*zip(*pts, strict=True), ":x", label=f"{family}: clingo grounded")
    ax.set(
        xscale="log",
        yscale="log",
        xlabel="attacks",
        ylabel="seconds",
        title="grounded, i23 file to answer",
    )
    ax.legend(fontsize=7)
    ax = axes[2]
    for sem in dict.fromkeys(r["semantics"] for r in results["gradual"]):
        pts = sorted(
            (r["edges"], r["seconds"]) for r in results["gradual"] if r["semantics"] == sem
        )
        ax.plot(*zip(*pts, strict=True), "-o", label=sem)
    ax.set(
        xscale="log",
        yscale="log",
        xlabel="edges",
        ylabel="seconds",
        title="gradual semantics to 1e-9",
    )
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
