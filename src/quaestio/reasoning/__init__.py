"""The reasoning engine: Dung semantics, gradual strengths, ACH and explanations.

Pure functions over the model; numpy, scipy, python-sat and clingo do the work.
"""

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
