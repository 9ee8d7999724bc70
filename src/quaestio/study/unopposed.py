"""The caveat an essay plan adds for explanations that nothing in the debate argues against.

An explanation with supporting evidence and no countering evidence keeps all
its support, so any ranking rates it high; a student who repeats the ranking
without saying why would overstate it. ``quaestio.reasoning.evaluate`` already
names such explanations in one of its notes; the plan reads that note (so the
plan and the verdict page never disagree) and says so in the sentences that
weigh them, citing the supporting evidence the place rests on and the answered
explanations it is placed above.
"""

from __future__ import annotations

from collections.abc import Sequence

from quaestio.model import Debate
from quaestio.study.judge import Ranked
from quaestio.study.text import Point, Ref, join_names, quoted, ref

NOTE_START = "no countering evidence"
SHOWN = 3  # answered explanations named after "ahead of"


def unopposed_ids(debate: Debate, notes: Sequence[str]) -> frozenset[str]:
    """The positions the evaluation's note names as having no countering evidence."""
    named = [n for n in notes if n.startswith(NOTE_START)]
    return frozenset(
        p.id
        for p in debate.positions
        if not p.countering and any(f"“{p.title}”" in n for n in named)
    )


def _support_refs(debate: Debate, pid: str) -> tuple[Ref, ...]:
    return tuple(ref(e) for e in debate.position_by_id()[pid].supporting)


def _answered_below(row: Ranked, ranked: list[Ranked], unopposed: frozenset[str]) -> list[Ranked]:
    return [r for r in ranked if r.rank > row.rank and r.id not in unopposed]


def _pulled_down(row: Ranked) -> str:
    """An answered explanation, with what its support adds and its counter-points take away."""
    gain = sum(v for v in row.contributions.values() if v > 0)
    loss = sum(v for v in row.contributions.values() if v < 0)
    if row.strength is not None and loss < 0:
        return f"{quoted(row.title)} (support {gain:+.2f}, counter-points {loss:+.2f})"
    return quoted(row.title)


def section_judgement(
    debate: Debate,
    judgement: str,
    row: Ranked,
    ranked: list[Ranked],
    unopposed: frozenset[str],
    refs: dict[str, Ref],
) -> tuple[str, tuple[Ref, ...]]:
    """An explanation's judgement sentence with the caveat woven in, and what the caveat cites.

    The caveat continues the judgement's own sentence, so the weighing and the
    reason it is so high are read together.
    """
    if row.id not in unopposed:
        return judgement, ()
    text = judgement.removesuffix(".")
    if text.endswith("nothing takes away"):
        text += ", because nothing in the debate argues against it: this place rests on "
    else:
        text += "; nothing in the debate argues against it, so this place rests on "
    text += "its supporting evidence alone"
    below = _answered_below(row, ranked, unopposed)
    if below:
        shown = [_pulled_down(r) for r in below[:SHOWN]]
        if len(below) > SHOWN:
            shown.append(f"{len(below) - SHOWN} more")
        text += f", ahead of {join_names(shown)}, which the debate does answer"
    cited = _support_refs(debate, row.id) + tuple(refs[r.id] for r in below[:SHOWN])
    return text + ".", cited


def conclusion_caveat(
    debate: Debate, ranked: list[Ranked], unopposed: frozenset[str], refs: dict[str, Ref]
) -> list[Point]:
    """One conclusion point naming every unopposed explanation with its rank."""
    rows = [r for r in ranked if r.id in unopposed]
    if not rows:
        return []
    named = join_names([f"{quoted(r.title)} (rank {r.rank}, {r.measure()})" for r in rows])
    verb = "has" if len(rows) == 1 else "have"
    text = (
        f"{named} {verb} no counter-point in the debate: "
        f"{'its' if len(rows) == 1 else 'their'} place shows only that nothing answers "
        f"{'it' if len(rows) == 1 else 'them'}, not that the evidence for "
        f"{'it' if len(rows) == 1 else 'them'} has been tested."
    )
    cited = tuple(
        dict.fromkeys(x for r in rows for x in (refs[r.id], *_support_refs(debate, r.id)))
    )
    return [Point(text, cited, "Caveat")]


def leading_caveat(first: list[Ranked], unopposed: frozenset[str]) -> str:
    """Words for the line of argument when a leading explanation is unopposed."""
    alone = [r for r in first if r.id in unopposed]
    if not alone:
        return ""
    if len(first) == 1:
        return ", though nothing in the debate argues against it"
    if len(alone) == len(first):
        return ", though nothing in the debate argues against any of them"
    return f", though nothing in the debate argues against {join_names([quoted(r.title) for r in alone])}"
