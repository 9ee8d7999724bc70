"""The verdict view's numbers: every semantics side by side under one set of weights.

A slider move posts the weights and gets this back, so the computation must stay
well under 100 ms for a handout-sized debate; ``compare`` reports how long it took.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from quaestio.errors import QuaestioError
from quaestio.model import Debate
from quaestio.reasoning import Evaluation, evaluate
from quaestio.reasoning.evaluation import SEMANTICS_TITLES

# The semantics shown side by side: the gradual ones (which weights move) first,
# then the extension-based ones and ACH.
SHOWN = ("dfquad", "qe", "euler", "hcat", "ach", "grounded", "preferred")


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


def compare(
    debate: Debate, weights: dict[str, float], shown: tuple[str, ...] = SHOWN
) -> Comparison:
    started = time.perf_counter()
    columns: list[Column] = []
    for sem in shown:
        title = SEMANTICS_TITLES.get(sem, sem)
        try:
            columns.append(Column(sem, title, evaluate(debate, sem, weights)))
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
