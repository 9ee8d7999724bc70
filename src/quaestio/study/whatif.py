"""The "what if this evidence were discounted?" question, computed by the reasoning engine.

A student who understands an argument can say which explanation would come out
on top if one piece of evidence were thrown out. The answer is not in the text:
it is recomputed by ``quaestio.reasoning.evaluate`` on a copy of the debate with
that evidence's weight set to zero, so the question tests reasoning about the
structure, and the feedback cites the evidence and the new leader.
"""

from __future__ import annotations

from quaestio.model import Debate
from quaestio.reasoning import evaluate
from quaestio.study.questions import Draft, choices, distinct_evidence
from quaestio.study.text import quoted, ref

TIE = 1e-6


def leader(debate: Debate, semantics: str, weights: dict[str, float] | None = None) -> str | None:
    """The id of the explanation ranked first, or None if the first place is shared."""
    ranking = evaluate(debate, semantics=semantics, weights=weights).ranking
    if not ranking:
        return None
    if len(ranking) > 1:
        a, b = ranking[0], ranking[1]
        if a.strength is not None and b.strength is not None:
            if abs(a.strength - b.strength) < TIE:
                return None
        elif a.status == b.status and a.strength is None and b.strength is None:
            return None
    return ranking[0].id


def discount_top(debate: Debate, semantics: str = "dfquad") -> list[Draft]:
    """One question per piece of evidence whose removal leaves a clear leader.

    When some evidence changes the leader, only those questions are offered, since
    they are the ones worth asking; the quiz's seed then picks among them.
    """
    before = leader(debate, semantics)
    titles = {p.id: p.title for p in debate.positions}
    changing: list[Draft] = []
    steady: list[Draft] = []
    for _, item, text in distinct_evidence(debate):
        after = leader(debate, semantics, {item.id: 0.0})
        if after is None:
            continue
        others = [titles[pid] for pid in titles if pid not in (after, before)]
        changed = before is not None and before != after
        if changed and before is not None:
            others.insert(0, titles[before])
        options = choices(titles[after], others)
        if options is None:
            continue
        stance = "supporting" if item.stance == "for" else "countering"
        draft = Draft(
            "discount_top",
            item.id,
            f"If this {stance} point were discounted, which explanation would rank first "
            f"under {semantics}? {quoted(text)}",
            options,
            f"With {item.id} at weight 0, {quoted(titles[after])} ranks first"
            + (
                f" instead of {quoted(titles[before])}."
                if before is not None and before != after
                else ", as it does with the point counted."
            ),
            (ref(item), ref(debate.position_by_id()[after])),
            facts={"evidence": item.id, "position": after, "semantics": semantics},
            preferred=1 if changed else 0,
        )
        (changing if before != after else steady).append(draft)
    return changing or steady
