"""Figures inside evidence: counts, fractions and percentages with what they count.

"1104 ... dead", "3/5 Marshals", "44 000 people", "1/18 of the population",
"half the Navy" are what a student must remember, so they become data. Years
("1934", the "21" of "1919, 21") and ordinals ("1st") are not figures, and a
number glued to letters ("1996b") is reported by ``glued_numbers`` instead of
being guessed at.
"""

from __future__ import annotations

import re

from quaestio.extract.years import year_spans
from quaestio.model import Figure

_NUMBER = r"\d{1,3}(?:[ ,\u00a0]\d{3})+(?!\d)|\d+(?:\.\d+)?"
_WORD = r"[A-Za-z][A-Za-z-]*"
# What is counted: one word, or two when the second is a plural ("Army commanders");
# a linking verb in between is skipped ("1104 were dead").
_UNIT = (
    r"(?:\s+(?:of\s+(?:the\s+)?)?(?:(?:were|was|are|is)\s+)?"
    r"(" + _WORD + r"(?:\s+[A-Za-z][a-z-]*s\b)?))?"
)
_FRACTION = re.compile(r"(?<![\d/\w.])(\d+)\s*/\s*(\d+)(?![\d/\w])" + _UNIT)
_PERCENT = re.compile(r"(?<![\d.\w])(" + _NUMBER + r")\s*(?:%|per\s*cent\b|percent\b)")
_COUNT = re.compile(
    r"(?<![\d/.\w])(" + _NUMBER + r")(?![\d/\w])(\s+(?:million|thousand|hundred)\b)?" + _UNIT
)
_WORD_FRACTIONS = {"half": (1, 2), "a third": (1, 3), "a quarter": (1, 4), "two thirds": (2, 3)}
_STOP_UNITS = {
    "and", "or", "the", "a", "an", "of", "to", "in", "at", "by", "on", "were", "was", "is",
    "are", "far", "more", "less", "than", "from", "for", "with", "who", "which", "that",
    "had", "have", "has", "been", "be", "per", "each", "all", "out", "into", "as", "it",
    "they", "he", "she", "but", "so", "then", "when", "while", "after", "before", "up",
}


def _to_float(number: str) -> float:
    return float(re.sub(r"[ ,\u00a0]", "", number))


def _unit(raw: str | None) -> str | None:
    if not raw:
        return None
    words = raw.split()
    if words[0].lower() in _STOP_UNITS:
        return None
    if len(words) > 1 and words[1].lower() in _STOP_UNITS:
        words = words[:1]
    return " ".join(words)


def parse_figure(text: str) -> Figure | None:
    """Parse one figure written on its own ("3/5 Marshals", "44 000 people")."""
    found = find_figures(text)
    return found[0] if found else None


def find_figures(text: str) -> tuple[Figure, ...]:
    """Every figure in ``text`` in reading order. Years are not figures."""
    spans: list[tuple[int, Figure]] = []
    taken: list[tuple[int, int]] = [(a, b) for a, b, _ in year_spans(text)]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(start: int, end: int, figure: Figure) -> None:
        taken.append((start, end))
        spans.append((start, figure))

    for m in _FRACTION.finditer(text):
        num, den = int(m.group(1)), int(m.group(2))
        if den == 0 or num > den * 10 or not free(m.start(), m.end(2)):
            continue
        unit = _unit(m.group(3))
        end = m.start(3) + len(unit) if unit else m.end(2)
        add(m.start(), end, Figure(text[m.start() : end].strip(), float(num), "fraction", float(den), unit))
    for m in _PERCENT.finditer(text):
        if free(*m.span()):
            add(m.start(), m.end(), Figure(m.group(0).strip(), _to_float(m.group(1)), "percent"))
    for m in _COUNT.finditer(text):
        if not free(m.start(), m.end(1)):
            continue
        value = _to_float(m.group(1))
        scale = (m.group(2) or "").strip().lower()
        value *= {"million": 1_000_000, "thousand": 1_000, "hundred": 100}.get(scale, 1)
        unit = _unit(m.group(3))
        end = m.start(3) + len(unit) if unit else m.end(2) if m.group(2) else m.end(1)
        add(m.start(), end, Figure(text[m.start() : end].strip(), value, "count", None, unit))
    for word, (num, den) in _WORD_FRACTIONS.items():
        pattern = r"\b" + word + r"\s+(?:of\s+)?(?:the\s+|all\s+)?([A-Za-z]+)"
        for m in re.finditer(pattern, text, re.I):
            unit = _unit(m.group(1))
            if unit and free(*m.span()):
                add(m.start(), m.end(), Figure(m.group(0).strip(), float(num), "fraction", float(den), unit))
    return tuple(f for _, f in sorted(spans, key=lambda s: s[0]))


_GLUED = re.compile(r"\b\d+[A-Za-z]+\b|\b[A-Za-z]+\d+[A-Za-z]*\b")
_ALLOWED_GLUE = re.compile(
    r"^(?:\d*(?:1st|2nd|3rd|[04-9]th|1[1-3]th)|\d{2,4}s|\d+(?:km|kg|cm|mm|m|am|pm|bn|m|k))$",
    re.I,
)


def glued_numbers(text: str) -> list[str]:
    """Numbers glued to letters ("1996b"): usually typos that hide a figure.

    Ordinals ("1st"), decades ("1930s") and common unit suffixes ("5km") are
    ordinary writing and are not reported.
    """
    return [m.group(0) for m in _GLUED.finditer(text) if not _ALLOWED_GLUE.match(m.group(0))]
