"""``evaluate``: rank a debate's positions under one semantics and say why.

Gradual semantics (DF-QuAD, quadratic energy, Euler-based, h-categorizer) and
ACH give each position a strength in [0, 1], Shapley contributions of each
evidence item, the evidence that decides the top and the flip point.
Extension semantics (grounded, preferred, stable) give each position a status:
``in`` when it is in every extension, ``out`` when every extension defeats it,
``undec`` otherwise (also when there is no stable extension at all); their
contributions are +1 for an accepted argument that defends or supports the
position and -1 for an accepted attacker, and they have no flip point since
weights do not enter them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from quaestio.errors import SolverError, ValidationError
from quaestio.model import Debate, validate
from quaestio.reasoning import dung
from quaestio.reasoning.bipolar import DebateGraph, debate_graph
from quaestio.reasoning.explain import EXACT_LIMIT, Flip, flip_point, shapley
from quaestio.reasoning.gradual import GRADUAL
from quaestio.reasoning.labelling import IN, OUT, labelling_of
from quaestio.reasoning.whatif import AchGame, GradualGame

EXTENSION = ("grounded", "preferred", "stable")
#: how much of an evaluation to work out: ``full`` (every position's contributions),
#: ``leaders`` (the contributions of the first two only: what a verdict page shows of
#: why the top leads and what decides it; the same deciding evidence and flip point),
#: ``ranking`` (strengths or statuses alone, for a method shown side by side)
Detail = Literal["full", "leaders", "ranking"]
ALL_SEMANTICS = (*GRADUAL, *EXTENSION, "ach")
SEMANTICS_TITLES = {
    "dfquad": "DF-QuAD",
    "qe": "quadratic energy",
    "euler": "Euler-based",
    "hcat": "h-categorizer",
    "grounded": "grounded",
    "preferred": "preferred",
    "stable": "stable",
    "ach": "ACH",
}


@dataclass(frozen=True)
class PositionResult:
    id: str
    title: str
    strength: float | None
    status: str | None
    contributions: dict[str, float] = field(default_factory=dict)
    defended_by: tuple[str, ...] = ()
    defeated_by: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        ordered = sorted(self.contributions.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
        return {
            "id": self.id,
            "title": self.title,
            "strength": self.strength,
            "status": self.status,
            "contributions": [{"evidence": e, "value": v} for e, v in ordered],
            "defended_by": list(self.defended_by),
            "defeated_by": list(self.defeated_by),
        }


@dataclass(frozen=True)
class Evaluation:
    semantics: str
    ranking: list[PositionResult]
    deciding: list[str]
    flip: Flip | None
    notes: tuple[str, ...] = ()
    contributions_method: str = "shapley-exact"

    @property
    def top(self) -> PositionResult | None:
        return self.ranking[0] if self.ranking else None

    def to_dict(self) -> dict[str, object]:
        return {
            "semantics": self.semantics,
            "positions": [r.to_dict() for r in self.ranking],
            "deciding": list(self.deciding),
            "flip": None if self.flip is None else self.flip.to_dict(),
            "contributions_method": self.contributions_method,
            "notes": list(self.notes),
        }


def evaluate(
    debate: Debate, semantics: str = "dfquad", weights: dict[str, float] | None = None
) -> Evaluation:
    """Rank the positions of ``debate`` under ``semantics`` (see ``ALL_SEMANTICS``)."""
    sem = _known(semantics)
    return evaluate_prepared(prepare(debate, weights), sem)


def evaluate_all(
    debate: Debate | Prepared, weights: dict[str, float] | None = None
) -> dict[str, Evaluation]:
    """Every semantics on one prepared debate (checked and turned into a graph once)."""
    prepared = debate if isinstance(debate, Prepared) else prepare(debate, weights)
    return {sem: evaluate_prepared(prepared, sem) for sem in ALL_SEMANTICS}


@dataclass(frozen=True)
class Prepared:
    """A debate with its weights applied, checked and turned into a graph, once for many semantics."""

    debate: Debate
    graph: DebateGraph


def prepare(
    debate: Debate, weights: dict[str, float] | None = None, *, checked: bool = False
) -> Prepared:
    """Apply ``weights`` and check them (a ``ValidationError`` names each bad node).

    ``checked`` says the caller has validated ``debate`` already (the CLI loads
    through ``load_valid``), so without ``weights`` there is nothing left to check.
    """
    if weights:
        debate = debate.with_weights(weights)
    elif checked:
        return Prepared(debate, debate_graph(debate))
    bad = [p for p in validate(debate) if p.code in ("bad_weight", "weight_out_of_range")]
    if bad:
        raise ValidationError("; ".join(p.message for p in bad), problems=list(bad), field="weight")
    return Prepared(debate, debate_graph(debate))


def evaluate_prepared(prepared: Prepared, semantics: str, detail: Detail = "full") -> Evaluation:
    """``evaluate`` on a prepared debate: semantics side by side share the checks and the graph.

    ``detail`` (see ``Detail``) lets a page that shows less compute less: on a
    2,000-point debate the contributions of every position and a flip point per
    method took seconds that the verdict page spent on numbers it never showed.
    """
    sem = _known(semantics)
    if sem in EXTENSION:
        return _extension(prepared.debate, prepared.graph, sem)
    return _quantitative(prepared.debate, prepared.graph, sem, detail)


def _known(semantics: str) -> str:
    sem = semantics.lower()
    if sem not in ALL_SEMANTICS:
        raise SolverError(
            f"unknown semantics {semantics!r}; known: {', '.join(ALL_SEMANTICS)}", field="semantics"
        )
    return sem


# -- gradual and ACH ------------------------------------------------------------------
def _quantitative(debate: Debate, graph: DebateGraph, sem: str, detail: Detail) -> Evaluation:
    p = graph.n_positions
    base = np.array(graph.weights, dtype=np.float64)
    game: GradualGame | AchGame
    if sem == "ach":
        game = AchGame(debate, graph)
        tiebreak = game.consistency
        players = game.players
    else:
        game = GradualGame(graph, sem)
        tiebreak = np.zeros(p)
        players = [game.players(i) for i in range(p)]
    full = game.strengths
    order = sorted(range(p), key=lambda i: (-full[i], -tiebreak[i], i))
    if detail == "ranking":
        wanted: set[int] = set()
    elif detail == "leaders":
        wanted = set(order[:2])
    else:
        wanted = set(range(p))
    contrib, exact = shapley(game, [pl if i in wanted else [] for i, pl in enumerate(players)])
    titles = {pos.id: pos.title for pos in debate.positions}
    ranking = [
        PositionResult(
            graph.ids[i],
            titles[graph.ids[i]],
            float(full[i]),
            None,
            {graph.ids[j]: v for j, v in contrib[i].items()},
        )
        for i in order
    ]
    deciding: list[str] = []
    flip: Flip | None = None
    if detail == "ranking":
        return Evaluation(sem, ranking, [], None, _unopposed(debate), "none")
    if p >= 1:
        top = order[0]
        if p >= 2:
            deciding = _deciding(full, contrib, top, order[1], graph)
        # ACH rates evidence only; a gradual semantics may also move a claim's or a link's weight
        end = p + sum(1 for _ in debate.iter_evidence()) if sem == "ach" else graph.n
        flip = flip_point(game, base, list(range(p, end)), graph.ids, top)
    notes = (
        ()
        if exact
        else (
            f"contributions estimated from sampled orderings (more than {EXACT_LIMIT} evidence"
            " items for a position): they add up exactly, each within about 0.03 of its exact value",
        )
    ) + _unopposed(debate)
    return Evaluation(
        sem, ranking, deciding, flip, notes, "shapley-exact" if exact else "shapley-sampled"
    )


def _unopposed(debate: Debate) -> tuple[str, ...]:
    """A caveat a historian would add: support alone, with nothing against it, ranks high."""
    alone = [p.title for p in debate.positions if p.supporting and not p.countering]
    if not alone:
        return ()
    names = "; ".join(f"“{t}”" for t in alone)
    return (
        f"no countering evidence in the debate for {names}: their strength rests on support alone",
    )


def _deciding(
    full: NDArray[np.float64],
    contrib: list[dict[int, float]],
    top: int,
    second: int,
    graph: DebateGraph,
) -> list[str]:
    """Fewest items whose share of the gap, taken away, closes the gap between first and second."""
    keys = set(contrib[top]) | set(contrib[second])
    gap_share = {j: contrib[top].get(j, 0.0) - contrib[second].get(j, 0.0) for j in keys}
    gap = float(full[top] - full[second])
    chosen: list[str] = []
    for j, share in sorted(gap_share.items(), key=lambda kv: (-kv[1], kv[0])):
        if share <= 1e-12:
            break
        chosen.append(graph.ids[j])
        gap -= share
        if gap <= 0:
            break
    return chosen


# -- extension semantics ----------------------------------------------------------------
def _extension(debate: Debate, graph: DebateGraph, sem: str) -> Evaluation:
    af = graph.dung()
    code = {"grounded": "GR", "preferred": "PR", "stable": "ST"}[sem]
    exts = dung.extensions(af, code)
    notes: list[str] = list(_unopposed(debate))
    if not exts:
        notes.append("there is no stable extension: every position is undecided")
    labellings = [labelling_of(af, e) for e in exts]
    p = graph.n_positions
    titles = {pos.id: pos.title for pos in debate.positions}
    results: list[tuple[int, PositionResult]] = []
    accepted = set.intersection(*(set(e) for e in exts)) if exts else set()
    for i in range(p):
        if labellings and all(lab[i] == IN for lab in labellings):
            status = "in"
        elif labellings and all(lab[i] == OUT for lab in labellings):
            status = "out"
        else:
            status = "undec"
        attackers = af.attackers(i).tolist()
        defeated_by = sorted(a for a in attackers if a in accepted)
        defenders = sorted(
            {d for a in attackers for d in af.attackers(a).tolist() if d in accepted}
        )
        supporters = sorted(a for a, b in graph.supports if b == i and a in accepted)
        contributions = {graph.ids[a]: -1.0 for a in defeated_by if a >= p}
        contributions |= {graph.ids[d]: 1.0 for d in {*defenders, *supporters} if d >= p}
        rank = {"in": 0, "undec": 1, "out": 2}[status]
        results.append(
            (
                rank,
                PositionResult(
                    graph.ids[i],
                    titles[graph.ids[i]],
                    None,
                    status,
                    contributions,
                    tuple(graph.ids[d] for d in sorted(set(defenders))),
                    tuple(graph.ids[a] for a in defeated_by),
                ),
            )
        )
    ranking = [r for _, r in sorted(results, key=lambda t: t[0])]
    deciding: list[str] = []
    if ranking and ranking[0].status == "in":
        deciding = sorted(
            {*ranking[0].defended_by, *(d for r in ranking[1:] for d in r.defeated_by)}
        )
    elif ranking:  # nobody is accepted: what decides is what defeats them
        deciding = sorted({d for r in ranking for d in r.defeated_by})
    return Evaluation(sem, ranking, deciding, None, tuple(notes), "extension")
