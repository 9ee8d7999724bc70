"""The judgements of an essay plan, phrased from the computed ranking only.

Every judgement here is a fixed template filled with titles, ranks and strengths
taken from ``quaestio.reasoning``; the wording of the extent ("to a large
extent", "only to a limited extent") follows from where the explanations in
question rank, so the plan's verdict cannot disagree with the computation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quaestio.study.focus import Focus
from quaestio.study.text import Point, Ref, quoted

TIE = 1e-6


@dataclass(frozen=True)
class Ranked:
    """One explanation's place in the computed ranking (1 = strongest)."""

    rank: int
    id: str
    title: str
    strength: float | None
    status: str | None
    contributions: dict[str, float] = field(default_factory=dict)

    def measure(self) -> str:
        if self.strength is not None:
            return f"strength {self.strength:.2f}"
        return self.status or "unranked"


def _level(a: Ranked, b: Ranked) -> bool:
    if a.strength is None or b.strength is None:
        return False
    return abs(a.strength - b.strength) < TIE


def _explanations(n: int) -> str:
    return "explanation" if n == 1 else "explanations"


def rank_words(row: Ranked, total: int, semantics: str) -> str:
    """The mini-judgement closing one section."""
    text = f"ranks {row.rank} of {total} under {semantics} ({row.measure()})"
    if total == 1:
        text += ", the only explanation given"
    elif row.rank == 1:
        text += ", the most convincing explanation"
    elif row.rank == total:
        text += ", the least convincing explanation"
    else:
        ahead, behind = row.rank - 1, total - row.rank
        text += f", with {ahead} {_explanations(ahead)} above it and {behind} below"
    if row.contributions:
        gain = sum(v for v in row.contributions.values() if v > 0)
        loss = sum(v for v in row.contributions.values() if v < 0)
        text += f"; its supporting evidence adds {gain:+.2f} and its counter-points {loss:+.2f}"
    return text[0].upper() + text[1:] + "."


def overall_judgement(ranked: list[Ranked], refs: dict[str, Ref], semantics: str) -> list[Point]:
    """The conclusion's weighing of all explanations."""
    top = ranked[0]
    if len(ranked) == 1:
        return [
            Point(
                f"{quoted(top.title)} is the only explanation ({top.measure()}).", (refs[top.id],)
            )
        ]
    second = ranked[1]
    if _level(top, second):
        first = Point(
            f"Weighing the explanations under {semantics}, {quoted(top.title)} and "
            f"{quoted(second.title)} are level at the top ({top.measure()}).",
            (refs[top.id], refs[second.id]),
            "Judgement",
        )
    else:
        first = Point(
            f"Weighing the explanations under {semantics}, {quoted(top.title)} is the most "
            f"convincing ({top.measure()}), ahead of {quoted(second.title)} ({second.measure()}).",
            (refs[top.id], refs[second.id]),
            "Judgement",
        )
    last = ranked[-1]
    out = [first]
    if len(ranked) > 2:
        out.append(
            Point(
                f"The least convincing is {quoted(last.title)} ({last.measure()}).",
                (refs[last.id],),
            )
        )
    return out


def extent(best_rank: int, total: int) -> str:
    """How far the subject is answered, from the best rank of its explanations."""
    if best_rank == 1:
        return "to a large extent"
    if best_rank <= (total + 1) // 2:
        return "to some extent, but not mainly"
    return "only to a limited extent"


def focus_judgement(
    focus: Focus, ranked: list[Ranked], refs: dict[str, Ref], semantics: str, *, brief: bool
) -> Point:
    """The answer to "to what extent / how far" on the question's subject."""
    mine = [r for r in ranked if r.id in focus.positions]
    best = mine[0]
    top = ranked[0]
    total = len(ranked)
    how = extent(best.rank, total)
    # a subject sharing first place with another explanation is not "mainly" responsible
    if (
        best.rank == 1
        and total > 1
        and _level(top, ranked[1])
        and ranked[1].id not in focus.positions
    ):
        how = "to some extent, but not mainly"
    places = "; ".join(f"{quoted(r.title)} ranks {r.rank} of {total}" for r in mine)
    what = (
        f"the explanation centred on {focus.subject}"
        if len(mine) == 1
        else f"the explanations centred on {focus.subject}"
    )
    cited = tuple(dict.fromkeys([*(refs[r.id] for r in mine), refs[top.id]]))
    if brief:
        return Point(f"{how[0].upper()}{how[1:]}: {what} — {places}.", cited, "Answer")
    if best.id == top.id:
        runner = ranked[1] if total > 1 else None
        tail = (
            f", ahead of {quoted(runner.title)} ({runner.measure()})" if runner is not None else ""
        )
        text = (
            f"{how[0].upper()}{how[1:]}: {what} — {places} under {semantics} "
            f"({best.measure()}){tail}."
        )
    else:
        text = (
            f"{how[0].upper()}{how[1:]}: {what} — {places} under {semantics} ({best.measure()}), "
            f"behind {quoted(top.title)} ({top.measure()})."
        )
    return Point(text, cited, f"Judgement on {focus.subject}")
