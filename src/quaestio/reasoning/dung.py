"""Dung semantics behind one interface: extensions, acceptance, labellings.

Grounded uses the vectorised propagation in ``grounded``; complete, preferred,
stable and semi-stable use incremental SAT (``sat``, ``semi_stable``); ideal is
the largest admissible set of credulously accepted arguments that no credulously
accepted argument attacks, which needs no preferred extension at all.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from quaestio.errors import SolverError
from quaestio.reasoning import sat, semi_stable
from quaestio.reasoning.admissible import credulously_accepted
from quaestio.reasoning.af import ArgumentationFramework, gather
from quaestio.reasoning.labelling import IN, UNDEC, grounded, grounded_labelling

SEMANTICS = ("GR", "CO", "PR", "ST", "SST", "ID")
SEMANTICS_NAMES = {
    "GR": "grounded",
    "CO": "complete",
    "PR": "preferred",
    "ST": "stable",
    "SST": "semi-stable",
    "ID": "ideal",
}
_ALIASES = {v: k for k, v in SEMANTICS_NAMES.items()} | {"semistable": "SST", "semi_stable": "SST"}


def normalise(semantics: str) -> str:
    key = semantics.strip()
    if key.upper() in SEMANTICS:
        return key.upper()
    if key.lower() in _ALIASES:
        return _ALIASES[key.lower()]
    raise SolverError(
        f"unknown semantics {semantics!r}; known: {', '.join(SEMANTICS)}", field="semantics"
    )


def iter_extensions(af: ArgumentationFramework, semantics: str) -> Iterator[frozenset[int]]:
    """Every extension of ``af`` under ``semantics``, one at a time."""
    sem = normalise(semantics)
    if sem != "GR":
        decided = decided_grounded(af)
        if decided is not None:  # the grounded labelling is then the only complete one
            yield decided
            return
    if sem == "GR":
        yield grounded(af)
    elif sem == "ID":
        yield ideal(af)
    elif sem == "CO":
        yield from sat.iter_complete(af)
    elif sem == "PR":
        yield from sat.iter_preferred(af)
    elif sem == "ST":
        yield from sat.iter_stable(af)
    else:
        yield from semi_stable.iter_semi_stable(af)


def decided_grounded(af: ArgumentationFramework) -> frozenset[int] | None:
    """The grounded extension when it leaves no argument undecided, else None.

    Every complete labelling agrees with the grounded one where that one is IN or
    OUT, so when nothing is UNDEC it is the only complete labelling, and the only
    preferred, stable, semi-stable and ideal one too. Debates are mostly acyclic,
    where this always holds: their extensions need no SAT solver (nor its import).
    """
    labels = grounded_labelling(af)
    if bool((labels == UNDEC).any()):
        return None
    return frozenset(np.flatnonzero(labels == IN).tolist())


def extensions(af: ArgumentationFramework, semantics: str) -> list[frozenset[int]]:
    return list(iter_extensions(af, semantics))


def some_extension(af: ArgumentationFramework, semantics: str) -> frozenset[int] | None:
    """One extension (``SE-``), or None when there is none (only possible for stable)."""
    sem = normalise(semantics)
    if sem in ("GR", "CO"):
        return grounded(af)
    if sem == "SST":
        decided = decided_grounded(af)
        return decided if decided is not None else semi_stable.some_semi_stable(af)
    return next(iter_extensions(af, sem), None)


def count_extensions(af: ArgumentationFramework, semantics: str) -> int:
    return sum(1 for _ in iter_extensions(af, semantics))


def credulous(af: ArgumentationFramework, semantics: str, arg: int) -> bool:
    """Is ``arg`` in at least one extension?"""
    sem = normalise(semantics)
    if sem == "GR":
        return bool(grounded_labelling(af)[arg] == IN)
    if sem == "ID":
        return arg in ideal(af)
    if sem in ("CO", "PR"):  # in some complete iff in some preferred iff in some admissible
        return credulously_accepted(af, arg)
    decided = decided_grounded(af)
    if decided is not None:  # the only stable and semi-stable extension
        return arg in decided
    if sem == "ST":
        return sat.credulous_sat(af, sem, arg) is not None
    return semi_stable.semi_stable_with(af, arg, inside=True) is not None


def sceptical(af: ArgumentationFramework, semantics: str, arg: int) -> bool:
    """Is ``arg`` in every extension? (True when there is none, as ICCMA rules.)"""
    sem = normalise(semantics)
    if sem in ("GR", "CO"):
        return bool(grounded_labelling(af)[arg] == IN)
    if sem == "ID":
        return arg in ideal(af)
    if sem in ("ST", "SST") and (decided := decided_grounded(af)) is not None:
        return arg in decided  # the only stable and semi-stable extension
    if sem == "ST":
        return sat.sceptical_stable(af, arg) is None
    if sem == "PR":
        label = grounded_labelling(af)[arg]
        if (
            label != UNDEC
        ):  # grounded is inside every preferred extension, and attacks nothing in one
            return bool(label == IN)
        # No credulous pre-check: when no admissible set holds ``arg`` the first preferred
        # extension grown lacks it and answers at once, whereas proving the pre-check's
        # "no" is a hard UNSAT call (8.5 of 8.7 s on the ICCMA 2015 SCC instance 320028).
        return sat.sceptically_preferred(af, arg)
    return semi_stable.semi_stable_with(af, arg, inside=False) is None


def ideal(af: ArgumentationFramework) -> frozenset[int]:
    """The largest admissible set inside every preferred extension.

    No enumeration of preferred extensions: the largest admissible subset of
    the members of one preferred extension that no credulously accepted
    argument attacks (``sat.ideal_candidates``, Dunne's characterisation).
    """
    return largest_admissible_subset(af, sat.ideal_candidates(af))


def largest_admissible_subset(af: ArgumentationFramework, keep: np.ndarray) -> frozenset[int]:
    """Drop members not defended by the rest until nothing changes (``keep`` conflict-free)."""
    keep = keep.copy()
    out_ptr, out_cols = af.out_csr
    while True:
        attacked = np.zeros(af.n, dtype=bool)
        attacked[gather(out_ptr, out_cols, np.flatnonzero(keep))] = True
        # an attacker not attacked by the set leaves its targets undefended
        free = ~attacked[af.src]
        undefended = np.zeros(af.n, dtype=bool)
        undefended[af.dst[free]] = True
        drop = keep & (undefended | attacked)
        if not drop.any():
            return frozenset(np.flatnonzero(keep).tolist())
        keep &= ~drop
