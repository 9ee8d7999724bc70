"""The debate's title and the question it answers, from the document's first line.

A handout titled "... : Explanation of the Purges" explains why something
happened, so its question is "Why did the purges happen?". Only titles of that
shape ("explanation(s)/cause(s)/reason(s) of/for X") are turned into a why-
question; a title that is already a question is kept, and anything else is its
own question, because guessing further would put words in the teacher's mouth.
"""

from __future__ import annotations

import re

_WHY = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<kind>explanations?|causes?|reasons?|origins?)\s+(?:of|for|behind)\s+"
    r"(?P<what>.+?)[.]?$",
    re.I,
)
_ASIDE = re.compile(r"\s*\((?:summary|revision|study|class|lecture)?\s*notes?\)\s*$", re.I)
# "Question: ...", "Essay question – ...", "Question d'essai :", "Problématique : ..."
QUESTION_LABEL = re.compile(
    r"^(?:(?:essay|exam|key|the)\s+)?(?:question|probl[ée]matique)(?:\s+d[’']essai)?\s*[:\-–]\s*(?P<rest>.*)$",
    re.I,
)


def _case_as_written(subject: str, document: str) -> str:
    """Lower-case the subject's capitals when the document itself writes them in lower case.

    Title Case hides whether "Purges" is a name; the body text tells: if it also
    writes "purges", the word is a common noun. It is all or nothing, so that
    "the First World War" keeps its capitals unless every word of it is also
    written in lower case.
    """
    words = subject.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words[0] = words[0].lower()
    capitals = [w for w in words[1:] + words[:1] if w != w.lower()]
    if capitals and all(
        re.search(r"\b" + re.escape(w.lower()) + r"\b", document) for w in capitals
    ):
        words = [w.lower() for w in words]
    return " ".join(words)


def question_for(title: str, document: str = "") -> str:
    """The question a debate titled ``title`` answers (the title itself if unsure)."""
    title = _ASIDE.sub("", title.strip())
    if title.endswith("?"):
        return title
    for part in reversed([p.strip() for p in title.split(":") if p.strip()]):
        m = _WHY.match(part)
        if m:
            what = _case_as_written(m.group("what").strip(), document)
            if m.group("kind").lower().startswith("cause"):
                return f"What caused {what}?"
            return f"Why did {what} happen?"
    return title


def stated_question(texts: list[tuple[str, bool]]) -> str | None:
    """The question a document states on a "Question:" line (or under such a heading).

    ``texts`` are the document's blocks in order as (text, is_heading); a label
    with nothing after it takes the next block.
    """
    for index, (text, _) in enumerate(texts):
        m = QUESTION_LABEL.match(text.strip())
        if m is None:
            continue
        rest = m.group("rest").strip()
        if not rest and index + 1 < len(texts) and not texts[index + 1][1]:
            rest = texts[index + 1][0].strip()
        if len(rest.split()) >= 3:
            return rest if rest.endswith("?") else rest.rstrip(".") + "?"
    return None


# Exam forms that state the question without a "Question:" label.
EXAM_FORM = re.compile(
    r"^(?:to\s+what\s+extent|how\s+far|how\s+(?:significant|important|successful)\s+(?:was|were)|"
    r"assess\s+the\s+(?:view|claim|reasons|causes|importance)|evaluate\s+the\s+(?:view|claim)|"
    r"dans\s+quelle\s+mesure)\b.{8,}",
    re.I,
)


def exam_question(texts: list[tuple[str, bool]]) -> str | None:
    """The first line written as an exam question ("How far ...?", "Assess the view that ...").

    A quoted claim followed by "Discuss." or "How far do you agree?" is the same
    thing. An order ("Assess the view ...") is kept as the teacher wrote it.
    """
    for text, _ in texts:
        line = text.strip().strip("*_").strip()
        if EXAM_FORM.match(line) or re.search(
            r"[”\"']\s*(?:discuss|how\s+far\s+do\s+you\s+agree)\b", line, re.I
        ):
            return line
    return None
