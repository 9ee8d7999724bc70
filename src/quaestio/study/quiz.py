"""Quizzes: questions drawn from a debate, shuffled reproducibly, marked with cited feedback.

``make_quiz`` gathers every question the generators in ``questions`` can build,
then deals them out kind by kind so a short quiz still mixes kinds. The same
debate and seed always give the same quiz (``random.Random(seed)`` is the only
source of randomness). ``mark`` accepts the answer as an index, a letter, a
1-based number or the option's text, and explains the right answer by citing the
node it comes from.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from quaestio.errors import QuaestioError
from quaestio.extract.typo_fixes import corrected
from quaestio.model import Debate
from quaestio.study.memo import ByDebate
from quaestio.study.questions import GENERATORS as RECALL
from quaestio.study.questions import MAX_OPTIONS, Draft, Generator
from quaestio.study.questions_higher import HIGHER
from quaestio.study.text import Ref, clean

LETTERS = "ABCDEFGH"
#: every kind a student quiz may ask: recall of one line, then the higher-order kinds
GENERATORS: dict[str, Generator] = {**RECALL, **HIGHER}


@dataclass(frozen=True)
class Question:
    """One multiple-choice question; ``options[answer]`` is the right one."""

    id: str
    kind: str
    subject: str
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    refs: tuple[Ref, ...]
    facts: tuple[tuple[str, str], ...] = ()

    @property
    def correct(self) -> str:
        return self.options[self.answer]

    @property
    def node(self) -> str:
        """The node the question is about (the first reference)."""
        return self.refs[0].node

    def fact(self, name: str) -> str | None:
        return dict(self.facts).get(name)

    def to_dict(self, *, with_answer: bool = True) -> dict[str, Any]:
        """The question as JSON; without the answer, nothing that gives it away.

        ``subject`` and ``refs`` name nodes (``p4.a1`` tells the stance and the
        explanation; a figure's subject holds the hidden number), so a question
        dealt to a student carries only its id, kind, prompt and options.
        """
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "prompt": self.prompt,
            "options": list(self.options),
        }
        if with_answer:
            out["subject"] = self.subject
            out["refs"] = [r.to_dict() for r in self.refs]
            out["answer"] = self.answer
            out["explanation"] = self.explanation
            out["facts"] = dict(self.facts)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        """Rebuild a question sent to a client with its answer (e.g. kept in a session)."""
        try:
            options = tuple(str(o) for o in data["options"])
            answer = int(data["answer"])
            if not 0 <= answer < len(options):
                raise ValueError(f"answer {answer} is not an option index")
            return cls(
                id=str(data["id"]),
                kind=str(data["kind"]),
                subject=str(data["subject"]),
                prompt=str(data["prompt"]),
                options=options,
                answer=answer,
                explanation=str(data["explanation"]),
                refs=tuple(Ref(str(r["node"]), r.get("line")) for r in data["refs"]),
                facts=tuple(sorted((str(k), str(v)) for k, v in data.get("facts", {}).items())),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise QuaestioError(f"not a quiz question: {exc}", field="question") from exc


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer, with the reason and the nodes it rests on."""

    correct: bool
    given: str | None
    expected: str
    explanation: str
    refs: tuple[Ref, ...]

    @property
    def message(self) -> str:
        cited = "; ".join(r.describe() for r in self.refs)
        head = "Correct." if self.correct else f"Not quite: the answer is {self.expected!r}."
        return f"{head} {self.explanation} [{cited}]"

    def to_dict(self) -> dict[str, Any]:
        return {
            "correct": self.correct,
            "given": self.given,
            "expected": self.expected,
            "explanation": self.explanation,
            "refs": [r.to_dict() for r in self.refs],
            "message": self.message,
        }


Pools = dict[str, tuple[Draft, ...]]
#: every draft of a quiz, by the debate given to ``make_quiz`` and (kinds, semantics)
_DRAFTS: ByDebate[Pools] = ByDebate(4)


def every_draft(debate: Debate, kinds: tuple[str, ...], semantics: str) -> Pools:
    """Every question of each kind, before dealing, for ``debate`` as given (the typos
    the importer flagged are corrected here).

    Drafting reads the whole debate (about half a second at 2,000 points) while dealing
    only shuffles; a class deals many quizzes, each with its own seed, from one debate,
    and marking deals each again, so the drafts are kept for the last few debates (a
    server, which drafts in a child process, keeps them itself and deals with ``drafts``).
    """
    found = _DRAFTS.get(debate, (kinds, semantics))
    if found is None:
        found = _draft(corrected(debate), kinds, semantics)
        _DRAFTS.put(debate, (kinds, semantics), found)
    return found


def _draft(debate: Debate, kinds: tuple[str, ...], semantics: str) -> Pools:
    out: Pools = {}
    for kind in kinds:
        if kind == "discount_top":
            from quaestio.study.whatif import discount_top  # runs the reasoning engine

            out[kind] = tuple(discount_top(debate, semantics))
        else:
            out[kind] = tuple(GENERATORS[kind](debate))
    return out


METHOD_KINDS = ("discount_top",)  # about the reasoning engine, not history: a "method" quiz


def question_kinds() -> list[str]:
    return [*GENERATORS, *METHOD_KINDS]


def student_kinds() -> list[str]:
    """The kinds a student quiz uses by default: questions about the history only."""
    return list(GENERATORS)


def chosen_kinds(kinds: list[str] | None) -> tuple[str, ...]:
    """The kinds a quiz asks for ``kinds`` (the student kinds when none), checked."""
    chosen = tuple(kinds or student_kinds())
    unknown = [k for k in chosen if k not in question_kinds()]
    if unknown:
        raise QuaestioError(
            f"unknown question kind(s) {', '.join(unknown)}; known: {', '.join(question_kinds())}",
            field="kinds",
        )
    return chosen


def make_quiz(
    debate: Debate,
    n: int = 20,
    seed: int = 1,
    *,
    kinds: list[str] | None = None,
    semantics: str = "dfquad",
    drafts: Pools | None = None,
) -> list[Question]:
    """Up to ``n`` questions, mixing kinds, the same for the same debate and seed.

    By default only questions about the history (``student_kinds``); questions about the
    reasoning engine ("discount_top") only when asked for by kind. ``drafts`` is
    ``every_draft(debate, chosen_kinds(kinds), semantics)`` when the caller holds it.
    """
    if n < 1:
        raise QuaestioError(f"a quiz needs at least one question, not {n}", field="n")
    chosen = chosen_kinds(kinds)
    rng = random.Random(seed)
    # fresh lists to shuffle and pop; the drafts are the debate's, with its typos corrected
    if drafts is None:
        drafts = every_draft(debate, chosen, semantics)
    pools = {kind: list(pool) for kind, pool in drafts.items()}
    for pool in pools.values():
        rng.shuffle(pool)
    order = [k for k in chosen if pools[k]]
    rng.shuffle(order)
    dealt: list[Draft] = []
    asked: set[str] = set()  # the same prompt twice is a repeat, whatever node it came from
    while len(dealt) < n and any(pools[k] for k in order):
        for kind in order:
            while pools[kind] and len(dealt) < n:
                draft = pools[kind].pop()
                if draft.prompt not in asked:
                    asked.add(draft.prompt)
                    dealt.append(draft)
                    break
    return [_finish(i, draft, rng) for i, draft in enumerate(dealt)]


# Two-way questions always show their options in this order, whichever is right.
CANONICAL = ("supports", "counts against", "positive", "negative")


def _deal(draft: Draft, rng: random.Random) -> list[str]:
    correct, pool = draft.options[0], list(draft.options[1:])
    if draft.fixed_order:
        options = [correct, *pool]
        return sorted(options, key=lambda o: CANONICAL.index(o) if o in CANONICAL else 99)
    first, rest = pool[: draft.preferred], pool[draft.preferred :]
    rng.shuffle(first)
    rng.shuffle(rest)
    options = [correct, *(first + rest)[: MAX_OPTIONS - 1]]
    rng.shuffle(options)
    return options


def _finish(index: int, draft: Draft, rng: random.Random) -> Question:
    options = _deal(draft, rng)
    return Question(
        id=f"q{index + 1}",
        kind=draft.kind,
        subject=draft.subject,
        prompt=draft.prompt,
        options=tuple(options),
        answer=options.index(draft.options[0]),
        explanation=draft.explanation,
        refs=draft.refs,
        facts=tuple(sorted(draft.facts.items())),
    )


def choice_index(question: Question, answer: int | str | None) -> int | None:
    """Which option an answer means, or None when it names none of them."""
    if answer is None:
        return None
    if isinstance(answer, int):
        return answer if 0 <= answer < len(question.options) else None
    text = clean(answer)
    if len(text) == 1 and text.upper() in LETTERS[: len(question.options)]:
        return LETTERS.index(text.upper())
    if text.isdigit() and 1 <= int(text) <= len(question.options):
        return int(text) - 1
    folded = text.casefold()
    for i, option in enumerate(question.options):
        if clean(option).casefold() == folded:
            return i
    return None


def mark(question: Question, answer: int | str | None) -> Feedback:
    """Mark one answer; the feedback always cites the node the answer comes from."""
    index = choice_index(question, answer)
    given = (
        question.options[index] if index is not None else (None if answer is None else str(answer))
    )
    return Feedback(
        correct=index == question.answer,
        given=given,
        expected=question.correct,
        explanation=question.explanation,
        refs=question.refs,
    )
