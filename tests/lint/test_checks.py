from __future__ import annotations

from quaestio.lint import check, lint
from quaestio.model import Conclusion, Debate, Evidence, Historian, Position


def _debate(text: str) -> Debate:
    evidence = (Evidence("p1.f1", "for", text), Evidence("p1.a1", "against", "A reply in 1935."))
    position = Position("p1", "P", historians=(Historian("Smith", "smith"),), evidence=evidence)
    return Debate("T", positions=(position,), conclusion=Conclusion("So it goes."))


def test_glued_number_is_flagged_but_decades_and_ordinals_are_not() -> None:
    problems = lint(_debate("Of the 1996b delegates in the 1930s, the 21st"))
    glued = [(p.node, p.message) for p in problems if p.code == "glued_number"]
    assert len(glued) == 1 and glued[0][0] == "p1.f1" and "'1996b'" in glued[0][1]


def test_one_sided_unattributed_and_undated_positions() -> None:
    bare = Debate("T", positions=(Position("p1", "P", evidence=(Evidence("p1.f1", "for", "x"),)),))
    codes = {p.code for p in check(bare)}
    assert {"one_sided", "unattributed", "undated", "no_conclusion"} <= codes
    assert all(p.severity == "warning" for p in check(bare))
