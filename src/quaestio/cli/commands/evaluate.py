"""``quaestio evaluate``: rank a debate's positions and say what decides the verdict."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from quaestio.errors import SolverError
from quaestio.model import Debate

HELP = """Rank the positions of a debate under one or all semantics, with the deciding evidence
and the single weight change that would flip the verdict.

Example: quaestio evaluate examples/purges.debate.md --semantics all
"""


def load_debate(path: Path) -> Debate:
    from quaestio.formats import read_path

    return read_path(path).debate


def render(debate: Debate, semantics: str, as_json: bool, console: Console) -> None:
    """Print the evaluation of ``debate`` (a table, or JSON) to ``console``."""
    from quaestio.reasoning import ALL_SEMANTICS, evaluate

    sems = list(ALL_SEMANTICS) if semantics == "all" else [semantics.lower()]
    for sem in sems:
        if sem not in ALL_SEMANTICS:
            raise SolverError(
                f"unknown semantics {semantics!r}; choose one of {', '.join(ALL_SEMANTICS)} or all",
                field="semantics",
            )
    results = {sem: evaluate(debate, sem) for sem in sems}
    if as_json:
        payload: object = (
            results[sems[0]].to_dict()
            if len(sems) == 1
            else {"semantics": "all", "results": {s: r.to_dict() for s, r in results.items()}}
        )
        console.print_json(json.dumps(payload))
        return
    first = results[sems[0]]
    table = Table(title=debate.title or "evaluation")
    table.add_column("#", justify="right")
    table.add_column("position")
    for sem in sems:
        table.add_column(sem, justify="right")
    cells = {
        sem: {
            r.id: (f"{r.strength:.3f}" if r.strength is not None else str(r.status))
            for r in res.ranking
        }
        for sem, res in results.items()
    }
    for k, row in enumerate(first.ranking, start=1):
        table.add_row(str(k), f"{row.id} {row.title}", *(cells[s].get(row.id, "") for s in sems))
    console.print(table)
    evidence = debate.evidence_by_id()
    for sem, res in results.items():
        top = res.top
        if top is None:
            continue
        why = (
            ", ".join(_describe(e, evidence) for e in res.deciding) or "nothing beyond base weights"
        )
        if top.status in ("out", "undec"):
            console.print(
                f"[bold]{sem}[/]: no position is accepted ({top.id} is {top.status}); "
                f"accepted attackers: {why}",
                highlight=False,
            )
        else:
            console.print(
                f"[bold]{sem}[/]: top is {top.id} ({top.title}); deciding: {why}", highlight=False
            )
        if res.flip is not None:
            f = res.flip
            console.print(
                f"  flip: weight of {f.evidence} {f.old_weight:.3f} -> {f.new_weight:.3f} "
                f"(change {f.margin:.3f}) puts {f.new_top} on top",
                highlight=False,
            )
        for note in res.notes:
            console.print(f"  note: {note}", highlight=False)


def _describe(eid: str, evidence: Mapping[str, object]) -> str:
    item = evidence.get(eid)
    label = getattr(item, "label", None)
    return f"{eid} ({label})" if label else eid


def register(app: typer.Typer) -> None:
    @app.command("evaluate", help=HELP)
    def evaluate_cmd(
        debate: Path = typer.Argument(..., help="A debate file in any readable format."),
        semantics: str = typer.Option(
            "all",
            "--semantics",
            "-s",
            help="dfquad, qe, euler, hcat, grounded, preferred, stable, ach or all.",
        ),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    ) -> None:
        render(load_debate(debate), semantics, as_json, Console(width=120))
