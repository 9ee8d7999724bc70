"""The solvers measured side by side: quaestio, clingo with our encodings, and PyPI peers.

Each peer is a pair (prepare, run): ``prepare`` turns a framework into the
peer's own data structure (not timed), ``run`` answers the task (timed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quaestio.reasoning import credulous, grounded, kernels
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.asp import asp_credulous, asp_extensions

Prepared = Any
Peer = tuple[Callable[[ArgumentationFramework], Prepared], Callable[[Prepared, str, int], object]]


def _quaestio() -> Peer:
    def prepare(af: ArgumentationFramework) -> Prepared:
        """Build the CSR adjacency and load the compiled kernel, as a long-running process would."""
        kernels.warm()
        af.out_csr, af.in_csr, af.in_degree  # noqa: B018
        grounded(af)
        return af

    def run(af: ArgumentationFramework, task: str, arg: int) -> object:
        return grounded(af) if task == "GR" else credulous(af, "CO", arg)

    return prepare, run


def _clingo() -> Peer:
    def run(af: ArgumentationFramework, task: str, arg: int) -> object:
        return asp_extensions(af, "GR") if task == "GR" else asp_credulous(af, "CO", arg)

    return (lambda af: af, run)


def _formal_argumentation() -> Peer:
    from argumentation.core import dung as fa
    from argumentation.solving.solver import solve_dung_acceptance

    def prepare(af: ArgumentationFramework) -> Prepared:
        return fa.ArgumentationFramework(
            arguments=frozenset(str(i) for i in range(af.n)),
            defeats=frozenset((str(a), str(b)) for a, b in af.attack_list()),
        )

    def run(fw: Prepared, task: str, arg: int) -> object:
        if task == "GR":
            return fa.grounded_extension(fw)
        result = solve_dung_acceptance(
            fw, semantics="complete", task="credulous", query=str(arg), backend="sat"
        )
        return result.answer

    return prepare, run


def _pygarg() -> Peer:
    from pygarg.dung import solver

    def prepare(af: ArgumentationFramework) -> Prepared:
        return [str(i) for i in range(af.n)], [[str(a), str(b)] for a, b in af.attack_list()]

    def run(p: Prepared, task: str, arg: int) -> object:
        args, atts = p
        if task == "GR":
            return solver.compute_grounded_extension(args, atts)
        return solver.credulous_acceptability(args, atts, str(arg), "CO")

    return prepare, run


def _py_arg() -> Peer:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    def prepare(af: ArgumentationFramework) -> Prepared:
        arguments = [Argument(str(i)) for i in range(af.n)]
        defeats = [Defeat(arguments[a], arguments[b]) for a, b in af.attack_list()]
        return AbstractArgumentationFramework("af", arguments, defeats)

    def run(fw: Prepared, task: str, arg: int) -> object:
        if task != "GR":
            raise NotImplementedError("python-argumentation has no acceptance query")
        return get_grounded_extension(fw)

    return prepare, run


PEERS: dict[str, Callable[[], Peer]] = {
    "quaestio": _quaestio,
    "clingo (our encodings)": _clingo,
    "formal-argumentation": _formal_argumentation,
    "pygarg": _pygarg,
    "python-argumentation": _py_arg,
}
