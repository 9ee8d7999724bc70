"""The verdict view's numbers: every semantics side by side under one set of weights.

A slider move posts the weights and gets this back, so the computation must stay
well under 100 ms for a handout-sized debate (and about 0.3 s at 2,000 points);
``compare`` reports how long it took.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from quaestio.errors import QuaestioError
from quaestio.model import Debate
from quaestio.reasoning import (
    GRADUAL,
    Evaluation,
    PositionResult,
    ach_matrix,
    debate_graph,
    strengths,
)
from quaestio.reasoning.evaluation import SEMANTICS_TITLES, Detail, evaluate_prepared, prepare

# The semantics shown side by side: the gradual ones (which weights move) first,
# then the extension-based ones and ACH.
SHOWN = ("dfquad", "qe", "euler", "hcat", "ach", "grounded", "preferred")
# Explanations (Shapley contributions, deciding evidence, flip point) are batched
# sparse passes over each position's own part of the debate (reasoning/whatif.py),
# worked out for the first method only (the others are ranked). Past this many points the
# page falls back to the plain fixed points so that a slider still answers.
EXPLAIN_LIMIT = 5000
RANK_ONLY_NOTE = (
    f"Deciding evidence, flip point and the extension semantics are worked out for debates"
    f" of up to {EXPLAIN_LIMIT} evidence points; this one is larger, so the gradual and ACH"
    " rankings are shown, recomputed as fast as the sliders move."
)


@dataclass(frozen=True)
class Column:
    semantics: str
    title: str
    evaluation: Evaluation | None
    error: str | None = None


@dataclass(frozen=True)
class Comparison:
    columns: list[Column]
    millis: float
    weights: dict[str, float]

    @property
    def main(self) -> Evaluation | None:
        return self.columns[0].evaluation if self.columns else None

    def leaders(self) -> dict[str, str]:
        return {
            c.semantics: c.evaluation.ranking[0].id
            for c in self.columns
            if c.evaluation is not None and c.evaluation.ranking
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "millis": self.millis,
            "semantics": {
                c.semantics: c.evaluation.to_dict() if c.evaluation else {"error": c.error}
                for c in self.columns
            },
        }


def parse_weights(form: dict[str, str], debate: Debate) -> dict[str, float]:
    """Weights from a form (``w:<node id>`` fields), clamped to [0, 1]; others ignored."""
    known = set(debate.node_ids())
    out: dict[str, float] = {}
    for name, raw in form.items():
        if not name.startswith("w:"):
            continue
        node = name[2:]
        if node not in known:
            continue
        try:
            value = float(raw)
        except ValueError:
            continue
        out[node] = min(1.0, max(0.0, value))
    return out


def rank_only(debate: Debate, semantics: str, weights: dict[str, float]) -> Evaluation:
    """The ranking alone, without explanations: linear in the size of the debate."""
    weighted = debate.with_weights(weights) if weights else debate
    titles = {p.id: p.title for p in debate.positions}
    if semantics == "ach":
        matrix = ach_matrix(weighted)
        score = {p: matrix.strength(p) for p in matrix.positions}
    else:
        graph = debate_graph(weighted)
        score = strengths(graph.qbaf(), semantics).as_dict(graph.ids)
    ranking = sorted(
        (PositionResult(p, titles[p], score[p], None) for p in titles),
        key=lambda r: (-(r.strength or 0.0), r.id),
    )
    return Evaluation(semantics, ranking, [], None, (RANK_ONLY_NOTE,), "none")


def compare(
    debate: Debate, weights: dict[str, float], shown: tuple[str, ...] = SHOWN
) -> Comparison:
    """Every semantics in ``shown`` under ``weights``; a semantics that fails shows its error.

    The page explains the first (default) method only: why its top position leads,
    the deciding evidence and the flip point. The others, under "Compare methods",
    show their rankings, so they are ranked without explanations (``Detail``).
    """
    started = time.perf_counter()
    columns: list[Column] = []
    large = sum(len(p.evidence) for p in debate.positions) > EXPLAIN_LIMIT
    if large:
        shown = tuple(s for s in shown if s in GRADUAL or s == "ach")
    try:
        prepared = None if large else prepare(debate, weights)
    except QuaestioError as exc:  # bad weights: every column says so
        columns = [Column(s, SEMANTICS_TITLES.get(s, s), None, exc.message) for s in shown]
        return Comparison(columns, (time.perf_counter() - started) * 1000.0, weights)
    for n, sem in enumerate(shown):
        title = SEMANTICS_TITLES.get(sem, sem)
        try:
            if prepared is None:
                columns.append(Column(sem, title, rank_only(debate, sem, weights)))
            else:
                detail: Detail = "leaders" if n == 0 else "ranking"
                columns.append(Column(sem, title, evaluate_prepared(prepared, sem, detail)))
        except QuaestioError as exc:
            columns.append(Column(sem, title, None, exc.message))
    return Comparison(columns, (time.perf_counter() - started) * 1000.0, weights)


def distribution(debate: Debate, favoured: list[str | None]) -> list[tuple[str, str, int]]:
    """(position id, title, how many chose it), most chosen first; undecided last."""
    counts: dict[str | None, int] = {}
    for f in favoured:
        counts[f] = counts.get(f, 0) + 1
    rows = [(p.id, p.title, counts.get(p.id, 0)) for p in debate.positions]
    rows.sort(key=lambda r: -r[2])
    if counts.get(None):
        rows.append(("", "no position chosen", counts[None]))
    return rows
