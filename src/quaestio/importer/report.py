"""What an import found, in numbers a teacher can check against the handout."""

from __future__ import annotations

from dataclasses import dataclass

from quaestio.model import Debate, Warning


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

    def lines(self, file: str | None = None) -> list[str]:
        """The report as plain lines: counts first, then every warning with its line."""
        where = f"{file}:" if file else "line "
        out = [
            f"positions: {self.positions}",
            f"evidence: {self.supporting} for, {self.countering} against",
            f"rebuttal pairs: {self.rebuttal_pairs}",
            f"historians: {self.historians}",
            f"conclusion: {'yes' if self.conclusion else 'no'}",
            f"consequences: {self.positive} positive, {self.negative} negative",
            f"warnings: {len(self.warnings)}",
        ]
        for w in self.warnings:
            at = f"{where}{w.line}" if w.line is not None else (file or "-")
            out.append(f"  {at}: [{w.code}] {w.message}")
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
