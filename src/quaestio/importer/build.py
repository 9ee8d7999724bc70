"""Turn parsed cells into model nodes, with ids, provenance, extracted data and warnings.

Shared by the table interpreter and the outline interpreter so that a point
reads the same whether it sat in a Word cell or under a "For:" bullet list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from quaestio.extract import HistorianTable, find_figures, find_years, fold, glued_numbers
from quaestio.importer.cells import Point
from quaestio.limits import check_text
from quaestio.model import (
    Consequence,
    Evidence,
    Historian,
    IdAllocator,
    Polarity,
    Position,
    Source,
    Stance,
    Warning,
)

_DOUBLED = re.compile(r"\b(\w{2,})\s+\1\b", re.I)
_EXEMPT_DOUBLES = {"that", "had", "is"}  # "that that", "had had" are grammatical


@dataclass
class Builder:
    """Collects nodes and warnings for one document."""

    file: str | None
    table: HistorianTable
    ids: IdAllocator = field(default_factory=IdAllocator)
    warnings: list[Warning] = field(default_factory=list)
    document: str = ""  # the plain text, to tell names from words written in lower case

    def warn(self, code: str, message: str, line: int | None) -> None:
        self.warnings.append(Warning(code, message, line))

    def source(self, start: int | None, end: int | None = None) -> Source:
        return Source(self.file, start, end if end is not None else start)

    def check_text(self, text: str, line: int | None) -> None:
        """Warnings for what looks like a typo: glued figures and doubled words."""
        check_text(text, self.file, line=line)
        for glued in glued_numbers(text):
            self.warn(
                "glued_number",
                f"{glued!r} has a number glued to letters; the figure was not read",
                line,
            )
        for m in _DOUBLED.finditer(text):
            if m.group(1).lower() not in _EXEMPT_DOUBLES and not m.group(1).isdigit():
                self.warn("doubled_word", f"doubled word {m.group(0)!r}", line)

    def is_historian(self, word: str) -> bool:
        """``word`` is the surname of a historian in the table (not of a historical figure)."""
        check = self.table.check(word)
        return check.known is not None and check.known.kind == "historian" and check.note is None

    def is_figure(self, name: str) -> bool:
        check = self.table.check(name)
        return check.known is not None and check.known.kind == "figure"

    def historians(self, names: tuple[str, ...], line: int | None) -> tuple[Historian, ...]:
        out: list[Historian] = []
        for name in names:
            check = self.table.check(name)
            if check.note:
                self.warn("historian_spelling", check.note, line)
            out.append(Historian(name, check.key))
        return tuple(out)

    def evidence(self, position_id: str, stance: Stance, points: list[Point]) -> list[Evidence]:
        out: list[Evidence] = []
        for point in points:
            self.check_text(point.text, point.line_start)
            out.append(
                Evidence(
                    id=self.ids.evidence(position_id, stance),
                    stance=stance,
                    text=point.text,
                    label=point.label,
                    years=find_years(point.text),
                    figures=find_figures(point.text),
                    references=tuple(point.references),
                    source=self.source(point.line_start, point.line_end),
                )
            )
        return out

    def consequences(self, polarity: Polarity, points: list[Point]) -> list[Consequence]:
        out: list[Consequence] = []
        for point in points:
            self.check_text(point.text, point.line_start)
            out.append(
                Consequence(
                    id=self.ids.consequence(polarity),
                    polarity=polarity,
                    text=point.text,
                    category=point.label,
                    source=self.source(point.line_start, point.line_end),
                )
            )
        return out

    def finish_position(self, position: Position) -> Position:
        """Link same-labelled counter-points to the point they rebut; warn about gaps."""
        line = position.source.line_start if position.source else None
        by_label: dict[str, list[str]] = {}
        for item in position.supporting:
            if item.label:
                by_label.setdefault(fold(item.label), []).append(item.id)
        linked: list[Evidence] = []
        for item in position.evidence:
            if item.stance == "against" and item.label and fold(item.label) in by_label:
                item = replace(item, rebuts=tuple(by_label[fold(item.label)]))
            linked.append(item)
        if not position.supporting:
            self.warn(
                "no_supporting",
                f"position {position.id} {position.title!r} has no supporting evidence",
                line,
            )
        if not position.countering:
            self.warn(
                "no_countering",
                f"position {position.id} {position.title!r} has no countering evidence",
                line,
            )
        return replace(position, evidence=tuple(linked))
