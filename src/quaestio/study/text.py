"""Small text helpers shared by plans, quizzes and cards.

Study material must never invent content, so these helpers only cut the
debate's own wording into pieces (sentences, excerpts) and point back at the
node each piece came from. Nothing here paraphrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quaestio.model import Consequence, Debate, Evidence, Position, Source

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"'“‘(A-Z])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|Nos|vs|etc|"
    r"Gen|Col|Lt|Capt|Prof|Rev|Vol|pp|ca|cf|approx)|\b[A-Z]|e\.g|i\.e)\.$"
)
_BULLETS = re.compile(r"\s*[·•]\s*")
_SPACES = re.compile(r"[ \t\u00a0]+")

Node = Position | Evidence | Consequence


@dataclass(frozen=True)
class Ref:
    """A pointer from a piece of study material to the node it was built from."""

    node: str
    line: int | None = None

    def describe(self) -> str:
        return f"{self.node}, line {self.line}" if self.line is not None else self.node

    def to_dict(self) -> dict[str, object]:
        return {"node": self.node, "line": self.line}


@dataclass(frozen=True)
class Point:
    """One sentence of study material: an optional fixed label, the text, and its sources."""

    text: str
    refs: tuple[Ref, ...]
    label: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "text": self.text, "refs": [r.to_dict() for r in self.refs]}


def source_line(source: Source | None) -> int | None:
    return source.line_start if source is not None else None


def ref(node: Node) -> Ref:
    return Ref(node.id, source_line(node.source))


def clean(text: str) -> str:
    """Collapse runs of blanks and trim, keeping the wording intact."""
    return _SPACES.sub(" ", text).strip()


def sentences(text: str) -> list[str]:
    """Split running text into sentences, treating bullets and line breaks as breaks too."""
    out: list[str] = []
    for block in re.split(r"\n+", text):
        for piece in _BULLETS.split(block):
            merged: list[str] = []
            for sentence in _SENTENCE_END.split(piece):
                if merged and _ABBREVIATION.search(merged[-1]):
                    merged[-1] = f"{merged[-1]} {sentence}"  # "Dec. 1st" is not a sentence end
                else:
                    merged.append(sentence)
            out.extend(c for c in (clean(m) for m in merged) if c)
    return out


def window(text: str, marker: str, words: int = 40) -> str:
    """At most ``words`` words of ``text`` around the first ``marker``, ellipses where cut."""
    parts = clean(text).split(" ")
    if len(parts) <= words:
        return " ".join(parts)
    at = next((i for i, w in enumerate(parts) if marker in w), 0)
    start = max(0, min(at - words // 3, len(parts) - words))
    end = start + words
    head = "… " if start > 0 else ""
    tail = " …" if end < len(parts) else ""
    return head + " ".join(parts[start:end]) + tail


def shorten(text: str, words: int = 30) -> str:
    """At most ``words`` words of ``text``; a cut is marked with an ellipsis."""
    parts = clean(text).split(" ")
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:–-") + " …"


def excerpt(item: Evidence, words: int = 30) -> str:
    """How a piece of evidence is named to a student: its opening sentences, shortened.

    Whole sentences are taken while they fit in ``words`` (at least the first,
    shortened if need be). A label such as "Industrial Enemies" alone would not
    tell two points apart, so it is only a prefix when the text does not start with it.
    """
    parts = sentences(item.text) or [clean(item.text)]
    taken = [parts[0]]
    for sentence in parts[1:]:
        if len(" ".join([*taken, sentence]).split()) > words:
            break
        taken.append(sentence)
    body = shorten(" ".join(taken), words)
    if item.label and not parts[0].lower().startswith(item.label.lower()):
        return f"{item.label}: {body}"
    return body


def position_claim(position: Position) -> str:
    """The position's own summary, or its title when the debate gives no summary."""
    return clean(position.summary) or clean(position.title)


def historian_names(position: Position) -> list[str]:
    return [h.name for h in position.historians]


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def quoted(text: str) -> str:
    return f"“{text}”"


def all_sentences(debate: Debate) -> list[tuple[Evidence, str]]:
    """Every sentence of every piece of evidence, with the evidence it belongs to."""
    return [(e, s) for _, e in debate.iter_evidence() for s in sentences(e.text)]
