"""Essay plans whose every point cites the node it came from.

The plan follows what a history teacher asks for: an introduction that states a
line of argument, one section per explanation from strongest to weakest (claim,
historians, best supporting evidence, strongest counter-point, mini-judgement),
a conclusion that weighs them and an optional paragraph on consequences. The
order and the judgements come from ``quaestio.reasoning.evaluate``; the choice of
evidence from its contribution scores. Wording is the debate's own, inside fixed
templates, so nothing is invented; each ``Point`` carries node ids and lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from quaestio.errors import QuaestioError
from quaestio.extract.typo_fixes import corrected
from quaestio.model import Debate, Evidence, Position
from quaestio.reasoning import Flip, evaluate
from quaestio.study.focus import Focus, find_focus
from quaestio.study.judge import (
    Ranked,
    focus_judgement,
    overall_judgement,
    rank_rows,
    rank_words,
)
from quaestio.study.text import Point, Ref, clean, excerpt, join_names, position_claim, quoted, ref
from quaestio.study.unopposed import (
    conclusion_caveat,
    leading_caveat,
    section_judgement,
    unopposed_ids,
)


@dataclass(frozen=True)
class Section:
    position: str
    title: str
    rank: int
    strength: float | None
    status: str | None
    points: tuple[Point, ...]
    shared: bool = False  # level with another explanation

    def to_dict(self) -> dict[str, Any]:
        return {
            "shared": self.shared,
            "position": self.position,
            "title": self.title,
            "rank": self.rank,
            "strength": self.strength,
            "status": self.status,
            "points": [p.to_dict() for p in self.points],
        }


@dataclass(frozen=True)
class EssayPlan:
    title: str
    question: str
    semantics: str
    focus: Focus | None
    introduction: tuple[Point, ...]
    sections: tuple[Section, ...]
    conclusion: tuple[Point, ...]
    consequences: tuple[Point, ...] = field(default=())

    def points(self) -> Iterator[Point]:
        yield from self.introduction
        for section in self.sections:
            yield from section.points
        yield from self.conclusion
        yield from self.consequences

    def refs(self) -> list[Ref]:
        return [r for p in self.points() for r in p.refs]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "question": self.question,
            "semantics": self.semantics,
            "focus": None
            if self.focus is None
            else {"subject": self.focus.subject, "positions": list(self.focus.positions)},
            "introduction": [p.to_dict() for p in self.introduction],
            "sections": [s.to_dict() for s in self.sections],
            "conclusion": [p.to_dict() for p in self.conclusion],
            "consequences": [p.to_dict() for p in self.consequences],
        }


def _by_contribution(
    items: tuple[Evidence, ...], contributions: dict[str, float], *, strongest_negative: bool
) -> list[Evidence]:
    """Evidence ordered by its computed contribution (ties: heavier weight, then reading order)."""

    def key(pair: tuple[int, Evidence]) -> tuple[float, float, int]:
        i, e = pair
        c = contributions.get(e.id, 0.0)
        return (c if strongest_negative else -c, -e.weight, i)

    return [e for _, e in sorted(enumerate(items), key=key)]


def _section(
    debate: Debate,
    position: Position,
    row: Ranked,
    ranked: list[Ranked],
    semantics: str,
    unopposed: frozenset[str],
    refs: dict[str, Ref],
) -> Section:
    pref = ref(position)
    points = [Point(position_claim(position), (pref,), "Claim")]
    names = [h.name for h in position.historians]
    if names:
        points.append(Point(f"{join_names(names)}.", (pref,), "Historians"))
    support = _by_contribution(position.supporting, row.contributions, strongest_negative=False)
    for item in support[:2]:
        points.append(Point(quoted(excerpt(item, 40)), (ref(item),), "Evidence"))
    counters = _by_contribution(position.countering, row.contributions, strongest_negative=True)
    if counters:
        top = counters[0]
        answered = [t for t in top.rebuts if t in {e.id for e in support[:2]}]
        note = f" (this answers {', '.join(answered)})" if answered else ""
        points.append(
            Point(
                quoted(excerpt(top, 40)) + note,
                (ref(top), *(ref(e) for e in support[:2] if e.id in answered)),
                "Counter-point",
            )
        )
    else:
        points.append(Point("The debate gives no counter-point to this explanation.", (pref,)))
    weighed, cited = section_judgement(
        debate, rank_words(row, ranked, semantics), row, ranked, unopposed, refs
    )
    points.append(Point(weighed, (pref, *cited), "Judgement"))
    return Section(
        position.id,
        position.title,
        row.rank,
        row.strength,
        row.status,
        tuple(points),
        bool(row.level_with),
    )


def _consequences(debate: Debate) -> list[Point]:
    if not debate.consequences:
        return []
    positive = [c for c in debate.consequences if c.polarity == "positive"]
    negative = [c for c in debate.consequences if c.polarity == "negative"]
    out = [
        Point(
            f"The balance sheet lists {len(positive)} positive and {len(negative)} negative "
            "consequences.",
            tuple(ref(c) for c in debate.consequences),
        )
    ]
    for label, items in (("Positive", positive), ("Negative", negative)):
        for c in sorted(items, key=lambda c: -c.weight)[:3]:
            out.append(Point(quoted(clean(c.text)), (ref(c),), label))
    return out


def essay_plan(
    debate: Debate,
    question: str | None = None,
    semantics: str = "balance",
    *,
    weights: dict[str, float] | None = None,
    consequences: bool = True,
) -> EssayPlan:
    """Plan an essay answering ``question`` (default: the debate's own question).

    ``semantics="balance"`` (the default) weighs by the balance of evidence in plain words
    (``study.plan_balance``); a method name (dfquad, grounded, …) gives the method's plan,
    with its ranks and strengths, for comparing methods.
    """
    debate = corrected(debate)  # the importer's flagged typos are not repeated
    if not debate.positions:
        raise QuaestioError(
            "the debate has no explanations to plan an essay from", field="positions"
        )
    asked = clean(question or debate.question or debate.title)
    if semantics == BALANCE:
        return _balance_plan(debate, asked, weights, consequences)
    evaluation = evaluate(debate, semantics=semantics, weights=weights)
    by_id = debate.position_by_id()
    ranked = rank_rows(
        [
            (r.id, by_id[r.id].title, r.strength, r.status, dict(r.contributions))
            for r in evaluation.ranking
            if r.id in by_id
        ]
    )
    if not ranked:
        raise QuaestioError("the reasoning engine ranked no explanation", field="semantics")
    focus = find_focus(debate, asked)
    refs = {pid: ref(p) for pid, p in by_id.items()}
    unopposed = unopposed_ids(debate, evaluation.notes)
    intro = [
        Point(
            f"{len(ranked)} explanations are weighed: "
            + "; ".join(quoted(r.title) for r in ranked)
            + ".",
            tuple(refs[r.id] for r in ranked),
        ),
        _line_of_argument(ranked, refs, semantics, unopposed),
    ]
    if focus is not None:
        intro.append(focus_judgement(focus, ranked, refs, semantics, brief=True))
    sections = tuple(
        _section(debate, by_id[r.id], r, ranked, semantics, unopposed, refs) for r in ranked
    )
    conclusion = overall_judgement(ranked, refs, semantics)
    conclusion += conclusion_caveat(debate, ranked, unopposed, refs)
    conclusion += _sensitivity(debate, evaluation.deciding, evaluation.flip, refs)
    if focus is not None:
        conclusion.append(focus_judgement(focus, ranked, refs, semantics, brief=False))
    conclusion += _handout_stance(debate)
    return EssayPlan(
        title=debate.title,
        question=asked,
        semantics=semantics,
        focus=focus,
        introduction=tuple(intro),
        sections=sections,
        conclusion=tuple(conclusion),
        consequences=tuple(_consequences(debate)) if consequences else (),
    )


BALANCE = "balance"


def _balance_plan(
    debate: Debate, asked: str, weights: dict[str, float] | None, consequences: bool
) -> EssayPlan:
    """The default plan, weighed by the balance of evidence (``study.plan_balance``)."""
    from quaestio.reasoning.balance import WORDS
    from quaestio.study.plan_balance import balance_plan

    weighed = debate.with_weights(weights) if weights else debate
    parts = balance_plan(weighed, asked, _consequences(weighed) if consequences else [])
    ranks = parts.balance.ranks()
    keys = [r.key() for r in parts.balance.positions]
    sections = tuple(
        Section(
            row.id,
            row.title,
            ranks[row.id],
            None,
            WORDS[row.standing],
            tuple(points),
            keys.count(row.key()) > 1,
        )
        for row, points in parts.sections
    )
    form = parts.form
    return EssayPlan(
        title=debate.title,
        question=asked,
        semantics=BALANCE,
        focus=Focus(form.subject, form.positions, form.kind) if form.positions else None,
        introduction=tuple(parts.introduction),
        sections=sections,
        conclusion=tuple(parts.conclusion),
        consequences=tuple(parts.consequences),
    )


def _handout_stance(debate: Debate) -> list[Point]:
    """How the plan stands to the handout's own conclusion: its verdict, and where they differ."""
    from quaestio.study.verdict import plain_verdict

    verdict = plain_verdict(debate)
    out = [Point(p.text, p.refs, "The handout's verdict") for p in verdict.handout]
    if verdict.comparison is not None:
        out.append(verdict.comparison)
    return out


def _sensitivity(
    debate: Debate, deciding: list[str], flip: Flip | None, refs: dict[str, Ref]
) -> list[Point]:
    """What the top place rests on, and the one weight change that would overturn it."""
    evidence = debate.evidence_by_id()
    out: list[Point] = []
    decisive = [evidence[e] for e in deciding if e in evidence][:3]
    if decisive:
        out.append(
            Point(
                "; ".join(quoted(excerpt(e, 20)) for e in decisive),
                tuple(ref(e) for e in decisive),
                "What decides it",
            )
        )
    if flip is not None and flip.evidence in evidence and flip.new_top in refs:
        item = evidence[flip.evidence]
        title = debate.position_by_id()[flip.new_top].title
        out.append(
            Point(
                f"If the weight of {quoted(excerpt(item, 20))} went from {flip.old_weight:.2f} "
                f"to {flip.new_weight:.2f}, {quoted(title)} would rank first.",
                (ref(item), refs[flip.new_top]),
                "Sensitivity",
            )
        )
    return out


def _line_of_argument(
    ranked: list[Ranked], refs: dict[str, Ref], semantics: str, unopposed: frozenset[str]
) -> Point:
    first = [r for r in ranked if r.rank == 1]
    caveat = leading_caveat(first, unopposed)
    if len(first) == 1:
        text = (
            f"Line of argument: {quoted(first[0].title)} is the most convincing explanation, "
            f"because it ranks first under {semantics} ({first[0].measure()}){caveat}."
        )
    else:
        text = (
            f"Line of argument: {join_names([quoted(r.title) for r in first])} are the most "
            f"convincing explanations, level first under {semantics} ({first[0].measure()})"
            f"{caveat}."
        )
    return Point(text, tuple(refs[r.id] for r in first))
