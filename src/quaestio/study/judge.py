"""The judgements of an essay plan, phrased from the computed ranking only.

Every judgement here is a fixed template filled with titles, ranks and strengths
taken from ``quaestio.reasoning``; the wording of the extent ("to a large
extent", "only to a limited extent") follows from where the explanations in
question rank, so the plan's verdict cannot disagree with the computation.
Explanations with equal strength (or, under extension semantics, the same
status) share a rank, and the plan says they are level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from quaestio.study.focus import Focus
from quaestio.study.text import Point, Ref, join_names, quoted

TIE = 1e-6
STATUS_ORDER = {"in": 0, "accepted": 0, "undec": 1, "undecided": 1, "out": 2, "rejected": 2}


@dataclass(frozen=True)
class Ranked:
    """One explanation's place in the computed ranking (1 = strongest; equals share a rank)."""

    rank: int
    id: str
    title: str
    strength: float | None
    status: str | None
    contributions: dict[str, float] = field(default_factory=dict)
    level_with: tuple[str, ...] = ()

    def measure(self) -> str:
        if self.strength is not None:
            return f"strength {self.strength:.2f}"
        return f"status {self.status}" if self.status else "unranked"


def _same(a: float | None, a_status: str | None, b: float | None, b_status: str | None) -> bool:
    """Equal strength (within ``TIE``), or equal status when neither has a strength."""
    if a is not None and b is not None:
        return abs(a - b) < TIE
    return a is None and b is None and a_status == b_status


Row = tuple[str, str, float | None, str | None, dict[str, float]]


def rank_rows(rows: Sequence[Row]) -> list[Ranked]:
    """Competition ranks ("1, 2, 2, 4") for rows (id, title, strength, status,
    contributions) given strongest first by the reasoning engine."""
    ranks: list[int] = []
    for i, (_, _, strength, status, _) in enumerate(rows):
        level = i > 0 and _same(rows[i - 1][2], rows[i - 1][3], strength, status)
        ranks.append(ranks[-1] if level else i + 1)
    out: list[Ranked] = []
    for i, (pid, title, strength, status, contributions) in enumerate(rows):
        level_with = tuple(rows[j][1] for j in range(len(rows)) if j != i and ranks[j] == ranks[i])
        out.append(Ranked(ranks[i], pid, title, strength, status, dict(contributions), level_with))
    return out


def _explanations(n: int) -> str:
    return "explanation" if n == 1 else "explanations"


def _titles(titles: Sequence[str]) -> str:
    return join_names([quoted(t) for t in titles])


def rank_words(row: Ranked, ranked: list[Ranked], semantics: str) -> str:
    """The mini-judgement closing one section."""
    total = len(ranked)
    above = sum(1 for r in ranked if r.rank < row.rank)
    below = sum(1 for r in ranked if r.rank > row.rank)
    text = f"ranks {row.rank} of {total} under {semantics} ({row.measure()})"
    if total == 1:
        text += ", the only explanation given"
    elif above == 0 and not row.level_with:
        text += ", the most convincing explanation"
    elif below == 0 and not row.level_with:
        text += ", the least convincing explanation"
    else:
        text += f", with {above} {_explanations(above)} above it and {below} below"
    if row.level_with:
        text += f", level with {_titles(row.level_with)}"
    if row.contributions and row.strength is not None:
        gain = sum(v for v in row.contributions.values() if v > 0)
        loss = sum(v for v in row.contributions.values() if v < 0)
        text += f"; its supporting evidence adds {gain:+.2f}"
        text += f" and its counter-points {loss:+.2f}" if loss < 0 else " and nothing takes away"
    return text[0].upper() + text[1:] + "."


