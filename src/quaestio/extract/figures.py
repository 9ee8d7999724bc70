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
# What is counted: one word, or up to three ending in a plural ("Army commanders",
# "death sentence lists"); a linking verb in between is skipped ("1104 were dead").
_UNIT = (
    r"(?:\s+(?:of\s+(?:the\s+)?)?(?:(?:were|was|are|is)\s+)?"
    r"(" + _WORD + r"(?:\s+[A-Za-z][A-Za-z-]*){0,2}))?"
)
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
_FRACTION = re.compile(r"(?<![\d/\w.])(\d+)\s*/\s*(\d+)(?![\d/\w])" + _UNIT)
_PERCENT = re.compile(r"(?<![\d.\w])(" + _NUMBER + r")\s*(?:%|per\s*cent\b|percent\b)")
_COUNT = re.compile(
    r"(?<![\d/.\w])(" + _NUMBER + r")(?![\d/\w])(\s+(?:million|thousand|hundred)\b)?" + _UNIT
)
_WORD_FRACTIONS = {"half": (1, 2), "a third": (1, 3), "a quarter": (1, 4), "two thirds": (2, 3)}
_STOP_UNITS = {
    "and",
    "or",
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "at",
    "by",
    "on",
    "were",
    "was",
    "is",
    "are",
    "far",
    "more",
    "less",
    "than",
    "from",
    "for",
    "with",
    "who",
    "which",
    "that",
    "had",
    "have",
    "has",
    "been",
    "be",
    "per",
    "each",
    "all",
    "out",
    "into",
    "as",
    "it",
    "they",
    "he",
    "she",
    "but",
    "so",
    "then",
    "when",
    "while",
    "after",
    "before",
    "up",
}


def _to_float(number: str) -> float:
    return float(re.sub(r"[ ,\u00a0]", "", number))


def _unit(raw: str | None, *, singular: bool = False) -> str | None:
    """What a figure counts, from the words after it (None when they are not a noun)."""
    if not raw:
        return None
    words = raw.split()
    if words[0].lower() in _STOP_UNITS:
        return None
    for k in range(min(len(words), 3) - 1, 0, -1):
        phrase = words[1 : k + 1]
        last = phrase[-1]
        plural = last.endswith("s") and not last.endswith("ss") and len(last) > 3
        plain = all(w.lower() not in _STOP_UNITS | _NUMBER_WORDS and w.islower() for w in phrase)
        if plural and plain:
            return " ".join(words[: k + 1])
    if len(words) > 1 and words[0][0].isupper() and words[1][0].isupper():
        return " ".join(words[:2])  # "War Commissars"
    noun = words[1] if len(words) > 1 else ""
    if (
        singular
        and noun.islower()
        and len(noun) > 2
        and noun not in _STOP_UNITS
        and not noun.endswith(("ing", "ed", "ly"))
    ):
        return " ".join(words[:2])  # "1 senior officer"
    return words[0]


def _unit_end(text: str, start: int, unit: str) -> int:
    """Where ``unit`` (single-spaced) ends in ``text`` from ``start``, whatever the spacing."""
    m = re.compile(r"\s+".join(re.escape(w) for w in unit.split())).match(text, start)
    return m.end() if m else start + len(unit)


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
        end = _unit_end(text, m.start(3), unit) if unit else m.end(2)
        add(
            m.start(),
            end,
            Figure(text[m.start() : end].strip(), float(num), "fraction", float(den), unit),
        )
    for m in _PERCENT.finditer(text):
        if free(*m.span()):
            add(m.start(), m.end(), Figure(m.group(0).strip(), _to_float(m.group(1)), "percent"))
    for m in _COUNT.finditer(text):
        if not free(m.start(), m.end(1)):
            continue
        value = _to_float(m.group(1))
        scale = (m.group(2) or "").strip().lower()
        value *= {"million": 1_000_000, "thousand": 1_000, "hundred": 100}.get(scale, 1)
        unit = _unit(m.group(3), singular=value == 1)
        end = _unit_end(text, m.start(3), unit) if unit else m.end(2) if m.group(2) else m.end(1)
        add(m.start(), end, Figure(text[m.start() : end].strip(), value, "count", None, unit))
    for word, (num, den) in _WORD_FRACTIONS.items():
        pattern = (
            r"\b" + word + r"\s+(?:of\s+)?(?:the\s+|all\s+)?"
            r"(" + _WORD + r"(?:\s+[A-Za-z][A-Za-z-]*){0,2})"
        )
        for m in re.finditer(pattern, text, re.I):
            unit = _unit(m.group(1))
            if not unit:
                continue
            end = _unit_end(text, m.start(1), unit)
            if free(m.start(), end):
                figure = Figure(text[m.start() : end], float(num), "fraction", float(den), unit)
                add(m.start(), end, figure)
    return tuple(f for _, f in sorted(spans, key=lambda s: s[0]))


_GLUED = re.compile(r"\b\d+[A-Za-z]+\b|\b[A-Za-z]+\d+[A-Za-z]*\b")
_ALLOWED_GLUE = re.compile(
    r"^(?:\d*(?:1st|2nd|3rd|[04-9]th|1[1-3]th)|\d{2,4}s|\d+(?:km|kg|cm|mm|m|am|pm|bn|m|k))$",
    re.I,
)
_CODE = re.compile(r"^[A-Z]{1,5}\d{1,3}$")  # "WW2", "S3", "G7", "B-52" style names


def glued_numbers(text: str) -> list[str]:
    """Numbers glued to letters ("1996b"): usually typos that hide a figure.

    Ordinals ("1st"), decades ("1930s"), common unit suffixes ("5km") and names
    written in capitals with a number ("WW2", "S3", "G7") are ordinary writing and
    are not reported.
    """
    return [
        m.group(0)
        for m in _GLUED.finditer(text)
        if not _ALLOWED_GLUE.match(m.group(0)) and not _CODE.match(m.group(0))
    ]
