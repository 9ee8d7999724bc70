"""The corrections the importer flags, applied: known misspellings of historians and
figures hidden by a stray letter.

The importer keeps a handout's wording as written and reports what looks wrong (a
``historian_spelling`` warning for "Brezinski", a ``glued_number`` one for "1996b"),
keying the historian to the right person. Study material a class reads must not repeat
the typo, so ``corrected`` gives the debate with each such correction made: the name
spelt as the historian table spells it (everywhere it is written: a position's or a
point's historians, and any text), and a number glued to one stray letter read as the
figure it is, when the corrected text then reads as a figure with a unit ("the 1996b
delegates" -> "the 1996 delegates"; a citation "Getty 1996b" names no figure and stays).
Only corrections that are certain by these rules are made; ids and sources are kept, so
everything built from the corrected debate still cites the handout's own lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from quaestio.extract.figures import find_figures, glued_numbers
from quaestio.extract.names import HistorianTable, load_table
from quaestio.model import Conclusion, Consequence, Debate, Evidence, Historian, Position

CorrectionKind = Literal["spelling", "figure"]
_WORD = re.compile(r"(?<![\w-])[A-ZÀ-Þ][\w’'-]*[\w]")
_STRAY = re.compile(r"^(\d+)([a-z])$")


@dataclass(frozen=True)
class Correction:
    """One correction made: where, what was written and what it became."""

    kind: CorrectionKind
    node: str  # the node id ("conclusion" for the conclusion, "" for the title)
    written: str
    corrected: str

    def describe(self) -> str:
        where = f"{self.node}: " if self.node else ""
        return f"{where}{self.written!r} corrected to {self.corrected!r}"


def spelt(table: HistorianTable, name: str) -> str | None:
    """How the table spells a name written as a known misspelling: a surname stays a
    surname ('Brezinski' -> 'Brzezinski'), a full name becomes the full name."""
    person = table.misspelt(name)
    if person is None:
        return None
    parts = person.name.split()
    right = parts[-1] if len(name.split()) == 1 and parts else person.name
    return right if right != name else None


class _Fixer:
    def __init__(self, table: HistorianTable) -> None:
        self.table = table
        self.made: list[Correction] = []
        self._names: dict[str, str | None] = {}

    def name(self, written: str) -> str | None:
        if written not in self._names:
            self._names[written] = spelt(self.table, written)
        return self._names[written]

    def text(self, node: str, text: str) -> str:
        if not text:
            return text

        def word(m: re.Match[str]) -> str:
            right = self.name(m.group(0))
            if right is None:
                return m.group(0)
            self.made.append(Correction("spelling", node, m.group(0), right))
            return right

        out = _WORD.sub(word, text)
        for glued in glued_numbers(out):
            m = _STRAY.match(glued)
            if m is None:
                continue
            number = m.group(1)
            fixed = re.sub(rf"(?<![\w/.,]){re.escape(glued)}(?!\w)", number, out, count=1)
            before = {f.text for f in find_figures(out)}
            if any(
                f.text.startswith(number) and f.unit and f.text not in before
                for f in find_figures(fixed)
            ):
                self.made.append(Correction("figure", node, glued, number))
                out = fixed
        return out

    def historians(self, node: str, people: tuple[Historian, ...]) -> tuple[Historian, ...]:
        out: list[Historian] = []
        for h in people:
            right = self.name(h.name)
            if right is None:
                out.append(h)
            else:
                self.made.append(Correction("spelling", node, h.name, right))
                out.append(replace(h, name=right))
        return tuple(out)

    def evidence(self, e: Evidence) -> Evidence:
        text = self.text(e.id, e.text)
        label = self.text(e.id, e.label) if e.label else e.label
        people = self.historians(e.id, e.historians)
        if (text, label, people) == (e.text, e.label, e.historians):
            return e
        figures = e.figures
        if text != e.text:
            known = {f.text for f in e.figures}
            figures = (*e.figures, *(f for f in find_figures(text) if f.text not in known))
        return replace(e, text=text, label=label, historians=people, figures=figures)

    def position(self, p: Position) -> Position:
        title = self.text(p.id, p.title)
        summary = self.text(p.id, p.summary)
        people = self.historians(p.id, p.historians)
        evidence = tuple(self.evidence(e) for e in p.evidence)
        if (title, summary, people) == (p.title, p.summary, p.historians) and all(
            a is b for a, b in zip(evidence, p.evidence, strict=True)
        ):
            return p
        return replace(p, title=title, summary=summary, historians=people, evidence=evidence)

    def consequence(self, c: Consequence) -> Consequence:
        text = self.text(c.id, c.text)
        return c if text == c.text else replace(c, text=text)

    def conclusion(self, c: Conclusion | None) -> Conclusion | None:
        if c is None:
            return None
        text = self.text("conclusion", c.text)
        claims = tuple(
            k if (t := self.text(k.id, k.text)) == k.text else replace(k, text=t) for k in c.claims
        )
        if text == c.text and all(a is b for a, b in zip(claims, c.claims, strict=True)):
            return c
        return replace(c, text=text, claims=claims)


def _apply(debate: Debate, table: HistorianTable) -> tuple[Debate, list[Correction]]:
    fix = _Fixer(table)
    positions = tuple(fix.position(p) for p in debate.positions)
    consequences = tuple(fix.consequence(c) for c in debate.consequences)
    conclusion = fix.conclusion(debate.conclusion)
    title, question = fix.text("", debate.title), fix.text("", debate.question)
    if not fix.made:
        return debate, []
    out = replace(
        debate,
        title=title,
        question=question,
        positions=positions,
        consequences=consequences,
        conclusion=conclusion,
    )
    return out, fix.made


def corrections(debate: Debate, table: HistorianTable | None = None) -> list[Correction]:
    """Every correction ``corrected`` makes, in document order."""
    return _apply(debate, table or load_table())[1]


_CACHE: list[tuple[Debate, Debate]] = []  # the last few debates by identity: one page
_CACHE_SIZE = 4  # builds a verdict, a plan and a quiz from the same debate object


def corrected(debate: Debate, table: HistorianTable | None = None) -> Debate:
    """The debate with the importer's flagged misspellings and stray-letter figures put
    right (the same object when there is nothing to correct; idempotent)."""
    if table is None:
        for original, done in _CACHE:
            if original is debate or done is debate:
                return done
    result = _apply(debate, table or load_table())[0]
    if table is None:
        _CACHE.insert(0, (debate, result))
        del _CACHE[_CACHE_SIZE:]
    return result