def overall_judgement(ranked: list[Ranked], refs: dict[str, Ref], semantics: str) -> list[Point]:
    """The conclusion's weighing of all explanations."""
    top = ranked[0]
    if len(ranked) == 1:
        only = f"{quoted(top.title)} is the only explanation ({top.measure()})."
        return [Point(only, (refs[top.id],))]
    first = [r for r in ranked if r.rank == 1]
    after = [r for r in ranked if r.rank > 1]
    if len(first) > 1:
        lead = Point(
            f"Weighing the explanations under {semantics}, {_titles([r.title for r in first])} "
            f"are level at the top ({top.measure()}).",
            tuple(refs[r.id] for r in first),
            "Judgement",
        )
    else:
        runner = after[0]
        lead = Point(
            f"Weighing the explanations under {semantics}, {quoted(top.title)} is the most "
            f"convincing ({top.measure()}), ahead of {quoted(runner.title)} ({runner.measure()}).",
            (refs[top.id], refs[runner.id]),
            "Judgement",
        )
    out = [lead]
    worst = [r for r in ranked if r.rank == ranked[-1].rank]
    if after and worst[0].rank > 1 and len(ranked) > 2:
        verb = "is" if len(worst) == 1 else "are"
        out.append(
            Point(
                f"The least convincing {verb} {_titles([r.title for r in worst])} "
                f"({worst[0].measure()}).",
                tuple(refs[r.id] for r in worst),
            )
        )
    return out


def extent(best: Ranked, ranked: list[Ranked], focus: Focus) -> str:
    """How far the subject is answered, from the best rank of its explanations."""
    total = len(ranked)
    if best.rank == 1:
        rivals = [r for r in ranked if r.rank == 1 and r.id not in focus.positions]
        # sharing first place with another explanation is not "mainly"
        return "to some extent, but not mainly" if rivals else "to a large extent"
    if best.rank <= (total + 1) // 2 and best.status not in ("out", "rejected"):
        return "to some extent, but not mainly"
    return "only to a limited extent"


def focus_judgement(
    focus: Focus, ranked: list[Ranked], refs: dict[str, Ref], semantics: str, *, brief: bool
) -> Point:
    """The answer to "to what extent / how far" on the question's subject."""
    mine = [r for r in ranked if r.id in focus.positions]
    best = mine[0]
    total = len(ranked)
    how = extent(best, ranked, focus)
    how = how[0].upper() + how[1:]
    distinct = sorted({r.rank for r in mine})
    ranks = join_names([str(n) for n in distinct]) + f" of {total}"
    details = "; ".join(f"{quoted(r.title)}, {r.measure()}" for r in mine)
    verb = "ranks" if len(mine) == 1 else "rank"
    if len(distinct) == 1 and len(mine) > 1:
        verb = f"{'both' if len(mine) == 2 else 'all'} rank"
    what = (
        f"the explanation centred on {focus.subject}"
        if len(mine) == 1
        else f"the explanations centred on {focus.subject}"
    )
    leaders = [r for r in ranked if r.rank == 1 and r.id not in focus.positions]
    ahead = [r for r in ranked if r.rank < best.rank]
    cited = tuple(dict.fromkeys([*(refs[r.id] for r in mine), *(refs[r.id] for r in ahead[:3])]))
    if brief:
        return Point(f"{how}: {what} {verb} {ranks} under {semantics}.", cited, "Answer")
    text = f"{how}: under {semantics}, {what} {verb} {ranks} ({details})"
    if not ahead and not leaders:
        runner = next((r for r in ranked if r.id not in focus.positions), None)
        if runner is not None:
            text += f", ahead of {quoted(runner.title)} ({runner.measure()})"
            cited = tuple(dict.fromkeys([*cited, refs[runner.id]]))
    elif leaders and not ahead:
        text += f", level with {_titles([r.title for r in leaders])}"
        cited = tuple(dict.fromkeys([*cited, *(refs[r.id] for r in leaders)]))
    else:
        named = [f"{quoted(r.title)} ({r.measure()})" for r in ahead[:3]]
        if len(ahead) > 3:
            named.append(f"{len(ahead) - 3} more")
        text += f", behind {join_names(named)}"
    return Point(text + ".", cited, f"Judgement on {focus.subject}")
