"""The default essay plan: weighed by the balance of evidence, in plain words.

What a teacher hands out: an introduction with a line of argument; paragraphs grouped by
school when the debate names schools (else one per explanation, strongest first), each
with a topic sentence, its historians, evidence with its date, the counter-argument and
its answer and a judgement; the criteria the judgement uses; a conclusion that answers
the question's own form (``study.forms``) and says how it stands to the handout's
verdict. Every sentence cites the claims it rests on; quotations are whole sentences
of the debate, never cut inside one. Method names and numbers stay in the plans made
with ``semantics=`` one of the methods (``study.plan``).
"""

from __future__ import annotations

from dataclasses import dataclass

from quaestio.model import Debate, Evidence, Position
from quaestio.reasoning.balance import Balance, PositionBalance, balance
from quaestio.study.forms import QuestionForm, read_question
from quaestio.study.text import Point, Ref, clean, join_names, quoted, ref, sentences
from quaestio.study.verdict import plain_verdict

# how a standing reads after "is" / "are"
STATE = {
    "holds": "supported by points nothing answers",
    "contested": "contested",
    "weakened": "weakened",
    "against-only": "unsupported",
    "not-argued": "not yet argued",
    "empty": "without evidence",
}

CRITERIA = (
    "A claim counts once, however many bullets make it; the "
    "weightiest claim on each side decides, not the number of points; an explanation whose "
    "points are all met is contested, and one with nothing said against it is not yet argued, "
    "not proved."
)


def whole_sentences(item: Evidence, words: int = 45) -> str:
    """The point's opening sentences, whole: as many as fit in ``words``, at least one."""
    parts = sentences(item.text) or [clean(item.text)]
    taken = [parts[0]]
    for sentence in parts[1:]:
        if len(" ".join([*taken, sentence]).split()) > words:
            break
        taken.append(sentence)
    return " ".join(taken)


def _dated(item: Evidence) -> str:
    bits = []
    if item.years:
        bits.append(", ".join(str(y) for y in item.years[:3]))
    if item.historians:
        bits.append(join_names([h.name for h in item.historians]))
    return f" ({'; '.join(bits)})" if bits else ""


def _section_points(
    position: Position, row: PositionBalance, reason: Point, evidence: dict[str, Evidence]
) -> list[Point]:
    pref = ref(position)
    topic = clean(position.summary) or clean(position.title)
    points = [Point(f"{quoted(position.title)}: {topic}", (pref,), "Topic sentence")]
    if position.historians:
        names = join_names([h.name for h in position.historians])
        points.append(Point(f"Held by {names}.", (pref,), "Historians"))
    standing = [evidence[i] for i in row.unanswered] or [evidence[i] for i in row.supporting]
    for item in standing[:2]:
        points.append(Point(quoted(whole_sentences(item)) + _dated(item), (ref(item),), "Evidence"))
    counters = [evidence[i] for i in (*row.general, *row.countering) if i in evidence]
    counters = list(dict.fromkeys(counters))
    if counters:
        top = counters[0]
        points.append(
            Point(quoted(whole_sentences(top)) + _dated(top), (ref(top),), "Counter-argument")
        )
        if row.unanswered:
            names = join_names(list(row.unanswered))
            text = f"{names} {'is' if len(row.unanswered) == 1 else 'are'} not met by it."
            points.append(
                Point(text, (ref(top), *(ref(evidence[i]) for i in row.unanswered)), "Answer")
            )
        else:
            points.append(
                Point(
                    "The handout gives no answer to it, so the counter-argument stands.",
                    (ref(top),),
                    "Answer",
                )
            )
    else:
        points.append(
            Point(
                "The handout gives no counter-argument, so this explanation is not yet argued.",
                (pref,),
                "Counter-argument",
            )
        )
    points.append(Point(reason.text, reason.refs, "Judgement"))
    return points


def _order(debate: Debate, b: Balance) -> list[tuple[str | None, PositionBalance]]:
    """Rows strongest first, grouped by school (in the schools' order) when there are schools."""
    rows = list(b.positions)
    if not debate.schools:
        return [(None, r) for r in rows]
    out: list[tuple[str | None, PositionBalance]] = []
    placed: set[str] = set()
    for school in debate.schools:
        for r in rows:
            if r.id in school.positions and r.id not in placed:
                out.append((school.id, r))
                placed.add(r.id)
    out += [(None, r) for r in rows if r.id not in placed]
    return out


