"""``quaestio evaluate``: rank a debate's positions and say what decides the verdict."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

import typer

from quaestio.cli.common import load_valid, located_debate, make_console
from quaestio.errors import SolverError, ValidationError

if TYPE_CHECKING:
    from rich.console import Console

    from quaestio.model import Debate, Evidence
    from quaestio.reasoning import Evaluation, PositionResult

HELP = """Weigh the positions of a debate: by default the balance of evidence in plain words
(strongest, weakest, contested, not yet argued; reasons citing points) beside the handout's
own verdict read from its conclusion. --compare (or --semantics) shows the methods side by
side, with the deciding evidence and the single weight change that would flip each.

Example: quaestio evaluate examples/purges.debate.md --compare
"""

ASSUMES = {
    "dfquad": "DF-QuAD — each point adds or takes away strength, so more points, more effect",
    "qe": "quadratic energy — like DF-QuAD but smoother; points still add up",
    "euler": "Euler-based — support minus attack, squashed into 0..1",
    "hcat": "h-categorizer — only attacks count, so a position nobody answers is strongest",
    "grounded": "grounded — accepts only what is defended beyond any doubt",
    "preferred": "preferred — accepts what can be defended consistently",
    "stable": "stable — every argument is either accepted or defeated",
    "ach": "ACH — ranks by how much evidence is inconsistent with each position",
}


def render_plain(debate: Debate, console: Console, as_json: bool) -> None:
    """The default verdict: balance of evidence and the handout's own, in plain words."""
    from quaestio.study.verdict import plain_verdict, verdict_text

    verdict = plain_verdict(debate)
    if as_json:
        console.print_json(json.dumps({"verdict": verdict.to_dict()}))
        return
    console.print(f"[bold]{debate.title}[/]", highlight=False)
    for line in verdict_text(verdict):
        console.print(line, highlight=False, soft_wrap=True, markup=False)
    console.print("(the methods side by side: quaestio evaluate FILE --compare)", highlight=False)


def parse_weights(pairs: list[str]) -> dict[str, float]:
    """``["p1.f2=0.9", ...]`` as a dict, with a clear error for anything else."""
    out: dict[str, float] = {}
    for pair in pairs:
        node, sep, value = pair.partition("=")
        try:
            if not sep or not node.strip():
                raise ValueError
            out[node.strip()] = float(value)
        except ValueError:
            raise ValidationError(
                f"--weight expects NODE=NUMBER (e.g. p1.f2=0.9), got {pair!r}", field="weight"
            ) from None
    return out


def render_ach(debate: Debate, console: Console) -> None:
    """The ACH matrix: ratings per evidence and position (the analyst's marked *), scores."""
    from rich.table import Table

    from quaestio.reasoning import ach_matrix

    m = ach_matrix(debate)
    table = Table(title="ACH matrix (rows: evidence, columns: positions; * set by the analyst)")
    table.add_column("evidence")
    for pid in m.positions:
        table.add_column(pid, justify="center")
    table.add_column("credibility", justify="right")
    table.add_column("relevance", justify="right")
    table.add_column("diagnosticity", justify="right")
    for eid in m.evidence:
        table.add_row(
            eid,
            *(
                m.rating(eid, pid) + ("*" if m.origin(eid, pid) == "analyst" else "")
                for pid in m.positions
            ),
            f"{m.credibility[eid]:.2f}",
            f"{m.relevance[eid]:.2f}",
            f"{m.diagnosticity[eid]:.2f}",
        )
    table.add_row(
        "[bold]inconsistency[/]", *(f"{m.inconsistency[p]:.2f}" for p in m.positions), "", "", ""
    )
    console.print(table)
    if m.analyst:
        console.print(
            f"{len(m.analyst)} cell(s) set by the analyst: "
            + ", ".join(f"{e}/{p} {m.rating(e, p)}" for e, p in sorted(m.analyst)),
            highlight=False,
            soft_wrap=True,
        )
    else:
        console.print("every cell is derived (no analyst ratings)", highlight=False)


def evaluate_many(
    debate: Debate, semantics: str, weights: dict[str, float] | None = None
) -> tuple[list[str], dict[str, Evaluation]]:
    """The semantics asked (``all`` or one name) and their evaluations, prepared once."""
    from quaestio.reasoning.evaluation import (
        ALL_SEMANTICS,
        evaluate_all,
        evaluate_prepared,
        prepare,
    )

    sems = list(ALL_SEMANTICS) if semantics == "all" else [semantics.lower()]
    for sem in sems:
        if sem not in ALL_SEMANTICS:
            raise SolverError(
                f"unknown semantics {semantics!r}; choose one of {', '.join(ALL_SEMANTICS)} or all",
                field="semantics",
            )
    # the loaded debate is valid already (load_valid): only the weights are checked, once
    prepared = prepare(debate, weights, checked=True)
    results = (
        evaluate_all(prepared)
        if semantics == "all"
        else {sem: evaluate_prepared(prepared, sem) for sem in sems}
    )
    return sems, results


