"""One builder for the hand-written sample debates of the browser suites.

``tests/web_ui/sample.py`` (a purges-like debate) and ``tests/web_study/sample.py``
(the 1918 flu) each write a debate by hand: positions with historians, points
with labels, years, weights, rebuttals and source lines, and a balance sheet.
Written out as ``Evidence(...)``/``Position(...)`` calls the two files were the
same code many times over; here a point is one ``pro(...)``/``con(...)`` row,
ids are numbered the way the importer numbers them (``p1.f1``, ``p1.a1``,
``c.pos1``) and a rebuttal names the rebutted point by its id inside the
position (``"f1"``), so a sample reads like the handout it stands for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quaestio.model import Consequence, Evidence, Figure, Historian, Position, Source
from quaestio.model.debate import Polarity, Stance

Lines = int | tuple[int, int]


@dataclass(frozen=True)
class Row:
    """One point of a position, before it gets its id."""

    stance: Stance
    text: str
    label: str | None = None
    years: tuple[int, ...] = ()
    weight: float = 0.5
    line: Lines | None = None
    rebuts: tuple[str, ...] = ()  # ids inside the same position: "f1"
    figures: tuple[Figure, ...] = ()


def pro(text: str, **kw: object) -> Row:
    return Row("for", text, **kw)  # type: ignore[arg-type]


def con(text: str, **kw: object) -> Row:
    return Row("against", text, **kw)  # type: ignore[arg-type]


@dataclass(frozen=True)
class SampleFile:
    """The handout a sample pretends to come from: gives every node its source lines."""

    name: str

    def source(self, lines: Lines | None) -> Source | None:
        if lines is None:
            return None
        first, last = (lines, lines) if isinstance(lines, int) else lines
        return Source(self.name, first, last)

    def position(
        self,
        pid: str,
        title: str,
        summary: str,
        historians: Sequence[str | tuple[str, str]],
        rows: Sequence[Row],
        lines: Lines | None = None,
    ) -> Position:
        """A position whose points are numbered f1, f2, ... and a1, a2, ... in reading order."""
        counts = {"for": 0, "against": 0}
        evidence = []
        for row in rows:
            counts[row.stance] += 1
            letter = "f" if row.stance == "for" else "a"
            evidence.append(
                Evidence(
                    f"{pid}.{letter}{counts[row.stance]}",
                    row.stance,
                    row.text,
                    label=row.label,
                    years=row.years,
                    figures=row.figures,
                    rebuts=tuple(f"{pid}.{r}" for r in row.rebuts),
                    weight=row.weight,
                    source=self.source(row.line),
                )
            )
        return Position(
            pid,
            title,
            summary,
            tuple(_historian(h) for h in historians),
            tuple(evidence),
            source=self.source(lines),
        )


def _historian(name: str | tuple[str, str]) -> Historian:
    """ "Conquest" keyed "conquest"; a (spelling, key) pair where the key differs."""
    if isinstance(name, tuple):
        return Historian(*name)
    return Historian(name, name.lower())


def balance_sheet(*rows: tuple[Polarity, str, str, float]) -> tuple[Consequence, ...]:
    """Consequences (polarity, text, category, weight), numbered c.pos1 ... and c.neg1 ..."""
    counts = {"positive": 0, "negative": 0}
    out = []
    for polarity, text, category, weight in rows:
        counts[polarity] += 1
        short = "pos" if polarity == "positive" else "neg"
        out.append(Consequence(f"c.{short}{counts[polarity]}", polarity, text, category, weight))
    return tuple(out)

