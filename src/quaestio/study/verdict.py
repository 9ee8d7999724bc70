"""The verdict a student reads by default: the balance of evidence in plain words.

Three parts, each a list of sentences that cite the points they rest on:

* the summary — "Strongest on the evidence here: …; weakest: …; contested: …" and the
  positions the handout has not yet argued (support with nothing against it);
* the reasons — one sentence per position naming the points that stand or that answer it;
* the author's verdict read from the conclusion (``study.author``), and one sentence on
  where it agrees with the balance of evidence and why they differ.

No method names or numbers: those stay behind "compare methods" (``reasoning.evaluate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quaestio.extract.typo_fixes import corrected
from quaestio.model import Debate, Evidence
from quaestio.reasoning.balance import Balance, PositionBalance, balance
from quaestio.study.author import AuthorVerdict, Verdict, author_verdict
from quaestio.study.memo import ByDebate
from quaestio.study.text import Point, Ref, join_names, quoted, ref, shorten

# which standing of the balance each judgement of the author matches
MATCHES: dict[Verdict, frozenset[str]] = {
    "endorses": frozenset({"holds"}),
    "qualifies": frozenset({"contested", "holds", "weakened"}),
    "rejects": frozenset({"weakened", "against-only"}),
}
VERDICT_WORDS: dict[Verdict, str] = {
    "endorses": "endorses {}",
    "qualifies": "accepts {} only in part",
    "rejects": "rejects {}",
}


def said(verdict: Verdict, what: str) -> str:
    """'accepts “X” only in part': the author's judgement of ``what`` in plain words."""
    return VERDICT_WORDS[verdict].format(what)


@dataclass(frozen=True)
class PlainVerdict:
    balance: Balance
    author: AuthorVerdict
    summary: tuple[Point, ...]
    reasons: tuple[Point, ...]
    handout: tuple[Point, ...]
    comparison: Point | None

    def points(self) -> list[Point]:
        extra = [self.comparison] if self.comparison else []
        return [*self.summary, *self.reasons, *self.handout, *extra]

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": [p.to_dict() for p in self.summary],
            "reasons": [p.to_dict() for p in self.reasons],
            "handout": [p.to_dict() for p in self.handout],
            "comparison": None if self.comparison is None else self.comparison.to_dict(),
            "balance": self.balance.to_dict(),
            "author": self.author.to_dict(),
        }


def _titles(rows: list[PositionBalance]) -> str:
    return join_names([quoted(r.title) for r in rows])


def _name(item: Evidence) -> str:
    return f"{item.id} ({item.label or quoted(shorten(item.text, 6))})"


def _summary(b: Balance, refs: dict[str, Ref]) -> list[Point]:
    argued = [p for p in b.positions if p.standing not in ("not-argued", "empty")]
    strongest, weakest = b.strongest(), b.weakest()
    contested = b.by_standing("contested")
    parts: list[str] = []
    cited: list[PositionBalance] = []
    if strongest:
        parts.append(f"strongest on the evidence here: {_titles(strongest)}")
        cited += strongest
    elif argued:
        parts.append("on the evidence here no explanation stands out")
        cited += argued
    if weakest:
        parts.append(f"weakest: {_titles(weakest)}")
        cited += weakest
    if contested and contested != strongest and contested != weakest:
        parts.append(f"contested: {_titles(contested)}")
        cited += contested
    out: list[Point] = []
    if parts:
        text = "; ".join(parts)
        out.append(
            Point(text[0].upper() + text[1:] + ".", tuple(dict.fromkeys(refs[r.id] for r in cited)))
        )
    untested = b.by_standing("not-argued")
    if untested:
        verb = "is" if len(untested) == 1 else "are"
        out.append(
            Point(
                f"Not yet argued: {_titles(untested)} {verb} given support and no "
                "counter-argument, so the handout has not tested "
                + ("it." if len(untested) == 1 else "them."),
                tuple(refs[r.id] for r in untested),
            )
        )
    return out


def _reason(row: PositionBalance, evidence: dict[str, Evidence], refs: dict[str, Ref]) -> Point:
    title = quoted(row.title)
    cite = [refs[row.id]]

    def names(ids: tuple[str, ...] | list[str]) -> str:
        cite.extend(ref(evidence[i]) for i in ids)
        return join_names([_name(evidence[i]) for i in ids])

    if row.standing == "empty":
        text = f"{title} is given no evidence either way."
    elif row.standing == "not-argued":
        text = f"{title} rests on {names(row.supporting)}, and nothing in the handout answers it."
    elif row.standing == "against-only":
        text = f"{title} is given no support, and {names(row.countering)} count against it."
    else:
        specific = [c for c in row.countering if c not in row.general]
        bits: list[str] = []
        if row.general:
            bits.append(
                f"{names(row.general)} answer{'s' if len(row.general) == 1 else ''} it as a whole"
            )
        if specific:
            pairs = [(p, [c for c in by if c in specific]) for p, by in row.answered]
            pairs = [(p, by) for p, by in pairs if by]
            bits.append("; ".join(f"{names(by)} answers {names([p])}" for p, by in pairs))
        answered = "; ".join(b for b in bits if b)
        if row.standing == "holds":
            text = f"{title} holds up: {names(row.unanswered)} stand{'s' if len(row.unanswered) == 1 else ''} unanswered"
            text += f", while {answered}." if answered else "."
        elif row.standing == "weakened":
            text = f"{title} is weakened: {answered}, and weighs more than its support."
        else:
            text = f"{title} is contested: every point for it is met — {answered}."
    return Point(text, tuple(dict.fromkeys(cite)))


