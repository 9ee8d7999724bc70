"""Exam question forms: what an essay question asks, and which explanation it names.

History exams ask in a handful of set forms, and each wants a different answer:
"To what extent…" / "How far…" a judgement of degree on the factor named; "How far do
you agree that X was the main…" and "Assess the view that…" a judgement on the view
named; "How significant…" the weight of one factor; "Compare…" two readings set side by
side; "Why did…" the strongest explanations. The factor is what the question names
before "was the main cause" (the alliance system, not the war it caused), matched to
a position by the distinctive words of its title, then of its summary. A form not
recognised still gets a plan, with a note saying the question was read as "why".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quaestio.model import Debate
from quaestio.study.author import words

FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "agree",
        re.compile(
            r"\b(?:to what extent|how far)\s+(?:do|would)\s+you\s+agree\s+(?:that|with)\s+"
            r"(?:the\s+view\s+that\s+)?(?P<x>.+?)\s*[?.]?\s*$",
            re.I,
        ),
    ),
    (
        "view",
        re.compile(
            r"\b(?:assess|evaluate)\s+the\s+(?:view|claim|argument)\s+that\s+(?P<x>.+?)\s*[?.]?\s*$",
            re.I,
        ),
    ),
    (
        "significance",
        re.compile(
            r"\bhow\s+(?:significant|important)\s+(?:was|were|is|are)\s+(?P<x>.+?)\s+(?:in|for|to)\b",
            re.I,
        ),
    ),
    ("compare", re.compile(r"\bcompare\s+(?P<x>.+?)\s*[?.]?\s*$", re.I)),
    (
        "extent",
        re.compile(
            r"\b(?:to what extent|how far|how much)\s+(?:was|were|is|are|did|do|does|had|has)\s+"
            r"(?P<x>.+?)\s*[?.]?\s*$",
            re.I,
        ),
    ),
    ("why", re.compile(r"^\s*(?:why|what\s+(?:caused|explains)|explain\s+why)\b(?P<x>.*)$", re.I)),
)
# the claim in "X was the main cause of Y": X is the factor, the rest is the event
_MAIN = re.compile(
    r"^(?P<x>.+?)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:main|chief|principal|most important|"
    r"key|primary|real)?\s*(?:cause|reason|factor|explanation|driving force|responsible|to blame)",
    re.I,
)
_RESPONSIBLE = re.compile(
    r"^(?P<x>.+?)\s+(?:be\s+)?(?:held\s+)?(?:responsible|to blame|blamed|behind|the\s+(?:main\s+)?"
    r"(?:cause|reason)|caused?|drove|drive|led|lead|brought|explains?|accounts?)\b",
    re.I,
)

NOTES = {
    "unknown": "The question is not in a form this plan knows, so the plan weighs which "
    "explanations are strongest.",
    "unmatched": "The question names no explanation of the debate, so the plan weighs which "
    "explanations are strongest.",
}


@dataclass(frozen=True)
class QuestionForm:
    """An exam question read: its form, the factor it names and that factor's positions."""

    kind: str  # agree, view, significance, compare, extent, why, unknown
    subject: str
    positions: tuple[str, ...]
    note: str | None = None


def _factor(kind: str, text: str) -> str:
    text = text.strip()
    if kind in ("agree", "view"):
        m = _MAIN.match(text)
        return m.group("x") if m else text
    if kind == "extent":
        m = _RESPONSIBLE.match(text)
        return m.group("x") if m else text
    return text


def _match(debate: Debate, subject: str, many: bool) -> tuple[str, ...]:
    wanted = {w for w in words(subject)}
    shared: dict[str, int] = {}
    for p in debate.positions:
        for w in words(p.title):
            shared[w] = shared.get(w, 0) + 1
    common = {
        w for w, n in shared.items() if len(debate.positions) > 2 and n > len(debate.positions) / 3
    }
    for field in ("title", "summary"):
        scored = []
        for p in debate.positions:
            mine = words(p.title if field == "title" else f"{p.title} {p.summary}") - common
            hits = len(wanted & mine)
            if hits:
                scored.append((hits, p.id))
        if scored:
            if many:
                return tuple(pid for _, pid in scored)
            best = max(h for h, _ in scored)
            return tuple(pid for h, pid in scored if h == best)
    return ()


def read_question(debate: Debate, question: str) -> QuestionForm:
    """The form of ``question`` and the positions it asks about (none for "why")."""
    for kind, pattern in FORMS:
        m = pattern.search(question)
        if m is None:
            continue
        if kind == "why":
            return QuestionForm("why", "", ())
        subject = _factor(kind, m.group("x"))
        ids = _match(debate, subject, many=kind == "compare")
        if len(ids) == len(debate.positions) and len(ids) > 1:
            ids = ()  # a subject every explanation shares singles nothing out
        if not ids:
            return QuestionForm(kind, subject, (), NOTES["unmatched"])
        return QuestionForm(kind, subject, ids)
    return QuestionForm("unknown", "", (), NOTES["unknown"])