def render_json(
    debate: Debate, semantics: str, out: IO[str], weights: dict[str, float] | None = None
) -> None:
    """The evaluation as one line of compact JSON, written straight to ``out`` (no rich)."""
    sems, results = evaluate_many(debate, semantics, weights)
    payload: dict[str, object] = (
        results[sems[0]].to_dict()
        if len(sems) == 1
        else {"semantics": "all", "results": {s: r.to_dict() for s, r in results.items()}}
    )
    if "ach" in sems:
        from quaestio.reasoning import ach_matrix

        weighted = debate.with_weights(weights) if weights else debate
        payload["ach_matrix"] = ach_matrix(weighted).to_dict()
    # compact and straight to the stream: rich's pretty-printer took 40 s on 2.6 MB
    out.write(json.dumps(payload, separators=(",", ":")) + "\n")


def render(
    debate: Debate,
    semantics: str,
    as_json: bool,
    console: Console,
    weights: dict[str, float] | None = None,
) -> None:
    """Print the evaluation of ``debate`` (a table, or JSON) to ``console``."""
    if as_json:
        render_json(debate, semantics, console.file, weights)
        return
    from rich.table import Table

    sems, results = evaluate_many(debate, semantics, weights)
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
    notes: dict[str, list[str]] = {}
    said: dict[tuple[str, ...], list[str]] = {}  # semantics that say the same thing share a line
    for sem, res in results.items():
        if res.top is not None:
            said.setdefault(_verdict(res, evidence), []).append(sem)
        for note in res.notes:
            notes.setdefault(note, []).append(sem)
    for (lead, *more), names in said.items():
        console.print(f"[bold]{', '.join(names)}[/]: {lead}", highlight=False)
        for line in more:
            console.print(f"  {line}", highlight=False)
    for note, where in notes.items():
        scope = "" if len(where) == len(results) else f" ({', '.join(where)})"
        console.print(f"note{scope}: {note}", highlight=False)
    console.print("what each method assumes:", highlight=False)
    for sem in sems:
        console.print(f"  - {ASSUMES[sem]}", highlight=False)


def _verdict(res: Evaluation, evidence: Mapping[str, Evidence]) -> tuple[str, ...]:
    """What one semantics concludes: the top and what decides it, then its flip point."""
    top = res.top
    assert top is not None
    why = ", ".join(_describe(e, evidence) for e in res.deciding) or "nothing beyond base weights"
    tied = _tied_with_top(res.ranking)
    if top.status in ("out", "undec"):
        lead = f"no position is accepted ({top.id} is {top.status}); accepted attackers: {why}"
    elif len(tied) == 1:
        lead = f"top is {top.id} ({top.title}); deciding: {why}"
    else:
        lead = f"{len(tied)} positions share the top ({', '.join(tied)}); deciding: {why}"
    if res.flip is not None:
        f = res.flip
        return (
            lead,
            f"flip: weight of {f.evidence} {f.old_weight:.3f} -> {f.new_weight:.3f} "
            f"(change {f.margin:.3f}) puts {f.new_top} on top",
        )
    if top.strength is not None and len(res.ranking) > 1 and len(tied) == 1:
        return lead, "robust: no single weight change within [0, 1] puts another position on top"
    return (lead,)


def _tied_with_top(ranking: Sequence[PositionResult]) -> list[str]:
    """Ids ranked level with the first: same strength (gradual, ACH) or same status (extensions)."""
    first = ranking[0]
    if first.strength is not None:
        return [
            r.id
            for r in ranking
            if r.strength is not None and abs(r.strength - first.strength) <= 1e-9
        ]
    return [r.id for r in ranking if r.status == first.status]


def _describe(eid: str, evidence: Mapping[str, Evidence]) -> str:
    """An evidence id a teacher can find in the handout: its label or opening words, and line."""
    from quaestio.study.text import shorten

    item = evidence.get(eid)
    if item is None:
        return eid
    name = item.label or f"“{shorten(item.text, 6)}”"
    line = item.source.line_start if item.source else None
    return f"{eid} ({name}, line {line})" if line else f"{eid} ({name})"


def register(app: typer.Typer) -> None:
    @app.command("evaluate", help=HELP)
    def evaluate_cmd(
        debate: Path = typer.Argument(..., help="A debate file in any readable format."),
        semantics: str | None = typer.Option(
            None,
            "--semantics",
            "-s",
            help="Compare methods: dfquad, qe, euler, hcat, grounded, preferred, stable, ach "
            "or all.",
        ),
        compare: bool = typer.Option(
            False, "--compare", help="Compare methods: every semantics side by side."
        ),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
        weight: list[str] = typer.Option(
            [], "--weight", "-w", help="What-if: set a node's weight, e.g. -w p1.f2=0.9."
        ),
        ach: bool = typer.Option(
            False,
            "--ach-matrix",
            help="Also print the ACH matrix (always shown with --semantics ach).",
        ),
    ) -> None:
        # only the table cites lines: JSON output skips giving every node its line
        loaded = load_valid(debate).debate if as_json else located_debate(debate)
        weights = parse_weights(weight)
        if semantics is not None or compare or weights or ach:
            semantics = semantics or "all"
            if as_json:  # rich is not even loaded: the JSON goes straight out
                render_json(loaded, semantics, sys.stdout, weights)
                return
        console = make_console(width=120)
        if semantics is None:
            render_plain(loaded, console, as_json)
            return
        render(loaded, semantics, as_json, console, weights)
        if (ach or semantics.lower() == "ach") and not as_json:
            render_ach(loaded.with_weights(weights), console)