def _handout(debate: Debate, author: AuthorVerdict, refs: dict[str, Ref]) -> list[Point]:
    by_id = debate.position_by_id()
    out: list[Point] = []
    order: tuple[Verdict, ...] = ("endorses", "qualifies", "rejects")
    for verdict in order:
        mine = [p for p in author.positions(verdict) if p in by_id]
        if not mine:
            continue
        found = [j for j in author.judgements if j.position in mine]
        quotes = list(dict.fromkeys(j.sentence for j in found))
        titles = join_names([quoted(by_id[p].title) for p in mine])
        text = f"The handout's conclusion {said(verdict, titles)}: " + " ".join(
            quoted(q) for q in quotes
        )
        line = next((j.line for j in found if j.line is not None), None)
        if line is not None:
            text += f" (the conclusion, line {line})"
        out.append(Point(text, tuple(refs[p] for p in mine), "Handout"))
    return out


def _comparison(b: Balance, author: AuthorVerdict, refs: dict[str, Ref]) -> Point | None:
    if not author.overall:
        return None
    rows = {r.id: r for r in b.positions}
    agree = [p for p, v in author.overall.items() if p in rows and rows[p].standing in MATCHES[v]]
    differ = [p for p, v in author.overall.items() if p in rows and p not in agree]
    parts: list[str] = []
    if agree:
        parts.append(
            "The handout and the evidence here agree on "
            + join_names([quoted(rows[p].title) for p in agree])
            + " ("
            + "; ".join(
                f"the handout {said(author.overall[p], 'it')} and the evidence leaves it "
                f"{_standing_words(rows[p])}"
                for p in agree
            )
            + ")"
        )
    if differ:
        groups: dict[tuple[Verdict, str], list[str]] = {}
        for p in differ:
            groups.setdefault((author.overall[p], rows[p].standing), []).append(p)
        why = "; ".join(
            f"{join_names([quoted(rows[p].title) for p in ids])}: "
            + _why(rows[ids[0]], verdict, "it" if len(ids) == 1 else "them")
            for (verdict, _), ids in groups.items()
        )
        lead = "they differ on " if agree else "The handout and the evidence here differ on "
        parts.append(lead + why)
    cited = tuple(refs[p] for p in [*agree, *differ])
    return Point("; ".join(parts) + ".", cited, "Handout and evidence")


def _standing_words(row: PositionBalance) -> str:
    return {
        "holds": "standing",
        "contested": "contested",
        "weakened": "weakened",
        "against-only": "unsupported",
        "not-argued": "untested",
        "empty": "without evidence",
    }[row.standing]


def _why(row: PositionBalance, verdict: Verdict, it: str) -> str:
    if row.standing == "not-argued":
        return (
            f"the handout {said(verdict, it)}, but gives no counter-argument to test {it} against"
        )
    if row.standing == "holds" and verdict == "rejects":
        return (
            f"the handout rejects {it}, yet {join_names(list(row.unanswered))} "
            "stand unanswered in its own columns"
        )
    if verdict == "rejects":
        return (
            f"the handout rejects {it} in its conclusion, while its columns answer the points "
            f"for {it} no more fully than those for the explanations it keeps, so the rejection "
            "rests on the conclusion's own argument"
        )
    if verdict == "endorses":
        return (
            f"the handout endorses {it}, while its columns meet every point for {it}, so the "
            "endorsement rests on the conclusion's own argument"
        )
    return f"the handout {said(verdict, it)}, and the evidence leaves {it} {_standing_words(row)}"


#: the handout's own verdict of the last few debates (by identity; see ``ready_for_weights``)
_authors: ByDebate[AuthorVerdict] = ByDebate(8)


def ready_for_weights(debate: Debate) -> tuple[Debate, AuthorVerdict]:
    """``debate`` with its typos put right, and the handout's own verdict of it: what
    every verdict of ``debate`` shares whatever the weights, kept for the object.

    A server calls this before it forks the child that weighs a student's weights, so
    the child inherits both and pays for the balance alone (on a 2,000-point debate
    the two are about 40% of a verdict's 70 ms).
    """
    base = corrected(debate)  # the importer's flagged typos are not repeated
    author = _authors.get(base)
    if author is None:
        author = author_verdict(base)
        _authors.put(base, None, author)
    return base, author


def plain_verdict(debate: Debate, weights: dict[str, float] | None = None) -> PlainVerdict:
    """The default verdict of ``debate`` in plain words, every sentence citing what it rests on.

    ``weights`` (over the debate's own) move only the balance of evidence; the same as
    ``plain_verdict(debate.with_weights(weights))``, with the weight-free parts shared.
    """
    base, author = ready_for_weights(debate)
    debate = base.with_weights(weights) if weights else base
    b = balance(debate)
    refs = {p.id: ref(p) for p in debate.positions}
    evidence = debate.evidence_by_id()
    return PlainVerdict(
        b,
        author,
        tuple(_summary(b, refs)),
        tuple(_reason(row, evidence, refs) for row in b.positions),
        tuple(_handout(debate, author, refs)),
        _comparison(b, author, refs),
    )


def verdict_text(verdict: PlainVerdict) -> list[str]:
    """The verdict as lines for a terminal: sentences, each with the ids it cites."""
    lines: list[str] = []
    for point in verdict.points():
        ids = ", ".join(r.describe() for r in point.refs)
        lines.append(f"{point.text} [{ids}]" if ids else point.text)
    return lines
