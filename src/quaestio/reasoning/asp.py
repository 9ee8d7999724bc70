"""Independent ASP (clingo) encodings of the Dung semantics.

They share no code with the SAT and propagation solvers, so the tests can use
them as a second opinion on random frameworks, and the benchmark can put clingo
beside the native solvers. Preferred and semi-stable use clingo's domain
heuristics with ``--enum-mode=domRec``, which enumerates the models whose
``in/1`` (resp. ``range/1``) atoms are subset-maximal.
"""

from __future__ import annotations

import clingo

from quaestio.errors import SolverError
from quaestio.reasoning.af import ArgumentationFramework

BASE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
"""
COMPLETE = BASE + ":- out(X), not undefended(X).\n"
ENCODINGS = {
    "ADM": BASE,
    "CO": COMPLETE,
    "ST": BASE + ":- out(X), not defeated(X).\n",
    "PR": COMPLETE + "#heuristic in(X) : arg(X). [1,true]\n",
    "SST": COMPLETE
    + "range(X) :- in(X).\nrange(X) :- defeated(X).\n#heuristic range(X) : arg(X). [1,true]\n",
    "GR": "g_def(X) :- g_in(Y), att(Y,X).\ng_in(X) :- arg(X), g_def(Y) : att(Y,X).\n",
}
SHOW = {"GR": "g_in"}


def facts(af: ArgumentationFramework) -> str:
    args = "".join(f"arg({i}).\n" for i in range(af.n))
    atts = "".join(f"att({a},{b}).\n" for a, b in af.attack_list())
    return args + atts


def _solve(program: str, shown: str, options: list[str]) -> list[frozenset[int]]:
    ctl = clingo.Control(["0", "--warn=none", *options], logger=lambda _code, _msg: None)
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    found: list[frozenset[int]] = []

    def on_model(model: clingo.Model) -> None:
        found.append(
            frozenset(
                sym.arguments[0].number
                for sym in model.symbols(atoms=True)
                if sym.name == shown and len(sym.arguments) == 1
            )
        )

    ctl.solve(on_model=on_model)
    return list(dict.fromkeys(found))


def asp_extensions(af: ArgumentationFramework, semantics: str) -> list[frozenset[int]]:
    """Every extension according to clingo and the encodings above.

    Semi-stable takes two passes: domRec yields one model per subset-maximal
    range, then each such range is fixed and all complete extensions with
    exactly that range are enumerated.
    """
    if semantics not in ENCODINGS:
        raise SolverError(f"no ASP encoding for {semantics!r}", field="semantics")
    domain = ["--heuristic=Domain", "--enum-mode=domRec"]
    program = facts(af) + ENCODINGS[semantics]
    if semantics == "PR":
        return _solve(program, "in", domain)
    if semantics != "SST":
        return _solve(program, SHOW.get(semantics, "in"), [])
    out: list[frozenset[int]] = []
    for rng in _solve(program, "range", domain):
        fixed = "".join(f"r({x}).\n" for x in sorted(rng))
        fixed += ":- range(X), not r(X).\n:- r(X), not range(X).\n"
        out.extend(_solve(program.replace("#heuristic", "% #heuristic") + fixed, "in", []))
    return list(dict.fromkeys(out))


def asp_credulous(af: ArgumentationFramework, semantics: str, arg: int) -> bool:
    """Is ``arg`` in some complete (CO) or stable (ST) extension, according to clingo?"""
    if semantics not in ("CO", "ST"):
        raise SolverError(f"no ASP acceptance query for {semantics!r}", field="semantics")
    ctl = clingo.Control(["1", "--warn=none"], logger=lambda _code, _msg: None)
    ctl.add("base", [], facts(af) + ENCODINGS[semantics] + f":- not in({arg}).\n")
    ctl.ground([("base", [])])
    return bool(ctl.solve().satisfiable)
