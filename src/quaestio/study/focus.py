"""Reading an essay question: what (or who) it asks to weigh.

"To what extent was X responsible for ...?", "How far was X to blame ...?" and
"How far do you agree that X ...?" all ask for a judgement on X, not a list of
causes. This module finds X and the explanations that are about X, by matching
X's words against position titles (and summaries when no title matches). It
never guesses beyond the debate: when X matches no explanation, the question is
answered as a general "which explanation is strongest" question and the plan
says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quaestio.extract import fold
from quaestio.model import Debate

_VERB = r"(?:was|were|is|are|did|do|does|had|has|could|can|should)"
_AGREE = re.compile(
    r"\b(?:to what extent|how far)\s+(?:do|would)\s+you\s+agree\s+(?:that|with)\s+"
    r"(?P<x>.+?)\s*[?.]?\s*$",
    re.I,
)
_EXTENT = re.compile(
    r"\b(?:to what extent|how far|how much)\s+" + _VERB + r"\s+(?P<x>.+?)\s+"
    r"(?P<pred>(?:be\s+)?(?:held\s+)?(?:responsible|to blame|blamed|the\s+(?:main\s+|chief\s+|"
    r"principal\s+|most\s+important\s+)?(?:cause|reason|driving force)|behind|cause|caused|"
    r"drive|drove|lead|led|bring|brought|explain|explains|account)\b)",
    re.I,
)
_STOP = {
    "the", "a", "an", "of", "and", "or", "to", "for", "in", "on", "by", "his", "her", "its",
    "their", "was", "were", "is", "are", "that", "this", "be", "it", "as", "with", "s",
}  # fmt: skip


@dataclass(frozen=True)
class Focus:
    """The subject of a "to what extent" question and the explanations that concern it."""

    subject: str
    positions: tuple[str, ...]
    kind: str  # "responsibility" or "agreement"


def _tokens(text: str) -> set[str]:
    words = re.split(r"[\s\-–—/,:;.!?()“”\"]+", text.replace("’", "'"))
    out: set[str] = set()
    for word in words:
        word = re.sub(r"'s$|'$", "", word)
        folded = fold(word)
        if len(folded) > 1 and folded not in _STOP:
            out.add(folded)
    return out


def subject_of(question: str) -> tuple[str, str] | None:
    """(X, kind) for a "to what extent / how far" question (or clause), else None."""
    m = _AGREE.search(question)
    if m:
        return m.group("x").strip(), "agreement"
    m = _EXTENT.search(question)
    if m:
        return m.group("x").strip(), "responsibility"
    return None


def find_focus(debate: Debate, question: str) -> Focus | None:
    """The explanations a "to what extent" question is about, or None for an open question."""
    parsed = subject_of(question)
    if parsed is None:
        return None
    subject, kind = parsed
    wanted = _tokens(subject)
    if not wanted:
        return None
    if kind == "agreement":
        # the claim itself: the explanation sharing the most words with it
        scored = sorted(
            ((len(wanted & _tokens(p.title)), -i, p.id) for i, p in enumerate(debate.positions)),
            reverse=True,
        )
        if scored and scored[0][0] >= max(1, len(wanted) // 2):
            best = scored[0][0]
            ids = tuple(pid for score, _, pid in scored if score == best)
            return _limited(debate, Focus(subject, ids, kind))
        return None
    for field in ("title", "summary"):
        ids = tuple(
            p.id
            for p in debate.positions
            if wanted & _tokens(p.title if field == "title" else f"{p.title} {p.summary}")
        )
        if ids:
            return _limited(debate, Focus(subject, ids, kind))
    return None


def _limited(debate: Debate, focus: Focus) -> Focus | None:
    # a subject every explanation mentions ("the purges") singles nothing out
    if len(focus.positions) == len(debate.positions) and len(debate.positions) > 1:
        return None
    return focus
