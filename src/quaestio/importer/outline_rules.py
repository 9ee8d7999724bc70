"""The words an outline is read by: stance and polarity labels, signs of a debate, counters.

Each rule is a pattern with the words that trigger it, so a decision can be traced
to the line that made it; ``outline`` and ``sections`` apply them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from quaestio.importer.build import Builder
from quaestio.importer.layout import Block
from quaestio.model import Evidence

_STANCE = re.compile(
    r"^(?:(?:the\s+)?(?:evidence|arguments?|points?|case)\s+)?"
    r"(?P<stance>for|against|supporting|countering|support|counter[- ]?(?:arguments?|evidence)?|"
    r"criticisms?|pros|cons|strengths?|weakness(?:es)?|limitations?|challenging|challenges|"
    r"objections?)(?:\s+evidence|\s+arguments?)?\s*(?P<colon>:?)\s*(?P<rest>.*)$",
    re.I,
)
_POLARITY = re.compile(
    r"^(?P<pol>positives?|negatives?|advantages?|disadvantages?|benefits?|costs?)"
    r"(?:\s+\w+){0,4}?\s*(?P<colon>:?)\s*(?P<rest>.*)$",
    re.I,
)
_CONSEQUENCES = re.compile(
    r"\b(?:consequences?|effects?|results?|impact|outcomes?|"
    r"positives?|negatives?)\b",
    re.I,
)
_CONCLUSION = re.compile(r"^(?:in\s+)?(?:conclusions?|summary|overall|verdict|judge?ment)\b", re.I)
_NEGATIVE = re.compile(r"^(?:negatives?|disadvantages?|costs?)", re.I)
# Headings that never head an explanation: apparatus, worksheets, study aids.
_NOT_POSITION = re.compile(
    r"^(?:(?:suggested|further|wider)\s+reading|reading\s+list|bibliography|references?|sources?|"
    r"works\s+cited|notes?|key\s+(?:terms|words|dates|vocabulary)|glossary|vocabulary|timeline|"
    r"chronology|key\s+dates|questions?|exam\s+questions?|practice\s+questions?|tasks?|activit(?:y|ies)|"
    r"lecture\s+prep\w*|homework|pdf(?:\s+version)?|intro(?:duction)?|contents|table\s+of\s+contents|"
    r"further\s+resources|resources|links|see\s+also|image\s+credits?|context|background|"
    r"brainstorm(?:ing)?|(?:essay\s+)?(?:outline|plan)|thesis(?:\s+statement)?|overview)\b[\s:.]*$",
    re.I,
)
# Words that say a document weighs explanations against each other; notes without any of them
# (in the title, the question or a heading) are not read as a debate. "Historians" alone is
# not one: an essay about a historian's life or a period's writers weighs nothing.
_DEBATE_SIGNAL = re.compile(
    r"\b(?:to\s+what\s+extent|how\s+far|assess|evaluate|why\s+(?:did|was|were)|"
    r"what\s+(?:caused|pushed|led)|causes?|caused|reasons|reason\s+(?:for|why|behind)|explanations?|factors?|interpretations?|"
    r"views?|perspectives?|positions?|schools?\s+of\s+thought|revisionis\w*|orthodox\w*|"
    r"traditionalis\w*|intentionalis\w*|functionalis\w*|debates?|arguments?|counter-?arguments?|"
    r"supporting|challenging|axe|dans\s+quelle\s+mesure|probl[ée]matique)\b|"
    # Stance words sign a debate when they open the heading ("Criticisms of X", "Strengths"),
    # not inside a phrase ("The Art of Criticism").
    r"^\W*(?:the\s+|some\s+|main\s+|key\s+)?(?:strengths?|weakness(?:es)?|criticisms?|"
    r"limitations?|benefits?)\b",
    re.I,
)


def _stance(text: str) -> tuple[str, str] | None:
    """("for"|"against", rest) when ``text`` switches stance ("For:", "Against: ...")."""
    m = _STANCE.match(text.strip())
    if m is None or (m.group("rest") and not m.group("colon")):
        return None
    word = m.group("stance").lower()
    stance = (
        "for"
        if word in ("for", "supporting", "support", "pros", "strength", "strengths")
        else "against"
    )
    return stance, m.group("rest").strip()


def _polarity(text: str) -> tuple[str, str] | None:
    m = _POLARITY.match(text.strip())
    if m is None or (m.group("rest") and not m.group("colon")):
        return None
    return ("negative" if _NEGATIVE.match(m.group("pol")) else "positive"), m.group("rest").strip()


# "Historians:", "Key historians:", "Held by:", "Proponents:" introduce a position's historians.
_HISTORIANS_LINE = re.compile(
    r"^(?:(?:key|main|leading)\s+)?(?:historians?|held\s+by|proponents?|supporters?|"
    r"advocates?)(?:\s+of\s+this\s+view)?$",
    re.I,
)
_TITLE_NAMES = re.compile(r"\s*\(([^()]+)\)\s*$")


def _names_on_title(names: tuple[str, ...], builder: Builder) -> bool:
    """Parentheses on a heading hold historians: no acronym ("(LON)"), and two names or a known one."""
    if any(n.isupper() or n.lower() in builder.document for n in names if len(n) > 1):
        return False
    return len(names) >= 2 or builder.is_historian(names[0])


# A sentence that answers the point before it: "However, ...", "But ...", "This does not explain".
COUNTER_OPENING = re.compile(
    r"^(?:however\b|but\b|yet\b|nevertheless\b|on\s+the\s+other\s+hand\b|critics\b|"
    r"this\s+(?:does\s+not|doesn[’']t|fails\s+to)\s+explain|counter[- ]?(?:argument|point)s?\b|"
    r"[A-Z][\w'’-]+\s+(?:challenges|rejects|disputes|criticises|criticizes)\b)",
    re.I,
)


def _switch(block: Block) -> tuple[str, str] | None:
    """The stance a block switches to ("For:", a "Weaknesses" sub-heading), if it does."""
    if block.kind == "item" and block.level > 0:
        return None
    switch = _stance(block.text)
    if switch is None or (block.kind == "item" and switch[1]):
        return None
    return switch


def _answers(evidence: list[Evidence], answers: dict[int, int]) -> list[Evidence]:
    """Tie each "However, ..." point to the supporting point just before it."""
    by_line = {e.source.line_start: e.id for e in evidence if e.source and e.stance == "for"}
    out: list[Evidence] = []
    for e in evidence:
        start = e.source.line_start if e.source else None
        target = by_line.get(answers.get(start or -1, -1))
        if e.stance == "against" and target is not None and not e.rebuts:
            e = replace(e, rebuts=(target,))
        out.append(e)
    return out
