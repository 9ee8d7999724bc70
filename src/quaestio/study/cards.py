"""Flashcards built from the same content as the quiz.

A card is a prompt and the debate's own answer, with the node it came from, so
a review app can show where in the handout to look. Card ids are derived from
node ids (``evidence:p2.f1``), so rebuilding the cards after an edit keeps each
card's review history attached to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quaestio.extract.typo_fixes import corrected
from quaestio.model import Debate
from quaestio.study.questions import STANCE_WORDS, dated_sentences, figure_blank
from quaestio.study.text import (
    Ref,
    clean,
    excerpt,
    join_names,
    quoted,
    ref,
    shorten,
    window,
)


@dataclass(frozen=True)
class Card:
    id: str
    kind: str
    front: str
    back: str
    refs: tuple[Ref, ...]
    tags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "front": self.front,
            "back": self.back,
            "refs": [r.to_dict() for r in self.refs],
            "tags": list(self.tags),
        }


def _position_cards(debate: Debate) -> list[Card]:
    cards: list[Card] = []
    for p in debate.positions:
        tag = (p.id,)
        if p.historians:
            cards.append(
                Card(
                    f"historians:{p.id}",
                    "historians",
                    f"Which historians hold the explanation {quoted(p.title)}?",
                    join_names([h.name for h in p.historians]),
                    (ref(p),),
                    ("historians", *tag),
                )
            )
        if clean(p.summary):
            cards.append(
                Card(
                    f"claim:{p.id}",
                    "claim",
                    f"What does the explanation {quoted(p.title)} argue?",
                    clean(p.summary),
                    (ref(p),),
                    ("claims", *tag),
                )
            )
    return cards


def _evidence_cards(debate: Debate) -> list[Card]:
    cards: list[Card] = []
    by_id = debate.evidence_by_id()
    for p, e in debate.iter_evidence():
        cards.append(
            Card(
                f"evidence:{e.id}",
                "evidence",
                f"Which explanation does this point concern, and how? {quoted(excerpt(e))}",
                f"It {STANCE_WORDS[e.stance]} {quoted(p.title)}.\n\n{clean(e.text)}",
                (ref(e), ref(p)),
                ("evidence", p.id),
            )
        )
        for target in e.rebuts:
            if target in by_id:
                cards.append(
                    Card(
                        f"rebuttal:{e.id}:{target}",
                        "rebuttal",
                        f"How is this point answered? {quoted(excerpt(by_id[target]))}",
                        clean(e.text),
                        (ref(e), ref(by_id[target])),
                        ("rebuttals", p.id),
                    )
                )
        for figure in e.figures:
            blank = figure_blank(e, figure)
            if blank is None:
                continue
            _, core, blanked = blank
            cards.append(
                Card(
                    f"figure:{e.id}:{core}",
                    "figure",
                    f"Fill in the figure: {quoted(window(blanked, '____'))}",
                    core,
                    (ref(e),),
                    ("figures", p.id),
                )
            )
    return cards


def _year_cards(debate: Debate) -> list[Card]:
    by_year: dict[int, list[tuple[str, Ref]]] = {}
    for item, _, shown, found in dated_sentences(debate):
        for year in found:
            by_year.setdefault(year, []).append((shorten(shown, 40), ref(item)))
    # one card per fact: years whose answers are the same sentences ("1919, 21, 24 …")
    # share one card instead of repeating the same back under each year
    by_back: dict[str, tuple[list[int], tuple[Ref, ...]]] = {}
    for year, rows in sorted(by_year.items()):
        back = "\n".join(f"• {text}" for text in dict.fromkeys(text for text, _ in rows))
        refs = tuple(dict.fromkeys(r for _, r in rows))
        years, _ = by_back.setdefault(back, ([], refs))
        years.append(year)
    cards: list[Card] = []
    for back, (years, refs) in by_back.items():
        named = join_names([str(y) for y in years])
        cards.append(
            Card(
                f"year:{years[0]}" if len(years) == 1 else f"years:{'-'.join(map(str, years))}",
                "year",
                f"What happened in {named}, according to the debate?",
                back,
                refs,
                ("years",),
            )
        )
    return cards


def _consequence_cards(debate: Debate) -> list[Card]:
    return [
        Card(
            f"consequence:{c.id}",
            "consequence",
            f"Positive or negative consequence? {quoted(clean(c.text))}",
            c.polarity,
            (ref(c),),
            ("consequences",),
        )
        for c in debate.consequences
    ]


def make_cards(debate: Debate) -> list[Card]:
    """Every card the debate supports, in reading order, with unique ids."""
    debate = corrected(debate)  # the importer's flagged typos are not repeated
    cards = (
        _position_cards(debate)
        + _evidence_cards(debate)
        + _year_cards(debate)
        + _consequence_cards(debate)
    )
    seen: set[str] = set()
    unique: list[Card] = []
    for card in cards:
        if card.id not in seen:
            seen.add(card.id)
            unique.append(card)
    return unique
