"""The reasoning engine: Dung semantics, gradual strengths, ACH and explanations.

Pure functions over the model; numpy, scipy, python-sat and clingo do the work.

The names below load their module on first use (PEP 562): ``quaestio solve``
needs the Dung solvers, not the scipy matrices of the gradual semantics, and a
command that answers in a fraction of a second cannot import both.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quaestio.reasoning.ach import RATINGS, AchMatrix, ach_matrix
    from quaestio.reasoning.af import ArgumentationFramework
    from quaestio.reasoning.bipolar import DebateGraph, debate_graph
    from quaestio.reasoning.dung import (
        SEMANTICS,
        count_extensions,
        credulous,
        extensions,
        ideal,
        iter_extensions,
        sceptical,
        some_extension,
    )
    from quaestio.reasoning.evaluation import (
        ALL_SEMANTICS,
        Evaluation,
        PositionResult,
        evaluate,
        evaluate_all,
    )
    from quaestio.reasoning.explain import Flip
    from quaestio.reasoning.gradual import GRADUAL, QBAF, GradualResult, strengths
    from quaestio.reasoning.labelling import (
        IN,
        OUT,
        UNDEC,
        grounded,
        grounded_labelling,
        label_names,
        labelling_of,
    )

_WHERE: dict[str, str] = {
    "RATINGS": "quaestio.reasoning.ach",
    "AchMatrix": "quaestio.reasoning.ach",
    "ach_matrix": "quaestio.reasoning.ach",
    "ArgumentationFramework": "quaestio.reasoning.af",
    "DebateGraph": "quaestio.reasoning.bipolar",
    "debate_graph": "quaestio.reasoning.bipolar",
    "SEMANTICS": "quaestio.reasoning.dung",
    "count_extensions": "quaestio.reasoning.dung",
    "credulous": "quaestio.reasoning.dung",
    "extensions": "quaestio.reasoning.dung",
    "ideal": "quaestio.reasoning.dung",
    "iter_extensions": "quaestio.reasoning.dung",
    "sceptical": "quaestio.reasoning.dung",
    "some_extension": "quaestio.reasoning.dung",
    "ALL_SEMANTICS": "quaestio.reasoning.evaluation",
    "Evaluation": "quaestio.reasoning.evaluation",
    "PositionResult": "quaestio.reasoning.evaluation",
    "evaluate": "quaestio.reasoning.evaluation",
    "evaluate_all": "quaestio.reasoning.evaluation",
    "Flip": "quaestio.reasoning.explain",
    "GRADUAL": "quaestio.reasoning.gradual",
    "QBAF": "quaestio.reasoning.gradual",
    "GradualResult": "quaestio.reasoning.gradual",
    "strengths": "quaestio.reasoning.gradual",
    "IN": "quaestio.reasoning.labelling",
    "OUT": "quaestio.reasoning.labelling",
    "UNDEC": "quaestio.reasoning.labelling",
    "grounded": "quaestio.reasoning.labelling",
    "grounded_labelling": "quaestio.reasoning.labelling",
    "label_names": "quaestio.reasoning.labelling",
    "labelling_of": "quaestio.reasoning.labelling",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__all__ = [
    "ALL_SEMANTICS",
    "GRADUAL",
    "IN",
    "OUT",
    "QBAF",
    "RATINGS",
    "SEMANTICS",
    "UNDEC",
    "AchMatrix",
    "ArgumentationFramework",
    "DebateGraph",
    "Evaluation",
    "Flip",
    "GradualResult",
    "PositionResult",
    "ach_matrix",
    "count_extensions",
    "credulous",
    "debate_graph",
    "evaluate",
    "evaluate_all",
    "extensions",
    "grounded",
    "grounded_labelling",
    "ideal",
    "iter_extensions",
    "label_names",
    "labelling_of",
    "sceptical",
    "some_extension",
    "strengths",
]
