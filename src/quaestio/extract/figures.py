"""Figures inside evidence: counts, fractions and percentages with what they count.

"1104 ... dead", "3/5 Marshals", "44 000 people", "1/18 of the population",
"half the Navy" are what a student must remember, so they become data.
"""

from __future__ import annotations

import re

from quaestio.model import Figure

_NUMBER = r"\d{1,3}(?:[ ,\u00a0]\d{3})+|\d+(?:\.\d+)?"
_UNIT = r"(?:\s+(?:of\s+the\s+)?([A-Za-z][A-Za-z-]+))?"
_FRACTION = re.compile(r"(?<![\d/])(\d+)\s*/\s*(\d+)(?![\d/])" + _UNIT)
_PERCENT = re.compile(r"(?<![\d.])(" + _NUMBER + r")\s*(?:%|per\s*cent|percent)")
_COUNT = re.compile(
    r"(?<![\d/.\w])(" + _NUMBER + r")(?![\d/])" + r"(?:\s+(?:million|thousand))?" + _UNIT
)
_YEARISH = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_WORD_FRACTIONS = {"half": (1, 2), "a third": (1, 3), "a quarter": (1, 4)}
_STOP_UNITS = {"and", "or", "the", "a", "an", "of", "to", "in", "at", "by", "on", "were", "was"}


def _to_float(number: str) -> float:
    return float(re.sub(r"[ ,\u00a0]", "", number))


def parse_figure(text: str) -> Figure | None:
    """Parse one figure written on its own ("3/5 Marshals", "44 000 people")."""
    found = find_figures(text)
    return found[0] if found else None


def find_figures(text: str) -> tuple[Figure, ...]:
    """Every figure in ``text`` in reading order. Bare years are not figures."""
    spans: list[tuple[int, Figure]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _FRACTION.finditer(text):
        num, den = int(m.group(1)), int(m.group(2))
        if den == 0 or (len(m.group(2)) == 2 and len(m.group(1)) == 4):
            continue  # "1937/38" is a year range, not a fraction
        unit = m.group(3) if m.group(3) and m.group(3).lower() not in _STOP_UNITS else None
        end = m.end() if unit or not m.group(3) else m.start(3)
        taken.append((m.start(), end))
        spans.append(
            (
                m.start(),
                Figure(text[m.start() : end].strip(), float(num), "fraction", float(den), unit),
            )
        )
    for m in _PERCENT.finditer(text):
        if free(*m.span()):
            taken.append(m.span())
            spans.append((m.start(), Figure(m.group(0).strip(), _to_float(m.group(1)), "percent")))
    for m in _COUNT.finditer(text):
        if not free(*m.span()):
            continue
        raw = m.group(1)
        if _YEARISH.match(raw):
            continue
        value = _to_float(raw)
        tail = m.group(0)[len(raw) :].lower()
        if "million" in tail:
            value *= 1_000_000
        elif "thousand" in tail:
            value *= 1_000
        unit = m.group(2) if m.group(2) and m.group(2).lower() not in _STOP_UNITS else None
        end = m.end() if unit or not m.group(2) else m.start(2)
        taken.append((m.start(), end))
        spans.append((m.start(), Figure(text[m.start() : end].strip(), value, "count", None, unit)))
    for word, (num, den) in _WORD_FRACTIONS.items():
        for m in re.finditer(r"\b" + word + r"\s+(?:of\s+)?(?:the\s+)?([A-Za-z]+)", text, re.I):
            if free(*m.span()):
                taken.append(m.span())
                spans.append(
                    (
                        m.start(),
                        Figure(m.group(0).strip(), float(num), "fraction", float(den), m.group(1)),
                    )
                )
    return tuple(f for _, f in sorted(spans, key=lambda s: s[0]))


def glued_numbers(text: str) -> list[str]:
    """Numbers glued to letters ("1996b"): usually typos that hide a figure."""
    return re.findall(r"\b\d+[A-Za-z]+\b|\b[A-Za-z]+\d+\b", text)
