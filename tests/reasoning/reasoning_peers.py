"""Adapters to the Python argumentation libraries from PyPI used as second opinions."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from quaestio.reasoning.af import ArgumentationFramework

Extensions = set[frozenset[int]]


def brute_force(af: ArgumentationFramework, sem: str) -> Extensions:
    """Definitions applied to every subset: slow, obviously right, for n <= 8."""
    att = set(af.attack_list())
    args = range(af.n)

    def cf(s: frozenset[int]) -> bool:
        return not any((a, b) in att for a in s for b in s)

    def defended(s: frozenset[int], x: int) -> bool:
        return all(any((c, b) in att for c in s) for b in args if (b, x) in att)

    subsets = [frozenset(c) for k in range(af.n + 1) for c in combinations(args, k)]
    adm = [s for s in subsets if cf(s) and all(defended(s, x) for x in s)]
    co = [s for s in adm if all(x in s for x in args if defended(s, x))]

    def rng(s: frozenset[int]) -> frozenset[int]:
        return s | {b for a, b in att if a in s}

    if sem == "CO":
        return set(co)
    if sem == "GR":
        return {min(co, key=len)}
    if sem == "PR":
        return {s for s in co if not any(s < t for t in co)}
    if sem == "ST":
        return {s for s in co if len(rng(s)) == af.n}
    if sem == "SST":
        return {s for s in co if not any(rng(s) < rng(t) for t in co)}
    prefs = [s for s in co if not any(s < t for t in co)]
    inside = frozenset.intersection(*prefs)
    return {max((s for s in adm if s <= inside), key=len)}


def formal_argumentation(af: ArgumentationFramework, sem: str) -> Extensions:
    from argumentation.core import dung as fa

    framework = fa.ArgumentationFramework(
        arguments=frozenset(str(i) for i in range(af.n)),
        defeats=frozenset((str(a), str(b)) for a, b in af.attack_list()),
    )
    funcs: dict[str, Callable[[fa.ArgumentationFramework], object]] = {
        "GR": lambda f: [fa.grounded_extension(f)],
        "CO": fa.complete_extensions,
        "PR": fa.preferred_extensions,
        "ST": fa.stable_extensions,
        "SST": fa.semi_stable_extensions,
        "ID": lambda f: [fa.ideal_extension(f)],
    }
    result = funcs[sem](framework)
    return {frozenset(int(x) for x in e) for e in result}  # type: ignore[attr-defined]


def pygarg(af: ArgumentationFramework, sem: str) -> Extensions:
    from pygarg.dung import solver

    args = [str(i) for i in range(af.n)]
    atts = [[str(a), str(b)] for a, b in af.attack_list()]
    return {frozenset(int(x) for x in e) for e in solver.extension_enumeration(args, atts, sem)}


def py_arg(af: ArgumentationFramework, sem: str) -> Extensions:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics import (
        get_complete_extensions,
        get_grounded_extension,
        get_preferred_extensions,
        get_stable_extensions,
    )

    arguments = [Argument(str(i)) for i in range(af.n)]
    defeats = [Defeat(arguments[a], arguments[b]) for a, b in af.attack_list()]
    framework = AbstractArgumentationFramework("af", arguments, defeats)
    funcs: dict[str, Callable[[AbstractArgumentationFramework], object]] = {
        "GR": lambda f: [get_grounded_extension.get_grounded_extension(f)],
        "CO": get_complete_extensions.get_complete_extensions,
        "PR": get_preferred_extensions.get_preferred_extensions,
        "ST": get_stable_extensions.get_stable_extensions,
    }
    result = funcs[sem](framework)
    return {frozenset(int(a.name) for a in e) for e in result}  # type: ignore[attr-defined]
