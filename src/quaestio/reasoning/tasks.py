"""ICCMA tasks (``DC-PR``, ``SE-ST``, ...) answered in the ICCMA 2023 output conventions.

Decision tasks print ``YES``/``NO``; with ``witness`` a certificate follows
(``w 1 4 7``: an extension containing the argument for DC, one without it for
DS). ``SE`` prints one extension as ``w ...`` or ``NO`` when there is none;
``EE`` prints every extension as a ``w`` line; ``CE`` prints the count.
Arguments are printed as their numbers for i23 input and by name otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from quaestio.errors import SolverError
from quaestio.reasoning import dung, sat, semi_stable
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.dung import SEMANTICS, SEMANTICS_NAMES

PROBLEMS = ("DC", "DS", "SE", "EE", "CE")
PROBLEM_NAMES = {
    "DC": "credulous acceptance of one argument",
    "DS": "sceptical acceptance of one argument",
    "SE": "some extension",
    "EE": "every extension",
    "CE": "count the extensions",
}
TASKS = tuple(f"{p}-{s}" for p in PROBLEMS for s in SEMANTICS)


@dataclass(frozen=True)
class Answer:
    """The outcome of one task: ``accepted`` for DC/DS, ``extensions`` for SE/EE/DC witness."""

    task: str
    accepted: bool | None = None
    extensions: tuple[frozenset[int], ...] = ()
    count: int | None = None

    def lines(self, af: ArgumentationFramework, witness: bool = False) -> list[str]:
        problem = self.task.split("-", 1)[0]
        if problem in ("DC", "DS"):
            out = ["YES" if self.accepted else "NO"]
            if witness and self.extensions:
                out.append(_w(af, self.extensions[0]))
            return out
        if problem == "CE":
            return [str(self.count)]
        if not self.extensions:
            return ["NO"]
        return [_w(af, ext) for ext in self.extensions]


def _w(af: ArgumentationFramework, ext: frozenset[int]) -> str:
    return " ".join(["w", *af.named(ext)])


def parse_task(task: str) -> tuple[str, str]:
    try:
        problem, semantics = task.strip().upper().split("-", 1)
    except ValueError:
        raise SolverError(
            f"task {task!r} is not PROBLEM-SEMANTICS (e.g. DC-PR)", field="task"
        ) from None
    if problem not in PROBLEMS or semantics not in SEMANTICS:
        raise SolverError(f"unknown task {task!r}; see --problems", field="task")
    return problem, semantics


def solve(af: ArgumentationFramework, task: str, arg: str | None = None) -> Answer:
    """Answer one ICCMA task on ``af`` (``arg`` names the query argument for DC/DS)."""
    problem, sem = parse_task(task)
    name = f"{problem}-{sem}"
    if problem in ("DC", "DS"):
        if arg is None:
            raise SolverError(f"{name} needs a query argument (-a)", field="arg")
        a = af.index(arg)
        return _decide(af, name, problem, sem, a)
    if problem == "SE":
        ext = dung.some_extension(af, sem)
        return Answer(name, extensions=() if ext is None else (ext,))
    if problem == "EE":
        return Answer(name, extensions=tuple(dung.iter_extensions(af, sem)))
    return Answer(name, count=dung.count_extensions(af, sem))


def _decide(af: ArgumentationFramework, name: str, problem: str, sem: str, a: int) -> Answer:
    if problem == "DC":
        if sem in ("CO", "PR", "ST"):
            ext = sat.credulous_sat(af, sem, a)
            if ext is not None and sem == "PR":
                with sat.Encoding(af, "PR") as enc:
                    ext = enc.grow(ext)
            return Answer(name, ext is not None, () if ext is None else (ext,))
        if sem == "SST":
            ext = semi_stable.semi_stable_with(af, a, inside=True)
            return Answer(name, ext is not None, () if ext is None else (ext,))
        ext = dung.some_extension(af, sem)
        return Answer(name, ext is not None and a in ext, () if ext is None else (ext,))
    if sem == "ST":
        counter = sat.sceptical_stable(af, a)
    elif sem == "PR":
        counter = sat.sceptical_preferred(af, a)
    elif sem == "SST":
        counter = semi_stable.semi_stable_with(af, a, inside=False)
    else:
        ext = dung.some_extension(af, sem)
        counter = ext if ext is not None and a not in ext else None
    return Answer(name, counter is None, () if counter is None else (counter,))


def describe_problems() -> list[tuple[str, str]]:
    return [(t, f"{PROBLEM_NAMES[t[:2]]}, {SEMANTICS_NAMES[t[3:]]}") for t in TASKS]