def _answer(form: QuestionForm, b: Balance, refs: dict[str, Ref], debate: Debate) -> Point | None:
    """The judgement the question's form asks for, on the factor it names."""
    if not form.positions:
        return None
    rows = {r.id: r for r in b.positions}
    mine = [rows[p] for p in form.positions if p in rows]
    best = min(mine, key=lambda r: r.key())
    others = [r for r in b.positions if r.id not in form.positions]
    ahead = [r for r in others if r.key() < best.key()]
    level = [r for r in others if r.key() == best.key()]
    named = join_names([quoted(r.title) for r in mine])
    verb = "is" if len(mine) == 1 else "are"
    if best.standing in ("not-argued", "empty"):
        how = "This cannot yet be judged from the handout"
        why = f"{named} {verb} not yet argued"
    elif not ahead and not level:
        how = {"significance": "Highly significant"}.get(form.kind, "To a large extent")
        why = f"{named} {verb} {STATE[best.standing]}, ahead of every other explanation"
    elif not ahead:
        how = {"significance": "Significant, but not alone"}.get(form.kind, "To some extent")
        why = f"{named} {verb} {STATE[best.standing]}, level with " + join_names(
            [quoted(r.title) for r in level]
        )
    else:
        how = {"significance": "Of limited significance"}.get(form.kind, "Only to a limited extent")
        why = f"{join_names([quoted(r.title) for r in ahead])} stand up better than {named}"
    if form.kind == "compare":
        how = "Compared"
        why = "; ".join(f"{quoted(r.title)} is {STATE[r.standing]}" for r in mine)
    cited = tuple(
        dict.fromkeys([*(refs[r.id] for r in mine), *(refs[r.id] for r in ahead + level)])
    )
    return Point(f"{how}: {why}.", cited, f"Judgement on {form.subject}")


@dataclass(frozen=True)
class BalanceParts:
    """The parts of the default plan (the ``EssayPlan`` is assembled in ``study.plan``)."""

    balance: Balance
    form: QuestionForm
    introduction: list[Point]
    sections: list[tuple[PositionBalance, list[Point]]]
    conclusion: list[Point]
    consequences: list[Point]


def balance_plan(debate: Debate, asked: str, consequences: list[Point]) -> BalanceParts:
    """The parts of the default plan (the ``EssayPlan`` is assembled in ``study.plan``)."""
    b = balance(debate)
    verdict = plain_verdict(debate)
    form = read_question(debate, asked)
    by_id = debate.position_by_id()
    refs = {p.id: ref(p) for p in debate.positions}
    evidence = debate.evidence_by_id()
    reasons = {p.refs[0].node: p for p in verdict.reasons}
    all_refs = tuple(refs.values())
    intro = [
        Point(
            f"{len(debate.positions)} explanations are weighed: "
            + "; ".join(quoted(p.title) for p in debate.positions)
            + ".",
            all_refs,
        )
    ]
    intro += [
        Point("Line of argument: " + p.text[0].lower() + p.text[1:], p.refs)
        for p in verdict.summary[:1]
    ]
    answer = _answer(form, b, refs, debate)
    if answer is not None:
        intro.append(answer)
    if form.note:
        intro.append(Point(form.note, all_refs, "Note"))
    intro.append(Point(CRITERIA, all_refs, "Criteria"))
    schools = {s.id: s for s in debate.schools}
    sections: list[tuple[PositionBalance, list[Point]]] = []
    seen_school: set[str] = set()
    for school_id, row in _order(debate, b):
        points = _section_points(by_id[row.id], row, reasons[row.id], evidence)
        if school_id is not None and school_id not in seen_school:
            seen_school.add(school_id)
            school = schools[school_id]
            members = [refs[p] for p in school.positions if p in refs]
            text = f"{school.name}" + (
                f": {clean(school.description)}" if school.description else ""
            )
            points.insert(0, Point(text, tuple(members), "Theme"))
        sections.append((row, points))
    conclusion = list(verdict.summary)
    if answer is not None:
        conclusion.append(answer)
    conclusion += [Point(p.text, p.refs, "The handout's verdict") for p in verdict.handout]
    if verdict.comparison is not None:
        conclusion.append(verdict.comparison)
    return BalanceParts(b, form, intro, sections, conclusion, consequences)
