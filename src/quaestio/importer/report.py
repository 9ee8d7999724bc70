"""What an import found, in numbers a teacher can check against the handout."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from quaestio.model import Debate, Warning

CAP = 5  # warnings shown per kind; the rest are counted
# Kinds that name every line of something already reported (a set-aside section): counted only.
_COUNT_ONLY = {"set_aside_part", "page_chrome", "front_matter_part"}
_REASONS = {
    "front_matter": "front matter read as metadata",
    "front_matter_part": "more lines of front matter",
    "set_aside": "sections that are not explanations",
    "set_aside_part": "lines in those sections",
    "no_stance": "points without For/Against",
    "unplaced_text": "text outside any position",
    "page_chrome": "site menus and footers",
    "template": "template markup",
    "markup": "HTML markup",
    "not_a_debate": "notes, not a debate",
    "unplaced_table": "tables not used",
    "no_supporting": "positions without supporting points",
    "no_countering": "positions without countering points",
    "historian_spelling": "historian spellings",
}


@dataclass(frozen=True)
class Summary:
    positions: int
    supporting: int
    countering: int
    rebuttal_pairs: int
    historians: int
    conclusion: bool
    positive: int
    negative: int
    warnings: tuple[Warning, ...]

    def headline(self) -> str:
        """One line a teacher reads first: what was read, and what was set aside and why."""
        by_code = Counter(w.code for w in self.warnings if w.code not in _COUNT_ONLY)
        reasons = ", ".join(f"{_REASONS.get(code, code)} {n}" for code, n in by_code.most_common())
        return (
            f"read {self.positions} positions with {self.supporting + self.countering} points "
            f"({self.supporting} for, {self.countering} against) and {self.historians} historians; "
            + (f"{sum(by_code.values())} notes: {reasons}" if by_code else "nothing set aside")
        )

    def lines(self, file: str | None = None, cap: int = CAP) -> list[str]:
        """The report as plain lines: the headline, counts, then the warnings grouped by kind.

        Each group shows its first ``cap`` warnings with their lines and says how many more.
        """
        where = f"{file}:" if file else "line "
        out = [
            self.headline(),
            f"positions: {self.positions}",
            f"evidence: {self.supporting} for, {self.countering} against",
            f"rebuttal pairs: {self.rebuttal_pairs}",
            f"historians: {self.historians}",
            f"conclusion: {'yes' if self.conclusion else 'no'}",
            f"consequences: {self.positive} positive, {self.negative} negative",
            f"warnings: {len(self.warnings)}",
        ]
        groups: dict[str, list[Warning]] = {}
        for w in self.warnings:
            groups.setdefault(w.code, []).append(w)
        for code, items in groups.items():
            if code in _COUNT_ONLY:
                out.append(f"  {_REASONS.get(code, code)}: {len(items)} lines")
                continue
            out.append(f"  {_REASONS.get(code, code)} ({len(items)}):")
            for w in items[:cap]:
                at = f"{where}{w.line}" if w.line is not None else (file or "-")
                out.append(f"    {at}: [{w.code}] {w.message}")
            if len(items) > cap:
                out.append(f"    ... and {len(items) - cap} more like these")
        return out


def summarise(debate: Debate) -> Summary:
    evidence = [e for _, e in debate.iter_evidence()]
    return Summary(
        positions=len(debate.positions),
        supporting=sum(1 for e in evidence if e.stance == "for"),
        countering=sum(1 for e in evidence if e.stance == "against"),
        rebuttal_pairs=len(debate.rebuttal_pairs()),
        historians=len(debate.historians()),
        conclusion=debate.conclusion is not None,
        positive=sum(1 for c in debate.consequences if c.polarity == "positive"),
        negative=sum(1 for c in debate.consequences if c.polarity == "negative"),
        warnings=tuple(sorted(debate.warnings, key=lambda w: (w.line is None, w.line or 0))),
    )
